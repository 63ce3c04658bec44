package dev.autocoder.workers.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.target.FleetRepositories;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ownership on a real Kafka broker when a process is not dead but stands still: SIGSTOP (as a long GC pause) for
 * longer than the session timeout. The group gives its pair to the other process, which fences the paused one's
 * rows producer before it runs the pair; when the paused process goes on (SIGCONT) it may be in the middle of an
 * iteration of that pair, but the broker refuses its row. Every (worker, target) numbering on the rows topic stays
 * 1, 2, 3, ... and every row reaches the (fake) Hub exactly once.
 */
class KafkaFleetOwnershipTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORKERS = FleetSettings.WORKERS;
    private static final int TARGET_PARTITIONS = 2;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(4); // heartbeats every second; the broker allows 1 s
    private static final String HUB_USER = "fleet";
    private static final String HUB_TOKEN = "hf_fleet_test_token";
    private static final String ADMIN_TOKEN = "fleet-admin-token-5e1c";

    @TempDir
    Path dir;

    /** This test's own topic and group names on the JVM's shared broker. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String rowsTopic = "rows-" + run;
    private final String targetsTopic = "targets-" + run;
    private final String group = "fleet-" + run;

    @Test
    void aProcessPausedLongerThanItsSessionIsFencedAndNoIterationRepeats() throws Exception {
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
                // a is paused: a JVM of its own; b runs in this one
                FleetInstance a = FleetInstance.start(instances, dir, "a", settings);
                FleetInstance b = FleetInstance.startHere(instances, dir, "b", settings);
                await("both instances run one pair each").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> a.ownedPairs().size() == 1 && b.ownedPairs().size() == 1);
                await("rows of both workers").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> WORKERS.stream().allMatch(w -> iterations(broker).getOrDefault(w, List.of()).size() >= 2));

                // a stands still past its session: b is assigned a's pair, fences a's producer and runs the pair
                String moved = a.ownedPairs().get(0);
                String movedWorker = moved.substring(moved.indexOf('/') + 1);
                a.pause();
                int rowsBefore = iterations(broker).get(movedWorker).size();
                await("b takes the paused a's pair over").atMost(SESSION_TIMEOUT.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> b.ownedPairs().size() == 2);
                await("a's worker continues on b").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> iterations(broker).get(movedWorker).size() >= rowsBefore + 2);

                // a goes on as if nothing happened: it learns it lost the partition, and writes no row of b's pair
                a.resume();
                await("a learns that its partition is lost").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> a.logText().contains("lost: their pairs stopped here"));
                await("a rejoins and takes a pair again").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> a.ownedPairs().size() == 1 && b.ownedPairs().size() == 1);
                FleetAssertions.everyWorkerGoesOn(() -> iterations(broker), WORKERS);
                System.out.println("a was fenced while writing a row: " + a.logText().contains("Fenced on targets partition"));

                FleetAssertions.everyRowOnTheHubOnce(() -> iterations(broker), w -> hubRows(hub, w), WORKERS);
            } finally {
                FleetInstance.closeAll(instances, 40);
            }

            FleetAssertions.numberedFromOne(iterations(broker), WORKERS);
        }
    }

    /**
     * A changed targets file: the new target's pair is announced on the targets topic and run by one of the two
     * instances, a removed target's pair gets a tombstone and runs nowhere; a dashboard instance
     * (autocoder.workers.enabled=none) never joins the owners group. Then Stop and Start on the dashboard of the
     * instance that does not run the pair reach the one that does (the control topic), and the stop follows the
     * pair when its owner leaves.
     */
    @Test
    void aChangedTargetsFileIsAnnouncedAndOwnershipFollows() throws Exception {
        Path alpha = FleetRepositories.create(dir, "alpha");
        Path beta = FleetRepositories.create(dir, "beta");
        String alphaPair = TargetIds.of(alpha.toString(), null) + "/analysis";
        String betaPair = TargetIds.of(beta.toString(), null) + "/analysis";
        Path targetsFile = dir.resolve("targets.yaml");
        Files.writeString(targetsFile, "targets:\n  - path: " + alpha + "\n");
        KafkaBroker broker = KafkaBroker.shared();
        Map<String, String> settings = settings(broker, alpha);
        settings.remove("autocoder.target.path");
        settings.put("autocoder.targets-file", targetsFile.toString());
        settings.put("autocoder.workers.enabled", "analysis");
        settings.put("autocoder.fleet.tick", "200ms");
        settings.put("autocoder.dashboard.admin-token", ADMIN_TOKEN);
        Map<String, String> dashboard = new LinkedHashMap<>(settings);
        dashboard.put("autocoder.workers.enabled", "none");
        List<FleetInstance> instances = new ArrayList<>();
        try {
            // nothing is killed or paused here: the instances run in this JVM
            FleetInstance a = FleetInstance.startHere(instances, dir, "a", settings);
            FleetInstance b = FleetInstance.startHere(instances, dir, "b", settings);
            FleetInstance d = FleetInstance.startHere(instances, dir, "d", dashboard);
            await("alpha's pair runs on one instance").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FleetInstance.ownedPairs(a, b).equals(List.of(alphaPair)));

            Files.writeString(targetsFile, "targets:\n  - path: " + alpha + "\n  - path: " + beta + "\n");
            await("beta's pair is announced").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> announcements(broker).get(betaPair) != null);
            await("both pairs run, each on one instance").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FleetInstance.ownedPairs(a, b).size() == 2 && FleetInstance.ownedPairs(a, b).containsAll(List.of(alphaPair, betaPair)));
            await("beta's rows").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> rowsOfTarget(broker, betaPair.substring(0, betaPair.indexOf('/'))) > 0);

            Files.writeString(targetsFile, "targets:\n  - path: " + beta + "\n");
            await("alpha's pair is tombstoned").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> announcements(broker).containsKey(alphaPair) && announcements(broker).get(alphaPair) == null);
            await("only beta's pair runs").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FleetInstance.ownedPairs(a, b).equals(List.of(betaPair)));

            assertThat(d.ownedPairs()).isEmpty();
            assertThat(ownerClients(broker)).containsExactlyInAnyOrder("autocoder-owner-a", "autocoder-owner-b");

            stopAndStartReachTheOwner(broker, a, b, betaPair);
        } finally {
            FleetInstance.closeAll(instances, 40);
        }
    }

    private void stopAndStartReachTheOwner(KafkaBroker broker, FleetInstance a, FleetInstance b, String pair)
            throws Exception {
        String targetId = pair.substring(0, pair.indexOf('/'));
        FleetInstance owner = a.ownedPairs().contains(pair) ? a : b;
        FleetInstance other = owner == a ? b : a;
        String page = "/api/workers/analysis?target=" + targetId;
        assertThat(other.post("/workers/analysis/stop?target=" + targetId, ADMIN_TOKEN).statusCode()).isEqualTo(200);
        await("the owner stops the pair").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> owner.json(page).path("worker").path("state").asText().equals("stopped"));
        long atStop = rowsOfTarget(broker, targetId) + 1; // an iteration in progress finishes
        Thread.sleep(5_000); // five periods of the worker
        assertThat(rowsOfTarget(broker, targetId)).isLessThanOrEqualTo(atStop);
        // one iteration belongs to the pair's owner
        assertThat(other.post("/workers/analysis/run?target=" + targetId, ADMIN_TOKEN).statusCode()).isEqualTo(409);

        // the owner leaves: the other instance takes the pair over, and it stays stopped there
        owner.close();
        await("the other instance runs the pair").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> other.ownedPairs().contains(pair));
        long atMove = rowsOfTarget(broker, targetId);
        Thread.sleep(5_000);
        assertThat(rowsOfTarget(broker, targetId)).isEqualTo(atMove);

        assertThat(other.post("/workers/analysis/start?target=" + targetId, ADMIN_TOKEN).statusCode()).isEqualTo(200);
        await("the pair runs again").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rowsOfTarget(broker, targetId) >= atMove + 2);
    }

    /** The client ids of the owners group's members. */
    private List<String> ownerClients(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group + "-owners")).all().get(30, TimeUnit.SECONDS)
                    .get(group + "-owners").members().stream().map(MemberDescription::clientId).toList();
        }
    }

    /** The last value of every key of the targets topic (null: a tombstone). */
    private Map<String, String> announcements(KafkaBroker broker) {
        Map<String, String> last = new HashMap<>();
        broker.committedRecords(targetsTopic).forEach(record -> last.put(record.key(), record.value()));
        return last;
    }

    private long rowsOfTarget(KafkaBroker broker, String targetId) {
        List<String> keys = new ArrayList<>();
        broker.committedRecords(rowsTopic).forEach(record -> keys.add(record.key()));
        return keys.stream().filter(k -> k.endsWith("/" + targetId)).count();
    }

    /** The iteration numbers of a worker's rows in its dataset's files on the fake Hub. */
    private static List<Long> hubRows(FakeHub hub, String worker) {
        return hub.dataRows(HUB_USER + "/autocoder-" + worker + "-results").stream()
                .map(row -> row.path("iteration").asLong()).toList();
    }

    /** The fleet settings on this test's own topics and groups of the shared broker. */
    private Map<String, String> settings(KafkaBroker broker, Path target) {
        Map<String, String> settings = FleetSettings.twoWorkers(broker, target, SESSION_TIMEOUT, TARGET_PARTITIONS, "1s");
        settings.put("autocoder.fleet.kafka.rows-topic", rowsTopic);
        settings.put("autocoder.fleet.kafka.targets-topic", targetsTopic);
        settings.put("autocoder.fleet.kafka.control-topic", "control-" + run);
        settings.put("autocoder.fleet.kafka.group", group);
        return settings;
    }

    /** A target folder name whose two pairs hash to different partitions of the targets topic. */
    private Path targetWhosePairsFallInDifferentPartitions() throws Exception {
        for (int i = 0; ; i++) {
            Path candidate = dir.resolve("shop-" + i);
            Files.createDirectories(candidate);
            String id = TargetIds.of(candidate.toRealPath().toString(), null);
            if (WORKERS.stream().map(w -> partition(id + "/" + w)).distinct().count() == WORKERS.size()) {
                return candidate;
            }
        }
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % TARGET_PARTITIONS;
    }

    /** Every worker's iteration numbers in the order of the rows topic, committed rows only. */
    private Map<String, List<Long>> iterations(KafkaBroker broker) {
        Map<String, List<Long>> iterations = new HashMap<>();
        try {
            for (ConsumerRecord<String, String> record : broker.committedRecords(rowsTopic)) {
                JsonNode row = JSON.readTree(record.value());
                iterations.computeIfAbsent(row.path("worker").asText(), w -> new ArrayList<>()).add(row.path("iteration").asLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return iterations;
    }
}
