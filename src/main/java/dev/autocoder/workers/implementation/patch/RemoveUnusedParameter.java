package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.TraditionalJavadocComment;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PMD {@code UnusedFormalParameter} (private methods and constructors, the rule's default): removes the parameter,
 * the argument every call in the file passes for it, and its {@code @param} line in the Javadoc. A private member
 * is called only from its own file, so the file shows every call. Refused when that is not certain or the change
 * could alter behaviour: the member is not private, is annotated (a framework may call it by reflection), is
 * overloaded, is used as a method reference, is called with a receiver that may be another class, or a call
 * passes an argument that may have side effects (dropping it would drop them); and for varargs parameters.
 */
final class RemoveUnusedParameter implements MechanicalFix {

    private static final Pattern TAG_LINE = Pattern.compile("^\\s*\\*?\\s*@.*");
    private static final Pattern BLANK_LINE = Pattern.compile("^\\s*\\*?\\s*$");

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        Parameter parameter = unusedParameterAt(unit, place);
        CallableDeclaration<?> callable = (CallableDeclaration<?>) parameter.getParentNode().orElseThrow();
        String member = callable.getNameAsString();
        if (!callable.isPrivate()) {
            throw new NotFixableException("`" + member + "` is not private: callers outside this file may pass the parameter");
        }
        if (!callable.getAnnotations().isEmpty()) {
            throw new NotFixableException("`" + member + "` is annotated; a framework may call it by reflection with this parameter");
        }
        if (parameter.isVarArgs()) {
            throw new NotFixableException("`" + parameter.getNameAsString() + "` is a varargs parameter; its calls pass any number of arguments for it");
        }
        int index = callable.getParameters().indexOf(parameter);
        int arity = callable.getParameters().size();
        List<NodeList<Expression>> calls = callable instanceof MethodDeclaration method
                ? methodCalls(unit, method, arity) : constructorCalls(unit, (ConstructorDeclaration) callable, arity);
        for (NodeList<Expression> arguments : calls) {
            Expression argument = arguments.get(index);
            if (!SideEffects.isFree(argument)) {
                throw new NotFixableException("a call of `" + member + "` passes `" + NodeFinder.code(argument) + "` for `"
                        + parameter.getNameAsString() + "`, which may have side effects; dropping it could change behaviour");
            }
        }
        calls.forEach(arguments -> arguments.remove(index));
        removeParamTag(callable, parameter.getNameAsString());
        parameter.remove();
        return "Remove the unused parameter `" + parameter.getNameAsString() + "` of the private "
                + (callable instanceof MethodDeclaration ? "method" : "constructor") + " `" + member + "`"
                + (calls.isEmpty() ? "" : " and the argument " + (calls.size() == 1 ? "its call passes" : "its " + calls.size() + " calls pass")
                + " for it") + ".";
    }

    private static Parameter unusedParameterAt(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<Parameter> unused = NodeFinder.covering(unit, Parameter.class, place.line()).stream()
                .filter(p -> NodeFinder.beginLine(p.getName()) == place.line())
                .filter(p -> p.getParentNode().orElse(null) instanceof CallableDeclaration<?>)
                .filter(p -> !isRead(p))
                .toList();
        if (unused.isEmpty()) {
            throw new NotFixableException("no unused parameter of a method or constructor is declared at " + place);
        }
        return unused.get(0);
    }

    private static boolean isRead(Parameter parameter) {
        CallableDeclaration<?> callable = (CallableDeclaration<?>) parameter.getParentNode().orElseThrow();
        Node body = callable instanceof MethodDeclaration m ? m.getBody().orElse(null) : ((ConstructorDeclaration) callable).getBody();
        return body != null && NodeFinder.references(body, parameter.getNameAsString()).stream().anyMatch(r -> r instanceof NameExpr);
    }

    private static List<NodeList<Expression>> methodCalls(CompilationUnit unit, MethodDeclaration method, int arity)
            throws NotFixableException {
        String name = method.getNameAsString();
        if (unit.findAll(MethodDeclaration.class, m -> m != method && m.getNameAsString().equals(name)).size() > 0) {
            throw new NotFixableException("another method of this file is named `" + name + "`; which calls are this one's is not certain without types");
        }
        if (!unit.findAll(MethodReferenceExpr.class, r -> r.getIdentifier().equals(name)).isEmpty()) {
            throw new NotFixableException("`" + name + "` is used as a method reference, whose functional interface fixes its parameters");
        }
        String owner = NodeFinder.enclosingType(method).map(TypeDeclaration::getNameAsString).orElse("");
        List<NodeList<Expression>> calls = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals(name))) {
            boolean own = call.getScope().map(s -> s instanceof ThisExpr
                    || s instanceof NameExpr n && n.getNameAsString().equals(owner)).orElse(true);
            if (!own) {
                throw new NotFixableException("`" + NodeFinder.code(call) + "` calls a `" + name
                        + "` on another receiver, which may be another class's method");
            }
            if (call.getArguments().size() != arity) {
                throw new NotFixableException("`" + NodeFinder.code(call) + "` passes "
                        + Plural.of(call.getArguments().size(), "argument") + " where `" + name + "` takes " + arity);
            }
            calls.add(call.getArguments());
        }
        return calls;
    }

    private static List<NodeList<Expression>> constructorCalls(CompilationUnit unit, ConstructorDeclaration constructor,
                                                               int arity) throws NotFixableException {
        TypeDeclaration<?> type = NodeFinder.enclosingType(constructor)
                .orElseThrow(() -> new NotFixableException("the constructor is not inside a named type"));
        String name = type.getNameAsString();
        if (type.getConstructors().stream().anyMatch(c -> c != constructor
                && (c.getParameters().size() == arity || c.getParameters().size() == arity - 1))) {
            throw new NotFixableException("another constructor of `" + name + "` takes " + (arity - 1) + " or "
                    + Plural.of(arity, "parameter") + "; which calls are this one's is not certain without types");
        }
        boolean subclassed = unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                .anyMatch(c -> c.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals(name)));
        if (subclassed) {
            throw new NotFixableException("a class of this file extends `" + name + "` and may call this constructor through super(...)");
        }
        List<NodeList<Expression>> calls = new ArrayList<>();
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class,
                c -> c.getType().getNameAsString().equals(name) && c.getArguments().size() == arity)) {
            if (creation.getAnonymousClassBody().isPresent()) {
                throw new NotFixableException("`" + name + "` is subclassed anonymously at line " + NodeFinder.beginLine(creation));
            }
            calls.add(creation.getArguments());
        }
        for (ExplicitConstructorInvocationStmt call : type.findAll(ExplicitConstructorInvocationStmt.class,
                c -> c.isThis() && c.getArguments().size() == arity
                        && NodeFinder.enclosingType(c).map(t -> t == type).orElse(false))) {
            calls.add(call.getArguments());
        }
        return calls;
    }

    /** Drops the {@code @param name} block tag (with its continuation lines) from the member's Javadoc. */
    private static void removeParamTag(CallableDeclaration<?> callable, String name) {
        if (!(callable.getComment().orElse(null) instanceof TraditionalJavadocComment javadoc)) {
            return;
        }
        Pattern tag = Pattern.compile("^\\s*\\*?\\s*@param\\s+" + Pattern.quote(name) + "(\\s.*)?$");
        List<String> lines = new ArrayList<>(List.of(javadoc.getContent().split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            if (tag.matcher(lines.get(i)).matches()) {
                int end = i + 1;
                while (end < lines.size() - 1 && !TAG_LINE.matcher(lines.get(end)).matches()
                        && !BLANK_LINE.matcher(lines.get(end)).matches()) {
                    end++;
                }
                lines.subList(i, end).clear();
                // the lexical-preserving printer prints a replaced comment, not an edited one
                callable.setComment(new TraditionalJavadocComment(String.join("\n", lines)));
                return;
            }
        }
    }
}
