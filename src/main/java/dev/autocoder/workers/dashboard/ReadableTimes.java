package dev.autocoder.workers.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times and durations as people read them on the pages. */
final class ReadableTimes {

    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReadableTimes() {
    }

    /** 45 s, 3 min 20 s, 2 h 5 min, 4 d 3 h; sub-second durations as ms. */
    static String human(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = duration.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
        }
        return (s / 86_400) + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + " h");
    }

    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration d = Duration.between(then, now);
        return d.isNegative() || d.toMillis() < 1000 ? "just now" : human(d) + " ago";
    }

    static String absolute(Instant instant) {
        return instant == null ? "" : ABSOLUTE.format(instant);
    }

    static String clock(Instant instant) {
        return CLOCK.format(instant);
    }
}
