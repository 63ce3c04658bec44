package dev.autocoder.workers.repository;

import org.eclipse.jgit.ignore.IgnoreNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@link IgnorePattern} reads ordinary {@code .gitignore} lines exactly as JGit's {@link IgnoreNode} does. */
class IgnorePatternParityTest {

    private static final List<String> PATTERNS = List.of(
            "*.log", "!keep.log", "secret/", "/root-only.txt", "build", "/build/", "doc/*.txt", "doc/**/*.pdf",
            "**/foo", "**/foo/bar", "abc/**", "a/**/b", "a/**/**/b", "*.[oa]", "*.py[cod]", "file?.txt", "[!a]*.md",
            "[^a]*.md", "[a-c]x", "\\#hash", "\\!bang", "trailing\\ ", "spaces   ", "*~", ".DS_Store",
            "node_modules/", "**/logs", "**/logs/debug.log", "logs/**/debug.log", "logs/*day/debug.log", "*.min.js",
            "/dist", "out/", "**/*.class", "src/**/generated/", "a*b*c", "*a*", "[[:digit:]]*.txt", "[[:upper:]]*",
            "debug[0-9].log", "debug[!01].log", "foo/**/", "**/", "**", "/*.c", "x/y", "/x/y/", "*/x", "a/*/b",
            "\\*star", "q\\?", "[]]x", "[a-]x", "!*.tmp", "#comment", "", "/", "!", "name/", "*.Java", "Test*",
            "*Test.java", "**/test/**/*.java", "!/build/keep/", "x/y/**", "a?c/d*", "doc/", "/doc/*/", "*.tmp   ",
            "!important.tmp", "generated/", "**/a/**/b/**", "/**/x");

    private static final List<String> PATHS = List.of(
            "a.log", "keep.log", "dir/keep.log", "secret", "secret/x", "root-only.txt", "sub/root-only.txt", "build",
            "sub/build", "build/keep", "doc", "doc/a.txt", "doc/sub/a.txt", "doc/x/y/z.pdf", "doc/z.pdf", "foo",
            "x/foo", "x/y/foo/bar", "foo/bar", "foo/x", "abc", "abc/x", "abc/x/y", "a/b", "a/x/b", "a/x/y/b", "a/b/c",
            "lib.o", "lib.a", "lib.c", "m.pyc", "file1.txt", "file12.txt", "b.md", "a.md", "ax", "bx", "dx", "#hash",
            "!bang", "trailing ", "trailing", "spaces", "x~", ".DS_Store", "node_modules", "x/node_modules", "logs",
            "x/logs", "logs/debug.log", "x/logs/debug.log", "logs/a/b/debug.log", "logs/monday/debug.log",
            "app.min.js", "dist", "x/dist", "out", "A.class", "x/y/A.class", "src/generated", "src/a/generated",
            "axbxc", "cab", "1a.txt", "Abc", "debug1.log", "debug0.log", "debug2.log", "x/y", "x/y/z", "x", "y/x",
            "a/q/b", "*star", "q?", "qz", "]x", "-x", "Main.Java", "TestA", "MyTest.java", "p/test/q/T.java",
            "test/T.java", "abc/d", "abc/dz", "a.tmp", "important.tmp", "a/a/b/b/c", "q/a/r/b/s", "x/x", "m.c",
            "src/m.c", "doc/sub");

    @Test
    void everyOrdinaryPatternMatchesTheSamePathsAsJGit() throws IOException {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String pattern : PATTERNS) {
            IgnoreNode jgit = new IgnoreNode();
            jgit.parse(new ByteArrayInputStream((pattern + "\n").getBytes(StandardCharsets.UTF_8)));
            Optional<IgnorePattern> ours = IgnorePattern.parse(pattern);
            assertThat(ours.isPresent()).as("'%s' is a rule", pattern).isEqualTo(!jgit.getRules().isEmpty());
            for (String path : PATHS) {
                for (boolean directory : new boolean[] {false, true}) {
                    Boolean expected = jgit.checkIgnored(path, directory);
                    Boolean actual = ours.filter(rule -> rule.matches(path, directory))
                            .map(IgnorePattern::ignores).orElse(null);
                    compared++;
                    if (expected != actual) {
                        differences.add("'" + pattern + "' on " + path + (directory ? "/" : "") + ": JGit "
                                + expected + ", ours " + actual);
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void aPatternThatBacktracksExponentiallyInARegexMatchesInPolynomialTime() {
        IgnorePattern hostile = IgnorePattern.parse("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b").orElseThrow();
        IgnorePattern hostilePath = IgnorePattern.parse("**/a*a*a*a*a*a*a*a*a*a*a*a*/**/a*a*a*a*a*a*a*a*b").orElseThrow();
        String longRun = "a".repeat(250);
        String deepPath = String.join("/", java.util.Collections.nCopies(40, longRun));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(hostile.matches(longRun, false)).isFalse();
            assertThat(hostile.matches(longRun + "b", false)).isTrue();
            assertThat(hostilePath.matches(deepPath, false)).isFalse();
            assertThat(hostilePath.matches(deepPath + "b", false)).isTrue();
        });
    }

    @Test
    void linesLongerThanTheLimitAreNotRules() {
        assertThat(IgnorePattern.parse("*".repeat(IgnorePattern.MAX_LENGTH))).isPresent();
        assertThat(IgnorePattern.parse("*".repeat(IgnorePattern.MAX_LENGTH + 1))).isEmpty();
    }
}
