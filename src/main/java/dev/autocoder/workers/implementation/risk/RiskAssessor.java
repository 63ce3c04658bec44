package dev.autocoder.workers.implementation.risk;

import dev.autocoder.workers.implementation.row.Risk;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.plan.PlanIds;

import java.util.List;

/**
 * Rates the risks of a change by fixed rules on the evidence (README, "Implementation worker"):
 * <ul>
 *     <li>{@code fan_in}, measured on the touched member (method, field, import, or the type for a class-level
 *     finding), not its class: probability low for a behaviour-keeping patch, else by references from other classes
 *     (0 low, 1–4 medium, 5+ high); impact by those classes (0 low, 1–3 medium, 4+ high). References inside the
 *     member's own class are in the same file as the change and are listed, not rated.</li>
 *     <li>{@code coverage}: probability of an unnoticed regression: low with a test calling the code, medium with
 *     only a test class named after it, high with none; impact as fan-in.</li>
 *     <li>{@code churn}: probability of clashing with ongoing work by commits in the churn window (10+ high, 3–9
 *     medium, else low; unknown without history); impact low for a diff of at most 5 lines, medium otherwise, high
 *     for a change across files.</li>
 *     <li>{@code public_api}: probability medium for a change across files, else low; impact high for API, else low
 *     (low for a verified mechanical patch, which keeps every signature).</li>
 *     <li>{@code behaviour}: low/low for a verified mechanical patch, else medium probability with the fan-in impact.</li>
 * </ul>
 * When the code model does not place the touched code (outside every Python function, another language, an
 * unparseable file) fan-in, coverage and API ratings are unknown, and the evidence says why.
 */
public final class RiskAssessor {

    private RiskAssessor() {
    }

    public static List<Risk> assess(String taskId, RiskInputs in) {
        Level spread = !in.modelled() ? Level.UNKNOWN
                : in.callingClasses() == 0 ? Level.LOW : in.callingClasses() <= 3 ? Level.MEDIUM : Level.HIGH;
        return List.of(fanIn(taskId, in, spread), coverage(taskId, in, spread), churn(taskId, in), publicApi(taskId, in),
                behaviour(taskId, in, spread));
    }

    private static Risk fanIn(String taskId, RiskInputs in, Level spread) {
        if (!in.modelled()) {
            return risk(taskId, "fan_in", "Who depends on " + in.subject() + " is not known.", Level.UNKNOWN, Level.UNKNOWN,
                    in.unplaced(), "Check its users by hand.");
        }
        Level p = in.behaviourKept() ? Level.LOW : in.callSites() == 0 ? Level.LOW : in.callSites() <= 4 ? Level.MEDIUM : Level.HIGH;
        return risk(taskId, "fan_in", "Callers of " + in.subject() + " could be affected by the change.", p, spread,
                Plural.of(in.callSites(), "call site") + " in " + Plural.of(in.callingClasses(), "class")
                        + (in.ownReferences() > 0 ? "; " + Plural.of(in.ownReferences(), "reference") + " inside its own class, "
                        + "changed in the same file" : "")
                        + (in.behaviourKept() ? "; the verified patch keeps behaviour and signatures" : ""),
                in.callSites() == 0 ? "No callers outside its class: check reflection and external users."
                        : "Run the callers' tests; review the call sites listed by Architectural Analysis.");
    }

    private static Risk coverage(String taskId, RiskInputs in, Level spread) {
        if (!in.modelled()) {
            return risk(taskId, "coverage", "Whether tests cover " + in.subject() + " is not known.", Level.UNKNOWN,
                    Level.UNKNOWN, in.unplaced(), "Run the whole build and test suite.");
        }
        Level coverage = in.directTests() > 0 ? Level.LOW : in.testClasses() > 0 ? Level.MEDIUM : Level.HIGH;
        return risk(taskId, "coverage", "A regression in " + in.subject() + " could go unnoticed.", coverage, spread,
                Plural.of(in.directTests(), "test method") + (in.directTests() == 1 ? " calls" : " call") + " it; "
                        + Plural.of(in.testClasses(), "test class") + " named after its class",
                coverage == Level.LOW ? "Run the existing tests before and after." : "Write the tests of Testing Strategy first.");
    }

    private static Risk churn(String taskId, RiskInputs in) {
        Level churnP = in.commits() == null ? Level.UNKNOWN : in.commits() >= 10 ? Level.HIGH : in.commits() >= 3 ? Level.MEDIUM : Level.LOW;
        Level churnI = in.wideChange() ? Level.HIGH : in.linesChanged() != null && in.linesChanged() <= 5 ? Level.LOW : Level.MEDIUM;
        return risk(taskId, "churn", "The file changes often: the change may clash with ongoing work.", churnP, churnI,
                in.commits() == null ? "no git history" : Plural.of(in.commits(), "commit") + " in the churn window"
                        + (in.linesChanged() == null ? "" : "; the diff changes " + Plural.of(in.linesChanged(), "line")),
                "Rebase just before merging and keep the change small.");
    }

    private static Risk publicApi(String taskId, RiskInputs in) {
        // a verified mechanical patch keeps every signature: nothing outside can break on it (adding @Override to a
        // public method read "Keep signatures unchanged; note the change in the release notes")
        boolean apiAtStake = in.isApi() && !in.behaviourKept();
        Level apiI = !in.modelled() ? Level.UNKNOWN : apiAtStake ? Level.HIGH : Level.LOW;
        return risk(taskId, "public_api", "Code outside the repository may rely on " + in.subject() + ".",
                in.wideChange() ? Level.MEDIUM : Level.LOW, apiI,
                !in.modelled() ? in.unplaced() : !in.isApi() ? "not public API"
                        : apiAtStake ? "public API" : "public API; the verified patch keeps every signature",
                apiAtStake ? "Keep signatures unchanged; note the change in the release notes." : "None needed.");
    }

    private static Risk behaviour(String taskId, RiskInputs in, Level spread) {
        return risk(taskId, "behaviour", "The change could alter what the code does.",
                in.behaviourKept() ? Level.LOW : Level.MEDIUM, in.behaviourKept() ? Level.LOW : spread,
                in.behaviourKept() ? "verified mechanical patch" : "the change is written by hand",
                "Compare results before and after with the tests of Testing Strategy.");
    }

    /** 1 − mean(probability × impact) / 9 over the risks rated on both; null when none is. */
    public static Double score(List<Risk> risks) {
        double sum = 0;
        int rated = 0;
        for (Risk risk : risks) {
            Level p = Level.of(risk.probability());
            Level i = Level.of(risk.impact());
            if (p != Level.UNKNOWN && i != Level.UNKNOWN) {
                sum += p.value() * i.value();
                rated++;
            }
        }
        return rated == 0 ? null : 1 - sum / rated / 9.0;
    }

    private static Risk risk(String taskId, String kind, String description, Level p, Level i, String evidence, String mitigation) {
        return new Risk(PlanIds.of("implementation-risk", taskId, kind), kind, description, p.label(), i.label(), evidence, mitigation);
    }
}
