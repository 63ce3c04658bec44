package dev.autocoder.workers.repository;

/** A file the inventory had to leave out, with the reason (for example the I/O error). */
public record SkippedFile(String path, String reason) {
}
