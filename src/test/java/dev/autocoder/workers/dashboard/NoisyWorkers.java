package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Test beans for the finding groups (loaded with dashboard-groups-test/noisy-workers.yaml): the "noise"
 * perspective of worker "noisy" reports lines of a few plain patterns in the snapshot's Java files, and the
 * "legacy-code" perspective of worker "legacy", which the test keeps stopped. {@link #repository} writes a
 * project where "noise" finds 13 lower-case logger constants and one shell command in main code, and 54
 * findings of six patterns in three test classes. Not a {@code @Configuration}: a test passes it to
 * {@code App.start}.
 */
public class NoisyWorkers {

    /** Pattern in a line → rule, severity, message. */
    private static final List<Pattern> PATTERNS = List.of(
            new Pattern("static final Logger log ", "FieldNamingConventions", Severity.LOW,
                    "The constant name 'log' doesn't match '[A-Z][A-Z_0-9]*'"),
            new Pattern("Runtime.getRuntime().exec(", "OsCommandInjection", Severity.CRITICAL,
                    "A command built from request input runs in a shell"),
            new Pattern("assertTrue(", "JUnitAssertionsShouldIncludeMessage", Severity.MEDIUM, "Assertion without a message"),
            new Pattern("Thread.sleep(", "ThreadSleepInTest", Severity.MEDIUM, "A test waits a fixed time"),
            new Pattern("System.out.println(", "SystemPrintln", Severity.MEDIUM, "Printing to standard output"),
            new Pattern("catch (Exception ", "AvoidCatchingGenericException", Severity.MEDIUM, "Catching Exception"),
            new Pattern("@Disabled", "DisabledTest", Severity.MEDIUM, "A disabled test"),
            new Pattern("new Random()", "UnseededRandom", Severity.MEDIUM, "A random number without a seed"));

    private record Pattern(String text, String rule, Severity severity, String message) {
    }

    @Bean
    public Perspective noisePerspective() {
        return perspective("noise", "Noise", "noisy");
    }

    @Bean
    public Perspective legacyPerspective() {
        return perspective("legacy-code", "Legacy Code", "legacy");
    }

    private static Perspective perspective(String id, String name, String worker) {
        return new Perspective() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String worker() {
                return worker;
            }

            @Override
            public PerspectiveResult analyze(PerspectiveContext context) {
                List<Finding> findings = find(context.snapshot());
                return PerspectiveResult.ok(findings.size() + " findings", 0.5, findings, List.of(), List.of(), Map.of());
            }
        };
    }

    /** Every line of every Java file that holds a pattern; the iteration gives each finding its file's scope. */
    static List<Finding> find(Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (SourceFile file : snapshot.files(Language.JAVA)) {
            List<String> lines;
            try {
                lines = snapshot.read(file).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : PATTERNS) {
                    if (lines.get(i).contains(pattern.text())) {
                        findings.add(Finding.of(pattern.rule(), "test", pattern.severity(), file.path(), i + 1, i + 1,
                                pattern.message(), lines.get(i) + " #" + (i + 1)));
                    }
                }
            }
        }
        return findings;
    }

    /** The project "noise" reports 68 findings in: 14 in main code (13 + 1 critical), 54 in tests (6 × 9). */
    static Path repository(Path root) throws Exception {
        write(root, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId>"
                + "<artifactId>noise</artifactId><version>1</version></project>\n");
        for (int i = 1; i <= 13; i++) {
            String name = String.format("Service%02d", i);
            write(root, "src/main/java/com/acme/noise/" + name + ".java", """
                    package com.acme.noise;

                    import java.util.logging.Logger;

                    public class %s {

                        private static final Logger log = Logger.getLogger("%s");

                        void work() {
                            log.info("working");
                        }
                    }
                    """.formatted(name, name));
        }
        write(root, "src/main/java/com/acme/Shell.java", """
                package com.acme;

                public class Shell {
                    Process run(String command) throws java.io.IOException {
                        return Runtime.getRuntime().exec(command);
                    }
                }
                """);
        for (int t = 1; t <= 3; t++) {
            StringBuilder body = new StringBuilder();
            for (int n = 0; n < 3; n++) {
                body.append("""
                            @Disabled
                            @Test
                            void case%1$d() throws Exception {
                                assertTrue(1 + 1 == 2);
                                Thread.sleep(10);
                                System.out.println("case %1$d");
                                try {
                                    int value = new Random().nextInt();
                                } catch (Exception e) {
                                    return;
                                }
                            }

                        """.formatted(n));
            }
            write(root, "src/test/java/com/acme/Flow" + t + "Test.java", """
                    package com.acme;

                    import java.util.Random;
                    import org.junit.jupiter.api.Disabled;
                    import org.junit.jupiter.api.Test;

                    import static org.junit.jupiter.api.Assertions.assertTrue;

                    class Flow%dTest {

                    %s}
                    """.formatted(t, body));
        }
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Fixture", "fixture@example.org",
                    Date.from(Instant.parse("2026-11-20T10:00:00Z")), TimeZone.getTimeZone("UTC"));
            git.commit().setMessage("Noisy project").setAuthor(ident).setCommitter(ident).call();
        }
        return root;
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
