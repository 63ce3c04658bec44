package dev.autocoder.workers.implementation;

import dev.autocoder.workers.implementation.patch.FixOutcome;
import dev.autocoder.workers.implementation.row.CodeChanges;
import dev.autocoder.workers.python.RuffFixTable;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first plan step, written from the task's own facts: with a patch, the member, the lines and the code before
 * and after; without one, what a person must decide for this finding's rule family, with the member, its size and
 * complexity, its callers and the code at the finding, and why the worker cannot make the change itself.
 */
public final class PlanText {

    /** The kind of the Python model's type holding a module's top-level functions. */
    private static final String MODULE = "module";

    /** Code quoted in a step is cut after this many characters. */
    static final int QUOTE_MAX = 160;

    private PlanText() {
    }

    /**
     * The concrete edit of a diff: where, and per hunk the code from its first to its last changed line before and
     * after, unchanged lines between them included (ruff's PLR5501 fix keeps an {@code else:} the diff shows as
     * context: without it the "after" read as if the branch had gone).
     */
    public static String edit(TaskAtHead facts, CodeChanges changes) {
        List<String> edits = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (DiffLines.Hunk hunk : DiffLines.hunks(changes.diff())) {
            hunkEdit(hunk.lines(), hunk.originalStart(), spans).ifPresent(edits::add);
        }
        int from = spans.isEmpty() ? 0 : spans.get(0)[0];
        int to = spans.isEmpty() ? 0 : spans.get(spans.size() - 1)[1];
        String lines = spans.isEmpty() ? facts.place() : from == to ? (spans.get(0)[2] == 1 ? "after line " : "line ") + from
                : "lines " + from + "-" + to;
        // an import is no member: "In import a.B, line 3" read as if the import held the line
        String where = facts.code().method() == null && facts.touchesImport() ? "the imports" : member(facts);
        return "In " + where + ", " + lines + " of " + facts.task().file() + ": " + String.join("; ", edits) + ".";
    }

