package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Distinct plan items (by stable id) identified so far by the worker, across restarts. */
public record CumulativeInsights(
        @JsonProperty("failure_modes_identified") long failureModesIdentified,
        @JsonProperty("integration_points_mapped") long integrationPointsMapped,
        @JsonProperty("edge_cases_discovered") long edgeCasesDiscovered,
        @JsonProperty("tests_specified") long testsSpecified) {
}
