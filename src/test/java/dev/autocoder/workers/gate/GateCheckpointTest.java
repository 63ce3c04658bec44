package dev.autocoder.workers.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.dataset.Checkpoints;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's history kept on disk and taken back: the same gate, and the rows read again change nothing. */
class GateCheckpointTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private static final String DATASET = "autocoder-analysis-results";
    private static final List<GateCondition> CONDITIONS = List.of(GateCondition.parse("new_main_critical_high_findings <= 0"),
            GateCondition.parse("new_main_findings <= 2"));

    private final ObjectMapper mapper = AutocoderJson.newObjectMapper();

    @TempDir
    Path store;

    @Test
    void aRestoredHistoryTellsTheSameGateAndTheRowsReadAgainChangeNothing() throws Exception {
        List<Row> rows = rows();
        AnalysisHistory original = new AnalysisHistory();
        rows.forEach(original::add);
        // this process computed every finding of the newest security result; its row lists only two of the five
        original.addComplete("security", "c3", findings("security", 5));
        original.add(row(rows.size() + 1, "security", 2, "c3", "2026-11-24T12:00:00Z", findings("security", 5).subList(0, 2), 5));

        Checkpoints<GateCheckpoint> checkpoints = checkpoints();
        checkpoints.write(DATASET, original.checkpoint(NOW.instant()));
        assertThat(store.resolve(".state/gate-" + DATASET + ".json")).isRegularFile();
        GateCheckpoint read = checkpoints.read(DATASET).filter(GateCheckpoint::isUsable).orElseThrow();
        AnalysisHistory restored = new AnalysisHistory();
        restored.restore(read);
        assertThat(restored.newestIteration()).isEqualTo(original.newestIteration()).isEqualTo(rows.size() + 1);
        assertThat(report(restored)).isEqualTo(report(original)).contains("\"status\":\"failed\"");
        assertThat(restored.completeFindingsOf("security")).contains(findings("security", 5));
        assertThat(json(restored.checkpoint(NOW.instant()))).isEqualTo(json(original.checkpoint(NOW.instant())));

        // a restart: the gate starts from the checkpoint and is handed the rows of the files changed since an hour
        // before it (here every row): the ones it took in already are not taken again, the newer one is
        Row newer = row(rows.size() + 2, "architecture", 3, "c4", "2026-11-24T18:00:00Z", List.of(), 0);
        List<Instant> asked = new ArrayList<>();
        TargetGate gate = new TargetGate(null, evaluator(), new SecretRedactor(), NOW, new TargetGate.Source() {
            @Override
            public Optional<GateCheckpoint> checkpoint() {
                return Optional.of(read);
            }

            @Override
            public void rows(Instant since, Consumer<Row> action) {
                asked.add(since);
                rows.forEach(action);
                action.accept(newer);
            }
        }, details -> details.toString());
        original.add(newer);
        assertThat(json(gate.current())).isEqualTo(report(original));
        assertThat(asked).containsExactly(Instant.parse("2026-11-24T23:00:00Z"));
        // security's result at c3 is still the five findings computed, not the two of an older row of c3 read again
        assertThat(json(gate.changedSinceCheckpoint().orElseThrow())).isEqualTo(json(original.checkpoint(NOW.instant())));
    }

    @Test
    void theCommitsByTimeKeepOnlyWhereTheCommitChangedAndAnswerTheSame() {
        AnalysisHistory original = new AnalysisHistory();
        List<String> commits = List.of("a", "a", "a", "b", "b", "a", "c");
        for (int i = 0; i < commits.size(); i++) {
            original.add(row(i + 1, "code-quality", 1, commits.get(i), "2026-11-0" + (i + 1) + "T00:00:00Z", List.of(), 0));
        }
        GateCheckpoint checkpoint = original.checkpoint(NOW.instant());
        assertThat(checkpoint.commits()).extracting(GateCheckpoint.CommitAnalyzed::commit).containsExactly("a", "b", "a", "c");

        AnalysisHistory restored = new AnalysisHistory();
        restored.restore(checkpoint);
        for (String at : List.of("2026-10-31T00:00:00Z", "2026-11-01T00:00:00Z", "2026-11-02T12:00:00Z",
                "2026-11-04T00:00:00Z", "2026-11-05T23:00:00Z", "2026-11-06T00:00:00Z", "2026-12-01T00:00:00Z")) {
            Instant limit = Instant.parse(at);
            assertThat(restored.commitAnalyzedBy(limit)).as(at).isEqualTo(original.commitAnalyzedBy(limit));
            assertThat(restored.hasRowsBefore(limit)).as(at).isEqualTo(original.hasRowsBefore(limit));
        }
    }

    @Test
    void aCheckpointCutShortOrUnreadableIsNotUsed() throws Exception {
        Checkpoints<GateCheckpoint> checkpoints = checkpoints();
        Path file = store.resolve(".state/gate-" + DATASET + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\":" + GateCheckpoint.FORMAT + ",\"newestIteration\":3}");
        assertThat(checkpoints.read(DATASET).filter(GateCheckpoint::isUsable)).isEmpty();
        Files.writeString(file, "{\"format\":" + GateCheckpoint.FORMAT + ",\"latest\":[");
        assertThat(checkpoints.read(DATASET).filter(GateCheckpoint::isUsable)).isEmpty();

        AnalysisHistory history = new AnalysisHistory();
        rows().forEach(history::add);
        GateCheckpoint other = history.checkpoint(NOW.instant());
        checkpoints.write(DATASET, new GateCheckpoint(GateCheckpoint.FORMAT + 1, other.writtenAt(), other.newestIteration(),
                other.latest(), other.latestComplete(), other.results(), other.commits()));
        assertThat(checkpoints.read(DATASET).filter(GateCheckpoint::isUsable)).isEmpty();
        // a dataset name that cannot be a file name keeps no checkpoint
        checkpoints.write("../escape", other);
        assertThat(checkpoints.read("../escape")).isEmpty();
        assertThat(store.resolve("escape.json")).doesNotExist();
    }

    /** Three perspectives over three commits, each row at its day; code quality's rows are capped at two findings. */
    private static List<Row> rows() {
        List<String> commits = List.of("c1", "c1", "c2", "c2", "c3", "c3");
        List<Row> rows = new ArrayList<>();
        int iteration = 1;
        for (int day = 0; day < commits.size(); day++) {
            String at = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(day * 9L * 86_400).toString();
            rows.add(row(iteration++, "code-quality", 1, commits.get(day), at, findings("code-quality", day + 1).subList(0, Math.min(2, day + 1)), day + 1));
            rows.add(row(iteration++, "security", 2, commits.get(day), at, findings("security", day % 3), day % 3));
            rows.add(row(iteration++, "architecture", 3, commits.get(day), at, findings("architecture", 1), 1));
        }
        return rows;
    }

    private static List<Finding> findings(String perspective, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Finding(perspective + "-" + i, "Rule" + i, perspective,
                i == 0 ? Severity.HIGH : Severity.MEDIUM, "src/main/java/com/acme/F" + i + ".java", 10 + i, 10 + i, "finding " + i))
                .toList();
    }

    private static Row row(long iteration, String perspective, int number, String commit, String timestamp,
                           List<Finding> findings, int issuesFound) {
        return new Row(Row.SCHEMA_VERSION, "analysis", iteration, timestamp, number, perspective, perspective, "/repo",
                commit, 10, Status.OK, null, null, "summary", 0.5, issuesFound, findings, null, null, List.of(),
                RowFactory.withScopeCounts(List.of(Metric.of("java_files", 1)), findings), "{}", Map.of());
    }

    private String report(AnalysisHistory history) throws Exception {
        return json(evaluator().evaluate(history, null));
    }

    private Checkpoints<GateCheckpoint> checkpoints() {
        return new Checkpoints<>(store, "gate-", mapper, new TypeReference<>() {
        });
    }

    private GateEvaluator evaluator() {
        return new GateEvaluator(CONDITIONS, NewCodeSetting.parse("days:30"), NOW, mapper);
    }

    private String json(Object value) throws Exception {
        return mapper.writeValueAsString(value);
    }
}
