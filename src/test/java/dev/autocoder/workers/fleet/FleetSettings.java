package dev.autocoder.workers.fleet;

import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.KafkaBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings the Kafka fleet tests start their instances with: the analysis and test-planning workers on one
 * target, both on a short period and two perspectives each, no OSV lookup, one PMD thread (the child JVMs share two
 * cores), the given session timeout and number of targets-topic partitions.
 */
final class FleetSettings {

    static final List<String> WORKERS = List.of("analysis", "test-planning");

    private FleetSettings() {
    }

    /** The instances publish to the fake Hub as {@code user}, at most one commit per dataset and {@code interval}. */
    static void publishingTo(Map<String, String> settings, FakeHub hub, String user, String token, String interval) {
        settings.put("autocoder.hub.endpoint", hub.uri().toString());
        settings.put("autocoder.hub.token", token);
        settings.put("autocoder.hub.owner", user);
        settings.put("autocoder.hub.commit-interval", interval);
    }

    static Map<String, String> twoWorkers(KafkaBroker broker, Path target, Duration sessionTimeout, int targetPartitions,
                                          String period) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("autocoder.fleet.kafka.bootstrap-servers", broker.bootstrapServers());
        settings.put("autocoder.fleet.kafka.targets-partitions", String.valueOf(targetPartitions));
        settings.put("autocoder.fleet.kafka.rows-partitions", "3");
        settings.put("autocoder.fleet.kafka.session-timeout", sessionTimeout.toMillis() + "ms");
        settings.put("autocoder.target.path", target.toString());
        settings.put("autocoder.workers.enabled", String.join(",", WORKERS));
        settings.put("autocoder.workers.analysis.period", period);
        settings.put("autocoder.workers.analysis.delay", "0");
        settings.put("autocoder.workers.analysis.perspectives", "code-quality,architecture");
        settings.put("autocoder.workers.test-planning.period", period);
        settings.put("autocoder.workers.test-planning.delay", "0");
        settings.put("autocoder.workers.test-planning.analysis-wait", "0");
        settings.put("autocoder.workers.test-planning.perspectives", "what-are-we-testing,failure-modes");
        settings.put("autocoder.analysis.osv-url", "http://127.0.0.1:9/v1/querybatch");
        settings.put("autocoder.analysis.pmd-threads", "1");
        return settings;
    }
}
