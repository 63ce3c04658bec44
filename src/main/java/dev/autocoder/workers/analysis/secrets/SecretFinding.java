package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;

/**
 * One secret found in a file. It never holds the secret value: only a fingerprint (the first 8 hex characters
 * of the value's SHA-256), so the same secret can be recognised across files and iterations.
 *
 * @param rule        rule id, e.g. {@code github-token}
 * @param severity    from the rule
 * @param file        repository-relative path
 * @param line        1-based line where the secret (or the PEM header) starts
 * @param fingerprint first 8 hex characters of SHA-256 of the secret value
 * @param message     names the kind and the fingerprint, never the value
 */
public record SecretFinding(String rule, Severity severity, String file, int line, String fingerprint, String message) {

    /** Category of every secret finding. */
    public static final String CATEGORY = "secrets";
    /** The rule of a value that looks random assigned to a secret's name: the one rule that guesses. */
    public static final String GENERIC_ASSIGNMENT = SecretRule.GENERIC_SECRET_ASSIGNMENT.id();

    static SecretFinding of(SecretRule rule, String file, int line, String secretValue, String assignedTo) {
        String fingerprint = SecretValues.fingerprint(secretValue);
        String message = assignedTo == null
                ? rule.kind() + " committed to the repository (fingerprint " + fingerprint + "). "
                        + "Revoke or rotate it, then load it from the environment or a secret store."
                : rule.kind() + " assigned to '" + assignedTo + "' (fingerprint " + fingerprint + "). "
                        + "Rotate it if it was real, then load it from the environment or a secret store.";
        return new SecretFinding(rule.id(), rule.severity(), file, line, fingerprint, message);
    }

    /**
     * The row finding. Its id hashes the fingerprint and the rule, not the source line, so the id itself
     * carries nothing of the value.
     */
    public Finding toFinding() {
        return Finding.of(rule, CATEGORY, severity, file, line, line, message, fingerprint + " " + rule);
    }
}
