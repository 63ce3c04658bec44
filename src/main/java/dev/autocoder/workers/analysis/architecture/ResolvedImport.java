package dev.autocoder.workers.analysis.architecture;

/**
 * Where one import statement points.
 *
 * @param kind        what the import names
 * @param packageName the project package (project kinds) or the conventional package name (external, unresolved)
 * @param typeName    the project type named by a single-type or static import; null otherwise
 */
record ResolvedImport(Kind kind, String packageName, String typeName) {

    enum Kind {
        /** A single-type or static import of a type declared in the project. */
        PROJECT_TYPE,
        /** A wildcard import of a project package. */
        PROJECT_PACKAGE,
        /** Something outside the project: the JDK or a library. */
        EXTERNAL,
        /** Looks like a project package but names no declared type (e.g. its file did not parse). */
        UNRESOLVED
    }

    boolean isProject() {
        return kind == Kind.PROJECT_TYPE || kind == Kind.PROJECT_PACKAGE;
    }
}
