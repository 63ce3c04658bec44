package dev.autocoder.workers.implementation.task;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The blob id of one file at one commit, read from the object database only (JGit). */
final class GitBlobs {

    private GitBlobs() {
    }

    /** The answer: the blob id, or why there is none. */
    record Lookup(String blobId, String problem) {
    }

    static Lookup blobAt(Path folder, String commitId, String path) {
        if (commitId == null || !ObjectId.isId(commitId)) {
            return new Lookup(null, "the analysis row names no commit");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return new Lookup(null, "the target has no git history");
        }
        try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit;
            try {
                commit = walk.parseCommit(ObjectId.fromString(commitId));
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                return new Lookup(null, "the analysis commit " + commitId + " is not in the repository");
            }
            String prefix = repository.isBare() ? "" : repository.getWorkTree().toPath().toRealPath()
                    .relativize(folder.toRealPath()).toString().replace('\\', '/');
            String inRepository = prefix.isEmpty() ? path : prefix + "/" + path;
            try (TreeWalk tree = TreeWalk.forPath(repository, inRepository, commit.getTree())) {
                return tree == null ? new Lookup(null, path + " did not exist at " + commitId)
                        : new Lookup(tree.getObjectId(0).name(), null);
            }
        } catch (IOException | RuntimeException e) {
            return new Lookup(null, "git history could not be read: " + e.getClass().getSimpleName());
        }
    }

    static Optional<String> blob(Path folder, String commitId, String path) {
        return Optional.ofNullable(blobAt(folder, commitId, path).blobId());
    }
}
