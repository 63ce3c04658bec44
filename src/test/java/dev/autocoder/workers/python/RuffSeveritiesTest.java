package dev.autocoder.workers.python;

import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped severities of ruff's bandit rules follow Bandit's own where nothing more is known: a shell fed with
 * input is high, {@code eval}/{@code exec} are medium (Flask's {@code Config.from_pyfile} runs a configuration file
 * by design; a parameter that reaches them is test planning's high {@code untrusted-input-to-code}), so is
 * {@code pickle} (jinja2's bytecode cache reads its own files; a parameter reaching it is test planning's high
 * {@code untrusted-input-to-deserialization}), a process
 * started without a shell is low, so is a string named like a password (jinja2's lexer compares {@code token == "name"}
 * eleven times; real keys are what the secret detection reports).
 */
class RuffSeveritiesTest {

    private final RuffRules rules = RuffRules.shipped();

    @Test
    void dynamicCodeIsAReviewItemAndAShellFedWithInputIsHigh() {
        assertThat(rules.severityOf("S102")).isEqualTo(Severity.MEDIUM);
        assertThat(rules.severityOf("S307")).isEqualTo(Severity.MEDIUM);
        assertThat(rules.severityOf("S301")).isEqualTo(Severity.MEDIUM);
        assertThat(rules.severityOf("S602")).isEqualTo(Severity.HIGH);
        assertThat(rules.severityOf("S608")).isEqualTo(Severity.HIGH);
        assertThat(rules.severityOf("S603")).isEqualTo(Severity.LOW);
    }

    /** httpx's first medium was an annotation-only `items: Sequence[...]` its function never used: dead code. */
    @Test
    void deadAndRedundantCodeIsLow() {
        assertThat(rules.severityOf("F401")).isEqualTo(Severity.LOW);
        assertThat(rules.severityOf("F841")).isEqualTo(Severity.LOW);
        assertThat(rules.severityOf("F842")).isEqualTo(Severity.LOW);
        // networkx's nine `f"..."` messages without a placeholder: the text is what was meant
        assertThat(rules.severityOf("F541")).isEqualTo(Severity.LOW);
        assertThat(rules.severityOf("F811")).isEqualTo(Severity.MEDIUM);
        // a set keeps one of two equal items: marshmallow's truthy values list both 1 and True
        assertThat(rules.severityOf("B033")).isEqualTo(Severity.LOW);
    }

    @Test
    void aPasswordLikeNameIsAHintAndRealKeysAreTheSecretDetectionsToReport() {
        assertThat(rules.severityOf("S105")).isEqualTo(Severity.LOW);
        assertThat(rules.severityOf("S106")).isEqualTo(Severity.LOW);
        assertThat(rules.severityOf("S107")).isEqualTo(Severity.LOW);
    }
}
