package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One risk of making the change.
 *
 * @param id          stable: task and kind
 * @param kind        {@code fan_in}, {@code coverage}, {@code churn}, {@code public_api} or {@code behaviour}
 * @param probability {@code low}, {@code medium}, {@code high} or {@code unknown}
 * @param impact      {@code low}, {@code medium}, {@code high} or {@code unknown}
 * @param evidence    the numbers the rating comes from
 */
@JsonPropertyOrder({"id", "kind", "description", "probability", "impact", "evidence", "mitigation"})
public record Risk(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("description") String description,
        @JsonProperty("probability") String probability,
        @JsonProperty("impact") String impact,
        @JsonProperty("evidence") String evidence,
        @JsonProperty("mitigation") String mitigation) {
}
