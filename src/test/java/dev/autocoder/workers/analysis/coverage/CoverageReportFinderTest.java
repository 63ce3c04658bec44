package dev.autocoder.workers.analysis.coverage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageReportFinderTest {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void findsReportsInBuildFoldersAndSkipsGitNodeModulesLinksAndTooDeepFolders() throws Exception {
        for (String path : new String[]{
                "target/site/jacoco/jacoco.xml",
                "module-a/target/site/jacoco-ut/jacoco.xml",
                "module-b/build/reports/jacoco/test/jacocoTestReport.xml",
                "module-b/build/reports/jacoco/test/html/index.html",
                "module-b/build/reports/jacoco/summary.xml",
                "web/coverage/lcov.info",
                "lcov.info",
                "python/coverage.xml",
                "reports/cobertura-coverage.xml",
                "node_modules/lib/coverage/lcov.info",
                ".git/lcov.info",
                "pom.xml",
                "src/main/resources/coverage.json",
                "src/main/resources/my-jacoco.xml",
                "a/b/c/d/e/f/g/h/i/j/lcov.info",
                "a/b/c/d/e/f/g/h/i/j/k/lcov.info"}) {
            Fixtures.write(root, path, "x");
        }
        Path outside = Fixtures.write(elsewhere, "lcov.info", "SF:x\nend_of_record\n");
        Files.createDirectories(root.resolve("linked"));
        Path link = Files.createSymbolicLink(root.resolve("linked/lcov.info"), outside);

        var found = new CoverageReportFinder().find(root);
        Files.delete(link);

        assertThat(found).containsExactly(
                "a/b/c/d/e/f/g/h/i/j/lcov.info",
                "lcov.info",
                "module-a/target/site/jacoco-ut/jacoco.xml",
                "module-b/build/reports/jacoco/summary.xml",
                "module-b/build/reports/jacoco/test/jacocoTestReport.xml",
                "python/coverage.xml",
                "reports/cobertura-coverage.xml",
                "src/main/resources/coverage.json",
                "target/site/jacoco/jacoco.xml",
                "web/coverage/lcov.info");
    }

    @Test
    void missingRootHasNoReports() throws Exception {
        assertThat(new CoverageReportFinder().find(root.resolve("absent"))).isEmpty();
    }
}
