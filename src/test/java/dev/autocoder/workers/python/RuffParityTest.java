package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.repository.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our per-rule counts equal a direct run of the same ruff over the same folder with the same selection and
 * threshold, cold, warm from memory and warm from the disk cache after a restart.
 */
class RuffParityTest {

    @TempDir
    Path root;
    @TempDir
    Path cache;

    @Test
    void perRuleCountsEqualRuffsOwnRunOnTheSameFiles() throws Exception {
        String ruff = RuffCli.path();
        PlantedPython.write(root);
        TestSnapshots.write(root, "app/legacy.py", """
                from os.path import *
                import pickle


                def parse(text, cache={}):
                    if text in cache:
                        return cache[text]
                    value = eval(text)
                    for key in cache.keys():
                        print(key)
                    try:
                        return pickle.loads(value)
                    except Exception:
                        pass
                    if type(value) == int:
                        return value
                    return None == value
                """);
        TestSnapshots.write(root, "app/broken.py", "def broken(:\n    pass\n");
        Snapshot snapshot = TestSnapshots.of(root);

        RuffEngine engine = new RuffEngine(ruff, Duration.ofSeconds(60), cache);
        PythonLint cold = engine.analyze(snapshot);
        Map<String, Long> direct = directRun(ruff, cold.settings());

        assertThat(cold.ran()).isTrue();
        assertThat(PythonLint.countByRule(cold.violations())).isEqualTo(direct).containsKeys("B006", "S307", "C901");
        assertThat(cold.syntaxErrors()).extracting(RuffViolation::path).containsExactly("app/broken.py");
        assertThat(cold.filesFromCache()).isZero();

        PythonLint warm = engine.analyze(snapshot);
        assertThat(warm.filesFromCache()).isEqualTo(7);
        assertThat(PythonLint.countByRule(warm.violations())).isEqualTo(direct);

        PythonLint restarted = new RuffEngine(ruff, Duration.ofSeconds(60), cache).analyze(snapshot);
        assertThat(restarted.filesFromCache()).isEqualTo(7);
        assertThat(PythonLint.countByRule(restarted.violations())).isEqualTo(direct);
    }

    /** {@code ruff check} over the whole folder, at the threshold findings use, counted by rule from its JSON. */
    private Map<String, Long> directRun(String ruff, RuffSettings settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(ruff, "check", "--output-format=json", "--isolated",
                "--no-cache", "--exit-zero", "--select", String.join(",", settings.select()), "--ignore",
                String.join(",", settings.ignore()), "--config",
                "lint.mccabe.max-complexity = " + settings.maxComplexity(), "."));
        Path output = root.resolveSibling(root.getFileName() + "-ruff.json");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode item : new ObjectMapper().readTree(output.toFile())) {
            if (item.path("code").isTextual() && !item.path("code").asText().equals("invalid-syntax")) {
                counts.merge(item.path("code").asText(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
