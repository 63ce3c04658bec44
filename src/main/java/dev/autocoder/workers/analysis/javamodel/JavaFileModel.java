package dev.autocoder.workers.analysis.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * What one Java file declares and depends on. Built once per file content (keyed by content hash) and shared
 * by every perspective.
 *
 * @param path        repository-relative path
 * @param contentHash the content this model was built from
 * @param packageName declared package, "" for the default package
 * @param imports     imported names as written (static imports prefixed with "static "), in order
 * @param types       declared types, outer before nested
 * @param parseError  null when the file parsed; otherwise the parser's message (types and imports are empty)
 */
public record JavaFileModel(String path, String contentHash, String packageName, List<String> imports,
                            List<JavaTypeModel> types, String parseError) {

    public JavaFileModel {
        packageName = Interned.string(packageName);
        imports = Interned.strings(imports);
    }

    public boolean parsed() {
        return parseError == null;
    }
}
