package dev.autocoder.workers.testplan.skeleton;

import dev.autocoder.workers.pythonmodel.PytestSkeletons;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.plan.TestSkeleton;
import dev.autocoder.workers.testplan.plan.TestNames;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.testplan.rules.ExceptionTypes;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders test specifications as JUnit 5 test classes, one per test class name: a {@code @Test} per
 * specification, a {@code @ParameterizedTest} with a {@code @MethodSource} per parameterized specification (edge
 * cases). Each test states its given / when / then and the ids it answers, and is skipped with
 * {@code assumeTrue(false, ..)} until someone writes it (so a generated class compiles and never fails a build).
 * A test that expects an exception asserts the type the method really throws ({@code assertThrows(X.class, ..)},
 * or {@code Exception.class} with a comment when the type could not be resolved).
 * The class under test's imports are copied so parameter types resolve. Specifications of Python code become
 * pytest files ({@link PytestSkeletons}).
 */
@Component
public class SkeletonRenderer {

    public List<TestSkeleton> render(List<TestSpecification> specifications, CodeModel model, String perspectiveId) {
        Map<String, List<TestSpecification>> byClass = new LinkedHashMap<>();
        specifications.stream().filter(s -> !PytestSkeletons.isPython(s))
                .forEach(s -> byClass.computeIfAbsent(s.testClass(), k -> new ArrayList<>()).add(s));
        // Python code gets pytest files
        List<TestSkeleton> skeletons = new ArrayList<>(PytestSkeletons.render(
                specifications.stream().filter(PytestSkeletons::isPython).toList(), perspectiveId));
        ExceptionTypes exceptions = new ExceptionTypes(model);
        byClass.forEach((testClass, specs) -> skeletons.add(render(testClass, specs, model, perspectiveId, exceptions)));
        return skeletons;
    }

