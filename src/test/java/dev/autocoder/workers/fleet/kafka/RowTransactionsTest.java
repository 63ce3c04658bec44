package dev.autocoder.workers.fleet.kafka;

import dev.autocoder.workers.testsupport.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fencing on a real broker: two processes' producers of one targets partition (two RowTransactions with the same
 * group); the one that opened last fences the other, whose rows are refused, and a read_committed reader sees
 * exactly the rows of the partition's owner of the moment.
 */
class RowTransactionsTest {

    /** This test's own topic and group (so its transactional ids) on the JVM's shared broker. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String rows = "rows-" + run;

    @Test
    void theLastOpenerOfAPartitionFencesTheEarlierOneAndOnlyCommittedRowsAreRead() throws Exception {
        KafkaBroker broker = brokerWithRowsTopic();
        RowTransactions zombie = new RowTransactions(settings(broker, "a"));
        RowTransactions owner = new RowTransactions(settings(broker, "b"));
        try {
            zombie.open(3);
            zombie.write(3, zombie.term(3), row("a-1"));
            long zombieTerm = zombie.term(3);
            // the group moved targets partition 3 to b while a was paused
            owner.open(3);
            assertThatThrownBy(() -> zombie.write(3, zombieTerm, row("a-2"))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("fenced on targets partition 3");
            assertThat(zombie.isOpen(3)).isFalse();
            assertThat(zombie.term(3)).isEqualTo(-1);
            assertThatThrownBy(() -> zombie.write(3, zombieTerm, row("a-3"))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("does not own targets partition 3");
            owner.write(3, owner.term(3), row("b-2"));
            // another partition's producer is not fenced by it
            zombie.open(4);
            zombie.write(4, zombie.term(4), row("a-other"));
        } finally {
            zombie.closeAll();
            owner.closeAll();
        }
        assertThat(committedValues(broker)).containsExactly("a-1", "b-2", "a-other");
    }

    /**
     * A process whose session expired while an iteration ran, and which the group gave the partition back to before
     * the iteration ended: the iteration's row, numbered before the rows the other process wrote meanwhile, is refused
     * (its term is the earlier opening's); a row of an iteration begun in the new term is written.
     */
    @Test
    void aRowOfAnIterationBegunBeforeThePartitionWasLostAndTakenAgainIsRefused() throws Exception {
        KafkaBroker broker = brokerWithRowsTopic();
        RowTransactions a = new RowTransactions(settings(broker, "a"));
        RowTransactions b = new RowTransactions(settings(broker, "b"));
        try {
            a.open(1);
            a.write(1, a.term(1), row("a-22"));
            long iterationTerm = a.term(1); // a's iteration 23 begins, and a stands still
            b.open(1);
            b.write(1, b.term(1), row("b-23"));
            b.write(1, b.term(1), row("b-24"));
            a.open(1); // a goes on, and the group gives it the partition back
            b.close(1);
            assertThat(a.term(1)).isNotEqualTo(iterationTerm);
            assertThatThrownBy(() -> a.write(1, iterationTerm, row("a-23"))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("targets partition 1 was lost and taken again while the iteration ran");
            assertThat(a.isOpen(1)).as("the partition stays with a").isTrue();
            a.write(1, a.term(1), row("a-25"));
        } finally {
            a.closeAll();
            b.closeAll();
        }
        assertThat(committedValues(broker)).containsExactly("a-22", "b-23", "b-24", "a-25");
    }

    private KafkaBroker brokerWithRowsTopic() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(rows, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        return broker;
    }

    private ProducerRecord<String, String> row(String value) {
        return new ProducerRecord<>(rows, 0, "dataset/target", value);
    }

    private KafkaFleetSettings settings(KafkaBroker broker, String instance) {
        return new KafkaFleetSettings(new MockEnvironment()
                .withProperty("autocoder.fleet.kafka.bootstrap-servers", broker.bootstrapServers())
                .withProperty("autocoder.fleet.kafka.group", "tx-" + run)
                .withProperty("autocoder.fleet.kafka.instance-id", instance));
    }

    private List<String> committedValues(KafkaBroker broker) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(rows, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
