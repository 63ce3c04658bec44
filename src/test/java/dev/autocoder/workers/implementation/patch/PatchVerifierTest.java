package dev.autocoder.workers.implementation.patch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.autocoder.workers.implementation.patch.FixtureProject.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier on diffs written by the real git, by hand and as garbage, against a committed fixture. */
class PatchVerifierTest {

    private static final String RULES = SRC + "Rules.java";

    @TempDir
    Path root;

    private final PatchVerifier verifier = new PatchVerifier();

    @BeforeEach
    void createFixture() throws Exception {
        FixtureProject.create(root);
    }

    @Test
    void acceptsADiffWrittenByGitAndReproducesWhatGitApplies() throws Exception {
        String patched = FixtureProject.RULES.replace("""
                        if (age >= 18) {
                            return true;
                        } else {
                            return false;
                        }
                """, """
                        return age >= 18;
                """);
        String diff = gitDiff(RULES, patched);
        assertThat(diff).startsWith("diff --git a/" + RULES + " b/" + RULES + "\nindex ");

        AppliedPatch applied = verifier.apply(root, diff);

        assertThat(applied.verification()).isEqualTo(new PatchVerification(true, true,
                "applies to the current " + RULES + " and the result parses"));
        assertThat(applied.patchedFiles()).containsExactlyEntriesOf(java.util.Map.of(RULES, patched));
        assertThat(Files.readString(root.resolve(RULES))).isEqualTo(FixtureProject.RULES);
    }

    @Test
    void appliesAGitDiffOfACrlfFileWithoutANewlineAtTheEnd() throws Exception {
        String path = SRC + "Legacy.java";
        String patched = FixtureProject.LEGACY.replace("        }\r\n    }\r\n}", "        }\r\n    }\r\n\r\n    // end\r\n}");
        String diff = gitDiff(path, patched);
        assertThat(diff).contains("\\ No newline at end of file");

        AppliedPatch applied = verifier.apply(root, diff);

        assertThat(applied.verification().ok()).as(applied.verification().detail()).isTrue();
        assertThat(applied.patchedFiles().get(path)).isEqualTo(patched);
    }

    @Test
    void acceptsAHunkWhoseLineNumbersAreOffAsGitApplyDoes() {
        String diff = """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ -2,3 +2,3 @@
                     public boolean isAdult(int age) {
                -        if (age >= 18) {
                +        if (age > 17) {
                             return true;
                """;

        PatchVerification verification = verifier.verify(root, diff);

        assertThat(verification.ok()).as(verification.detail()).isTrue();
    }

    @Test
    void rejectsADiffWhoseContextDoesNotMatchTheFile() {
        String diff = """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ -6,2 +6,2 @@
                     public boolean isAdult(int years) {
                -        if (age >= 18) {
                +        if (age > 17) {
                """;

        PatchVerification verification = verifier.verify(root, diff);

        assertThat(verification).isEqualTo(new PatchVerification(false, false,
                "hunk 1 does not match src/main/java/com/acme/Rules.java: line 6 is `public boolean isAdult(int age) {`, "
                        + "the diff expects `public boolean isAdult(int years) {`"));
    }

    @Test
    void reportsADiffThatAppliesButLeavesJavaThatDoesNotParse() {
        String diff = """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ -6,3 +6,3 @@
                     public boolean isAdult(int age) {
                -        if (age >= 18) {
                +        if (age >= 18 {
                             return true;
                """;

        PatchVerification verification = verifier.verify(root, diff);

        assertThat(verification.applies()).isTrue();
        assertThat(verification.parses()).isFalse();
        assertThat(verification.detail()).startsWith(RULES + " does not parse after the patch: line 7: ");
    }

