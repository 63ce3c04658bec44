package dev.autocoder.workers.javamodel;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.ast.impl.javacc.JavaccToken;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.ASTClassDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTFieldDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTImportDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTRecordComponent;
import net.sourceforge.pmd.lang.java.ast.ASTType;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.JModifier;
import net.sourceforge.pmd.lang.java.ast.JavadocComment;
import net.sourceforge.pmd.lang.java.ast.ModifierOwner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the planner's {@link FileModel} of one file from the syntax tree PMD parsed for its rules, so the file is
 * parsed once for every perspective. The model is built without the file's path (it is cached by content, and
 * the same content may live at several paths): {@link #atPath} labels it. Names and types are kept as written
 * (whitespace-normalised source text); no classpath is used.
 */
public final class FileModelBuilder {

    /** A javadoc tag naming an exception the method throws: {@code @throws Type} or {@code @exception Type}. */
    private static final Pattern THROWS_TAG = Pattern.compile("@(?:throws|exception)\\s+([\\w.$]+)");

    private FileModelBuilder() {
    }

    /** The classes that build and hold the model: a cache of models built by other code is not trusted. */
    public static List<Class<?>> codeClasses() {
        return List.of(FileModelBuilder.class, MethodScanner.class, TypeNames.class, FileModel.class, TypeModel.class,
                MethodModel.class, Param.class, Invocation.class, ThrowSite.class, CatchSite.class, Comparison.class,
                Loop.class, LoopFactors.class);
    }

    /** The model of a parsed file, with an empty path and content hash; a pathological tree gives a failed model. */
    public static FileModel build(ASTCompilationUnit unit) {
        try {
            return model(unit);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // a pathological file (e.g. an expression nested thousands deep) is reported, never thrown
            return failed("", "", "model could not be built: " + e.getClass().getSimpleName());
        }
    }

    /** A file without a model, with the reason (unparseable, skipped, unreadable). */
    public static FileModel failed(String path, String contentHash, String reason) {
        return new FileModel(path, contentHash, "", List.of(), List.of(), reason, isTestPath(path));
    }

    /** The same content may live at two paths; a model built without one is labelled with the asked path. */
    public static FileModel atPath(FileModel model, String path, String contentHash) {
        if (model.path().equals(path) && model.contentHash().equals(contentHash)) {
            return model;
        }
        return new FileModel(path, contentHash, model.packageName(), model.imports(), model.types(),
                model.parseError(), model.test() || isTestPath(path));
    }

    /** Test code by its place: a test source folder, or a file named like a test class. */
    public static boolean isTestPath(String path) {
        String p = "/" + path;
        String file = path.substring(path.lastIndexOf('/') + 1);
        return p.contains("/src/test/") || p.contains("/test/java/") || p.startsWith("/test/") || p.contains("/tests/")
                || file.matches(".*(Test|Tests|IT|TestCase)\\.java");
    }

    private static FileModel model(ASTCompilationUnit unit) {
        String packageName = unit.getPackageName();
        List<String> imports = unit.children(ASTImportDeclaration.class).toStream()
                .map(i -> (i.isStatic() ? "static " : "") + i.getImportedName() + (i.isImportOnDemand() ? ".*" : ""))
                .toList();
        TypeNames names = new TypeNames(packageName, imports);
        List<TypeModel> types = new ArrayList<>();
        collectTypes(unit, packageName, names, types);
        boolean test = types.stream().flatMap(t -> t.methods().stream())
                .anyMatch(m -> m.hasAnnotation("Test") || m.hasAnnotation("ParameterizedTest"));
        return new FileModel("", "", packageName, imports, List.copyOf(types), null, test);
    }

    /** Named types in document order, outer before nested; local classes and anonymous classes are not types here. */
    private static void collectTypes(Node node, String packageName, TypeNames names, List<TypeModel> types) {
        for (Node child : node.children()) {
            if (child instanceof ASTTypeDeclaration type && !type.isAnonymous()
                    && !(type.isLocal() && type instanceof ASTClassDeclaration)) {
                types.add(type(type, packageName, names));
            }
            collectTypes(child, packageName, names, types);
        }
    }

    private static TypeModel type(ASTTypeDeclaration type, String packageName, TypeNames names) {
        String kind = type.isAnnotation() ? "annotation" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        // a type with no canonical name (in a local or anonymous class) is named by its binary name, package first
        String qualified = type.getCanonicalName() != null ? type.getCanonicalName() : type.getBinaryName().replace('$', '.');
        Map<String, String> fields = new LinkedHashMap<>();
        boolean serialVersionUid = false;
        for (ASTFieldDeclaration field : type.getDeclarations(ASTFieldDeclaration.class)) {
            for (ASTVariableId id : field.getVarIds()) {
                fields.put(id.getName(), typeText(field.getTypeNode()) + "[]".repeat(extraDimensions(id)));
                serialVersionUid |= id.getName().equals("serialVersionUID");
            }
        }
        if (type.getRecordComponents() != null) {
            for (ASTRecordComponent component : type.getRecordComponents().children(ASTRecordComponent.class)) {
                fields.put(component.getVarId().getName(), typeText(component.getTypeNode()));
            }
        }
        List<String> supertypes = new ArrayList<>();
        if (type.getSuperClassTypeNode() != null) {
            supertypes.add(type.getSuperClassTypeNode().getSimpleName());
        }
        // implemented interfaces, or an interface's extends list
        type.getSuperInterfaceTypeNodes().forEach(t -> supertypes.add(t.getSimpleName()));
        boolean isInterface = kind.equals("interface");
        List<MethodModel> methods = new ArrayList<>();
        if (!type.isAnnotation()) {
            for (ASTExecutableDeclaration callable : type.getDeclarations(ASTExecutableDeclaration.class)) {
                methods.add(method(callable, isInterface, names, fields));
            }
        }
        boolean isAbstract = isInterface || (kind.equals("class") && type.hasExplicitModifiers(JModifier.ABSTRACT));
        return new TypeModel(packageName, type.getSimpleName(), qualified, kind, typeVisibility(type), isAbstract,
                annotations(type), List.copyOf(supertypes), Map.copyOf(fields), serialVersionUid,
                MethodScanner.line(type), type.getEndLine(), List.copyOf(methods));
    }

    private static int extraDimensions(ASTVariableId id) {
        return id.getExtraDimensions() == null ? 0 : id.getExtraDimensions().size();
    }

    private static MethodModel method(ASTExecutableDeclaration callable, boolean inInterface, TypeNames names,
                                      Map<String, String> fields) {
        MethodScanner scan = new MethodScanner(callable, names, fields).scan();
        List<Param> params = new ArrayList<>();
        for (ASTFormalParameter p : callable.getFormalParameters()) {
            params.add(new Param(p.getVarId().getName(), parameterType(p)));
        }
        String signature = callable.getName() + "(" + String.join(", ",
                params.stream().map(p -> TypeNames.erase(p.type()) + (p.type().endsWith("[]") ? "[]" : "")).toList()) + ")";
        boolean constructor = callable instanceof ASTConstructorDeclaration;
        String returnType = callable instanceof ASTMethodDeclaration m ? typeText(m.getResultTypeNode()) : "void";
        String visibility = visibility(callable);
        if (inInterface && visibility.equals("package")) {
            visibility = "public";
        }
        List<String> thrown = callable.getThrowsList() == null ? List.of()
                : callable.getThrowsList().children(ASTClassType.class).toStream().map(MethodScanner::typeText).toList();
        return new MethodModel(callable.getName(), signature, visibility, callable.hasExplicitModifiers(JModifier.STATIC),
                constructor, returnType, List.copyOf(params), thrown, documentedThrows(callable), annotations(callable),
                MethodScanner.line(callable),
                MethodScanner.endLine(callable), bodyHash(callable), scan.cyclomatic(), !scan.nullReturns().isEmpty(),
                scan.nullReturns(), scan.casts(), scan.castLines(), scan.castOperands(), scan.invocations(), scan.throwSites(), scan.catches(),
                scan.comparisons(), scan.loops(), scan.strings(), scan.closedParams());
    }

    /** The simple names of the types the javadoc's {@code @throws} and {@code @exception} tags name. */
    private static List<String> documentedThrows(ASTExecutableDeclaration callable) {
        JavadocComment javadoc = callable.getJavadocComment();
        if (javadoc == null) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        Matcher tag = THROWS_TAG.matcher(javadoc.getText());
        while (tag.find()) {
            String type = tag.group(1);
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types.isEmpty() ? List.of() : List.copyOf(types);
    }

    /** As written; a varargs parameter {@code String... names} is {@code String[]}. */
    private static String parameterType(ASTFormalParameter parameter) {
        String written = typeText(parameter.getTypeNode());
        if (parameter.isVarargs()) {
            written = written.endsWith("...") ? written.substring(0, written.length() - 3).strip() : written;
            return written + "[]";
        }
        return written + "[]".repeat(extraDimensions(parameter.getVarId()));
    }

    static String typeText(ASTType type) {
        return type == null ? "var" : MethodScanner.typeText(type);
    }

    /** The type's own visibility narrowed by its enclosing types': a public nested type of a package class is package. */
    private static String typeVisibility(ASTTypeDeclaration type) {
        String own = visibility(type);
        for (ASTTypeDeclaration outer = type.getEnclosingType(); outer != null; outer = outer.getEnclosingType()) {
            if (outer.isAnonymous()) {
                continue;
            }
            String outerVisibility = visibility(outer);
            if (rank(outerVisibility) < rank(own)) {
                own = outerVisibility;
            }
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

    /** As declared: the modifier written, not the one the language implies. */
    private static String visibility(ModifierOwner node) {
        if (node.hasExplicitModifiers(JModifier.PUBLIC)) {
            return "public";
        }
        if (node.hasExplicitModifiers(JModifier.PROTECTED)) {
            return "protected";
        }
        if (node.hasExplicitModifiers(JModifier.PRIVATE)) {
            return "private";
        }
        return "package";
    }

    /** Annotation names as written, e.g. {@code Test} or {@code org.junit.Test}. */
    private static List<String> annotations(ModifierOwner node) {
        return node.getDeclaredAnnotations().toStream().map(ASTAnnotation::getTypeNode).map(MethodScanner::typeText).toList();
    }

    /**
     * Hash of the declaration's tokens without comments: formatting and comments do not change it, any other edit
     * does.
     */
    private static String bodyHash(ASTExecutableDeclaration callable) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            JavaccToken last = callable.getLastToken();
            for (JavaccToken token = MethodScanner.firstCodeToken(callable); token != null; token = token.next) {
                if (!MethodScanner.notCode(token)) {
                    digest.update(token.getImage().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) ' ');
                }
                if (token == last || token.isEof()) {
                    break;
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
