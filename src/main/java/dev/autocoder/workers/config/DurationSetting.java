package dev.autocoder.workers.config;

import org.apache.camel.util.TimeUtils;

import java.util.regex.Pattern;

/**
 * A duration setting read by Camel's own parser ({@link TimeUtils}, the one its timer and scheduler use): plain
 * milliseconds or units d, h, m, s, ms combined ({@code 60s}, {@code 2m}, {@code 1m30s}, {@code 500ms}), so a value
 * means here what it means to the timer. ISO-8601 ({@code PT1M}) is refused: the timer reads it as 0.
 */
public final class DurationSetting {

    /** The shapes the parser reads; anything else it silently reads as 0, so it is refused before parsing. */
    private static final Pattern SHAPE = Pattern.compile("\\d+|(\\d+(ms|d|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

    private DurationSetting() {
    }

    /** Milliseconds of {@code text}; throws {@link InvalidConfigurationException} naming {@code key}. */
    public static long toMillis(String key, String text) {
        String value = text == null ? "" : text.strip();
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidConfigurationException(key, "'" + value + "' is not a duration; use e.g. 60s, 2m, 1m30s, 500ms or plain milliseconds");
        }
        try {
            if (roughMillis(value) < Long.MAX_VALUE) {
                return TimeUtils.toMilliSeconds(value);
            }
        } catch (NumberFormatException e) {
            // digits beyond a long: reported below with the key instead of a stack trace
        }
        throw new InvalidConfigurationException(key, "'" + value + "' is too long: at most " + Long.MAX_VALUE + " milliseconds");
    }

    /** The total in floating point: the parser's long arithmetic wraps around silently past Long.MAX_VALUE. */
    private static double roughMillis(String value) {
        return PART.matcher(value).results()
                .mapToDouble(part -> Double.parseDouble(part.group(1)) * TimeUtils.toMilliSeconds("1" + part.group(2)))
                .sum();
    }
}
