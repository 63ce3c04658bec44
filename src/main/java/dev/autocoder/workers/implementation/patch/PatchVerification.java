package dev.autocoder.workers.implementation.patch;

/**
 * What checking a unified diff against the repository's current files found.
 *
 * @param applies every hunk applied to the file as it is now (context and removed lines matched exactly), and for a
 *                patch proposed by {@link MechanicalFixes} the result is exactly the patched code it proposed
 * @param parses  every patched {@code .java} file parses as Java (see {@link JavaSource}); false when the
 *                diff did not apply
 * @param detail  one line: what was checked, or the first reason it failed
 */
public record PatchVerification(boolean applies, boolean parses, String detail) {

    public static PatchVerification failed(String reason) {
        return new PatchVerification(false, false, reason);
    }

    /** True when the patch applies and the result parses. */
    public boolean ok() {
        return applies && parses;
    }
}
