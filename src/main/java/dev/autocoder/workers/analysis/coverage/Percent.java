package dev.autocoder.workers.analysis.coverage;

import java.util.Locale;

/** Ratios as people read them. */
final class Percent {

    private Percent() {
    }

    static String of(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    static String of(Double ratio) {
        return ratio == null ? "n/a" : of(ratio.doubleValue());
    }
}
