package dev.autocoder.workers.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Map;

/**
 * The series of a {@link MultiGauge} set anew at each refresh: each series reads its value from the last refresh, so
 * a refresh only adds the new series and removes the gone ones. Overwriting the rows instead removes and re-adds
 * every series, and a Prometheus scrape during that can see one twice and fail for the whole endpoint
 * (DuplicateLabelsException, micrometer-metrics/micrometer#6851, in the Micrometer of Spring Boot 3.5).
 */
final class RefreshedSeries {

    private final MultiGauge gauge;
    private volatile Map<Tags, Number> values = Map.of();

    RefreshedSeries(MultiGauge gauge) {
        this.gauge = gauge;
    }

    /** The series now and their values; a series not among them is removed. */
    void set(Map<Tags, Number> next) {
        Map<Tags, Number> copy = Map.copyOf(next);
        values = copy;
        List<MultiGauge.Row<?>> rows = copy.keySet().stream()
                .<MultiGauge.Row<?>>map(tags -> MultiGauge.Row.of(tags, () -> values.getOrDefault(tags, Double.NaN)))
                .toList();
        gauge.register(rows, false);
    }
}
