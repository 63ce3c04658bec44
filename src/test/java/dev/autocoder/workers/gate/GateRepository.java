package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.RowFactory;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * A real git repository for gate tests: release {@code v1} with a swallowed exception in Orders.java, then a commit
 * that inserts three lines above it (the old finding moves down) and adds a new risky call; plus analysis rows of
 * both commits as the analysis worker writes them.
 */
final class GateRepository {

    static final String FILE = "src/main/java/com/acme/Orders.java";
    static final String OLD_SNIPPET = "catch (Exception e) { }";
    static final String NEW_SNIPPET = "Runtime.getRuntime().exec(command);";

    final Path root;
    final String releaseCommit;
    final String headCommit;

    private GateRepository(Path root, String releaseCommit, String headCommit) {
        this.root = root;
        this.releaseCommit = releaseCommit;
        this.headCommit = headCommit;
    }

    static GateRepository create(Path root) throws Exception {
        Files.createDirectories(root.resolve(FILE).getParent());
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            Files.writeString(root.resolve(FILE), """
                    package com.acme;
                    class Orders {
                        void total() {
                            try { load(); } catch (Exception e) { }
                        }
                    }
                    """);
            git.add().addFilepattern(".").call();
            String release = commit(git, "Release", Instant.parse("2026-10-01T10:00:00Z"));
            git.tag().setName("v1").setAnnotated(true).setMessage("v1").call();
            Files.writeString(root.resolve(FILE), """
                    package com.acme;
                    import java.io.IOException;

                    class Orders {
                        void run(String command) throws IOException {
                            Runtime.getRuntime().exec(command);
                        }
                        void total() {
                            try { load(); } catch (Exception e) { }
                        }
                    }
                    """);
            git.add().addFilepattern(".").call();
            String head = commit(git, "Run commands", Instant.parse("2026-11-20T10:00:00Z"));
            return new GateRepository(root, release, head);
        }
    }

    private static String commit(Git git, String message, Instant when) throws Exception {
        PersonIdent ident = new PersonIdent("Gate", "gate@example.org", java.util.Date.from(when), TimeZone.getTimeZone(ZoneOffset.UTC));
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call().name();
    }

    static Finding oldFinding(int line) {
        return Finding.of("EmptyCatchBlock", "Error Prone", Severity.HIGH, FILE, line, line,
                "Avoid empty catch blocks", OLD_SNIPPET).withScope(Scope.MAIN);
    }

    static Finding newFinding(Severity severity) {
        return Finding.of("CommandExecutionWithNonConstantInput", "Security", severity, FILE, 6, 6,
                "Command built from input", NEW_SNIPPET).withScope(Scope.MAIN);
    }

    /** The code-quality row at the release (the old finding at line 4) and at HEAD (moved to line 9, plus the new one). */
    List<Row> rows(Severity newSeverity) {
        return List.of(row(1, releaseCommit, "2026-10-01T11:00:00Z", List.of(oldFinding(4))),
                row(2, headCommit, "2026-11-20T11:00:00Z", List.of(newFinding(newSeverity), oldFinding(9))));
    }

    static Row row(long iteration, String commit, String timestamp, List<Finding> findings) {
        return new Row(Row.SCHEMA_VERSION, "analysis", iteration, timestamp, 1, "code-quality", "Code Quality Analysis",
                "/repo", commit, 10, Status.OK, null, null, "summary", 0.5, findings.size(), findings, null, null,
                List.of(), RowFactory.withScopeCounts(List.of(Metric.of("java_files", 1)), findings), "{}", Map.of());
    }

    /** Writes rows into a real local store; returns the store root. */
    static Path store(Path root, List<Row> rows) {
        DatasetStore store = new DatasetStore(root, "local", 1 << 20, new ObjectMapper(), Clock.systemUTC());
        rows.forEach(r -> store.append(GateRows.DATASET, r));
        return root;
    }
}
