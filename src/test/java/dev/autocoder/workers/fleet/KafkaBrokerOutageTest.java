package dev.autocoder.workers.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.target.FleetRepositories;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away while an instance in Kafka mode writes rows over a list of two targets, for more than twice
 * the rows producer's delivery timeout (set to its least, 10 s), and comes back on the same port with the same data:
 * rows the broker never took expire, their iterations fail and run again under the same numbers. Meanwhile
 * {@code /actuator/health} says DOWN for {@code kafkaFleet} and an ERROR line names the problem (never the token);
 * afterwards health is UP again, each (worker, target) pair's iterations on the rows topic run 1, 2, 3, ... with no
 * gap and no repeat, and every row reaches the (fake) Hub exactly once, in its target's folder, with the dataset card
 * of embedded mode (one config per target).
 */
class KafkaBrokerOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ROWS = "autocoder-rows";
    private static final String DATASET = "autocoder-analysis-results";
    private static final String HUB_USER = "outage";
    private static final String HUB_TOKEN = "hf_outage_secret_token";
    private static final String ADMIN_TOKEN = "outage-admin-token-9b2d";

    @TempDir
    Path dir;

    @Test
    void anOutageTurnsHealthDownLosesNoRowAndRepeatsNone() throws Exception {
        Path alpha = FleetRepositories.create(dir, "alpha");
        Path beta = FleetRepositories.create(dir, "beta");
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        List<String> keys = List.of(DATASET + "/" + alphaId, DATASET + "/" + betaId);
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka")); FakeHub hub = FakeHub.start()) {
            hub.addUser(HUB_USER, HUB_TOKEN, false);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("autocoder.fleet.kafka.bootstrap-servers", broker.bootstrapServers());
            settings.put("autocoder.fleet.kafka.targets-partitions", "2");
            settings.put("autocoder.fleet.kafka.rows-partitions", "3");
            settings.put("autocoder.fleet.kafka.session-timeout", "6s");
            settings.put("autocoder.fleet.kafka.delivery-timeout", "10s");
            settings.put("autocoder.targets[0].path", alpha.toString());
            settings.put("autocoder.targets[1].path", beta.toString());
            settings.put("autocoder.workers.enabled", "analysis");
            settings.put("autocoder.workers.analysis.period", "1s");
            settings.put("autocoder.workers.analysis.delay", "0");
            settings.put("autocoder.workers.analysis.perspectives", "code-quality,architecture");
            settings.put("autocoder.fleet.tick", "500ms");
            settings.put("autocoder.analysis.osv-url", "http://127.0.0.1:9/v1/querybatch");
            settings.put("autocoder.analysis.pmd-threads", "1");
            FleetSettings.publishingTo(settings, hub, HUB_USER, HUB_TOKEN, "2s");
            settings.put("autocoder.dashboard.admin-token", ADMIN_TOKEN);
            FleetInstance instance = FleetInstance.start("solo", dir.resolve("solo"), settings);
            try {
                await("rows of both targets").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> keys.stream().allMatch(k -> iterations(broker).getOrDefault(k, List.of()).size() >= 2));
                assertThat(kafkaFleetStatus(instance)).isEqualTo("UP");

                broker.stop();
                long stoppedAt = System.nanoTime();
                await("kafkaFleet DOWN while the broker is away").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> "DOWN".equals(kafkaFleetStatus(instance)));
                assertThat(health(instance).path("status").asText()).isEqualTo("DOWN");
                // a Stop the control topic cannot take is refused, and nothing stops
                HttpResponse<String> stop = instance.post("/workers/analysis/stop?target=" + alphaId, ADMIN_TOKEN);
                assertThat(stop.statusCode()).isEqualTo(503);
                assertThat(stop.body()).contains("the Kafka control topic did not take the stop", "nothing changed");
                assertThat(instance.json("/api/workers/analysis?target=" + alphaId).path("worker").path("state").asText())
                        .isNotEqualTo("stopped");
                // the outage outlasts the delivery timeout more than twice: a row the broker never took is neither
                // lost nor numbered twice. 22 s counted from the stop, not from here: the checks above took part of it
                Duration outageLeft = Duration.ofSeconds(22).minusNanos(System.nanoTime() - stoppedAt);
                await("an ERROR line about the broker").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .pollDelay(outageLeft.isNegative() ? Duration.ZERO : outageLeft)
                        .until(() -> errorLines(instance).stream().anyMatch(KafkaBrokerOutageTest::namesTheBroker));
                assertThat(kafkaFleetStatus(instance)).isEqualTo("DOWN");
                // an iteration gives its row up while the broker is still away, after about the delivery timeout:
                // it does not wait for the broker to come back, however long it stays away
                await("an iteration giving up on its row during the outage").atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> instance.logText().contains("the row was not stored, the next tick runs it again"));

                Duration outage = Duration.ofNanos(System.nanoTime() - stoppedAt);
                broker.restart();
                System.out.println("Broker outage: " + outage.toSeconds() + " s");
                assertThat(outage).as("the outage outlasts the delivery timeout twice").isGreaterThan(Duration.ofSeconds(20));
                await("kafkaFleet UP again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> "UP".equals(kafkaFleetStatus(instance)));
                Map<String, Integer> before = new HashMap<>();
                iterations(broker).forEach((k, v) -> before.put(k, v.size()));
                try {
                    await("both targets go on").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> keys.stream().allMatch(k -> iterations(broker).getOrDefault(k, List.of()).size()
                                    >= before.getOrDefault(k, 0) + 2));
                } catch (ConditionTimeoutException e) {
                    // all on one line: what a build's summary shows of a failure
                    Map<String, Integer> now = new HashMap<>();
                    iterations(broker).forEach((k, v) -> now.put(k, v.size()));
                    throw new AssertionError("both targets did not go on within 3 minutes: rows per key before " + before
                            + ", now " + now + "; kafkaFleet " + health(instance).path("components").path("kafkaFleet")
                            + "; the instance's last words: " + instance.lastWordsOnOneLine(12), e);
                }

                // health says where each targets partition stands: both run here again
                assertThat(health(instance).path("components").path("kafkaFleet").path("details").path("targetsPartitions")
                        .path("running").toString()).isEqualTo("[0,1]");

                Map<String, List<Long>> written = iterations(broker);
                await("the Hub has every row written so far").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> keys.stream().allMatch(k -> hubRows(hub).getOrDefault(k, List.of()).size()
                                >= written.get(k).size()));
                // the Hub first: it publishes from the topic and may take one more row meanwhile, the topic never has fewer
                Map<String, List<Long>> onHub = hubRows(hub);
                Map<String, List<Long>> onTopic = iterations(broker);
                for (String key : keys) {
                    assertThat(onHub.get(key)).as("rows of %s on the Hub", key).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(onTopic.get(key).subList(0, onHub.get(key).size()));
                }
                // the per-target layout and the card of embedded mode: load_dataset(repo, target_id) reads one target
                Map<String, byte[]> files = hub.files("dataset", HUB_USER + "/" + DATASET);
                assertThat(files.keySet().stream().filter(p -> p.startsWith("data/")))
                        .allMatch(p -> p.matches("data/(" + alphaId + "|" + betaId
                                + ")/\\d{4}/\\d{2}/\\d{2}/rows-p\\d+-\\d{20}-\\d{20}\\.jsonl"));
                String card = new String(files.get("README.md"), StandardCharsets.UTF_8);
                assertThat(card).contains("config_name: " + alphaId, "data/" + alphaId + "/*/*/*/*.jsonl",
                        "config_name: " + betaId, "data/" + betaId + "/*/*/*/*.jsonl");
                // a row that expired: one WARN line from the iteration, no ERROR dump from Camel's error handler
                assertThat(instance.logText()).doesNotContain(HUB_TOKEN)
                        .contains("the row was not stored, the next tick runs it again").doesNotContain("Failed delivery");
            } finally {
                instance.close();
                errorLines(instance).stream().map(l -> l.substring(0, Math.min(400, l.length()))).distinct()
                        .forEach(l -> System.out.println("ERROR line: " + l));
                System.out.println("---- instance log tail:\n" + instance.logTail(60));
            }

            FleetAssertions.numberedFromOne(iterations(broker), keys);
        }
    }

    private static boolean namesTheBroker(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("kafka") || lower.contains("broker") || lower.contains(ROWS);
    }

    private static List<String> errorLines(FleetInstance instance) {
        return Arrays.stream(instance.logText().split("\n")).filter(l -> l.contains(" ERROR ")).toList();
    }

    private static JsonNode health(FleetInstance instance) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port
                    + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String kafkaFleetStatus(FleetInstance instance) {
        return health(instance).path("components").path("kafkaFleet").path("status").asText("");
    }

    /** Each record key's iteration numbers in the order of the rows topic, committed rows only. */
    private static Map<String, List<Long>> iterations(KafkaBroker broker) {
        Map<String, List<Long>> iterations = new HashMap<>();
        try {
            for (ConsumerRecord<String, String> record : broker.committedRecords(ROWS)) {
                iterations.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(JSON.readTree(record.value()).path("iteration").asLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return iterations;
    }

    /** The iteration numbers on the fake Hub, by {dataset}/{target_id} as the rows topic keys them. */
    private static Map<String, List<Long>> hubRows(FakeHub hub) {
        Map<String, List<Long>> rows = new HashMap<>();
        hub.dataRows(HUB_USER + "/" + DATASET).forEach(row -> rows.computeIfAbsent(
                DATASET + "/" + row.path("target_id").asText(), k -> new ArrayList<>()).add(row.path("iteration").asLong()));
        return rows;
    }
}
