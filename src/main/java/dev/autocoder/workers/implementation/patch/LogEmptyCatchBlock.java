package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
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
 * visible. Rethrowing (say, as {@code IllegalStateException}) would change behaviour; a comment alone hides the
 * problem and does not even satisfy the rule (its {@code allowCommentedBlocks} is false by default); renaming the
 * parameter to {@code ignored} only silences it. A comment already in the block is kept, above the new statement.
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
        List<Comment> comments = body.getOrphanComments();
        if (comments.size() > 1) {
            throw new NotFixableException("the catch block holds several comments; add the handling by hand so they stay in place");
        }
        String caught = clause.getParameter().getType().asString();
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
        if (comments.isEmpty()) {
            body.addStatement(log);
        } else {
            // an orphan comment would be printed after the new statement; keep it above, as the statement's comment
            Comment comment = comments.get(0);
            body.removeOrphanComment(comment);
            body.addStatement(log);
            log.setComment(copy(comment));
        }
        return "Log the ignored " + caught + " at WARNING with the JDK's System.Logger instead of swallowing it silently.";
    }

    private static Comment copy(Comment comment) {
        if (comment instanceof LineComment) {
            return new LineComment(comment.getContent());
        }
        return comment instanceof BlockComment ? new BlockComment(comment.getContent()) : comment.clone();
    }

    /** True when the file declares or imports a type named System, so the JDK's must be named in full. */
    private static boolean shadowsSystem(CompilationUnit unit) {
        return unit.findAll(TypeDeclaration.class).stream().anyMatch(t -> t.getNameAsString().equals("System"))
                || unit.getImports().stream().anyMatch(i -> !i.isAsterisk() && i.getName().getIdentifier().equals("System"));
    }
}
