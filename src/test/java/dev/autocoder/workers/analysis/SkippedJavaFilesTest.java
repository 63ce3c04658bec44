package dev.autocoder.workers.analysis;

import dev.autocoder.workers.analysis.architecture.ArchitecturePerspective;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java file with a NUL inside a string literal is text and analyzed; a truly binary {@code .java} file is
 * skipped and an unparseable one is unparseable, and the inventory and every perspective count them alike.
 */
class SkippedJavaFilesTest {

    @TempDir
    Path root;

    @Test
    void inventoryAndPerspectivesAgreeOnSkippedAndUnparseableJavaFiles() throws Exception {
        TestSnapshots.write(root, "src/main/java/a/Codes.java",
                "package a;\n\npublic class Codes {\n    public static final String SEPARATOR = \"\0\";\n\n"
                        + "    public String join(String a, String b) {\n        return a == null ? b : a + SEPARATOR + b;\n    }\n}\n");
        TestSnapshots.write(root, "src/main/java/a/Main.java",
                "package a;\n\npublic class Main {\n    public static void main(String[] args) {\n"
                        + "        System.out.println(new Codes().join(args[0], args[1]));\n    }\n}\n");
        TestSnapshots.write(root, "src/main/java/a/Broken.java", "package a;\n\npublic class Broken {\n    void m( {\n}\n");
        try (InputStream classFile = SkippedJavaFilesTest.class.getResourceAsStream("SkippedJavaFilesTest.class")) {
            TestSnapshots.writeBytes(root, "src/main/java/a/Blob.java", classFile.readAllBytes());
        }
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(root);
        Snapshot snapshot = new SnapshotService(new TargetRepository(properties), properties).current();
        PmdEngine engine = new PmdEngine(PmdRulesets.curated(), 1);

        assertThat(snapshot.files(Language.JAVA)).hasSize(4);
        assertThat(snapshot.files(Language.JAVA).stream().filter(SourceFile::binary).map(SourceFile::path))
                .containsExactly("src/main/java/a/Blob.java");
        JavaModel model = new PmdJavaModelProvider(engine).model(snapshot);
        assertThat(model.parsedFiles()).extracting(f -> f.path())
                .containsExactlyInAnyOrder("src/main/java/a/Codes.java", "src/main/java/a/Main.java");

        Map<String, Double> quality = metrics(new CodeQualityPerspective(engine, new CpdRunner(100)), snapshot);
        Map<String, Double> performance = metrics(new PerformancePerspective(engine), snapshot);
        Map<String, Double> architecture = metrics(
                new ArchitecturePerspective(new PmdJavaModelProvider(engine), s -> Optional.empty()), snapshot);
        Map<String, Double> security = metrics(new SecurityPerspective(engine, new SecretScanner()), snapshot);

        for (Map<String, Double> metrics : java.util.List.of(quality, performance, architecture)) {
            assertThat(metrics).containsEntry("java_files", 4.0)
                    .containsEntry("unparseable_files", 1.0)
                    .containsEntry("skipped_java_files", 1.0);
        }
        assertThat(security).containsEntry("java_files_unparseable", 1.0).containsEntry("binary_files_skipped", 1.0);
        assertThat(model.unparseableFiles()).hasSize(1);
        assertThat(model.skippedFiles()).hasSize(1);
    }

    private Map<String, Double> metrics(Perspective perspective, Snapshot snapshot) throws Exception {
        PerspectiveResult result = perspective.analyze(TestSnapshots.context(snapshot));
        return result.metrics().stream().collect(Collectors.toMap(Metric::name, Metric::value, (a, b) -> a));
    }
}
