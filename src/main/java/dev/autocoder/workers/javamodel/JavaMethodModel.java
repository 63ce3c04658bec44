package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

/**
 * A method or constructor as the Java model sees it.
 *
 * @param name        simple name ({@code <init>} style names are not used: constructors carry the class name)
 * @param signature   name with parameter types, e.g. {@code parse(String, int)}; for a method of an anonymous,
 *                    local or enum-constant class, prefixed with where that class is, e.g.
 *                    {@code task(List<String>).Counter.count(String)} (see {@link JavaTypeModel#methods()})
 * @param isPublic    declared public (and its type is public)
 * @param constructor true for constructors
 * @param beginLine   first line, 1-based
 * @param endLine     last line
 * @param cyclomatic  cyclomatic complexity (PMD's CYCLO metric)
 * @param ncss        non-commenting source statements (PMD's NCSS metric)
 * @param switchCases the decisions CYCLO counts for the cases of its switches beyond one per switch (a switch that
 *                    maps 40 file extensions to languages adds 40 to CYCLO, one path a reader follows)
 * @param hasBody     false for a declaration without a body (abstract, or an interface's non-default method)
 */
public record JavaMethodModel(String name, String signature, boolean isPublic, boolean constructor,
                              int beginLine, int endLine, int cyclomatic, int ncss, int switchCases, boolean hasBody) {

    public JavaMethodModel {
        name = Interned.string(name);
        signature = Interned.string(signature);
    }

    /**
     * Cyclomatic complexity with each switch counted as one decision, however many cases it has: the modified
     * cyclomatic complexity (Lizard's {@code -m}, PMD 5's ModifiedCyclomaticComplexity). A lookup switch is one
     * step for a reader, as cognitive complexity counts it; the decisions inside its cases still count.
     */
    public int modifiedCyclomatic() {
        return cyclomatic - switchCases;
    }

    public int lines() {
        return endLine - beginLine + 1;
    }
}
