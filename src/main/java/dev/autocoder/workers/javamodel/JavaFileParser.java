package dev.autocoder.workers.javamodel;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.Printer;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import dev.autocoder.workers.repository.JavaLanguageLevel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one Java source text into a {@link FileModel} with JavaParser, at the Java language level the build
 * declares for the file ({@link JavaLanguageLevel}). A file that does not parse gives a model with the parser's
 * first problem as {@code parseError}, never an exception.
 */
public final class JavaFileParser {

    private static final Printer WITHOUT_COMMENTS = new DefaultPrettyPrinter(new DefaultPrinterConfiguration()
            .removeOption(new DefaultConfigurationOption(DefaultPrinterConfiguration.ConfigOption.PRINT_COMMENTS)));

    public FileModel parse(String path, String contentHash, String text, JavaLanguageLevel level) {
        boolean testPath = isTestPath(path);
        ParseResult<CompilationUnit> result;
        try {
            ParserConfiguration configuration = new ParserConfiguration()
                    .setLanguageLevel(level.javaParserLevel())
                    .setAttributeComments(true);
            result = new JavaParser(configuration).parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(path, contentHash, testPath, "parser failed: " + e.getClass().getSimpleName());
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            String problem = result.getProblems().isEmpty() ? "unknown syntax error"
                    : result.getProblems().get(0).getVerboseMessage().lines().findFirst().orElse("syntax error");
            int expected = problem.indexOf(", expected");
            problem = expected > 0 ? problem.substring(0, expected) : problem;
            return failed(path, contentHash, testPath, problem.length() > 200 ? problem.substring(0, 197) + "..." : problem);
        }
        try {
            return model(path, contentHash, testPath, result.getResult().get());
        } catch (RuntimeException | StackOverflowError e) {
            // a pathological file (e.g. an expression nested thousands deep) is reported, never thrown
            return failed(path, contentHash, testPath, "model could not be built: " + e.getClass().getSimpleName());
        }
    }

