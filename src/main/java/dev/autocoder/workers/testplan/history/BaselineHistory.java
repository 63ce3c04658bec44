package dev.autocoder.workers.testplan.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.SourceFile;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The target's git history as the test planner needs it: the files that differ between a baseline commit and a
 * snapshot, with line counts from java-diff-utils, and file texts at the baseline. Reads only the object database
 * (never the work tree), so a concurrent reset of a clone cannot change what it reads.
 */
@Component
public class BaselineHistory {

    /** Texts larger than this are not read from history (same spirit as the snapshot's size limit). */
    static final int MAX_TEXT_BYTES = 1024 * 1024;

    /** The changes from the baseline commit to the snapshot; empty when the commit is not in the repository. */
    public Optional<ChangeSet> changes(Snapshot snapshot, String baseline) throws IOException {
        try (Repository repository = open(snapshot.root())) {
            if (repository == null) {
                return Optional.empty();
            }
            String prefix = prefix(repository, snapshot.root());
            Map<String, String> before = tree(repository, baseline, prefix);
            if (before == null) {
                return Optional.empty();
            }
            List<FileChange> changes = new ArrayList<>();
            Map<String, SourceFile> now = new HashMap<>();
            snapshot.files().forEach(f -> now.put(f.path(), f));
            try (ObjectReader reader = repository.newObjectReader()) {
                for (SourceFile file : snapshot.files()) {
                    String old = before.get(file.path());
                    if (old == null) {
                        changes.add(new FileChange(file.path(), "added", null, file.contentHash(), file.lines(), 0));
                    } else if (!old.equals(file.contentHash())) {
                        int[] lines = lineCounts(reader, old, snapshot, file);
                        changes.add(new FileChange(file.path(), "changed", old, file.contentHash(), lines[0], lines[1]));
                    }
                }
                for (Map.Entry<String, String> entry : before.entrySet()) {
                    if (!now.containsKey(entry.getKey()) && !skipped(entry.getKey())) {
                        String text = text(reader, entry.getValue());
                        int lines = text == null ? 0 : (int) text.lines().count();
                        changes.add(new FileChange(entry.getKey(), "removed", entry.getValue(), null, 0, lines));
                    }
                }
            }
            changes.sort((a, b) -> a.path().compareTo(b.path()));
            return Optional.of(new ChangeSet(baseline, List.copyOf(changes), Map.copyOf(before)));
        }
    }

    /** The text of a blob, or null when it is missing, binary or too large. */
    public Optional<String> text(Snapshot snapshot, String blobId) throws IOException {
        try (Repository repository = open(snapshot.root())) {
            if (repository == null) {
                return Optional.empty();
            }
            try (ObjectReader reader = repository.newObjectReader()) {
                return Optional.ofNullable(text(reader, blobId));
            }
        }
    }

    /** True when the commit exists in the snapshot's repository. */
    public boolean hasCommit(Snapshot snapshot, String commit) throws IOException {
        try (Repository repository = open(snapshot.root())) {
            return repository != null && commit(repository, commit) != null;
        }
    }

    private int[] lineCounts(ObjectReader reader, String oldBlob, Snapshot snapshot, SourceFile file) throws IOException {
        String old = text(reader, oldBlob);
        if (old == null || !file.isAnalyzableText()) {
            return new int[] {0, 0};
        }
        String now;
        ObjectId id = ObjectId.fromString(file.contentHash());
        now = reader.has(id) ? text(reader, file.contentHash()) : snapshot.read(file);
        if (now == null) {
            return new int[] {0, 0};
        }
        Patch<String> patch = DiffUtils.diff(Arrays.asList(old.split("\n", -1)), Arrays.asList(now.split("\n", -1)));
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        return new int[] {added, removed};
    }

    private static String text(ObjectReader reader, String blobId) throws IOException {
        try {
            ObjectLoader loader = reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB);
            if (loader.getSize() > MAX_TEXT_BYTES) {
                return null;
            }
            byte[] bytes = loader.getBytes();
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (MissingObjectException e) {
            return null;
        }
    }

    /** Path (relative to the snapshot root) to blob id of every file of the commit's tree, or null without the commit. */
    private static Map<String, String> tree(Repository repository, String commitId, String prefix) throws IOException {
        RevCommit commit = commit(repository, commitId);
        if (commit == null) {
            return null;
        }
        Map<String, String> blobs = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!prefix.isEmpty()) {
                walk.setFilter(PathFilter.create(prefix));
            }
            while (walk.next()) {
                if (walk.getFileMode(0) == FileMode.GITLINK || walk.getFileMode(0) == FileMode.SYMLINK) {
                    continue;
                }
                String path = walk.getPathString();
                String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
                blobs.put(relative, walk.getObjectId(0).name());
            }
        }
        return blobs;
    }

    private static RevCommit commit(Repository repository, String commitId) throws IOException {
        if (commitId == null || !ObjectId.isId(commitId)) {
            return null;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(ObjectId.fromString(commitId));
        } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return null;
        }
    }

    /** A path the snapshot never inventories (build output, vendored code): not a removal. */
    private static boolean skipped(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (SnapshotService.SKIPPED_FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }

    private static Repository open(Path folder) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        Repository repository = builder.build();
        if (repository.isBare()) {
            repository.close();
            return null;
        }
        return repository;
    }

    private static String prefix(Repository repository, Path folder) throws IOException {
        Path workTree = repository.getWorkTree().toPath().toRealPath();
        String relative = workTree.relativize(folder.toRealPath()).toString().replace('\\', '/');
        return relative;
    }
}
