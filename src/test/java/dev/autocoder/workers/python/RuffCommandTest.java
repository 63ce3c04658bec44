package dev.autocoder.workers.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ruff the default setting runs: the one on the PATH, else a clone's bin/ruff-wasm, else "ruff" (missing). */
class RuffCommandTest {

    @TempDir
    Path dir;

    @Test
    void theRuffOnThePathComesFirst() throws IOException {
        Path tools = executable(dir.resolve("tools/ruff")).getParent();
        Path clone = executable(dir.resolve("clone/bin/ruff-wasm")).getParent().getParent();

        assertThat(RuffProcess.command("ruff", "/nowhere:" + tools, clone)).isEqualTo("ruff");
    }

    @Test
    void withoutARuffOnThePathAClonesWebAssemblyBuildIsRun() throws IOException {
        Path wasm = executable(dir.resolve("clone/bin/ruff-wasm"));
        Path clone = wasm.getParent().getParent();

        assertThat(RuffProcess.command("ruff", dir.resolve("empty") + ":/nowhere", clone)).isEqualTo(wasm.toString());
        assertThat(RuffProcess.command("ruff", null, clone)).isEqualTo(wasm.toString());
    }

    @Test
    void runFromAnotherFolderTheLaunchersCloneIsLookedInNext() throws IOException {
        Path wasm = executable(dir.resolve("clone/bin/ruff-wasm"));
        Path clone = wasm.getParent().getParent();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        assertThat(RuffProcess.command("ruff", "/nowhere", elsewhere)).isEqualTo("ruff");
        assertThat(RuffProcess.command("ruff", "/nowhere", elsewhere, clone)).isEqualTo(wasm.toString());
    }

    @Test
    void withNeitherTheDefaultStaysSoTheRowSaysRuffIsMissing() throws IOException {
        Path clone = Files.createDirectories(dir.resolve("clone/bin"));
        Files.writeString(clone.resolve("ruff-wasm"), "not executable");

        assertThat(RuffProcess.command("ruff", "/nowhere", clone.getParent())).isEqualTo("ruff");
    }

    @Test
    void aConfiguredPathIsRunAsItIsNamed() throws IOException {
        Path clone = executable(dir.resolve("clone/bin/ruff-wasm")).getParent().getParent();
        Path own = executable(dir.resolve("own/ruff"));

        assertThat(RuffProcess.command(own.toString(), "/nowhere", clone)).isEqualTo(own.toString());
        assertThat(RuffProcess.command("ruff-0.17", "/nowhere", clone)).isEqualTo("ruff-0.17");
        assertThat(RuffProcess.command("tools/ruff", "/nowhere", clone))
                .isEqualTo(Path.of("tools/ruff").toAbsolutePath().toString());
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho ruff 0.17.4\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file.toAbsolutePath();
    }
}
