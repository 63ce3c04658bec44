package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.CatchSite;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.ProjectCalls;
import dev.autocoder.workers.testplan.rules.Resources;
import dev.autocoder.workers.testplan.rules.SignalExceptions;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Error Handling over the main code: {@code empty-catch} (high: the failure disappears; medium when broad around a
 * cleanup or before a fallback, {@link CatchSite#onlyCleansUp()}, {@link CatchSite#fallsBack()}),
 * {@code log-and-continue} (medium: only logged), both unless the clause says it means it
 * ({@link CatchSite#deliberate()}) or catches the project's own stop signals ({@link SignalExceptions}),
 * {@code over-broad-catch} (medium: catches Exception, Throwable or RuntimeException without rethrowing it or handing
 * it on to a call, as a future's {@code setException(t)} does),
 * {@code lost-cause} (medium: throws a new exception without the caught one; low in Python, which keeps the caught
 * one as the new one's context unless told {@code from None}), and {@code missing-try-with-resources}
 * (high: a resource opened outside try-with-resources and not closed in a finally block, returned, stored or handed
 * to a project method that closes it, as the failure modes judge it).
 * <p>
 * Specifications: per method with findings, a test that makes the guarded call fail and expects the failure to be
 * visible with its cause (or the resource closed). Quality score: {@code 1 / (1 + d / 5)} with d =
 * severity-weighted findings per 1000 main lines.
 */
@Component
class ErrorHandlingPerspective extends TestPlanningPerspective {

    ErrorHandlingPerspective(TestPlanServices services) {
        super(services, "error-handling", "Error Handling");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        Map<String, Integer> byRule = new TreeMap<>();
        ProjectCalls calls = new ProjectCalls(planning.model());
        SignalExceptions signals = new SignalExceptions(planning.model());
        for (MethodRef m : planning.model().mainMethods()) {
            List<Finding> own = findings(m, calls, signals);
            if (own.isEmpty()) {
                continue;
            }
            own.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
            result.findings.addAll(own);
            if (!m.method().visibility().equals("private")) {
                boolean leak = own.stream().anyMatch(f -> f.rule().equals("missing-try-with-resources"));
                result.specifications.add(Specs.of(m, id(), "unit", m.method().name() + (leak ? "_closesResourcesOnFailure" : "_reportsFailures"),
                        "the call guarded at line " + own.get(0).line() + " fails",
                        "calling " + m.method().signature(),
                        leak ? "every resource it opened is closed" : "the failure reaches the caller with the original exception as its cause",
                        List.of(), leak ? "no open resource" : "an exception with a cause", own.stream().map(Finding::id).toList()));
            }
        }
        byRule.forEach((rule, count) -> result.metric(rule.replace('-', '_'), count));
        result.qualityScore = Scores.density(result.findings, planning.mainLines());
        result.details.put("by_rule", byRule);
        boolean python = CodeNouns.ofMainCode(planning).python();
        result.summary = result.findings.isEmpty()
                ? "No empty, over-broad or cause-losing " + (python ? "`except`" : "catch") + " and no unclosed resource."
                : Plural.of(result.findings.size(), "error-handling problem") + ": " + KindCounts.of(byRule) + ".";
        byRule.forEach((rule, count) -> result.recommendations.add(recommendation(rule, count, python)));
        return result;
    }

    /** The method's handlers that lose a failure and the resources it may leave open. */
    private static List<Finding> findings(MethodRef m, ProjectCalls calls, SignalExceptions signals) {
        List<Finding> own = new ArrayList<>();
        boolean python = m.file().path().endsWith(".py"); // Python's words: except, with, raise … from
        for (CatchSite c : m.method().catches()) {
            // an optional import, a try/else branch, a comment, a variable named ignored, or the project's own stop
            // signal: nothing is lost
            boolean deliberate = c.deliberate() || signals.catchesOnlySignals(c);
            catchFindings(m, c, python, deliberate, own);
        }
        for (Invocation call : m.method().invocations()) {
            if (Resources.leaks(m, call, calls)) {
                own.add(finding("missing-try-with-resources", Severity.HIGH, m, call.line(), CallNames.of(m, call)
                        + (python ? " is opened outside a `with` block and not closed in `finally`"
                        : " is opened outside try-with-resources and not closed in finally"), call.text()));
            }
        }
        return own;
    }

    private static void catchFindings(MethodRef m, CatchSite c, boolean python, boolean deliberate, List<Finding> own) {
        String types = String.join(" | ", c.types());
        String handler = python ? "`" + c.text() + "`" : "catch of " + types; // `except:` or `except OSError as e:`
        if (!deliberate && c.empty()) {
            // Python asks forgiveness, not permission: `except KeyError: pass` is its idiom, which ruff's S110 (as
            // Bandit's B110) leaves alone by default; a bare or `Exception` handler loses every failure
            boolean narrow = !c.types().isEmpty() && !c.overBroad();
            Severity severity = Severity.HIGH;
            String why = "";
            if (c.onlyCleansUp()) {
                // a cleanup that fails leaves nothing to undo (commons-io's closeQuietly, Django's response.close(),
                // sphinx's shutil.rmtree of its temporary folder)
                severity = narrow ? Severity.LOW : Severity.MEDIUM;
                why = " (the " + (python ? "`try`" : "try block") + " only closes, stops, cancels or removes "
                        + "something: a failed cleanup leaves nothing to undo" + (narrow ? ")" : ", but a bug in it goes "
                        + "unseen too; catch only what it raises)");
            } else if (c.fallsBack() && !narrow) {
                // the fallback is meant (ldap3's formatters return the raw value they could not format)
                severity = Severity.MEDIUM;
                why = " (the `try` returns what it finds when it can and the code after it is the other way, so "
                        + "falling back is meant, but a bug in the `try` goes unseen too; catch only what it raises)";
            } else if (python && narrow) {
                severity = Severity.MEDIUM;
                why = " (one named type: ruff's S110, like Bandit's B110, reports only a bare or `Exception` handler)";
            }
            own.add(finding("empty-catch", severity, m, c.line(), "empty " + handler + ": the failure disappears" + why,
                    c.text()));
        } else if (!deliberate && c.onlyLogs() && !c.rethrows()) {
            own.add(finding("log-and-continue", Severity.MEDIUM, m, c.line(), handler + " only logs and goes on", c.text()));
        }
        if (c.overBroad() && !c.rethrows() && !c.handsOn()) {
            own.add(finding("over-broad-catch", Severity.MEDIUM, m, c.line(), "catches " + types + ": unrelated failures are handled the same way", c.text()));
        }
        if (c.lostCause()) {
            // Python chains it implicitly: the traceback still shows it, as the context
            own.add(finding("lost-cause", python ? Severity.LOW : Severity.MEDIUM, m, c.line(), python
                    ? "raises a new exception without `from` the caught " + types + ": the traceback shows it only "
                    + "as the context (\"During handling of the above exception\")"
                    : "throws a new exception without the caught " + types + " as its cause", c.text()));
        }
    }

    private static String recommendation(String rule, int count, boolean python) {
        return switch (rule) {
            case "empty-catch" -> python ? "Handle or re-raise in the " + Plural.of(count, "empty `except` block") + "."
                    : "Handle or rethrow in the " + Plural.of(count, "empty catch block") + ".";
            case "missing-try-with-resources" -> "Open the " + Plural.of(count, "resource") + (python ? " in a `with` block."
                    : " in try-with-resources.");
            case "lost-cause" -> python ? "Raise the new exception `from` the caught one in " + Plural.of(count, "place") + "."
                    : "Pass the caught exception as the cause in " + Plural.of(count, "place") + ".";
            case "over-broad-catch" -> "Catch the specific exceptions in " + Plural.of(count, "place") + ".";
            default -> "Decide what should happen instead of only logging in " + Plural.of(count, "place") + ".";
        };
    }

    private static Finding finding(String rule, Severity severity, MethodRef m, int line, String message, String snippet) {
        return Finding.of(rule, "Error Handling", severity, m.file().path(), line, line,
                m.type().simpleName() + "." + m.method().signature() + ": " + message, m.key() + " " + snippet);
    }
}
