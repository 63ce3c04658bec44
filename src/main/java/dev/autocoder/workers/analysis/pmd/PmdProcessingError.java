package dev.autocoder.workers.analysis.pmd;

/**
 * A file PMD could not fully process.
 *
 * @param path        repository-relative path
 * @param message     PMD's message (first line, without the file name)
 * @param unparseable true when the file did not parse (no rule ran on it); false when it parsed but a rule failed
 */
public record PmdProcessingError(String path, String message, boolean unparseable) {
}
