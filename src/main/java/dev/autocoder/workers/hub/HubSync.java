package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.DataFileHold;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.fleet.FleetMode;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.WorkerColumns;
import dev.autocoder.workers.worker.WorkerSelection;
import dev.autocoder.workers.row.Plural;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes each dataset's outbox to the Hub, one step per stage of the {@code autocoder-hub-commit} route
 * (routes/hub-sync-template.yaml): prepare builds one commit of the rows not yet on the Hub, commit sends it, and
 * committed or commitFailed records the outcome. Every request goes through {@link HubClient}; the waits after a
 * failure are {@link HubRetryPolicy}'s. Progress is saved only after the Hub confirms a commit. A commit whose
 * outcome is unknown (no answer, 5xx) is looked for on the Hub before anything is sent again, and a re-sent
 * file keeps its path, so rows land exactly once.
 */
@Component("hubSync")
public class HubSync implements DataFileHold {

    private static final Logger log = LoggerFactory.getLogger(HubSync.class);
    public static final String CARD = "README.md";
    /** Exchange property set on the attempt made at graceful shutdown (see HubFinalCommit). */
    static final String FINAL_COMMIT = "hubFinalCommit";
    /** Exchange property holding the prepared commit between the route's prepare and commit steps. */
    static final String COMMIT = "hubCommit";

    private final HubProperties properties;
    private final HubClient client;
    private final HubRetryPolicy policy;
    private final HubIdentity identity;
    private final DatasetStore store;
    private final HubOutbox outbox;
    private final WorkerSelection selection;
    private final PerspectiveCatalog catalog;
    private final Map<String, WorkerColumns> columns = new HashMap<>();
    private final DatasetFeatures features;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HubMeters meters;
    private final Map<String, DatasetSync> syncs = new ConcurrentHashMap<>();
    private final FleetMode fleetMode;

