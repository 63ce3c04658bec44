package dev.autocoder.workers.analysis.coverage;

import java.util.Locale;

/** The coverage report formats this perspective reads. */
enum CoverageFormat {
    JACOCO, COBERTURA, LCOV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
