package dev.autocoder.workers.implementation.approach;

/** How far a candidate fix reaches, for its size estimate when there is no real diff. */
enum FixReach {
    /** A few lines at the finding. */
    LINES,
    /** The method around the finding. */
    METHOD,
    /** The class around the finding. */
    CLASS,
    /** Several files: callers, build files, configuration. */
    PROJECT
}
