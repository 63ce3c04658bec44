package dev.autocoder.workers.fleet.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.DurationSetting;
import dev.autocoder.workers.hub.CommitPayload;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubException;
import dev.autocoder.workers.hub.HubIdentity;
import dev.autocoder.workers.hub.HubProperties;
import dev.autocoder.workers.hub.HubSync;
import dev.autocoder.workers.hub.RepoType;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hub publishing in Kafka mode, driven by the {@code fleet-hub-publish} route (routes/fleet-kafka.yaml): the
 * processes share the rows topic in one consumer group, so a dataset (all of its rows are in one partition) is read
 * by one process at a time. That process commits the dataset's new rows at most once per commit interval, one file
 * per target named after the Kafka offsets it holds,
 * {@code data/{target_id}/yyyy/MM/dd/rows-p{partition}-{first}-{last}.jsonl} (the day of its first record), with the
 * same dataset card as embedded mode ({@link HubSync#datasetCard}): one config per target. Where publishing stands
 * is read from the Hub itself (the highest offset of those files) whenever a process is assigned the partition, and
 * after a commit whose outcome is unknown: every row lands exactly once, whoever published before. A newly assigned
 * dataset waits one full interval before its first commit, so a handover never makes two commits within one interval.
 */
class FleetHubPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FleetHubPublisher.class);
    /** A published file: its target folder, partition, first and last offset. */
    private static final Pattern FILE = Pattern.compile(
            "data/([^/]+)/\\d{4}/\\d{2}/\\d{2}/rows-p(\\d+)-(\\d+)-(\\d+)\\.jsonl");
    /** Any data file in a target's folder (embedded mode's too): its folder is one of the card's configs. */
    private static final Pattern TARGET_FILE = Pattern.compile("data/([^/]+)/\\d{4}/\\d{2}/\\d{2}/[^/]+\\.jsonl");
    /** The layout of earlier versions, still read so that an upgrade publishes nothing twice. */
    private static final Pattern OLD_FILE = Pattern.compile("data/kafka/p(\\d+)-(\\d+)-(\\d+)\\.jsonl");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final KafkaFleetSettings settings;
    private final KafkaTopics topics;
    private final HubProperties hub;
    private final HubClient client;
    private final HubIdentity identity;
    private final WorkerRegistry registry;
    private final HubSync cards;
    private final ObjectMapper mapper;
    private final long intervalMs;
    private final Map<String, DatasetOutbox> outboxes = new HashMap<>();
    private final Set<Integer> assigned = new HashSet<>();
    private KafkaConsumer<String, String> consumer;

    public FleetHubPublisher(KafkaFleetSettings settings, KafkaTopics topics, HubProperties hub, HubClient client,
                             HubIdentity identity, WorkerRegistry registry, HubSync cards, ObjectMapper mapper) {
        this.settings = settings;
        this.topics = topics;
        this.hub = hub;
        this.client = client;
        this.identity = identity;
        this.registry = registry;
        this.cards = cards;
        this.mapper = mapper;
        this.intervalMs = DurationSetting.toMillis("autocoder.hub.commit-interval", hub.getCommitInterval());
    }

    /** Route precondition: a token is set. */
    public boolean isActive() {
        return hub.isEnabled();
    }

    /** One step of the route's timer: reads new rows, then commits each owned dataset that is due. */
    public synchronized void publishDue() {
        if (consumer == null) {
            consumer = newConsumer();
            consumer.subscribe(List.of(settings.rowsTopic()), new Listener());
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            String dataset = record.key().substring(0, record.key().indexOf('/'));
            DatasetOutbox outbox = outboxes.get(dataset);
            if (outbox == null && assigned.contains(record.partition())) {
                // a dataset this process runs no worker of (a dashboard alone): learned from its first record
                outbox = open(dataset, record.partition());
            }
            if (outbox != null && outbox.partition == record.partition() && record.offset() >= outbox.next) {
                outbox.pending.add(record);
            }
        }
        Instant now = Instant.now();
        for (DatasetOutbox outbox : outboxes.values()) {
            if (!outbox.pending.isEmpty() && !now.isBefore(outbox.notBefore)) {
                commit(outbox, now);
            }
        }
    }

    private void commit(DatasetOutbox outbox, Instant now) {
        outbox.notBefore = now.plusMillis(intervalMs);
        try {
            if (outbox.resync) {
                resync(outbox);
                if (outbox.pending.isEmpty()) {
                    return;
                }
            }
            String repoId = identity.repoId(outbox.dataset);
            boolean created = false;
            if (client.repoInfo(RepoType.DATASET, repoId).isEmpty()) {
                client.createRepo(RepoType.DATASET, repoId.substring(0, repoId.indexOf('/')), outbox.dataset, hub.isPrivate(), null);
                created = true;
            }
            if (outbox.head == null) {
                if (created) {
                    outbox.head = client.repoInfo(RepoType.DATASET, repoId).orElseThrow().sha();
                } else {
                    // the repository appeared since the Hub was read (another publisher): read where it stands first
                    resync(outbox);
                    if (outbox.pending.isEmpty()) {
                        return;
                    }
                }
            }
            List<ConsumerRecord<String, String>> batch = nextBatch(outbox.pending,
                    Math.max(1, hub.getMaxFilesPerCommit() - 1), hub.getMaxFileSize().toBytes());
            Map<String, List<ConsumerRecord<String, String>>> byTarget = new TreeMap<>();
            batch.forEach(record -> byTarget.computeIfAbsent(targetOf(record), t -> new ArrayList<>()).add(record));
            long first = batch.get(0).offset();
            long last = batch.get(batch.size() - 1).offset();
            // parentCommit is the head our view of the published offsets comes from: if another publisher committed
            // since (a process paused past its session that came back), the Hub answers 412 and we read it again
            CommitPayload payload = new CommitPayload("Add " + batch.size() + " rows",
                    "Published by Autocoder Workers from the Kafka rows topic.", outbox.head);
            byTarget.forEach((target, records) -> payload.addFile(path(target, outbox.partition, records),
                    lines(records)));
            TreeSet<String> targets = new TreeSet<>(outbox.targets);
            targets.addAll(byTarget.keySet());
            String card = card(outbox, repoId, List.copyOf(targets));
            if (card != null) {
                payload.addFile(HubSync.CARD, card.getBytes(StandardCharsets.UTF_8));
            }
            outbox.head = client.commit(RepoType.DATASET, repoId, payload);
            outbox.targets.addAll(byTarget.keySet());
            if (card != null) {
                outbox.cardOnHub = card;
            }
            outbox.pending.subList(0, batch.size()).clear();
            outbox.next = last + 1;
            log.info("Published to the Hub {}: {} rows (offsets {}..{} of partition {})", repoId, batch.size(), first, last,
                    outbox.partition);
        } catch (RuntimeException e) {
            // the commit may have landed without an answer, or another publisher's did (412): the Hub says where
            // publishing stands before the next one
            outbox.resync = true;
            outbox.head = null;
            log.error("Publishing {} to the Hub failed; next attempt in one interval: {}", outbox.dataset, e.toString());
        }
    }

    /**
     * The rows of the next commit: the oldest pending ones, over at most {@code maxFiles} targets (one file each),
     * each file at most {@code maxFileBytes} (a single larger row goes alone). A prefix of the partition, so the
     * highest offset on the Hub still says that everything below it is there; what does not fit waits for the next.
     */
    static List<ConsumerRecord<String, String>> nextBatch(List<ConsumerRecord<String, String>> pending, int maxFiles,
                                                          long maxFileBytes) {
        Map<String, Long> bytesByTarget = new HashMap<>();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : pending) {
            String target = targetOf(record);
            Long bytes = bytesByTarget.get(target);
            long line = record.value().getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes == null ? bytesByTarget.size() == maxFiles : bytes + line > maxFileBytes) {
                break;
            }
            bytesByTarget.put(target, (bytes == null ? 0 : bytes) + line);
            batch.add(record);
        }
        return batch;
    }

    /** The record's target: its key is {@code {dataset}/{target_id}}. */
    private static String targetOf(ConsumerRecord<String, String> record) {
        return record.key().substring(record.key().indexOf('/') + 1);
    }

    /** A file's path follows from its records alone, so a commit sent again after no answer names the same file. */
    static String path(String target, int partition, List<ConsumerRecord<String, String>> records) {
        return String.format("data/%s/%s/rows-p%d-%020d-%020d.jsonl", target,
                DAY.format(Instant.ofEpochMilli(Math.max(0, records.get(0).timestamp()))), partition,
                records.get(0).offset(), records.get(records.size() - 1).offset());
    }

    private static byte[] lines(List<ConsumerRecord<String, String>> records) {
        StringBuilder lines = new StringBuilder();
        records.forEach(r -> lines.append(r.value()).append('\n'));
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The dataset card to send with this commit, or null when the Hub has it already: the card of embedded mode,
     * with one config per target folder.
     */
    private String card(DatasetOutbox outbox, String repoId, List<String> targets) {
        if (outbox.worker == null) {
            outbox.worker = workerOf(outbox.pending.get(0));
        }
        if (outbox.worker == null) {
            return null;
        }
        String card = cards.datasetCard(outbox.worker, repoId, targets);
        if (card.equals(outbox.cardOnHub)) {
            return null;
        }
        if (outbox.cardOnHub == null) {
            try {
                if (card.equals(new String(client.download(RepoType.DATASET, repoId, "main", HubSync.CARD),
                        StandardCharsets.UTF_8))) {
                    outbox.cardOnHub = card;
                    return null;
                }
            } catch (HubException e) {
                if (e.kind() != HubException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return card;
    }

    /** The {@code worker} column of a row (a dataset whose worker does not run here). */
    private String workerOf(ConsumerRecord<String, String> record) {
        try {
            JsonNode worker = mapper.readTree(record.value()).path("worker");
            return worker.isTextual() ? worker.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Reads from the Hub how far the dataset's partition is published, and drops what already is. */
    private void resync(DatasetOutbox outbox) {
        readHub(outbox);
        outbox.pending.removeIf(r -> r.offset() < outbox.next);
        outbox.resync = false;
    }

    /**
     * Reads the dataset's files on the Hub: one past the highest offset of the partition's files (0 when there are
     * none) and the target folders the card lists. The card is compared with the Hub's before it is sent again.
     */
    private void readHub(DatasetOutbox outbox) {
        String repoId = identity.repoId(outbox.dataset);
        outbox.cardOnHub = null;
        Optional<HubClient.RepoInfo> info = client.repoInfo(RepoType.DATASET, repoId);
        if (info.isEmpty()) {
            outbox.next = 0;
            outbox.head = null;
            return;
        }
        outbox.head = info.get().sha();
        long next = 0;
        try {
            for (HubClient.TreeEntry entry : client.tree(RepoType.DATASET, repoId, "data", true)) {
                Matcher matcher = FILE.matcher(entry.path());
                Matcher old = OLD_FILE.matcher(entry.path());
                Matcher target = TARGET_FILE.matcher(entry.path());
                if (target.matches()) {
                    outbox.targets.add(target.group(1));
                }
                if (matcher.matches() && Integer.parseInt(matcher.group(2)) == outbox.partition) {
                    next = Math.max(next, Long.parseLong(matcher.group(4)) + 1);
                } else if (old.matches() && Integer.parseInt(old.group(1)) == outbox.partition) {
                    next = Math.max(next, Long.parseLong(old.group(3)) + 1);
                }
            }
        } catch (HubException e) {
            if (e.kind() != HubException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        outbox.next = next;
    }

    /** Starts publishing a dataset of an assigned partition where the Hub says it stands, one interval from now. */
    private DatasetOutbox open(String dataset, int partition) {
        DatasetOutbox outbox = new DatasetOutbox(dataset, partition);
        try {
            readHub(outbox);
        } catch (RuntimeException e) {
            // the Hub cannot say now: read from the start, and ask it again before the first commit
            outbox.resync = true;
            log.error("Cannot read from the Hub how far {} is published; asks again before committing: {}", dataset, e.toString());
        }
        outbox.notBefore = Instant.now().plusMillis(intervalMs);
        outboxes.put(dataset, outbox);
        log.info("Publishes {} to the Hub from offset {} of partition {}", dataset, outbox.next, partition);
        return outbox;
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                long seekTo = Long.MAX_VALUE;
                for (WorkerState state : registry.all()) {
                    String dataset = state.definition().dataset();
                    if (FleetRows.partitionOf(dataset, topics.rowsPartitions()) != partition.partition()) {
                        continue;
                    }
                    DatasetOutbox outbox = open(dataset, partition.partition());
                    outbox.worker = state.definition().worker();
                    seekTo = Math.min(seekTo, outbox.next);
                }
                assigned.add(partition.partition());
                // datasets not known here are read from the start of the partition; what the Hub has is skipped
                consumer.seek(partition, seekTo == Long.MAX_VALUE ? 0 : seekTo);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> {
                assigned.remove(p.partition());
                outboxes.values().removeIf(o -> o.partition == p.partition());
            });
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.hubGroup());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "autocoder-hub-" + settings.instanceId());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeoutMs());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, settings.sessionTimeoutMs() / 4));
        // the position comes from the Hub, never from committed offsets
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a row of an aborted (fenced) transaction never reaches the Hub
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public synchronized void destroy() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(10));
            consumer = null;
        }
    }

    private static final class DatasetOutbox {
        final String dataset;
        final int partition;
        final List<ConsumerRecord<String, String>> pending = new ArrayList<>();
        /** The target folders of the dataset on the Hub, as far as known: the card's configs. */
        final Set<String> targets = new TreeSet<>();
        long next;
        Instant notBefore = Instant.EPOCH;
        boolean resync;
        /** The worker whose rows these are; null until known. */
        String worker;
        /**
         * The Hub's head commit that {@link #next} was read from (or our last commit): the next commit's parentCommit.
         * Null when unknown.
         */
        String head;
        /** The card known to be on the Hub; null when it is to be compared before sending. */
        String cardOnHub;

        DatasetOutbox(String dataset, int partition) {
            this.dataset = dataset;
            this.partition = partition;
        }
    }
}
