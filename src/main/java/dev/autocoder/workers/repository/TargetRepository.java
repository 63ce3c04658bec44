package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The repository under analysis, resolved to a folder on disk.
 *
 * <ul>
 *   <li>Local mode ({@code autocoder.target.path}): the folder as it is. When it lies in a git work tree, HEAD's
 *       commit id is the snapshot commit and history is available.</li>
 *   <li>Git mode ({@code autocoder.target.git-url}): cloned with JGit into {@code autocoder.target.work-dir} on
 *       first use; before every snapshot the clone is fetched and hard-reset (and cleaned) to the head of
 *       {@code autocoder.target.branch}, or of the remote's default branch, so exactly that commit is analyzed.
 *       A failing fetch leaves the existing checkout alone; the next call tries again. Credentials are handled
 *       by {@link GitRemote} and never appear in a message or log line.</li>
 * </ul>
 * A clone made here carries a marker file in its {@code .git} folder; only such a clone is deleted and
 * re-cloned when the configured URL changes. A work dir holding anything else is never deleted.
 */
public class TargetRepository {

    static final String PATH_KEY = "autocoder.target.path";
    static final String WORK_DIR_KEY = "autocoder.target.work-dir";
    static final String BRANCH_KEY = "autocoder.target.branch";

    private static final Logger log = LoggerFactory.getLogger(TargetRepository.class);
    private static final int TIMEOUT_SECONDS = 60;
    private static final String REMOTE = Constants.DEFAULT_REMOTE_NAME;
    private static final String MARKER = "autocoder-clone";

    private final AutocoderProperties.Target target;
    /** Clones and fetches waiting on the remote now; {@link #abandonRemoteCalls()} cancels them. */
    private final Set<FutureTask<?>> remoteCalls = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Autowired // the single target's bean; the other constructor is for listed targets
    public TargetRepository(AutocoderProperties properties) {
        this(properties.getTarget());
    }

    /** One target of a list of targets ({@code autocoder.targets}), as the same settings the single target has. */
    public TargetRepository(AutocoderProperties.Target target) {
        this.target = target;
    }

    /** The target's stable id ({@link TargetIds}): its name and a short hash of its location and branch. */
    public String targetId() {
        // computed once: resolving a folder's real path costs a system call, and every row asks
        String id = targetId;
        if (id == null) {
            id = TargetIds.of(isGitMode() ? remote().url() : displayName(), target.getBranch());
            targetId = id;
        }
        return id;
    }

    private volatile String targetId;

    public boolean isGitMode() {
        return target.getGitUrl() != null;
    }

    /** The display name of the target: the git URL without credentials, or the folder's absolute path. */
    public String displayName() {
        if (isGitMode()) {
            return remote().url();
        }
        Path folder = target.getPath().toAbsolutePath().normalize();
        try {
            return folder.toRealPath().toString();
        } catch (IOException e) {
            return folder.toString();
        }
    }

