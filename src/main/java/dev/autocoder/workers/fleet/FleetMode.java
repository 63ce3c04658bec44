package dev.autocoder.workers.fleet;

import org.springframework.core.env.Environment;

/**
 * Embedded (one process, the rows go straight to the local store) or Kafka (autocoder.fleet.kafka.bootstrap-servers
 * is set: the rows go through the rows topic first). The routes ask it in their preconditions and choices.
 */
public class FleetMode {

    public static final String BOOTSTRAP_SERVERS = "autocoder.fleet.kafka.bootstrap-servers";

    private final boolean kafka;

    public FleetMode(Environment environment) {
        this.kafka = isKafka(environment);
    }

    public static boolean isKafka(Environment environment) {
        String servers = environment.getProperty(BOOTSTRAP_SERVERS, "");
        return !servers.isBlank();
    }

    public boolean isKafka() {
        return kafka;
    }

    public boolean isEmbedded() {
        return !kafka;
    }
}
