package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;

import java.util.List;

/**
 * A repository without a single test gets one finding that says so, with where to start, and its untested classes
 * or modules are listed at low at most: each "has no test" repeats the one fact (Guava's source tree led its first
 * screen with 112 high untested classes), and their order is still where to start.
 */
final class NoTests {

    static final String RULE = "no-tests";

    private NoTests() {
    }

    /**
     * @param looked     what was looked for, e.g. "no test class"
     * @param startWith  the first units to test, as "Maps (complexity 607)"
     */
    static Finding finding(String looked, List<String> startWith) {
        return Finding.of(RULE, "test-coverage", Severity.HIGH, null, null, null, "The repository has no tests at all ("
                + looked + ")" + (startWith.isEmpty() ? "." : "; start with " + String.join(", ", startWith) + "."), RULE);
    }

    static Severity ofUntested(Severity own, boolean noTests) {
        return noTests && own.compareTo(Severity.LOW) < 0 ? Severity.LOW : own;
    }
}
