package dev.autocoder.workers.fleet.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped deployments (deploy/docker-compose.yaml, deploy/kubernetes/fleet.yaml) read as the application reads
 * them: each container's environment goes through Spring's environment-variable binding into the Kafka settings, as in
 * the container. No container runtime runs here, so this checks what the files say against the code: every replica
 * reaches the broker the files define and has its own instance id (its own rows group), the dashboard runs no worker,
 * and a single broker can hold the transactions the rows are written in.
 */
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theComposeFleetReachesItsBrokerAndEveryReplicaHasItsOwnRowsGroup() throws IOException {
        JsonNode services = YAML.readTree(Files.readString(Path.of("deploy/docker-compose.yaml"))).path("services");
        JsonNode kafka = services.path("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        JsonNode broker = kafka.path("environment");
        assertThat(broker.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller"); // KRaft, one node
        // one broker: the transaction log must fit on it, or no row transaction can commit
        assertThat(broker.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(broker.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
        assertThat(broker.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        String advertised = broker.path("KAFKA_ADVERTISED_LISTENERS").asText().replace("PLAINTEXT://", "");

        JsonNode worker = services.path("worker");
        int replicas = worker.path("deploy").path("replicas").asInt();
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        Set<String> instanceIds = new HashSet<>();
        for (int replica = 1; replica <= replicas; replica++) {
            // Docker sets HOSTNAME to each container's own id
            KafkaFleetSettings settings = settings(worker.path("environment"), Map.of("HOSTNAME", "c0ffee00000" + replica));
            assertThat(settings.bootstrapServers()).isEqualTo(advertised);
            instanceIds.add(settings.instanceId());
        }
        JsonNode dashboard = services.path("dashboard");
        KafkaFleetSettings dashboardSettings = settings(dashboard.path("environment"), Map.of("HOSTNAME", "c0ffee00000d"));
        assertThat(dashboardSettings.bootstrapServers()).isEqualTo(advertised);
        instanceIds.add(dashboardSettings.instanceId());
        assertThat(instanceIds).as("one rows group per process").hasSize(replicas + 1);
        assertThat(environment(dashboard.path("environment"), Map.of()).getProperty("autocoder.workers.enabled")).isEqualTo("none");
        assertThat(dashboard.path("ports").get(0).asText()).endsWith(":8080");
        for (JsonNode service : List.of(worker, dashboard)) {
            assertThat(service.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        }
    }

    @Test
    void theKubernetesFleetReachesItsBrokerAndEveryPodHasItsOwnRowsGroup() throws IOException {
        Map<String, JsonNode> deployments = new LinkedHashMap<>();
        List<JsonNode> services = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Path.of("deploy/kubernetes/fleet.yaml").toFile())) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document.path("kind").asText().equals("Deployment")) {
                    deployments.put(document.path("metadata").path("name").asText(), document);
                } else {
                    services.add(document);
                }
            }
        }
        JsonNode workers = deployments.get("autocoder-workers");
        JsonNode dashboard = deployments.get("autocoder-dashboard");
        assertThat(workers.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode workerContainer = workers.path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode dashboardContainer = dashboard.path("spec").path("template").path("spec").path("containers").get(0);
        // the pod name (metadata.name) is each replica's instance id; a pod's HOSTNAME is its name too
        JsonNode instanceId = env(workerContainer, "AUTOCODER_FLEET_KAFKA_INSTANCE_ID");
        assertThat(instanceId.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
        Set<String> instanceIds = new HashSet<>();
        for (String pod : List.of("autocoder-workers-5d8f-abcde", "autocoder-workers-5d8f-fghij")) {
            KafkaFleetSettings settings = settings(plainEnv(workerContainer, Map.of("AUTOCODER_FLEET_KAFKA_INSTANCE_ID", pod)), Map.of());
            assertThat(settings.bootstrapServers()).isEqualTo("kafka:9092");
            instanceIds.add(settings.instanceId());
        }
        KafkaFleetSettings dashboardSettings = settings(plainEnv(dashboardContainer, Map.of()), Map.of());
        assertThat(dashboardSettings.bootstrapServers()).isEqualTo("kafka:9092");
        instanceIds.add(dashboardSettings.instanceId());
        assertThat(instanceIds).hasSize(3);
        assertThat(env(dashboardContainer, "AUTOCODER_WORKERS_ENABLED").path("value").asText()).isEqualTo("none");
        // the Hub token from a secret, never a literal
        assertThat(env(workerContainer, "HF_TOKEN").path("valueFrom").path("secretKeyRef").path("key").asText()).isNotEmpty();
        assertThat(workerContainer.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/actuator/health");
        assertThat(services).anySatisfy(service -> {
            assertThat(service.path("spec").path("selector").path("app").asText()).isEqualTo("autocoder-dashboard");
            assertThat(service.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(8080);
        });
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no " + name + " in the container's env");
    }

    /** A container's env as name → value, with the values Kubernetes fills in from elsewhere given. */
    private static JsonNode plainEnv(JsonNode container, Map<String, String> filledIn) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                values.put(name, variable.path("value").asText());
            } else if (filledIn.containsKey(name)) {
                values.put(name, filledIn.get(name));
            }
        }
        return YAML.valueToTree(values);
    }

    private static KafkaFleetSettings settings(JsonNode environment, Map<String, String> containerVariables) {
        return new KafkaFleetSettings(environment(environment, containerVariables));
    }

    /**
     * Only the file's variables (and the container's own), bound as Spring binds a process's environment, over the
     * application's own settings (autocoder-app.properties).
     */
    private static StandardEnvironment environment(JsonNode variables, Map<String, String> containerVariables) {
        Map<String, Object> values = new LinkedHashMap<>(containerVariables);
        variables.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("container", values));
        try {
            sources.addLast(new ResourcePropertySource("classpath:autocoder-app.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }
}
