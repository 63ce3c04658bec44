package dev.autocoder.workers.analysis.coverage;

/** A report file that was found but could not be read; the reason says why (parser message or limit). */
record UnreadableReport(String path, String reason) {
}
