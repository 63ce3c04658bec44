package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.ModernJavaFixture;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The code-quality perspective parses code of any Java release, at the level the build declares. */
class ModernJavaQualityTest {

    @TempDir
    Path root;

    private final CodeQualityPerspective perspective = new CodeQualityPerspective(
            new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100));

    @Test
    void modernJavaParsesAtTheNewestLevelWhenTheBuildDeclaresNone() {
        ModernJavaFixture.writeCode(root);
        PerspectiveResult result = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).extracting(Finding::rule).doesNotContain(CodeQualityPerspective.PARSE_ERROR);
        assertThat(metrics(result)).containsEntry("unparseable_files", 0.0).containsEntry("files_analyzed", 5.0);
        assertThat(result.details().get("java_language_level")).isEqualTo(Map.of(
                "level", JavaLanguageLevel.newestSupported().feature(),
                "source", "no level declared in the build: the newest release PMD and JavaParser both parse"));
    }

    @Test
    void theLevelOfThePomIsTheOnePmdParsesWith() {
        ModernJavaFixture.writeCode(root);
        PerspectiveResult atNewest = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root)));
        assertThat(metrics(atNewest)).containsEntry("unparseable_files", 0.0);

        // Java 17 has no record patterns nor unnamed variables: Geometry no longer parses, the other files do
        ModernJavaFixture.writePom(root, "", "17");
        PerspectiveResult at17 = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(at17.findings()).filteredOn(f -> f.rule().equals(CodeQualityPerspective.PARSE_ERROR))
                .extracting(Finding::file).containsExactly(ModernJavaFixture.GEOMETRY);
        // same contents, another level: nothing comes from the cache
        assertThat(metrics(at17)).containsEntry("unparseable_files", 1.0)
                .containsEntry("files_analyzed", 5.0).containsEntry("files_from_cache", 0.0);
        assertThat(at17.details().get("java_language_level")).isEqualTo(Map.of(
                "level", 17, "source", "pom.xml: maven.compiler.release"));
    }

    @Test
    void eachModuleIsParsedAtItsOwnLevel() {
        ModernJavaFixture.writeCode(root, "app/");
        ModernJavaFixture.writeCode(root, "legacy/");
        ModernJavaFixture.writePom(root, "legacy/", "17");
        PerspectiveResult result = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals(CodeQualityPerspective.PARSE_ERROR))
                .extracting(Finding::file).containsExactly("legacy/" + ModernJavaFixture.GEOMETRY);
        assertThat(metrics(result)).containsEntry("files_analyzed", 10.0);
        int newest = JavaLanguageLevel.newestSupported().feature();
        assertThat(result.details().get("java_language_level")).isEqualTo(Map.of(
                "level", newest,
                "source", "no level declared in the build: the newest release PMD and JavaParser both parse",
                "modules", Map.of("legacy/", "17 (legacy/pom.xml: maven.compiler.release)")));
    }

    private static Map<String, Double> metrics(PerspectiveResult result) {
        return result.metrics().stream().collect(Collectors.toMap(Metric::name, Metric::value));
    }
}
