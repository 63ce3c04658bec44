package dev.autocoder.workers.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Microsoft's SARIF Multitool (npm {@code @microsoft/sarif-multitool}), the validator GitHub code scanning's format follows. */
public final class SarifMultitool {

    private SarifMultitool() {
    }

    /** The error lines of {@code sarif-multitool validate}; skips (or fails under CI=true) without the tool. */
    public static List<String> errors(Path file) throws Exception {
        Optional<Path> tool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "sarif-multitool")).filter(Files::isExecutable).findFirst();
        if (tool.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but sarif-multitool is not on the PATH: .ci/run installs it (npm install -g @microsoft/sarif-multitool)");
        }
        Assumptions.assumeTrue(tool.isPresent(),
                "SARIF validation skipped: sarif-multitool is not on the PATH (npm install -g @microsoft/sarif-multitool)");
        Process process = new ProcessBuilder(tool.get().toString(), "validate", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("multitool output").contains("Analysis completed successfully");
        return output.lines().filter(l -> l.contains(": error ")).toList();
    }
}
