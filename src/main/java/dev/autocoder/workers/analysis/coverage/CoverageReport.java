package dev.autocoder.workers.analysis.coverage;

import java.util.List;
import java.util.Map;

/**
 * One coverage report file read into the common model.
 *
 * @param path        repository-relative path of the report file
 * @param format      the report's format
 * @param sourceRoots source folders the report names (Cobertura's {@code <source>}); empty for the others
 * @param classes     one entry per class (per source file for LCOV and coverage.py), in report order
 * @param lines       the coverable lines per source file, line by line (what the gate's coverage on new code reads)
 */
record CoverageReport(String path, CoverageFormat format, List<String> sourceRoots,
                             List<ClassCoverage> classes, List<FileLines> lines) {

    public CoverageReport {
        sourceRoots = List.copyOf(sourceRoots);
        classes = List.copyOf(classes);
        lines = List.copyOf(lines);
    }

    /** A report read per class only (no line-by-line data). */
    CoverageReport(String path, CoverageFormat format, List<String> sourceRoots, List<ClassCoverage> classes) {
        this(path, format, sourceRoots, classes, List.of());
    }

    public CoverageCounts total() {
        return CoverageCounts.sum(classes);
    }

    public Map<String, CoverageCounts> byPackage() {
        return CoverageCounts.byPackage(classes);
    }
}
