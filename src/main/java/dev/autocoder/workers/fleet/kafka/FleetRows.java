package dev.autocoder.workers.fleet.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.target.TargetList;
import org.apache.camel.Exchange;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows topic's side of the routes (routes/fleet-kafka.yaml): a row's key is (dataset, target), every row of a
 * dataset goes to one partition (so one process at a time publishes a dataset, and a dataset's rows keep their
 * order), and this process's consumer records how far it has read, so a process taking a pair over starts only
 * once its local store holds every row written before. Rows are written in transactions and read committed only.
 */
class FleetRows {

    private final ObjectMapper mapper;
    private final KafkaTopics topics;
    private final TargetList targets;
    private final RowTransactions transactions;
    private final String rowsTopic;
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();

    public FleetRows(ObjectMapper mapper, KafkaTopics topics, TargetList targets, RowTransactions transactions,
                     String rowsTopic) {
        this.mapper = mapper;
        this.targets = targets;
        this.topics = topics;
        this.transactions = transactions;
        this.rowsTopic = rowsTopic;
    }

    /**
     * Writes a worker's row to the rows topic, keyed and partitioned by its dataset, in a transaction of the
     * producer of its (worker, target) pair's targets partition, in the ownership term its iteration began in: a
     * process that no longer owns the pair, even one that does not know it yet, or that lost it and got it back
     * while the iteration ran, cannot write it (RowTransactions).
     */
    public void write(String dataset, Row row, long ownershipTerm) {
        int targetsPartition = KafkaOwnership.partitionOf(KafkaOwnership.pairKey(row.worker(), row.targetId()),
                topics.targetsPartitions());
        transactions.write(targetsPartition, ownershipTerm,
                new ProducerRecord<>(rowsTopic, partition(dataset), key(dataset, row), serialize(row)));
    }

    /** The record key: dataset and the row's {@code target_id}. */
    public String key(String dataset, Row row) {
        return dataset + "/" + row.targetId();
    }

    /** The dataset's partition of the rows topic. */
    public int partition(String dataset) {
        return partitionOf(dataset, topics.rowsPartitions());
    }

    static int partitionOf(String dataset, int partitions) {
        return Utils.toPositive(Utils.murmur2(dataset.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public String serialize(Row row) {
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a row cannot be serialized", e);
        }
    }

    /**
     * A record from the rows topic: the body becomes the row, the dataset an exchange property, and so does the
     * folder it is stored in: {@code data/{target_id}/} when this process runs a list of targets (the processes of a
     * fleet share one configuration), else the single target's layout, where the worker's state is read back from.
     */
    public Row received(Exchange exchange) throws JsonProcessingException {
        String key = exchange.getMessage().getHeader("kafka.KEY", String.class);
        exchange.setProperty("dataset", key.substring(0, key.indexOf('/')));
        Row row = mapper.readValue(exchange.getMessage().getBody(String.class), Row.class);
        exchange.setProperty("targetId", targets.isFleet() ? row.targetId() : null);
        return row;
    }

    /** The record is in the local store and its consumers have seen it. */
    public void consumed(Exchange exchange) {
        Integer partition = exchange.getMessage().getHeader("kafka.PARTITION", Integer.class);
        Long offset = exchange.getMessage().getHeader("kafka.OFFSET", Long.class);
        if (partition != null && offset != null) {
            nextOffsets.merge(partition, offset + 1, Math::max);
        }
    }

    /** How far this process's consumer has stored each partition in this run (the next offset), for the log. */
    Map<Integer, Long> readOffsets() {
        return Map.copyOf(nextOffsets);
    }

    /**
     * Whether this process has read every partition up to the given end offsets: as far as its consumer got in this
     * run, or as its group committed in an earlier one.
     */
    boolean hasRead(Map<Integer, Long> endOffsets, Map<Integer, Long> committed) {
        return endOffsets.entrySet().stream().allMatch(e -> e.getValue() == 0
                || Math.max(nextOffsets.getOrDefault(e.getKey(), 0L), committed.getOrDefault(e.getKey(), 0L)) >= e.getValue());
    }
}
