package dev.autocoder.workers.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series refreshed at every stored row while Prometheus scrapes: no scrape fails (a refresh that removed and re-added
 * every series let a scrape see one twice: DuplicateLabelsException, the whole endpoint a 500), each series reads
 * the last refresh's value, and a series left out is gone.
 */
class RefreshedSeriesTest {

    @Test
    void scrapesDuringRefreshesSeeEachSeriesOnceWithTheLastValue() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RefreshedSeries series = new RefreshedSeries(MultiGauge.builder("autocoder.target.findings").register(registry));
        AtomicBoolean refreshing = new AtomicBoolean(true);
        CompletableFuture<Void> refreshes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 3_000; i++) {
                series.set(findings(i));
            }
            refreshing.set(false);
        });
        int scrapes = 0;
        while (refreshing.get() || scrapes == 0) {
            registry.scrape(); // throws DuplicateLabelsException when a series shows twice
            scrapes++;
        }
        refreshes.get(1, TimeUnit.MINUTES);

        series.set(Map.of(tags("alpha", "high"), 7));
        String scrape = registry.scrape();
        assertThat(scrape).contains("autocoder_target_findings{severity=\"high\",target=\"alpha\",worker=\"analysis\"} 7.0")
                .doesNotContain("target=\"beta\"").doesNotContain("severity=\"low\"");
        System.out.println(scrapes + " scrapes during 3,000 refreshes");
    }

    private static Map<Tags, Number> findings(int refresh) {
        Map<Tags, Number> findings = new LinkedHashMap<>();
        for (String target : new String[]{"alpha", "beta"}) {
            for (String severity : new String[]{"critical", "high", "medium", "low", "info"}) {
                findings.put(tags(target, severity), refresh);
            }
        }
        return findings;
    }

    private static Tags tags(String target, String severity) {
        return Tags.of("worker", "analysis", "target", target, "severity", severity);
    }
}
