package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.row.Finding;

import java.util.List;

/**
 * What one scan of a snapshot found, and what it could not look at.
 *
 * @param findings              every secret found, sorted by file, line and rule
 * @param filesScanned          text files read and scanned
 * @param binaryFilesSkipped    files the snapshot flags as binary
 * @param oversizedFilesSkipped files over the snapshot's size limit
 * @param unreadableFiles       paths that could not be read (an I/O error), skipped
 * @param longLinesSkipped      lines longer than {@link SecretScanner#MAX_LINE_LENGTH}, skipped
 */
public record SecretScanResult(List<SecretFinding> findings, int filesScanned, int binaryFilesSkipped,
                               int oversizedFilesSkipped, List<String> unreadableFiles, int longLinesSkipped) {

    public SecretScanResult {
        findings = List.copyOf(findings);
        unreadableFiles = List.copyOf(unreadableFiles);
    }

    /** The findings as row findings (stable ids that carry nothing of the values). */
    public List<Finding> toFindings() {
        return findings.stream().map(SecretFinding::toFinding).toList();
    }
}
