package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.RowLines;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubException;
import dev.autocoder.workers.hub.HubIdentity;
import dev.autocoder.workers.hub.RepoType;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's rows when it reads the Hub ({@code autocoder.dashboard.source=hub}): on every refresh
 * (routes/dashboard-hub.yaml) it asks each dataset's revision, and only when that changed lists the files and
 * downloads the ones it has not seen, feeding their rows to the aggregates in file order.
 */
@Component("hubRowSource")
class HubRowSource {

    private static final Logger log = LoggerFactory.getLogger(HubRowSource.class);

    private final DashboardProperties properties;
    private final WorkerRegistry registry;
    private final Aggregates aggregates;
    private final HubClient client;
    private final HubIdentity identity;
    private final ObjectMapper mapper;
    private final Map<String, String> revisions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seenFiles = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<String, String> passedOver = new ConcurrentHashMap<>();

    public HubRowSource(DashboardProperties properties, WorkerRegistry registry, Aggregates aggregates, HubClient client,
                        HubIdentity identity, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.properties = properties;
        this.registry = registry;
        this.aggregates = aggregates;
        this.client = client;
        this.identity = identity;
        this.mapper = mapper;
    }

    /** Route precondition. */
    public boolean isActive() {
        return properties.readsHub();
    }

    /** Reads what is new on the Hub for every worker's dataset; one dataset's failure does not stop the others. */
    public synchronized void refresh() {
        for (WorkerState state : registry.all()) {
            String dataset = state.definition().dataset();
            try {
                refresh(dataset);
                problems.remove(dataset);
            } catch (HubException e) {
                problems.put(dataset, e.getMessage());
                log.warn("Reading {} from the Hub failed: {}", dataset, e.getMessage());
            }
        }
    }

    /** The last problem reading a dataset from the Hub, if the last attempt failed. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    /** The files of each dataset that were too large to read, as the Hub client said; they are not tried again. */
    public Map<String, String> passedOver() {
        return Map.copyOf(passedOver);
    }

    /** The Hub revision last read of each dataset. */
    public Map<String, String> revisions() {
        return Map.copyOf(revisions);
    }

    private void refresh(String dataset) {
        String repoId = identity.repoId(dataset);
        String sha = client.repoInfo(RepoType.DATASET, repoId).map(HubClient.RepoInfo::sha).orElse(null);
        if (sha == null || sha.equals(revisions.get(dataset))) {
            return;
        }
        Set<String> seen = seenFiles.computeIfAbsent(dataset, d -> ConcurrentHashMap.newKeySet());
        List<String> fresh = new ArrayList<>();
        for (HubClient.TreeEntry entry : client.tree(RepoType.DATASET, repoId, "data", true)) {
            if ("file".equals(entry.type()) && entry.path().endsWith(".jsonl") && !seen.contains(entry.path())) {
                fresh.add(entry.path());
            }
        }
        fresh.sort(String::compareTo);
        int[] rows = {0};
        for (String path : fresh) {
            try {
                RowLines.forEach(client.download(RepoType.DATASET, repoId, sha, path), mapper,
                        path + " of " + repoId + " on the Hub", row -> {
                            aggregates.rowStored(dataset, row);
                            rows[0]++;
                        });
            } catch (HubException e) {
                if (e.kind() != HubException.Kind.TOO_LARGE) {
                    throw e;
                }
                // the same file at the next revision is as large: it is passed over, and the dashboard says so
                passedOver.merge(dataset, e.getMessage(), (before, now) -> before + "; " + now);
                log.warn("Reading {} from the Hub: {}", dataset, e.getMessage());
            }
            seen.add(path);
        }
        revisions.put(dataset, sha);
        if (rows[0] > 0) {
            log.info("Read {} new rows of {} from the Hub ({} files, revision {})", rows[0], repoId, fresh.size(), sha);
        }
    }
}
