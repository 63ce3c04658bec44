package dev.autocoder.workers.fleet;

import org.springframework.core.env.Environment;

/**
 * Embedded (one process, the rows go straight to the local store) or Kafka (autocoder.fleet.kafka.bootstrap-servers
 * is set: the rows go through the rows topic first). The routes ask it in their preconditions and choices.
 */
public class FleetMode {

    public static final String BOOTSTRAP_SERVERS = "autocoder.fleet.kafka.bootstrap-servers";

    private final boolean kafka;
    private final boolean hubToken;

    public FleetMode(Environment environment) {
        this.kafka = isKafkaIn(environment);
        this.hubToken = !environment.getProperty("autocoder.hub.token", "").isBlank();
    }

    /** Read before the beans exist (a bean method named like the routes' isKafka would confuse Camel's choice of method). */
    public static boolean isKafkaIn(Environment environment) {
        String servers = environment.getProperty(BOOTSTRAP_SERVERS, "");
        return !servers.isBlank();
    }

    public boolean isKafka() {
        return kafka;
    }

    /** Kafka mode with a Hub token: the fleet-hub-publish route publishes (hub-sync is off in Kafka mode). */
    public boolean publishesFromKafka() {
        return kafka && hubToken;
    }

    public boolean isEmbedded() {
        return !kafka;
    }
}
