package dev.autocoder.workers.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A request's {@code ?target=<target_id>}, read once by {@link TargetParameter}: none, a known target, or why it
 * was refused (400 not a target id, 404 no such target). Pages and APIs read it from the exchange property
 * {@code targetChoice}.
 *
 * @param id      the target id asked for; null when none was (or it was refused)
 * @param fleet   true with a list of targets, where the id filters rows; with the single target it only names it
 * @param status  200, or the status of the refusal
 * @param error   why it was refused (plain text: the answer routes escape it); null when it was not
 */
record TargetChoice(String id, boolean fleet, int status, String error) {

    static TargetChoice none(boolean fleet) {
        return new TargetChoice(null, fleet, 200, null);
    }

    static TargetChoice refused(boolean fleet, int status, String error) {
        return new TargetChoice(null, fleet, status, error);
    }

    public boolean rejected() {
        return error != null;
    }

    /** The target whose rows to show: only with a list of targets (the single target's rows are all of them). */
    public String filter() {
        return fleet ? id : null;
    }

    /** With a list of targets and none picked: the page or answer is about every target of the list. */
    public boolean everyTarget() {
        return fleet && id == null;
    }

    /** "?target=<id>" for links and fragment URLs, or "" without a target. */
    public String query() {
        return id == null ? "" : "?target=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** The refusal as an API answer. */
    public ApiAnswer answer() {
        return ApiAnswer.error(status, error);
    }
}
