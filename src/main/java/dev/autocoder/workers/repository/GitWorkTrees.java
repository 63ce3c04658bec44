package dev.autocoder.workers.repository;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the git work tree a folder belongs to (the folder itself or an ancestor holding {@code .git}). */
final class GitWorkTrees {

    private GitWorkTrees() {
    }

    /** The non-bare repository whose work tree contains the folder; the caller closes it. */
    static Optional<Repository> open(Path folder) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        Repository repository = builder.build();
        if (repository.isBare()) {
            repository.close();
            return Optional.empty();
        }
        return Optional.of(repository);
    }

    /** HEAD's commit id, or null while HEAD is unborn (a repository without commits). */
    static String headCommit(Repository repository) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
        return head == null ? null : head.name();
    }

    /** The folder relative to the work tree, '/'-separated; empty when it is the work tree itself. */
    static String prefix(Repository repository, Path folder) throws IOException {
        Path workTree = repository.getWorkTree().toPath().toRealPath();
        return slashes(workTree.relativize(folder.toRealPath()));
    }

    static String slashes(Path relative) {
        String separator = relative.getFileSystem().getSeparator();
        return separator.equals("/") ? relative.toString() : relative.toString().replace(separator, "/");
    }
}
