package dev.autocoder.workers.fleet.kafka;

import dev.autocoder.workers.config.DurationSetting;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.fleet.FleetMode;
import org.springframework.core.env.Environment;


/** The autocoder.fleet.kafka.* settings; the YAML routes read the same keys with the same defaults. */
class KafkaFleetSettings {

    static final String PREFIX = "autocoder.fleet.kafka.";
    /** The rows producer's request timeout (RowTransactions): Kafka wants the delivery timeout at least as long. */
    private static final long REQUEST_TIMEOUT_MS = 10_000;
    /** How long a revoked pair waits for its running iteration (KafkaOwnership): a row's send must end within it. */
    private static final long MAX_DELIVERY_TIMEOUT_MS = 300_000;

    private final String bootstrapServers;
    private final String rowsTopic;
    private final String targetsTopic;
    private final int rowsPartitions;
    private final int targetsPartitions;
    private final String group;
    private final String instanceId;
    private final long sessionTimeoutMs;
    private final long startupTimeoutMs;
    private final boolean createTopics;
    private final long deliveryTimeoutMs;
    private final String controlTopic;

    public KafkaFleetSettings(Environment environment) {
        this.bootstrapServers = environment.getProperty(FleetMode.BOOTSTRAP_SERVERS, "").strip();
        this.rowsTopic = environment.getProperty(PREFIX + "rows-topic", "autocoder-rows");
        this.targetsTopic = environment.getProperty(PREFIX + "targets-topic", "autocoder-targets");
        this.controlTopic = environment.getProperty(PREFIX + "control-topic", "autocoder-control");
        this.rowsPartitions = positive(environment, "rows-partitions", 12);
        this.targetsPartitions = positive(environment, "targets-partitions", 12);
        this.group = environment.getProperty(PREFIX + "group", "autocoder");
        // the default the routes' placeholders use too (their rows and control groups are named after it); the
        // application's own settings (autocoder-app.properties) make it the container's HOSTNAME
        this.instanceId = environment.getProperty(PREFIX + "instance-id", "autocoder");
        this.sessionTimeoutMs = DurationSetting.toMillis(PREFIX + "session-timeout",
                environment.getProperty(PREFIX + "session-timeout", "10s"));
        this.startupTimeoutMs = DurationSetting.toMillis(PREFIX + "startup-timeout",
                environment.getProperty(PREFIX + "startup-timeout", "15s"));
        this.createTopics = Boolean.parseBoolean(environment.getProperty(PREFIX + "create-topics", "true"));
        this.deliveryTimeoutMs = deliveryTimeout(environment);
    }

    /**
     * How long the rows producer keeps a row the broker does not take (an outage) before the iteration fails and
     * runs again: long, so that a broker back within it takes the row once, through the idempotent producer's
     * retries (RowTransactions).
     */
    private static long deliveryTimeout(Environment environment) {
        String key = PREFIX + "delivery-timeout";
        long millis = DurationSetting.toMillis(key, environment.getProperty(key, "5m"));
        if (millis < REQUEST_TIMEOUT_MS || millis > MAX_DELIVERY_TIMEOUT_MS) {
            throw new InvalidConfigurationException(key, "must be between 10s (the producer's request timeout) and 5m "
                    + "(how long a revoked pair waits for its running iteration), not '" + environment.getProperty(key) + "'");
        }
        return millis;
    }

    private static int positive(Environment environment, String key, int fallback) {
        String text = environment.getProperty(PREFIX + key, String.valueOf(fallback)).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(PREFIX + key, "must be a whole number of at least 1, not '" + text + "'");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String rowsTopic() {
        return rowsTopic;
    }

    String targetsTopic() {
        return targetsTopic;
    }

    /** Start and Stop from any dashboard, for every process (one partition, compacted: the latest per pair). */
    String controlTopic() {
        return controlTopic;
    }

    int rowsPartitions() {
        return rowsPartitions;
    }

    int targetsPartitions() {
        return targetsPartitions;
    }

    /** The group whose partition assignment decides who runs which (worker, target) pair. */
    String ownersGroup() {
        return group + "-owners";
    }

    /**
     * The transactional.id of the rows producer of a targets-topic partition: the partition's, not the process's,
     * so whichever process is assigned the partition fences the one before it.
     */
    String rowsTransactionalId(int targetsPartition) {
        return group + "-rows-p" + targetsPartition;
    }

    /** This process's own group on the rows topic (its local store and dashboard see every row of the fleet). */
    String localRowsGroup() {
        return group + "-rows-" + instanceId;
    }

    /** The group shared by every process for Hub publishing: one reader per partition, so per dataset. */
    String hubGroup() {
        return group + "-hub";
    }

    String instanceId() {
        return instanceId;
    }

    long sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    long startupTimeoutMs() {
        return startupTimeoutMs;
    }

    long deliveryTimeoutMs() {
        return deliveryTimeoutMs;
    }

    boolean createTopics() {
        return createTopics;
    }
}
