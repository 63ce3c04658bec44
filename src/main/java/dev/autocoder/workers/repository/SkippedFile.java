package dev.autocoder.workers.repository;

/** A file an inventory or engine left out, with the reason (binary, over the size limit, an I/O error). */
public record SkippedFile(String path, String reason) {
}