    @Test
    void rejectsGarbageAndMalformedDiffsWithTheReason() {
        assertThat(verifier.verify(root, "Sure! Here is the fix: just return the condition.")).isEqualTo(
                PatchVerification.failed("not a valid unified diff: no file header (--- a/<path> then +++ b/<path>) found"));
        assertThat(verifier.verify(root, "")).isEqualTo(PatchVerification.failed("not a valid unified diff: the diff is empty"));
        assertThat(verifier.verify(root, null)).isEqualTo(PatchVerification.failed("not a valid unified diff: the diff is empty"));
        assertThat(verifier.verify(root, """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ -6,3 +6,3 @@
                     public boolean isAdult(int age) {
                -        if (age >= 18) {
                """).detail()).isEqualTo("not a valid unified diff: the hunk at line 3 ends early: its header announces "
                + "3 original lines and 3 new lines");
        assertThat(verifier.verify(root, """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ -6,2 +6,2 @@
                     public boolean isAdult(int age) {
                ~        if (age >= 18) {
                """).detail()).isEqualTo("not a valid unified diff: line 5 in the hunk at line 3 is not a context, "
                + "removed or added line: ~        if (age >= 18) {");
        assertThat(verifier.verify(root, """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ six @@
                """).detail()).isEqualTo("not a valid unified diff: line 3: malformed hunk header: @@ six @@");
        assertThat(verifier.verify(root, """
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                """).detail()).isEqualTo("not a valid unified diff: no hunk (@@ -l,s +l,s @@) for src/main/java/com/acme/Rules.java");
    }

    @Test
    void rejectsPathsOutsideTheRepositoryMissingAndBinaryFiles() {
        assertThat(verifier.verify(root, hunkFor("../../etc/passwd")).detail())
                .isEqualTo("the path ../../etc/passwd is not inside the repository");
        assertThat(verifier.verify(root, hunkFor("/etc/passwd")).detail())
                .isEqualTo("the path /etc/passwd is not inside the repository");
        assertThat(verifier.verify(root, hunkFor("src/main/java/com/acme/Nope.java")).detail())
                .isEqualTo("src/main/java/com/acme/Nope.java does not exist in the repository");
        assertThat(verifier.verify(root, hunkFor("assets/Logo.java")).detail())
                .isEqualTo("assets/Logo.java is a binary file");
    }

    @Test
    void checksANewFileAndEveryFileOfAMultiFileDiff() {
        String diff = """
                diff --git a/src/main/java/com/acme/Ages.java b/src/main/java/com/acme/Ages.java
                new file mode 100644
                --- /dev/null
                +++ b/src/main/java/com/acme/Ages.java
                @@ -0,0 +1,5 @@
                +package com.acme;
                +
                +final class Ages {
                +    static final int ADULT = 18;
                +}
                diff --git a/src/main/java/com/acme/Rules.java b/src/main/java/com/acme/Rules.java
                --- a/src/main/java/com/acme/Rules.java
                +++ b/src/main/java/com/acme/Rules.java
                @@ -6,3 +6,3 @@
                     public boolean isAdult(int age) {
                -        if (age >= 18) {
                +        if (age >= Ages.ADULT) {
                             return true;
                """;

        AppliedPatch applied = verifier.apply(root, diff);

        assertThat(applied.verification().ok()).as(applied.verification().detail()).isTrue();
        assertThat(applied.patchedFiles().get("src/main/java/com/acme/Ages.java"))
                .isEqualTo("package com.acme;\n\nfinal class Ages {\n    static final int ADULT = 18;\n}\n");
        assertThat(applied.patchedFiles().get(RULES)).contains("if (age >= Ages.ADULT) {");

        assertThat(verifier.verify(root, diff.replace("Ages.java", "Rules.java")).detail())
                .startsWith("the diff creates src/main/java/com/acme/Rules.java, which already exists");
    }

    private static String hunkFor(String path) {
        return "--- a/" + path + "\n+++ b/" + path + "\n@@ -1,1 +1,1 @@\n-package com.acme;\n+package com.acme.shop;\n";
    }

    /** The diff the real git writes for the new content; the file is restored afterwards. */
    private String gitDiff(String path, String newContent) throws Exception {
        Path file = root.resolve(path);
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, newContent, StandardCharsets.UTF_8);
        FixtureProject.GitResult diff = FixtureProject.git(root, "", "diff", "--no-color", "--", path);
        Files.write(file, original);
        assertThat(diff.exitCode()).isZero();
        return diff.output();
    }
}
