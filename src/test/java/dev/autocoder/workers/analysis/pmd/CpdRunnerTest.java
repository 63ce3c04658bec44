package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.testsupport.PathologicalJava;
import net.sourceforge.pmd.cpd.CPDConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    void searchingTheGroupsApartFindsWhatOneSearchOverEverythingFinds() throws Exception {
        writeFilesInThreeGroups();

        var snapshot = TestSnapshots.of(root);
        CpdResult result = new CpdRunner(100).duplication(snapshot);

        assertThat(CpdAlone.describe(result)).hasSize(3).isEqualTo(CpdAlone.duplicates(snapshot, 100));
        assertThat(result.skippedFiles()).singleElement()
                .satisfies(skipped -> assertThat(skipped.path()).isEqualTo("src/main/java/p/G.java"));
    }

    @Test
    void onlyFilesSharingARunAreSearchedTogetherAndFilesSharingNoneNotAtAll() {
        writeFilesInThreeGroups();
        CPDConfiguration configuration = CpdRunner.configuration(100);
        var java = configuration.getLanguageRegistry().getLanguageById("java");
        var javascript = configuration.getLanguageRegistry().getLanguageById("ecmascript");
        Map<Path, net.sourceforge.pmd.lang.Language> files = new LinkedHashMap<>();
        for (String name : List.of("A", "B", "C", "D", "E", "F", "G")) {
            files.put(root.resolve("src/main/java/p/" + name + ".java"), java);
        }
        files.put(root.resolve("web/app.js"), javascript);

        List<List<Path>> groups = new CpdCandidates(configuration).groups(files);

        assertThat(groups).containsExactly(
                List.of(root.resolve("src/main/java/p/A.java"), root.resolve("src/main/java/p/B.java")),
                List.of(root.resolve("src/main/java/p/C.java"), root.resolve("src/main/java/p/D.java")),
                List.of(root.resolve("src/main/java/p/F.java")),
                List.of(root.resolve("src/main/java/p/G.java")));
    }

    @Test
    void aFileRepeatingOneStatementThousandsOfTimesIsLeftOutBeforeTheSearchInsteadOfAfterItsBudget() {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        TestSnapshots.write(root, "src/main/java/p/Huge.java", PathologicalJava.LONG_METHOD.source("Huge", 20_000));

        CpdResult result = new CpdRunner(100, Duration.ofSeconds(1)).duplication(TestSnapshots.of(root));

        // the reason the budget path gives ("CPD took longer ...") would mean the search ran and was given up
        assertThat(result.skippedFiles()).singleElement().satisfies(skipped -> {
            assertThat(skipped.path()).isEqualTo("src/main/java/p/Huge.java");
            assertThat(skipped.reason()).startsWith("its runs of 100 tokens repeat so often that CPD would compare about ")
                    .contains("autocoder.analysis.file-time-budget").doesNotContain("took longer");
        });
        assertThat(result.blocks()).singleElement().satisfies(block -> assertThat(block.occurrences())
                .extracting(CpdResult.Occurrence::path).containsExactly("src/main/java/p/A.java", "src/main/java/p/B.java"));
    }

    @Test
    void theRepeatedRunsOfAFileAreCountedAsCpdComparesThemWhichGrowsWithTheSquareOfTheRepeats() {
        writeFilesInThreeGroups();
        TestSnapshots.write(root, "src/main/java/p/H1.java", PathologicalJava.LONG_METHOD.source("H1", 1_000));
        TestSnapshots.write(root, "src/main/java/p/H2.java", PathologicalJava.LONG_METHOD.source("H2", 2_000));
        CPDConfiguration configuration = CpdRunner.configuration(100);
        var java = configuration.getLanguageRegistry().getLanguageById("java");
        Map<Path, net.sourceforge.pmd.lang.Language> files = new LinkedHashMap<>();
        for (String name : List.of("E", "F", "H1")) {
            files.put(root.resolve("src/main/java/p/" + name + ".java"), java);
        }
        Path h2 = root.resolve("src/main/java/p/H2.java");

        CpdCandidates candidates = new CpdCandidates(configuration);
        candidates.groups(files);
        // on its own: in one input with H1 their runs would be the same runs, each counting the other's places too
        CpdCandidates alone = new CpdCandidates(configuration);
        alone.groups(Map.of(h2, java));

        // E repeats nothing; each run of F's block occurs twice, so each of its places counts one other place
        assertThat(candidates.comparisons(root.resolve("src/main/java/p/E.java"))).isZero();
        long block = candidates.comparisons(root.resolve("src/main/java/p/F.java"));
        assertThat(block).isPositive().isEven();
        // twice the statements, four times the comparisons: each run has twice the places, each counting twice the others
        long thousand = candidates.comparisons(root.resolve("src/main/java/p/H1.java"));
        long twoThousand = alone.comparisons(h2);
        assertThat(thousand).isGreaterThan(1_000 * block);
        assertThat((double) twoThousand / thousand).isBetween(3.9, 4.1);
    }

    @Test
    void aGroupWhoseSearchHasNoRoomInTheHeapIsLeftOutTheRowSaysSoAndARestartSearchesIt(@TempDir Path cache) {
        writeFilesInThreeGroups();
        AtomicInteger asked = new AtomicInteger();
        HeapRoom noRoomForTheFirstGroup = bytes -> asked.getAndIncrement() > 0;

        CpdResult result = new CpdRunner(100, Duration.ofSeconds(10), cache, noRoomForTheFirstGroup)
                .duplication(TestSnapshots.of(root));

        assertThat(result.blocks()).extracting(b -> b.occurrences().get(0).path())
                .containsExactlyInAnyOrder("src/main/java/p/C.java", "src/main/java/p/F.java");
        assertThat(result.skippedFiles()).filteredOn(s -> s.reason().startsWith("not searched")).extracting(SkippedFile::path)
                .containsExactly("src/main/java/p/A.java", "src/main/java/p/B.java"); // G.java does not lex, as before
        assertThat(result.skippedFiles().get(0).reason()).matches(
                "not searched for duplicates: the search of its group of 2 files \\(\\d+ tokens\\) needs about \\d+ MB "
                        + "of heap at once, more than there was room for");
        assertThat(result.notSearched()).startsWith("2 files (").contains("not searched for duplicates")
                .contains("searched again when the tree changes or after a restart");
        assertThat(result.notSearchedSentence()).isEqualTo(" " + result.notSearched());

        // the result was not kept on disk: the next process, with room, searches the group
        CpdResult restarted = new CpdRunner(100, Duration.ofSeconds(10), cache, bytes -> true)
                .duplication(TestSnapshots.of(root));
        assertThat(restarted.blocks()).hasSize(3);
        assertThat(restarted.notSearched()).isNull();
        assertThat(restarted.notSearchedSentence()).isEmpty();
        // A and B count in no figure while they are not searched
        assertThat(result.languages().get("java").files()).isEqualTo(restarted.languages().get("java").files() - 2);
    }

    /** A and B share a block, C and D another, F repeats a third in itself; E shares nothing, G does not lex. */
    private void writeFilesInThreeGroups() {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        String second = PmdFixtures.sharedBlock().replace("int ", "long ");
        String third = PmdFixtures.sharedBlock().replace("int ", "short ").replace("println", "print");
        TestSnapshots.write(root, "src/main/java/p/C.java", "package p;\nclass C {\n" + second + "}\n");
        TestSnapshots.write(root, "src/main/java/p/D.java", "package p;\nclass D {\n    int d;\n" + second + "}\n");
        TestSnapshots.write(root, "src/main/java/p/E.java", "package p;\nclass E {\n"
                + PmdFixtures.sharedBlock().replace("int ", "char ") + "}\n");
        TestSnapshots.write(root, "src/main/java/p/F.java", "package p;\nclass F {\n  class One {\n" + third
                + "  }\n  class Two {\n" + third + "  }\n}\n");
        TestSnapshots.write(root, "src/main/java/p/G.java", "package p;\nclass G {\n    int g = 1; # \n}\n");
        TestSnapshots.write(root, "web/app.js", "function hello(name) {\n  return 'hello ' + name;\n}\n");
    }
}
