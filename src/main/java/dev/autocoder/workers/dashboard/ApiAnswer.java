package dev.autocoder.workers.dashboard;

/** What an API route answers: the HTTP status and the value written as JSON. */
record ApiAnswer(int status, Object payload) {

    static ApiAnswer ok(Object payload) {
        return new ApiAnswer(200, payload);
    }

    static ApiAnswer error(int status, String message) {
        return new ApiAnswer(status, java.util.Map.of("status", status, "error", message));
    }
}
