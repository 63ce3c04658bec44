package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.SeverityTable;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRule;
import net.sourceforge.pmd.lang.rule.RulePriority;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleTargetSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet's passes over several trees at once share the engine's PMD threads: with one PMD thread, two trees
 * analyzed at the same time never have two files in PMD together, so memory stays that of one pass.
 */
class PmdTurnsTest {

    static final AtomicInteger inPmd = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void twoTreesAnalyzedAtOnceShareOnePmdThread(@TempDir Path first, @TempDir Path second) {
        for (int i = 0; i < 6; i++) {
            TestSnapshots.write(first, "src/main/java/a/A" + i + ".java", "package a;\n\nclass A" + i + " {\n}\n");
            TestSnapshots.write(second, "src/main/java/b/B" + i + ".java", "package b;\n\nclass B" + i + " {\n}\n");
        }
        PmdEngine engine = new PmdEngine(RuleSet.forSingleRule(new SlowProbeRule()), SeverityTable.shipped(), 1,
                Duration.ofMinutes(1));
        try {
            CompletableFuture<PmdReport> a = CompletableFuture.supplyAsync(() -> engine.analyze(TestSnapshots.of(first)));
            CompletableFuture<PmdReport> b = CompletableFuture.supplyAsync(() -> engine.analyze(TestSnapshots.of(second)));

            assertThat(a.join().filesAnalyzed()).isEqualTo(6);
            assertThat(b.join().filesAnalyzed()).isEqualTo(6);
            assertThat(mostAtOnce.get()).isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    /** Holds each file in PMD for a moment and counts how many files are in PMD at once. */
    public static class SlowProbeRule extends AbstractJavaRule {

        public SlowProbeRule() {
            setName("SlowProbe");
            setLanguage(LanguageRegistry.PMD.getLanguageById("java"));
            setMessage("never reports");
            setPriority(RulePriority.LOW);
        }

        @Override
        protected RuleTargetSelector buildTargetSelector() {
            return RuleTargetSelector.forTypes(ASTCompilationUnit.class);
        }

        @Override
        public Object visit(ASTCompilationUnit unit, Object data) {
            mostAtOnce.accumulateAndGet(inPmd.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inPmd.decrementAndGet();
            }
            return data;
        }
    }
}
