package dev.autocoder.workers.implementation.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.autocoder.workers.repository.JavaLanguageLevel;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the innermost type, method or constructor and member declared around a line of a Java file (JavaParser,
 * at the file's {@link JavaLanguageLevel}). Returns empty for text that does not parse; never throws.
 */
final class CodeLocator {

    private CodeLocator() {
    }

    public static Optional<CodeSite> locate(String text, int line, JavaLanguageLevel level) {
        CompilationUnit unit;
        try {
            ParseResult<CompilationUnit> result = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(level.javaParserLevel())).parse(text);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                return Optional.empty();
            }
            unit = result.getResult().get();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        Optional<TypeDeclaration<?>> type = innermost(unit, TypeDeclaration.class, line).map(t -> (TypeDeclaration<?>) t);
        Optional<CallableDeclaration<?>> callable = innermost(unit, CallableDeclaration.class, line)
                .map(c -> (CallableDeclaration<?>) c);
        String member = null;
        if (callable.isEmpty()) {
            member = innermost(unit, FieldDeclaration.class, line)
                    .map(f -> "field " + ((FieldDeclaration) f).getVariables().stream()
                            .map(VariableDeclarator::getNameAsString).collect(Collectors.joining(", ")))
                    .orElse(null);
            if (member == null) {
                member = unit.getImports().stream().filter(i -> contains(i, line)).findFirst()
                        .map(CodeLocator::importText).orElse(null);
            }
        }
        String typeName = type.map(t -> t.getFullyQualifiedName().orElse(t.getNameAsString())).orElse(null);
        return Optional.of(new CodeSite(packageName, typeName, member,
                callable.map(CallableDeclaration::getNameAsString).orElse(null),
                callable.flatMap(c -> c.getBegin()).map(p -> p.line).orElse(null),
                callable.flatMap(c -> c.getEnd()).map(p -> p.line).orElse(null)));
    }

    private static String importText(ImportDeclaration i) {
        return "import " + (i.isStatic() ? "static " : "") + i.getNameAsString() + (i.isAsterisk() ? ".*" : "");
    }

    /** The smallest node of the kind whose lines include the line. */
    private static <N extends Node> Optional<N> innermost(CompilationUnit unit, Class<N> kind, int line) {
        return unit.findAll(kind).stream()
                .filter(n -> contains(n, line))
                .min(Comparator.comparingInt(n -> n.getEnd().get().line - n.getBegin().get().line));
    }

    private static boolean contains(Node node, int line) {
        return node.getBegin().isPresent() && node.getEnd().isPresent()
                && node.getBegin().get().line <= line && line <= node.getEnd().get().line;
    }
}
