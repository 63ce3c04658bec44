package dev.autocoder.workers.python;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ruff CLI the tests run: {@code -Dautocoder.test.ruff=PATH}, else the native ruff on the PATH, else
 * bin/ruff-wasm when its WebAssembly package is installed (bin/install-ruff-wasm, which .ci/run runs). Without any,
 * tests that need ruff are skipped, except under CI=true, where that fails.
 */
public final class RuffCli {

    private RuffCli() {
    }

    public static String path() {
        Optional<String> found = find();
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but no ruff: .ci/run installs ruff's WebAssembly build (bin/install-ruff-wasm)");
        }
        assumeTrue(found.isPresent(), "no ruff on the PATH and bin/ruff-wasm is not installed (bin/install-ruff-wasm)");
        return found.get();
    }

    private static Optional<String> find() {
        String configured = System.getProperty("autocoder.test.ruff");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        for (String candidate : List.of("ruff", Path.of("bin/ruff-wasm").toAbsolutePath().toString())) {
            if ((candidate.equals("ruff") || Files.isExecutable(Path.of(candidate))) && runs(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean runs(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
