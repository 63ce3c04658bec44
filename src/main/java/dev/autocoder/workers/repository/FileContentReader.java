package dev.autocoder.workers.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the inventory reads file contents; a seam so tests can count reads and plant read failures. */
interface FileContentReader {

    /** Reads a whole file (used for files within the size limit). */
    byte[] readAllBytes(Path file) throws IOException;

    /** Opens a file for streaming (used only to hash oversized files). */
    InputStream open(Path file) throws IOException;

    FileContentReader FILES = new FileContentReader() {
        @Override
        public byte[] readAllBytes(Path file) throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public InputStream open(Path file) throws IOException {
            return Files.newInputStream(file);
        }
    };
}
