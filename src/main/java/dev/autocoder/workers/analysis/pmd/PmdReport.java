package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.row.Metric;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The PMD result of a whole snapshot, assembled from the per-content cache.
 *
 * @param snapshotKey      the snapshot this report describes
 * @param ruleset          name of the ruleset that ran
 * @param violations       every violation of the ruleset, sorted by path, line and rule
 * @param processingErrors files PMD could not parse (or where a rule failed)
 * @param skippedFiles     Java files not given to PMD: binary, over the size limit or unreadable
 * @param javaModel        the Java model built in the same pass
 * @param codeModel        the planner's detailed model of the same files, from the same parse
 * @param abandonedFiles   Java files whose rules run PMD gave up on (a rule failed, or it ran over the per-file time
 *                         budget): they have no model here, though PMD's parser alone may still read them
 * @param loopNesting      methods with loops nested two or more deep
 * @param filesAnalyzed    Java files whose content PMD analyzed in this call
 * @param filesFromCache   Java files whose content's result was already cached
 * @param duration         time this call took
 */
public record PmdReport(String snapshotKey, String ruleset, List<PmdViolation> violations,
                        List<PmdProcessingError> processingErrors, List<SkippedFile> skippedFiles, JavaModel javaModel,
                        CodeModel codeModel, Set<String> abandonedFiles, List<LoopNesting> loopNesting, int filesAnalyzed, int filesFromCache, Duration duration) {

    /** Violations of rules from the given rulesets (categories), e.g. "Performance". */
    public List<PmdViolation> violationsIn(Collection<String> ruleSets) {
        return violations.stream().filter(v -> ruleSets.contains(v.ruleSet())).toList();
    }

    /** Violations of rules from rulesets other than the given ones. */
    public List<PmdViolation> violationsNotIn(Collection<String> ruleSets) {
        return violations.stream().filter(v -> !ruleSets.contains(v.ruleSet())).toList();
    }

    /** Files that did not parse. */
    public List<PmdProcessingError> unparseableFiles() {
        return processingErrors.stream().filter(PmdProcessingError::unparseable).toList();
    }

    /** What this pass read: files analyzed, files answered from the cache, unparseable and skipped files. */
    public List<Metric> passMetrics() {
        return List.of(Metric.of("files_analyzed", filesAnalyzed),
                Metric.of("files_from_cache", filesFromCache),
                Metric.of("unparseable_files", unparseableFiles().size()),
                Metric.of("skipped_java_files", skippedFiles.size()));
    }

    /** Number of violations per rule name, sorted by rule name. */
    public static Map<String, Long> countByRule(Collection<PmdViolation> violations) {
        return violations.stream().collect(Collectors.groupingBy(PmdViolation::rule, TreeMap::new, Collectors.counting()));
    }
}
