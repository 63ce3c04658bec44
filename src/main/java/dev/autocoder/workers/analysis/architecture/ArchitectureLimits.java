package dev.autocoder.workers.analysis.architecture;

/** The documented thresholds and caps of the architecture review, in one place. */
final class ArchitectureLimits {

    /**
     * A class importing more than this many project types is {@code highly-coupled-class}; 20 is the default of
     * PMD's CouplingBetweenObjects rule.
     */
    static final int HIGHLY_COUPLED_EFFERENT = 20;
    /** A file with more lines than this is an {@code oversized-class}. */
    static final int OVERSIZED_LINES = 1000;
    /** A file whose types declare more methods and constructors than this is an {@code oversized-class}. */
    static final int OVERSIZED_METHODS = 50;
    /** How many hotspots become findings and appear in details. */
    static final int HOTSPOTS_REPORTED = 10;
    /** Hotspots of rank up to this are severity high, the rest medium. */
    static final int HIGH_SEVERITY_HOTSPOTS = 3;
    /** A package this far from the main sequence (with dependents) earns a recommendation. */
    static final double FAR_FROM_MAIN_SEQUENCE = 0.7;

    /** Packages listed in details (the most coupled first). */
    static final int PACKAGES_IN_DETAILS = 200;
    /** Cycles listed in details (the largest first). */
    static final int CYCLES_IN_DETAILS = 50;
    /** Edges listed per cycle in details. */
    static final int EDGES_PER_CYCLE_IN_DETAILS = 100;
    /** Members named in a cycle finding's message. */
    static final int MEMBERS_IN_MESSAGE = 10;
    /** Entries of each class ranking in details. */
    static final int CLASSES_IN_DETAILS = 10;
    /** External packages listed in details. */
    static final int EXTERNAL_PACKAGES_IN_DETAILS = 20;
    /** Unparseable file paths listed in details. */
    static final int UNPARSEABLE_FILES_IN_DETAILS = 50;

    private ArchitectureLimits() {
    }
}
