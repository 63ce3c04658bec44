package dev.autocoder.workers.metrics;

import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code autocoder_target_findings} with a list of targets: every listed target's series at start-up; a stored row
 * sets its own (worker, target)'s series from that target's results alone, never summing every target's again (with
 * 256 targets that cost about 25 ms a row); a target taken off the list loses its series with the next row.
 */
class TargetFindingsSeriesTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FakeResults results = new FakeResults();

    @Test
    void aRowSetsItsOwnTargetsSeriesAndAnUnlistedTargetLosesItsSeries() {
        results.listed.addAll(List.of("alpha", "beta"));
        results.counts.put("alpha", counts(3));
        results.counts.put("beta", counts(5));
        WorkerMeters meters = meters();
        meters.registerKnownGauges();
        assertThat(series("alpha", "high")).isEqualTo("3.0");
        assertThat(series("beta", "high")).isEqualTo("5.0");
        assertThat(series("beta", "critical")).isEqualTo("0.0");
        results.targetsAsked.clear();

        // beta's row: beta's series change, alpha's are not looked at, and nothing sums every target again
        results.counts.put("alpha", counts(30));
        results.counts.put("beta", counts(7));
        meters.rowStored("autocoder-analysis-results", Rows.onTarget(Rows.row(2, "architecture", List.of()), "beta"));
        assertThat(series("beta", "high")).isEqualTo("7.0");
        assertThat(series("alpha", "high")).isEqualTo("3.0");
        assertThat(results.targetsAsked).containsExactly("beta");

        // a new target's first row adds its series; one taken off the list loses them with the next row
        results.listed.add("gamma");
        results.counts.put("gamma", counts(1));
        meters.rowStored("autocoder-analysis-results", Rows.onTarget(Rows.row(1, "architecture", List.of()), "gamma"));
        assertThat(series("gamma", "high")).isEqualTo("1.0");
        results.listed.remove("alpha");
        meters.rowStored("autocoder-analysis-results", Rows.onTarget(Rows.row(3, "architecture", List.of()), "beta"));
        assertThat(registry.scrape()).doesNotContain("target=\"alpha\"").contains("target=\"beta\"", "target=\"gamma\"");
        assertThat(registry.find("autocoder.target.findings").gauges()).hasSize(2 * Severity.values().length);

        // listed again: its series come back with its next row
        results.listed.add("alpha");
        meters.rowStored("autocoder-analysis-results", Rows.onTarget(Rows.row(4, "architecture", List.of()), "alpha"));
        assertThat(series("alpha", "high")).isEqualTo("30.0");
    }

    @Test
    void theSingleTargetHasNoSeries() {
        WorkerMeters meters = meters();
        meters.registerKnownGauges();
        meters.rowStored("autocoder-analysis-results", Rows.row(1, "architecture", List.of()));
        assertThat(registry.find("autocoder.target.findings").gauges()).isEmpty();
    }

    private WorkerMeters meters() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meterRegistry", registry);
        WorkerRegistry workers = new WorkerRegistry(null, List.of());
        workers.register(new WorkerDefinition("analysis", "analysis-worker", "autocoder-analysis-results",
                List.of("architecture"), 60_000, 0));
        return new WorkerMeters(beans.getBeanProvider(MeterRegistry.class), results, workers);
    }

    /** The value of one series in a Prometheus scrape; null when there is no such series. */
    private String series(String target, String severity) {
        String prefix = "autocoder_target_findings{severity=\"" + severity + "\",target=\"" + target + "\",worker=\"analysis\"} ";
        return registry.scrape().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElse(null);
    }

    /** Findings in main code: {@code high} high ones, nothing else. */
    private static FindingCounts counts(int high) {
        Map<Scope, Map<Severity, Integer>> counts = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, scope == Scope.MAIN && severity == Severity.HIGH ? high : 0);
            }
            counts.put(scope, bySeverity);
        }
        return new FindingCounts(counts, true, high);
    }

    /** The dashboard's aggregates as the meters see them, one worker, counting what it is asked. */
    private static final class FakeResults implements LatestResults {
        final Set<String> listed = new LinkedHashSet<>();
        final Map<String, FindingCounts> counts = new LinkedHashMap<>();
        final List<String> targetsAsked = new ArrayList<>();

        @Override
        public List<String> perspectives(String worker) {
            return List.of("architecture");
        }

        @Override
        public Optional<FindingCounts> findings(String worker, String perspective) {
            return Optional.empty();
        }

        @Override
        public Optional<Double> qualityScore(String worker, String perspective) {
            return Optional.empty();
        }

        @Override
        public Optional<FindingCounts> findingsOfTarget(String worker, String targetId) {
            targetsAsked.add(targetId);
            return listed.contains(targetId) ? Optional.ofNullable(counts.get(targetId)) : Optional.empty();
        }

        @Override
        public Set<String> listedTargets() {
            return Set.copyOf(listed);
        }
    }
}
