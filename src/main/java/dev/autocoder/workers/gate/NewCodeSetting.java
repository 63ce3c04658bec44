package dev.autocoder.workers.gate;

import java.util.Locale;

/**
 * Where new code starts ({@code autocoder.gate.new-code}): {@code branch:<name>} (code since the branch's merge base
 * with HEAD), {@code commit:<sha or tag>}, {@code days:<n>}; blank means the previous tag, else the last 30 days.
 */
record NewCodeSetting(Kind kind, String value) {

    /** How the baseline is chosen. */
    public enum Kind { BRANCH, COMMIT, DAYS, PREVIOUS_TAG }

    static final int DEFAULT_DAYS = 30;

    /** Parses the setting; throws {@link IllegalArgumentException} with a message a person can act on. */
    public static NewCodeSetting parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("previous-tag")) {
            return new NewCodeSetting(Kind.PREVIOUS_TAG, null);
        }
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String prefix = colon < 0 ? "" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("new-code setting '" + trimmed
                    + "' is not branch:<name>, commit:<sha> or days:<n>");
        }
        return switch (prefix) {
            case "branch" -> new NewCodeSetting(Kind.BRANCH, value);
            case "commit" -> new NewCodeSetting(Kind.COMMIT, value);
            case "days" -> {
                int days;
                try {
                    days = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("new-code setting '" + trimmed + "': days must be a whole number", e);
                }
                if (days < 1) {
                    throw new IllegalArgumentException("new-code setting '" + trimmed + "': days must be at least 1");
                }
                yield new NewCodeSetting(Kind.DAYS, Integer.toString(days));
            }
            default -> throw new IllegalArgumentException("new-code setting '" + trimmed
                    + "' is not branch:<name>, commit:<sha> or days:<n>");
        };
    }

    int days() {
        return kind == Kind.DAYS ? Integer.parseInt(value) : DEFAULT_DAYS;
    }

    /** The setting as written, e.g. {@code days:30}; {@code previous-tag} for the default. */
    public String label() {
        return kind == Kind.PREVIOUS_TAG ? "previous-tag" : kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
