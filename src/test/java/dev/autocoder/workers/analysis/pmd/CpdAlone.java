package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CpdAnalysis;
import net.sourceforge.pmd.cpd.Mark;
import net.sourceforge.pmd.cpd.Match;
import net.sourceforge.pmd.lang.document.FileId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPD as its own command line runs it: one analysis over every file {@link CpdRunner} considers, with the same
 * settings. The reference {@link CpdRunner}'s grouped search must agree with, block for block.
 */
public final class CpdAlone {

    private CpdAlone() {
    }

    /** Every duplicate CPD finds in one pass over the whole snapshot, described by {@link #describe}. */
    public static List<String> duplicates(Snapshot snapshot, int minimumTokens) throws Exception {
        CPDConfiguration configuration = CpdRunner.configuration(minimumTokens);
        Map<String, String> pathByFileId = new HashMap<>();
        List<String> blocks = new ArrayList<>();
        try (CpdAnalysis cpd = CpdAnalysis.create(configuration)) {
            for (SourceFile file : snapshot.files()) {
                String language = CpdRunner.CPD_LANGUAGES.get(file.language());
                if (language != null && file.isAnalyzableText()) {
                    Path path = snapshot.resolve(file);
                    pathByFileId.put(FileId.fromPath(path).getAbsolutePath(), file.path());
                    cpd.files().addFile(path, configuration.getLanguageRegistry().getLanguageById(language));
                }
            }
            cpd.performAnalysis(report -> {
                for (Match match : report.getMatches()) {
                    List<String> places = new ArrayList<>();
                    for (Mark mark : match) {
                        places.add(pathByFileId.get(mark.getLocation().getFileId().getAbsolutePath()) + ":"
                                + mark.getLocation().getStartLine() + "-" + mark.getLocation().getEndLine());
                    }
                    blocks.add(describe(match.getLineCount(), match.getTokenCount(), places));
                }
            });
        }
        return blocks.stream().sorted().toList();
    }

    /** The duplicates of a {@link CpdRunner} result, described as {@link #duplicates} describes CPD's. */
    public static List<String> describe(CpdResult result) {
        return result.blocks().stream()
                .map(block -> describe(block.lines(), block.tokens(), block.occurrences().stream()
                        .map(o -> o.path() + ":" + o.beginLine() + "-" + o.endLine()).toList()))
                .sorted().toList();
    }

    private static String describe(int lines, int tokens, List<String> places) {
        return lines + " lines, " + tokens + " tokens: " + places.stream().sorted().toList();
    }
}
