package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Ruff's own fixes for one rule in one file, the native way: {@code ruff check --fix --diff --select RULE FILE} on a
 * copy of the file in a temporary folder (at the same relative path, so {@code __init__.py} stays one; no
 * repository settings or cache next to it), plus the two checks a patched file must pass: ruff run on the patched
 * text with the same rule, and {@code python -m py_compile}. Only ruff's safe fixes are applied: the native CLI
 * decides that itself ({@code --fix} without {@code --unsafe-fixes}); bin/ruff-wasm applies only the rules
 * {@link RuffFixTable} lists as safe. Nothing in the repository is written.
 */
@Component
public class RuffFixer {

    /** What the project's code says about a file, and the edits ruff has no fix for (re-exports, undefined names, ...). */
    private static final String EDITS_SCRIPT = "autocoder_edits.py";

    private final RuffProcess ruff;
    private final ObjectMapper json;
    private final String interpreter;
    private final Duration budget;

    @Autowired
    public RuffFixer(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        this(properties.getPython().getRuffPath(), properties.getPython().getInterpreter(),
                properties.getAnalysis().getFileTimeBudget(), json);
    }

    /** Without Spring (the tests): a mapper made like the application's. */
    public RuffFixer(String ruffPath, String interpreter, Duration budget) {
        this(ruffPath, interpreter, budget, AutocoderJson.newObjectMapper());
    }

    private RuffFixer(String ruffPath, String interpreter, Duration budget, ObjectMapper json) {
        this.ruff = new RuffProcess(ruffPath, json);
        this.json = json;
        this.interpreter = interpreter;
        // a fix is one file, but ruff (or node for the WebAssembly build) has to start: at least 20 s
        this.budget = budget.compareTo(Duration.ofSeconds(20)) < 0 ? Duration.ofSeconds(20) : budget;
    }

