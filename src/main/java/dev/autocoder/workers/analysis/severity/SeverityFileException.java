package dev.autocoder.workers.analysis.severity;

/** A severity table that cannot be used; the message names the file and, where there is one, the line. */
public class SeverityFileException extends RuntimeException {

    public SeverityFileException(String message) {
        super(message);
    }

    public SeverityFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
