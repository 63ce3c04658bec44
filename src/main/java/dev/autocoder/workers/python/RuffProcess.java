package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ruff CLI as an external process: {@code ruff --version} and {@code ruff check --output-format=json} over
 * a list of files, each run under a time budget (the process and its children are killed past it). Output goes to
 * temporary files, so a large report never blocks the process on a full pipe.
 */
final class RuffProcess {

    /** How the native ruff is installed, for rows that say it is missing. */
    static final String INSTALL = "install ruff (pip install ruff==" + RuffProcess.PINNED + ", as the Docker image does)"
            + " or, without PyPI, its WebAssembly build: bin/install-ruff-wasm (used when there is no ruff on the "
            + "PATH, or set autocoder.python.ruff-path=bin/ruff-wasm)";
    /** The ruff version the Docker image, .ci/run and bin/ruff-wasm pin. */
    static final String PINNED = "0.17.4";
    /** The setting's default: the ruff on the PATH, else {@link #WEB_ASSEMBLY}. */
    static final String DEFAULT = "ruff";
    /** The script over ruff's WebAssembly build, in the working folder of a clone (.ci/run installs its package). */
    static final String WEB_ASSEMBLY = "bin/ruff-wasm";
    /** The clone bin/autocoder-workers runs from (it sets this), where bin/ruff-wasm may be. */
    static final String HOME_PROPERTY = "autocoder.home";

    private final String command;

    private final ObjectMapper json;

    RuffProcess(String ruffPath, ObjectMapper json) {
        this.json = json;
        String home = System.getProperty(HOME_PROPERTY);
        this.command = home == null || home.isBlank() ? command(ruffPath, System.getenv("PATH"), Path.of(""))
                : command(ruffPath, System.getenv("PATH"), Path.of(""), Path.of(home));
    }

    /**
     * The command to run for a setting. A path with a folder resolves against the working folder, since ruff runs in
     * the target's root. The default, {@code ruff}, is the ruff on the PATH; without one, the first
     * {@code bin/ruff-wasm} (what {@code .ci/run} installs) of the working folder or the clone the launcher was run
     * from, so {@code ./mvnw -Prun}, and {@code bin/autocoder-workers} from any folder, on a Python repository run the
     * rules on a machine that could not install the native ruff.
     */
    static String command(String ruffPath, String pathVariable, Path... cloneFolders) {
        if (ruffPath.equals(DEFAULT) && !onPath(DEFAULT, pathVariable)) {
            for (Path clone : cloneFolders) {
                if (Files.isExecutable(clone.resolve(WEB_ASSEMBLY))) {
                    ruffPath = clone.resolve(WEB_ASSEMBLY).toString();
                    break;
                }
            }
        }
        return ruffPath.contains("/") ? Path.of(ruffPath).toAbsolutePath().normalize().toString() : ruffPath;
    }

    private static boolean onPath(String name, String pathVariable) {
        if (pathVariable == null) {
            return false;
        }
        for (String folder : pathVariable.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return true;
            }
        }
        return false;
    }

    String command() {
        return command;
    }

    /** A run that did not produce a report. */
    static final class RuffFailure extends Exception {
        private final boolean timedOut;

        RuffFailure(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }

        boolean timedOut() {
            return timedOut;
        }
    }

    /** {@code ruff --version}'s line (e.g. "ruff 0.17.4"). */
    String version(Duration budget) throws RuffFailure {
        Output output = run(List.of(command, "--version"), Path.of("."), budget);
        if (output.exitCode() != 0) {
            throw new RuffFailure(command + " --version exited with " + output.exitCode() + ": " + output.firstErrorLine(),
                    false);
        }
        return output.stdout().strip();
    }

    /** Diagnostics per repository-relative path (every given path has an entry), from one run over the files. */
    Map<String, List<RuffDiagnostic>> check(Path root, List<String> paths, RuffSettings settings, Duration budget)
            throws RuffFailure {
        List<String> commandLine = new ArrayList<>(List.of(command, "check"));
        commandLine.addAll(settings.arguments());
        commandLine.add("--");
        commandLine.addAll(paths);
        Output output = run(commandLine, root, budget);
        if (output.exitCode() != 0) {
            throw new RuffFailure("ruff exited with " + output.exitCode() + ": " + output.firstErrorLine(), false);
        }
        Map<String, List<RuffDiagnostic>> byPath = new LinkedHashMap<>();
        paths.forEach(p -> byPath.put(p, new ArrayList<>()));
        Map<String, String> known = new HashMap<>();
        for (String path : paths) {
            known.put(root.resolve(path).toAbsolutePath().normalize().toString(), path);
            known.put(path, path);
            try {
                known.put(root.resolve(path).toRealPath().toString(), path);
            } catch (IOException e) {
                // the unresolved name above still maps it
            }
        }
        JsonNode report;
        try {
            report = json.readTree(output.stdout());
        } catch (IOException e) {
            throw new RuffFailure("ruff's output is not JSON (" + e.getClass().getSimpleName() + ")", false);
        }
        if (report == null || !report.isArray()) {
            throw new RuffFailure("ruff's output is not a JSON array", false);
        }
        for (JsonNode item : report) {
            String path = known.get(item.path("filename").asText());
            if (path == null) {
                path = known.get(Path.of(item.path("filename").asText()).toAbsolutePath().normalize().toString());
            }
            if (path != null) {
                byPath.get(path).add(diagnostic(item));
            }
        }
        return byPath;
    }

    /**
     * {@code ruff check --fix --diff} over one file: the unified diff of the fixes ruff would apply (empty when none).
     * Ruff exits with 1 when there is a diff, 0 without; anything else is a failure.
     */
    String fixDiff(Path workDir, String path, List<String> options, Duration budget) throws RuffFailure {
        List<String> commandLine = new ArrayList<>(List.of(command, "check", "--fix", "--diff"));
        commandLine.addAll(options);
        commandLine.add("--");
        commandLine.add(path);
        Output output = run(commandLine, workDir, budget);
        if (output.exitCode() != 0 && output.exitCode() != 1) {
            throw new RuffFailure("ruff --fix --diff exited with " + output.exitCode() + ": " + output.firstErrorLine(),
                    false);
        }
        return output.stdout();
    }

    private static RuffDiagnostic diagnostic(JsonNode item) {
        JsonNode fix = item.path("fix");
        JsonNode code = item.path("code");
        return new RuffDiagnostic(code.isTextual() ? code.asText() : null, item.path("message").asText(),
                item.path("location").path("row").asInt(), item.path("location").path("column").asInt(),
                item.path("end_location").path("row").asInt(), item.path("end_location").path("column").asInt(),
                fix.path("applicability").isTextual() ? fix.path("applicability").asText() : null,
                fix.isObject() ? fix.path("message").asText("") : null, null);
    }

    private record Output(int exitCode, String stdout, String stderr) {
        String firstErrorLine() {
            String line = stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("no message").strip();
            return line.length() > 300 ? line.substring(0, 300) + "…" : line;
        }
    }

    private static Output run(List<String> commandLine, Path workDir, Duration budget) throws RuffFailure {
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            out = Files.createTempFile("ruff-", ".json");
            err = Files.createTempFile("ruff-", ".err");
            process = new ProcessBuilder(commandLine).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RuffFailure("ruff took longer than its time budget (" + budget.toMillis() + " ms)", true);
            }
            return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuffFailure("cannot run " + commandLine.get(0) + " (" + e.getMessage() + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuffFailure("interrupted", false);
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the OS cleans it up
            }
        }
    }
}
