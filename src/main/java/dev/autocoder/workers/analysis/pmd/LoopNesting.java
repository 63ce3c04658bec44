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
 * @param growthDepth deepest nesting of the loops that multiply the work: a loop over elements written out in the
 *                  code, or over what an enclosing loop's element holds (a map entry's list, a row's cells), is not
 *                  counted, see
 *                  {@link dev.autocoder.workers.javamodel.LoopFactors}
 */
public record LoopNesting(String path, String type, String signature, int beginLine, int endLine, int depth,
                          int growthDepth) {
}
