package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition of the quality gate: a measure, a comparison and a threshold, e.g. {@code new_secrets <= 0}.
 * The gate passes when every condition holds.
 */
record GateCondition(String metric, String operator, double threshold) {

    private static final Pattern TEXT = Pattern.compile("\\s*([a-z_]+)\\s*(<=|>=|<|>|==)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

    @JsonCreator
    public GateCondition(@JsonProperty("metric") String metric, @JsonProperty("operator") String operator,
                         @JsonProperty("threshold") double threshold) {
        if (metric == null || !GateMeasures.NAMES.contains(metric)) {
            throw new IllegalArgumentException("unknown gate metric '" + metric + "'; known: " + GateMeasures.NAMES);
        }
        if (operator == null || !operator.matches("<=|>=|<|>|==")) {
            throw new IllegalArgumentException("gate condition on " + metric + ": operator must be <=, <, >=, > or ==");
        }
        this.metric = metric;
        this.operator = operator;
        this.threshold = threshold;
    }

    /** Parses {@code metric operator threshold}, e.g. {@code new_code_duplicated_lines_percent <= 3}. */
    public static GateCondition parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("gate condition '" + text + "' is not '<metric> <operator> <number>'");
        }
        return new GateCondition(m.group(1), m.group(2), Double.parseDouble(m.group(3)));
    }

    boolean holds(double value) {
        return switch (operator) {
            case "<=" -> value <= threshold;
            case "<" -> value < threshold;
            case ">=" -> value >= threshold;
            case ">" -> value > threshold;
            default -> value == threshold;
        };
    }

    /** Whether a value that is only a lower bound (more may be unlisted) already breaks the condition. */
    boolean brokenByLowerBound(double atLeast) {
        return (operator.equals("<=") || operator.equals("<") || operator.equals("==")) && !holds(atLeast)
                && atLeast > threshold;
    }

    @Override
    public String toString() {
        return metric + " " + operator + " " + (threshold == Math.rint(threshold) ? Long.toString((long) threshold)
                : Double.toString(threshold));
    }
}
