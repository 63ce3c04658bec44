package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdResult;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@code duplicate-code} finding per duplicate block CPD found, for the {@value #MAX_FINDINGS} largest:
 * at the first occurrence, naming the others. Severity by the block's size: at least {@value #HIGH_LINES} lines
 * high, at least {@value #MEDIUM_LINES} medium, smaller ones low; a block the language or the design requires to
 * repeat ({@code @typing.overload} signatures, interface method declarations) is info, saying why.
 */
final class DuplicationFindings {

    static final String RULE = "duplicate-code";
    static final int MAX_FINDINGS = 50;
    static final int HIGH_LINES = 200;
    static final int MEDIUM_LINES = 50;

    private DuplicationFindings() {
    }

    /** The findings; a block {@code repeatedByDesign} names a reason for (else null) is info, with the reason. */
    static List<Finding> of(CpdResult cpd, Function<CpdResult.DuplicateBlock, String> repeatedByDesign) {
        return cpd.blocks().stream().limit(MAX_FINDINGS).map(b -> finding(b, repeatedByDesign.apply(b))).toList();
    }

    private static Finding finding(CpdResult.DuplicateBlock block, String repeatedByDesign) {
        CpdResult.Occurrence first = block.occurrences().get(0);
        String others = block.occurrences().stream().skip(1).map(DuplicationFindings::place)
                .collect(Collectors.joining(", "));
        Severity severity = repeatedByDesign != null ? Severity.INFO : block.lines() >= HIGH_LINES ? Severity.HIGH
                : block.lines() >= MEDIUM_LINES ? Severity.MEDIUM : Severity.LOW;
        return Finding.of(RULE, "Duplication", severity, first.path(), first.beginLine(), first.endLine(),
                Plural.of(block.lines(), "duplicated line") + " (" + Plural.of(block.tokens(), "token") + "), also at " + others
                        + (repeatedByDesign != null ? " (" + repeatedByDesign + ")" : ""),
                block.snippet());
    }

    static String place(CpdResult.Occurrence occurrence) {
        return occurrence.path() + ":" + occurrence.beginLine() + "-" + occurrence.endLine();
    }
}
