package dev.autocoder.workers.gate;

import dev.autocoder.workers.row.Plural;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gate asks the target's git history (JGit): where new code starts, and whether the lines of a finding
 * were changed after that start (git blame, the fallback when the rows at the baseline cannot say).
 */
final class GitHistory implements AutoCloseable {

    private static final int MAX_VERDICTS = 50_000;

    private final Repository repository;
    private final Path root;
    private final Map<String, Optional<BlameResult>> blames = new HashMap<>();
    private final Map<String, Boolean> reachableFromBaseline = new HashMap<>();
    private final Map<String, Optional<Boolean>> verdicts = new HashMap<>();

    private GitHistory(Repository repository, Path root) {
        this.repository = repository;
        this.root = root;
    }

    /** The folder it was opened on (where the analysis read the target, so where its coverage reports lie). */
    Path root() {
        return root;
    }

    /** The git repository of a work tree, or empty when the folder is not in one. */
    static Optional<GitHistory> open(Path workTree) {
        if (workTree == null || !Files.isDirectory(workTree)) {
            return Optional.empty();
        }
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true);
            if (builder.getGitDir() == null) {
                return Optional.empty();
            }
            Repository repository = builder.build();
            if (repository.resolve("HEAD") == null) {
                repository.close();
                return Optional.empty();
            }
            return Optional.of(new GitHistory(repository, workTree));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the commit exists in this repository (rows of another repository must not be blamed here). */
    boolean hasCommit(String commit) {
        return commit != null && parse(commit).isPresent();
    }

    /** The baseline the setting names, as seen from {@code head} (a commit id; HEAD when null). */
    NewCodeBaseline resolve(NewCodeSetting setting, String head, Instant now) {
        Optional<RevCommit> headCommit = parse(head == null ? "HEAD" : head);
        if (headCommit.isEmpty()) {
            return NewCodeBaseline.unresolved(setting, "commit " + head + " is not in the repository");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit tip = walk.parseCommit(headCommit.get());
            return switch (setting.kind()) {
                case COMMIT -> parse(setting.value())
                        .map(c -> NewCodeBaseline.at(setting, c.name(), "commit " + c.name()))
                        .orElseGet(() -> NewCodeBaseline.unresolved(setting, "no commit or tag '" + setting.value() + "'"));
                case BRANCH -> branchBase(setting, walk, tip);
                case DAYS -> daysBack(setting, walk, tip, now, setting.days(), "");
                case PREVIOUS_TAG -> previousTag(setting, walk, tip)
                        .orElseGet(() -> daysBackQuietly(setting, tip, now));
            };
        } catch (IOException e) {
            return NewCodeBaseline.unresolved(setting, "git history unreadable: " + e.getMessage());
        }
    }

