package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderJson;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.architecture.ArchitecturePerspective;
import dev.autocoder.workers.analysis.coverage.TestCoveragePerspective;
import dev.autocoder.workers.analysis.dependencies.DependencyPerspective;
import dev.autocoder.workers.analysis.dependencies.OsvClient;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.RowFactory;
import dev.autocoder.workers.worker.WorkerDriver;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file the inventory cannot read is listed with its reason under {@code skipped_files} in every analysis row, and
 * a file name with a newline cannot forge a log line. Tests run as root in CI, where permissions do not stop a
 * read, so the unreadable file is one removed between the walk listing it and the read: a real
 * {@code NoSuchFileException} from the file system.
 */
class UnreadableFilesTest {

    private static final List<String> PERSPECTIVES = List.of("code-quality", "architecture", "performance", "security",
            "dependencies", "test-coverage");

    @TempDir
    Path root;
    @TempDir
    Path storePath;

    /** Reads like the real reader, but a file whose name is {@code vanishing} is deleted just before it is read. */
    private static final class VanishingReader implements FileContentReader {
        private final String vanishing;

        VanishingReader(String vanishing) {
            this.vanishing = vanishing;
        }

        @Override
        public byte[] readAllBytes(Path file) throws IOException {
            if (file.getFileName().toString().equals(vanishing)) {
                Files.delete(file);
            }
            return FILES.readAllBytes(file);
        }

        @Override
        public InputStream open(Path file) throws IOException {
            return FILES.open(file);
        }
    }

    private AutocoderProperties properties() {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(root);
        properties.getAnalysis().setPmdThreads(1);
        properties.getAnalysis().setOsvUrl(java.net.URI.create("http://127.0.0.1:9/v1/querybatch"));
        properties.getAnalysis().setOsvTimeout(Duration.ofSeconds(2));
        return properties;
    }

    private Snapshot snapshotWithout(String vanishing) {
        AutocoderProperties properties = properties();
        return new SnapshotService(new TargetRepository(properties), properties, new VanishingReader(vanishing)).current();
    }

    @Test
    void everyAnalysisRowListsTheUnreadableFileWithItsReason() throws Exception {
        TestSnapshots.write(root, "src/main/java/a/Main.java", "package a;\n\npublic class Main {\n    int x;\n}\n");
        TestSnapshots.write(root, "src/main/java/a/Gone.java", "package a;\n\npublic class Gone {\n}\n");
        try (InputStream classFile = UnreadableFilesTest.class.getResourceAsStream("UnreadableFilesTest.class")) {
            TestSnapshots.writeBytes(root, "src/main/java/a/Blob.java", classFile.readAllBytes());
        }

        Snapshot snapshot = snapshotWithout("Gone.java");

        assertThat(snapshot.files()).extracting(SourceFile::path).doesNotContain("src/main/java/a/Gone.java");
        assertThat(snapshot.unreadableFiles()).singleElement().satisfies(skipped -> {
            assertThat(skipped.path()).isEqualTo("src/main/java/a/Gone.java");
            assertThat(skipped.reason()).startsWith("NoSuchFileException: ");
        });
        WorkerDriver analysis = analysisWorker();
        for (String perspective : PERSPECTIVES) {
            assertThat(analysis.next()).isEqualTo(perspective);
            Row row = analysis.tick(snapshot);
            JsonNode skipped = new ObjectMapper().readTree(row.details()).path("skipped_files");
            List<String> entries = new ArrayList<>();
            skipped.forEach(s -> entries.add(s.path("path").asText() + " | " + s.path("reason").asText()));
            assertThat(entries).as(perspective + " row details")
                    .anySatisfy(e -> assertThat(e).startsWith("src/main/java/a/Gone.java | unreadable: NoSuchFileException: "));
            if (perspective.equals("code-quality")) {
                // the perspective's own skipped files stay listed beside the inventory's
                assertThat(entries).contains("src/main/java/a/Blob.java | binary file; not parsed");
            }
        }
    }

    @Test
    void aFileNameWithANewlineLogsOneLine() {
        String evil = "evil\nFAKE LOG LINE.java";
        TestSnapshots.write(root, "src/main/java/" + evil, "class Evil {}\n");
        TestSnapshots.write(root, "src/main/java/also\nFAKE LOG LINE.java", "class Broken { void m( { # }\n");
        Logger logger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Snapshot snapshot = snapshotWithout(evil);

            assertThat(snapshot.unreadableFiles()).extracting(SkippedFile::path).containsExactly("src/main/java/" + evil);
            // the one that does not even lex goes through PMD and CPD, which report it in their own words
            analysisWorker().tick(snapshot);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("evil\\nFAKE LOG LINE.java"))
                .allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\r"));
    }

    private WorkerDriver analysisWorker() {
        AutocoderProperties properties = properties();
        ObjectMapper mapper = new ObjectMapper();
        DatasetStore store = new DatasetStore(storePath, "local", 1 << 26, mapper, Clock.systemUTC());
        PmdEngine pmd = new PmdEngine(PmdRulesets.curated(), 1);
        PmdJavaModelProvider models = new PmdJavaModelProvider(pmd);
        PerspectiveCatalog catalog = new PerspectiveCatalog(List.of(
                new CodeQualityPerspective(pmd, new CpdRunner(100)),
                new ArchitecturePerspective(models, snapshot -> Optional.empty()),
                new PerformancePerspective(pmd),
                new SecurityPerspective(pmd, new SecretScanner()),
                new DependencyPerspective(new OsvClient(properties, AutocoderJson.newObjectMapper())),
                new TestCoveragePerspective(models, snapshot -> Optional.empty(), properties)));
        RowFactory rows = new RowFactory(mapper, new SecretRedactor(), properties, List.of());
        return new WorkerDriver(new WorkerRegistry(store, List.of()), catalog, rows, store,
                WorkerDriver.definition("analysis", "autocoder-analysis-results", PERSPECTIVES));
    }
}
