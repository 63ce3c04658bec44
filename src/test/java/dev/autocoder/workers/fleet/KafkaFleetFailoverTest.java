package dev.autocoder.workers.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.target.FleetRepositories;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet on a real Kafka broker: two application instances (child JVMs) share the (worker, target) pairs, one is
 * killed with SIGKILL and the other takes its pair over within the group's session timeout, a third joins and takes
 * a share; through all of it each worker's iteration numbers on the rows topic run 1, 2, 3, ... with no gap and no
 * repeat, and every row reaches the (fake) Hub exactly once.
 */
class KafkaFleetFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORKERS = FleetSettings.WORKERS;
    private static final int TARGET_PARTITIONS = 2;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(4); // heartbeats every second; the broker allows 1 s
    private static final String HUB_USER = "fleet";
    private static final String HUB_TOKEN = "hf_fleet_test_token";

    @TempDir
    Path dir;

    /** This test's own topic and group names on the JVM's shared broker. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String rowsTopic = "rows-" + run;

    @Test
    void pairsSpreadMoveOnKillAndNumberingStaysGapFree() throws Exception {
        Path target = targetWhosePairsFallInDifferentPartitions();
        FixtureRepository.create(target);
        KafkaBroker broker = KafkaBroker.shared();
        try (FakeHub hub = FakeHub.start()) {
            hub.addUser(HUB_USER, HUB_TOKEN, false);
            Map<String, String> settings = settings(broker, target);
            FleetSettings.publishingTo(settings, hub, HUB_USER, HUB_TOKEN, "1s");
            settings.put("autocoder.fleet.kafka.hub-poll", "500ms");
            List<FleetInstance> instances = new ArrayList<>();
            try {
                // a is killed: a JVM of its own; b and c run in this one
                FleetInstance a = FleetInstance.start(instances, dir, "a", settings);
                FleetInstance b = FleetInstance.startHere(instances, dir, "b", settings);

                // spread: one pair each (two partitions, two members, cooperative-sticky)
                await("both instances run one pair each").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                        .until(() -> a.ownedPairs().size() == 1 && b.ownedPairs().size() == 1);
                assertThat(FleetInstance.ownedPairs(a, b)).containsExactlyInAnyOrderElementsOf(pairs(target));
                await("rows of both workers").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> WORKERS.stream().allMatch(w -> iterations(broker).getOrDefault(w, List.of()).size() >= 2));

                // kill -9 a: b runs both pairs within the session timeout (plus the catch-up of its local store)
                String moved = a.ownedPairs().get(0);
                String movedWorker = moved.substring(moved.indexOf('/') + 1);
                a.kill9();
                int rowsBefore = iterations(broker).get(movedWorker).size();
                long killedAt = System.nanoTime();
                await("b takes a's pair over").atMost(SESSION_TIMEOUT.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> b.ownedPairs().size() == 2);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                await("a's worker continues on b").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> iterations(broker).get(movedWorker).size() >= rowsBefore + 2);
                System.out.println("Takeover after kill -9: " + takeover.toMillis() + " ms");

                // a new instance takes a share
                FleetInstance c = FleetInstance.startHere(instances, dir, "c", settings);
                await("c takes one pair").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                        .until(() -> c.ownedPairs().size() == 1 && b.ownedPairs().size() == 1);
                FleetAssertions.everyWorkerGoesOn(() -> iterations(broker), WORKERS);

                // every row of the topic reaches the Hub, published by whichever instance reads its dataset, once
                FleetAssertions.everyRowOnTheHubOnce(() -> iterations(broker), w -> hubRows(hub, w), WORKERS);
            } finally {
                FleetInstance.closeAll(instances, 40);
            }

            FleetAssertions.numberedFromOne(iterations(broker), WORKERS);
        }
    }

    /**
     * Kafka mode over a list of targets: the (worker, target) pairs are those of autocoder.targets, shared by two
     * instances with no pair run twice; every row is keyed {dataset}/{target_id} on the rows topic, numbered per
     * target with no gap, and stored in its target's folder by every instance.
     */
    @Test
    void aListOfTargetsSharesItsPairsAndKeysRowsByTargetId() throws Exception {
        Path alpha = FleetRepositories.create(dir, "alpha");
        Path beta = FleetRepositories.create(dir, "beta");
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        KafkaBroker broker = KafkaBroker.shared();
        Map<String, String> settings = settings(broker, alpha);
        settings.remove("autocoder.target.path");
        settings.put("autocoder.targets[0].path", alpha.toString());
        settings.put("autocoder.targets[1].path", beta.toString());
        settings.put("autocoder.workers.enabled", "analysis");
        settings.put("autocoder.fleet.tick", "200ms");
        List<FleetInstance> instances = new ArrayList<>();
        try {
            // nothing is killed here: the instances run in this JVM
            FleetInstance a = FleetInstance.startHere(instances, dir, "a", settings);
            FleetInstance b = FleetInstance.startHere(instances, dir, "b", settings);
            List<String> pairs = List.of(alphaId + "/analysis", betaId + "/analysis");
            // one check, waited for: while the group still rebalances, the pairs the two report can change between reads
            await("the two pairs are run, each by one instance").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(FleetInstance.ownedPairs(a, b)).containsExactlyInAnyOrderElementsOf(pairs));
            await("rows of both targets").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> rowsByKey(broker).getOrDefault("autocoder-analysis-results/" + alphaId, List.of()).size() >= 3
                            && rowsByKey(broker).getOrDefault("autocoder-analysis-results/" + betaId, List.of()).size() >= 3);
            Map<String, List<JsonNode>> byKey = rowsByKey(broker);
            assertThat(byKey).containsOnlyKeys("autocoder-analysis-results/" + alphaId, "autocoder-analysis-results/" + betaId);
            byKey.forEach((key, rows) -> {
                String targetId = key.substring(key.indexOf('/') + 1);
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(rows.get(i).path("target_id").asText()).isEqualTo(targetId);
                    assertThat(rows.get(i).path("iteration").asLong()).as("iteration %s of %s", i, key).isEqualTo(i + 1);
                }
            });
            // both instances store every row, each in its target's folder
            for (String instance : List.of("a", "b")) {
                Path data = dir.resolve(instance).resolve("store/local/autocoder-analysis-results/data");
                await("the rows in " + instance + "'s store").atMost(Duration.ofMinutes(1))
                        .until(() -> Files.isDirectory(data.resolve(alphaId)) && Files.isDirectory(data.resolve(betaId)));
            }
        } finally {
            FleetInstance.closeAll(instances, 40);
        }
    }

    /** The committed rows of the rows topic by record key, in topic order. */
    private Map<String, List<JsonNode>> rowsByKey(KafkaBroker broker) {
        Map<String, List<JsonNode>> rows = new HashMap<>();
        try {
            for (ConsumerRecord<String, String> record : broker.committedRecords(rowsTopic)) {
                rows.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(JSON.readTree(record.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The iteration numbers of a worker's rows in its dataset's files on the fake Hub. */
    private static List<Long> hubRows(FakeHub hub, String worker) {
        return hub.dataRows(HUB_USER + "/autocoder-" + worker + "-results").stream()
                .map(row -> row.path("iteration").asLong()).toList();
    }

    /** The fleet settings on this test's own topics and groups of the shared broker. */
    private Map<String, String> settings(KafkaBroker broker, Path target) {
        Map<String, String> settings = FleetSettings.twoWorkers(broker, target, SESSION_TIMEOUT, TARGET_PARTITIONS, "500ms");
        settings.put("autocoder.fleet.kafka.rows-topic", rowsTopic);
        settings.put("autocoder.fleet.kafka.targets-topic", "targets-" + run);
        settings.put("autocoder.fleet.kafka.control-topic", "control-" + run);
        settings.put("autocoder.fleet.kafka.group", "fleet-" + run);
        return settings;
    }

    /** A target folder name whose two pairs hash to different partitions of the targets topic. */
    private Path targetWhosePairsFallInDifferentPartitions() throws Exception {
        for (int i = 0; ; i++) {
            Path candidate = dir.resolve("shop-" + i);
            Files.createDirectories(candidate);
            String id = TargetIds.of(candidate.toRealPath().toString(), null);
            if (pairs(id).stream().map(KafkaFleetFailoverTest::partition).distinct().count() == WORKERS.size()) {
                return candidate;
            }
        }
    }

    private static List<String> pairs(Path target) throws Exception {
        return pairs(TargetIds.of(target.toRealPath().toString(), null));
    }

    private static List<String> pairs(String targetId) {
        return WORKERS.stream().map(w -> targetId + "/" + w).toList();
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % TARGET_PARTITIONS;
    }

    /** Every worker's iteration numbers in the order of the rows topic, read from its beginning. */
    private Map<String, List<Long>> iterations(KafkaBroker broker) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<Long>> iterations = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(rowsTopic, Duration.ofSeconds(10));
            if (infos == null) {
                return iterations;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(rowsTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode row = JSON.readTree(record.value());
                    iterations.computeIfAbsent(row.path("worker").asText(), w -> new ArrayList<>()).add(row.path("iteration").asLong());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return iterations;
    }
}
