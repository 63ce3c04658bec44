package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdResult;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java files are read as javac reads them: a UTF-16 file by its byte-order mark, a Latin-1 file by the source
 * encoding its build declares. A file that is not UTF-8 in a build that declares nothing is skipped with a reason
 * that says so, not reported as a parse error.
 */
class SourceEncodingTest {

    /** Non-ASCII letters in an identifier, a string and a comment: a wrong charset breaks the parse or the text. */
    private static final String GREETER = """
            package enc;

            // Grüße aus Köln
            public class %s {
                private final String grüße = "Grüße, Müller";

                public String greet(String name) {
                    String unused = "ß";
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < name.length(); i++) {
                        text.append(name.charAt(i)).append(grüße).append('-').append(i * 2 + 1);
                    }
                    return text.toString() + grüße.length() + name.hashCode() + name.toUpperCase();
                }
            }
            """;
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>enc</groupId>
              <artifactId>%s</artifactId>
              <version>1</version>
              %s
            </project>
            """;

    @TempDir
    Path root;

    private Snapshot snapshot() {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(root);
        return new SnapshotService(new TargetRepository(properties), properties).current();
    }

    private static byte[] utf16WithBom(String text) {
        ByteBuffer body = StandardCharsets.UTF_16LE.encode(text);
        byte[] bytes = new byte[2 + body.remaining()];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        body.get(bytes, 2, body.remaining());
        return bytes;
    }

    @Test
    void utf16WithBomAndDeclaredLatin1FilesParseInCodeQuality() throws Exception {
        TestSnapshots.write(root, "pom.xml", POM.formatted("app",
                "<properties><project.build.sourceEncoding>ISO-8859-1</project.build.sourceEncoding></properties>"));
        TestSnapshots.writeBytes(root, "src/main/java/enc/Wide.java", utf16WithBom(GREETER.formatted("Wide")));
        TestSnapshots.writeBytes(root, "src/main/java/enc/Legacy.java",
                GREETER.formatted("Legacy").getBytes(StandardCharsets.ISO_8859_1));
        Snapshot snapshot = snapshot();
        assertThat(snapshot.files()).filteredOn(f -> f.path().endsWith(".java")).extracting(SourceFile::binary)
                .containsOnly(false);
        assertThat(snapshot.read(snapshot.file("src/main/java/enc/Wide.java").orElseThrow()))
                .isEqualTo(GREETER.formatted("Wide"));
        assertThat(snapshot.read(snapshot.file("src/main/java/enc/Legacy.java").orElseThrow()))
                .isEqualTo(GREETER.formatted("Legacy"));

        PmdEngine engine = new PmdEngine(PmdRulesets.curated(), 1);
        CpdRunner cpd = new CpdRunner(50);
        PerspectiveResult result = new CodeQualityPerspective(engine, cpd).analyze(TestSnapshots.context(snapshot));

        assertThat((List<?>) result.details().get("unparseable_files")).isEmpty();
        assertThat((List<?>) result.details().get("skipped_files")).isEmpty();
        assertThat(metric(result, "unparseable_files")).isZero();
        // PMD saw the same text in both: the same rules fire on the same lines (duplication is listed once)
        assertThat(findings(result, "src/main/java/enc/Wide.java")).isNotEmpty()
                .isEqualTo(findings(result, "src/main/java/enc/Legacy.java"));
        // CPD read both as text too: the two copies are one duplicate
        CpdResult duplication = cpd.duplication(snapshot);
        assertThat(duplication.skippedFiles()).isEmpty();
        assertThat(duplication.blocks()).anySatisfy(block -> assertThat(block.occurrences())
                .extracting(CpdResult.Occurrence::path).contains("src/main/java/enc/Wide.java", "src/main/java/enc/Legacy.java"));
    }

    @Test
    void latin1WithoutADeclaredEncodingIsSkippedWithAReason() throws Exception {
        TestSnapshots.write(root, "pom.xml", POM.formatted("app", ""));
        TestSnapshots.writeBytes(root, "src/main/java/enc/Legacy.java",
                GREETER.formatted("Legacy").getBytes(StandardCharsets.ISO_8859_1));
        TestSnapshots.write(root, "src/main/java/enc/Plain.java", GREETER.formatted("Plain"));
        Snapshot snapshot = snapshot();

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(50))
                .analyze(TestSnapshots.context(snapshot));

        assertThat((List<?>) result.details().get("unparseable_files")).isEmpty();
        assertThat((List<?>) result.details().get("skipped_files")).singleElement().isEqualTo(Map.of(
                "path", "src/main/java/enc/Legacy.java",
                "reason", "not valid UTF-8 and the build declares no source encoding (Maven project.build.sourceEncoding "
                        + "or Gradle options.encoding); not parsed"));
    }

    private static List<String> findings(PerspectiveResult result, String file) {
        return result.findings().stream().filter(f -> file.equals(f.file()) && !f.rule().equals("duplicate-code"))
                .map(f -> f.rule() + "@" + f.line()).sorted().toList();
    }

    private static double metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }
}
