package dev.autocoder.workers.fleet.kafka;

import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.target.ListedTarget;
import dev.autocoder.workers.target.OwnedTargets;
import dev.autocoder.workers.target.TargetList;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerSelection;
import dev.autocoder.workers.worker.WorkerState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ownership of (worker, target) pairs from Kafka's consumer-group assignment: every process subscribes to the
 * targets topic in one group with the cooperative-sticky assignor, and runs the pairs whose key falls in a
 * partition it is assigned. When a process joins, leaves or dies (its session times out), the group moves the
 * partitions; there is no election or lock of our own.
 * <p>
 * A newly assigned partition's pairs start only once this process's local store has read the rows topic up to its
 * end at the moment of assignment, and their state is then re-read from that store: the rotation and iteration
 * numbering continue where the previous owner stopped. Before that, this process opens the partition's
 * transactional rows producer (RowTransactions), which fences every earlier owner: a process paused past its session
 * cannot write a row for a pair that runs elsewhere now. A revoked partition is given back only after the iteration
 * running on it has written its row; a lost one (this process's session expired) stops at once. No pair runs before
 * the control topic is read up to where it ended at start-up ({@link FleetControl}), so a pair stopped from a
 * dashboard while this process was down stays stopped here.
 */
class KafkaOwnership implements OwnedTargets, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaOwnership.class);
    private static final Duration REVOKE_WAIT = Duration.ofMinutes(5);
    /** A catch-up longer than this is said in the log once, with what it waits for. */
    private static final Duration SLOW_CATCH_UP = Duration.ofSeconds(30);

    private final KafkaFleetSettings settings;
    private final KafkaTopics topics;
    private final FleetRows rows;
    private final WorkerRegistry registry;
    private final WorkerSelection selection;
    private final PerspectiveCatalog catalog;
    private final TargetList targets;
    private final TargetRepository singleTarget;
    private final RowTransactions transactions;
    private final FleetControl control;
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final Set<Integer> fencing = ConcurrentHashMap.newKeySet();
    private final Map<Integer, CatchUp> catchingUp = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Instant lastPoll;
    private volatile KafkaProducer<String, String> announcer;
    private final Set<String> announced = new TreeSet<>();

    public KafkaOwnership(KafkaFleetSettings settings, KafkaTopics topics, FleetRows rows, WorkerRegistry registry,
                          WorkerSelection selection, PerspectiveCatalog catalog, TargetList targets,
                          TargetRepository singleTarget, RowTransactions transactions, FleetControl control) {
        this.settings = settings;
        this.control = control;
        this.topics = topics;
        this.rows = rows;
        this.registry = registry;
        this.selection = selection;
        this.catalog = catalog;
        this.targets = targets;
        this.singleTarget = singleTarget;
        this.transactions = transactions;
    }

    /**
     * A (worker, target) pair this process can run; {@code listed} when the target comes from autocoder.targets (its
     * state is the registry's per-target state), else it is the single target of autocoder.target.*.
     */
    record Pair(String worker, String targetId, String repository, boolean listed) {
        String key() {
            return pairKey(worker, targetId);
        }
    }

    /** The key of a (worker, target) pair on the targets topic. */
    static String pairKey(String worker, String targetId) {
        return targetId + "/" + worker;
    }

    /**
     * The term of the pair's targets partition: its producer's, read on both sides of the check that the partition
     * runs here, so that a partition lost and taken again in between gives no term of a producer not caught up yet.
     */
    @Override
    public long term(String worker, String targetId) {
        int partition = partitionOf(pairKey(worker, targetId));
        long term = transactions.term(partition);
        return runsPartition(partition) && transactions.term(partition) == term ? term : -1;
    }

    /** The pairs this process runs now, for the API and the tests: the ones {@link #owns} says yes to. */
    public List<String> ownedPairs() {
        return pairs().stream().map(Pair::key).filter(key -> runsPartition(partitionOf(key))).toList();
    }

    private boolean runsPartition(int partition) {
        return ready.contains(partition) && transactions.isOpen(partition) && control.isReadUp();
    }

    /** Where this process's targets partitions stand, for the health details: why a pair does or does not run here. */
    Map<String, Set<Integer>> partitionStates() {
        return Map.of("running", new TreeSet<>(ready), "fencing", new TreeSet<>(fencing),
                "catchingUp", new TreeSet<>(catchingUp.keySet()));
    }

    Instant lastPoll() {
        return lastPoll;
    }

    int partitionOf(String pairKey) {
        return partitionOf(pairKey, topics.targetsPartitions());
    }

    static int partitionOf(String pairKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(pairKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The (worker, target) pairs this process can run: its enabled workers on each target of autocoder.targets (as
     * last read: a re-read targets file changes them), or on the single target when there is no list.
     */
    List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String worker : catalog.workers()) {
            if (!selection.isEnabled(worker) || selection.runsNoWorker()) {
                continue;
            }
            if (targets.isFleet()) {
                for (ListedTarget target : targets.current()) {
                    pairs.add(new Pair(worker, target.id(), target.repository(), true));
                }
            } else {
                pairs.add(new Pair(worker, singleTarget.targetId(), singleTarget.displayName(), false));
            }
        }
        return pairs;
    }

    @Override
    public void start() {
        running = true;
        if (selection.runsNoWorker()) {
            // a dashboard (autocoder.workers.enabled=none) runs no pair: a member of the group would only take a share
            log.info("This process runs no worker: it does not join the owners group {}", settings.ownersGroup());
            return;
        }
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "autocoder-targets-" + settings.instanceId());
        announcer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        announcePairs();
        thread = new Thread(this::pollLoop, "autocoder-fleet-ownership");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Keeps the targets topic the fleet's list of what there is to run: one record per new pair, keyed by the pair,
     * and a tombstone (null value) for a pair that is gone (a changed targets file), so a compacted topic forgets it.
     * Which process runs a pair follows from its key's partition, so ownership follows the list by itself.
     */
    private void announcePairs() {
        List<Pair> pairs = pairs();
        Set<String> now = new TreeSet<>();
        pairs.forEach(pair -> now.add(pair.key()));
        if (now.equals(announced)) {
            return;
        }
        for (Pair pair : pairs) {
            String key = pair.key();
            if (!announced.contains(key)) {
                announcer.send(new ProducerRecord<>(settings.targetsTopic(), partitionOf(key), key,
                        "{\"pair\":\"" + key + "\",\"repository\":\"" + pair.repository().replace("\"", "'") + "\"}"));
            }
        }
        for (String key : announced) {
            if (!now.contains(key)) {
                announcer.send(new ProducerRecord<>(settings.targetsTopic(), partitionOf(key), key, null));
            }
        }
        announcer.flush();
        log.info("Announced the pairs on {}: {}", settings.targetsTopic(), now);
        announced.clear();
        announced.addAll(now);
    }

    private void pollLoop() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.ownersGroup());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "autocoder-owner-" + settings.instanceId());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeoutMs());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, settings.sessionTimeoutMs() / 4));
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) (REVOKE_WAIT.toMillis() + 60_000));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // its end offsets of the rows topic are the last stable ones: a pair starts after every committed row
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (Admin admin = Admin.create(KafkaTopics.adminProperties(settings, 5000));
             KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(settings.targetsTopic()), new Listener());
            boolean failing = false;
            while (running) {
                try {
                    kafka.poll(Duration.ofMillis(200));
                    lastPoll = Instant.now();
                    announcePairs();
                    reopenBroken(kafka);
                    fence(kafka);
                    catchUp(admin);
                    if (failing) {
                        log.info("The Kafka ownership consumer works again");
                        failing = false;
                    }
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    if (!failing) {
                        log.error("The Kafka ownership consumer failed; it keeps trying: {}", e.toString());
                        failing = true;
                    }
                    sleep(1000);
                }
            }
        } finally {
            consumer = null;
            transactions.closeAll();
            announcer.close(Duration.ofSeconds(5));
        }
    }

    /** A partition whose rows producer failed, and that the group still assigns here, is fenced and caught up anew. */
    private void reopenBroken(KafkaConsumer<String, String> kafka) {
        for (Integer partition : transactions.takeBroken()) {
            if (ready.remove(partition) && kafka.assignment().contains(new TopicPartition(settings.targetsTopic(), partition))) {
                fencing.add(partition);
            }
        }
    }

    /**
     * Opens the rows producer of each newly assigned partition, which fences its earlier owners, and only then takes
     * the rows topic's end offsets the local store must reach: they include every row the earlier owners committed.
     */
    private void fence(KafkaConsumer<String, String> kafka) {
        if (fencing.isEmpty()) {
            return;
        }
        Set<Integer> opened = new TreeSet<>(fencing);
        // all of them first: an earlier owner not fenced yet could still commit after the end offsets are taken
        opened.forEach(transactions::open);
        List<TopicPartition> rowPartitions = new ArrayList<>();
        for (int p = 0; p < topics.rowsPartitions(); p++) {
            rowPartitions.add(new TopicPartition(settings.rowsTopic(), p));
        }
        Map<Integer, Long> end = new HashMap<>();
        kafka.endOffsets(rowPartitions, Duration.ofSeconds(30)).forEach((tp, offset) -> end.put(tp.partition(), offset));
        for (Integer partition : opened) {
            fencing.remove(partition);
            catchingUp.put(partition, new CatchUp(end, Instant.now(), false));
        }
        log.info("Targets partitions {}: earlier owners fenced; they start once the rows topic is read up to {}", opened, end);
    }

    /** Starts the pairs of newly assigned partitions once the local store has read every row written before. */
    private void catchUp(Admin admin) {
        if (catchingUp.isEmpty()) {
            return;
        }
        Map<Integer, Long> committed = committedLocalOffsets(admin);
        for (Map.Entry<Integer, CatchUp> entry : new ArrayList<>(catchingUp.entrySet())) {
            if (rows.hasRead(entry.getValue().end(), committed)) {
                int partition = entry.getKey();
                for (Pair pair : pairs()) {
                    if (partitionOf(pair.key()) == partition) {
                        registry.reload(pair.worker(), pair.listed() ? pair.targetId() : null);
                    }
                }
                catchingUp.remove(partition);
                ready.add(partition);
                log.info("Runs now the pairs of targets partition {}: {}", partition,
                        pairs().stream().map(Pair::key).filter(k -> partitionOf(k) == partition).toList());
            } else {
                warnIfSlow(entry.getKey(), entry.getValue(), committed);
            }
        }
    }

    /** A partition whose pairs wait for this process's store to read the rows topic up to {@code end}. */
    private record CatchUp(Map<Integer, Long> end, Instant since, boolean slowSaid) {
    }

    /** Once per catch-up: what a partition's pairs still wait for, when it takes longer than a rows topic read should. */
    private void warnIfSlow(int partition, CatchUp catchUp, Map<Integer, Long> committed) {
        Duration waited = Duration.between(catchUp.since(), Instant.now());
        if (catchUp.slowSaid() || waited.compareTo(SLOW_CATCH_UP) < 0
                || !catchingUp.replace(partition, catchUp, new CatchUp(catchUp.end(), catchUp.since(), true))) {
            return;
        }
        log.warn("Targets partition {} has waited {} s for this process's store to read the rows topic up to {}: "
                + "stored up to {} in this run, committed by its consumer group up to {}; its pairs start once it has",
                partition, waited.toSeconds(), catchUp.end(), rows.readOffsets(), committed);
    }

    private Map<Integer, Long> committedLocalOffsets(Admin admin) {
        Map<Integer, Long> committed = new HashMap<>();
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(settings.localRowsGroup(),
                    new ListConsumerGroupOffsetsOptions()).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            offsets.forEach((tp, offset) -> {
                if (offset != null && tp.topic().equals(settings.rowsTopic())) {
                    committed.put(tp.partition(), offset.offset());
                }
            });
        } catch (Exception e) {
            // not known now: the consumer's own progress decides
        }
        return committed;
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            partitions.forEach(p -> fencing.add(p.partition()));
            log.info("Assigned targets partitions {}", partitions.stream().map(TopicPartition::partition).sorted().toList());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            giveBack(partitions, "revoked", true);
        }

        /**
         * This process's session expired (a pause longer than the session timeout): the partitions already run
         * elsewhere, so no iteration is waited for; one that is running cannot write its row (fenced).
         */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            giveBack(partitions, "lost", false);
        }

        /** No new iteration starts on these pairs; on a revocation the running one finishes and writes its row first. */
        private void giveBack(Collection<TopicPartition> partitions, String how, boolean finishRunning) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<Integer> numbers = new TreeSet<>();
            partitions.forEach(p -> numbers.add(p.partition()));
            ready.removeAll(numbers);
            numbers.forEach(catchingUp::remove);
            fencing.removeAll(numbers);
            long deadline = System.nanoTime() + REVOKE_WAIT.toNanos();
            for (Pair pair : finishRunning ? pairs() : List.<Pair>of()) {
                if (!numbers.contains(partitionOf(pair.key()))) {
                    continue;
                }
                while (isIterating(pair) && System.nanoTime() < deadline) {
                    sleep(50);
                }
            }
            numbers.forEach(transactions::close);
            log.info("Targets partitions {} {}: their pairs stopped here", numbers, how);
        }
    }

    private boolean isIterating(Pair pair) {
        return (pair.listed() ? registry.findForTarget(pair.worker(), pair.targetId()) : registry.find(pair.worker()))
                .map(WorkerState::isIterating).orElse(false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread polling = thread;
        if (polling != null) {
            try {
                polling.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the routes (Camel's own lifecycle phase is lower) and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
