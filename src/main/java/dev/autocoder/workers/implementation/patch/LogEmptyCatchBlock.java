package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.Statement;

import java.util.List;

/**
 * PMD {@code EmptyCatchBlock}: logs the swallowed exception with the JDK's own {@link System.Logger} at WARNING,
 * with its stack trace, for example
 * {@code System.getLogger(Parser.class.getName()).log(System.Logger.Level.WARNING, "Ignored NumberFormatException in parse", e);}.
 * <p>
 * Why this fix: it keeps the control flow exactly as it was (the exception is still caught, the method goes on as
 * before), it needs no dependency and no import in any Java 9+ project, and it makes a silently lost failure
 * visible. Rethrowing (say, as {@code IllegalStateException}) would change behaviour; renaming the parameter to
 * {@code ignored} only silences the rule.
 * <p>
 * Declined: a block with a comment (PMD reports it, as its {@code allowCommentedBlocks} is off by default, but the
 * comment says the exception is let go on purpose, as the test planner's {@code CatchSite#deliberate} reads it: a
 * WARNING for every such exception is noise a reviewer would refuse), and an {@code InterruptedException} (logging
 * it would still lose the interrupt; restoring the flag, or ending the work, is a decision about the loop around it).
 */
final class LogEmptyCatchBlock implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<CatchClause> catches = NodeFinder.startingAt(unit, CatchClause.class, place.line());
        if (catches.isEmpty()) {
            catches = NodeFinder.covering(unit, CatchClause.class, place.line());
        }
        if (catches.isEmpty()) {
            throw new NotFixableException("no catch clause at " + place);
        }
        CatchClause clause = catches.get(0);
        BlockStmt body = clause.getBody();
        if (!body.getStatements().isEmpty()) {
            throw new NotFixableException("the catch block at line " + NodeFinder.beginLine(clause) + " is not empty");
        }
        if (!body.getOrphanComments().isEmpty()) {
            throw new NotFixableException("the catch block's comment says the exception is let go on purpose");
        }
        String caught = clause.getParameter().getType().asString();
        if (caught.equals("InterruptedException") || caught.equals("java.lang.InterruptedException")) {
            throw new NotFixableException("an ignored interrupt needs a decision, not a log line: restore the interrupt "
                    + "flag or end the work");
        }
        String where = NodeFinder.enclosingMember(clause)
                .filter(m -> m instanceof CallableDeclaration<?>)
                .map(m -> " in " + ((CallableDeclaration<?>) m).getNameAsString())
                .orElse("");
        String system = shadowsSystem(unit) ? "java.lang.System" : "System";
        String logger = NodeFinder.enclosingType(clause).map(TypeDeclaration::getNameAsString)
                .orElseThrow(() -> new NotFixableException("the catch clause is not inside a named type"));
        Statement log = JavaSource.statement(system + ".getLogger(" + logger + ".class.getName()).log("
                + system + ".Logger.Level.WARNING, \"Ignored " + caught + where + "\", "
                + clause.getParameter().getNameAsString() + ");");
        body.addStatement(log);
        return "Log the ignored " + caught + " at WARNING with the JDK's System.Logger instead of swallowing it silently.";
    }

    /** True when the file declares or imports a type named System, so the JDK's must be named in full. */
    private static boolean shadowsSystem(CompilationUnit unit) {
        return unit.findAll(TypeDeclaration.class).stream().anyMatch(t -> t.getNameAsString().equals("System"))
                || unit.getImports().stream().anyMatch(i -> !i.isAsterisk() && i.getName().getIdentifier().equals("System"));
    }
}
