package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.MethodRef;
import dev.autocoder.workers.javamodel.ProjectCalls;
import dev.autocoder.workers.javamodel.ThrowSite;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a method really throws, resolved through the project's own code: its declared {@code throws}, its
 * {@code throw new T(..)} statements and the JDK conversions it calls that no enclosing {@code try} catches, and
 * the same of the project methods it calls (to a depth of {@value #MAX_DEPTH}), minus what the call site catches.
 * Memoized per method; a recursive call adds nothing.
 */
public final class ThrownExceptions {

    static final int MAX_DEPTH = 4;

    private final ProjectCalls calls;
    private final ExceptionTypes types;
    private final Map<String, Map<String, String>> memo = new HashMap<>();

    public ThrownExceptions(CodeModel model) {
        this.calls = new ProjectCalls(model);
        this.types = new ExceptionTypes(calls);
    }

    public ProjectCalls calls() {
        return calls;
    }

    public ExceptionTypes types() {
        return types;
    }

    /** Simple exception type name to where it comes from (e.g. {@code line 12: throw new ParseFailure(..)}), in order. */
    public Map<String, String> of(MethodRef method) {
        return of(method, 0, new HashSet<>());
    }

    private Map<String, String> of(MethodRef ref, int depth, Set<String> inProgress) {
        String key = ref.file().path() + "#" + ref.key();
        Map<String, String> known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (depth > MAX_DEPTH || !inProgress.add(key)) {
            return Map.of();
        }
        MethodModel m = ref.method();
        Map<String, String> out = new LinkedHashMap<>();
        for (String declared : m.thrown()) {
            out.putIfAbsent(ExceptionTypes.simple(declared), "declared: throws " + declared);
        }
        for (ThrowSite t : m.throwSites()) {
            if (t.type() != null && !types.caught(t.type(), t.caughtBy(), ref.file())) {
                out.putIfAbsent(ExceptionTypes.simple(t.type()), "line " + t.line() + ": " + t.text());
            }
        }
        for (Invocation call : m.invocations()) {
            String conversion = ExceptionTypes.conversion(call);
            if (conversion != null && !types.caught(conversion, call.caughtBy(), ref.file())) {
                out.putIfAbsent(conversion, "line " + call.line() + ": " + call.text());
            }
            for (MethodRef callee : calls.targets(ref, call)) {
                of(callee, depth + 1, inProgress).forEach((type, origin) -> {
                    if (!types.caught(type, call.caughtBy(), ref.file())) {
                        out.putIfAbsent(type, callee.type().simpleName() + "." + callee.method().signature() + " (" + origin + ")");
                    }
                });
            }
        }
        inProgress.remove(key);
        Map<String, String> result = out.isEmpty() ? Map.<String, String>of() : java.util.Collections.unmodifiableMap(out);
        memo.put(key, result);
        return result;
    }

    /**
     * The exception a test of a failure should expect: the planned type when the method lets it (or a subtype of
     * it) escape, else the only type the method throws; null when neither tells (the test then expects any
     * {@code Exception} and says why).
     */
    public String expected(MethodRef method, String planned) {
        Map<String, String> thrown = of(method);
        if (planned != null) {
            String match = null;
            for (String type : thrown.keySet()) {
                // the most specific escaping type the planned one covers: a declared Exception does not hide a BadInput
                if (types.isSubtype(type, planned, method.file()) && (match == null || types.isSubtype(type, match, method.file()))) {
                    match = type;
                }
            }
            if (match != null) {
                return match;
            }
            for (String type : thrown.keySet()) {
                if (types.isSubtype(planned, type, method.file())) {
                    return ExceptionTypes.simple(planned);
                }
            }
        }
        return thrown.size() == 1 ? thrown.keySet().iterator().next() : null;
    }

    /** Whether the method declares a type that covers the exception (it hands it to its callers deliberately). */
    public boolean declares(MethodRef method, String exception) {
        List<String> declared = method.method().thrown();
        return declared.stream().anyMatch(d -> types.isSubtype(exception, d, method.file())
                && !ExceptionTypes.simple(d).equals("Exception") && !ExceptionTypes.simple(d).equals("Throwable"));
    }
}
