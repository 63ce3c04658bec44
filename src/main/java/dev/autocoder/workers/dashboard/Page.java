package dev.autocoder.workers.dashboard;

/** What a page route answers: the HTTP status and the rendered HTML. */
record Page(int status, String html) {
}
