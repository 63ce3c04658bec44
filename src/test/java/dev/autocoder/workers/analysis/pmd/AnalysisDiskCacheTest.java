package dev.autocoder.workers.analysis.pmd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.autocoder.workers.analysis.cache.DiskCache;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import net.sourceforge.pmd.lang.rule.RuleSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk cache of PMD's per-file results and CPD's last result across a "restart": a new engine on the same
 * cache folder. Warm results must equal a cold run exactly; a changed, corrupt or version-mismatched cache is
 * never trusted.
 */
class AnalysisDiskCacheTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** Loaded once: loading the curated ruleset costs about a second, more than an analysis of the fixture. */
    private static final RuleSet CURATED = PmdRulesets.curated();

    @TempDir
    Path root;
    @TempDir
    Path store;

    private Path pmdCache;
    private Path cpdCache;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<AutoCloseable> engines = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        pmdCache = store.resolve(".state/cache/pmd");
        cpdCache = store.resolve(".state/cache/cpd");
        PmdFixtures.writeShop(root);
        log.start();
        ((Logger) LoggerFactory.getLogger(DiskCache.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(DiskCache.class)).detachAppender(log);
        for (AutoCloseable engine : engines) {
            engine.close();
        }
    }

    @Test
    void aRestartedEngineAnalyzesNothingAndReportsExactlyWhatAColdRunReports() {
        PmdReport first = engine(CURATED).analyze(TestSnapshots.of(root));
        assertThat(first.filesAnalyzed()).isEqualTo(5);
        assertThat(entries(pmdCache)).hasSize(5);

        PmdReport warm = engine(CURATED).analyze(TestSnapshots.of(root));
        PmdReport cold = engineWithoutDiskCache().analyze(TestSnapshots.of(root));

        assertThat(warm.filesAnalyzed()).isZero();
        assertThat(warm.filesFromCache()).isEqualTo(5);
        assertThat(cold.violations()).hasSizeGreaterThan(5);
        assertSameResults(warm, cold);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void withSeveralTreesOneTreesPassKeepsTheOthersEntriesOnDisk(@TempDir Path otherTree) {
        writeOther(otherTree);
        PmdEngine engine = engine(CURATED);
        engine.analyze(TestSnapshots.of(root));
        PmdReport other = engine.analyze(TestSnapshots.of(otherTree));
        assertThat(other.filesAnalyzed()).isEqualTo(1);
        assertThat(entries(pmdCache)).hasSize(6);

        // a fleet's next tick on the first target: its entries are still on disk, nothing is parsed again
        PmdReport again = engine.analyze(TestSnapshots.of(root));

        assertThat(again.filesAnalyzed()).isZero();
        assertThat(again.filesFromCache()).isEqualTo(5);
        assertSameResults(again, engineWithoutDiskCache().analyze(TestSnapshots.of(root)));
        assertThat(entries(pmdCache)).hasSize(6);
    }

    @Test
    void afterARestartOneTreesPassKeepsTheEntriesOfTheTreesItHasNotSeenYet(@TempDir Path otherTree) {
        writeOther(otherTree);
        PmdEngine before = engine(CURATED);
        before.analyze(TestSnapshots.of(root));
        before.analyze(TestSnapshots.of(otherTree));
        assertThat(entries(pmdCache)).hasSize(6);

        // a restarted fleet: its first tick is on the first target; the other target's entries stay for its own tick
        PmdEngine restarted = engine(CURATED);
        assertThat(restarted.analyze(TestSnapshots.of(root)).filesFromCache()).isEqualTo(5);
        assertThat(entries(pmdCache)).hasSize(6);
        PmdReport other = restarted.analyze(TestSnapshots.of(otherTree));

        assertThat(other.filesAnalyzed()).isZero();
        assertThat(other.filesFromCache()).isEqualTo(1);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void afterARestartOnlyTheChangedFileIsAnalyzedAndItsOldEntryIsDropped() {
        engine(CURATED).analyze(TestSnapshots.of(root));
        TestSnapshots.write(root, PmdFixtures.REGISTRY, "package com.acme.shop;\n\npublic class Registry {\n}\n");

        PmdReport warm = engine(CURATED).analyze(TestSnapshots.of(root));

        assertThat(warm.filesAnalyzed()).isEqualTo(1);
        assertThat(warm.filesFromCache()).isEqualTo(4);
        assertSameResults(warm, engineWithoutDiskCache().analyze(TestSnapshots.of(root)));
        assertThat(warm.javaModel().byPath().get(PmdFixtures.REGISTRY).types().get(0).methods()).isEmpty();
        assertThat(entries(pmdCache)).hasSize(5);
    }

    @Test
    void anotherRulesetDiscardsTheCacheWithALogLineAndRecomputes() {
        engine(CURATED).analyze(TestSnapshots.of(root));
        RuleSet emptyCatchOnly = RuleSet.forSingleRule(PmdRulesets.curated().getRuleByName("EmptyCatchBlock"));

        PmdReport other = engine(emptyCatchOnly).analyze(TestSnapshots.of(root));

        assertThat(other.filesAnalyzed()).isEqualTo(5);
        assertThat(other.filesFromCache()).isZero();
        assertThat(other.violations()).extracting(PmdViolation::rule).containsOnly("EmptyCatchBlock");
        assertThat(warnings()).singleElement().asString()
                .contains("Discarding the analysis cache " + pmdCache).contains("ruleset");
        assertThat(entries(pmdCache)).hasSize(5);
    }

    @Test
    void aCacheWrittenByAnotherPmdVersionIsDiscardedWithALogLine() throws IOException {
        engine(CURATED).analyze(TestSnapshots.of(root));
        Path manifest = pmdCache.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replaceFirst("\"pmd\":\"[^\"]+\"", "\"pmd\":\"6.55.0\""));

        PmdReport report = engine(CURATED).analyze(TestSnapshots.of(root));

        assertThat(report.filesAnalyzed()).isEqualTo(5);
        assertThat(warnings()).singleElement().asString().contains("pmd 6.55.0 (now 7.");
        assertSameResults(report, engineWithoutDiskCache().analyze(TestSnapshots.of(root)));
    }

    @Test
    void corruptEntriesAreDiscardedOneByOneWithALogLineNamingTheFile() throws IOException {
        engine(CURATED).analyze(TestSnapshots.of(root));
        List<Path> entries = entries(pmdCache);
        Path garbage = entries.get(0);
        Path truncated = entries.get(1);
        Files.write(garbage, new byte[]{(byte) 0xff, 0, 17, 'x', (byte) 0x80});
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        PmdReport warm = engine(CURATED).analyze(TestSnapshots.of(root));

        assertThat(warm.filesAnalyzed()).isEqualTo(2);
        assertThat(warm.filesFromCache()).isEqualTo(3);
        assertSameResults(warm, engineWithoutDiskCache().analyze(TestSnapshots.of(root)));
        assertThat(warnings()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(garbage.toString()).contains("corrupt"))
                .anySatisfy(line -> assertThat(line).contains(truncated.toString()).contains("corrupt"));
        // rewritten whole by the run that recomputed them
        PmdReport again = engine(CURATED).analyze(TestSnapshots.of(root));
        assertThat(again.filesAnalyzed()).isZero();
    }

    @Test
    void anEntryWhoseContentIsValidJsonForAnotherKeyIsNotTrusted() throws IOException {
        engine(CURATED).analyze(TestSnapshots.of(root));
        List<Path> entries = entries(pmdCache);
        // a swapped file: well-formed, stamped right, but written for another content
        Files.copy(entries.get(0), entries.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        PmdReport warm = engine(CURATED).analyze(TestSnapshots.of(root));

        assertThat(warm.filesAnalyzed()).isEqualTo(1);
        assertSameResults(warm, engineWithoutDiskCache().analyze(TestSnapshots.of(root)));
        assertThat(warnings()).singleElement().asString().contains(entries.get(1).toString()).contains("another key");
    }

    @Test
    void aCorruptManifestDiscardsTheWholeCache() throws IOException {
        engine(CURATED).analyze(TestSnapshots.of(root));
        Files.writeString(pmdCache.resolve("manifest.json"), "{\"pmd\": ");

        PmdReport report = engine(CURATED).analyze(TestSnapshots.of(root));

        assertThat(report.filesAnalyzed()).isEqualTo(5);
        assertThat(warnings()).singleElement().asString().contains("manifest").contains("corrupt");
        assertSameResults(report, engineWithoutDiskCache().analyze(TestSnapshots.of(root)));
    }

    @Test
    void aRestartedCpdRunnerReadsItsLastResultAndAChangedTreeRunsCpdAgain() {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        CpdResult cold = cpd().duplication(TestSnapshots.of(root));
        assertThat(cold.blocks()).hasSize(1);

        CpdRunner restarted = cpd();
        CpdResult warm = restarted.duplication(TestSnapshots.of(root));
        assertThat(warm).isEqualTo(cold).isEqualTo(new CpdRunner(100).duplication(TestSnapshots.of(root)));
        assertThat(diskHits(restarted)).isEqualTo(1);

        TestSnapshots.write(root, "src/main/java/p/B.java", "package p;\nclass B {}\n");
        CpdRunner afterChange = cpd();
        CpdResult changed = afterChange.duplication(TestSnapshots.of(root));
        assertThat(diskHits(afterChange)).isZero();
        assertThat(changed.blocks()).isEmpty();
        assertThat(entries(cpdCache)).hasSize(1);
    }

    @Test
    void withSeveralTreesEachKeepsItsCpdResultOnDisk(@TempDir Path otherTree) {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        TestSnapshots.write(otherTree, "src/main/java/q/C.java", "package q;\nclass C {}\n");
        CpdRunner runner = cpd();
        CpdResult first = runner.duplication(TestSnapshots.of(root));
        runner.duplication(TestSnapshots.of(otherTree));
        assertThat(entries(cpdCache)).hasSize(2);

        // after a restart, a fleet's next tick on the first target reads its result from disk
        CpdRunner restarted = cpd();
        assertThat(restarted.duplication(TestSnapshots.of(root))).isEqualTo(first);
        assertThat(diskHits(restarted)).isEqualTo(1);
    }

    @Test
    void aCorruptCpdEntryIsDiscardedAndCpdRunsAgain() throws IOException {
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        CpdResult cold = cpd().duplication(TestSnapshots.of(root));
        Path entry = entries(cpdCache).get(0);
        Files.writeString(entry, "{\"stamp\":\"x\",", StandardCharsets.UTF_8);

        CpdResult warm = cpd().duplication(TestSnapshots.of(root));

        assertThat(warm).isEqualTo(cold);
        assertThat(warnings()).singleElement().asString().contains(entry.toString());
    }

    /** A second tree of one file, as a fleet's other target. */
    private static void writeOther(Path otherTree) {
        TestSnapshots.write(otherTree, "src/main/java/com/acme/other/Other.java",
                "package com.acme.other;\n\npublic class Other {\n    int twice(int x) {\n        return x * 2;\n    }\n}\n");
    }

    private PmdEngine engine(RuleSet ruleset) {
        PmdEngine engine = new PmdEngine(ruleset, SeverityTable.shipped(), 2, BUDGET, pmdCache);
        engines.add(engine::close);
        return engine;
    }

    private PmdEngine engineWithoutDiskCache() {
        PmdEngine engine = new PmdEngine(CURATED, SeverityTable.shipped(), 2, BUDGET);
        engines.add(engine::close);
        return engine;
    }

    private CpdRunner cpd() {
        CpdRunner runner = new CpdRunner(100, BUDGET, cpdCache);
        engines.add(runner::close);
        return runner;
    }

    private static long diskHits(CpdRunner runner) {
        return runner.diskCache().hits();
    }

    private static void assertSameResults(PmdReport actual, PmdReport expected) {
        assertThat(actual.violations()).isEqualTo(expected.violations());
        assertThat(actual.processingErrors()).isEqualTo(expected.processingErrors());
        assertThat(actual.skippedFiles()).isEqualTo(expected.skippedFiles());
        assertThat(actual.javaModel().files()).isEqualTo(expected.javaModel().files());
        assertThat(actual.loopNesting()).isEqualTo(expected.loopNesting());
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static List<Path> entries(Path cache) {
        try (Stream<Path> files = Files.walk(cache.resolve("entries"))) {
            return files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
