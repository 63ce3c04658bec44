package dev.autocoder.workers.dashboard;

/** What a page route answers: the HTTP status and the rendered HTML. */
public record Page(int status, String html) {
}
