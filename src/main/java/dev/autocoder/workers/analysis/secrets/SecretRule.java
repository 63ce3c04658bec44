package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.row.Severity;

/** The kinds of secret the scanner knows, with their finding rule id and severity. */
enum SecretRule {

    PRIVATE_KEY("private-key", Severity.CRITICAL, "Private key"),
    AWS_ACCESS_KEY_ID("aws-access-key-id", Severity.CRITICAL, "AWS access key id"),
    AWS_SECRET_ACCESS_KEY("aws-secret-access-key", Severity.CRITICAL, "AWS secret access key"),
    GITHUB_TOKEN("github-token", Severity.CRITICAL, "GitHub token"),
    HUGGINGFACE_TOKEN("huggingface-token", Severity.HIGH, "Hugging Face token"),
    SLACK_TOKEN("slack-token", Severity.HIGH, "Slack token"),
    // A heuristic (name plus entropy), so less certain than the formats above.
    GENERIC_SECRET_ASSIGNMENT("generic-secret-assignment", Severity.MEDIUM, "Hard-coded secret");

    private final String id;
    private final Severity severity;
    private final String kind;

    SecretRule(String id, Severity severity, String kind) {
        this.id = id;
        this.severity = severity;
        this.kind = kind;
    }

    /** The finding rule id, e.g. {@code github-token}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** What a person calls this kind of secret, e.g. "GitHub token". */
    public String kind() {
        return kind;
    }
}