    private TestSkeleton render(String testClass, List<TestSpecification> specs, CodeModel model, String perspectiveId,
                                ExceptionTypes exceptions) {
        int dot = testClass.lastIndexOf('.');
        String packageName = dot < 0 ? "" : testClass.substring(0, dot);
        String simpleName = testClass.substring(dot + 1);
        FileModel source = model.file(specs.get(0).file()).orElse(null);
        StringBuilder out = new StringBuilder();
        if (!packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
        Set<String> imports = new LinkedHashSet<>(List.of("org.junit.jupiter.api.DisplayName", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.params.provider.Arguments",
                "org.junit.jupiter.params.provider.MethodSource", "java.util.stream.Stream"));
        if (source != null) {
            source.imports().stream().filter(i -> !i.startsWith("static ")).forEach(imports::add);
        }
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append('\n');
        if (specs.stream().anyMatch(s -> s.expectedException() != null)) {
            out.append("import static org.junit.jupiter.api.Assertions.assertThrows;\n");
        }
        out.append("import static org.junit.jupiter.api.Assumptions.assumeTrue;\n\n");
        out.append("/**\n * Planned by the autocoder test-planning worker (perspective ").append(perspectiveId)
                .append(").\n * Each test is skipped until it is written: replace the assumeTrue line with the test.\n */\n");
        out.append("class ").append(simpleName).append(" {\n");
        Set<String> used = new HashSet<>();
        for (TestSpecification spec : specs) {
            String name = TestNames.unique(spec.testName(), used);
            out.append('\n');
            out.append("    /**\n");
            out.append("     * Given ").append(comment(spec.given())).append(".\n");
            out.append("     * When ").append(comment(spec.when())).append(".\n");
            out.append("     * Then ").append(comment(spec.then())).append(".\n");
            out.append("     * Expected: ").append(comment(spec.expectedOutcome())).append(".\n");
            out.append("     * Specification ").append(spec.id());
            if (!spec.findingIds().isEmpty()) {
                out.append("; answers ").append(String.join(", ", spec.findingIds()));
            }
            out.append(".\n     */\n");
            if (spec.kind().equals("parameterized") && !spec.inputs().isEmpty()) {
                String parameterType = parameterType(spec, model);
                out.append("    @ParameterizedTest(name = \"{index}: {0}\")\n");
                out.append("    @MethodSource(\"").append(name).append("Inputs\")\n");
                out.append("    @DisplayName(\"").append(java(spec.methodUnderTest())).append(": ").append(java(spec.then())).append("\")\n");
                out.append("    void ").append(name).append('(').append(parameterType).append(" input) {\n");
                out.append("        assumeTrue(false, \"planned, not written yet: ").append(spec.id()).append("\");\n");
                out.append("    }\n\n");
                out.append("    static Stream<Arguments> ").append(name).append("Inputs() {\n");
                out.append("        return Stream.of(\n");
                for (int i = 0; i < spec.inputs().size(); i++) {
                    out.append("                Arguments.of((Object) (").append(spec.inputs().get(i)).append("))")
                            .append(i + 1 < spec.inputs().size() ? ",\n" : ");\n");
                }
                out.append("    }\n");
            } else {
                out.append("    @Test\n");
                out.append("    @DisplayName(\"").append(java(spec.methodUnderTest())).append(": ").append(java(spec.then())).append("\")\n");
                out.append("    void ").append(name).append("() {\n");
                out.append("        assumeTrue(false, \"planned, not written yet: ").append(spec.id()).append("\");\n");
                if (spec.expectedException() != null) {
                    expectation(out, spec, source, exceptions);
                }
                out.append("    }\n");
            }
        }
        out.append("}\n");
        String path = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + simpleName + ".java";
        return new TestSkeleton(path, testClass, specs.stream().map(TestSpecification::id).toList(), out.toString());
    }

    /**
     * The exception the test expects: the type the method under test really throws, written so that it compiles
     * in the test's package; any {@code Exception}, with a comment saying why, when the type is unknown or not
     * visible from there.
     */
    private static void expectation(StringBuilder out, TestSpecification spec, FileModel source, ExceptionTypes exceptions) {
        String type = spec.expectedException().isEmpty() ? null : exceptions.compilableName(spec.expectedException(), source);
        String method = spec.methodUnderTest().replaceAll("\\(.*", "");
        if (type == null) {
            out.append("        // what ").append(comment(spec.methodUnderTest())).append(spec.expectedException().isEmpty()
                    ? " throws could not be resolved within the project" : " throws (" + comment(spec.expectedException())
                    + ") is not visible from this package").append(": narrow Exception.class when writing the test\n");
            type = "Exception";
        } else {
            out.append("        // ").append(comment(spec.methodUnderTest())).append(" throws ").append(type.substring(type.lastIndexOf('.') + 1))
                    .append(" (resolved from the project's code)\n");
        }
        out.append("        assertThrows(").append(type).append(".class, () -> {\n");
        out.append("            // call ").append(method).append(" with the input described above\n");
        out.append("        });\n");
    }

    /**
     * The declared type of the parameter the edge cases are for (from the method under test), written so that
     * it compiles in the test's package: type variables become Object, nested types get their outer type.
     */
    private static String parameterType(TestSpecification spec, CodeModel model) {
        String parameter = spec.when().replaceAll(".*parameter ([A-Za-z0-9_]+).*", "$1");
        FileModel file = model.file(spec.file()).orElse(null);
        if (file == null) {
            return "Object";
        }
        for (TypeModel type : file.types()) {
            if (!type.qualifiedName().equals(spec.classUnderTest())) {
                continue;
            }
            for (var method : type.methods()) {
                if (method.signature().equals(spec.methodUnderTest())) {
                    String declared = method.paramType(parameter);
                    return declared == null ? "Object" : compilable(declared, file, type);
                }
            }
        }
        return "Object";
    }

    static String compilable(String declared, FileModel file, TypeModel owner) {
        String base = declared.replaceAll("<.*>", "").replace("[]", "").strip();
        if (base.length() <= 2 && base.chars().allMatch(Character::isUpperCase)) {
            return "Object" + (declared.endsWith("[]") ? "[]" : "");
        }
        String written = declared;
        for (TypeModel nested : file.types()) {
            if (nested.simpleName().equals(base) && !nested.qualifiedName().equals(file.packageName().isEmpty()
                    ? base : file.packageName() + "." + base)) {
                String relative = file.packageName().isEmpty() ? nested.qualifiedName()
                        : nested.qualifiedName().substring(file.packageName().length() + 1);
                written = declared.replaceFirst("\\b" + base + "\\b", relative);
                break;
            }
        }
        if (declared.matches(".*<.*\\b[A-Z]\\b.*>.*")) {
            // raw type: the type variables of the method or its class are not visible in the test
            return written.replaceAll("<.*>", "");
        }
        return written;
    }

    private static String comment(String text) {
        return text == null ? "" : text.replace("*/", "* /").replace("\n", " ");
    }

    private static String java(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
