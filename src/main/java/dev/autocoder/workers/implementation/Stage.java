package dev.autocoder.workers.implementation;

import java.util.Arrays;
import java.util.Optional;

/** The six stages of the implementation worker, in the seed's order and with its ids and names. */
public enum Stage {
    DEEP_UNDERSTANDING(1, "deep-understanding", "Deep Understanding"),
    ARCHITECTURAL_ANALYSIS(2, "architectural-analysis", "Architectural Analysis"),
    APPROACH_EVALUATION(3, "approach-evaluation", "Approach Evaluation"),
    RISK_ANALYSIS(4, "risk-analysis", "Risk Analysis"),
    TESTING_STRATEGY(5, "testing-strategy", "Testing Strategy"),
    IMPLEMENTATION_PLAN(6, "implementation-plan", "Implementation Plan");

    private final int number;
    private final String id;
    private final String displayName;

    Stage(int number, String id, String displayName) {
        this.number = number;
        this.id = id;
        this.displayName = displayName;
    }

    public int number() {
        return number;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Stage> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
