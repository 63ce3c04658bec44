package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;

import java.util.List;

/**
 * PMD 7 {@code UnnecessaryImport} (unused, duplicate, {@code java.lang} and same-package imports; PMD 6 called the
 * unused case {@code UnusedImports}): removes the import declaration on the finding's line.
 */
final class RemoveUnusedImport implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<ImportDeclaration> imports = unit.getImports().stream()
                .filter(i -> NodeFinder.beginLine(i) == place.line())
                .toList();
        if (imports.isEmpty()) {
            throw new NotFixableException("no import declaration starts at line " + place.line());
        }
        if (imports.size() > 1) {
            throw new NotFixableException("several imports are on line " + place.line() + "; the finding does not say which one");
        }
        ImportDeclaration unnecessary = imports.get(0);
        String name = (unnecessary.isStatic() ? "static " : "") + unnecessary.getNameAsString()
                + (unnecessary.isAsterisk() ? ".*" : "");
        Edits.remove(unnecessary);
        return "Remove the unnecessary import `" + name + "`.";
    }
}
