package dev.autocoder.workers.analysis.coverage;

import java.util.List;

/** The coverage reports found under a root: those read, and those that could not be read. */
record FoundReports(List<CoverageReport> readable, List<UnreadableReport> unreadable) {

    public FoundReports {
        readable = List.copyOf(readable);
        unreadable = List.copyOf(unreadable);
    }
}
