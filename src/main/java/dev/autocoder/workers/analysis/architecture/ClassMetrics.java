package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Size and coupling of one Java file, named after its main type.
 *
 * @param file       repository-relative path
 * @param type       qualified name of the main type (the top-level type named like the file, else the first)
 * @param beginLine  first line of the main type
 * @param endLine    last line of the main type
 * @param lines      lines of the file
 * @param methods    methods and constructors of all its types, those of anonymous and local classes included
 * @param complexity sum of the cyclomatic complexity of those methods
 * @param efferent   distinct project types it imports (single-type and static imports) plus project packages it
 *                   imports by wildcard, each counted once; its own types and same-package types used without an
 *                   import are not counted
 * @param afferent   other project files that import one of its types by single-type or static import
 */
record ClassMetrics(String file, String type, int beginLine, int endLine, int lines, int methods, int complexity,
                    int efferent, int afferent) {

    /**
     * Metrics of every file that declares at least one type.
     *
     * @param linesOf lines of a file by path (the snapshot's inventory)
     */
    static List<ClassMetrics> of(Collection<JavaFileModel> files, ImportResolver resolver,
                                 ToIntFunction<String> linesOf) {
        Map<String, Set<String>> importersOf = new HashMap<>();
        Map<String, Integer> efferentOf = new HashMap<>();
        for (JavaFileModel file : files) {
            Set<String> ownTypes = new HashSet<>();
            file.types().forEach(t -> ownTypes.add(t.qualifiedName()));
            Set<String> dependencies = new HashSet<>();
            for (String written : file.imports()) {
                ResolvedImport target = resolver.resolve(written);
                if (target.kind() == ResolvedImport.Kind.PROJECT_TYPE && !ownTypes.contains(target.typeName())) {
                    dependencies.add(target.typeName());
                    resolver.fileDeclaring(target.typeName())
                            .filter(declaring -> !declaring.equals(file.path()))
                            .ifPresent(declaring -> importersOf.computeIfAbsent(declaring, k -> new HashSet<>())
                                    .add(file.path()));
                } else if (target.kind() == ResolvedImport.Kind.PROJECT_PACKAGE
                        && !target.packageName().equals(file.packageName())) {
                    dependencies.add(target.packageName() + ".*");
                }
            }
            efferentOf.put(file.path(), dependencies.size());
        }
        List<ClassMetrics> metrics = new ArrayList<>();
        for (JavaFileModel file : files) {
            if (file.types().isEmpty()) {
                continue;
            }
            JavaTypeModel main = mainType(file);
            int methods = file.types().stream().mapToInt(t -> t.methods().size()).sum();
            int complexity = complexity(file);
            int lines = linesOf.applyAsInt(file.path());
            if (lines <= 0) {
                lines = file.types().stream().mapToInt(JavaTypeModel::endLine).max().orElse(0);
            }
            metrics.add(new ClassMetrics(file.path(), main.qualifiedName(), main.beginLine(), main.endLine(), lines,
                    methods, complexity, efferentOf.getOrDefault(file.path(), 0),
                    importersOf.getOrDefault(file.path(), Set.of()).size()));
        }
        return metrics;
    }

    /** Cyclomatic complexity of every method of the file's types. */
    static int complexity(JavaFileModel file) {
        return file.types().stream().mapToInt(JavaTypeModel::totalCyclomatic).sum();
    }

    private static JavaTypeModel mainType(JavaFileModel file) {
        String fileName = file.path().substring(file.path().lastIndexOf('/') + 1);
        String baseName = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return file.types().stream()
                .filter(t -> t.simpleName().equals(baseName))
                .findFirst()
                .orElse(file.types().get(0));
    }
}
