package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.autocoder.workers.repository.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A {@code .gitignore} written to make a backtracking matcher take exponential time (issue 12, item 1). */
class HostileIgnorePatternTest {

    private static final String CATASTROPHIC = "a*a*a*a*a*a*a*a*a*a*a*a*b";
    private static final String LONG_RUN = "a".repeat(60);

    @TempDir
    Path dir;

    private SnapshotService service() {
        AutocoderProperties properties = GitFixture.localTarget(dir);
        return new SnapshotService(new TargetRepository(properties), properties);
    }

    @Test
    void aCatastrophicPatternAgainstALongNameDoesNotHangTheInventory() {
        write(dir, ".gitignore", CATASTROPHIC + "\n*.log\n");
        write(dir, LONG_RUN, "a file whose name is a long run of a\n");
        write(dir, LONG_RUN + "b", "matches the pattern\n");
        write(dir, "deep/" + LONG_RUN + "/Main.java", "class Main {}\n");
        write(dir, "app.log", "ignored\n");

        Snapshot snapshot = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> service().current());

        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly(
                ".gitignore", LONG_RUN, "deep/" + LONG_RUN + "/Main.java");
    }

    @Test
    void aRulesFileOverTheSizeLimitIsReportedAndNotApplied() {
        StringBuilder huge = new StringBuilder("*.log\n");
        while (huge.length() <= IgnoreRules.MAX_RULES_FILE_SIZE) {
            huge.append("*a*a*a*a*a*a*b").append(huge.length()).append('\n');
        }
        write(dir, ".gitignore", huge.toString());
        write(dir, "app.log", "not ignored: the rules file is too large to apply\n");
        SnapshotService service = service();

        Snapshot snapshot = assertTimeoutPreemptively(Duration.ofSeconds(20), service::current);

        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly(".gitignore", "app.log");
        assertThat(service.lastSkipped()).extracting(SkippedFile::path).containsExactly(".gitignore");
        assertThat(service.lastSkipped().get(0).reason()).contains("larger than 1024 KiB");
    }
}
