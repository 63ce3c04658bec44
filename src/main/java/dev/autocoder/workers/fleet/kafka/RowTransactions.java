package dev.autocoder.workers.fleet.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fencing of a process that lost its pairs without noticing (a GC pause or SIGSTOP longer than the session timeout):
 * rows are written by one transactional producer per owned targets-topic partition, whose transactional.id
 * ({group}-rows-p{n}) is the partition's, not the process's. The process the group assigns the partition to next
 * opens a producer with the same id before it runs any pair, and Kafka's initTransactions bumps the id's epoch and
 * aborts the open transaction: whatever the paused process writes after it resumes is refused by the broker, so no
 * iteration is written twice. Readers use isolation.level=read_committed and never see an aborted row.
 * <p>
 * Each opening of a partition's producer starts a new ownership term of that partition in this process. An iteration
 * takes the term when it begins, and its row is written only in that term: a process that lost the partition while
 * an iteration ran (its session expired) and was given it back before the iteration ended has caught up with the rows
 * another process wrote meanwhile, and the late row, numbered before them, is refused rather than written again.
 */
class RowTransactions {

    private static final Logger log = LoggerFactory.getLogger(RowTransactions.class);

    private final KafkaFleetSettings settings;
    private final Map<Integer, Held> producers = new ConcurrentHashMap<>();
    private final Set<Integer> broken = ConcurrentHashMap.newKeySet();
    private final AtomicLong terms = new AtomicLong();

    /** A partition's producer and the ownership term its opening started. */
    private record Held(KafkaProducer<String, String> producer, long term) {
    }

    public RowTransactions(KafkaFleetSettings settings) {
        this.settings = settings;
    }

    /**
     * Opens the partition's producer; returns once every earlier producer of the partition (another process, or this
     * one before it lost the partition) is fenced and its open transaction is aborted or committed.
     */
    void open(int targetsPartition) {
        close(targetsPartition);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "autocoder-rows-producer-" + settings.instanceId() + "-p" + targetsPartition);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.rowsTransactionalId(targetsPartition));
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // autocoder.fleet.kafka.delivery-timeout: how long a row (its send and its commit) waits out a broker outage
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeoutMs());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.deliveryTimeoutMs());
        KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        producers.put(targetsPartition, new Held(producer, terms.incrementAndGet()));
    }

    /** This process writes no more rows for the partition's pairs. */
    void close(int targetsPartition) {
        Held held = producers.remove(targetsPartition);
        if (held != null) {
            held.producer().close(Duration.ZERO);
        }
    }

    void closeAll() {
        new ArrayList<>(producers.keySet()).forEach(this::close);
    }

    /** The partitions whose producer failed since the last call. */
    Set<Integer> takeBroken() {
        Set<Integer> taken = new TreeSet<>(broken);
        broken.removeAll(taken);
        return taken;
    }

    boolean isOpen(int targetsPartition) {
        return producers.containsKey(targetsPartition);
    }

    /** The ownership term of the partition's open producer; -1 when it is not open. */
    long term(int targetsPartition) {
        Held held = producers.get(targetsPartition);
        return held == null ? -1 : held.term();
    }

    /**
     * Writes one row in a transaction of its own, in the ownership term its iteration began in, and returns once it
     * is committed. A row this process may no longer write (the partition moved, its producer is fenced, or it was
     * opened again since the iteration began) and a row the broker did not take throw {@link UncheckedIOException}:
     * the iteration writes nothing, and its number is not used.
     */
    void write(int targetsPartition, long term, ProducerRecord<String, String> record) {
        Held held = producers.get(targetsPartition);
        if (held == null) {
            throw new UncheckedIOException(new IOException("this process does not own targets partition " + targetsPartition
                    + " (any more): the row is not written"));
        }
        if (held.term() != term) {
            throw new UncheckedIOException(new IOException("targets partition " + targetsPartition + " was lost and taken"
                    + " again while the iteration ran (ownership term " + term + ", now " + held.term() + "): its row,"
                    + " numbered before the rows written elsewhere meanwhile, is not written"));
        }
        KafkaProducer<String, String> producer = held.producer();
        // one transaction at a time per producer (several pairs can share a partition)
        synchronized (producer) {
            try {
                producer.beginTransaction();
                // bounded here: the producer expires a record after delivery.timeout.ms only while its transaction
                // manager makes progress, so with the coordinator away a plain get() waited as long as the outage
                producer.send(record).get(settings.deliveryTimeoutMs(), TimeUnit.MILLISECONDS);
                producer.commitTransaction();
            } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                     | AuthorizationException | UnsupportedVersionException e) {
                fenced(targetsPartition, producer, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                    fenced(targetsPartition, producer, cause);
                }
                abort(targetsPartition, producer, cause);
            } catch (TimeoutException e) {
                abort(targetsPartition, producer, new TimeoutException("no acknowledgement within "
                        + settings.deliveryTimeoutMs() + " ms (autocoder.fleet.kafka.delivery-timeout)"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(targetsPartition, producer, e);
            } catch (KafkaException e) {
                if (e.getCause() instanceof ProducerFencedException || e.getCause() instanceof InvalidProducerEpochException) {
                    fenced(targetsPartition, producer, e.getCause());
                }
                abort(targetsPartition, producer, e);
            }
        }
    }

    private void fenced(int targetsPartition, KafkaProducer<String, String> producer, Throwable cause) {
        removeIfHeld(targetsPartition, producer);
        producer.close(Duration.ZERO);
        log.warn("Fenced on targets partition {}: another process runs its pairs now; this one writes no row for them ({})",
                targetsPartition, cause.toString());
        throw new UncheckedIOException(new IOException("fenced on targets partition " + targetsPartition, cause));
    }

    /** A row the broker did not take: the transaction is aborted, and the next tick runs the iteration again. */
    private void abort(int targetsPartition, KafkaProducer<String, String> producer, Throwable cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            // the producer cannot go on (a broker outage): the ownership's poll loop opens it again, and catches up
            // anew, once the group confirms the assignment; re-opening it here could fence a rightful new owner
            removeIfHeld(targetsPartition, producer);
            producer.close(Duration.ZERO);
            broken.add(targetsPartition);
            log.error("The rows producer of targets partition {} failed and is closed: {}", targetsPartition, e.toString());
        }
        throw new UncheckedIOException(new IOException("the broker did not take the row: " + cause, cause));
    }

    /** Forgets the partition's producer if it is still this one (it may have been opened again meanwhile). */
    private void removeIfHeld(int targetsPartition, KafkaProducer<String, String> producer) {
        producers.computeIfPresent(targetsPartition, (p, held) -> held.producer() == producer ? null : held);
    }
}
