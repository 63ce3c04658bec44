package dev.autocoder.workers.fleet.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.concurrent.TimeUnit;

/** Actuator health "kafkaFleet": DOWN while no broker answers at the bootstrap servers. */
public class KafkaFleetHealth implements HealthIndicator, DisposableBean {

    private final KafkaFleetSettings settings;
    private final KafkaOwnership ownership;
    private volatile Admin admin;

    public KafkaFleetHealth(KafkaFleetSettings settings, KafkaOwnership ownership) {
        this.settings = settings;
        this.ownership = ownership;
    }

    @Override
    public Health health() {
        try {
            String cluster = admin().describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return Health.up().withDetail("cluster", cluster).withDetail("ownedPairs", ownership.ownedPairs())
                    .withDetail("lastOwnershipPoll", String.valueOf(ownership.lastPoll())).build();
        } catch (Exception e) {
            return Health.down().withDetail("bootstrapServers", settings.bootstrapServers())
                    .withDetail("error", "no Kafka broker answers: " + e.getClass().getSimpleName()).build();
        }
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
