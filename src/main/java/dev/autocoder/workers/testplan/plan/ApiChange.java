package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One difference of the public API between the baseline commit and the snapshot.
 *
 * @param kind     type-removed, method-removed, signature-changed, return-type-changed, visibility-narrowed,
 *                 checked-exception-added, method-added
 * @param before   the member before (null when added)
 * @param after    the member after (null when removed)
 * @param breaking callers compiled against the baseline may no longer compile or run
 */
public record ApiChange(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("class_name") String className,
        @JsonProperty("member") String member,
        @JsonProperty("before") String before,
        @JsonProperty("after") String after,
        @JsonProperty("breaking") boolean breaking,
        @JsonProperty("file") String file) {
}
