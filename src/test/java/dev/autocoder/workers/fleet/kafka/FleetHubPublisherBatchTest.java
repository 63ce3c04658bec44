package dev.autocoder.workers.fleet.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What one Hub commit of the rows topic takes: a prefix of the partition, within the file count and file size. */
class FleetHubPublisherBatchTest {

    private static ConsumerRecord<String, String> row(long offset, String target, int bytes) {
        return new ConsumerRecord<>("rows", 0, offset, "autocoder-analysis-results/" + target, "x".repeat(bytes - 1));
    }

    private static List<Long> offsets(List<ConsumerRecord<String, String>> batch) {
        return batch.stream().map(ConsumerRecord::offset).toList();
    }

    @Test
    void aTargetsFileStopsBeforeMaxFileSizeAndTheRestWaitsForTheNextCommit() {
        // each row is 100 bytes with its newline: a 250-byte file holds two
        List<ConsumerRecord<String, String>> pending = List.of(row(0, "a", 100), row(1, "b", 100), row(2, "a", 100),
                row(3, "a", 100), row(4, "b", 100));

        assertThat(offsets(FleetHubPublisher.nextBatch(pending, 50, 250))).containsExactly(0L, 1L, 2L);
        assertThat(offsets(FleetHubPublisher.nextBatch(pending.subList(3, 5), 50, 250))).containsExactly(3L, 4L);
    }

    @Test
    void aCommitTakesAtMostMaxFilesTargets() {
        List<ConsumerRecord<String, String>> pending = List.of(row(0, "a", 10), row(1, "b", 10), row(2, "a", 10),
                row(3, "c", 10), row(4, "a", 10));

        assertThat(offsets(FleetHubPublisher.nextBatch(pending, 2, 1 << 20))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aRowLargerThanTheFileSizeGoesAloneInsteadOfBlockingThePartition() {
        List<ConsumerRecord<String, String>> pending = List.of(row(0, "a", 500), row(1, "a", 10));

        assertThat(offsets(FleetHubPublisher.nextBatch(pending, 50, 250))).containsExactly(0L);
        assertThat(offsets(FleetHubPublisher.nextBatch(pending.subList(1, 2), 50, 250))).containsExactly(1L);
    }
}
