package dev.autocoder.workers.testplan.perspectives;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts by kind as a summary reads them: "thrown-exception × 78, null-return × 29", largest first, zeros left out. */
final class KindCounts {

    private KindCounts() {
    }

    static String of(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue().longValue() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, ? extends Number> e) -> e.getValue().longValue())
                        .reversed().thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " × " + e.getValue().longValue())
                .collect(Collectors.joining(", "));
    }
}
