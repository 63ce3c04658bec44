package dev.autocoder.workers.analysis.pmd;

import java.util.Set;

/**
 * Which perspective owns which PMD rules, by the name of the ruleset that defines a rule (PMD's category names
 * for its own rules). Rules of any other ruleset, a user's own included, count as code quality.
 */
public final class PmdCategories {

    public static final Set<String> PERFORMANCE = Set.of("Performance", "Multithreading");
    public static final Set<String> SECURITY = Set.of("Security", "Autocoder Security");
    /** Everything the code-quality perspective leaves to the others. */
    public static final Set<String> NOT_QUALITY = Set.of("Performance", "Multithreading", "Security", "Autocoder Security");

    private PmdCategories() {
    }
}
