package dev.autocoder.workers.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one repository: its commit history (each commit keeps an immutable snapshot of every file, so
 * any commit can be read), and for Spaces the sdk, secrets and variables. Not thread-safe:
 * {@link FakeHub} guards every access with its state lock.
 */
final class FakeHubRepo {

    /** A subset of the .gitattributes the Hub puts in a new repository's initial commit. */
    static final String INITIAL_GITATTRIBUTES = """
            *.7z filter=lfs diff=lfs merge=lfs -text
            *.arrow filter=lfs diff=lfs merge=lfs -text
            *.bin filter=lfs diff=lfs merge=lfs -text
            *.gz filter=lfs diff=lfs merge=lfs -text
            *.npy filter=lfs diff=lfs merge=lfs -text
            *.parquet filter=lfs diff=lfs merge=lfs -text
            *.pt filter=lfs diff=lfs merge=lfs -text
            *.safetensors filter=lfs diff=lfs merge=lfs -text
            *.tar filter=lfs diff=lfs merge=lfs -text
            *.zip filter=lfs diff=lfs merge=lfs -text
            *.zst filter=lfs diff=lfs merge=lfs -text
            """;

    private static final AtomicLong COMMIT_SEQUENCE = new AtomicLong();

    /** One commit: its files are the whole tree at that commit; {@code paths} are the paths its operations named. */
    record Snapshot(String oid, String parent, String summary, List<String> paths,
                    NavigableMap<String, FakeHubFile> files) {
    }

    /** A secret or variable of a Space. */
    record Setting(String value, String description, Instant updatedAt) {
    }

    final String type;
    final String owner;
    final String name;
    final String id;
    boolean isPrivate;
    /** Spaces only: gradio, docker or static. */
    String sdk;
    final Map<String, Setting> secrets = new TreeMap<>();
    final Map<String, Setting> variables = new TreeMap<>();
    private final List<Snapshot> history = new ArrayList<>();
    /** When each commit sent through the API landed, for the per-hour commit quota. */
    private final Deque<Instant> apiCommitTimes = new ArrayDeque<>();

    FakeHubRepo(String type, String owner, String name, boolean isPrivate, Instant createdAt) {
        this.type = type;
        this.owner = owner;
        this.name = name;
        this.isPrivate = isPrivate;
        this.id = FakeHubFormats.objectId(type + "/" + owner + "/" + name + "/" + COMMIT_SEQUENCE.incrementAndGet());
        TreeMap<String, FakeHubFile> initial = new TreeMap<>();
        initial.put(".gitattributes", new FakeHubFile(INITIAL_GITATTRIBUTES.getBytes(StandardCharsets.UTF_8), false));
        commit("initial commit", List.of(".gitattributes"), initial, createdAt);
    }

    /** The URL path prefix of non-API URLs: "datasets/", "spaces/" or "" for models. */
    String urlPrefix() {
        return FakeHub.urlPrefix(type);
    }

    Snapshot head() {
        return history.get(history.size() - 1);
    }

    List<Snapshot> history() {
        return Collections.unmodifiableList(history);
    }

    /** The snapshot a revision names: the branch "main" or the full sha of one of this repo's commits. */
    Snapshot at(String revision) {
        if (revision.equals("main")) {
            return head();
        }
        for (Snapshot snapshot : history) {
            if (snapshot.oid().equals(revision)) {
                return snapshot;
            }
        }
        return null;
    }

    /** Makes a commit whose tree is {@code files}; returns it (it is the new head). */
    Snapshot commit(String summary, List<String> paths, NavigableMap<String, FakeHubFile> files, Instant time) {
        String parent = history.isEmpty() ? null : head().oid();
        StringBuilder identity = new StringBuilder("commit ").append(COMMIT_SEQUENCE.incrementAndGet())
                .append("\nparent ").append(parent).append("\ntime ").append(time).append("\n\n").append(summary);
        files.forEach((path, file) -> identity.append('\n').append(file.oid()).append(' ').append(path));
        String oid = FakeHubFormats.sha1Hex(identity.toString().getBytes(StandardCharsets.UTF_8));
        Snapshot snapshot = new Snapshot(oid, parent, summary, List.copyOf(paths),
                Collections.unmodifiableNavigableMap(new TreeMap<>(files)));
        history.add(snapshot);
        return snapshot;
    }

    /** Records a commit made through the API, for the commit quota. */
    void countApiCommit(Instant time) {
        apiCommitTimes.addLast(time);
    }

    /** The API commits within the hour before {@code now}, oldest first. */
    List<Instant> apiCommitsInLastHour(Instant now) {
        Instant windowStart = now.minusSeconds(3600);
        return apiCommitTimes.stream().filter(time -> time.isAfter(windowStart)).toList();
    }
}
