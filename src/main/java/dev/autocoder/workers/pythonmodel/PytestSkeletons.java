package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.testplan.plan.TestSkeleton;
import dev.autocoder.workers.testplan.plan.TestNames;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.testplan.spec.PytestNames;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the test specifications of Python code as pytest files: one file per source file and perspective
 * ({@code test_shop_orders_edge_cases.py}, flat so no two files share a basename), one {@code Test…} class per class
 * or module under test, a test function per specification. Edge cases become
 * {@code @pytest.mark.parametrize}, a failure mode a {@code with pytest.raises(..)} block; every test starts with
 * {@code pytest.skip(..)} until someone writes it, so a generated file is collected and never fails a run. The
 * code under test is imported inside each test, after the skip: collecting the file needs nothing but pytest.
 */
public final class PytestSkeletons {

    private static final Set<String> BUILTIN_EXCEPTIONS = Set.of("BaseException", "Exception", "ArithmeticError",
            "AssertionError", "AttributeError", "EOFError", "FileExistsError", "FileNotFoundError", "ImportError",
            "IndexError", "KeyError", "LookupError", "MemoryError", "ModuleNotFoundError", "NotImplementedError", "OSError",
            "OverflowError", "PermissionError", "RecursionError", "RuntimeError", "StopIteration", "TimeoutError",
            "TypeError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "ValueError", "ZeroDivisionError",
            "ConnectionError", "IsADirectoryError", "NotADirectoryError", "InterruptedError", "BrokenPipeError");

    private PytestSkeletons() {
    }

    public static boolean isPython(TestSpecification spec) {
        return PytestNames.isPython(spec.file());
    }

    public static List<TestSkeleton> render(List<TestSpecification> specifications, String perspectiveId) {
        Map<String, List<TestSpecification>> byFile = new LinkedHashMap<>();
        specifications.forEach(s -> byFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s));
        List<TestSkeleton> skeletons = new ArrayList<>();
        byFile.forEach((file, specs) -> skeletons.add(render(file, specs, perspectiveId)));
        return skeletons;
    }

    private static TestSkeleton render(String file, List<TestSpecification> specs, String perspectiveId) {
        String testModule = PytestNames.testModule(file, perspectiveId);
        StringBuilder out = new StringBuilder();
        out.append("\"\"\"Planned by the autocoder test-planning worker (perspective ").append(docstring(perspectiveId))
                .append(") for ").append(docstring(file)).append(".\n\nEach test is skipped until it is written: replace its "
                        + "pytest.skip line with the test.\n\"\"\"\nimport pytest\n");
        Map<String, List<TestSpecification>> byClass = new LinkedHashMap<>();
        specs.forEach(s -> byClass.computeIfAbsent(s.classUnderTest(), k -> new ArrayList<>()).add(s));
        Set<String> classNames = new HashSet<>();
        byClass.forEach((classUnderTest, classSpecs) -> {
            String className = TestNames.unique(PytestNames.testClass(classUnderTest, perspectiveId), classNames);
            out.append("\n\nclass ").append(className).append(":\n");
            out.append("    \"\"\"Tests of ").append(docstring(classUnderTest)).append(".\"\"\"\n");
            Set<String> used = new HashSet<>();
            for (TestSpecification spec : classSpecs) {
                out.append('\n');
                method(out, spec, TestNames.unique(PytestNames.testFunction(spec.testName()), used));
            }
        });
        return new TestSkeleton(testModule + ".py", testModule, specs.stream().map(TestSpecification::id).toList(), out.toString());
    }

    private static void method(StringBuilder out, TestSpecification spec, String name) {
        boolean parameterized = spec.kind().equals("parameterized") && !spec.inputs().isEmpty();
        if (parameterized) {
            out.append("    @pytest.mark.parametrize(\"value\", [\n");
            for (String input : spec.inputs()) {
                out.append("        ").append(input).append(",\n");
            }
            out.append("    ])\n");
            out.append("    def ").append(name).append("(self, value):\n");
        } else {
            out.append("    def ").append(name).append("(self):\n");
        }
        out.append("        \"\"\"").append(docstring(spec.methodUnderTest())).append(": ").append(docstring(spec.then())).append(".\n\n");
        out.append("        Given ").append(docstring(spec.given())).append(".\n");
        out.append("        When ").append(docstring(spec.when())).append(".\n");
        out.append("        Then ").append(docstring(spec.then())).append(".\n");
        out.append("        Expected: ").append(docstring(spec.expectedOutcome())).append(".\n");
        out.append("        Specification ").append(spec.id());
        if (!spec.findingIds().isEmpty()) {
            out.append("; answers ").append(docstring(String.join(", ", spec.findingIds())));
        }
        out.append(".\n        \"\"\"\n");
        out.append("        pytest.skip(\"planned, not written yet: ").append(spec.id()).append("\")\n");
        String module = spec.classUnderTest();
        out.append("        import ").append(importable(module)).append("  # the code under test\n");
        if (spec.expectedException() != null) {
            String type = spec.expectedException().isEmpty() ? null : spec.expectedException();
            String simple = type == null ? null : type.substring(type.lastIndexOf('.') + 1);
            if (simple != null && BUILTIN_EXCEPTIONS.contains(simple)) {
                out.append("        with pytest.raises(").append(simple).append("):  # what the code raises\n");
            } else {
                out.append("        # ").append(type == null ? "what the code raises could not be resolved within the project"
                        : "it raises " + type.replace("\n", " ")).append(": narrow Exception when writing the test\n");
                out.append("        with pytest.raises(Exception):\n");
            }
            out.append("            pass  # call ").append(docstring(spec.methodUnderTest().replaceAll("\\(.*", "")))
                    .append(" with the input described above\n");
        }
    }

    /** The dotted module of a class or module under test (a class's module is everything before its name). */
    private static String importable(String qualified) {
        String[] parts = qualified.split("\\.");
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.matches("[A-Za-z_][A-Za-z0-9_]*") || Character.isUpperCase(part.charAt(0)) && !kept.isEmpty()) {
                break;
            }
            kept.add(part);
        }
        return kept.isEmpty() ? "builtins" : String.join(".", kept);
    }

    /** Text safe inside a triple-quoted docstring. */
    private static String docstring(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"").replace("\n", " ");
    }
}