    /**
     * Fail-fast start-up check: the local folder exists and is readable, or the git URL is well-formed and the
     * work dir is usable. An unreachable remote is only logged: it may come back, and each iteration retries.
     */
    public void validateAtStartup() {
        if (!isGitMode()) {
            readableFolder(PATH_KEY, target.getPath());
            return;
        }
        GitRemote remote = remote();
        Path workDir = workDir();
        if (Files.exists(workDir) && !Files.isDirectory(workDir)) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": " + workDir + " is not a directory");
        }
        try {
            Git.lsRemoteRepository().setRemote(remote.url()).setCredentialsProvider(remote.credentials())
                    .setTimeout(TIMEOUT_SECONDS).setHeads(true).call();
        } catch (GitAPIException | RuntimeException e) {
            log.warn("{}; will retry on every iteration", LogText.escape(remote.unreachable(e))); // a server's words
        }
    }

    /** Brings the target up to date (git mode: clone or fetch and reset) and tells where it is on disk. */
    public synchronized TargetCheckout checkout() {
        return isGitMode() ? gitCheckout() : localCheckout();
    }

    private TargetCheckout localCheckout() {
        Path folder = readableFolder(PATH_KEY, target.getPath());
        String commit;
        try {
            Optional<Repository> repository = GitWorkTrees.open(folder);
            try (Repository opened = repository.orElse(null)) {
                commit = opened == null ? null : GitWorkTrees.headCommit(opened);
            }
        } catch (IOException e) {
            throw new TargetUnavailableException(PATH_KEY + ": cannot read the git repository of " + folder + ": "
                    + GitRemote.describe(e));
        }
        return new TargetCheckout(folder, folder.toString(), commit);
    }

    private TargetCheckout gitCheckout() {
        GitRemote remote = remote();
        Path workDir = workDir();
        boolean needsClone = prepareWorkDir(remote, workDir);
        try (Git git = needsClone ? clone(remote, workDir) : Git.open(workDir.toFile())) {
            FetchResult fetched = needsClone ? null : fetch(git, remote);
            String commit = resetToRemoteHead(git, remote, fetched);
            return new TargetCheckout(workDir.toRealPath(), remote.url(), commit);
        } catch (IOException e) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": cannot open the clone in " + workDir + ": "
                    + remote.redact(GitRemote.describe(e)));
        }
    }

    /** Returns true when the work dir needs a fresh clone; deletes only a clone of another URL made by us. */
    private boolean prepareWorkDir(GitRemote remote, Path workDir) {
        if (!Files.exists(workDir)) {
            return true;
        }
        if (!Files.isDirectory(workDir)) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": " + workDir + " is not a directory");
        }
        if (isEmptyDirectory(workDir)) {
            return true;
        }
        String origin;
        try (Git git = Git.open(workDir.toFile())) {
            origin = git.getRepository().getConfig().getString("remote", REMOTE, "url");
        } catch (RepositoryNotFoundException e) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": " + workDir
                    + " is not empty and holds no git clone; empty it or choose another folder");
        } catch (IOException e) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": cannot open the clone in " + workDir + ": "
                    + remote.redact(GitRemote.describe(e)));
        }
        if (remote.url().equals(origin)) {
            return false;
        }
        if (!Files.exists(workDir.resolve(Constants.DOT_GIT).resolve(MARKER))) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": " + workDir + " holds a clone of "
                    + withoutCredentials(origin) + " that autocoder did not make; remove it or choose another folder");
        }
        log.info("{} holds a clone of {}; cloning {} instead", workDir, withoutCredentials(origin), remote.url());
        try {
            FileUtils.delete(workDir.toFile(), FileUtils.RECURSIVE);
        } catch (IOException e) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": cannot remove the old clone in " + workDir + ": "
                    + GitRemote.describe(e));
        }
        return true;
    }

    private Git clone(GitRemote remote, Path workDir) {
        CloneCommand clone = Git.cloneRepository()
                .setURI(remote.url())
                .setDirectory(workDir.toFile())
                .setCredentialsProvider(remote.credentials())
                .setTimeout(TIMEOUT_SECONDS);
        if (target.getBranch() != null) {
            clone.setBranch(target.getBranch());
        }
        Git git = abandonable(remote, () -> {
            Git cloned = clone.call();
            // written by the thread that cloned, so an abandoned clone that completes later still carries it
            Files.writeString(cloned.getRepository().getDirectory().toPath().resolve(MARKER),
                    remote.url() + "\n", StandardCharsets.UTF_8);
            return cloned;
        });
        log.info("Cloned {} into {}", remote.url(), workDir);
        return git;
    }

    private FetchResult fetch(Git git, GitRemote remote) {
        return abandonable(remote, () -> git.fetch().setRemote(REMOTE).setCredentialsProvider(remote.credentials())
                .setTimeout(TIMEOUT_SECONDS).setRemoveDeletedRefs(true).call());
    }

    /**
     * Runs a call to the remote on a thread of its own and waits for it, so that {@link #abandonRemoteCalls()} can
     * end the wait: a remote that holds the connection open keeps a blocking socket read going until the git
     * timeout, and a socket read does not answer to an interrupt.
     */
    private <T> T abandonable(GitRemote remote, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        remoteCalls.add(task);
        try {
            if (stopping) {
                task.cancel(true);
            } else {
                Thread thread = new Thread(task, "autocoder-git-remote");
                thread.setDaemon(true); // an abandoned call must not hold the JVM up
                thread.start();
            }
            return task.get();
        } catch (ExecutionException e) {
            throw new TargetUnavailableException(remote.unreachable(e.getCause()));
        } catch (CancellationException e) {
            throw new TargetUnavailableException(GitRemote.KEY + ": " + remote.url()
                    + ": the call to the remote was abandoned, the application is stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new TargetUnavailableException(GitRemote.KEY + ": " + remote.url()
                    + ": the call to the remote was abandoned, its thread was interrupted");
        } finally {
            remoteCalls.remove(task);
        }
    }

    /**
     * At shutdown: every clone or fetch waiting on the remote now, and any later one, ends its iteration at once with
     * a {@link TargetUnavailableException} (an error row) instead of holding the shutdown until the git timeout. The
     * abandoned call itself goes on, on its daemon thread, until the remote answers or times out.
     */
    public void abandonRemoteCalls() {
        stopping = true;
        for (FutureTask<?> call : remoteCalls) {
            call.cancel(true);
        }
    }

    /** Hard-resets and cleans the work tree to the remote branch head; returns that commit id. */
    private String resetToRemoteHead(Git git, GitRemote remote, FetchResult fetched) throws IOException {
        Repository repository = git.getRepository();
        String branch = target.getBranch() != null ? target.getBranch() : defaultBranch(repository, fetched);
        Ref head = repository.exactRef(Constants.R_REMOTES + REMOTE + "/" + branch);
        if (head == null) {
            throw new TargetUnavailableException(BRANCH_KEY + ": branch '" + branch + "' not found in " + remote.url());
        }
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.getObjectId().name()).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
        } catch (GitAPIException | RuntimeException e) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": cannot update the clone in " + workDir() + ": "
                    + remote.redact(GitRemote.describe(e)));
        }
        return head.getObjectId().name();
    }

    /** The branch the remote's HEAD points at (as advertised on fetch), else the branch the clone checked out. */
    private static String defaultBranch(Repository repository, FetchResult fetched) throws IOException {
        Ref advertised = fetched == null ? null : fetched.getAdvertisedRef(Constants.HEAD);
        if (advertised != null && advertised.isSymbolic()
                && advertised.getTarget().getName().startsWith(Constants.R_HEADS)) {
            return advertised.getTarget().getName().substring(Constants.R_HEADS.length());
        }
        return repository.getBranch();
    }

    private GitRemote remote() {
        return GitRemote.parse(target.getGitUrl(), target.getGitToken());
    }

    private Path workDir() {
        return target.getWorkDir().toAbsolutePath().normalize();
    }

    /** Checks that a configured folder can be walked and returns its real path. */
    static Path readableFolder(String key, Path configured) {
        Path folder = configured.toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            throw new TargetUnavailableException(key + ": " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new TargetUnavailableException(key + ": " + folder + " is not a directory");
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            throw new TargetUnavailableException(key + ": " + folder + " is not readable");
        }
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new TargetUnavailableException(key + ": " + folder + " is not readable: " + GitRemote.describe(e));
        }
    }

    private static boolean isEmptyDirectory(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new TargetUnavailableException(WORK_DIR_KEY + ": " + folder + " is not readable: "
                    + GitRemote.describe(e));
        }
    }

    private static String withoutCredentials(String url) {
        if (url == null) {
            return "no remote";
        }
        try {
            return new URIish(url).setUser(null).setPass(null).toString();
        } catch (URISyntaxException e) {
            return "an unparseable URL";
        }
    }
}