    /** Ruff's diff, or why there is none; {@code diff} is empty when ruff has no safe fix to apply. */
    public record Diff(String diff, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * The diff of ruff's safe fixes for the rule in the file, headers as ruff writes them ({@code --- path}).
     *
     * @param path     repository-relative path of the Python file
     * @param content  its text at HEAD
     * @param settings the repository's settings (line length and target version matter to some fixes)
     */
    public Diff fixDiff(String path, String content, String rule, RuffSettings settings) {
        Path folder = null;
        try {
            folder = copy(path, content);
            return new Diff(ruff.fixDiff(folder, path, options(rule, settings), budget), null);
        } catch (RuffProcess.RuffFailure e) {
            return new Diff(null, e.getMessage());
        } catch (IOException e) {
            return new Diff(null, "cannot copy " + path + " for ruff (" + e.getMessage() + ")");
        } finally {
            deleteTree(folder);
        }
    }

    /** Ruff's findings of the rule on the text, as if it were the file at the path; empty on failure too. */
    public Optional<List<RuffDiagnostic>> check(String path, String content, String rule, RuffSettings settings) {
        Path folder = null;
        try {
            folder = copy(path, content);
            RuffSettings only = new RuffSettings(List.of(rule), List.of(), settings.maxComplexity(),
                    settings.lineLength(), settings.targetVersion(), Map.of(), List.of(), settings.typingModules(),
                    null, null);
            List<RuffDiagnostic> found = ruff.check(folder, List.of(path), only, budget).get(path);
            List<String> lines = content.lines().toList();
            return Optional.of(found.stream().filter(d -> rule.equals(d.code())).map(d -> d.withSnippetFrom(lines))
                    .toList());
        } catch (RuffProcess.RuffFailure | IOException e) {
            return Optional.empty();
        } finally {
            deleteTree(folder);
        }
    }

    /** Why {@code python -m py_compile} rejects the text; empty when it compiles. */
    public Optional<String> compileProblem(String path, String content) {
        Path folder = null;
        Process process = null;
        try {
            folder = copy(path, content);
            Path err = folder.resolve("py_compile.err");
            process = new ProcessBuilder(interpreter, "-I", "-m", "py_compile", path).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(err.toFile()).start();
            if (!process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of("py_compile took longer than " + budget.toSeconds() + " s");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            String message = Files.readString(err, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .reduce((first, second) -> second).orElse("exit code " + process.exitValue()).strip();
            return Optional.of(message.length() > 300 ? message.substring(0, 300) + "…" : message);
        } catch (IOException e) {
            return Optional.of("the Python interpreter `" + interpreter + "` could not be started ("
                    + e.getMessage() + "; autocoder.python.interpreter)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteTree(folder);
        }
    }

    /**
     * The project's uses of names the patched text no longer imports, each {@code path:line: imports NAME from
     * MODULE} (a re-export ruff cannot see from one file); empty when there are none. A helper that cannot run is a
     * use too, said as such: an unchecked removal is not verified.
     */
    public List<String> reExportsRemoved(Path repositoryRoot, String path, String patched) {
        Path folder = null;
        try {
            folder = copy(path, patched);
            Script run = script(folder, "reexports", repositoryRoot.toAbsolutePath().toString(), path,
                    folder.resolve(path).toString());
            if (run.problem() != null) {
                return List.of("the re-export check " + run.problem());
            }
            return run.lines();
        } catch (IOException e) {
            return List.of("the re-export check could not start (" + e.getMessage() + ")");
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * Where the project defines a name ruff's F821 reports undefined in the file, and the edit that defines it
     * there ({@code autocoder_edits.py undefined-name}): qualify it with a module the file imports, or import it.
     */
    public UndefinedName undefinedName(Path repositoryRoot, String path, String name, int line) {
        return answer("the definition search", UndefinedName::of, UndefinedName::none, "undefined-name",
                repositoryRoot.toAbsolutePath().toString(), path, name, String.valueOf(line));
    }

    /** The keywords for the positional arguments after the string of the {@code re} call on the line (B034). */
    public KeywordArguments keywordArguments(Path repositoryRoot, String path, int line) {
        return answer("the call search", KeywordArguments::of, KeywordArguments::none, "keywords",
                repositoryRoot.resolve(path).toAbsolutePath().toString(), String.valueOf(line));
    }

    /** The JSON object one command of the helper script prints, or {@code none} with why there is none. */
    private <T> T answer(String what, Function<JsonNode, T> of, Function<String, T> none, String command,
                         String... arguments) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("autocoder-" + command + "-");
            Script run = script(folder, command, arguments);
            return run.problem() != null ? none.apply(what + " " + run.problem())
                    : of.apply(json.readTree(String.join("\n", run.lines())));
        } catch (IOException e) {
            return none.apply(what + " could not run (" + e.getMessage() + ")");
        } finally {
            deleteTree(folder);
        }
    }

    /** What a helper script printed, or why it did not finish (its last line when it failed). */
    private record Script(List<String> lines, String problem) {
    }

    /** One command of python/autocoder_edits.py, run on a copy of the script in the folder. */
    private Script script(Path folder, String command, String... arguments) throws IOException {
        Path script = folder.resolve(EDITS_SCRIPT);
        try (InputStream in = RuffFixer.class.getResourceAsStream("/python/" + EDITS_SCRIPT)) {
            Files.copy(Objects.requireNonNull(in, "python/" + EDITS_SCRIPT + " is on the classpath"), script);
        }
        Path out = folder.resolve(command + ".out");
        List<String> line = new ArrayList<>(List.of(interpreter, "-I", script.toString(), command));
        line.addAll(List.of(arguments));
        Process process = null;
        try {
            process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Script(List.of(), "took longer than " + budget.toSeconds() + " s");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            if (process.exitValue() != 0) {
                return new Script(lines, "failed: " + lines.stream().reduce((a, b) -> b).orElse("exit code "
                        + process.exitValue()));
            }
            return new Script(lines, null);
        } catch (IOException e) {
            return new Script(List.of(), "could not start: the Python interpreter `" + interpreter + "` could not be "
                    + "started (" + e.getMessage() + "; autocoder.python.interpreter)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Script(List.of(), "was interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static List<String> options(String rule, RuffSettings settings) {
        List<String> options = new ArrayList<>(List.of("--isolated", "--no-cache", "--select", rule));
        if (settings.lineLength() != null) {
            options.add("--line-length");
            options.add(String.valueOf(settings.lineLength()));
        }
        if (settings.targetVersion() != null) {
            options.add("--target-version");
            options.add(settings.targetVersion());
        }
        return options;
    }

    private static Path copy(String path, String content) throws IOException {
        Path folder = Files.createTempDirectory("autocoder-ruff-fix-");
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder)) {
            throw new IOException(path + " is not a relative path inside the repository");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return folder;
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it up
        }
    }
}
