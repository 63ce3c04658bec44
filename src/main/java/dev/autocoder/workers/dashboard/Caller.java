package dev.autocoder.workers.dashboard;

/**
 * Who sent a state-changing request, as far as it matters: allowed or not (with the HTTP status and the reason
 * to answer), and whether it came from the page's form (answered with a page) or from a script (JSON).
 */
record Caller(boolean allowed, int status, String reason, boolean form) {

    static Caller allowed(boolean form) {
        return new Caller(true, 200, "allowed", form);
    }

    static Caller denied(int status, String reason, boolean form) {
        return new Caller(false, status, reason, form);
    }
}
