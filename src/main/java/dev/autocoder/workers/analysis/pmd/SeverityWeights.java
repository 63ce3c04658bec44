package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;

import java.util.Collection;
import java.util.List;

/**
 * How much a finding weighs in a quality score: critical 5, high 3, medium 1, low 0.5, info 0.1.
 * Scores use the weighted count per 1000 lines, with at least 1000 lines assumed so one finding in a tiny
 * repository does not decide its score.
 */
public final class SeverityWeights {

    private SeverityWeights() {
    }

    public static double of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 5;
            case HIGH -> 3;
            case MEDIUM -> 1;
            case LOW -> 0.5;
            case INFO -> 0.1;
        };
    }

    public static double weighted(Collection<Finding> findings) {
        return findings.stream().mapToDouble(f -> of(f.severity())).sum();
    }

    /**
     * The density the quality scores use: weighted findings in main code per 1000 lines of main-code Java and Python
     * (the languages rules run on; at least 1000), so tests, fixtures and generated code neither raise nor dilute it.
     */
    public static double mainCodeDensity(Collection<Finding> findings, Snapshot snapshot) {
        List<Finding> main = Finding.inScopes(List.copyOf(findings), snapshot::scopeOf).stream()
                .filter(f -> f.scopeOrMain() == Scope.MAIN).toList();
        long pythonLines = snapshot.files(Language.PYTHON, Scope.MAIN).stream().mapToLong(SourceFile::lines).sum();
        return perThousandLines(main, mainJavaLines(snapshot) + pythonLines);
    }

    public static long mainJavaLines(Snapshot snapshot) {
        return snapshot.files(Language.JAVA, Scope.MAIN).stream().mapToLong(SourceFile::lines).sum();
    }

    /** Weighted findings per 1000 lines, counting at least 1000 lines. */
    public static double perThousandLines(Collection<Finding> findings, long lines) {
        return weighted(findings) * 1000.0 / Math.max(1000, lines);
    }
}
