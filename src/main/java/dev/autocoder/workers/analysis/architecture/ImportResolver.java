package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves imports as written ({@code a.b.C}, {@code a.b.*}, {@code static a.b.C.m}) against the types the
 * project declares. Only the declared qualified names are used: an import belongs to the project when it names
 * a declared type (or a member or nested type of one), or, for a wildcard, a package that has project files.
 */
final class ImportResolver {

    private static final String STATIC_PREFIX = "static ";

    private final Map<String, String> packageOfType = new HashMap<>();
    private final Map<String, String> fileOfType = new HashMap<>();
    private final Set<String> projectPackages = new HashSet<>();

    ImportResolver(Collection<JavaFileModel> files) {
        for (JavaFileModel file : files) {
            projectPackages.add(file.packageName());
            for (JavaTypeModel type : file.types()) {
                // The first declaration wins when two modules declare the same name.
                packageOfType.putIfAbsent(type.qualifiedName(), file.packageName());
                fileOfType.putIfAbsent(type.qualifiedName(), file.path());
            }
        }
    }

    boolean isProjectPackage(String packageName) {
        return projectPackages.contains(packageName);
    }

    /** The file that declares a project type. */
    Optional<String> fileDeclaring(String qualifiedTypeName) {
        return Optional.ofNullable(fileOfType.get(qualifiedTypeName));
    }

    ResolvedImport resolve(String written) {
        String text = written.strip();
        boolean isStatic = text.startsWith(STATIC_PREFIX);
        if (isStatic) {
            text = text.substring(STATIC_PREFIX.length()).strip();
        }
        boolean wildcard = text.endsWith(".*");
        String name = wildcard ? text.substring(0, text.length() - 2) : text;
        if (isStatic) {
            // "a.b.C.m" names member m of type a.b.C; "a.b.C.*" names all members of a.b.C.
            return resolveType(wildcard ? name : parent(name));
        }
        if (wildcard && projectPackages.contains(name)) {
            return new ResolvedImport(ResolvedImport.Kind.PROJECT_PACKAGE, name, null);
        }
        // Wildcards of a type ("a.b.Outer.*") import its nested types, which live in the type's package.
        return resolveType(name);
    }

    private ResolvedImport resolveType(String name) {
        for (String candidate = name; candidate.indexOf('.') > 0; candidate = parent(candidate)) {
            String packageName = packageOfType.get(candidate);
            if (packageName != null) {
                return new ResolvedImport(ResolvedImport.Kind.PROJECT_TYPE, packageName, candidate);
            }
        }
        String packageName = conventionalPackage(name);
        ResolvedImport.Kind kind = projectPackages.contains(packageName)
                ? ResolvedImport.Kind.UNRESOLVED : ResolvedImport.Kind.EXTERNAL;
        return new ResolvedImport(kind, packageName, null);
    }

    /**
     * The package part of a name the project does not declare, by Java naming convention: the segments before
     * the first one that starts with an upper-case letter ({@code org.junit.jupiter.api.Assertions} gives
     * {@code org.junit.jupiter.api}); a name without such a segment is taken as a package already.
     */
    static String conventionalPackage(String name) {
        String[] segments = name.split("\\.");
        StringBuilder packageName = new StringBuilder();
        for (String segment : segments) {
            if (!segment.isEmpty() && Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            if (packageName.length() > 0) {
                packageName.append('.');
            }
            packageName.append(segment);
        }
        return packageName.length() == 0 ? name : packageName.toString();
    }

    private static String parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
