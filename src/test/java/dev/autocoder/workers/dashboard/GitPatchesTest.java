package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.implementation.ImplementationFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan's diff becomes a patch the real {@code git apply} takes, whatever headers it came with. */
class GitPatchesTest {

    private static final String FILE = "src/main/java/com/shop/Rules.java";
    private static final String BEFORE = "package com.shop;\n\nclass Rules {\n    int age;\n    -- not java, a removed line\n}\n";
    private static final String HUNK = """
            @@ -2,5 +2,4 @@
             
             class Rules {
                 int age;
            -    -- not java, a removed line
             }
            """;

    @TempDir
    Path temp;

    @Test
    void aGitStyleDiffStaysAsItIs() {
        String diff = "--- a/" + FILE + "\n+++ b/" + FILE + "\n" + HUNK;

        assertThat(GitPatches.canonical(FILE, diff)).isEqualTo(diff);
    }

    @Test
    void aModelsDiffGetsGitsHeadersAndAFinalNewlineAndThenApplies() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, FILE, BEFORE);
        ImplementationFixture.commit(repo, "rules", "2026-11-01T10:00:00Z");
        // plain paths (git would strip "src/"), timestamps, a git line and prose before, no newline at the end
        String model = "Here is the fix:\ndiff --git " + FILE + " " + FILE + "\n--- " + FILE + "\t2026-11-01 10:00:00\n+++ "
                + FILE + "\t2026-11-01 10:00:01\n" + HUNK.substring(0, HUNK.length() - 1);
        assertThat(ImplementationFixture.git(repo, model + "\n", "apply", "--check", "-").exitCode()).isNotZero();

        String patch = GitPatches.canonical(FILE, model);

        assertThat(patch).isEqualTo("--- a/" + FILE + "\n+++ b/" + FILE + "\n" + HUNK);
        ImplementationFixture.GitResult check = ImplementationFixture.git(repo, patch, "apply", "--check", "-");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void hunksWithoutHeadersGetThemAndCarriageReturnsStay() {
        String crlf = "@@ -1,2 +1,1 @@\r\n a\r\n-b\r\n";

        assertThat(GitPatches.canonical(FILE, crlf)).isEqualTo("--- a/" + FILE + "\n+++ b/" + FILE + "\n" + crlf);
    }

    @Test
    void anUnsafePathKeepsTheDiffsOwnHeaders() {
        String diff = "--- a/x\n+++ b/x\n" + HUNK;

        assertThat(GitPatches.canonical("../outside/Rules.java", diff)).isEqualTo(diff);
        assertThat(GitPatches.canonical("/etc/Rules.java", diff)).isEqualTo(diff);
        assertThat(GitPatches.canonical(null, diff)).isEqualTo(diff);
    }
}
