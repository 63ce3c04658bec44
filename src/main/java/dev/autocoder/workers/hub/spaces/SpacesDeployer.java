package dev.autocoder.workers.hub.spaces;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.hub.CommitPayload;
import dev.autocoder.workers.hub.FileUpload;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubException;
import dev.autocoder.workers.hub.RepoType;
import dev.autocoder.workers.row.Plural;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates or updates the four Spaces (three workers, one dashboard) through the Hub API: the repository, the
 * files the Docker build needs (the Space's README.md from {@code spaces/<folder>/}, the Dockerfile, the JVM
 * settings {@code bin/jvm-options}, the Maven wrapper, pom.xml and {@code src/main}), the secrets HF_TOKEN and
 * HF_USERNAME, and the variables that select the worker and the target repository. Unchanged files are not sent again, so a re-run updates in place.
 */
class SpacesDeployer {

    /** At most this many files per commit (the Hub advises 50 to 100). */
    static final int FILES_PER_COMMIT = 80;

    /** Files of the repository's root the image build needs (besides {@code src/main}); all must be there. */
    static final List<String> BUILD_FILES = List.of("Dockerfile", "bin/jvm-options", "pom.xml", "mvnw",
            ".mvn/wrapper/maven-wrapper.properties");

    private final HubClient client;
    private final PrintStream out;
    private final ObjectMapper json;

    /** @param json the application's mapper ({@code AutocoderJson.MAPPER}): writes the static Space's config.json */
    public SpacesDeployer(HubClient client, PrintStream out, ObjectMapper json) {
        this.client = client;
        this.out = out;
        this.json = json;
    }

    /** What to deploy. */
    public record Request(String owner, String token, Path source, String targetGitUrl, String targetBranch,
                          boolean privateSpaces) {
    }

    /** Where a deployed Space lives. */
    public record Deployed(String repoId, String pageUrl, String appUrl, int filesSent) {
    }

    /** Deploys every Space; stops at the first failure, which says plainly what went wrong. */
    public List<Deployed> deploy(Request request) {
        checkSource(request.source());
        List<Deployed> deployed = new ArrayList<>();
        for (SpaceDefinition space : SpaceDefinition.ALL) {
            deployed.add(deploy(request, space));
        }
        return deployed;
    }