    /**
     * The default's fallback: the last commit at least 30 days old. When the whole history is younger (no tag, a new
     * repository) there is no baseline yet: counting every finding as new would tell a first-time user nothing.
     */
    private NewCodeBaseline daysBackQuietly(NewCodeSetting setting, RevCommit tip, Instant now) {
        try (RevWalk walk = new RevWalk(repository)) {
            NewCodeBaseline back = daysBack(setting, walk, walk.parseCommit(tip), now, NewCodeSetting.DEFAULT_DAYS,
                    "no previous tag: ");
            if (!back.beforeHistory()) {
                return back;
            }
            int commits = 0;
            Instant first = null;
            walk.reset();
            for (RevCommit commit = walk.parseCommit(tip); commit != null;
                 commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0))) {
                commits++;
                first = Instant.ofEpochSecond(commit.getCommitTime());
            }
            return NewCodeBaseline.notYet(setting, "no tag, and the whole history (" + commits
                    + (commits == 1 ? " commit" : " commits") + ", the first on " + first.toString().substring(0, 10)
                    + ") is younger than " + NewCodeSetting.DEFAULT_DAYS + " days");
        } catch (IOException e) {
            return NewCodeBaseline.unresolved(setting, "git history unreadable: " + e.getMessage());
        }
    }

    private NewCodeBaseline branchBase(NewCodeSetting setting, RevWalk walk, RevCommit tip) throws IOException {
        Ref ref = repository.findRef(setting.value());
        if (ref == null) {
            ref = repository.findRef("refs/remotes/origin/" + setting.value());
        }
        if (ref == null) {
            return NewCodeBaseline.unresolved(setting, "no branch '" + setting.value() + "' in the repository");
        }
        RevCommit branch = walk.parseCommit(ref.getObjectId());
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(List.of(tip, branch));
        RevCommit base = walk.next();
        if (base == null) {
            return NewCodeBaseline.wholeHistory(setting, "no common history with branch " + setting.value());
        }
        return NewCodeBaseline.at(setting, base.name(), "merge base with branch " + setting.value() + " (" + shortId(base) + ")");
    }

    /** The newest first-parent ancestor committed at least {@code days} before now. */
    private NewCodeBaseline daysBack(NewCodeSetting setting, RevWalk walk, RevCommit tip, Instant now, int days,
                                     String prefix) throws IOException {
        Instant limit = now.minusSeconds(days * 86_400L);
        RevCommit commit = tip;
        while (commit != null) {
            walk.parseHeaders(commit);
            if (!Instant.ofEpochSecond(commit.getCommitTime()).isAfter(limit)) {
                return NewCodeBaseline.at(setting, commit.name(), prefix + "last commit at least "
                        + Plural.of(days, "day") + " old (" + shortId(commit) + ")");
            }
            commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        }
        return NewCodeBaseline.wholeHistory(setting, prefix + "the history is younger than " + Plural.of(days, "day")
                + ": all code is new");
    }

    /** The tag on the newest ancestor of HEAD other than HEAD itself. */
    private Optional<NewCodeBaseline> previousTag(NewCodeSetting setting, RevWalk walk, RevCommit tip) throws IOException {
        RevCommit best = null;
        String bestName = null;
        for (Ref tag : repository.getRefDatabase().getRefsByPrefix("refs/tags/")) {
            Ref peeled = repository.getRefDatabase().peel(tag);
            ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : tag.getObjectId();
            RevCommit commit;
            try {
                commit = walk.parseCommit(target);
            } catch (IOException notACommit) {
                continue;
            }
            if (commit.equals(tip) || !walk.isMergedInto(commit, tip)) {
                continue;
            }
            if (best == null || commit.getCommitTime() > best.getCommitTime()) {
                best = commit;
                bestName = Repository.shortenRefName(tag.getName());
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(NewCodeBaseline.at(setting, best.name(), "tag " + bestName + " (" + shortId(best) + ")"));
    }

    /**
     * Whether any line of {@code from..to} (1-based) of the file at {@code head} was last changed by a commit the
     * baseline does not contain; empty when blame cannot say (the file is not in that commit, or lines are out of range).
     */
    Optional<Boolean> changedAfter(NewCodeBaseline baseline, String head, String file, int from, int to) {
        if (baseline.beforeHistory()) {
            return Optional.of(true);
        }
        String key = baseline.commit() + ':' + head + ':' + file + ':' + from + '-' + to;
        Optional<Boolean> known = verdicts.get(key);
        if (known != null) {
            return known;
        }
        Optional<Boolean> verdict = blameVerdict(baseline, head, file, from, to);
        if (verdicts.size() > MAX_VERDICTS) {
            verdicts.clear();
        }
        verdicts.put(key, verdict);
        return verdict;
    }

    private String changedFilesKey;
    private Map<String, Set<Integer>> changedFiles;

    /** The diff since the baseline, once per baseline and head; null when it cannot be made. */
    private Map<String, Set<Integer>> changedFiles(NewCodeBaseline baseline, String head) {
        String key = baseline.commit() + ':' + head;
        if (!key.equals(changedFilesKey)) {
            changedFilesKey = key;
            try {
                changedFiles = addedLines(baseline, head);
            } catch (IOException | RuntimeException e) {
                changedFiles = null;
            }
        }
        return changedFiles;
    }

    /** Forgets the blames of files (kept only within one evaluation: they are large); verdicts stay. */
    void forgetBlames() {
        blames.clear();
    }

    private Optional<Boolean> blameVerdict(NewCodeBaseline baseline, String head, String file, int from, int to) {
        // a file the diff since the baseline does not touch is as it was: no need to blame it
        Map<String, Set<Integer>> changed = changedFiles(baseline, head);
        if (changed != null && !changed.containsKey(file)) {
            return Optional.of(false);
        }
        Optional<BlameResult> blame = blames.computeIfAbsent(head + ':' + file, k -> blame(head, file));
        if (blame.isEmpty()) {
            return Optional.empty();
        }
        int lines = blame.get().getResultContents().size();
        if (from < 1 || from > lines) {
            return Optional.empty();
        }
        for (int line = from; line <= Math.min(Math.max(from, to), lines); line++) {
            RevCommit source = blame.get().getSourceCommit(line - 1);
            if (source == null) {
                return Optional.empty();
            }
            if (!reachable(source.name(), baseline.commit())) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    private boolean reachable(String commit, String baseline) {
        return reachableFromBaseline.computeIfAbsent(commit + ':' + baseline, key -> {
            try (RevWalk walk = new RevWalk(repository)) {
                return walk.isMergedInto(walk.parseCommit(repository.resolve(commit)),
                        walk.parseCommit(repository.resolve(baseline)));
            } catch (IOException e) {
                return false;
            }
        });
    }

    private Optional<BlameResult> blame(String head, String file) {
        try (Git git = new Git(repository)) {
            ObjectId start = repository.resolve(head == null ? "HEAD" : head);
            if (start == null) {
                return Optional.empty();
            }
            BlameResult result = git.blame().setStartCommit(start).setFilePath(file).call();
            if (result == null) {
                return Optional.empty();
            }
            result.computeAll();
            return Optional.of(result);
        } catch (GitAPIException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines (1-based) each file gained between the baseline and head; every line when all code is new. */
    Map<String, Set<Integer>> addedLines(NewCodeBaseline baseline, String head) throws IOException {
        Map<String, Set<Integer>> added = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository);
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDiffComparator(RawTextComparator.WS_IGNORE_TRAILING);
            diff.setDetectRenames(true);
            RevCommit headCommit = walk.parseCommit(repository.resolve(head == null ? "HEAD" : head));
            AbstractTreeIterator oldTree = baseline.beforeHistory() ? new EmptyTreeIterator()
                    : tree(walk.parseCommit(repository.resolve(baseline.commit())));
            for (DiffEntry entry : diff.scan(oldTree, tree(headCommit))) {
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) {
                    continue;
                }
                Set<Integer> lines = new TreeSet<>();
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
                        lines.add(line + 1);
                    }
                }
                if (!lines.isEmpty()) {
                    added.put(entry.getNewPath(), lines);
                }
            }
        }
        return added;
    }

    /** The files of the commit (HEAD when null), as repository paths. */
    List<String> files(String head) throws IOException {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(repository.resolve(head == null ? "HEAD" : head)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }

    private CanonicalTreeParser tree(RevCommit commit) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser();
        try (var reader = repository.newObjectReader()) {
            parser.reset(reader, commit.getTree());
        }
        return parser;
    }

    private Optional<RevCommit> parse(String revision) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String shortId(RevCommit commit) {
        return commit.name().substring(0, 12);
    }

    @Override
    public void close() {
        repository.close();
    }
}
