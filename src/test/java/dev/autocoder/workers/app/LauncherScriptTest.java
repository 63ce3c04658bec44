package dev.autocoder.workers.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/autocoder-workers, run by sh on a stand-in jar that prints what it was started with: the JVM gets the flags of
 * bin/jvm-options (then JAVA_OPTS), MALLOC_ARENA_MAX=2 is set, and the arguments arrive unchanged.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("bin", "autocoder-workers");
    private static final Path JVM_OPTIONS = Path.of("bin", "jvm-options");

    @TempDir
    static Path temp;
    static Path jar;

    @BeforeAll
    static void buildStandInJar() throws IOException {
        Path source = temp.resolve("src/ShowLaunch.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                public class ShowLaunch {
                    public static void main(String[] args) {
                        for (String flag : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                            System.out.println("jvm:" + flag);
                        }
                        for (String arg : args) {
                            System.out.println("arg:" + arg);
                        }
                        System.out.println("env:MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX"));
                    }
                }
                """);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "ShowLaunch");
        jar = temp.resolve("stand-in-exec.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("ShowLaunch.class"));
            jarOut.write(Files.readAllBytes(classes.resolve("ShowLaunch.class")));
            jarOut.closeEntry();
        }
    }

    record Run(int exitCode, List<String> lines) {
        List<String> prefixed(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }

    static Run launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("MALLOC_ARENA_MAX");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output.lines().toList());
    }

    /** The flags of the argument file: every token outside # comments. */
    static List<String> fileFlags() throws IOException {
        return Files.readAllLines(JVM_OPTIONS).stream()
                .map(l -> l.contains("#") ? l.substring(0, l.indexOf('#')) : l)
                .flatMap(l -> Arrays.stream(l.trim().split("\\s+")))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    @Test
    void theJvmGetsTheSharedSettingsAndTheArgumentsPassThrough() throws Exception {
        Run run = launch(Map.of("AUTOCODER_JAR", jar.toString()),
                "--autocoder.target.path=/some/repo", "two words", "--server.port=0");

        assertThat(run.exitCode()).as(String.join("\n", run.lines())).isZero();
        assertThat(run.prefixed("jvm:")).containsSubsequence(fileFlags())
                .contains("-Xmx144m", "-XX:TieredStopAtLevel=1");
        assertThat(run.prefixed("arg:")).containsExactly("--autocoder.target.path=/some/repo", "two words", "--server.port=0");
        assertThat(run.prefixed("env:")).containsExactly("MALLOC_ARENA_MAX=2");
        // the clone it runs from, where the application looks for bin/ruff-wasm when no ruff is on the PATH
        assertThat(run.prefixed("jvm:")).contains("-Dautocoder.home=" + SCRIPT.toAbsolutePath().getParent().getParent());
    }

    @Test
    void javaOptsComeAfterTheFileSoTheyWin() throws Exception {
        Run run = launch(Map.of("AUTOCODER_JAR", jar.toString(), "JAVA_OPTS", "-Xmx200m -Dextra=1", "MALLOC_ARENA_MAX", "4"));

        assertThat(run.exitCode()).isZero();
        List<String> flags = run.prefixed("jvm:");
        assertThat(flags.lastIndexOf("-Xmx200m")).isGreaterThan(flags.indexOf("-Xmx144m"));
        assertThat(flags).contains("-Dextra=1");
        assertThat(run.prefixed("env:")).containsExactly("MALLOC_ARENA_MAX=4");
    }

    @Test
    void withoutAJarItSaysHowToBuildOne() throws Exception {
        Run run = launch(Map.of("AUTOCODER_JAR", temp.resolve("missing.jar").toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(String.join("\n", run.lines())).contains("./mvnw -q package -DskipTests");
    }
}
