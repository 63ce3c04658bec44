package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Git churn per file: the commits reachable from the snapshot's commit whose commit time lies within
 * {@code autocoder.analysis.churn-window} before that commit's own time (not the wall clock, so the result
 * depends only on the history), and per file the number of those commits touching it and the lines added and
 * deleted (JGit diff, default comparator, rename detection on; root commits diff against the empty tree).
 *
 * <p>Merge commits are left out (their changes are counted on the commits they merge, as {@code git log
 * --numstat} does). Binary changes count as commits without lines. A renamed file's earlier changes count
 * under its current path; history of a path that was deleted or re-created later does not count for the file
 * now at that path. Only paths present in the snapshot are returned, sorted by path. Results are cached per
 * (folder, commit, window).
 */
@Component
public class GitChurn implements ChurnProvider {

    private static final int CACHED_HISTORIES = 8;

    private final Duration window;
    private final Map<CacheKey, Map<String, FileChurn>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Map<String, FileChurn>> eldest) {
            return size() > CACHED_HISTORIES;
        }
    };

    public GitChurn(AutocoderProperties properties) {
        this.window = properties.getAnalysis().getChurnWindow();
    }

    private record CacheKey(Path root, String commit, Duration window) {
    }

    @Override
    public synchronized Optional<List<FileChurn>> churn(Snapshot snapshot) {
        if (!snapshot.hasGitHistory() || snapshot.commit() == null) {
            return Optional.empty();
        }
        CacheKey key = new CacheKey(snapshot.root(), snapshot.commit(), window);
        Map<String, FileChurn> all = cache.get(key);
        if (all == null) {
            all = compute(snapshot.root(), snapshot.commit());
            cache.put(key, all);
        }
        return Optional.of(all.values().stream()
                .filter(churn -> snapshot.file(churn.path()).isPresent())
                .sorted(Comparator.comparing(FileChurn::path))
                .toList());
    }

    private Map<String, FileChurn> compute(Path root, String commit) {
        try (Repository repository = GitWorkTrees.open(root).orElseThrow(
                () -> new IOException(root + " is no longer in a git work tree"));
             ObjectReader objects = repository.newObjectReader();
             RevWalk walk = new RevWalk(objects);
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            String prefix = GitWorkTrees.prefix(repository, root);
            diff.setReader(objects, repository.getConfig());
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            if (!prefix.isEmpty()) {
                diff.setPathFilter(PathFilter.create(prefix));
            }
            RevCommit head = walk.parseCommit(ObjectId.fromString(commit));
            long since = head.getCommitTime() - window.toSeconds();
            walk.setRetainBody(false);
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(head);
            Tally tally = new Tally();
            // Every commit is looked at (not stopped at the first old one), so a commit with a skewed clock
            // cannot hide newer ones behind it.
            for (RevCommit each : walk) {
                if (each.getParentCount() <= 1 && each.getCommitTime() >= since) {
                    tally.add(diff, changes(diff, walk, objects, each));
                }
            }
            return tally.result(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("git churn of " + root + " at " + commit + ": " + e.getMessage(), e);
        }
    }

    private static List<DiffEntry> changes(DiffFormatter diff, RevWalk walk, ObjectReader objects, RevCommit commit)
            throws IOException {
        if (commit.getParentCount() == 0) {
            return diff.scan(new EmptyTreeIterator(), new CanonicalTreeParser(null, objects, commit.getTree()));
        }
        RevCommit parent = walk.parseCommit(commit.getParent(0));
        return diff.scan(parent.getTree(), commit.getTree());
    }

    /** Counts per current path while walking from the newest commit to the oldest. */
    private static final class Tally {

        private static final String GONE = "\0gone";

        private final Map<String, int[]> counts = new HashMap<>();
        /** Older git path → the path its history counts under now, or {@link #GONE}. */
        private final Map<String, String> currentPath = new HashMap<>();

        void add(DiffFormatter diff, List<DiffEntry> changes) throws IOException {
            Set<String> touched = new HashSet<>();
            Map<String, String> renamedFrom = new HashMap<>();
            Set<String> startedHere = new HashSet<>();
            for (DiffEntry change : changes) {
                boolean deleted = change.getChangeType() == DiffEntry.ChangeType.DELETE;
                String current = current(deleted ? change.getOldPath() : change.getNewPath());
                switch (change.getChangeType()) {
                    case ADD, COPY -> startedHere.add(change.getNewPath());
                    case DELETE -> startedHere.add(change.getOldPath());
                    case RENAME -> {
                        startedHere.add(change.getNewPath());
                        renamedFrom.put(change.getOldPath(), current);
                    }
                    default -> { }
                }
                if (current == null) {
                    continue;
                }
                int[] count = counts.computeIfAbsent(current, path -> new int[3]);
                if (touched.add(current)) {
                    count[0]++;
                }
                FileHeader header = diff.toFileHeader(change);
                if (header.getPatchType() == FileHeader.PatchType.UNIFIED) {
                    for (Edit edit : header.toEditList()) {
                        count[1] += edit.getLengthB();
                        count[2] += edit.getLengthA();
                    }
                }
            }
            // Older commits touching a path that starts (or ends) here changed another file; a rename's old
            // path continues the history of the file it became.
            startedHere.forEach(path -> currentPath.put(path, GONE));
            renamedFrom.forEach((oldPath, current) -> currentPath.put(oldPath, current == null ? GONE : current));
        }

        /** The path a change to {@code gitPath} counts under, or null when that file no longer exists. */
        private String current(String gitPath) {
            String mapped = currentPath.getOrDefault(gitPath, gitPath);
            return GONE.equals(mapped) ? null : mapped;
        }

        Map<String, FileChurn> result(String prefix) {
            String strip = prefix.isEmpty() ? "" : prefix + "/";
            Map<String, FileChurn> result = new HashMap<>();
            counts.forEach((gitPath, count) -> {
                if (gitPath.startsWith(strip)) {
                    String path = gitPath.substring(strip.length());
                    result.put(path, new FileChurn(path, count[0], count[1], count[2]));
                }
            });
            return result;
        }
    }
}
