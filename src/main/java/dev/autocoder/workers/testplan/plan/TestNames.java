package dev.autocoder.workers.testplan.plan;

import java.util.Set;

/** Names of tests and test classes within one scope (a test class, a test file). */
public final class TestNames {

    private TestNames() {
    }

    /** {@code name} when it is not taken yet, else {@code name_2}, {@code name_3}, …; the result is added to taken. */
    public static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
