package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's own Java types by name, the one a supertype names from where it is written, and the classes that
 * extend a type: what a check of a PMD violation against the class hierarchy needs, where PMD looks at one class.
 */
final class ProjectTypes {

    /** A type with the file that declares it. */
    record Owned(FileModel file, TypeModel type) {
    }

    private final Map<String, List<Owned>> typesBySimpleName = new HashMap<>();
    private final Map<String, FileModel> filesByPath = new HashMap<>();
    private Map<String, List<Owned>> directSubclasses;

    ProjectTypes(CodeModel model) {
        for (FileModel file : model.parsed()) {
            filesByPath.put(file.path(), file);
            for (TypeModel type : file.types()) {
                typesBySimpleName.computeIfAbsent(type.simpleName(), k -> new ArrayList<>()).add(new Owned(file, type));
            }
        }
    }

    Optional<FileModel> file(String path) {
        return Optional.ofNullable(filesByPath.get(path));
    }

    /** The type of the file with a method or constructor that spans the line (nested types have their own). */
    Optional<Owned> typeAt(String path, int line) {
        return file(path).flatMap(file -> file.types().stream()
                .filter(t -> t.methods().stream().anyMatch(m -> m.beginLine() <= line && line <= m.endLine()))
                .findFirst().map(t -> new Owned(file, t)));
    }

    /** The project's classes that extend the type, directly or through others, nearest first. */
    List<Owned> subclasses(Owned type) {
        if (directSubclasses == null) {
            directSubclasses = new HashMap<>();
            typesBySimpleName.values().stream().flatMap(List::stream).forEach(sub -> sub.type().supertypes().forEach(
                    written -> resolve(written, sub).ifPresent(base -> directSubclasses
                            .computeIfAbsent(base.type().qualifiedName(), k -> new ArrayList<>()).add(sub))));
        }
        List<Owned> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(type.type().qualifiedName()));
        List<Owned> next = List.of(type);
        while (!next.isEmpty()) {
            List<Owned> level = new ArrayList<>();
            for (Owned base : next) {
                for (Owned sub : directSubclasses.getOrDefault(base.type().qualifiedName(), List.of())) {
                    if (seen.add(sub.type().qualifiedName())) {
                        level.add(sub);
                    }
                }
            }
            found.addAll(level);
            next = level;
        }
        return found;
    }

    /**
     * The project class a supertype names from where it is written: nested in an enclosing class, imported by name,
     * top-level in the same package, nested in a class of the same package (the model keeps {@code
     * ImmutableSet.CachingAsList} as {@code CachingAsList}), or imported with a wildcard. Empty when none or more
     * than one fits, or when the file imports a class of that name from outside the project.
     */
    Optional<Owned> resolve(String written, Owned from) {
        String name = erased(written);
        String simple = name.substring(name.lastIndexOf('.') + 1);
        List<Owned> candidates = typesBySimpleName.getOrDefault(simple, List.of()).stream()
                .filter(c -> c.type().qualifiedName().equals(name) || c.type().qualifiedName().endsWith("." + name))
                .toList();
        for (String scope = from.type().qualifiedName(); !scope.isEmpty(); scope = outer(scope)) {
            String nested = scope + "." + name;
            Optional<Owned> found = only(candidates.stream().filter(c -> c.type().qualifiedName().equals(nested)).toList());
            if (found.isPresent()) {
                return found;
            }
        }
        FileModel file = from.file();
        List<String> imported = file.imports().stream().filter(i -> i.endsWith("." + simple)).toList();
        if (!imported.isEmpty()) {
            return only(candidates.stream().filter(c -> imported.contains(c.type().qualifiedName())).toList());
        }
        List<Owned> samePackage = candidates.stream().filter(c -> c.type().packageName().equals(file.packageName())).toList();
        if (!samePackage.isEmpty()) {
            return only(samePackage);
        }
        return only(candidates.stream().filter(c -> file.imports().contains(c.type().packageName() + ".*")).toList());
    }

    private static String outer(String qualifiedName) {
        return qualifiedName.contains(".") ? qualifiedName.substring(0, qualifiedName.lastIndexOf('.')) : "";
    }

    private static Optional<Owned> only(List<Owned> candidates) {
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** {@code ImmutableSet<E>} to {@code ImmutableSet}, {@code Maps.EntrySet<K, V>} to {@code Maps.EntrySet}. */
    static String erased(String written) {
        int generic = written.indexOf('<');
        return (generic < 0 ? written : written.substring(0, generic)).strip();
    }
}
