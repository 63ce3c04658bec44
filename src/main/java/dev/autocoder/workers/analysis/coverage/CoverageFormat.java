package dev.autocoder.workers.analysis.coverage;

/** The coverage report formats this perspective reads. */
enum CoverageFormat {
    JACOCO("jacoco"), COBERTURA("cobertura"), LCOV("lcov"), COVERAGE_PY("coverage.py");

    private final String label;

    CoverageFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Formats that report source files rather than classes: the "class" is the file, its "package" the folder. */
    boolean perFile() {
        return this == LCOV || this == COVERAGE_PY;
    }
}
