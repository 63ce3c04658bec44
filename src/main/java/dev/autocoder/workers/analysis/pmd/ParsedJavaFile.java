package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.JavaTypeModel;

import java.util.List;

/**
 * What the collector rule extracted from one parsed file, independent of the file's path (it is cached by
 * content hash, and the same content may live at several paths).
 *
 * @param types types as declared; {@code isTest} here only reflects test annotations, the path is added later
 * @param loops methods whose loops nest at least two deep
 */
record ParsedJavaFile(String packageName, List<String> imports, List<JavaTypeModel> types, List<MethodLoops> loops) {

    /** Loop nesting of one method, without its path. */
    record MethodLoops(String type, String signature, int beginLine, int endLine, int depth) {
    }
}
