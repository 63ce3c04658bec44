package dev.autocoder.workers.gate;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A gate's {@link AnalysisHistory} as kept on disk ({@code {store}/.state/gate-{dataset}.json}, a listed target's
 * {@code gate-{dataset}.{target_id}.json}), so that a restart reads only the rows written since instead of the whole
 * analysis dataset. It also keeps what the rows no
 * longer hold once the store's retention removed them: the results at older commits (a new-code baseline) and the
 * complete findings of the latest results this process computed.
 *
 * @param format          {@link #FORMAT} when written; a checkpoint of another format is not read
 * @param writtenAt       when it was written: the data files changed since then (and a margin before) are read again
 * @param newestIteration the newest analysis iteration taken in; a store whose rows end before it was replaced
 * @param latest          each perspective's latest ok row
 * @param latestComplete  per perspective, every finding of its latest row, when this process knew them all
 * @param results         per perspective, its results by commit, oldest first (the order they are forgotten in)
 * @param commits         the commit analyzed from each instant on, oldest first (a row only where the commit changed)
 */
record GateCheckpoint(int format, Instant writtenAt, long newestIteration, List<Row> latest,
                      Map<String, List<Finding>> latestComplete, Map<String, List<RecordedResult>> results,
                      List<CommitAnalyzed> commits) {

    /** Raise it whenever {@link AnalysisHistory} keeps rows differently: an old checkpoint then means a full rebuild. */
    static final int FORMAT = 1;

    /** Of this format and with every part there (a file cut short or edited by hand is not used). */
    boolean isUsable() {
        return format == FORMAT && writtenAt != null && latest != null && latestComplete != null && results != null
                && commits != null;
    }

    record CommitAnalyzed(Instant at, String commit) {
    }
}
