package dev.autocoder.workers.testplan;

import java.util.Set;

/** Every plan item id a result holds, uncapped (the row's lists may be capped); counted by the insight ledger. */
record ItemIds(Set<String> failureModes, Set<String> integrationPoints, Set<String> edgeCases, Set<String> tests) {

    static final String COLUMN_KEY = "item_ids";

    public static ItemIds none() {
        return new ItemIds(Set.of(), Set.of(), Set.of(), Set.of());
    }
}
