package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;

import java.util.List;

/**
 * What the collector rule extracted from one parsed file, independent of the file's path (it is cached by
 * content hash, and the same content may live at several paths).
 *
 * @param types types as declared; {@code isTest} here only reflects test annotations, the path is added later
 * @param loops methods whose loops nest at least two deep
 * @param detail the planner's detailed model of the same parse, without a path ({@link FileModel}); the test
 *               planner and the implementation worker read it
 */
record ParsedJavaFile(String packageName, List<String> imports, List<JavaTypeModel> types, List<MethodLoops> loops,
                      FileModel detail) {

    /** Loop nesting of one method, without its path (see {@link LoopNesting}). */
    record MethodLoops(String type, String signature, int beginLine, int endLine, int depth, int growthDepth) {
    }
}
