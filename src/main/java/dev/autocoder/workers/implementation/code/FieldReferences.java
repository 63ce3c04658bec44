package dev.autocoder.workers.implementation.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The references to a field, the fan-in of a change to it (JavaParser, no classpath). A private field can only be
 * read in its own class, so only that class is searched: its simple names and {@code this.name} /
 * {@code Type.name} accesses, with locals and parameters of the same name (shadowing) left out. Any other field is
 * also searched for across the project's Java files that mention the type's simple name, as
 * {@code Type.name} or {@code something.name}; without types an access through a variable of another type with a
 * field of the same name counts too.
 */
public final class FieldReferences {

    private FieldReferences() {
    }

    /**
     * The field declared at a line of a file.
     *
     * @param names      the declared variables' names
     * @param isPrivate  declared private (its references stay in its class)
     * @param typeName   the declaring type's qualified name
     * @param simpleName the declaring type's simple name
     */
    public record Field(Set<String> names, boolean isPrivate, String typeName, String simpleName, int line) {

        public String describe() {
            return (isPrivate ? "private field " : "field ") + String.join(", ", names);
        }
    }

    /** The field declared at the line, if the line is inside a field declaration. */
    public static Optional<Field> at(Snapshot snapshot, String file, String text, int line) {
        Optional<CompilationUnit> unit = parse(snapshot, file, text);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        return unit.get().findAll(FieldDeclaration.class).stream()
                .filter(f -> f.getBegin().isPresent() && f.getEnd().isPresent()
                        && f.getBegin().get().line <= line && line <= f.getEnd().get().line)
                .findFirst()
                .flatMap(f -> f.findAncestor(TypeDeclaration.class).map(t -> new Field(
                        f.getVariables().stream().map(VariableDeclarator::getNameAsString).collect(Collectors.toSet()),
                        f.isPrivate(), ((TypeDeclaration<?>) t).getFullyQualifiedName().orElse(((TypeDeclaration<?>) t).getNameAsString()),
                        ((TypeDeclaration<?>) t).getNameAsString(), f.getBegin().get().line)));
    }

    /** The reads and writes of the field: in its own class for a private field, across the project otherwise. */
    public static List<CodeReference> of(Snapshot snapshot, String file, String text, Field field) {
        List<CodeReference> references = new ArrayList<>();
        parse(snapshot, file, text).ifPresent(unit -> inOwnType(unit, file, field, references));
        if (!field.isPrivate()) {
            for (SourceFile other : snapshot.files(Language.JAVA)) {
                if (other.path().equals(file)) {
                    continue;
                }
                String otherText;
                try {
                    otherText = snapshot.read(other);
                } catch (IOException e) {
                    continue;
                }
                if (!otherText.contains(field.simpleName()) || field.names().stream().noneMatch(otherText::contains)) {
                    continue;
                }
                parse(snapshot, other.path(), otherText).ifPresent(unit -> elsewhere(unit, other.path(), field, references));
            }
        }
        references.sort(Comparator.comparing(CodeReference::file).thenComparingInt(CodeReference::line)
                .thenComparing(CodeReference::text));
        return references;
    }

    private static void inOwnType(CompilationUnit unit, String file, Field field, List<CodeReference> into) {
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            if (!type.getFullyQualifiedName().orElse(type.getNameAsString()).equals(field.typeName())) {
                continue;
            }
            for (NameExpr name : type.findAll(NameExpr.class)) {
                if (field.names().contains(name.getNameAsString()) && ownerOf(name) == type && !shadowed(name)) {
                    into.add(reference(field.typeName(), file, name));
                }
            }
            for (FieldAccessExpr access : type.findAll(FieldAccessExpr.class)) {
                boolean ownScope = access.getScope() instanceof ThisExpr
                        || access.getScope().toString().equals(field.simpleName());
                if (field.names().contains(access.getNameAsString()) && ownScope) {
                    into.add(reference(field.typeName(), file, access));
                }
            }
        }
    }

    private static void elsewhere(CompilationUnit unit, String file, Field field, List<CodeReference> into) {
        for (FieldAccessExpr access : unit.findAll(FieldAccessExpr.class)) {
            if (field.names().contains(access.getNameAsString()) && !(access.getScope() instanceof ThisExpr)) {
                String typeName = access.findAncestor(TypeDeclaration.class)
                        .map(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName().orElse(((TypeDeclaration<?>) t).getNameAsString()))
                        .orElse(file);
                into.add(reference(typeName, file, access));
            }
        }
    }

    /** The type a simple name is written in (a nested type's own fields are not this one's). */
    private static Node ownerOf(NameExpr name) {
        return name.findAncestor(TypeDeclaration.class).orElse(null);
    }

    /** A local variable or parameter of the same name declared in the enclosing method hides the field. */
    private static boolean shadowed(NameExpr name) {
        Optional<CallableDeclaration> callable = name.findAncestor(CallableDeclaration.class);
        if (callable.isEmpty()) {
            return false;
        }
        String simple = name.getNameAsString();
        CallableDeclaration<?> method = callable.get();
        boolean parameter = method.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(simple));
        boolean local = method.findAll(VariableDeclarator.class).stream()
                .anyMatch(v -> v.getNameAsString().equals(simple) && v.getBegin().isPresent() && name.getBegin().isPresent()
                        && v.getBegin().get().isBefore(name.getBegin().get()));
        return parameter || local;
    }

    private static CodeReference reference(String typeName, String file, Node node) {
        String method = node.findAncestor(CallableDeclaration.class)
                .map(c -> ((CallableDeclaration<?>) c).getSignature().asString())
                .orElse("(field initializer)");
        String text = node.findAncestor(com.github.javaparser.ast.stmt.Statement.class).map(Node::toString)
                .orElse(node.toString()).strip().replaceAll("\\s+", " ");
        return new CodeReference(typeName, method, file, node.getBegin().map(p -> p.line).orElse(null),
                text.length() > 120 ? text.substring(0, 117) + "..." : text);
    }

    private static Optional<CompilationUnit> parse(Snapshot snapshot, String file, String text) {
        try {
            ParseResult<CompilationUnit> result = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(snapshot.javaLanguageLevel(file).javaParserLevel())).parse(text);
            return result.isSuccessful() ? result.getResult() : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }
}
