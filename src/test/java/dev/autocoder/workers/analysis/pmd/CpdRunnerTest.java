package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.SkippedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpdRunnerTest {

    @TempDir
    Path root;

    @Test
    void findsTheSharedBlockWithItsExactPlaces() {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        TestSnapshots.write(root, "web/app.js", "function hello(name) {\n  return 'hello ' + name;\n}\n");
        TestSnapshots.writeBytes(root, "src/main/java/p/Bin.java", new byte[]{1, 0, 2});
        TestSnapshots.write(root, "docs/notes.md", PmdFixtures.sharedBlock());

        CpdResult result = new CpdRunner(100).duplication(TestSnapshots.of(root));

        assertThat(result.blocks()).hasSize(1);
        CpdResult.DuplicateBlock block = result.blocks().get(0);
        assertThat(block.lines()).isEqualTo(40);
        assertThat(block.tokens()).isEqualTo(180);
        assertThat(block.occurrences()).containsExactly(
                new CpdResult.Occurrence("src/main/java/p/A.java", 5, 44),
                new CpdResult.Occurrence("src/main/java/p/B.java", 5, 44));
        assertThat(block.snippet()).startsWith("    int block0(int x) {\n");
        assertThat(result.duplicatedLines()).isEqualTo(80);
        assertThat(result.totalLines()).isEqualTo(46 + 46 + 3);
        assertThat(result.duplicatedLinesPercent()).isCloseTo(100.0 * 80 / 95, within(1e-9));
        assertThat(result.languages()).isEqualTo(Map.of(
                "java", new CpdResult.LanguageDuplication(2, 92, 80),
                "ecmascript", new CpdResult.LanguageDuplication(1, 3, 0)));
        assertThat(result.skippedFiles()).containsExactly(new SkippedFile("src/main/java/p/Bin.java", "binary file"));
    }

    @Test
    void aBlockBelowTheMinimumIsNoDuplicate() {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);

        CpdResult result = new CpdRunner(181).duplication(TestSnapshots.of(root));

        assertThat(result.blocks()).isEmpty();
        assertThat(result.duplicatedLines()).isZero();
        assertThat(result.minimumTokens()).isEqualTo(181);
    }

    @Test
    void resultIsReusedForTheSameSnapshotKey() {
        TestSnapshots.write(root, "src/main/java/p/A.java", "package p;\nclass A {}\n");
        CpdRunner runner = new CpdRunner(100);
        var snapshot = TestSnapshots.of(root);
        assertThat(runner.duplication(snapshot)).isSameAs(runner.duplication(TestSnapshots.of(root)));
        assertThat(runner.duplication(snapshot).blocks()).isEqualTo(List.of());
    }
}
