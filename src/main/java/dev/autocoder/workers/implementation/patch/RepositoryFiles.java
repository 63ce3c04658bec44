package dev.autocoder.workers.implementation.patch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads a repository file named by a repository-relative path, refusing paths that leave the repository,
 * missing, binary, oversized and non-UTF-8 files with a one-line reason instead of an exception.
 */
final class RepositoryFiles {

    /** Source files larger than this are not edited. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private RepositoryFiles() {
    }

    /** The text of a file, or why it cannot be read. */
    record Read(String text, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    /** The file's absolute path, or null when the path is absolute, malformed or leaves the repository. */
    static Path resolve(Path repositoryRoot, String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            Path relative = Path.of(file);
            if (relative.isAbsolute()) {
                return null;
            }
            Path root = repositoryRoot.toAbsolutePath().normalize();
            Path resolved = root.resolve(relative).normalize();
            return resolved.startsWith(root) && !resolved.equals(root) ? resolved : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static Read read(Path repositoryRoot, String file) {
        Path path = resolve(repositoryRoot, file);
        if (path == null) {
            return new Read(null, "the path " + file + " is not inside the repository");
        }
        if (!Files.isRegularFile(path)) {
            return new Read(null, file + " does not exist in the repository");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                return new Read(null, file + " is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            byte[] bytes = Files.readAllBytes(path);
            for (byte b : bytes) {
                if (b == 0) {
                    return new Read(null, file + " is a binary file");
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Read(text, null);
        } catch (CharacterCodingException e) {
            return new Read(null, file + " is not UTF-8 text");
        } catch (IOException e) {
            return new Read(null, file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
