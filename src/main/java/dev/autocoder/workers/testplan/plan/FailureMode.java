package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One way a method can fail, with the evidence it was derived from.
 *
 * @param mode        declared-exception, thrown-exception, unchecked-conversion, unchecked-cast, null-return,
 *                    resource-leak, swallowed-exception or integration-failure
 * @param probability high, medium or low (see the failure-modes perspective for the rules)
 * @param impact      high, medium or low
 * @param evidence    the source text the mode was derived from, with its line
 */
public record FailureMode(
        @JsonProperty("id") String id,
        @JsonProperty("file") String file,
        @JsonProperty("line") int line,
        @JsonProperty("class_name") String className,
        @JsonProperty("method") String method,
        @JsonProperty("mode") String mode,
        @JsonProperty("exception") String exception,
        @JsonProperty("evidence") String evidence,
        @JsonProperty("probability") String probability,
        @JsonProperty("impact") String impact,
        @JsonProperty("test_name") String testName) {

    public FailureMode withTestName(String name) {
        return new FailureMode(id, file, line, className, method, mode, exception, evidence, probability, impact, name);
    }
}
