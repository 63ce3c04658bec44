package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.javamodel.CatchSite;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.ThrowSite;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.PlanIds;
import dev.autocoder.workers.testplan.rules.ExceptionTypes;
import dev.autocoder.workers.testplan.rules.IntegrationCatalog;
import dev.autocoder.workers.testplan.rules.IntegrationKind;
import dev.autocoder.workers.testplan.rules.Resources;
import dev.autocoder.workers.testplan.rules.SignalExceptions;
import dev.autocoder.workers.testplan.rules.ThrownExceptions;
import dev.autocoder.workers.testplan.spec.Specs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.autocoder.workers.testplan.perspectives.FailureModesPerspective.cap;
import static dev.autocoder.workers.testplan.perspectives.FailureModesPerspective.simple;

/**
 * The ways one method can fail, each a {@link FailureMode} with its probability and impact, read from the model: what
 * it declares and throws, the calls it makes (conversions, resources, integrations), its casts, its null returns and
 * the catches that swallow ({@link FailureModesPerspective} describes each mode and how it is rated).
 */
final class MethodFailureModes {

    /** What a Python handler catches every failure with (the planner cannot place most Python exception types). */
    private static final Set<String> PYTHON_CATCH_ALL = Set.of("Exception", "BaseException");
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "byte", "char", "double", "float", "boolean");
    private static final Map<String, Set<String>> PYTHON_PROTOCOL_SIGNALS = Map.of(
            "__getattr__", Set.of("AttributeError"), "__getattribute__", Set.of("AttributeError"),
            "__delattr__", Set.of("AttributeError"), "__getitem__", Set.of("KeyError", "IndexError", "LookupError"),
            "__delitem__", Set.of("KeyError", "IndexError", "LookupError"), "__missing__", Set.of("KeyError"),
            "__next__", Set.of("StopIteration"), "__anext__", Set.of("StopAsyncIteration"));

    private final MethodRef ref;
    private final MethodModel m;
    private final ThrownExceptions thrownExceptions;
    private final ExceptionTypes types;
    private final SignalExceptions signals;
    private final boolean api;
    private final boolean python;
    /** How much a failure that reaches the caller matters: to an API's users most, to a private method's class least. */
    private final String impactOfException;
    private final List<FailureMode> modes = new ArrayList<>();

    private MethodFailureModes(MethodRef ref, ThrownExceptions thrownExceptions, SignalExceptions signals) {
        this.ref = ref;
        this.m = ref.method();
        this.thrownExceptions = thrownExceptions;
        this.types = thrownExceptions.types();
        this.signals = signals;
        this.api = ref.isApi();
        this.python = ref.file().path().endsWith(".py");
        this.impactOfException = api ? "high" : m.visibility().equals("private") ? "low" : "medium";
    }

    static List<FailureMode> of(MethodRef ref, ThrownExceptions thrownExceptions, SignalExceptions signals) {
        MethodFailureModes method = new MethodFailureModes(ref, thrownExceptions, signals);
        method.exceptions();
        method.m.invocations().forEach(method::call);
        method.casts();
        method.nullReturns();
        method.swallowingCatches();
        return method.modes;
    }

    /**
     * Declared exceptions, where something in the method can fail (an abstract or interface method, or an empty
     * default, declares them for its implementations, whose own modes are planned where they are written), and thrown
     * ones that escape and are no protocol signal, unreachable guard or stop signal.
     */
    private void exceptions() {
        boolean canFail = !m.invocations().isEmpty() || !m.throwSites().isEmpty() || !m.casts().isEmpty();
        for (String thrown : canFail ? m.thrown() : List.<String>of()) {
            add(m.beginLine(), "declared-exception", thrown, m.signature() + " throws " + thrown,
                    "medium", impactOfException, m.name() + "_whenItFails_throws" + simple(thrown));
        }
        for (ThrowSite t : m.throwSites()) {
            if (t.type() != null && !types.caught(t.type(), t.caughtBy(), ref.file())
                    && !protocolSignal(m, t.type(), python) && !unreachableGuard(t.type()) && !signals.isSignal(t.type())) {
                add(t.line(), "thrown-exception", t.type(), t.text(), "medium", impactOfException,
                        m.name() + "_throws" + simple(t.type()) + (t.message() == null ? "" : "_" + words(t.message())));
            }
        }
    }

    private void call(Invocation call) {
        String exception = ExceptionTypes.conversion(call);
        if (exception != null && !types.caught(exception, call.caughtBy(), ref.file())
                && !thrownExceptions.declares(ref, exception)) {
            String probability = call.paramsReached().isEmpty() ? "low" : documented(exception) ? "medium" : "high";
            add(call.line(), "unchecked-conversion", exception, call.text(), probability, impactOfException,
                    m.name() + "_when" + (call.paramsReached().isEmpty() ? "Input" : cap(call.paramsReached().get(0)))
                            + "IsMalformed_throws" + exception);
        }
        if (Resources.leaks(ref, call, thrownExceptions.calls())) {
            add(call.line(), "resource-leak", null, call.text(), "medium", api ? "high" : "medium",
                    m.name() + "_closes" + simple(call.type() == null ? "Resource" : call.type()) + "_whenItFails");
        }
        IntegrationCatalog.classify(call).filter(k -> k.risk().equals("high")).ifPresent(kind -> integration(call, kind));
    }

    private void integration(Invocation call, IntegrationKind kind) {
        boolean command = python && kind == IntegrationKind.PROCESS;
        String raised = command ? PythonCommands.exception(call) : python ? pythonExceptionOf(kind, call) : exceptionOf(kind);
        if (raised != null) {
            // a fixed command (packaging's mac_platforms running its own interpreter with a one-liner) fails
            // less often than one built from the input; a program can still be missing. Python's
            // socket.socket(..) and create_engine(..) only make a handle: its use is where a network fails
            String probability = IntegrationCatalog.handleOnly(call) ? "low"
                    : command && call.paramsReached().isEmpty() ? "medium" : "high";
            // handled where it happens (sphinx's `except CalledProcessError as exc: raise GraphvizError(..)
            // from exc`): the test checks the handling, the failure does not reach the caller as it is
            boolean handled = types.caught(raised, call.caughtBy(), ref.file())
                    || python && call.caughtBy().stream().anyMatch(PYTHON_CATCH_ALL::contains);
            // returned as it is (sphinx's `return requests.get(url, **kwargs)`, "like requests.get()"): the
            // function's callers get the call's failures as they would calling it themselves
            boolean passedOn = python && call.hasFact("returned") && impactOfException.equals("high");
            add(call.line(), "integration-failure", raised, call.text(), probability,
                    handled ? "low" : passedOn ? "medium" : impactOfException,
                    m.name() + "_when" + cap(kind.label().replace("-", "")) + "Fails_reportsIt");
        }
        if (command && PythonCommands.dropsExitStatus(call)) {
            // a constant command (os.system("cls")) seldom fails; one built from the input may
            add(call.line(), "ignored-exit-status", null, call.text(),
                    call.paramsReached().isEmpty() ? "low" : "high", impactOfException, m.name() + "_whenTheCommandFails_reportsIt");
        }
    }

    private void casts() {
        for (int i = 0; i < m.casts().size(); i++) {
            String cast = m.casts().get(i);
            if (!PRIMITIVES.contains(cast)) {
                // the caller's input decides only when the cast value is a parameter; else the callee's contract does
                String operand = m.castOperands().get(i);
                String probability = m.paramType(operand) == null ? "low"
                        : documented("ClassCastException") ? "medium" : "high";
                add(m.castLines().get(i), "unchecked-cast", "ClassCastException", "(" + cast + ") " + operand,
                        probability, impactOfException, m.name() + "_whenNotA" + simple(cast) + "_throwsClassCastException");
            }
        }
    }

    private void nullReturns() {
        for (int line : m.nullReturnLines()) {
            // Python: a caller that uses the None fails with a TypeError or AttributeError
            if (python) {
                add(line, "null-return", "TypeError", "return None", "medium", api ? "medium" : "low",
                        m.name() + "_mayReturnNone_callersHandleIt");
            } else {
                add(line, "null-return", "NullPointerException", "return null;", "medium", api ? "medium" : "low",
                        m.name() + "_mayReturnNull_callersHandleIt");
            }
        }
    }

    private void swallowingCatches() {
        for (CatchSite c : m.catches()) {
            if (c.swallows() && !signals.catchesOnlySignals(c)) {
                add(c.line(), "swallowed-exception", String.join(" | ", c.types()), python ? c.text() : "catch (" + c.text() + ")",
                        "medium", api ? "high" : "medium", m.name() + "_when" + simple(c.types().get(0)) + "_isNotSwallowed");
            }
        }
    }

    private void add(int line, String mode, String exception, String evidence, String probability, String impact,
                     String testName) {
        String id = PlanIds.of("failure-mode", ref.file().path(), ref.key(), mode, exception, evidence);
        modes.add(new FailureMode(id, ref.file().path(), line, ref.type().qualifiedName(), m.signature(), mode, exception,
                "line " + line + ": " + evidence, probability, impact, Specs.identifier(testName)));
    }

    /**
     * Whether the method's javadoc says it fails with that exception (or a supertype: commons-lang's {@code @throws
     * ClassCastException if rhs is not assignment-compatible}): callers are told, so it is no surprise, as for a
     * {@code throws} clause.
     */
    private boolean documented(String exception) {
        return m.documentedThrows().stream().anyMatch(d -> types.isSubtype(exception, d, ref.file()));
    }

    /**
     * An exception that is how the method speaks its protocol, not a way it fails: Python's {@code __getattr__}
     * raising AttributeError (how {@code getattr(o, name, default)} and {@code hasattr} work), {@code __getitem__}'s
     * KeyError or IndexError, {@code __next__}'s StopIteration, an abstract-by-convention method's
     * NotImplementedError (its subclasses are what a test exercises), and Java's {@code Iterator.next()} throwing
     * NoSuchElementException, as its contract demands.
     */
    static boolean protocolSignal(MethodModel m, String exception, boolean python) {
        String type = simple(exception);
        if (!python) {
            return m.name().equals("next") && m.params().isEmpty() && type.equals("NoSuchElementException");
        }
        return type.equals("NotImplementedError")
                || PYTHON_PROTOCOL_SIGNALS.getOrDefault(m.name(), Set.of()).contains(type);
    }

    /**
     * {@code throw new AssertionError(..)} marks a place its author holds unreachable (the default of an exhaustive
     * switch, a utility class's private constructor, Guava's {@code AssertionError("impossible")}): no test can
     * reach it to expect it, so it is no failure mode to plan a test for.
     */
    static boolean unreachableGuard(String exception) {
        return simple(exception).equals("AssertionError");
    }

    /** What a Python integration call raises when the other side fails, by the library it belongs to. */
    private static String pythonExceptionOf(IntegrationKind kind, Invocation call) {
        String library = call.type() == null ? "" : call.type().split("\\.")[0];
        return switch (kind) {
            case HTTP -> switch (library) {
                case "requests" -> "requests.RequestException";
                case "httpx" -> "httpx.HTTPError";
                case "aiohttp" -> "aiohttp.ClientError";
                default -> "OSError";
            };
            case DATABASE -> library.equals("sqlalchemy") ? "sqlalchemy.exc.SQLAlchemyError" : library + ".Error";
            case NETWORK, FILE_SYSTEM -> "OSError";
            default -> "RuntimeError";
        };
    }

    private static String exceptionOf(IntegrationKind kind) {
        return switch (kind) {
            case DATABASE -> "SQLException";
            case PROCESS, HTTP, NETWORK, FILE_SYSTEM -> "IOException";
            default -> "RuntimeException";
        };
    }

    /** The first four words of a message, each capitalized, for a test name. */
    private static String words(String message) {
        String[] parts = message.replaceAll("[^A-Za-z0-9 ]", " ").strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(4, parts.length); i++) {
            out.append(cap(parts[i]));
        }
        return out.toString();
    }
}
