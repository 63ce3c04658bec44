package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.RemoteHistory;
import dev.autocoder.workers.dataset.RowLines;
import dev.autocoder.workers.row.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A worker's dataset as published on the Hub, read newest first: after a restart with an empty disk (an HF Space
 * restarts with ephemeral storage) the worker continues its numbering and rotation from the Hub's last rows. It
 * walks the newest date folders first and downloads only as many files as the worker needs.
 */
@Component
class HubHistory implements RemoteHistory {

    private static final Logger log = LoggerFactory.getLogger(HubHistory.class);

    private final HubClient client;
    private final HubIdentity identity;
    private final HubSync sync;
    private final ObjectMapper mapper;

    public HubHistory(HubClient client, HubIdentity identity, HubSync sync, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.client = client;
        this.identity = identity;
        this.sync = sync;
        this.mapper = mapper;
    }

    @Override
    public boolean forEachRowNewestFirst(String worker, String dataset, Predicate<Row> action) {
        if (!sync.isActive(worker)) {
            return false;
        }
        String repoId;
        try {
            repoId = identity.repoId(dataset);
            if (client.repoInfo(RepoType.DATASET, repoId).isEmpty()) {
                return true; // never published: a fresh start
            }
            walk(repoId, "data", action);
            return true;
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.AUTH_REJECTED || e.kind() == HubException.Kind.FORBIDDEN) {
                // this will not heal by waiting: rows must keep accumulating locally meanwhile
                log.warn("Cannot read {} from the Hub ({}); the worker continues from its local store", dataset, e.getMessage());
                return false;
            }
            throw new IllegalStateException("cannot read " + dataset + " from the Hub to continue its numbering ("
                    + e.getMessage() + "); will try again", e);
        }
    }

    /** Newest entry first; returns false once the action has seen enough. */
    private boolean walk(String repoId, String folder, Predicate<Row> action) {
        List<HubClient.TreeEntry> entries = new ArrayList<>(client.tree(RepoType.DATASET, repoId, folder, false));
        entries.sort(Comparator.comparing(HubClient.TreeEntry::path).reversed());
        for (HubClient.TreeEntry entry : entries) {
            if ("directory".equals(entry.type())) {
                if (!walk(repoId, entry.path(), action)) {
                    return false;
                }
            } else if (entry.path().endsWith(".jsonl") && !readNewestFirst(repoId, entry.path(), action)) {
                return false;
            }
        }
        return true;
    }

    private boolean readNewestFirst(String repoId, String path, Predicate<Row> action) {
        return RowLines.forEachNewestFirst(client.download(RepoType.DATASET, repoId, "main", path), mapper,
                path + " of " + repoId + " on the Hub", action);
    }
}
