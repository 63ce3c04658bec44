package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.row.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The size and complexity findings of one method, function or class, folded into one. A method of cyclomatic
 * complexity 333 is also PMD's CognitiveComplexity, NPathComplexity and our oversized-method; a Python function is
 * ruff's C901, PLR0912 and PLR0915 at once: four lines of a list for one remedy, splitting it. The most severe finding
 * stays (ties: the order of {@link #METHOD_RULES} and {@link #TYPE_RULES}, our own measure first, the one the
 * recommendations name) and states the others' measures with their rules ("; also: cognitive complexity 546
 * (CognitiveComplexity), 1285 lines (oversized-method)"), so nothing is lost and its id stays the one it had. The
 * rule counts (PMD's, ruff's, {@code complex_methods}) stay the linters' own.
 * <p>
 * Java findings belong to the innermost method (or type) of the model whose lines hold the finding's line: PMD
 * reports at the method's name, the model's range starts at its annotations. Ruff reports every function rule at the
 * name of the {@code def}, so a Python function is its file and line.
 */
final class SameDeclarationFindings {

    /** Rules about one method or function, in the order of which stays at equal severity; a label for the others. */
    private static final Map<String, String> METHOD_RULES = labels(
            SizeChecks.COMPLEX_METHOD, "cyclomatic complexity %d",
            "CognitiveComplexity", "cognitive complexity %d",
            "NPathComplexity", "NPath complexity %d",
            "C901", "McCabe complexity %d",
            "PLR0912", "%d branches",
            "PLR0915", "%d statements",
            "PLR0911", "%d return statements",
            SizeChecks.OVERSIZED_METHOD, "%d lines");

    /** Rules about one class: its size, PMD's God Class measures and its fields. */
    private static final Map<String, String> TYPE_RULES = labels(
            SizeChecks.OVERSIZED_CLASS, "%d lines",
            "GodClass", "God Class weighted method count %d",
            "TooManyFields", "too many fields");

    private static final List<String> RULE_ORDER = Stream.concat(METHOD_RULES.keySet().stream(),
            TYPE_RULES.keySet().stream()).toList();

    /** The findings with each declaration's folded into one, and how many were folded into another. */
    record Folded(List<Finding> findings, int folded) {
    }

    private SameDeclarationFindings() {
    }

    static Folded fold(List<Finding> findings, JavaModel model) {
        Declarations declarations = new Declarations(model);
        Map<Object, List<Finding>> byDeclaration = new LinkedHashMap<>();
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Optional<Object> declaration = declarations.of(finding);
            if (declaration.isPresent()) {
                List<Finding> same = byDeclaration.computeIfAbsent(declaration.get(), k -> new ArrayList<>());
                if (same.isEmpty()) {
                    kept.add(finding); // holds the place of the declaration's findings in the list
                }
                same.add(finding);
            } else {
                kept.add(finding);
            }
        }
        Map<Finding, Finding> replacements = new IdentityHashMap<>();
        int folded = 0;
        for (List<Finding> same : byDeclaration.values()) {
            if (same.size() > 1) {
                replacements.put(same.get(0), oneOf(same));
                folded += same.size() - 1;
            }
        }
        List<Finding> result = kept.stream().map(f -> replacements.getOrDefault(f, f)).toList();
        return new Folded(result, folded);
    }

    /** The most severe (ties by the rules' order), stating the others' measures. */
    private static Finding oneOf(List<Finding> same) {
        List<Finding> ordered = new ArrayList<>(same);
        ordered.sort(Comparator.comparing(Finding::severity).thenComparingInt(SameDeclarationFindings::rank));
        Finding first = ordered.get(0);
        String others = ordered.subList(1, ordered.size()).stream()
                .map(f -> label(f) + " (" + f.rule() + ")").distinct().collect(Collectors.joining(", "));
        return first.withMessage(first.message() + "; also: " + others);
    }

    private static int rank(Finding finding) {
        return RULE_ORDER.indexOf(finding.rule());
    }

    private static String label(Finding finding) {
        String label = METHOD_RULES.getOrDefault(finding.rule(), TYPE_RULES.get(finding.rule()));
        long measure = finding.measure();
        return !label.contains("%d") ? label : measure < 0 ? finding.message() : label.formatted(measure);
    }

    private static Map<String, String> labels(String... ruleThenLabel) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < ruleThenLabel.length; i += 2) {
            labels.put(ruleThenLabel[i], ruleThenLabel[i + 1]);
        }
        return labels;
    }

    /** Which method, function or class a finding is about, if it is about one. */
    private static final class Declarations {

        private final Map<String, JavaFileModel> javaFiles;

        Declarations(JavaModel model) {
            javaFiles = model == null ? Map.of() : model.byPath();
        }

        Optional<Object> of(Finding finding) {
            if (finding.file() == null || finding.line() == null) {
                return Optional.empty();
            }
            int line = finding.line();
            if (METHOD_RULES.containsKey(finding.rule())) {
                if (finding.file().endsWith(".py")) {
                    return Optional.of(List.of(finding.file(), line));
                }
                return java(finding).flatMap(file -> file.methodAt(line))
                        .map(m -> List.of(finding.file(), m.beginLine(), m.signature()));
            }
            if (TYPE_RULES.containsKey(finding.rule())) {
                return java(finding).flatMap(file -> file.typeAt(line)).map(t -> List.of(finding.file(), t.qualifiedName()));
            }
            return Optional.empty();
        }

        private Optional<JavaFileModel> java(Finding finding) {
            return Optional.ofNullable(javaFiles.get(finding.file()));
        }
    }
}
