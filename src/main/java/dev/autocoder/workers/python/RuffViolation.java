package dev.autocoder.workers.python;

/** A ruff diagnostic at its repository-relative path. */
record RuffViolation(String path, RuffDiagnostic diagnostic) {

    public String code() {
        return diagnostic.code();
    }
}
