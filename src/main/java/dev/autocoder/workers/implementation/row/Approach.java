package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A candidate fix from the catalogue of the finding's rule family.
 *
 * @param size         how big the change is: the real diff's size when a patch was made, else an estimate from the
 *                     code it touches
 * @param linesChanged added plus removed lines of the real diff; null when there is no diff
 * @param mechanical   the worker can make this change itself (a verified patch)
 */
@JsonPropertyOrder({"name", "description", "size", "lines_changed", "pros", "cons", "mechanical", "chosen"})
public record Approach(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("size") String size,
        @JsonProperty("lines_changed") Integer linesChanged,
        @JsonProperty("pros") List<String> pros,
        @JsonProperty("cons") List<String> cons,
        @JsonProperty("mechanical") boolean mechanical,
        @JsonProperty("chosen") boolean chosen) {

    public Approach {
        pros = pros == null ? List.of() : List.copyOf(pros);
        cons = cons == null ? List.of() : List.copyOf(cons);
    }

    public Approach chosen(boolean value) {
        return new Approach(name, description, size, linesChanged, pros, cons, mechanical, value);
    }
}
