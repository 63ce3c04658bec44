package dev.autocoder.workers.analysis.coverage;

/** A report file that does not follow its format. */
class MalformedReportException extends Exception {
    public MalformedReportException(String message) {
        super(message);
    }

    public MalformedReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