    private FileModel model(String path, String contentHash, boolean testPath, CompilationUnit unit) {
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<String> imports = unit.getImports().stream()
                .map(i -> (i.isStatic() ? "static " : "") + i.getNameAsString() + (i.isAsterisk() ? ".*" : "")).toList();
        TypeNames names = new TypeNames(packageName, imports);
        List<TypeModel> types = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            if (type instanceof ClassOrInterfaceDeclaration c && c.isLocalClassDeclaration()) {
                continue;
            }
            types.add(type(type, packageName, names));
        }
        boolean test = testPath || types.stream().flatMap(t -> t.methods().stream())
                .anyMatch(m -> m.hasAnnotation("Test") || m.hasAnnotation("ParameterizedTest"));
        return new FileModel(path, contentHash, packageName, imports, List.copyOf(types), null, test);
    }

    private static FileModel failed(String path, String hash, boolean test, String reason) {
        return new FileModel(path, hash, "", List.of(), List.of(), reason, test);
    }

    static boolean isTestPath(String path) {
        String p = "/" + path;
        String file = path.substring(path.lastIndexOf('/') + 1);
        return p.contains("/src/test/") || p.contains("/test/java/") || p.startsWith("/test/") || p.contains("/tests/")
                || file.matches(".*(Test|Tests|IT|TestCase)\\.java");
    }

    private TypeModel type(TypeDeclaration<?> type, String packageName, TypeNames names) {
        String kind = type instanceof ClassOrInterfaceDeclaration c ? (c.isInterface() ? "interface" : "class")
                : type instanceof EnumDeclaration ? "enum" : type instanceof RecordDeclaration ? "record" : "annotation";
        String qualified = type.getFullyQualifiedName().orElse(type.getNameAsString());
        Map<String, String> fields = new LinkedHashMap<>();
        boolean serialVersionUid = false;
        for (FieldDeclaration field : type.getFields()) {
            for (var v : field.getVariables()) {
                fields.put(v.getNameAsString(), v.getTypeAsString());
                serialVersionUid |= v.getNameAsString().equals("serialVersionUID");
            }
        }
        if (type instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> fields.put(p.getNameAsString(), p.getTypeAsString()));
        }
        List<String> supertypes = new ArrayList<>();
        if (type instanceof ClassOrInterfaceDeclaration c) {
            c.getExtendedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
            c.getImplementedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        } else if (type instanceof EnumDeclaration e) {
            e.getImplementedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        } else if (type instanceof RecordDeclaration r) {
            r.getImplementedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        }
        boolean isInterface = kind.equals("interface");
        List<MethodModel> methods = new ArrayList<>();
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof CallableDeclaration<?> callable) {
                methods.add(method(callable, isInterface, names, fields));
            }
        }
        boolean isAbstract = isInterface || (type instanceof ClassOrInterfaceDeclaration c && c.isAbstract());
        return new TypeModel(packageName, type.getNameAsString(), qualified, kind, typeVisibility(type), isAbstract,
                annotations(type.getAnnotations()), List.copyOf(supertypes), Map.copyOf(fields), serialVersionUid,
                line(type), List.copyOf(methods));
    }

    private MethodModel method(CallableDeclaration<?> callable, boolean inInterface, TypeNames names,
                               Map<String, String> fields) {
        MethodScanner scan = new MethodScanner(callable, names, fields).scan();
        List<Param> params = callable.getParameters().stream()
                .map(p -> new Param(p.getNameAsString(), p.getTypeAsString() + (p.isVarArgs() ? "[]" : ""))).toList();
        String signature = callable.getNameAsString() + "(" + String.join(", ",
                params.stream().map(p -> TypeNames.erase(p.type()) + (p.type().endsWith("[]") ? "[]" : "")).toList()) + ")";
        boolean constructor = callable instanceof ConstructorDeclaration;
        String returnType = callable instanceof MethodDeclaration m ? m.getTypeAsString() : "void";
        String visibility = visibility(callable);
        if (inInterface && visibility.equals("package")) {
            visibility = "public";
        }
        List<String> thrown = callable.getThrownExceptions().stream().map(Object::toString).toList();
        int end = callable.getEnd().map(p -> p.line).orElse(line(callable));
        return new MethodModel(callable.getNameAsString(), signature, visibility, callable.isStatic(), constructor,
                returnType, params, thrown, annotations(callable.getAnnotations()), line(callable), end,
                bodyHash(callable), scan.cyclomatic(), !scan.nullReturns().isEmpty(), scan.nullReturns(), scan.casts(),
                scan.castLines(), scan.invocations(), scan.throwSites(), scan.catches(), scan.comparisons(), scan.loops(),
                scan.strings(), scan.closedParams());
    }

    /** The type's own visibility narrowed by its enclosing types': a public nested type of a package class is package. */
    private static String typeVisibility(TypeDeclaration<?> type) {
        String own = visibility(type);
        Node parent = type.getParentNode().orElse(null);
        while (parent != null) {
            if (parent instanceof TypeDeclaration<?> outer) {
                String outerVisibility = visibility(outer);
                if (rank(outerVisibility) < rank(own)) {
                    own = outerVisibility;
                }
            }
            parent = parent.getParentNode().orElse(null);
        }
        return own;
    }

    static int rank(String visibility) {
        return switch (visibility) {
            case "public" -> 3;
            case "protected" -> 2;
            case "package" -> 1;
            default -> 0;
        };
    }

    private static String visibility(NodeWithModifiers<?> node) {
        if (node.hasModifier(Modifier.Keyword.PUBLIC)) {
            return "public";
        }
        if (node.hasModifier(Modifier.Keyword.PROTECTED)) {
            return "protected";
        }
        if (node.hasModifier(Modifier.Keyword.PRIVATE)) {
            return "private";
        }
        return "package";
    }

    private static List<String> annotations(List<AnnotationExpr> annotations) {
        return annotations.stream().map(AnnotationExpr::getNameAsString).toList();
    }

    /**
     * Hash of the declaration pretty-printed without comments: formatting and comments do not change it. The
     * printer is told not to print comments rather than given a copy without them: printing comments sorts every
     * statement's siblings, quadratic in a long method (minutes for a 20,000-statement one).
     */
    private static String bodyHash(CallableDeclaration<?> callable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(WITHOUT_COMMENTS.print(callable).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }
}
