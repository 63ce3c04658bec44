package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * One parsed Java file.
 *
 * @param path        repository-relative path
 * @param contentHash git blob id of the parsed content
 * @param imports     imports as written (static ones prefixed with {@code static })
 * @param parseError  why the file could not be parsed; null when it was (then types is empty)
 * @param test        the file is test code (under a test source folder, or a test-annotated method)
 */
public record FileModel(String path, String contentHash, String packageName, List<String> imports, List<TypeModel> types,
                        String parseError, boolean test) {

    public FileModel {
        packageName = Interned.string(packageName);
        imports = Interned.strings(imports);
    }

    public boolean parsed() {
        return parseError == null;
    }

    public boolean imports(String prefix) {
        return imports.stream().anyMatch(i -> i.startsWith(prefix) || i.startsWith("static " + prefix));
    }
}