    Deployed deploy(Request request, SpaceDefinition space) {
        String repoId = request.owner() + "/" + space.name();
        try {
            client.createRepo(RepoType.SPACE, request.owner(), space.name(), request.privateSpaces(), Map.of("sdk", "docker"));
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.PAYMENT_REQUIRED) {
                throw new DeployException("The Hub refused to create the Docker Space " + repoId + " (402 Payment Required): "
                        + "since July 2026 only paid accounts (PRO, Team, Enterprise) may create Docker Spaces. Either "
                        + "deploy on a paid account, or run the same image on any container host (see README, "
                        + "\"Deploying\") while the datasets stay on the free Hub.", e);
            }
            throw new DeployException("Creating the Space " + repoId + " failed: " + e.getMessage(), e);
        }
        int sent = upload(repoId, files(request.source(), space));
        client.addSpaceSecret(repoId, "HF_TOKEN", request.token());
        client.addSpaceSecret(repoId, "HF_USERNAME", request.owner());
        for (Map.Entry<String, String> variable : variables(request, space).entrySet()) {
            client.addSpaceVariable(repoId, variable.getKey(), variable.getValue());
        }
        String page = client.endpoint() + "/spaces/" + repoId;
        String app = "https://" + appHost(request, space);
        out.println(space.name() + ": " + page + " (app: " + app + ", " + Plural.of(sent, "file") + " updated)");
        return new Deployed(repoId, page, app, sent);
    }

    /**
     * Creates or updates the free static dashboard Space ({@code sdk: static}, which free accounts may create): the
     * page's files and a config.json naming the Hub endpoint and the owner. No secret or variable: the page reads
     * public datasets without a token.
     */
    public Deployed deployStaticDashboard(String owner, Path source, boolean privateSpace) {
        List<String> missing = StaticDashboardSpace.missing(source);
        if (!missing.isEmpty()) {
            throw new DeployException(source.toAbsolutePath().normalize() + " lacks the static dashboard's files: "
                    + String.join(", ", missing) + " (run from the repository's root or pass --source)");
        }
        List<FileUpload> files = StaticDashboardSpace.files(source, client.endpoint(), owner, json);
        String repoId = owner + "/" + StaticDashboardSpace.NAME;
        try {
            client.createRepo(RepoType.SPACE, owner, StaticDashboardSpace.NAME, privateSpace, Map.of("sdk", "static"));
        } catch (HubException e) {
            throw new DeployException("Creating the static Space " + repoId + " failed: " + e.getMessage(), e);
        }
        int sent = upload(repoId, files);
        String page = client.endpoint() + "/spaces/" + repoId;
        String app = StaticDashboardSpace.appUrl(owner);
        out.println(StaticDashboardSpace.NAME + ": " + page + " (app: " + app + ", " + Plural.of(sent, "file") + " updated)");
        return new Deployed(repoId, page, app, sent);
    }

    /**
     * Refuses a source without {@code spaces/} or without what the image build needs before anything is sent to
     * the Hub, so a command run from the wrong folder creates no empty Spaces.
     */
    static void checkSource(Path source) {
        Path spaces = source.resolve("spaces");
        if (!Files.isDirectory(spaces)) {
            throw new DeployException(spaces.toAbsolutePath().normalize() + " is missing: run deploy-spaces from the "
                    + "repository's root (the folder with spaces/, Dockerfile and pom.xml) or pass --source <repository root>");
        }
        List<String> missing = new ArrayList<>();
        for (SpaceDefinition space : SpaceDefinition.ALL) {
            if (!Files.isRegularFile(spaces.resolve(space.folder()).resolve("README.md"))) {
                missing.add("spaces/" + space.folder() + "/README.md");
            }
        }
        for (String name : BUILD_FILES) {
            if (!Files.isRegularFile(source.resolve(name))) {
                missing.add(name);
            }
        }
        if (!Files.isDirectory(source.resolve("src").resolve("main"))) {
            missing.add("src/main/");
        }
        if (!missing.isEmpty()) {
            throw new DeployException(source.toAbsolutePath().normalize() + " lacks what the Spaces are built from: "
                    + String.join(", ", missing));
        }
    }

    /** The Space's settings; the worker selection and target go in as variables (visible), the token as a secret. */
    static Map<String, String> variables(Request request, SpaceDefinition space) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AUTOCODER_WORKERS_ENABLED", space.workers());
        // without an admin token the dashboard answers only to loopback names and these
        variables.put("AUTOCODER_DASHBOARD_ALLOWED_HOSTS", appHost(request, space));
        if (space.readsHub()) {
            variables.put("AUTOCODER_DASHBOARD_SOURCE", "hub");
        } else {
            variables.put("AUTOCODER_TARGET_GIT_URL", request.targetGitUrl());
            if (request.targetBranch() != null) {
                variables.put("AUTOCODER_TARGET_BRANCH", request.targetBranch());
            }
        }
        return variables;
    }

    /** The name the Space's app is served under. */
    static String appHost(Request request, SpaceDefinition space) {
        return (request.owner() + "-" + space.name()).toLowerCase(Locale.ROOT).replace('_', '-') + ".hf.space";
    }

    /** Sends the files that differ from the Space's current ones, in commits of at most FILES_PER_COMMIT. */
    private int upload(String repoId, List<FileUpload> files) {
        Map<String, String> current = client.blobIds(RepoType.SPACE, repoId, files.stream().map(FileUpload::path).toList());
        List<FileUpload> changed = files.stream().filter(f -> !gitBlobId(f.content()).equals(current.get(f.path()))).toList();
        for (int from = 0; from < changed.size(); from += FILES_PER_COMMIT) {
            List<FileUpload> batch = changed.subList(from, Math.min(changed.size(), from + FILES_PER_COMMIT));
            Map<String, Boolean> lfs = client.preuploadNeedsLfs(RepoType.SPACE, repoId, batch);
            client.uploadLfs(RepoType.SPACE, repoId, batch.stream().filter(f -> lfs.getOrDefault(f.path(), false)).toList());
            String head = client.repoInfo(RepoType.SPACE, repoId).map(HubClient.RepoInfo::sha).orElse(null);
            CommitPayload payload = new CommitPayload("Deploy Autocoder Workers (" + batch.size() + " files)",
                    "Uploaded by the deploy-spaces command.", head);
            for (FileUpload file : batch) {
                if (lfs.getOrDefault(file.path(), false)) {
                    payload.addLfsFile(file.path(), file.sha256(), file.size());
                } else {
                    payload.addFile(file.path(), file.content());
                }
            }
            client.commit(RepoType.SPACE, repoId, payload);
        }
        return changed.size();
    }

    /** The files a Space needs to build the image from this repository. */
    static List<FileUpload> files(Path source, SpaceDefinition space) {
        List<FileUpload> files = new ArrayList<>();
        Path readme = source.resolve("spaces").resolve(space.folder()).resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            throw new DeployException(readme + " is missing: run the command from the repository's root or pass --source");
        }
        files.add(read(source, readme, "README.md"));
        for (String name : List.of("Dockerfile", ".dockerignore", "bin/jvm-options", "pom.xml", "mvnw",
                ".mvn/wrapper/maven-wrapper.properties")) {
            Path file = source.resolve(name);
            if (Files.isRegularFile(file)) {
                files.add(read(source, file, name));
            }
        }
        try (Stream<Path> walk = Files.walk(source.resolve("src").resolve("main"))) {
            walk.filter(Files::isRegularFile).sorted().forEach(f -> files.add(read(source, f, null)));
        } catch (IOException e) {
            throw new DeployException("cannot read " + source.resolve("src/main") + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static FileUpload read(Path source, Path file, String path) {
        try {
            String name = path != null ? path : source.relativize(file).toString().replace('\\', '/');
            return new FileUpload(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** git's blob id of the content, as the Hub reports it for a regular file. */
    static String gitBlobId(byte[] content) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content).name();
    }

    /** A deployment that cannot go on, with a message for the person running it. */
    public static class DeployException extends RuntimeException {
        public DeployException(String message, Throwable cause) {
            super(message, cause);
        }

        public DeployException(String message) {
            super(message);
        }
    }
}
