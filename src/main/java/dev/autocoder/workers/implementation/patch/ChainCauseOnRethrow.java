package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PMD {@code PreserveStackTrace}: {@code catch (E e) { throw new X("message"); }} becomes
 * {@code throw new X("message", e);} (and {@code throw new X();} becomes {@code throw new X(e);}), so the new
 * exception carries the caught one as its cause and its stack trace is no longer lost. Only where the constructor
 * with the cause is certain: JDK exceptions known to have it (for {@code UncheckedIOException} only when an
 * {@code IOException} is caught), or an exception type declared in the same file with a matching constructor. The
 * message argument must be visibly a String (a literal, a concatenation with one, {@code getMessage()},
 * {@code String.format}, a String variable), so the added argument picks the (String, Throwable) constructor.
 */
final class ChainCauseOnRethrow implements MechanicalFix {

    /** JDK exceptions with public (String, Throwable) and (Throwable) constructors. */
    private static final Set<String> MESSAGE_AND_CAUSE = Set.of("Exception", "RuntimeException",
            "IllegalStateException", "IllegalArgumentException", "UnsupportedOperationException", "SecurityException",
            "IOException", "Error", "GeneralSecurityException", "NoSuchAlgorithmException", "InvalidKeyException",
            "KeyStoreException", "ConcurrentModificationException", "ReflectiveOperationException", "SQLException",
            "CompletionException", "TransformerException", "java.io.IOException", "java.lang.RuntimeException",
            "java.lang.IllegalStateException", "java.lang.IllegalArgumentException", "java.lang.Exception",
            "java.lang.UnsupportedOperationException", "UncheckedIOException", "java.io.UncheckedIOException");
    /** Of those, the ones whose cause must be an IOException. */
    private static final Set<String> IO_CAUSE = Set.of("UncheckedIOException", "java.io.UncheckedIOException");
    private static final Set<String> IO_EXCEPTIONS = Set.of("IOException", "java.io.IOException",
            "FileNotFoundException", "EOFException", "NoSuchFileException", "UnsupportedEncodingException",
            "MalformedURLException", "UnknownHostException", "SocketException", "InterruptedIOException");

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        ObjectCreationExpr creation = creationAt(unit, place);
        CatchClause clause = enclosingCatch(creation)
                .orElseThrow(() -> new NotFixableException("the exception created at line " + NodeFinder.beginLine(creation)
                        + " is not thrown directly inside a catch clause"));
        Parameter caught = clause.getParameter();
        String cause = caught.getNameAsString();
        if (creation.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(cause))) {
            throw new NotFixableException("`" + cause + "` is already passed to the new exception");
        }
        String type = creation.getType().getNameWithScope();
        int arguments = creation.getArguments().size();
        if (arguments > 1) {
            throw new NotFixableException("`new " + type + "(...)` takes " + arguments
                    + " arguments; which constructor takes a cause as well is not visible here");
        }
        if (arguments == 1 && !isString(creation.getArgument(0))) {
            throw new NotFixableException("the argument of `new " + type + "(...)` is not visibly a String, so adding the cause "
                    + "might pick a constructor that does not exist or means something else");
        }
        if (!hasCauseConstructor(unit, creation.getType(), arguments == 1, caught)) {
            throw new NotFixableException("`" + type + "` is not known to have a constructor taking "
                    + (arguments == 1 ? "a message and a cause" : "a cause") + "; check its constructors by hand");
        }
        creation.addArgument(new NameExpr(cause));
        return "Pass the caught `" + cause + "` as the cause of the new " + type + " so its stack trace is kept.";
    }

    private static ObjectCreationExpr creationAt(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<ThrowStmt> throwsAt = NodeFinder.covering(unit, ThrowStmt.class, place.line());
        for (ThrowStmt statement : throwsAt) {
            Expression thrown = NodeFinder.unparenthesized(statement.getExpression());
            if (thrown instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
                return creation;
            }
            throw new NotFixableException("the throw statement at line " + NodeFinder.beginLine(statement)
                    + " does not create the exception it throws (`" + NodeFinder.code(thrown) + "`)");
        }
        throw new NotFixableException("no throw statement at " + place);
    }

    /** The catch clause whose body holds the creation, with no lambda or class in between (the cause must be in scope and final). */
    private static Optional<CatchClause> enclosingCatch(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof CatchClause clause) {
                return Optional.of(clause);
            }
            if (current instanceof LambdaExpr || current instanceof TypeDeclaration<?>
                    || current instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                return Optional.empty();
            }
            current = current.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private static boolean isString(Expression argument) {
        if (argument instanceof EnclosedExpr enclosed) {
            return isString(enclosed.getInner());
        }
        if (argument instanceof StringLiteralExpr || argument instanceof TextBlockLiteralExpr) {
            return true;
        }
        if (argument instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            return isString(binary.getLeft()) || isString(binary.getRight());
        }
        if (argument instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            return call.getArguments().isEmpty() && Set.of("getMessage", "getLocalizedMessage", "toString").contains(name)
                    || name.equals("format") && call.getScope().map(s -> s.toString().equals("String")).orElse(false)
                    || name.equals("formatted") && call.getScope().map(ChainCauseOnRethrow::isString).orElse(false);
        }
        if (argument instanceof NameExpr name) {
            return LocalTypes.declaredTypeOf(name.getNameAsString(), argument)
                    .map(t -> t.equals("String") || t.equals("java.lang.String")).orElse(false);
        }
        return false;
    }

    private static boolean hasCauseConstructor(CompilationUnit unit, ClassOrInterfaceType type, boolean withMessage,
                                               Parameter caught) {
        String name = type.getNameWithScope();
        Optional<TypeDeclaration<?>> declared = unit.findAll(TypeDeclaration.class).stream()
                .filter(t -> t.getNameAsString().equals(type.getNameAsString()))
                .<TypeDeclaration<?>>map(t -> t)
                .findFirst();
        if (declared.isPresent()) {
            return declared.get().getConstructors().stream()
                    .filter(c -> !c.isPrivate() || NodeFinder.enclosingType(type).map(t -> t == declared.get()).orElse(false))
                    .anyMatch(c -> takesCause(c, withMessage, caught));
        }
        if (!MESSAGE_AND_CAUSE.contains(name)) {
            return false;
        }
        return !IO_CAUSE.contains(name) || IO_EXCEPTIONS.contains(caught.getType().asString());
    }

    private static boolean takesCause(ConstructorDeclaration constructor, boolean withMessage, Parameter caught) {
        List<Parameter> parameters = constructor.getParameters();
        if (parameters.size() != (withMessage ? 2 : 1)) {
            return false;
        }
        if (withMessage && !Set.of("String", "java.lang.String").contains(parameters.get(0).getType().asString())) {
            return false;
        }
        String causeType = parameters.get(parameters.size() - 1).getType().asString();
        return causeType.equals("Throwable") || causeType.equals("java.lang.Throwable")
                || causeType.equals(caught.getType().asString());
    }
}
