package dev.autocoder.workers.gate;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository made of one recent commit (no tag, history younger than 30 days): the default baseline reaches back
 * before the first commit, so there is no new code to judge yet and the gate says unknown with how to set a baseline,
 * instead of counting every finding as new. An explicit baseline is honoured as before.
 */
class NoNewCodeBaselineYetTest {

    private static final Instant COMMITTED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private String oneCommitRepository(Path root, Instant committed) throws Exception {
        Files.createDirectories(root.resolve(GateRepository.FILE).getParent());
        Files.writeString(root.resolve(GateRepository.FILE), """
                package com.acme;
                import java.io.IOException;

                class Orders {
                    void run(String command) throws IOException {
                        Runtime.getRuntime().exec(command);
                    }
                }
                """);
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Gate", "gate@example.org", java.util.Date.from(committed), TimeZone.getTimeZone(ZoneOffset.UTC));
            return git.commit().setMessage("Import").setAuthor(ident).setCommitter(ident).call().name();
        }
    }

    private static List<Row> rows(String commit) {
        List<Finding> findings = List.of(GateRepository.newFinding(Severity.HIGH));
        return List.of(GateRepository.row(1, commit, "2026-11-20T11:00:00Z", findings));
    }

    private static GateReport evaluate(Path root, List<Row> rows, String newCode) {
        AnalysisHistory history = new AnalysisHistory();
        rows.forEach(history::add);
        try (GitHistory git = GitHistory.open(root).orElseThrow()) {
            return new GateEvaluator(GateConditions.DEFAULTS, NewCodeSetting.parse(newCode), NOW, AutocoderJson.newObjectMapper()).evaluate(history, git);
        }
    }

    @Test
    void theDefaultBaselineBeforeTheFirstCommitMakesTheGateUnknownWithHowToSetOne() throws Exception {
        Path root = dir.resolve("repo");
        String head = oneCommitRepository(root, COMMITTED);

        GateReport report = evaluate(root, rows(head), null);

        assertThat(report.status()).isEqualTo(GateStatus.UNKNOWN);
        assertThat(report.newCode().isResolved()).isFalse();
        assertThat(report.reason()).startsWith("no new-code baseline yet (no tag, and the whole history (1 commit,"
                + " the first on 2026-11-20) is younger than 30 days;").contains("autocoder.gate.new-code=commit:");
        assertThat(report.conditions()).hasSize(5).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(GateStatus.UNKNOWN);
            assertThat(c.detail()).isEqualTo(report.reason());
        });
        assertThat(report.newFindings()).isEmpty();
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.isUndecided()).isTrue());
        // the page's line per perspective: "—" new, and the reason only once, beside "New code since"
        assertThat(report.perspectives()).singleElement().satisfies(p -> {
            assertThat(GateText.newCount(p, "—")).isEqualTo("—");
            assertThat(GateText.undecidedNote(p, true)).isEmpty();
            assertThat(GateText.undecidedNote(p, false)).isEqualTo("none could be told new or not");
        });
    }

    @Test
    void anExplicitBaselineIsHonoured() throws Exception {
        Path root = dir.resolve("repo");
        String head = oneCommitRepository(root, COMMITTED);

        GateReport atHead = evaluate(root, rows(head), "commit:" + head);
        assertThat(atHead.newCode().commit()).isEqualTo(head);
        assertThat(atHead.reason()).isNull();
        assertThat(atHead.findings()).singleElement().satisfies(f -> assertThat(f.state()).isEqualTo(BaselineState.UNCHANGED));

        // days:<n> chosen on purpose keeps its meaning: a history younger than n days is all new code
        GateReport days = evaluate(root, rows(head), "days:30");
        assertThat(days.newCode().beforeHistory()).isTrue();
        assertThat(days.conditions().get(0).status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void theGateCommandExitsTwoAndPrintsTheReason() throws Exception {
        Path root = dir.resolve("repo");
        // the command reads the real clock: a commit five days before it
        String head = oneCommitRepository(root, Instant.now().minusSeconds(5 * 86_400L));
        Path store = GateRepository.store(dir.resolve("store"), rows(head));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = GateCommand.run(new String[]{"--dataset", store.toString(), "--target", root.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Quality gate: UNKNOWN", "no new-code baseline yet",
                "autocoder.gate.new-code=");
        // the long reason once, not on every condition line
        assertThat(out.toString(StandardCharsets.UTF_8).split("autocoder\\.gate\\.new-code=", -1)).hasSize(2);
        // without a baseline no finding is new or old: not "0 new"
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(": - / 1 (none could be told new or not)");
    }
}
