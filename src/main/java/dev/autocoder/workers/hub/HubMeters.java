package dev.autocoder.workers.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/** The Hub publishing meters: commits by outcome, rows waiting in the outbox, last commit time (request latency: HubClient). */
final class HubMeters {

    private final MeterRegistry registry;

    HubMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> void register(String dataset, T sync, ToDoubleFunction<T> pendingRows, ToDoubleFunction<T> lastCommitEpochSeconds) {
        Gauge.builder("autocoder.hub.outbox.pending", sync, pendingRows).description("Rows written locally, not yet on the Hub")
                .baseUnit("rows").tag("dataset", dataset).register(registry);
        Gauge.builder("autocoder.hub.last.commit", sync, lastCommitEpochSeconds)
                .description("Time of the last confirmed commit (epoch seconds; NaN before the first)")
                .baseUnit("seconds").tag("dataset", dataset).register(registry);
    }

    void commit(String dataset, String outcome) {
        Counter.builder("autocoder.hub.commits").description("Hub commits by outcome").tag("dataset", dataset)
                .tag("outcome", outcome).register(registry).increment();
    }
}
