package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;

import java.util.List;

/**
 * PMD {@code MissingOverride}: adds {@code @Override} to the method PMD found overriding or implementing a
 * supertype's method. The annotation changes nothing at run time; from then on the compiler checks that the method
 * really overrides (PMD reports only methods whose supertype it resolved, so the annotation is right). A file with
 * its own type named {@code Override} gets {@code @java.lang.Override}.
 */
final class AddMissingOverride implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<MethodDeclaration> methods = NodeFinder.startingAt(unit, MethodDeclaration.class, place.line());
        if (methods.isEmpty()) {
            // PMD starts the method at its first modifier; a method whose name is on a later line is still found
            methods = NodeFinder.covering(unit, MethodDeclaration.class, place.line()).stream()
                    .filter(m -> m.getName().getBegin().map(b -> b.line == place.line()).orElse(false))
                    .toList();
        }
        if (methods.isEmpty()) {
            throw new NotFixableException("no method declaration starts at line " + place.line());
        }
        MethodDeclaration method = methods.get(0);
        if (method.getAnnotationByName("Override").isPresent() || method.getAnnotationByName("java.lang.Override").isPresent()) {
            throw new NotFixableException("`" + method.getNameAsString() + "` is already annotated with @Override");
        }
        if (method.isStatic()) {
            throw new NotFixableException("`" + method.getNameAsString() + "` is static: a static method hides, it does not override");
        }
        String annotation = shadowsOverride(unit) ? "java.lang.Override" : "Override";
        method.getAnnotations().addFirst(new MarkerAnnotationExpr(annotation));
        return "Annotate `" + method.getDeclarationAsString(true, false, true) + "` with @Override.";
    }

    private static boolean shadowsOverride(CompilationUnit unit) {
        return unit.findAll(TypeDeclaration.class).stream().anyMatch(t -> t.getNameAsString().equals("Override"))
                || unit.getImports().stream().anyMatch(i -> !i.isAsterisk() && i.getName().getIdentifier().equals("Override"));
    }
}
