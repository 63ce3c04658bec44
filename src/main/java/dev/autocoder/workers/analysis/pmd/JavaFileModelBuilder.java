package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.FileModelBuilder;
import dev.autocoder.workers.javamodel.JavaMethodModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.javamodel.LoopFactors;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.document.FileLocation;
import net.sourceforge.pmd.lang.java.ast.ASTAnonymousClassDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTEnumConstant;
import net.sourceforge.pmd.lang.java.ast.ASTFieldDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTInitializer;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTImportDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTLoopStatement;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTSwitchBranch;
import net.sourceforge.pmd.lang.java.ast.ASTSwitchLike;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ModifierOwner.Visibility;
import net.sourceforge.pmd.lang.java.metrics.JavaMetrics;
import net.sourceforge.pmd.lang.metrics.Metric;
import net.sourceforge.pmd.lang.metrics.MetricsUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a PMD Java AST into the Java model: package, imports as written, named types (top-level and member
 * types, outer before nested) with their methods and constructors, and loop nesting per method; and, from the same
 * tree, the planner's detailed model ({@link FileModelBuilder}).
 * <p>
 * Every method and constructor of the file is listed once, as PMD's CyclomaticComplexity rule reports them:
 * those of anonymous classes, enum-constant bodies and local classes too. Such classes are not types of the
 * model; their methods belong to the nearest named type around them, with a signature that says where they are:
 * {@code BIT_SET.<anonymous TypeAdapter>.write(JsonWriter, BitSet)} (an anonymous class in a field initializer),
 * {@code PLUS.apply(int, int)} (an enum constant's body), {@code run(String).Helper.help()} (a local class in a
 * method). Lambdas are not methods: their code counts for the method they are written in. Record compact
 * constructors are not listed (PMD's CYCLO metric and the rule skip them).
 */
final class JavaFileModelBuilder {

    /** Annotations that make a method a test method, by simple name (the annotation types are not resolved). */
    static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory",
            "TestTemplate");

    private JavaFileModelBuilder() {
    }

    static ParsedJavaFile build(ASTCompilationUnit unit) {
        List<String> imports = unit.children(ASTImportDeclaration.class).toStream()
                .map(JavaFileModelBuilder::importAsWritten)
                .toList();
        List<JavaTypeModel> types = new ArrayList<>();
        List<ParsedJavaFile.MethodLoops> loops = new ArrayList<>();
        unit.getTypeDeclarations().forEach(type -> addType(type, types, loops));
        return new ParsedJavaFile(unit.getPackageName(), imports, List.copyOf(types), List.copyOf(loops),
                FileModelBuilder.build(unit));
    }

    static String importAsWritten(ASTImportDeclaration declaration) {
        if (declaration.isModuleImport()) {
            return "module " + declaration.getImportedName();
        }
        String name = declaration.getImportedName() + (declaration.isImportOnDemand() ? ".*" : "");
        return declaration.isStatic() ? "static " + name : name;
    }

    private static void addType(ASTTypeDeclaration type, List<JavaTypeModel> types, List<ParsedJavaFile.MethodLoops> loops) {
        String qualifiedName = type.getCanonicalName() != null ? type.getCanonicalName() : type.getBinaryName();
        List<JavaMethodModel> methods = new ArrayList<>();
        boolean annotatedTests = false;
        for (ASTExecutableDeclaration operation : type.getOperations()) {
            annotatedTests |= operation.getDeclaredAnnotations().any(a -> TEST_ANNOTATIONS.contains(a.getSimpleName()));
        }
        new LocalClassMethods(qualifiedName, methods, loops).ofNamedType(type);
        FileLocation location = location(type);
        types.add(new JavaTypeModel(type.getSimpleName(), qualifiedName, kind(type),
                type.getVisibility() == Visibility.V_PUBLIC, type.isInterface() || type.isAbstract(), annotatedTests,
                location.getStartLine(), location.getEndLine(), List.copyOf(methods)));
        type.getDeclarations(ASTTypeDeclaration.class).forEach(nested -> addType(nested, types, loops));
    }

    /**
     * Adds the methods of one named type: its own, then, walking its members, those of the anonymous, local and
     * enum-constant classes inside them (at any depth, but not inside its member types, which are types of
     * their own), each signature prefixed with the path to its class.
     */
    private record LocalClassMethods(String qualifiedName, List<JavaMethodModel> methods,
                                     List<ParsedJavaFile.MethodLoops> loops) {

        void ofNamedType(ASTTypeDeclaration type) {
            type.getOperations().forEach(operation -> add(operation, ""));
            members(type, "");
        }

        /** The members of a class body; {@code prefix} is "" for a named type, else the class's path plus ".". */
        private void members(ASTTypeDeclaration type, String prefix) {
            for (Node member : type.getBody().children()) {
                if (member instanceof ASTExecutableDeclaration operation) {
                    walk(operation, prefix + signature(operation));
                } else if (member instanceof ASTTypeDeclaration nested) {
                    if (!prefix.isEmpty()) {
                        localClass(nested, prefix + nested.getSimpleName());
                    }
                } else {
                    walk(member, prefix + memberLabel(member));
                }
            }
        }

        private void localClass(ASTTypeDeclaration type, String path) {
            type.getOperations().forEach(operation -> add(operation, path + "."));
            members(type, path + ".");
        }

        /** Finds the classes declared under {@code node}; {@code where} names the member it belongs to. */
        private void walk(Node node, String where) {
            for (Node child : node.children()) {
                if (child instanceof ASTAnonymousClassDeclaration anonymous) {
                    // An enum constant's body is named by the constant already; `new T() {...}` by its type.
                    localClass(anonymous, anonymous.getParent() instanceof ASTConstructorCall call
                            ? where + ".<anonymous " + call.getTypeNode().getSimpleName() + ">" : where);
                } else if (child instanceof ASTTypeDeclaration local) {
                    localClass(local, where + "." + local.getSimpleName());
                } else {
                    walk(child, where);
                }
            }
        }

        private void add(ASTExecutableDeclaration operation, String prefix) {
            JavaMethodModel method = method(operation, prefix);
            methods.add(method);
            int depth = loopDepth(operation, false);
            if (depth >= 2) {
                loops.add(new ParsedJavaFile.MethodLoops(qualifiedName, method.signature(), method.beginLine(),
                        method.endLine(), depth, loopDepth(operation, true)));
            }
        }

        private static String memberLabel(Node member) {
            if (member instanceof ASTEnumConstant constant) {
                return constant.getName();
            }
            if (member instanceof ASTFieldDeclaration field) {
                return field.getVarIds().toStream().map(ASTVariableId::getName).collect(Collectors.joining(","));
            }
            if (member instanceof ASTInitializer initializer) {
                return initializer.isStatic() ? "<static initializer>" : "<initializer>";
            }
            return "<" + member.getXPathNodeName() + ">";
        }
    }

    private static String signature(ASTExecutableDeclaration operation) {
        String parameters = operation.getFormalParameters().toList().stream()
                .map(JavaFileModelBuilder::parameterType)
                .collect(Collectors.joining(", "));
        return operation.getName() + "(" + parameters + ")";
    }

    private static JavaMethodModel method(ASTExecutableDeclaration operation, String prefix) {
        FileLocation location = location(operation);
        return new JavaMethodModel(operation.getName(), prefix + signature(operation),
                operation.getEffectiveVisibility() == Visibility.V_PUBLIC,
                operation instanceof ASTConstructorDeclaration,
                location.getStartLine(), location.getEndLine(),
                metric(JavaMetrics.CYCLO, operation), metric(JavaMetrics.NCSS, operation), switchCases(operation),
                operation.getBody() != null);
    }

    /**
     * What CYCLO adds for the operation's switches beyond one decision each: it counts every alternative of every
     * non-default case (its boolean paths, such as a guard's, stay). Nested classes are their own operations.
     */
    private static int switchCases(ASTExecutableDeclaration operation) {
        int extra = 0;
        for (ASTSwitchLike switchLike : operation.descendants(ASTSwitchLike.class)) {
            int alternatives = switchLike.getBranches().filterNot(ASTSwitchBranch::isDefault)
                    .toStream().mapToInt(b -> Math.max(1, b.getLabel().getExprList().count())).sum();
            extra += Math.max(0, alternatives - 1);
        }
        return extra;
    }

    private static String parameterType(ASTFormalParameter parameter) {
        return parameter.getTypeNode().getText().toString().strip().replaceAll("\\s+", " ");
    }

    private static <N extends Node> int metric(Metric<? super N, Integer> metric, N node) {
        return MetricsUtil.supportsAll(node, metric) ? MetricsUtil.computeMetric(metric, node) : 0;
    }

    /** Deepest nesting of loops in the method body; lambdas count as part of the method, nested classes do not. */
    /**
     * @param growth count only the loops that multiply the work: not one that runs a fixed number of times or walks
     *               an enclosing loop's element ({@link LoopFactors})
     */
    private static int loopDepth(ASTExecutableDeclaration operation, boolean growth) {
        return operation.getBody() == null ? 0 : loopDepth((Node) operation.getBody(), growth);
    }

    private static int loopDepth(Node node, boolean growth) {
        int deepest = 0;
        for (Node child : node.children()) {
            if (!(child instanceof ASTTypeDeclaration)) {
                deepest = Math.max(deepest, loopDepth(child, growth));
            }
        }
        if (node instanceof ASTLoopStatement loop) {
            return growth && LoopFactors.addsNoFactor(loop) ? deepest : deepest + 1;
        }
        return deepest;
    }

    private static String kind(ASTTypeDeclaration type) {
        if (type.isAnnotation()) {
            return "annotation";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return type.isRecord() ? "record" : "class";
    }

    /** The node's whole extent; {@code Node.getBeginLine()} is only the report location (the name). */
    private static FileLocation location(Node node) {
        return node.getTextDocument().toLocation(node.getTextRegion());
    }
}
