package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.PytestCollection;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.IntegrationKind;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test Pyramid: every test class of the repository classified, and its test methods counted, as
 * <ul>
 *   <li>end-to-end: drives a browser or a whole running system (Selenium, Playwright, REST Assured imports; names
 *       with {@code E2E}/{@code EndToEnd}; {@code @SpringBootTest} together with an HTTP client);</li>
 *   <li>integration: starts part of a system ({@code @SpringBootTest}, {@code @DataJpaTest}, {@code @WebMvcTest},
 *       {@code @JdbcTest}, {@code @Testcontainers}, Testcontainers imports, names ending in {@code IT} or
 *       {@code IntegrationTest}, or calls to HTTP, a database, messaging, sockets or processes);</li>
 *   <li>unit: everything else.</li>
 * </ul>
 * Python test modules count pytest's tests ({@code test*} functions, {@code test*} methods of {@code Test*} classes
 * without {@code __init__}), classified by {@link #pythonLayer}.
 * <p>
 * against the recommended balance of 70 % unit, 20 % integration, 10 % end-to-end (by test methods). Findings:
 * {@code inverted-pyramid} (medium) when a higher layer has more tests than the one below it; {@code no-tests}
 * (high) when there are none. Quality score: {@code 1 - (|u - 0.7| + |i - 0.2| + |e - 0.1|) / 2}, one minus the
 * total variation distance to the recommended shares; null without tests.
 */
@Component
class TestPyramidPerspective extends TestPlanningPerspective {

    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate");

    TestPyramidPerspective(TestPlanServices services) {
        super(services, "test-pyramid", "Test Pyramid");
    }

    static String layer(FileModel file, TypeModel type) {
        if (file.path().endsWith(".py")) {
            return pythonLayer(file, type);
        }
        String name = type.simpleName();
        boolean springBoot = type.hasAnnotation("SpringBootTest");
        boolean httpClient = type.methods().stream().flatMap(m -> m.invocations().stream())
                .anyMatch(c -> IntegrationCatalog.classify(c).map(k -> k == IntegrationKind.HTTP).orElse(false));
        if (file.imports("org.openqa.selenium") || file.imports("com.microsoft.playwright") || file.imports("io.restassured")
                || name.contains("E2E") || name.contains("EndToEnd") || (springBoot && httpClient)) {
            return "end-to-end";
        }
        boolean boundary = type.methods().stream().flatMap(m -> m.invocations().stream())
                .anyMatch(c -> IntegrationCatalog.classify(c).map(k -> k.risk().equals("high")).orElse(false)
                        || (c.creation() && c.type() != null && c.type().endsWith("HttpServer")));
        if (springBoot || type.hasAnnotation("DataJpaTest") || type.hasAnnotation("WebMvcTest") || type.hasAnnotation("JdbcTest")
                || type.hasAnnotation("Testcontainers") || file.imports("org.testcontainers") || name.endsWith("IT")
                || name.endsWith("IntegrationTest") || boundary) {
            return "integration";
        }
        return "unit";
    }

    /**
     * pytest: end-to-end when the module drives a browser (Playwright, Selenium) or is named {@code e2e}; integration
     * when it imports testcontainers, is marked or named {@code integration}, or its tests make a high-risk
     * integration call (HTTP, database, process, network); else unit.
     */
    static String pythonLayer(FileModel file, TypeModel type) {
        String path = file.path().toLowerCase(java.util.Locale.ROOT);
        if (file.imports("playwright") || file.imports("selenium") || file.imports("pytest_playwright")
                || path.contains("e2e") || path.contains("end_to_end")) {
            return "end-to-end";
        }
        boolean marked = type.methods().stream().anyMatch(m -> m.annotations().stream().anyMatch(a -> a.endsWith("mark.integration")));
        boolean boundary = type.methods().stream().flatMap(m -> m.invocations().stream())
                .anyMatch(c -> IntegrationCatalog.classify(c).map(k -> k.risk().equals("high")).orElse(false));
        if (file.imports("testcontainers") || path.contains("integration") || marked || boundary) {
            return "integration";
        }
        return "unit";
    }

    static int testMethods(FileModel file, TypeModel type, PytestCollection pytest) {
        if (file.path().endsWith(".py")) {
            return pytest.tests(type);
        }
        return (int) type.methods().stream().filter(m -> m.annotations().stream().anyMatch(TEST_ANNOTATIONS::contains)).count();
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        Map<String, Integer> methods = new LinkedHashMap<>(Map.of("unit", 0, "integration", 0, "end-to-end", 0));
        Map<String, Integer> classes = new LinkedHashMap<>(Map.of("unit", 0, "integration", 0, "end-to-end", 0));
        List<Map<String, Object>> listed = new ArrayList<>();
        Set<String> withTests = new HashSet<>();
        PytestCollection pytest = new PytestCollection(planning.model().files());
        for (FileModel file : planning.model().testFiles()) {
            for (TypeModel type : file.types()) {
                int count = testMethods(file, type, pytest);
                if (count == 0) {
                    continue;
                }
                String layer = layer(file, type);
                methods.merge(layer, count, Integer::sum);
                classes.merge(layer, 1, Integer::sum);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("class", type.qualifiedName());
                row.put("file", file.path());
                row.put("layer", layer);
                row.put("tests", count);
                listed.add(row);
                withTests.add(type.qualifiedName());
            }
        }
        int total = methods.values().stream().mapToInt(Integer::intValue).sum();
        methods.forEach((layer, count) -> result.metric(layer.replace('-', '_') + "_tests", count));
        classes.forEach((layer, count) -> result.metric(layer.replace('-', '_') + "_test_classes", count));
        result.details.put("test_classes", listed.size() > 200 ? listed.subList(0, 200) : listed);
        result.details.put("recommended", Map.of("unit", 0.7, "integration", 0.2, "end-to-end", 0.1));
        if (total == 0) {
            // in the words of the repository's language: a Python project has no @Test methods to miss
            boolean python = planning.model().mainFiles().stream().anyMatch(f -> f.path().endsWith(".py"));
            boolean java = planning.model().mainFiles().stream().anyMatch(f -> f.path().endsWith(".java"));
            String looked = python && !java ? "no pytest test functions or test methods of Test classes"
                    : java && !python ? "no @Test methods" : "no @Test methods, no pytest test_ functions";
            result.findings.add(Finding.of("no-tests", "Test Pyramid", Severity.HIGH, null, null, null,
                    "The repository has no tests at all (" + looked + ").", "no-tests"));
            result.summary = "No tests found: the pyramid is empty.";
            result.recommendations.add("Start with unit tests for the " + (python && !java ? "modules" : "classes")
                    + " in scope; see the edge-cases and failure-modes plans.");
            return result;
        }
        double u = methods.get("unit") / (double) total;
        double i = methods.get("integration") / (double) total;
        double e = methods.get("end-to-end") / (double) total;
        result.metric("unit_share", round(u)).metric("integration_share", round(i)).metric("end_to_end_share", round(e));
        result.qualityScore = round(1 - (Math.abs(u - 0.7) + Math.abs(i - 0.2) + Math.abs(e - 0.1)) / 2);
        if (methods.get("end-to-end") > methods.get("integration") || methods.get("integration") > methods.get("unit")) {
            result.findings.add(Finding.of("inverted-pyramid", "Test Pyramid", Severity.MEDIUM, null, null, null,
                    "More tests in a higher layer than below it: " + methods + " (recommended 70/20/10).", "inverted-pyramid"));
            result.recommendations.add("Move checks down the pyramid: test the logic in unit tests and keep a few integration and end-to-end tests.");
        }
        if (u < 0.7) {
            result.recommendations.add("Add unit tests: " + Math.round(u * 100) + " % unit against the recommended 70 %.");
        }
        CodeNouns nouns = CodeNouns.ofTypes(planning, planning.model().testFiles(), type -> withTests.contains(type.qualifiedName()));
        result.summary = nouns.method().of(total, "test") + " in " + nouns.type().of(listed.size()) + ": "
                + Math.round(u * 100) + " % unit, "
                + Math.round(i * 100) + " % integration, " + Math.round(e * 100) + " % end-to-end (recommended 70/20/10).";
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
