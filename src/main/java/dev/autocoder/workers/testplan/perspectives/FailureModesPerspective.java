package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.javamodel.CatchSite;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.Scores;
import dev.autocoder.workers.testplan.rules.SignalExceptions;
import dev.autocoder.workers.testplan.rules.ThrownExceptions;
import dev.autocoder.workers.testplan.spec.PytestNames;
import dev.autocoder.workers.testplan.spec.Specs;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failure Mode Analysis: per method in scope (changed, or every method on a first run) plus every "risky" method
 * (cyclomatic complexity of {@value #RISKY_COMPLEXITY} or more, or a call to HTTP, a database, messaging, a socket or
 * a process), the ways it can fail:
 * <ul>
 *   <li>{@code declared-exception}: a {@code throws} type of a method that calls, throws or casts something (an
 *       abstract or interface method declares it for its implementations);</li>
 *   <li>{@code thrown-exception}: a {@code throw new T(..)} that no enclosing {@code try} of the method catches
 *       (also one in a catch block that translates a caught exception into T), unless it is the method's protocol
 *       ({@link MethodFailureModes#protocolSignal}), an unreachable guard ({@link MethodFailureModes#unreachableGuard}) or the project's own stop signal
 *       ({@link SignalExceptions});</li>
 *   <li>{@code unchecked-conversion}: {@code Integer.parseInt}, {@code Long.valueOf}, {@code UUID.fromString},
 *       {@code LocalDate.parse}, {@code new BigDecimal(..)} and the like, unless an enclosing {@code try} catches
 *       the exception (that type or a supertype: JDK types through a known hierarchy, project types through their
 *       declared supertypes) or the method declares it (hands it to its callers deliberately);</li>
 *   <li>{@code unchecked-cast}: a cast to a reference type that can fail where it stands (not to {@code Object} or a
 *       type variable, not of {@code clone()}, not of an operand tested with {@code instanceof});</li>
 *   <li>{@code null-return}: {@code return null};</li>
 *   <li>{@code resource-leak}: a stream, reader, socket, connection or statement opened outside try-with-resources,
 *       not closed in a finally block, not returned or stored in a field, and not handed to a project method that
 *       closes that parameter (in its own try-with-resources or with {@code close()});</li>
 *   <li>{@code swallowed-exception}: a catch block that is empty or only logs, unless it says it means it
 *   ({@link CatchSite#deliberate()}) or catches the project's own stop signals ({@link SignalExceptions});</li>
 *   <li>{@code integration-failure}: a high-risk integration call (the remote side is down or answers badly); a
 *       Python command raises what the standard library says ({@link PythonCommands}), through a shell nothing;
 *       impact low when an enclosing {@code try} of the method catches that failure (it is handled where it
 *       happens: translated, reported or retried), medium where a Python function returns the call as it is (sphinx's
 *       {@code return requests.get(url, **kwargs)}, "like requests.get()": its callers get the call's failures as
 *       they would calling it themselves);</li>
 *   <li>{@code ignored-exit-status}: a Python call that returns a command's exit status as a statement of its own
 *       ({@code os.system(cmd)}, {@code subprocess.run(cmd)} without {@code check=True}): a failing command goes
 *       unnoticed (probability high when the command is built from a parameter, low for a constant one).</li>
 * </ul>
 * Probability: high when the trigger depends on a parameter (a conversion or call whose arguments use one, a cast of
 * a parameter; medium when the method's javadoc documents the exception with {@code @throws}, as its contract) or is
 * a high-risk integration call (medium for a Python command that uses no parameter, low for making a client handle
 * that touches no network until used: a Python socket object, SQLAlchemy's engine); medium for declared and thrown
 * exceptions, leaks and null returns; low otherwise. Impact: high for API methods (public method of a public type) whose failure reaches the caller
 * (exceptions, leaks) or is hidden (swallowed); medium for other methods and for null returns; low for private
 * methods. Each mode gets a named test and a finding (severity high when probability and impact are both high,
 * medium when one is, low otherwise). A test that expects an exception names what the method really throws
 * ({@link ThrownExceptions}): the planned type when it escapes, else the only type the method throws, else any
 * {@code Exception} with a comment that says the type could not be resolved.
 * <p>
 * Quality score: {@code 1 / (1 + d / 5)} with d = severity-weighted failure modes per 1000 main lines.
 */
@Component
class FailureModesPerspective extends TestPlanningPerspective {

    static final int RISKY_COMPLEXITY = 10;

    FailureModesPerspective(TestPlanServices services) {
        super(services, "failure-modes", "Failure Mode Analysis");
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        List<MethodRef> candidates = new ArrayList<>(planning.scopeMethods());
        for (MethodRef m : planning.model().mainMethods()) {
            if (!planning.inScope(m) && isRisky(m.method())) {
                candidates.add(m);
            }
        }
        Map<String, Integer> byMode = new LinkedHashMap<>();
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        ThrownExceptions thrown = new ThrownExceptions(planning.model());
        SignalExceptions signals = new SignalExceptions(planning.model());
        // one failure mode, finding and test per distinct mode of a method: a second `return None` of the same
        // method is the same mode (its id leaves the line out), so counts, findings and tests agree
        Set<String> seen = new HashSet<>();
        for (MethodRef m : candidates) {
            for (FailureMode found : MethodFailureModes.of(m, thrown, signals)) {
                if (!seen.add(found.id())) {
                    continue;
                }
                // a Python mode names the pytest test its specification holds (the specification's id stays the one
                // made from the name as found, so it is the same in either language)
                FailureMode mode = PytestNames.isPython(found.file())
                        ? found.withTestName(PytestNames.testFunction(found.testName())) : found;
                result.failureModes.add(mode);
                byMode.merge(mode.mode(), 1, Integer::sum);
                byLabel.merge(label(mode), 1, Integer::sum);
                Severity severity = severity(mode);
                result.findings.add(Finding.of("failure-mode-" + mode.mode(), "Failure Mode", severity, mode.file(), mode.line(),
                        mode.line(), m.type().simpleName() + "." + m.method().signature() + " can fail: " + label(mode)
                                + (mode.exception() == null ? "" : " (" + mode.exception() + ")") + ", probability "
                                + mode.probability() + ", impact " + mode.impact() + "; evidence: " + mode.evidence(),
                        m.key() + " " + mode.evidence()));
                if (!m.method().visibility().equals("private")) {
                    String exception = expectsException(mode) ? expectedException(thrown, m, mode) : null;
                    result.specifications.add(Specs.of(m, id(), "unit", found.testName(), given(mode),
                            "calling " + m.method().signature(), then(mode, exception), List.of(), expected(mode, exception),
                            List.of(mode.id()), exception));
                }
            }
        }
        result.qualityScore = Scores.density(result.findings, planning.mainLines());
        result.metric("methods_examined", candidates.size());
        byMode.forEach((mode, count) -> result.metric("mode_" + mode.replace('-', '_'), count));
        result.details.put("modes", byMode);
        result.summary = Plural.of(result.failureModes.size(), "failure mode") + " in "
                + CodeNouns.ofMethods(planning, candidates).method().of(candidates.size()) + " ("
                + planning.scopeMethods().size() + " in scope, " + (candidates.size() - planning.scopeMethods().size())
                + " risky elsewhere)" + (byLabel.isEmpty() ? "." : ": " + KindCounts.of(byLabel) + ".");
        // one recommendation per test: two HTTP calls of one function are two modes that one test answers
        Map<List<String>, List<Integer>> firstTests = new LinkedHashMap<>();
        result.failureModes.stream().filter(f -> f.probability().equals("high") && f.impact().equals("high"))
                .forEach(f -> firstTests.computeIfAbsent(List.of(f.className() + "." + f.method(), label(f), f.file(),
                        f.testName()), k -> new ArrayList<>()).add(f.line()));
        firstTests.entrySet().stream().limit(5).forEach(e -> result.recommendations.add("Test " + e.getKey().get(0)
                + " for " + e.getKey().get(1) + " first (" + e.getKey().get(2) + ":"
                + String.join(", ", e.getValue().stream().distinct().map(String::valueOf).toList()) + "): "
                + e.getKey().get(3)));
        return result;
    }

    static boolean isRisky(MethodModel m) {
        return m.cyclomatic() >= RISKY_COMPLEXITY || m.invocations().stream().anyMatch(i -> IntegrationCatalog.classify(i)
                .map(k -> k.risk().equals("high")).orElse(false));
    }

    private static boolean expectsException(FailureMode mode) {
        return switch (mode.mode()) {
            case "declared-exception", "thrown-exception", "unchecked-conversion", "unchecked-cast", "integration-failure" -> true;
            default -> false;
        };
    }

    /** What the method really throws for this mode; "" when it cannot be resolved (the test then expects any Exception). */
    private static String expectedException(ThrownExceptions thrown, MethodRef m, FailureMode mode) {
        String resolved = thrown.expected(m, mode.exception());
        return resolved == null ? "" : resolved;
    }

    /**
     * A mode as its language says it: a Python function's {@code thrown-exception} is a raised exception and its
     * {@code null-return} returns None; the metrics and rule ids keep the one id.
     */
    private static String label(FailureMode mode) {
        if (!PytestNames.isPython(mode.file())) {
            return mode.mode();
        }
        return switch (mode.mode()) {
            case "thrown-exception" -> "raised-exception";
            case "null-return" -> "None-return";
            default -> mode.mode();
        };
    }

    private static Severity severity(FailureMode mode) {
        boolean p = mode.probability().equals("high");
        boolean i = mode.impact().equals("high");
        return p && i ? Severity.HIGH : p || i ? Severity.MEDIUM : Severity.LOW;
    }

    /** In Python's words for a Python function: raised, None, function. */
    private static String given(FailureMode mode) {
        boolean python = PytestNames.isPython(mode.file());
        return switch (mode.mode()) {
            case "unchecked-conversion" -> "an input that is not a valid value for the conversion (e.g. \"abc\", \"\", "
                    + (python ? "None" : "null") + ")";
            case "unchecked-cast" -> "an argument of another type than the cast expects";
            case "resource-leak" -> "the work after opening the resource fails";
            case "swallowed-exception" -> "the guarded call " + (python ? "raises " : "throws ") + mode.exception();
            case "integration-failure" -> "the external system is unavailable or answers with an error";
            case "ignored-exit-status" -> "the command is missing or exits with a non-zero status";
            case "null-return" -> python ? "the input for which the function returns None" : "the input for which the method returns null";
            default -> "the condition under which " + mode.exception() + (python ? " is raised (" : " is thrown (")
                    + mode.evidence().replaceFirst("^line \\d+: ", "") + ")";
        };
    }

    private static String then(FailureMode mode, String exception) {
        boolean python = PytestNames.isPython(mode.file());
        String thrown = exception == null || exception.isEmpty() ? "an exception" : exception;
        return switch (mode.mode()) {
            case "resource-leak" -> "the resource is closed";
            case "swallowed-exception" -> "the failure is visible to the caller (" + (python ? "re-raised" : "rethrown")
                    + ", returned or recorded)";
            case "null-return" -> "the caller receives " + (python ? "None" : "null") + " and the documented contract says so";
            case "integration-failure" -> "the failure surfaces as " + thrown + " with context, nothing half-done remains";
            case "ignored-exit-status" -> "the failure is not silent: the exit status is checked and the caller learns of it";
            default -> thrown + (python ? " is raised" : " is thrown") + " with a message naming the bad input";
        };
    }

    private static String expected(FailureMode mode, String exception) {
        if (exception != null) {
            return exception.isEmpty() ? "an exception (the type could not be resolved within the project)" : exception;
        }
        if (mode.mode().equals("ignored-exit-status")) {
            return "a non-zero exit status reported to the caller (raised, returned or logged)";
        }
        return mode.exception() == null ? "no leaked resource" : mode.mode().equals("null-return")
                ? (PytestNames.isPython(mode.file()) ? "None" : "null") : mode.exception();
    }

    static String simple(String type) {
        String t = type.replaceAll("<.*>", "");
        return t.substring(t.lastIndexOf('.') + 1).replace("[]", "Array");
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
