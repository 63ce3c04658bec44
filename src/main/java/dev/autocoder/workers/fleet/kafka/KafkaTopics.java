package dev.autocoder.workers.fleet.kafka;

import dev.autocoder.workers.config.InvalidConfigurationException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Start-up check of Kafka mode: a broker answers at the bootstrap servers, and the rows, targets and control topics exist
 * (created when missing and allowed). Each failure stops start-up with one message naming the key to fix. It also
 * learns the topics' partition counts, which the routes' partitioning and the ownership need, and where the control
 * topic ended at start-up, which the ownership waits for.
 */
class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private final KafkaFleetSettings settings;
    private volatile int rowsPartitions;
    private volatile int targetsPartitions;
    private volatile long controlEnd;

    public KafkaTopics(KafkaFleetSettings settings) {
        this.settings = settings;
    }

    /** Runs once at start-up, before any route starts. */
    public void check() {
        try (Admin admin = Admin.create(adminProperties(settings, settings.startupTimeoutMs()))) {
            try {
                admin.describeCluster().clusterId().get(settings.startupTimeoutMs(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new InvalidConfigurationException("autocoder.fleet.kafka.bootstrap-servers", "no Kafka broker answered at "
                        + settings.bootstrapServers() + " within " + settings.startupTimeoutMs() + " ms (" + cause(e) + ")");
            }
            rowsPartitions = ensure(admin, "rows-topic", settings.rowsTopic(), settings.rowsPartitions());
            targetsPartitions = ensure(admin, "targets-topic", settings.targetsTopic(), settings.targetsPartitions());
            // one partition: every process reads the stops and starts in the order they were given
            if (ensure(admin, "control-topic", settings.controlTopic(), 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT)) != 1) {
                throw new InvalidConfigurationException(KafkaFleetSettings.PREFIX + "control-topic", "the topic "
                        + settings.controlTopic() + " must have exactly one partition");
            }
            controlEnd = endOffset(admin, settings.controlTopic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka", e);
        }
    }

    private int ensure(Admin admin, String key, String topic, int partitions) throws InterruptedException {
        return ensure(admin, key, topic, partitions, Map.of());
    }

    /**
     * The end offset of a one-partition topic now: every record written before start-up lies below it. A topic just
     * created may not be known to every broker yet: asked again until the start-up timeout.
     */
    private long endOffset(Admin admin, String topic) throws InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.startupTimeoutMs());
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                        .get(settings.startupTimeoutMs(), TimeUnit.MILLISECONDS).offset();
            } catch (ExecutionException | TimeoutException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new InvalidConfigurationException(KafkaFleetSettings.PREFIX + "control-topic", "the end of the topic "
                            + topic + " cannot be read: " + cause(e));
                }
                Thread.sleep(200);
            }
        }
    }

    private int ensure(Admin admin, String key, String topic, int partitions, Map<String, String> configs)
            throws InterruptedException {
        String fullKey = KafkaFleetSettings.PREFIX + key;
        try {
            TopicDescription description = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                    .get(settings.startupTimeoutMs(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new InvalidConfigurationException(fullKey, "the topic " + topic + " cannot be read: " + cause(e));
            }
        } catch (TimeoutException e) {
            throw new InvalidConfigurationException(fullKey, "the broker did not describe the topic " + topic + " in time");
        }
        if (!settings.createTopics()) {
            throw new InvalidConfigurationException(fullKey, "the topic " + topic
                    + " does not exist (autocoder.fleet.kafka.create-topics is false)");
        }
        try {
            admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) -1).configs(configs))).all()
                    .get(settings.startupTimeoutMs(), TimeUnit.MILLISECONDS);
            log.info("Created the Kafka topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new InvalidConfigurationException(fullKey, "the topic " + topic
                        + " does not exist and could not be created: " + cause(e));
            }
        } catch (TimeoutException e) {
            throw new InvalidConfigurationException(fullKey, "the topic " + topic + " could not be created in time");
        }
        return partitions;
    }

    int rowsPartitions() {
        return rowsPartitions;
    }

    /** The control topic's end offset at start-up. */
    long controlEnd() {
        return controlEnd;
    }

    int targetsPartitions() {
        return targetsPartitions;
    }

    static Properties adminProperties(KafkaFleetSettings settings, long timeoutMs) {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "autocoder-admin-" + settings.instanceId(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs)));
        return properties;
    }

    private static String cause(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
