package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.repository.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourcePathResolverTest {

    @TempDir
    Path root;

    private SourcePathResolver resolver;

    @BeforeEach
    void tree() {
        Fixtures.write(root, "core/src/main/java/org/x/Parser.java", "class Parser {}\n");
        Fixtures.write(root, "app/src/main/java/org/x/Parser.java", "class Parser {}\n");
        Fixtures.write(root, "src/main/java/org/x/Main.java", "class Main {}\n");
        Fixtures.write(root, "py/src/inventory/stock.py", "x = 1\n");
        Snapshot snapshot = Fixtures.snapshot(root, false);
        resolver = new SourcePathResolver(snapshot);
    }

    private static CoverageReport report(String path, String... sourceRoots) {
        return new CoverageReport(path, CoverageFormat.JACOCO, List.of(sourceRoots), List.of());
    }

    @Test
    void sameNamedSourcesResolveToTheReportsModule() {
        assertThat(resolver.resolve(report("app/target/site/jacoco/jacoco.xml"), "org/x/Parser.java"))
                .contains("app/src/main/java/org/x/Parser.java");
        assertThat(resolver.resolve(report("core/target/site/jacoco/jacoco.xml"), "org/x/Parser.java"))
                .contains("core/src/main/java/org/x/Parser.java");
    }

    @Test
    void absolutePathsInsideAndOutsideTheRootAndSourceRoots() {
        CoverageReport atRoot = report("coverage.xml");
        assertThat(resolver.resolve(atRoot, root.resolve("src/main/java/org/x/Main.java").toString()))
                .contains("src/main/java/org/x/Main.java");
        assertThat(resolver.resolve(atRoot, "/home/ci/work/repo/src/main/java/org/x/Main.java"))
                .contains("src/main/java/org/x/Main.java");
        assertThat(resolver.resolve(atRoot, "C:\\build\\repo\\src\\main\\java\\org\\x\\Main.java"))
                .contains("src/main/java/org/x/Main.java");
        assertThat(resolver.resolve(report("coverage.xml", root.resolve("py/src").toString()), "inventory/stock.py"))
                .contains("py/src/inventory/stock.py");
        assertThat(resolver.resolve(report("coverage.xml", "py/src"), "./inventory/stock.py"))
                .contains("py/src/inventory/stock.py");
        assertThat(resolver.resolve(atRoot, "org/x/Missing.java")).isEmpty();
        assertThat(resolver.resolve(atRoot, "/elsewhere/Main.java")).isEmpty();
    }
}
