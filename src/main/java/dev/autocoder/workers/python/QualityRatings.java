package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonModelProvider.Site;
import dev.autocoder.workers.row.Severity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The severity of a reported ruff quality finding where what the Python model sees in the code says more than the
 * severity table's line for the rule ({@link PythonQuality}'s {@code of} lists each case).
 */
final class QualityRatings {

    /** The McCabe complexity from which a C901 is high, as Java's complex-method (SizeChecks) is. */
    static final int VERY_COMPLEX = 50;

    /** A B006 by what its function does with the default, where that is less than changing it or handing it out. */
    private static final Map<Site, RuffFindings.Rated> MUTABLE_DEFAULT_RATINGS = Map.of(
            Site.READ_DEFAULT, new RuffFindings.Rated(Severity.LOW,
                    "the function only reads it: no state is shared across calls"),
            Site.PASSED_DEFAULT, new RuffFindings.Rated(Severity.MEDIUM,
                    "the function hands it to another call, which may change it"),
            Site.STORED_DEFAULT, new RuffFindings.Rated(Severity.MEDIUM, "it is kept in an attribute that the class "
                    + "only reads: every instance made without it shares one object, changed only where a caller "
                    + "changes the attribute"),
            Site.MEMO_DEFAULT, new RuffFindings.Rated(Severity.LOW, "a private parameter (its name starts with `_`) "
                    + "that the function changes: the one object every call shares is its memory across calls, a "
                    + "cache by design"));

    /** Rules lowered wherever the model finds one kind of site at the report. */
    private static final Map<String, Map.Entry<Site, RuffFindings.Rated>> SITE_RATINGS = Map.of(
            "B020", Map.entry(Site.REBOUND_ITERABLE, new RuffFindings.Rated(Severity.LOW, "the iterable is evaluated "
                    + "once, before the first rebinding, and nothing reads the name after the loop: confusing, not wrong")),
            "PLE0605", Map.entry(Site.CONCATENATED_ALL, new RuffFindings.Rated(Severity.LOW, "lists joined with `+` "
                    + "(or `dir(..)`, `list(..)`, `sorted(..)`) make a list when the module runs; only tools that read "
                    + "`__all__` without running it lose track of it")),
            "PLE2502", Map.entry(Site.BIDI_MARKS_ONLY, new RuffFindings.Rated(Severity.LOW, "only directional marks "
                    + "(U+200E, U+200F, U+061C), which cannot reorder the code as the embeddings, overrides and isolates "
                    + "of a Trojan Source attack do")),
            "PLE0302", Map.entry(Site.INTERFACE_DECLARATION, new RuffFindings.Rated(Severity.INFO, "a method of a "
                    + "zope.interface declaration, which is written without `self` as zope.interface documents: the "
                    + "implementing classes' methods take it")));

    private QualityRatings() {
    }

    /** The rating the model's facts give the report; empty where the severity table's stands. */
    static Optional<RuffFindings.Rated> of(RuffViolation v, ModelFacts facts) {
        return switch (v.code()) {
            case "B006" -> MUTABLE_DEFAULT_RATINGS.entrySet().stream()
                    .filter(r -> facts.isAt(r.getKey(), v.path(), v.diagnostic())).findFirst().map(Map.Entry::getValue);
            case "F821", "F822" -> undefinedName(v, facts);
            case "B023" -> closure(v, facts);
            case "B008" -> callInDefault(v, facts);
            case "C901" -> complexity(v, facts);
            case "PLE0101" -> facts.returnsNoneFromInit(v.path(), v.diagnostic())
                    ? Optional.of(new RuffFindings.Rated(Severity.LOW, "what it returns is None, so no TypeError: only "
                    + "misleading code"))
                    : Optional.empty();
            default -> Optional.ofNullable(SITE_RATINGS.get(v.code()))
                    .filter(r -> facts.isAt(r.getKey(), v.path(), v.diagnostic())).map(Map.Entry::getValue);
        };
    }

