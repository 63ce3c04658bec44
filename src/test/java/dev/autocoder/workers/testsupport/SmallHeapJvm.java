package dev.autocoder.workers.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a main class of the test classpath in a JVM of its own with a heap smaller than the data it reads, the way
 * a memory bound is shown without asserting on sizes: the JVM either finishes or runs out of heap.
 */
public final class SmallHeapJvm {
    private SmallHeapJvm() {
    }

    /** Runs it to the end and answers what it printed; fails when it does not exit normally within three minutes. */
    public static String run(String heap, Path folder, Class<?> mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaBinary(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Path log = folder.resolve(mainClass.getSimpleName() + ".log");
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!jvm.waitFor(3, TimeUnit.MINUTES)) {
            jvm.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not finish within three minutes");
        }
        String output = Files.readString(log);
        assertThat(jvm.exitValue()).as(output).isZero();
        return output;
    }
}
