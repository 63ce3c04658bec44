package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;

/**
 * One kind of mechanical fix: edits the syntax tree (set up for lexical preservation) in place. Which PMD rules it
 * answers is listed in {@link MechanicalFixes}.
 */
@FunctionalInterface
interface MechanicalFix {

    /**
     * Finds the code the finding points at and edits it.
     *
     * @return one sentence describing the edit
     * @throws NotFixableException when the code is not the expected shape or the edit would not be safe
     */
    String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException;
}