    public HubSync(HubProperties properties, HubClient client, HubIdentity identity, DatasetStore store,
                   WorkerSelection selection, PerspectiveCatalog catalog, List<WorkerColumns> workerColumns,
                   @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper, Clock clock, ObjectProvider<MeterRegistry> meterRegistry,
                   FleetMode fleetMode) {
        this.properties = properties;
        this.fleetMode = fleetMode;
        this.client = client;
        this.policy = new HubRetryPolicy(properties);
        this.identity = identity;
        this.store = store;
        this.outbox = new HubOutbox(store);
        this.selection = selection;
        this.catalog = catalog;
        workerColumns.forEach(c -> columns.put(c.worker(), c));
        this.features = new DatasetFeatures(mapper);
        this.mapper = mapper;
        this.clock = clock;
        this.meters = new HubMeters(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Route precondition: a worker's dataset is published when a token is set and the worker exists and runs
     * here (a declared dataset of a worker this build does not have never creates an empty repository). Never in
     * Kafka mode: every process's store holds the rows of the whole fleet, and the fleet-hub-publish route publishes.
     */
    public boolean isActive(String worker) {
        return fleetMode.isEmbedded() && properties.isEnabled() && selection.isEnabled(worker) && catalog.workers().contains(worker);
    }

    /** Every dataset this process publishes, as the dashboard shows it. */
    public List<PublishStatus> statuses() {
        List<PublishStatus> statuses = new ArrayList<>();
        syncs.values().stream().sorted((a, b) -> a.dataset.compareTo(b.dataset)).forEach(s -> statuses.add(s.status()));
        return statuses;
    }

    public Optional<PublishStatus> status(String dataset) {
        return Optional.ofNullable(syncs.get(dataset)).map(DatasetSync::status);
    }

    /** A dataset this process publishes, its worker, and the hub-sync route that publishes it. */
    public record PublishedDataset(String worker, String dataset, String routeId) {
    }

    /** The datasets this process publishes (the ones to publish once more at shutdown). */
    public List<PublishedDataset> publishedDatasets() {
        return syncs.values().stream().map(s -> new PublishedDataset(s.worker, s.dataset, s.routeId)).toList();
    }

    /** Makes a dataset known before its first commit, so the dashboard lists it and shutdown publishes it. */
    public void register(String worker, String dataset, String routeId) {
        if (isActive(worker)) {
            sync(worker, dataset).routeId = routeId;
        }
    }

    /**
     * The store's retention keeps a local file until the Hub has every row of it: while this process publishes from
     * its store (a token, not Kafka mode), a file with rows past its published offset, or in a commit not yet
     * confirmed, stays. Every dataset counts, published by a worker running now or not: its rows are nowhere else.
     */
    @Override
    public Map<Path, String> held(String dataset, List<Path> candidates) {
        Map<Path, String> held = new HashMap<>();
        if (!fleetMode.isEmbedded() || !properties.isEnabled()) {
            return held;
        }
        DatasetSync sync = syncs.get(dataset);
        PublishedState state = sync != null ? sync.published : PublishedState.read(stateFile(dataset), mapper);
        Set<String> inFlight = new HashSet<>();
        if (state.inFlight() != null) {
            state.inFlight().files().forEach(f -> inFlight.add(f.localFile()));
        }
        for (Path file : candidates) {
            String name = outbox.localName(dataset, file);
            if (inFlight.contains(name)) {
                held.put(file, "in a Hub commit not yet confirmed");
            } else if (outbox.hasPendingRows(file, name, state.published().getOrDefault(name, 0L))) {
                held.put(file, "rows not yet on the Hub");
            }
        }
        return held;
    }

    private Path stateFile(String dataset) {
        return store.root().resolve(".state").resolve("hub").resolve(store.owner()).resolve(dataset + ".json");
    }

    /** Counts a row just stored as waiting for the Hub (the {@code row-to-hub-outbox} route). */
    public void rowStored(String dataset, Row row) {
        DatasetSync sync = syncs.get(dataset);
        if (sync != null) {
            sync.pendingRows++;
        }
    }

    /**
     * Builds the next commit of a dataset, if one is due: creates the repository, checks the card, resolves a commit
     * whose answer never came, reconciles with the Hub's listing, and uploads through LFS what preupload asks for.
     * The commit goes into the {@code hubCommit} property; {@code hubCommitReady} says whether there is anything
     * to send.
     */
    public void prepare(Exchange exchange) {
        String worker = exchange.getProperty("worker", String.class);
        String dataset = exchange.getProperty("dataset", String.class);
        exchange.setProperty("hubCommitReady", false);
        boolean finalCommit = Boolean.TRUE.equals(exchange.getProperty(FINAL_COMMIT, Boolean.class));
        DatasetSync sync = sync(worker, dataset);
        synchronized (sync) {
            Instant now = clock.instant();
            if (sync.sending) {
                return;
            }
            if (sync.nextAttemptAt != null && now.isBefore(sync.nextAttemptAt)) {
                // our own backoff never stops the last attempt before shutdown; only the Hub's Retry-After does
                if (!finalCommit || sync.hubAskedToWait) {
                    return;
                }
                log.info("Final commit of {} at shutdown: sent now, inside the backoff until {}", dataset, sync.nextAttemptAt);
            }
            try {
                CommitPayload payload = nextCommit(sync);
                if (payload == null) {
                    sync.state = "up-to-date";
                    sync.detail = null;
                    return;
                }
                exchange.setProperty(COMMIT, payload);
                exchange.setProperty("hubCommitReady", true);
                sync.sending = true;
            } catch (HubException e) {
                failed(sync, e);
            } catch (RuntimeException e) {
                failed(sync, new HubException(HubException.Kind.REJECTED, "preparing the commit failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e));
            }
        }
    }

    /** Sends the prepared commit; the Hub's refusal or silence is a {@link HubException} for commitFailed. */
    public void commit(Exchange exchange) {
        DatasetSync sync = syncs.get(exchange.getProperty("dataset", String.class));
        CommitPayload payload = exchange.getProperty(COMMIT, CommitPayload.class);
        exchange.setProperty("hubCommitOid", client.commit(RepoType.DATASET, sync.repoId, payload));
    }

    /** The Hub confirmed the commit: its rows count as published now. */
    public void committed(Exchange exchange) {
        DatasetSync sync = syncs.get(exchange.getProperty("dataset", String.class));
        synchronized (sync) {
            sync.sending = false;
            confirmed(sync, exchange.getProperty("hubCommitOid", String.class), "committed");
        }
    }

    /** The commit was refused or got no answer (timeout, dropped connection: its outcome is unknown). */
    public void commitFailed(Exchange exchange) {
        DatasetSync sync = syncs.get(exchange.getProperty("dataset", String.class));
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        synchronized (sync) {
            sync.sending = false;
            failed(sync, error instanceof HubException hub ? hub : new HubException(HubException.Kind.NO_ANSWER,
                    "commit got no answer: " + (error == null ? "unknown" : error.getClass().getSimpleName()), null));
        }
    }

    /** Always runs after a hub-sync attempt: never leaves a dataset marked as sending. */
    public void finish(Exchange exchange) {
        DatasetSync sync = syncs.get(exchange.getProperty("dataset", String.class));
        if (sync != null) {
            synchronized (sync) {
                sync.sending = false;
            }
        }
    }

    /**
     * After the final commit at shutdown: says, in the log and in the dataset's status, how many rows stay only on
     * the local disk (a Space restarted with an empty disk loses them).
     */
    public void reportUnpublished() {
        for (DatasetSync sync : syncs.values()) {
            synchronized (sync) {
                long rows;
                try {
                    rows = outbox.pendingRows(sync.dataset, sync.published.published());
                } catch (RuntimeException e) {
                    rows = sync.pendingRows;
                }
                sync.pendingRows = rows;
                if (rows == 0) {
                    continue;
                }
                String why = sync.hubAskedToWait && sync.nextAttemptAt != null && clock.instant().isBefore(sync.nextAttemptAt)
                        ? "the Hub asked to wait until " + sync.nextAttemptAt + " (Retry-After), so the final commit was not sent"
                        : "the final commit at shutdown did not publish them (" + (sync.detail == null ? sync.state : sync.detail) + ")";
                sync.detail = rows + " rows stay unpublished at shutdown: " + why;
                log.warn("{} rows of {} stay unpublished at shutdown, only on the local disk: {}", rows, sync.dataset, why);
            }
        }
    }

    /** The next commit's payload, or null when the Hub already has everything. */
    private CommitPayload nextCommit(DatasetSync sync) {
        if (sync.repoId == null) {
            sync.repoId = identity.repoId(sync.dataset);
        }
        List<FileUpload> extra = new ArrayList<>();
        if (!sync.repoReady) {
            Optional<HubClient.RepoInfo> info = client.repoInfo(RepoType.DATASET, sync.repoId);
            if (info.isEmpty()) {
                client.createRepo(RepoType.DATASET, sync.repoId.substring(0, sync.repoId.indexOf('/')), sync.dataset,
                        properties.isPrivate(), null);
                log.info("Created the Hub dataset {} ({})", sync.repoId, properties.isPrivate() ? "private" : "public");
            }
            sync.repoReady = true;
            sync.cardPublished = false;
        }
        List<String> partitions = store.partitions(sync.dataset);
        if (!partitions.equals(sync.cardPartitions)) {
            // a new target's folder: the card gains its config
            sync.cardPublished = false;
            sync.cardPartitions = partitions;
        }
        if (!sync.cardPublished) {
            byte[] card = card(sync).getBytes(StandardCharsets.UTF_8);
            if (!isOnTheHub(sync, card)) {
                extra.add(new FileUpload(CARD, card));
            } else {
                sync.cardPublished = true;
            }
        }
        resolveInFlight(sync);
        if (!sync.reconciled) {
            reconcile(sync);
        }
        int maxSegments = Math.max(1, properties.getMaxFilesPerCommit() - extra.size());
        List<OutboxSegment> segments = outbox.pending(sync.dataset, sync.published.published(),
                properties.getMaxFileSize().toBytes(), maxSegments);
        // the batch holds every pending row unless it was cut at the file limit: only then count the rest
        sync.pendingRows = segments.size() < maxSegments ? segments.stream().mapToLong(OutboxSegment::rows).sum()
                : outbox.pendingRows(sync.dataset, sync.published.published());
        if (segments.isEmpty() && extra.isEmpty()) {
            return null;
        }
        List<FileUpload> uploads = new ArrayList<>(extra);
        List<PublishedState.InFlightFile> flightFiles = new ArrayList<>();
        int rows = 0;
        for (OutboxSegment segment : segments) {
            uploads.add(new FileUpload(segment.hubPath(), segment.content()));
            flightFiles.add(new PublishedState.InFlightFile(segment.hubPath(), segment.localFile(), segment.to(),
                    segment.content().length));
            rows += segment.rows();
        }
        extra.forEach(f -> flightFiles.add(new PublishedState.InFlightFile(f.path(), null, 0, f.size())));

        Map<String, Boolean> lfs = client.preuploadNeedsLfs(RepoType.DATASET, sync.repoId, uploads);
        client.uploadLfs(RepoType.DATASET, sync.repoId,
                uploads.stream().filter(u -> lfs.getOrDefault(u.path(), false)).toList());
        String head = client.repoInfo(RepoType.DATASET, sync.repoId)
                .orElseThrow(() -> new HubException(HubException.Kind.NOT_FOUND, 404, "the dataset " + sync.repoId
                        + " disappeared from the Hub", null)).sha();

        String summary = rows == 0 ? "Update the dataset card" : "Add " + Plural.of(rows, "row")
                + (extra.isEmpty() ? "" : " and the dataset card");
        CommitPayload payload = new CommitPayload(summary, "Published by Autocoder Workers from its local outbox.", head);
        for (FileUpload upload : uploads) {
            if (lfs.getOrDefault(upload.path(), false)) {
                payload.addLfsFile(upload.path(), upload.sha256(), upload.size());
            } else {
                payload.addFile(upload.path(), upload.content());
            }
        }
        // recorded before sending: after a crash or a lost answer the Hub is asked whether these files landed
        sync.published = sync.published.withInFlight(new PublishedState.InFlight(summary, flightFiles, clock.instant()));
        sync.save();
        sync.sendingRows = rows;
        return payload;
    }

    /** Looks on the Hub for the files of a commit whose answer never came, and takes them as published if there. */
    private void resolveInFlight(DatasetSync sync) {
        PublishedState.InFlight flight = sync.published.inFlight();
        if (flight == null) {
            return;
        }
        List<String> paths = flight.files().stream().map(PublishedState.InFlightFile::hubPath).toList();
        Map<String, Long> sizes = new HashMap<>();
        client.pathsInfo(RepoType.DATASET, sync.repoId, paths).forEach(e -> sizes.put(e.path(), e.size()));
        boolean landed = flight.files().stream().allMatch(f -> sizes.containsKey(f.hubPath()) && sizes.get(f.hubPath()) == f.size());
        if (landed) {
            log.info("The earlier commit of {} ({}) did land on the Hub; it is not sent again", sync.dataset, flight.summary());
            confirmed(sync, null, "confirmed-after-no-answer");
        } else {
            sync.published = sync.published.withInFlight(null);
            sync.save();
        }
    }

    /** Learns from the Hub which rows of the local files it already has (a lost state file, a re-enabled token). */
    private void reconcile(DatasetSync sync) {
        Map<String, Long> fromHub = new HashMap<>();
        java.util.Set<String> folders = new java.util.TreeSet<>();
        for (Path file : store.dataFiles(sync.dataset)) {
            String local = outbox.localName(sync.dataset, file);
            if (sync.published.published().getOrDefault(local, 0L) < file.toFile().length()) {
                folders.add("data/" + local.substring(0, local.lastIndexOf('/')));
            }
        }
        for (String folder : folders) {
            for (HubClient.TreeEntry entry : client.tree(RepoType.DATASET, sync.repoId, folder, false)) {
                OutboxSegment.Origin origin = OutboxSegment.origin(entry.path());
                if (origin != null && "file".equals(entry.type())) {
                    fromHub.merge(origin.localFile(), origin.from() + entry.size(), Math::max);
                }
            }
        }
        sync.published = sync.published.merged(fromHub);
        sync.save();
        sync.reconciled = true;
    }

    /** Whether the Hub's card is already this one. */
    private boolean isOnTheHub(DatasetSync sync, byte[] card) {
        try {
            return java.util.Arrays.equals(client.download(RepoType.DATASET, sync.repoId, "main", CARD), card);
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private String card(DatasetSync sync) {
        return datasetCard(sync.worker, sync.repoId, sync.cardPartitions);
    }

    /**
     * The dataset card of a worker's dataset whose rows sit in {@code data/{target_id}/} for each of
     * {@code targetIds} (empty: the single target's {@code data/yyyy/}); Kafka mode's publisher writes the same card,
     * so {@code load_dataset(repo, target_id)} reads the same configs whichever mode published.
     */
    public String datasetCard(String worker, String repoId, List<String> targetIds) {
        Map<String, Type> own = columns.containsKey(worker) ? columns.get(worker).types() : Map.of();
        List<DatasetCard.ListedPerspective> perspectives = new ArrayList<>();
        catalog.forWorker(worker).forEach(p -> perspectives.add(new DatasetCard.ListedPerspective(
                catalog.number(worker, p.id()), p.id(), p.name())));
        return DatasetCard.render(repoId, worker, perspectives, features.forRows(own), targetIds);
    }

    private void confirmed(DatasetSync sync, String oid, String outcome) {
        PublishedState.InFlight flight = sync.published.inFlight();
        boolean cardSent = flight != null && flight.files().stream().anyMatch(f -> CARD.equals(f.hubPath()));
        sync.published = sync.published.confirmed(clock.instant(), oid);
        sync.save();
        if (cardSent) {
            sync.cardPublished = true;
        }
        sync.pendingRows = Math.max(0, sync.pendingRows - sync.sendingRows);
        sync.sendingRows = 0;
        sync.failures = 0;
        sync.nextAttemptAt = null;
        sync.hubAskedToWait = false;
        sync.state = sync.pendingRows > 0 ? "pending" : "up-to-date";
        sync.detail = null;
        meters.commit(sync.dataset, outcome);
        log.info("Published to the Hub {}: {}{}", sync.repoId, flight == null ? "commit" : flight.summary(),
                oid == null ? "" : " (" + oid + ")");
    }

    private void failed(DatasetSync sync, HubException e) {
        Instant now = clock.instant();
        sync.detail = e.getMessage();
        sync.hubAskedToWait = false;
        switch (e.kind()) {
            case AUTH_REJECTED -> {
                sync.state = "token-rejected";
                sync.detail = "Hub rejected the token";
            }
            case FORBIDDEN, PAYMENT_REQUIRED -> sync.state = "forbidden";
            case RATE_LIMITED -> {
                sync.state = "rate-limited";
                sync.hubAskedToWait = e.retryAfter() != null;
            }
            case NOT_FOUND -> {
                sync.state = "retrying";
                sync.repoReady = false;
            }
            case REJECTED -> sync.state = "failing";
            default -> sync.state = "retrying";
        }
        if (policy.backsOff(e)) {
            sync.failures++;
        }
        Duration wait = policy.waitAfter(e, sync.failures);
        sync.nextAttemptAt = wait == null ? null : now.plus(wait);
        if (!e.outcomeUnknown() && sync.published.inFlight() != null) {
            // a refused commit changed nothing: forget it instead of asking the Hub about it
            sync.published = sync.published.withInFlight(null);
            try {
                sync.save();
            } catch (java.io.UncheckedIOException notSaved) {
                // a full disk: the state on disk still names that commit, and the Hub is asked about it next time
                log.warn("Could not save the publishing state of {}: {}", sync.dataset, notSaved.getMessage());
            }
        }
        sync.sendingRows = 0;
        meters.commit(sync.dataset, outcome(e));
        log.warn("Publishing {} to the Hub failed ({}); next attempt not before {}", sync.dataset, sync.detail,
                sync.nextAttemptAt == null ? "the next tick" : sync.nextAttemptAt);
    }

    private static String outcome(HubException e) {
        return switch (e.kind()) {
            case AUTH_REJECTED -> "token-rejected";
            case FORBIDDEN, PAYMENT_REQUIRED -> "forbidden";
            case RATE_LIMITED -> "rate-limited";
            case CONFLICT -> "conflict";
            case SERVER_ERROR -> "server-error";
            case NO_ANSWER -> "no-answer";
            case NOT_FOUND -> "not-found";
            case REJECTED -> "rejected";
            case TOO_LARGE -> "too-large";
        };
    }

    private DatasetSync sync(String worker, String dataset) {
        return syncs.computeIfAbsent(dataset, d -> {
            DatasetSync sync = new DatasetSync(worker, d);
            meters.register(d, sync, s -> s.pendingRows,
                    s -> s.published.lastCommitAt() == null ? Double.NaN : s.published.lastCommitAt().getEpochSecond());
            return sync;
        });
    }

    /** One dataset's publishing state. Guarded by its own monitor. */
    private final class DatasetSync {
        final String worker;
        final String dataset;
        final Path stateFile;
        volatile PublishedState published;
        volatile String repoId;
        volatile String state = "waiting";
        volatile String detail;
        volatile long pendingRows;
        volatile Instant nextAttemptAt;
        volatile String routeId;
        /** The last answer was a 429 with Retry-After: the one wait even the final commit keeps. */
        volatile boolean hubAskedToWait;
        boolean repoReady;
        boolean cardPublished;
        /** The target folders (dataset configs) the card was last made with. */
        List<String> cardPartitions = List.of();
        boolean reconciled;
        boolean sending;
        int sendingRows;
        int failures;

        DatasetSync(String worker, String dataset) {
            this.worker = worker;
            this.dataset = dataset;
            this.stateFile = stateFile(dataset);
            this.published = PublishedState.read(stateFile, mapper);
            this.pendingRows = outbox.pendingRows(dataset, published.published());
        }

        void save() {
            published.write(stateFile, mapper);
        }

        PublishStatus status() {
            String owner = identity.knownOwner();
            return new PublishStatus(dataset, owner == null ? null : owner + "/" + dataset, identity.datasetUrl(dataset),
                    state, detail, pendingRows, published.lastCommitAt(), nextAttemptAt);
        }
    }
}
