package dev.autocoder.workers.implementation.task;

/**
 * Whether a finding is still there at HEAD.
 *
 * @param present  false only when the check shows the finding is gone
 * @param verified true when a check at HEAD confirmed it (PMD re-run, an analysis row made at HEAD, or a file
 *                 unchanged since the analysis); false when it could not be confirmed either way
 * @param line     where it is now (PMD findings move with the code); the analysis row's line otherwise
 * @param how      one line: what was checked and what it found
 */
public record Presence(boolean present, boolean verified, Integer line, Integer endLine, String how) {

    static Presence confirmed(Integer line, Integer endLine, String how) {
        return new Presence(true, true, line, endLine, how);
    }

    static Presence unconfirmed(Integer line, Integer endLine, String how) {
        return new Presence(true, false, line, endLine, how);
    }

    static Presence gone(String how) {
        return new Presence(false, true, null, null, how);
    }
}
