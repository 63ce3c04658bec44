package dev.autocoder.workers.repository;

/**
 * One file of a snapshot's inventory.
 *
 * @param path        path relative to the repository root, '/'-separated
 * @param language    from the file name
 * @param size        bytes
 * @param lines       number of lines (0 for binary or oversized files)
 * @param contentHash git-style blob id (SHA-1 hex) of the content: the key of every content cache
 * @param binary      its first 8 KiB are not text ({@link BinaryContent}); such files are never parsed
 * @param oversized   larger than the configured limit; listed, never parsed
 * @param generated   its head carries a generated-code marker ({@link GeneratedMarkers}); its scope is generated
 */
public record SourceFile(String path, Language language, long size, int lines, String contentHash, boolean binary,
                         boolean oversized, boolean generated) {

    /** A file without a generated-code marker. */
    public SourceFile(String path, Language language, long size, int lines, String contentHash, boolean binary,
                      boolean oversized) {
        this(path, language, size, lines, contentHash, binary, oversized, false);
    }

    /** True when analyzers may read and parse this file as text. */
    public boolean isAnalyzableText() {
        return !binary && !oversized;
    }
}
