package dev.autocoder.workers.analysis.architecture;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.autocoder.workers.analysis.architecture.JavaProjectFixture.churn;
import static dev.autocoder.workers.analysis.architecture.JavaProjectFixture.noHistory;
import static dev.autocoder.workers.analysis.architecture.JavaProjectFixture.pathOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArchitecturePerspectiveTest {

    @TempDir
    Path root;

    /** a → b → c → a, plus d → a; a also holds an interface. */
    private JavaProjectFixture plantedCycle() {
        return new JavaProjectFixture(root)
                .addClass("a", "A", List.of("b.B"), 2)
                .addInterface("a", "Api", List.of())
                .addClass("b", "B", List.of("c.C"), 1)
                .addClass("c", "C", List.of("a.A", "java.util.List"), 1)
                .addClass("d", "D", List.of("a.A"), 1);
    }

    @Test
    void findsThePlantedCycleAndComputesMartinMetricsPerPackage() throws Exception {
        PerspectiveResult result = plantedCycle().analyze(noHistory());

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(metric(result, "packages")).isEqualTo(4);
        assertThat(metric(result, "package_dependencies")).isEqualTo(4);
        assertThat(metric(result, "dependency_cycles")).isEqualTo(1);
        assertThat(metric(result, "packages_in_cycles")).isEqualTo(3);
        assertThat(metric(result, "types")).isEqualTo(5);
        assertThat(metric(result, "abstract_types")).isEqualTo(1);
        assertThat(metric(result, "max_efferent_coupling")).isEqualTo(1);
        assertThat(metric(result, "max_afferent_coupling")).isEqualTo(2);
        // I: a = 1/3, b = 1/2, c = 1/2, d = 1.
        assertThat(metric(result, "avg_instability")).isEqualTo(0.583);

        List<Map<String, Object>> cycles = list(result.details().get("cycles"));
        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0).get("members")).isEqualTo(List.of("a", "b", "c"));
        assertThat(list(cycles.get(0).get("edges"))).extracting(e -> e.get("from") + "->" + e.get("to") + "@" + e.get("file"))
                .containsExactly("a->b@src/main/java/a/A.java", "b->c@src/main/java/b/B.java",
                        "c->a@src/main/java/c/C.java");
        assertThat(list(cycles.get(0).get("edges"))).allSatisfy(e -> assertThat(e).containsEntry("line", null));

        Map<String, Map<String, Object>> packages = packagesByName(result);
        assertThat(packages.keySet()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertPackage(packages.get("a"), 2, 1, 0.333, 0.5, 0.167);
        assertPackage(packages.get("b"), 1, 1, 0.5, 0.0, 0.5);
        assertPackage(packages.get("c"), 1, 1, 0.5, 0.0, 0.5);
        assertPackage(packages.get("d"), 0, 1, 1.0, 0.0, 0.0);
        assertThat(packages.get("d").get("depends_on")).isEqualTo(List.of("a"));
        assertThat(packages.get("c").get("external_imports")).isEqualTo(1);

        List<Finding> cycleFindings = findings(result, "package-cycle");
        assertThat(cycleFindings).hasSize(1);
        Finding cycle = cycleFindings.get(0);
        assertThat(cycle.severity()).isEqualTo(Severity.HIGH);
        assertThat(cycle.category()).isEqualTo("architecture");
        assertThat(cycle.file()).isEqualTo("src/main/java/a/A.java");
        assertThat(cycle.line()).isNull();
        assertThat(cycle.message()).isEqualTo("Dependency cycle among 3 packages (3 import edges): a, b, c");

        // 1 − 0.6 × 3/4 − 0.4 × mean(1/6, 1/2, 1/2, 0)
        assertThat(result.qualityScore()).isCloseTo(1 - 0.6 * 0.75 - 0.4 * ((1.0 / 6 + 0.5 + 0.5 + 0) / 4), within(1e-9));
        assertThat(result.recommendations().get(0)).startsWith("Break the 1 package dependency cycle, starting with a, b, c");
        assertThat(new ObjectMapper().writeValueAsString(result.details()))
                .contains("{\"from\":\"a\",\"to\":\"b\",\"file\":\"src/main/java/a/A.java\",\"line\":null}");
    }

    @Test
    void javaModelWithMissingPartsDoesNotFailTheReview() throws Exception {
        JavaProjectFixture project = plantedCycle();
        JavaModel planted = project.model();
        List<JavaFileModel> files = new ArrayList<>(planted.files());
        files.add(new JavaFileModel("src/main/java/Odd.java", "0".repeat(40), null, null, null, null));
        files.add(new JavaFileModel("src/main/java/e/E.java", "0".repeat(40), "e", java.util.Arrays.asList("a.A", null),
                List.of(), null));
        JavaModel model = new JavaModel(planted.snapshotKey(), files);

        PerspectiveResult result = new ArchitecturePerspective(snapshot -> model, noHistory())
                .analyze(JavaProjectFixture.context(project.snapshot()));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(packagesByName(result).get("e")).containsEntry("ce", 1);
        assertThat(packagesByName(result).get("(default package)")).containsEntry("types", 0);
    }

    @Test
    void resolvesWildcardStaticAndNestedImportsAndIgnoresExternalOnesForTheGraph() throws Exception {
        PerspectiveResult result = new JavaProjectFixture(root)
                .addClass("app.web", "Controller", List.of(
                        "app.model.*",
                        "static app.util.Strings.trim",
                        "static app.util.Numbers.*",
                        "app.config.Settings.Key",
                        "java.util.List",
                        "java.util.*",
                        "org.springframework.stereotype.Component",
                        "static org.junit.jupiter.api.Assertions.assertTrue",
                        "app.missing.Gone"), 1)
                .addClass("app.model", "Order", List.of(), 1)
                .addClass("app.util", "Strings", List.of(), 1)
                .addClass("app.util", "Numbers", List.of(), 1)
                .addClassWithNested("app.config", "Settings", List.of("static app.util.Strings.*"), List.of("Key"))
                .addClass("app.missing", "Present", List.of(), 1)
                .analyze(noHistory());

        Map<String, Map<String, Object>> packages = packagesByName(result);
        assertThat(packages.get("app.web").get("depends_on"))
                .isEqualTo(List.of("app.config", "app.model", "app.util"));
        assertThat(packages.get("app.web").get("external_imports")).isEqualTo(4);
        assertThat(packages.get("app.util")).containsEntry("ca", 2).containsEntry("ce", 0);
        assertThat(metric(result, "package_dependencies")).isEqualTo(4);
        assertThat(metric(result, "external_packages")).isEqualTo(3);
        // app.missing.Gone: the package is the project's but no such type is declared.
        assertThat(metric(result, "unresolved_project_imports")).isEqualTo(1);
        assertThat(list(result.details().get("top_external_packages")))
                .extracting(e -> e.get("package") + "=" + e.get("files"))
                .containsExactly("java.util=1", "org.junit.jupiter.api=1", "org.springframework.stereotype=1");

        // Controller: app.model.* + Strings + Numbers + Settings.Key = 4 distinct project dependencies.
        Map<String, Object> controller = list(result.details().get("most_coupled_classes")).get(0);
        assertThat(controller).containsEntry("type", "app.web.Controller").containsEntry("efferent", 4);
        List<Map<String, Object>> dependedUpon = list(result.details().get("most_depended_upon_classes"));
        assertThat(dependedUpon).extracting(e -> e.get("type") + "=" + e.get("afferent"))
                .containsExactly("app.util.Strings=2", "app.config.Settings=1", "app.util.Numbers=1");
    }

    @Test
    void testCodeDoesNotCreateDependencies() throws Exception {
        PerspectiveResult result = new JavaProjectFixture(root)
                .addClass("a", "A", List.of("b.B"), 1)
                .addClass("b", "B", List.of(), 1)
                .addTestClass("b", "BTest", List.of("a.A"))
                .analyze(noHistory());

        assertThat(metric(result, "dependency_cycles")).isEqualTo(0);
        assertThat(metric(result, "package_dependencies")).isEqualTo(1);
        assertThat(metric(result, "test_files_excluded")).isEqualTo(1);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void ranksHotspotsByChurnTimesComplexity() throws Exception {
        JavaProjectFixture project = new JavaProjectFixture(root)
                .addClass("h", "One", List.of(), 10, 5)   // 15
                .addClass("h", "Two", List.of(), 4)       // 4
                .addClass("h", "Three", List.of(), 9)     // 9
                .addClass("h", "Four", List.of(), 2, 2)   // 4
                .addClass("h", "Five", List.of(), 1)      // 1
                .addInterface("h", "Shape", List.of())    // no methods: complexity 0
                .addOtherFile("README.md", "# readme\n");
        PerspectiveResult result = project.analyze(churn(
                new FileChurn(pathOf("h", "One"), 2, 10, 3),     // 30
                new FileChurn(pathOf("h", "Two"), 14, 100, 20),  // 56
                new FileChurn(pathOf("h", "Three"), 3, 5, 5),    // 27
                new FileChurn(pathOf("h", "Four"), 7, 8, 1),     // 28
                new FileChurn(pathOf("h", "Five"), 1, 1, 0),     // 1
                new FileChurn(pathOf("h", "Shape"), 9, 9, 9),
                new FileChurn("README.md", 40, 400, 0)));

        List<Map<String, Object>> hotspots = list(result.details().get("hotspots"));
        assertThat(hotspots).extracting(h -> h.get("rank") + ":" + h.get("file") + "=" + h.get("score"))
                .containsExactly(
                        "1:src/main/java/h/Two.java=56",
                        "2:src/main/java/h/One.java=30",
                        "3:src/main/java/h/Four.java=28",
                        "4:src/main/java/h/Three.java=27",
                        "5:src/main/java/h/Five.java=1");
        assertThat(hotspots.get(0)).containsEntry("commits", 14).containsEntry("complexity", 4)
                .containsEntry("lines_changed", 120);
        assertThat(result.details()).doesNotContainKey("hotspots_unavailable_reason");
        assertThat(metric(result, "hotspots_ranked")).isEqualTo(5);
        assertThat(metric(result, "top_hotspot_score")).isEqualTo(56);

        List<Finding> findings = findings(result, "hotspot");
        assertThat(findings).extracting(f -> f.severity() + " " + f.message()).containsExactly(
                "HIGH src/main/java/h/Two.java: 14 commits × complexity 4",
                "HIGH src/main/java/h/One.java: 2 commits × complexity 15",
                "HIGH src/main/java/h/Four.java: 7 commits × complexity 4",
                "MEDIUM src/main/java/h/Three.java: 3 commits × complexity 9",
                // one commit: unchanged since it came, complexity alone is no hotspot to act on first
                "LOW src/main/java/h/Five.java: 1 commit × complexity 1");
        assertThat(findings.get(0).file()).isEqualTo("src/main/java/h/Two.java");
        assertThat(result.summary()).contains("Top hotspot: src/main/java/h/Two.java (14 commits × complexity 4).");
    }

    @Test
    void withoutGitHistoryHotspotsAreUnavailable() throws Exception {
        PerspectiveResult result = plantedCycle().analyze(noHistory());

        assertThat(result.details()).containsEntry("hotspots_unavailable_reason", "the target has no git history")
                .doesNotContainKey("hotspots");
        assertThat(result.summary()).contains("Hotspots unavailable: the target has no git history.");
        assertThat(findings(result, "hotspot")).isEmpty();
        assertThat(result.metrics()).extracting(Metric::name)
                .doesNotContain("hotspots_ranked", "top_hotspot_score");
    }

    @Test
    void aFailingChurnProviderMakesHotspotsUnavailableInsteadOfFailing() throws Exception {
        PerspectiveResult result = plantedCycle().analyze(snapshot -> {
            throw new IllegalStateException("https://user:secret@example.com/repo.git unreachable");
        });

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.details()).containsEntry("hotspots_unavailable_reason",
                "the git history could not be read (IllegalStateException)");
        assertThat(result.summary()).doesNotContain("secret");
    }

    @Test
    void flagsClassesImportingMoreThanTwentyProjectTypes() throws Exception {
        JavaProjectFixture project = new JavaProjectFixture(root);
        List<String> twentyOne = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            project.addClass("parts", "Part" + i, List.of(), 1);
            twentyOne.add("parts.Part" + i);
        }
        project.addClass("hub", "Hub", twentyOne, 1);
        project.addClass("hub", "Almost", twentyOne.subList(0, 20), 1);

        PerspectiveResult result = project.analyze(noHistory());

        List<Finding> coupled = findings(result, "highly-coupled-class");
        assertThat(coupled).hasSize(1);
        assertThat(coupled.get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(coupled.get(0).file()).isEqualTo("src/main/java/hub/Hub.java");
        assertThat(coupled.get(0).line()).isEqualTo(25);
        assertThat(coupled.get(0).message()).isEqualTo("hub.Hub imports 21 project types or packages (more than 20)");
        assertThat(metric(result, "max_class_efferent_coupling")).isEqualTo(21);
        assertThat(metric(result, "highly_coupled_classes")).isEqualTo(1);
        assertThat(list(result.details().get("most_depended_upon_classes")).get(0))
                .containsEntry("type", "parts.Part0").containsEntry("afferent", 2);
    }

    @Test
    void countsUnparseableFilesAndLeavesThemOut() throws Exception {
        PerspectiveResult result = plantedCycle()
                .addUnparseable("src/main/java/e/Broken.java", "package e; class Broken {")
                .analyze(noHistory());

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(metric(result, "unparseable_files")).isEqualTo(1);
        assertThat(metric(result, "java_files")).isEqualTo(6);
        assertThat(metric(result, "packages")).isEqualTo(4);
        assertThat(result.details().get("unparseable_files")).isEqualTo(List.of("src/main/java/e/Broken.java"));
        assertThat(result.summary()).contains("1 Java file could not be parsed and was left out.");
    }

    @Test
    void onlyUnparseableFilesIsSkippedWithAReason() throws Exception {
        PerspectiveResult result = new JavaProjectFixture(root)
                .addUnparseable("src/main/java/e/Broken.java", "package e; class Broken {")
                .analyze(noHistory());

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).isEqualTo("No parseable production Java code: 1 Java file, 1 unparseable, 0 test, fixture or generated files.");
        assertThat(metric(result, "unparseable_files")).isEqualTo(1);
    }

    @Test
    void noJavaFilesAndNoHistoryIsSkipped() throws Exception {
        PerspectiveResult result = new JavaProjectFixture(root)
                .addOtherFile("README.md", "# nothing here\n")
                .analyze(noHistory());

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).isEqualTo("The repository has no Java or Python files (the package graph, coupling "
                + "and complexity need one of them) and no readable git history for churn.");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void withoutJavaOrPythonTheMostChangedFilesAreRankedByChurn() throws Exception {
        PerspectiveResult result = new JavaProjectFixture(root)
                .addOtherFile("app/main.js", "print('hi')\n")
                .addOtherFile("app/util.js", "x = 1\n")
                .addOtherFile("README.md", "# docs\n")
                .analyze(JavaProjectFixture.churn(
                        new FileChurn("app/util.js", 2, 30, 5),
                        new FileChurn("app/main.js", 5, 40, 10),
                        new FileChurn("README.md", 2, 3, 1)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).startsWith("no Java or Python files");
        assertThat(result.qualityScore()).isNull();
        assertThat(result.findings()).isEmpty();
        assertThat(result.summary()).isEqualTo("No Java or Python files; 3 files changed within the churn window, most often app/main.js (5 commits).");
        assertThat(metric(result, "files_changed_in_window")).isEqualTo(3);
        assertThat(metric(result, "lines_changed_in_window")).isEqualTo(89);
        assertThat(result.recommendations()).containsExactly(
                "Review app/main.js first: it changed in 5 commits (50 lines) within the churn window",
                "Review app/util.js first: it changed in 2 commits (35 lines) within the churn window",
                "Review README.md first: it changed in 2 commits (4 lines) within the churn window");
    }

    @Test
    void identity() {
        ArchitecturePerspective perspective = new ArchitecturePerspective(s -> null, noHistory());
        assertThat(perspective.id()).isEqualTo("architecture");
        assertThat(perspective.name()).isEqualTo("Architecture Review");
        assertThat(perspective.worker()).isEqualTo("analysis");
    }

    static double metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value)
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name + " in " + result.metrics()));
    }

    static List<Finding> findings(PerspectiveResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> packagesByName(PerspectiveResult result) {
        Map<String, Object> graph = (Map<String, Object>) result.details().get("graph");
        return list(graph.get("packages")).stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p));
    }

    private static void assertPackage(Map<String, Object> p, int ca, int ce, double instability, double abstractness,
                                      double distance) {
        assertThat(p).containsEntry("ca", ca).containsEntry("ce", ce).containsEntry("instability", instability)
                .containsEntry("abstractness", abstractness).containsEntry("distance", distance);
    }

    @Test
    void aTopHotspotThatNeverChangedIsRecommendedForItsComplexityNotItsChurn() {
        // rich, one commit: "it changed in 1 commit and has complexity 367, the highest churn × complexity"
        assertThat(ArchitectureFindings.hotspotRecommendation(List.of(new Hotspot(1, "rich/console.py", 1, 367, 367, 0),
                new Hotspot(2, "rich/text.py", 1, 200, 200, 0)))).hasValue("Refactor or cover with tests rich/console.py first: "
                + "complexity 367, the highest in the repository; it has not changed since it came (1 commit in the churn "
                + "window), so churn does not rank it.");
        assertThat(ArchitectureFindings.hotspotRecommendation(List.of(new Hotspot(1, "app/rules.py", 2, 7, 14, 10))))
                .hasValue("Refactor or cover with tests app/rules.py first: it changed in 2 commits and has complexity 7, "
                        + "the highest churn × complexity in the repository.");
    }
}
