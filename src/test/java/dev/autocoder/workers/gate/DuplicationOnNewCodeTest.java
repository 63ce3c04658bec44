package dev.autocoder.workers.gate;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's "duplication on new code" over a real git history (a tagged release, then a commit adding a Python
 * module): duplicated new lines / new lines, from the code-quality row's duplicated ranges; unknown when the new lines
 * lie in files CPD did not search for want of heap.
 */
class DuplicationOnNewCodeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private static final List<GateCondition> DUPLICATION = List.of(GateCondition.parse("new_code_duplicated_lines_percent <= 3"));

    @TempDir
    Path dir;

    @Test
    void duplicatedNewLinesFailTheConditionAndNewLinesCpdDidNotSearchMakeItUnknown() throws Exception {
        Path repo = dir.resolve("repo");
        ImplementationFixture.write(repo, "shop/orders.py", "def total(a, b):\n    return a + b\n");
        ImplementationFixture.commit(repo, "Release", "2026-10-01T10:00:00Z");
        try (Git git = Git.open(repo.toFile())) {
            git.tag().setName("v1").setAnnotated(true).setMessage("v1").call();
        }
        ImplementationFixture.write(repo, "shop/invoices.py", "def total(a, b):\n    return a + b\n\n\ndef net(a, b):\n    return a - b\n");
        String head = ImplementationFixture.commit(repo, "Invoices", "2026-11-20T10:00:00Z");

        GateReport duplicated = evaluate(repo, head, "{\"duplicated_ranges\":[\"shop/invoices.py:1-2\",\"shop/orders.py:1-2\"]}");

        assertThat(duplicated.status()).isEqualTo(GateStatus.FAILED);
        assertThat(duplicated.conditions()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(33.33);
            assertThat(c.detail()).isEqualTo("2 of 6 new lines duplicated");
        });

        GateReport notSearched = evaluate(repo, head, "{\"duplicated_ranges\":[],\"cpd_not_searched\":{\"why\":\"2 files "
                + "(671,286 tokens) not searched for duplicates: CPD's search of them needs about 64 MB of heap\","
                + "\"paths\":[\"shop/orders.py\",\"shop/invoices.py\"]}}");

        assertThat(notSearched.status()).isEqualTo(GateStatus.UNKNOWN);
        assertThat(notSearched.conditions()).singleElement().satisfies(c -> {
            assertThat(c.value()).isNull();
            assertThat(c.detail()).isEqualTo("new lines are in files CPD did not search: 2 files (671,286 tokens) not "
                    + "searched for duplicates: CPD's search of them needs about 64 MB of heap");
        });
    }

    private GateReport evaluate(Path repo, String head, String details) throws Exception {
        Row row = new Row(Row.SCHEMA_VERSION, "analysis", 1, "2026-11-20T11:00:00Z", 1, "code-quality",
                "Code Quality Analysis", "/repo", head, 10, Status.OK, null, null, "summary", 0.9, 0, List.<Finding>of(),
                null, null, List.of(), List.of(Metric.of("cpd_lines", 8)), details, Map.of());
        AnalysisHistory history = new AnalysisHistory();
        history.add(row);
        try (GitHistory git = GitHistory.open(repo).orElseThrow()) {
            return new GateEvaluator(DUPLICATION, NewCodeSetting.parse(null), NOW, AutocoderJson.newObjectMapper())
                    .evaluate(history, git);
        }
    }
}
