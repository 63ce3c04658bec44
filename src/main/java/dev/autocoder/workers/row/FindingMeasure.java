package dev.autocoder.workers.row;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size a finding measures (a complexity, a line count), read from its message: PMD and ruff state it only there.
 * A group shows its largest first, so "CognitiveComplexity × 82" leads with the method of complexity 60, not with
 * the first file's method of complexity 15, the threshold.
 */
final class FindingMeasure {

    /** No measure: the finding states none. */
    static final long NONE = -1;

    /** The first pattern that matches gives the measure: the product of its groups. */
    private static final List<Pattern> MEASURES = List.of(
            // hotspot "src/Cart.java: 12 commits × complexity 80": its score, commits × complexity
            Pattern.compile("(\\d+) commits? × complexity (\\d+)"),
            // PMD CognitiveComplexity and NPathComplexity: "has a cognitive complexity of 23, current threshold is 15"
            Pattern.compile("complexity of (\\d+)"),
            // complex-method "has cyclomatic complexity 23", untested-class "(complexity 253, 4 commits in window)"
            Pattern.compile("complexity (\\d+)"),
            // oversized-class and oversized-method "has 588 lines (limit 500)", untested-module "(213 lines)"
            Pattern.compile("has (\\d+) lines"),
            Pattern.compile("\\((\\d+) lines[,)]"),
            // ruff C901 and PLR09xx: "`parse` is too complex (23 > 10)", "Too many branches (14 > 12)"
            Pattern.compile("\\((\\d+) > \\d+\\)"),
            // PMD ExcessiveParameterList "(12 parameters - threshold is 10)", GodClass "(WMC=107, ATFD=11, ..."
            Pattern.compile("\\((\\d+) parameters"),
            Pattern.compile("WMC=(\\d+)"));

    private FindingMeasure() {
    }

    /** The measure a finding's message states, {@link #NONE} when it states none. */
    static long of(String message) {
        if (message == null) {
            return NONE;
        }
        for (Pattern measure : MEASURES) {
            Matcher matcher = measure.matcher(message);
            if (matcher.find()) {
                try {
                    long product = 1;
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        product = Math.multiplyExact(product, Long.parseLong(matcher.group(group)));
                    }
                    return product;
                } catch (NumberFormatException | ArithmeticException tooLarge) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return NONE;
    }
}
