package dev.autocoder.workers.fleet;

import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kafka mode's bad settings stop start-up with one message that names the key. */
class KafkaConfigurationErrorsTest {

    @TempDir
    Path temp;

    @Test
    void unreachableBootstrapServersNameTheKey() throws Exception {
        Map<String, Object> properties = App.fastWorkerProperties(Files.createDirectories(temp.resolve("target-repo")),
                temp.resolve("store"));
        // a port nobody listens on: the broker never answers
        properties.put("autocoder.fleet.kafka.bootstrap-servers", "127.0.0.1:" + KafkaBroker.freePort());
        properties.put("autocoder.fleet.kafka.startup-timeout", "2s");

        assertThatThrownBy(() -> App.start(properties))
                .satisfies(e -> assertThat(rootOf(e).getMessage())
                        .startsWith("autocoder.fleet.kafka.bootstrap-servers: ")
                        .contains("no Kafka broker answered"));
    }

    @Test
    void aDeliveryTimeoutOutsideItsRangeNamesTheKey() throws Exception {
        Map<String, Object> properties = App.fastWorkerProperties(Files.createDirectories(temp.resolve("target-repo")),
                temp.resolve("store"));
        properties.put("autocoder.fleet.kafka.bootstrap-servers", "127.0.0.1:" + KafkaBroker.freePort());
        // longer than a revoked pair waits for its running iteration
        properties.put("autocoder.fleet.kafka.delivery-timeout", "10m");

        assertThatThrownBy(() -> App.start(properties))
                .satisfies(e -> assertThat(rootOf(e).getMessage())
                        .startsWith("autocoder.fleet.kafka.delivery-timeout: ")
                        .contains("between 10s", "5m", "'10m'"));
    }

    @Test
    void missingTopicThatMayNotBeCreatedNamesTheKey() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        // a name of this test's own: the shared broker holds other tests' topics
        String rowsTopic = "rows-" + UUID.randomUUID();
        Map<String, Object> properties = App.fastWorkerProperties(Files.createDirectories(temp.resolve("target-repo")),
                temp.resolve("store"));
        properties.put("autocoder.fleet.kafka.bootstrap-servers", broker.bootstrapServers());
        properties.put("autocoder.fleet.kafka.rows-topic", rowsTopic);
        properties.put("autocoder.fleet.kafka.create-topics", "false");

        assertThatThrownBy(() -> App.start(properties))
                .satisfies(e -> assertThat(rootOf(e).getMessage())
                        .startsWith("autocoder.fleet.kafka.rows-topic: ")
                        .contains("the topic " + rowsTopic + " does not exist"));
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
