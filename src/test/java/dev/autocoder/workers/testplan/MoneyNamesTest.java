package dev.autocoder.workers.testplan;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A float named for money is a data-integrity finding; a bare {@code total} is not money by its name alone: rich's
 * and tqdm's progress bars count their steps in a float {@code total}.
 */
class MoneyNamesTest {

    private static final String PYTHON = """
            from typing import Optional


            def track(sequence, total: Optional[float] = None):
                return [item for item in sequence][: int(total or 0)]


            def checkout(order_total: float, tip_amount: float) -> float:
                return order_total + tip_amount


            def advance(completed: float, total: float) -> float:
                return completed / total
            """;

    @TempDir
    Path temp;

    @Test
    void aBareTotalIsNoMoneyName() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/progress.py", PYTHON));

        PerspectiveResult integrity = harness.run(harness.perspective("data-integrity"));

        assertThat(integrity.findings()).filteredOn(f -> f.rule().equals("float-for-money")).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).startsWith("progress.checkout(order_total, tip_amount): parameter '"))
                .extracting(m -> m.replaceAll(".*parameter '([a-z_]+)'.*", "$1"))
                .containsExactlyInAnyOrder("order_total", "tip_amount");
    }
}
