package dev.autocoder.workers.gate;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewCodeBaselineTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private static final List<GateCondition> SEVERE_ONLY = List.of(GateCondition.parse("new_main_critical_high_findings <= 0"));

    @TempDir
    Path dir;

    @Test
    void theFindingAddedAfterThePreviousTagIsNewAndTheOneMovedByALineShiftIsNot() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        AnalysisHistory history = new AnalysisHistory();
        repo.rows(Severity.HIGH).forEach(history::add);

        GateReport report;
        try (GitHistory git = GitHistory.open(repo.root).orElseThrow()) {
            report = new GateEvaluator(SEVERE_ONLY, NewCodeSetting.parse(null), NOW, AutocoderJson.newObjectMapper()).evaluate(history, git);
        }

        assertThat(report.newCode().commit()).isEqualTo(repo.releaseCommit);
        assertThat(report.newCode().description()).startsWith("tag v1");
        assertThat(report.findings()).extracting(f -> f.finding().rule() + " " + f.state() + " by " + f.decidedBy())
                .containsExactly("CommandExecutionWithNonConstantInput NEW by finding id",
                        "EmptyCatchBlock UNCHANGED by finding id");
        assertThat(report.perspectives()).singleElement().satisfies(p -> {
            assertThat(p.overall()).isEqualTo(2);
            assertThat(p.newCount()).isEqualTo(1);
        });
        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.conditions()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(1.0));
    }

    @Test
    void withoutARowAtTheBaselineGitBlameTellsTheShiftedLineFromTheNewOne() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        AnalysisHistory history = new AnalysisHistory();
        history.add(repo.rows(Severity.HIGH).get(1)); // only HEAD was ever analyzed

        GateReport report;
        try (GitHistory git = GitHistory.open(repo.root).orElseThrow()) {
            report = new GateEvaluator(SEVERE_ONLY, NewCodeSetting.parse("commit:v1"), NOW, AutocoderJson.newObjectMapper()).evaluate(history, git);
        }

        assertThat(report.findings()).extracting(f -> f.finding().rule() + " " + f.state() + " by " + f.decidedBy())
                .containsExactly("CommandExecutionWithNonConstantInput NEW by git blame",
                        "EmptyCatchBlock UNCHANGED by git blame");
    }

    @Test
    void daysAndBranchSettingsResolveInTheRealHistory() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        try (GitHistory git = GitHistory.open(repo.root).orElseThrow()) {
            assertThat(git.resolve(NewCodeSetting.parse("days:30"), repo.headCommit, NOW.instant()).commit())
                    .isEqualTo(repo.releaseCommit);
            assertThat(git.resolve(NewCodeSetting.parse("days:1"), repo.headCommit, NOW.instant()).commit())
                    .isEqualTo(repo.headCommit);
            assertThat(git.resolve(NewCodeSetting.parse("days:90"), repo.headCommit, NOW.instant()).beforeHistory()).isTrue();
            assertThat(git.resolve(NewCodeSetting.parse("branch:main"), repo.headCommit, NOW.instant()).commit())
                    .isEqualTo(repo.headCommit);
            assertThat(git.resolve(NewCodeSetting.parse("branch:nope"), repo.headCommit, NOW.instant()).reason())
                    .contains("no branch 'nope'");
        }
    }

    @Test
    void withoutGitTheBaselineOfDaysIsTheCommitAnalyzedThatLongAgo() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        AnalysisHistory history = new AnalysisHistory();
        repo.rows(Severity.LOW).forEach(history::add);

        GateReport report = new GateEvaluator(SEVERE_ONLY, NewCodeSetting.parse("days:30"), NOW, AutocoderJson.newObjectMapper()).evaluate(history, null);

        assertThat(report.newCode().commit()).isEqualTo(repo.releaseCommit);
        assertThat(report.newFindings()).extracting(f -> f.finding().rule()).containsExactly("CommandExecutionWithNonConstantInput");
        assertThat(report.status()).isEqualTo(GateStatus.PASSED);
    }
}
