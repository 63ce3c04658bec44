package dev.autocoder.workers.pythonmodel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.analysis.cache.DiskCache;
import dev.autocoder.workers.row.Plural;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the shipped {@code autocoder_pymodel.py} helper (Python's own {@code ast} module) on a batch of files in
 * one process: the request goes in as JSON on stdin, the models come back as JSON on stdout. The helper bounds
 * each file by the per-file budget itself; this runner bounds the whole process by the sum of those budgets plus
 * a start-up allowance and kills it when that passes, so no file can hold a worker. The answer is read one file's
 * model at a time: a batch's whole answer as one tree took about 60 MB of the heap on twisted.
 */
final class PythonModelRunner {

    /** Deepest syntax nesting the helper models; deeper files get a per-file error. */
    static final int MAX_DEPTH = 100;
    private static final Duration START_UP = Duration.ofSeconds(15);
    private static final String SCRIPT = "/python/autocoder_pymodel.py";

    /** One file of a batch. */
    record Source(String path, String module, boolean packageInit, String text) {
    }

    private final String interpreter;
    private final Duration fileBudget;
    private final ObjectMapper mapper;
    private volatile Path script;

    PythonModelRunner(String interpreter, Duration fileBudget, ObjectMapper mapper) {
        this.mapper = mapper;
        this.interpreter = interpreter;
        this.fileBudget = fileBudget;
    }

    String interpreter() {
        return interpreter;
    }

    /** A digest of the helper's bytes: besides the file and the interpreter, what its answers depend on. */
    String scriptFingerprint() {
        try (InputStream in = PythonModelRunner.class.getResourceAsStream(SCRIPT)) {
            return in == null ? "missing" : DiskCache.sha256(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * Models a batch, handing each file's model to {@code eachFile} as it is read; empty when the batch ran through,
     * else why not (then the files not handed over have no model).
     */
    Optional<String> run(List<Source> sources, Consumer<JsonNode> eachFile) {
        ObjectNode request = mapper.createObjectNode();
        request.put("file_budget_seconds", fileBudget.toMillis() / 1000.0);
        request.put("max_depth", MAX_DEPTH);
        ArrayNode files = request.putArray("files");
        for (Source source : sources) {
            files.addObject().put("path", source.path()).put("module", source.module())
                    .put("package", source.packageInit()).put("text", source.text());
        }
        Path output = null;
        Path errors = null;
        Process process = null;
        try {
            output = Files.createTempFile("autocoder-pymodel", ".json");
            errors = Files.createTempFile("autocoder-pymodel", ".err");
            // -I: isolated mode, the target's own PYTHONPATH or site packages never run inside the helper
            process = new ProcessBuilder(interpreter, "-I", script().toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            delete(output, errors);
            return Optional.of("skipped: the Python interpreter `" + interpreter + "` could not be started ("
                    + e.getMessage() + "); install Python 3 (e.g. `apt-get install python3`) or set "
                    + "autocoder.python.interpreter");
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                mapper.writeValue(in, request);
            } catch (IOException e) {
                // the helper ended before reading its input: its exit status and stderr say why
            }
            Duration budget = START_UP.plus(fileBudget.multipliedBy(Math.max(1, sources.size())));
            if (!process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.of("the Python model helper did not finish within " + budget.toSeconds()
                        + " s for a batch of " + Plural.of(sources.size(), "file") + " and was stopped");
            }
            if (process.exitValue() != 0) {
                String stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
                String last = stderr.isEmpty() ? "no error output" : stderr.substring(stderr.lastIndexOf('\n') + 1);
                return Optional.of("the Python model helper failed with exit status " + process.exitValue()
                        + " (" + last + "); it needs Python 3.8 or newer (`" + interpreter + "`)");
            }
            readFiles(output, eachFile);
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while modelling Python files");
        } catch (IOException e) {
            return Optional.of("the Python model helper's answer could not be read: " + e.getMessage());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            delete(output, errors);
        }
    }

    /** Hands over the answer's {@code "files"} one at a time: only one file's tree is in memory at once. */
    private void readFiles(Path output, Consumer<JsonNode> eachFile) throws IOException {
        try (JsonParser parser = mapper.createParser(output.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean files = parser.currentName().equals("files");
                if (parser.nextToken() == JsonToken.START_ARRAY && files) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        eachFile.accept(mapper.readTree(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** The helper copied out of the jar once per runner (the interpreter needs a file). */
    private Path script() throws IOException {
        Path copied = script;
        if (copied == null || !Files.isRegularFile(copied)) {
            synchronized (this) {
                copied = script;
                if (copied == null || !Files.isRegularFile(copied)) {
                    copied = Files.createTempFile("autocoder_pymodel", ".py");
                    copied.toFile().deleteOnExit();
                    try (InputStream in = PythonModelRunner.class.getResourceAsStream(SCRIPT)) {
                        if (in == null) {
                            throw new IOException(SCRIPT + " is missing from the classpath");
                        }
                        Files.write(copied, in.readAllBytes());
                    }
                    script = copied;
                }
            }
        }
        return copied;
    }

    private static void delete(Path... paths) {
        for (Path path : paths) {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
