package dev.autocoder.workers.fleet.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Actuator health "kafkaFleet": DOWN while no broker answers at the bootstrap servers. A change is logged (ERROR when
 * the broker goes away), checked by the fleet-kafka-watch route even when nobody asks for the health.
 */
class KafkaFleetHealth implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaFleetHealth.class);

    private final KafkaFleetSettings settings;
    private final KafkaOwnership ownership;
    private volatile Admin admin;
    /** Whether the broker answered at the last check; null before the first. */
    private Boolean answered;

    public KafkaFleetHealth(KafkaFleetSettings settings, KafkaOwnership ownership) {
        this.settings = settings;
        this.ownership = ownership;
    }

    @Override
    public Health health() {
        try {
            String cluster = admin().describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            changed(true, null);
            return Health.up().withDetail("cluster", cluster).withDetail("ownedPairs", ownership.ownedPairs())
                    .withDetail("targetsPartitions", ownership.partitionStates())
                    .withDetail("lastOwnershipPoll", String.valueOf(ownership.lastPoll())).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            changed(false, e);
            return Health.down().withDetail("bootstrapServers", settings.bootstrapServers())
                    .withDetail("error", "no Kafka broker answers: " + e.getClass().getSimpleName()).build();
        }
    }

    /** The fleet-kafka-watch route's step: checks the broker, so that an outage is logged when it starts. */
    public void watch() {
        health();
    }

    private synchronized void changed(boolean answers, Exception e) {
        if (answered != null && answered == answers) {
            return;
        }
        if (!answers) {
            log.error("No Kafka broker answers at {} ({}): kafkaFleet is DOWN; iterations wait for the broker up to "
                    + "autocoder.fleet.kafka.delivery-timeout ({} ms), then run again under the same numbers",
                    settings.bootstrapServers(), reason(e), settings.deliveryTimeoutMs());
        } else if (answered != null) {
            log.info("The Kafka broker at {} answers again: kafkaFleet is UP", settings.bootstrapServers());
        }
        answered = answers;
    }

    /** What the admin client said, without the wrapper of its future. */
    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(KafkaTopics.adminProperties(settings, 3000));
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
