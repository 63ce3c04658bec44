package dev.autocoder.workers.implementation.approach;

import dev.autocoder.workers.implementation.row.Approach;
import dev.autocoder.workers.python.RuffFixTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruff's complexity and size rules and its Bandit (S) rules get the approaches of their Java counterparts, not the
 * catch-all "other rules" (on flask the cycles for C901 in Flask.run and S307's eval in the shell command were
 * planned as "Change the code as the rule describes"); a circular import gets Python's own (click's was planned as
 * "Invert the dependency through an interface").
 */
class PythonRuleFamiliesTest {

    @Test
    void complexityAndSecurityRulesOfRuffHaveTheirFamilies() {
        for (String rule : new String[] {"C901", "PLR0911", "PLR0912", "PLR0913", "PLR0915"}) {
            assertThat(RuleFamily.of(rule, "Complexity")).as(rule).isEqualTo(RuleFamily.COMPLEXITY);
        }
        assertThat(RuleFamily.of("highly-coupled-module", "architecture")).isEqualTo(RuleFamily.COMPLEXITY);
        assertThat(RuleFamily.of("S307", "Bandit")).isEqualTo(RuleFamily.SECURITY);
        assertThat(RuleFamily.of("S102", "Bandit")).isEqualTo(RuleFamily.SECURITY);
        // a circular import is broken the Python way, not by an interface between Java packages
        assertThat(RuleFamily.of("import-cycle", "architecture")).isEqualTo(RuleFamily.IMPORT_CYCLE);
        assertThat(RuleFamily.IMPORT_CYCLE.fallback().name()).isEqualTo("Move what both modules need into a module of its own");
        assertThat(RuleFamily.of("package-cycle", "architecture")).isEqualTo(RuleFamily.ARCHITECTURE);
        // a ruff rule with a safe fix keeps its mechanical family, whatever its category
        String safe = RuffFixTable.shipped().safeRules().get(0);
        assertThat(RuleFamily.of(safe, "Bandit")).isEqualTo(RuleFamily.RUFF_FIX);
    }

    @Test
    void aWholeModuleChangeIsSizedAsTheWholeFileNotAsAClass() {
        // flask's untested module app.py: "large: the class, in a file of 2548 lines" named a class Python does not have
        ApproachCatalog.Evaluation evaluation = ApproachCatalog.evaluate(RuleFamily.of("untested-module", "test-coverage"),
                "untested-module", null, new ApproachCatalog.SizeFacts("flask/app.py line 1", null, null, 2548, 0, null,
                        "module flask.app (2548 lines) has no test", "# noqa: untested-module"));

        assertThat(evaluation.approaches()).extracting(Approach::size).contains("large: the whole file, 2548 lines");
    }
}
