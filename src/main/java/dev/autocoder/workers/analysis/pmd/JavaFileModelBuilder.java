package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.javamodel.JavaMethodModel;
import dev.autocoder.workers.analysis.javamodel.JavaTypeModel;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.document.FileLocation;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTImportDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTLoopStatement;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorDeclaration;
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
 * types, outer before nested) with their methods and constructors, and loop nesting per method.
 * <p>
 * Anonymous and local classes are not listed as types (their code belongs to the enclosing method), and record
 * compact constructors are not listed as constructors (PMD's CYCLO metric is not defined for them).
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
        return new ParsedJavaFile(unit.getPackageName(), imports, List.copyOf(types), List.copyOf(loops));
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
            JavaMethodModel method = method(operation);
            methods.add(method);
            annotatedTests |= operation.getDeclaredAnnotations().any(a -> TEST_ANNOTATIONS.contains(a.getSimpleName()));
            int depth = loopDepth(operation);
            if (depth >= 2) {
                loops.add(new ParsedJavaFile.MethodLoops(qualifiedName, method.signature(), method.beginLine(),
                        method.endLine(), depth));
            }
        }
        FileLocation location = location(type);
        types.add(new JavaTypeModel(type.getSimpleName(), qualifiedName, kind(type),
                type.getVisibility() == Visibility.V_PUBLIC, type.isInterface() || type.isAbstract(), annotatedTests,
                location.getStartLine(), location.getEndLine(), List.copyOf(methods)));
        type.getDeclarations(ASTTypeDeclaration.class).forEach(nested -> addType(nested, types, loops));
    }

    private static JavaMethodModel method(ASTExecutableDeclaration operation) {
        String parameters = operation.getFormalParameters().toList().stream()
                .map(JavaFileModelBuilder::parameterType)
                .collect(Collectors.joining(", "));
        FileLocation location = location(operation);
        return new JavaMethodModel(operation.getName(), operation.getName() + "(" + parameters + ")",
                operation.getEffectiveVisibility() == Visibility.V_PUBLIC,
                operation instanceof ASTConstructorDeclaration,
                location.getStartLine(), location.getEndLine(),
                metric(JavaMetrics.CYCLO, operation), metric(JavaMetrics.NCSS, operation));
    }

    private static String parameterType(ASTFormalParameter parameter) {
        return parameter.getTypeNode().getText().toString().strip().replaceAll("\\s+", " ");
    }

    private static <N extends Node> int metric(Metric<? super N, Integer> metric, N node) {
        return MetricsUtil.supportsAll(node, metric) ? MetricsUtil.computeMetric(metric, node) : 0;
    }

    /** Deepest nesting of loops in the method body; lambdas count as part of the method, nested classes do not. */
    private static int loopDepth(ASTExecutableDeclaration operation) {
        return operation.getBody() == null ? 0 : loopDepth((Node) operation.getBody());
    }

    private static int loopDepth(Node node) {
        int deepest = 0;
        for (Node child : node.children()) {
            if (!(child instanceof ASTTypeDeclaration)) {
                deepest = Math.max(deepest, loopDepth(child));
            }
        }
        return node instanceof ASTLoopStatement ? deepest + 1 : deepest;
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
