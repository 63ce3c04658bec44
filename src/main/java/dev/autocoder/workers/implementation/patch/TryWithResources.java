package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PMD {@code UseTryWithResources} and {@code CloseResource}, for a local {@code InputStream}, {@code OutputStream},
 * {@code Reader} or {@code Writer} (by type name: {@code *InputStream}, {@code *OutputStream}, {@code *Reader},
 * {@code *Writer}, {@code PrintStream}):
 * <ul>
 * <li>{@code T x = open(); try { ... } finally { x.close(); }} becomes {@code try (T x = open()) { ... }}; when the
 * try also has catch clauses the declaration stays where it is and the header names it, {@code try (x)}, so an
 * exception from {@code open()} still escapes the catch clauses as before;</li>
 * <li>{@code T x = null; try { x = open(); ... } ... finally { if (x != null) x.close(); }} becomes
 * {@code try (T x = open()) { ... } ...};</li>
 * <li>a stream that is never closed: the statements after its declaration, to the end of the block or to an explicit
 * {@code x.close();}, move into {@code try (T x = open()) { ... }}.</li>
 * </ul>
 * The finally block may only close the stream (directly, behind a null check, or in a try/catch that swallows
 * the close exception). Not fixed: a stream used after the try, assigned again, used in a catch clause, passed on
 * or stored (it may escape), opened inside a call that was handed the stream ({@code closer.register(openStream())}:
 * Guava's Closer closes what it registers), or whose {@code close()} would throw an IOException the method neither
 * declares nor catches.
 */
final class TryWithResources implements MechanicalFix {

    /** open(), openStream(), newInputStream(..), newBufferedReader(..), getInputStream(), getOutputStream(). */
    private static final Pattern OPENS_A_STREAM = Pattern.compile("open\\w*|new\\w*(Stream|Reader|Writer)|get\\w*(Stream|Reader|Writer)");
    /** Stream types whose close() declares no checked exception. */
    private static final Set<String> QUIET_CLOSE = Set.of("PrintStream", "PrintWriter", "StringReader",
            "CharArrayReader", "CharArrayWriter");
    private static final Set<String> CATCHES_IO_EXCEPTION = Set.of("IOException", "java.io.IOException", "Exception",
            "java.lang.Exception", "Throwable", "java.lang.Throwable");

    /** The variable a finally block closes; swallowed when the close exception is caught there. */
    private record Close(String variable, boolean swallowed) {
    }

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        for (TryStmt tryStmt : NodeFinder.startingAt(unit, TryStmt.class, place.line())) {
            if (closedInFinally(tryStmt).isPresent()) {
                return rewriteTryFinally(tryStmt);
            }
        }
        VariableDeclarator variable = LocalVariables.pick(unit, place,
                v -> LocalVariables.declarationStatement(v).isPresent(), v -> true, "local stream variable");
        ExpressionStmt declaration = LocalVariables.declarationStatement(variable).orElseThrow();
        if (!(declaration.getParentNode().orElse(null) instanceof BlockStmt block)) {
            throw new NotFixableException("`" + variable.getNameAsString() + "` is not declared in a block");
        }
        int index = block.getStatements().indexOf(declaration);
        if (index + 1 < block.getStatements().size() && block.getStatement(index + 1) instanceof TryStmt next
                && closedInFinally(next).map(c -> c.variable().equals(variable.getNameAsString())).orElse(false)) {
            return rewriteTryFinally(next);
        }
        return wrapUses(variable, declaration, block);
    }

    // --- try { ... } finally { x.close(); }

    private String rewriteTryFinally(TryStmt tryStmt) throws NotFixableException {
        Close close = closedInFinally(tryStmt).orElseThrow();
        String name = close.variable();
        if (!tryStmt.getResources().isEmpty()) {
            throw new NotFixableException("the try statement at line " + NodeFinder.beginLine(tryStmt) + " already has resources");
        }
        BlockStmt block = (BlockStmt) tryStmt.getParentNode().filter(BlockStmt.class::isInstance)
                .orElseThrow(() -> new NotFixableException("the try statement is not in a block"));
        int index = block.getStatements().indexOf(tryStmt);
        Statement previous = index > 0 ? block.getStatement(index - 1) : null;
        VariableDeclarator variable = singleDeclaration(previous, name)
                .orElseThrow(() -> new NotFixableException("`" + name + "` is not declared, alone, right before the try statement"));
        requireStream(variable);
        Expression initial = variable.getInitializer()
                .orElseThrow(() -> new NotFixableException("`" + name + "` is declared without a value"));
        ExpressionStmt opening = null;
        Expression opened = initial;
        if (initial.isNullLiteralExpr()) {
            opening = openingStatement(tryStmt, name)
                    .orElseThrow(() -> new NotFixableException("`" + name + "` starts as null and the try block does not "
                            + "open it in its first statement"));
            opened = NodeFinder.assignedValue(opening);
        }
        for (Expression reference : NodeFinder.references(block, name)) {
            if (!(reference instanceof NameExpr)) {
                continue;
            }
            if (isAfter(reference, tryStmt)) {
                throw new NotFixableException("`" + name + "` is used after the try statement, at line " + NodeFinder.beginLine(reference));
            }
            if (isWrite(reference) && (opening == null || !opening.isAncestorOf(reference))) {
                throw new NotFixableException("`" + name + "` is assigned again at line " + NodeFinder.beginLine(reference));
            }
            if (reference.findAncestor(CatchClause.class).filter(c -> tryStmt.getCatchClauses().contains(c)).isPresent()) {
                throw new NotFixableException("the catch clause at line " + NodeFinder.beginLine(reference) + " uses `" + name
                        + "`, which try-with-resources closes before the catch clause runs");
            }
        }
        if (close.swallowed() && !quietClose(variable.getType()) && !handlesIoException(tryStmt, true)) {
            throw new NotFixableException("closing `" + name + "` throws IOException, which the finally block swallowed "
                    + "and this method neither declares nor catches");
        }
        boolean keepDeclaration = opening == null && tryStmt.getCatchClauses().isNonEmpty();
        Expression resource = keepDeclaration ? new NameExpr(name) : resourceDeclaration(variable, opened);
        if (opening != null) {
            opening.remove();
        }
        if (!keepDeclaration) {
            previous.remove();
        }
        tryStmt.getResources().add(resource);
        tryStmt.removeFinallyBlock();
        return "Close `" + name + "` with try-with-resources instead of in a finally block.";
    }

    /** The variable the finally block closes, when closing one variable is all it does. */
    private static Optional<Close> closedInFinally(TryStmt tryStmt) {
        BlockStmt finallyBlock = tryStmt.getFinallyBlock().orElse(null);
        if (finallyBlock == null || finallyBlock.isEmpty()) {
            return Optional.empty();
        }
        String variable = null;
        boolean swallowed = false;
        for (Statement statement : finallyBlock.getStatements()) {
            Optional<Close> close = closing(statement);
            if (close.isEmpty() || variable != null && !variable.equals(close.get().variable())) {
                return Optional.empty();
            }
            variable = close.get().variable();
            swallowed |= close.get().swallowed();
        }
        return Optional.of(new Close(variable, swallowed));
    }

    /** {@code x.close();}, {@code if (x != null) x.close();}, or either inside {@code try {...} catch (...) {...}}. */
    private static Optional<Close> closing(Statement statement) {
        if (statement instanceof BlockStmt block && block.getStatements().size() == 1) {
            return closing(block.getStatement(0));
        }
        if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr call
                && call.getNameAsString().equals("close") && call.getArguments().isEmpty()
                && call.getScope().orElse(null) instanceof NameExpr scope) {
            return Optional.of(new Close(scope.getNameAsString(), false));
        }
        if (statement instanceof IfStmt ifStmt && ifStmt.getElseStmt().isEmpty()) {
            Optional<Close> inner = closing(ifStmt.getThenStmt());
            return inner.filter(c -> isNotNullCheck(ifStmt.getCondition(), c.variable()));
        }
        if (statement instanceof TryStmt nested && nested.getResources().isEmpty() && nested.getFinallyBlock().isEmpty()
                && nested.getTryBlock().getStatements().size() == 1) {
            Optional<Close> inner = closing(nested.getTryBlock().getStatement(0));
            return inner.filter(c -> nested.getCatchClauses().stream()
                            .allMatch(catchClause -> NodeFinder.references(catchClause.getBody(), c.variable()).isEmpty()))
                    .map(c -> new Close(c.variable(), !nested.getCatchClauses().isEmpty()));
        }
        return Optional.empty();
    }

    private static boolean isNotNullCheck(Expression condition, String variable) {
        return condition instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS
                && (isName(binary.getLeft(), variable) && binary.getRight().isNullLiteralExpr()
                || isName(binary.getRight(), variable) && binary.getLeft().isNullLiteralExpr());
    }

    /** {@code x = open();} as the first statement of the try block. */
    private static Optional<ExpressionStmt> openingStatement(TryStmt tryStmt, String name) {
        if (tryStmt.getTryBlock().isEmpty() || !(tryStmt.getTryBlock().getStatement(0) instanceof ExpressionStmt first)) {
            return Optional.empty();
        }
        if (first.getExpression() instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN
                && isName(assign.getTarget(), name) && !assign.getValue().isNullLiteralExpr()) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    // --- a stream that is never closed

    private String wrapUses(VariableDeclarator variable, ExpressionStmt declaration, BlockStmt block) throws NotFixableException {
        String name = variable.getNameAsString();
        requireStream(variable);
        VariableDeclarationExpr declarations = (VariableDeclarationExpr) declaration.getExpression();
        if (declarations.getVariables().size() > 1) {
            throw new NotFixableException("`" + name + "` is declared together with other variables");
        }
        Expression initial = variable.getInitializer()
                .filter(i -> !i.isNullLiteralExpr())
                .orElseThrow(() -> new NotFixableException("`" + name + "` is not opened where it is declared"));
        if (initial instanceof MethodCallExpr call && call.getArguments().stream().anyMatch(TryWithResources::opensAStream)) {
            // Guava's closer.register(openStream()): what the stream was handed to closes it later
            throw new NotFixableException("`" + name + "` is opened inside `" + call.getNameAsString() + "(..)`, which was "
                    + "handed the stream and may close it; whether it may be closed here is left to a person");
        }
        List<Statement> statements = block.getStatements();
        int from = statements.indexOf(declaration) + 1;
        int to = statements.size();
        Statement explicitClose = null;
        for (int i = from; i < statements.size(); i++) {
            if (closing(statements.get(i)).map(c -> c.variable().equals(name) && !c.swallowed()).orElse(false)) {
                explicitClose = statements.get(i);
                to = i;
                break;
            }
        }
        List<Statement> uses = new ArrayList<>(statements.subList(from, to));
        if (uses.isEmpty()) {
            throw new NotFixableException("`" + name + "` is not used after it is opened");
        }
        for (Statement use : uses) {
            for (Expression reference : NodeFinder.references(use, name)) {
                if (reference instanceof NameExpr && !isMethodCallScope(reference) || insideLambdaOrClass(reference, use)) {
                    throw new NotFixableException("`" + name + "` is passed on or stored at line " + NodeFinder.beginLine(reference)
                            + "; whether it may be closed at the end of the block is left to a person");
                }
            }
        }
        for (Statement after : statements.subList(to == statements.size() ? to : to + 1, statements.size())) {
            if (!NodeFinder.references(after, name).isEmpty()) {
                throw new NotFixableException("`" + name + "` is used after it is closed, at line " + NodeFinder.beginLine(after));
            }
            for (Statement use : uses) {
                for (VariableDeclarator local : use.findAll(VariableDeclarator.class)) {
                    if (use instanceof ExpressionStmt && !NodeFinder.references(after, local.getNameAsString()).isEmpty()) {
                        throw new NotFixableException("`" + local.getNameAsString() + "` is declared while `" + name
                                + "` is open and used after it is closed");
                    }
                }
            }
        }
        if (explicitClose == null && !quietClose(variable.getType()) && !handlesIoException(declaration, false)) {
            throw new NotFixableException("closing `" + name + "` throws IOException, which this method neither declares nor catches");
        }
        NodeList<Statement> body = new NodeList<>();
        uses.forEach(s -> body.add(s.clone()));
        TryStmt tryStmt = new TryStmt(new NodeList<>(resourceDeclaration(variable, initial)), new BlockStmt(body),
                new NodeList<>(), null);
        uses.forEach(Node::remove);
        if (explicitClose != null) {
            explicitClose.remove();
        }
        declaration.replace(tryStmt);
        return "Open `" + name + "` in a try-with-resources statement so it is closed"
                + (explicitClose == null ? " (it was never closed)." : " even when an exception is thrown.");
    }

    // --- shared checks

    /** {@code T x = value} for a resource header, with the declaration's modifiers (final) and annotations. */
    private static VariableDeclarationExpr resourceDeclaration(VariableDeclarator variable, Expression value) {
        VariableDeclarationExpr declaration = (VariableDeclarationExpr) variable.getParentNode().orElseThrow();
        return new VariableDeclarationExpr(declaration.getModifiers().stream().map(m -> m.clone()).collect(NodeList.toNodeList()),
                declaration.getAnnotations().stream().map(a -> a.clone()).collect(NodeList.toNodeList()),
                new NodeList<>(new VariableDeclarator(variable.getType().clone(), variable.getNameAsString(), value.clone())));
    }

    private static Optional<VariableDeclarator> singleDeclaration(Statement statement, String name) {
        if (statement instanceof ExpressionStmt expression
                && expression.getExpression() instanceof VariableDeclarationExpr declaration
                && declaration.getVariables().size() == 1
                && declaration.getVariable(0).getNameAsString().equals(name)) {
            return Optional.of(declaration.getVariable(0));
        }
        return Optional.empty();
    }

    private static void requireStream(VariableDeclarator variable) throws NotFixableException {
        if (!isStreamType(simpleName(variable.getType()))) {
            throw new NotFixableException("`" + variable.getNameAsString() + "` is a " + variable.getType().asString()
                    + "; only local InputStream, OutputStream, Reader and Writer variables are rewritten");
        }
    }

    private static boolean isStreamType(String simpleName) {
        return simpleName.endsWith("InputStream") || simpleName.endsWith("OutputStream") || simpleName.endsWith("Reader")
                || simpleName.endsWith("Writer") || simpleName.equals("PrintStream");
    }

    /**
     * An argument that is itself a stream: {@code new FileInputStream(..)}, or a call that opens one by the JDK's and
     * Guava's naming ({@code openStream()}, {@code Files.newInputStream(..)}). A path or a name computed by a call is not.
     */
    private static boolean opensAStream(Expression argument) {
        if (argument instanceof ObjectCreationExpr creation) {
            return isStreamType(creation.getType().getNameAsString());
        }
        return argument instanceof MethodCallExpr call && OPENS_A_STREAM.matcher(call.getNameAsString()).matches();
    }

    private static String simpleName(Type type) {
        return type instanceof ClassOrInterfaceType named ? named.getNameAsString() : type.asString();
    }

    private static boolean quietClose(Type type) {
        return QUIET_CLOSE.contains(simpleName(type));
    }

    /**
     * True when an IOException thrown by close() at the node is caught by an enclosing try (including the try
     * statement itself when {@code includeSelf}) or declared by the enclosing method or constructor.
     */
    private static boolean handlesIoException(Node node, boolean includeSelf) {
        Node child = node;
        Node current = includeSelf ? node : node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof TryStmt tryStmt && (current == node || tryStmt.getTryBlock() == child)
                    && tryStmt.getCatchClauses().stream().anyMatch(TryWithResources::catchesIoException)) {
                return true;
            }
            if (current instanceof CallableDeclaration<?> callable) {
                return callable.getThrownExceptions().stream().anyMatch(t -> CATCHES_IO_EXCEPTION.contains(t.asString()));
            }
            if (current instanceof LambdaExpr || current instanceof TypeDeclaration<?>
                    || current instanceof ObjectCreationExpr) {
                return false;
            }
            child = current;
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    private static boolean catchesIoException(CatchClause clause) {
        Type type = clause.getParameter().getType();
        List<ReferenceType> alternatives = type instanceof UnionType union ? union.getElements() : List.of();
        if (alternatives.isEmpty()) {
            return CATCHES_IO_EXCEPTION.contains(type.asString());
        }
        return alternatives.stream().anyMatch(t -> CATCHES_IO_EXCEPTION.contains(t.asString()));
    }

    private static boolean isName(Expression expression, String name) {
        return expression instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private static boolean isWrite(Expression reference) {
        return reference.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == reference;
    }

    private static boolean isAfter(Node node, Node statement) {
        return node.getRange().isPresent() && statement.getRange().isPresent()
                && node.getRange().get().begin.isAfter(statement.getRange().get().end);
    }

    private static boolean isMethodCallScope(Expression reference) {
        return reference.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getScope().orElse(null) == reference;
    }

    private static boolean insideLambdaOrClass(Node node, Node limit) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && current != limit) {
            if (current instanceof LambdaExpr || current instanceof ObjectCreationExpr creation
                    && creation.getAnonymousClassBody().isPresent()) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }
}
