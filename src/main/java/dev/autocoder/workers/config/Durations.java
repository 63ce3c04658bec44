package dev.autocoder.workers.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration forms that Spring and Camel's timer and scheduler understand the same way: plain milliseconds or
 * units d, h, m, s, ms combined ({@code 60s}, {@code 2m}, {@code 1m30s}). ISO-8601 ({@code PT1M}) is refused
 * on purpose: Camel's timer and scheduler read it as 0.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|d|h|m|s))+");

    private Durations() {
    }

    /** Milliseconds of {@code text}; throws {@link InvalidConfigurationException} naming {@code key}. */
    public static long toMillis(String key, String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("\\d+")) {
                return Long.parseLong(value);
            }
            if (!WHOLE.matcher(value).matches()) {
                throw new InvalidConfigurationException(key, "'" + value + "' is not a duration; use e.g. 60s, 2m, 1m30s, 500ms or plain milliseconds");
            }
            long millis = 0;
            Matcher m = PART.matcher(value);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                millis = Math.addExact(millis, Math.multiplyExact(n, switch (m.group(2)) {
                    case "d" -> 86_400_000L;
                    case "h" -> 3_600_000L;
                    case "m" -> 60_000L;
                    case "s" -> 1_000L;
                    default -> 1L;
                }));
            }
            return millis;
        } catch (NumberFormatException | ArithmeticException e) {
            // digits beyond a long, or a sum beyond it: say so with the key instead of a stack trace
            throw new InvalidConfigurationException(key, "'" + value + "' is too long: at most " + Long.MAX_VALUE + " milliseconds");
        }
    }
}
