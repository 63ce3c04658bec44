package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.repository.FileChurn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file that both changes often and is complex: where a change is most likely and most risky.
 *
 * @param rank         1 for the highest score
 * @param file         repository-relative path
 * @param commits      commits touching the file in the churn window
 * @param complexity   sum of the cyclomatic complexity of the file's methods (Python: functions and methods)
 * @param score        commits × complexity
 * @param linesChanged lines added plus deleted in the window
 */
record Hotspot(int rank, String file, int commits, int complexity, long score, int linesChanged) {

    /**
     * Every file with commits and complexity, ranked by score (descending), then commits, then path. Files
     * without churn or without methods have score 0 and are left out.
     */
    static List<Hotspot> rank(Collection<JavaFileModel> files, List<FileChurn> churn) {
        Map<String, Integer> complexityByPath = new java.util.LinkedHashMap<>();
        files.forEach(file -> complexityByPath.put(file.path(), ClassMetrics.complexity(file)));
        return rank(complexityByPath, churn);
    }

    /** The same ranking from each file's complexity (sum over its functions and methods), of any language. */
    static List<Hotspot> rank(Map<String, Integer> complexityByPath, List<FileChurn> churn) {
        Map<String, FileChurn> churnByPath = new HashMap<>();
        for (FileChurn entry : churn) {
            churnByPath.merge(entry.path(), entry, (a, b) -> a.commits() >= b.commits() ? a : b);
        }
        List<Hotspot> unranked = new ArrayList<>();
        for (Map.Entry<String, Integer> file : complexityByPath.entrySet()) {
            FileChurn changes = churnByPath.get(file.getKey());
            int complexity = file.getValue();
            if (changes == null || changes.commits() <= 0 || complexity <= 0) {
                continue;
            }
            unranked.add(new Hotspot(0, file.getKey(), changes.commits(), complexity,
                    (long) changes.commits() * complexity, changes.linesChanged()));
        }
        return ranked(unranked);
    }

    /** Two rankings (the Java and the Python files of one repository) as one. */
    static List<Hotspot> merge(List<Hotspot> first, List<Hotspot> second) {
        List<Hotspot> all = new ArrayList<>(first);
        all.addAll(second);
        return ranked(all);
    }

    private static List<Hotspot> ranked(List<Hotspot> hotspots) {
        List<Hotspot> unranked = new ArrayList<>(hotspots);
        unranked.sort(Comparator.comparingLong(Hotspot::score).reversed()
                .thenComparing(Comparator.comparingInt(Hotspot::commits).reversed())
                .thenComparing(Hotspot::file));
        List<Hotspot> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Hotspot h = unranked.get(i);
            ranked.add(new Hotspot(i + 1, h.file(), h.commits(), h.complexity(), h.score(), h.linesChanged()));
        }
        return ranked;
    }
}
