package dev.autocoder.workers.analysis.pmd;

/**
 * A method whose loops nest at least two deep: a loop inside a loop is where running time grows fastest.
 *
 * @param path      repository-relative path
 * @param type      qualified name of the declaring type
 * @param signature method signature as in the Java model
 * @param beginLine first line of the method
 * @param endLine   last line of the method
 * @param depth     deepest loop nesting inside the method (2 = a loop in a loop)
 */
public record LoopNesting(String path, String type, String signature, int beginLine, int endLine, int depth) {
}
