package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one Java file declares and depends on. Built once per file content (keyed by content hash) and shared
 * by every perspective.
 *
 * @param path        repository-relative path
 * @param contentHash the content this model was built from
 * @param packageName declared package, "" for the default package
 * @param imports     imported names as written (static imports prefixed with "static "), in order
 * @param types       declared types, outer before nested
 * @param parseError  null when the file parsed; otherwise the parser's message, or why the file was skipped
 *                    (types and imports are empty)
 * @param skipped     never given to the parser (binary, over the size limit, unreadable): not counted as unparseable
 */
public record JavaFileModel(String path, String contentHash, String packageName, List<String> imports,
                            List<JavaTypeModel> types, String parseError, boolean skipped) {

    public JavaFileModel {
        packageName = Interned.string(packageName);
        imports = Interned.strings(imports);
    }

    /** A file the parser was given: parsed when {@code parseError} is null, else unparseable. */
    public JavaFileModel(String path, String contentHash, String packageName, List<String> imports,
                         List<JavaTypeModel> types, String parseError) {
        this(path, contentHash, packageName, imports, types, parseError, false);
    }

    /** A file left out before parsing, with the reason. */
    public static JavaFileModel skipped(String path, String contentHash, String reason) {
        return new JavaFileModel(path, contentHash, "", List.of(), List.of(), reason, true);
    }

    public boolean parsed() {
        return parseError == null;
    }

    /** The innermost type whose lines hold the line: a nested type starts after, and ends before, the one around it. */
    public Optional<JavaTypeModel> typeAt(int line) {
        return types.stream().filter(t -> t.beginLine() <= line && line <= t.endLine())
                .min(Comparator.comparingInt(JavaTypeModel::lines));
    }

    /**
     * The innermost method or constructor whose lines hold the line: one of an anonymous or local class inside a
     * method, rather than the method around it.
     */
    public Optional<JavaMethodModel> methodAt(int line) {
        return types.stream().flatMap(t -> t.methods().stream())
                .filter(m -> m.beginLine() <= line && line <= m.endLine())
                .min(Comparator.comparingInt(JavaMethodModel::lines));
    }
}
