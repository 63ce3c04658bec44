package dev.autocoder.workers.analysis.coverage;

import java.util.List;
import java.util.Map;

/**
 * One coverage report file read into the common model.
 *
 * @param path        repository-relative path of the report file
 * @param format      the report's format
 * @param sourceRoots source folders the report names (Cobertura's {@code <source>}); empty for the others
 * @param classes     one entry per class (per source file for LCOV), in report order
 */
record CoverageReport(String path, CoverageFormat format, List<String> sourceRoots,
                             List<ClassCoverage> classes) {

    public CoverageReport {
        sourceRoots = List.copyOf(sourceRoots);
        classes = List.copyOf(classes);
    }

    public CoverageCounts total() {
        return CoverageCounts.sum(classes);
    }

    public Map<String, CoverageCounts> byPackage() {
        return CoverageCounts.byPackage(classes);
    }
}