    /** The hunk's code from its first to its last changed line, before and after; its original lines go to spans. */
    private static Optional<String> hunkEdit(List<String> hunk, int start, List<int[]> spans) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < hunk.size(); i++) {
            if (hunk.get(i).startsWith("+") || hunk.get(i).startsWith("-")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        int line = start + (int) hunk.subList(0, first).stream().filter(l -> !l.startsWith("+")).count();
        int originalLines = (int) hunk.subList(first, last + 1).stream().filter(l -> !l.startsWith("+")).count();
        // an insertion alone goes after a line; {first, last, 1 for an insertion}
        spans.add(originalLines == 0 ? new int[]{line - 1, line - 1, 1} : new int[]{line, line + originalLines - 1, 0});
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String diffLine : hunk.subList(first, last + 1)) {
            String code = diffLine.isEmpty() ? "" : diffLine.substring(1).strip();
            if (!code.isEmpty() && !diffLine.startsWith("+")) {
                before.add(code);
            }
            if (!code.isEmpty() && !diffLine.startsWith("-")) {
                after.add(code);
            }
        }
        return Optional.of(before.isEmpty() ? "add " + quote(after) : after.isEmpty() ? "remove " + quote(before)
                : "replace " + quote(before) + " with " + quote(after));
    }

    /**
     * What a person must decide, and why the worker does not: for a finding it has no verified patch for.
     *
     * @param modelTried a language model was asked for the change
     */
    public static String decision(TaskAtHead facts, CodeChanges changes, boolean modelTried) {
        var task = facts.task();
        var code = facts.code();
        String member = member(facts);
        String at = task.file() + " " + facts.place();
        String line = codeAtFinding(facts);
        String quoted = line == null ? "" : " (`" + cut(line) + "`)";
        int callers = facts.outsideCallers().size();
        int classes = (int) facts.outsideCallers().stream().map(c -> c.className()).distinct().count();
        String reach = callers == 0 ? "nothing outside its class refers to it"
                : Plural.of(callers, "reference") + " from " + Plural.of(classes, "other class")
                + (callers == 1 ? " depends on it" : " depend on it");
        String size = sizeOf(facts);
        String decide = switch (facts.family()) {
            case RUFF_FIX -> "Decide whether to apply ruff's fix for " + task.rule() + " at " + at + quoted
                    + " by hand: \"" + task.message() + "\".";
            case UNDEFINED_NAME -> "Decide where the name used at " + at + quoted + " in " + member + " should come "
                    + "from: an import of the module that defines it, a definition in the file, or the correct spelling. "
                    + task.message() + ".";
            case POSITIONAL_RE_ARGUMENTS -> "Decide what each argument after the string of the call at " + at + quoted
                    + " means: the count (or maxsplit) comes before the flags, so a flag there is a count. " + task.message() + ".";
            case UNUSED_CODE -> "Decide whether " + member + " at " + at + quoted + " is dead code to delete or was meant "
                    + "to be used (" + reach + "); reflection, serialization or a framework may read it where the analysis "
                    + "cannot see.";
            case EMPTY_CATCH -> "Decide what " + member + " should do when the exception caught at " + at + quoted
                    + " happens: log it, recover with an explicit value, or rethrow it (" + reach + ", and they see the "
                    + "difference).";
            case STRING_CONCATENATION -> "Decide how " + member + " builds its text at " + at + quoted + ": a "
                    + "StringBuilder, or collecting the parts and joining them.";
            case BOOLEAN_RETURNS -> "Decide whether the if/else at " + at + quoted + " in " + member
                    + " should become a single return of its condition.";
            case RESOURCES -> "Decide who closes the resource opened at " + at + quoted + " in " + member
                    + ": a try-with-resources there, or the caller it is handed to (" + reach + ").";
            case LOST_CAUSE -> "Decide how the exception thrown at " + at + quoted + " in " + member + " can carry the "
                    + "caught exception as its cause: a constructor or factory that takes a cause, or initCause ("
                    + reach + ").";
            case MISSING_OVERRIDE -> "Decide whether " + member + " at " + at + " is meant to override or implement a "
                    + "supertype's method, and mark it @Override if so.";
            case CHAR_APPENDS -> "Decide whether the append at " + at + quoted + " in " + member + " is on a "
                    + "StringBuilder or StringBuffer, and pass its one character as a char.";
            case COMPLEXITY -> "Decide how to split " + member + size + " at " + at + ": which steps are separable, what "
                    + "to name them, and in what order to move them (" + reach + "). " + task.message();
            case DUPLICATION -> "Decide whether the duplicated code at " + at + quoted + " in " + member + " and its copy "
                    + "named in the finding (" + task.message() + ") should share one method, or are meant to diverge.";
            case SECRETS -> "Decide where the credential at " + at + " comes from at run time (environment variable or "
                    + "secret store) and revoke the exposed value; the value stays out of this row.";
            case SECURITY -> "Decide which inputs reach " + member + " at " + at + quoted + " and how to make them safe: "
                    + task.message() + " (" + reach + ").";
            case DEPENDENCIES -> "Decide which version to move to for the declaration at " + at + quoted + ", after "
                    + "reading its release notes: " + task.message();
            case HOTSPOT -> "Decide which " + (code.isPython() ? "functions" : "methods") + " of "
                    + (code.type() == null ? task.file() : code.type().qualifiedName())
                    + " to cover with tests before changing them" + mostComplex(facts) + ": " + task.message();
            case ARCHITECTURE -> "Decide which way the dependency should point and where " + member + " belongs: "
                    + task.message();
            case IMPORT_CYCLE -> "Decide which of the imports closing the cycle to break, at " + at + quoted
                    + " or another one the finding names: move what both modules need into a module of its own, or "
                    + "import it where it is used. " + task.message();
            case TEST_COVERAGE -> "Decide which behaviours of " + member + " the tests must pin down first"
                    + (facts.testSpecIds().isEmpty() ? "" : " (test-planning specifications " + String.join(", ",
                    facts.testSpecIds().stream().limit(3).toList()) + ")") + ": " + task.message();
            case GENERAL -> "Decide how to change " + member + size + " at " + at + quoted + " so that " + task.rule()
                    + " no longer applies (\"" + task.message() + "\"), or suppress it there with the reason ("
                    + reach + ").";
        };
        // a decision that ends with the finding's message has no full stop when the message has none
        String sentence = decide.endsWith(".") || decide.endsWith("?") || decide.endsWith("!") ? decide : decide + ".";
        return pythonEdit(facts, at, quoted) + sentence + " The worker cannot: " + whyNot(facts, changes, modelTried) + ".";
    }

    /**
     * For a ruff finding in a Python file, the concrete edit from {@code python/ruff-fixes.tsv}: where, and what to
     * change (as a Java plan names the member and the code); empty for other files and rules the table does not list.
     */
    private static String pythonEdit(TaskAtHead facts, String at, String quoted) {
        var task = facts.task();
        if (task.file() == null || !task.file().endsWith(".py")) {
            return "";
        }
        return RuffFixTable.shipped().edit(task.rule())
                .map(edit -> "Edit " + at + quoted + " (" + task.rule() + "): " + edit + ". ")
                .orElse("");
    }

    private static String whyNot(TaskAtHead facts, CodeChanges changes, boolean modelTried) {
        FixOutcome outcome = facts.mechanicalOutcome();
        String mechanical = changes.diff() != null && !changes.verified()
                ? "its patch did not verify (" + changes.verification() + ")"
                : outcome == null ? "no mechanical fix exists for " + facts.task().rule()
                : "the mechanical fix for " + facts.task().rule() + " refused here (" + outcome.reason() + ")";
        return mechanical + (modelTried ? ", and the language model's answer gave no verified patch"
                : ", and no language model is configured (autocoder.llm.model)");
    }

    /** {@code com.shop.Parser#parse(String) (lines 5-11)}, the field, the import, the type or the file. */
    static String member(TaskAtHead facts) {
        var code = facts.code();
        if (code.method() != null) {
            MethodModel method = code.method().method();
            return code.method().key() + " (lines " + method.beginLine() + "-" + method.endLine() + ")";
        }
        return facts.touchedSubject();
    }

    private static String sizeOf(TaskAtHead facts) {
        var method = facts.code().method();
        if (method == null) {
            return facts.code().readable() ? " (a file of " + Plural.of(facts.code().lines().size(), "line") + ")" : "";
        }
        return " (" + Plural.of(method.method().endLine() - method.method().beginLine() + 1, "line") + ", cyclomatic complexity "
                + method.method().cyclomatic() + ")";
    }

    /** The three most complex methods of the type, or of the whole file when no type is chosen (a Python module). */
    private static String mostComplex(TaskAtHead facts) {
        TypeModel type = facts.code().type();
        FileModel file = facts.code().fileModel();
        List<TypeModel> types = type != null ? List.of(type) : file == null ? List.of() : file.types();
        String ranked = types.stream()
                .flatMap(t -> t.methods().stream().map(m -> Map.entry(type != null || MODULE.equals(t.kind()) ? ""
                        : t.simpleName() + ".", m)))
                .sorted(Comparator.comparingInt((Map.Entry<String, MethodModel> e) -> e.getValue().cyclomatic()).reversed())
                .limit(3).map(e -> e.getKey() + e.getValue().signature() + " " + e.getValue().cyclomatic())
                .collect(Collectors.joining(", "));
        return ranked.isEmpty() ? "" : " (most complex: " + ranked + ")";
    }

    private static String codeAtFinding(TaskAtHead facts) {
        var code = facts.code();
        Integer line = facts.task().line();
        if (!code.readable() || line == null || line < 1 || line > code.lines().size()) {
            return null;
        }
        String text = code.lines().get(line - 1).strip();
        return text.isEmpty() ? null : text;
    }

    private static String quote(List<String> lines) {
        return "`" + cut(String.join(" ", lines)) + "`";
    }

    private static String cut(String text) {
        return text.length() > QUOTE_MAX ? text.substring(0, QUOTE_MAX - 3) + "..." : text;
    }
}