    private static Optional<RuffFindings.Rated> undefinedName(RuffViolation v, ModelFacts facts) {
        if (facts.isAt(Site.GLOBALS_WRITTEN, v.path(), v.diagnostic())) {
            return Optional.of(new RuffFindings.Rated(Severity.LOW, "the module binds names through `globals()` that "
                    + "it does not write out (or hands it to a function that may), which ruff cannot follow: it is "
                    + "bound if that code binds it"));
        }
        if (v.code().equals("F821") && facts.isAt(Site.UNEVALUATED_ANNOTATION, v.path(), v.diagnostic())) {
            return Optional.of(new RuffFindings.Rated(Severity.MEDIUM, "in an annotation Python never evaluates (a "
                    + "variable's inside a function, a string, or any under `from __future__ import annotations`): no "
                    + "NameError when the code runs, but type checkers and `typing.get_type_hints()` fail on it"));
        }
        if (v.code().equals("F821") && facts.isAt(Site.LOOP_CARRIED_READ, v.path(), v.diagnostic())) {
            return Optional.of(new RuffFindings.Rated(Severity.MEDIUM, "the loop binds it further down: this reads "
                    + "the previous iteration's value, and raises NameError only if the first iteration gets here"));
        }
        return Optional.empty();
    }

    private static Optional<RuffFindings.Rated> closure(RuffViolation v, ModelFacts facts) {
        List<String> callees = facts.onlyHandedTo(v.path(), v.diagnostic());
        if (callees.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuffFindings.Rated(Severity.LOW, "it goes only to " + callees.stream()
                .map(c -> "`" + c + "(..)`").collect(Collectors.joining(", ")) + " in this iteration, and none is "
                + "known to keep it: it sees a later value only if one keeps it for later"));
    }

    private static Optional<RuffFindings.Rated> callInDefault(RuffViolation v, ModelFacts facts) {
        Optional<String> unchanging = facts.unchangingDefault(v.path(), v.diagnostic());
        if (unchanging.isPresent()) {
            return Optional.of(new RuffFindings.Rated(Severity.LOW, "`" + unchanging.get() + "` makes an instance no "
                    + "method of its class changes once made: one shared by every call is harmless"));
        }
        if (facts.isAt(Site.INSPECTED_DEFAULT, v.path(), v.diagnostic())) {
            return Optional.of(new RuffFindings.Rated(Severity.LOW, "the function never uses the parameter, or only "
                    + "tests it and reads attributes of it: nothing it does changes the one instance every call shares"));
        }
        if (facts.isAt(Site.PRIVATE_DEFAULT, v.path(), v.diagnostic())) {
            return Optional.of(new RuffFindings.Rated(Severity.LOW, "the parameter is private (`_name`): the value is "
                    + "made once on purpose, for every call to share (a compiled pattern, a cache), and no caller is "
                    + "meant to pass one"));
        }
        return Optional.empty();
    }

    /**
     * Graded as Java's complex-method: a function just over the threshold is not where to start, one of a McCabe
     * complexity of {@value #VERY_COMPLEX} or more is high, unless most of it is in the functions it defines.
     */
    private static Optional<RuffFindings.Rated> complexity(RuffViolation v, ModelFacts facts) {
        FunctionComplexity complexity = FunctionComplexity.of(v.path(), v.diagnostic());
        if (complexity == null || complexity.complexity() < VERY_COMPLEX) {
            return Optional.empty();
        }
        return Optional.of(facts.isAt(Site.COMPLEXITY_MOSTLY_NESTED, v.path(), v.diagnostic())
                ? new RuffFindings.Rated(null, "most of it is in the functions it defines, which ruff counts in and "
                + "reports each on its own where it is complex: a set of small handlers, not one branchy function")
                : new RuffFindings.Rated(Severity.HIGH, null));
    }
}
