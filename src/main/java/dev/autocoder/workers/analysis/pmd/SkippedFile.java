package dev.autocoder.workers.analysis.pmd;

/** A file an engine did not analyze, and why (binary, over the size limit, unreadable). */
public record SkippedFile(String path, String reason) {
}
