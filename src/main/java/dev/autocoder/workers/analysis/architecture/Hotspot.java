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
 * @param complexity   sum of the cyclomatic complexity of the file's methods
 * @param score        commits × complexity
 * @param linesChanged lines added plus deleted in the window
 */
record Hotspot(int rank, String file, int commits, int complexity, long score, int linesChanged) {

    /**
     * Every file with commits and complexity, ranked by score (descending), then commits, then path. Files
     * without churn or without methods have score 0 and are left out.
     */
    static List<Hotspot> rank(Collection<JavaFileModel> files, List<FileChurn> churn) {
        Map<String, FileChurn> churnByPath = new HashMap<>();
        for (FileChurn entry : churn) {
            churnByPath.merge(entry.path(), entry, (a, b) -> a.commits() >= b.commits() ? a : b);
        }
        List<Hotspot> unranked = new ArrayList<>();
        for (JavaFileModel file : files) {
            FileChurn changes = churnByPath.get(file.path());
            int complexity = ClassMetrics.complexity(file);
            if (changes == null || changes.commits() <= 0 || complexity <= 0) {
                continue;
            }
            unranked.add(new Hotspot(0, file.path(), changes.commits(), complexity,
                    (long) changes.commits() * complexity, changes.linesChanged()));
        }
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
