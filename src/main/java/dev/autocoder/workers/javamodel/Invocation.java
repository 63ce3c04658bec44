package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * A method call or an object creation inside a method body.
 *
 * @param creation       true for {@code new T(...)}
 * @param type           the receiver's (or created) type, package-qualified when the file's imports tell it,
 *                       else as written; null when the receiver's type is unknown (no classpath is used)
 * @param method         the called method; {@code <init>} for a creation
 * @param line           1-based line
 * @param loopDepth      how many loops enclose the call within its method
 * @param inResourceSpec the call is a resource of a try-with-resources statement
 * @param closedLocally  the created object (or the JDK wrapper created around it) is owned: assigned to a local that
 *                       is closed in a {@code finally} block, returned or stored in a field, or itself returned or
 *                       stored in a field
 * @param paramsReached  names of the enclosing method's parameters the arguments use (directly or through a local
 *                       assigned from them)
 * @param text           the call's source text, whitespace-normalized
 * @param implicitReceiver a call without a receiver or on {@code this}: a method of the enclosing type
 * @param arguments      how many arguments the call passes
 * @param caughtBy       the types the catch clauses of the enclosing {@code try} statements (within the method)
 *                       catch, innermost first; empty when no {@code try} block encloses the call
 * @param collectionLoop index in {@link MethodModel#loops()} of the innermost enclosing loop over a collection,
 *                       array or stream; -1 when no such loop encloses the call
 * @param handedTo       for a JDK object the call opens or creates: where it goes, as "index in
 *                       {@link MethodModel#invocations()}:argument position" of the calls that receive it (directly,
 *                       through the local it is assigned to, or through a wrapper created around it)
 * @param facts          Java: {@code parameters=} the erased parameter types of the overload PMD resolved, for a
 *                       call into {@code java.lang}, {@code java.math}, {@code java.time} or {@code java.util};
 *                       {@value #FIRST_ARGUMENT_PARAMS}{@code =} the parameters the first argument uses, for a call of
 *                       several arguments that reaches any; {@value #CONSTRUCTOR_DEFAULT} for a call passed to
 *                       {@code this(...)}.
 *                       Python: the arguments as the security and data-integrity rules read them, e.g. {@code shell=True}, {@code verify=False}, {@code Loader=yaml.SafeLoader},
 *                       {@code **=kwargs}, {@code arg0=fstring} (how the first argument is built), {@code arg1'=w}
 *                       (a string constant's value), {@code transaction} (inside a database transaction block),
 *                       {@value #OWN_PACKAGE} (a call into the calling file's own top-level package), {@code discarded} (a
 *                       statement of its own: what the call returns is dropped)
 */
public record Invocation(boolean creation, String type, String method, int line, int loopDepth, boolean inResourceSpec,
                         boolean closedLocally, List<String> paramsReached, String text, boolean implicitReceiver,
                         int arguments, List<String> caughtBy, int collectionLoop, List<String> handedTo,
                         List<String> facts) {

    /** The fact of a Python call into the calling file's own top-level package: the project's own code. */
    public static final String OWN_PACKAGE = "own-package";

    /**
     * The fact of a Java call passed to {@code this(...)}: a default a convenience constructor hands to the
     * constructor that takes it ({@code this(root, Clock.systemUTC())}), which a test calls instead.
     */
    public static final String CONSTRUCTOR_DEFAULT = "constructor-default";

    /**
     * The fact of a call in a loop that stops early ({@code break} or {@code return}): candidates tried in turn until
     * one works (paramiko's connect trying each address family), not one call for every element.
     */
    public static final String LOOP_STOPS_EARLY = "loop-stops-early";

    /**
     * The fact of a call inside a loop over a collection that works on that loop's element: its receiver or an
     * argument is the element or read from it ({@code file.isDirectory()} for each {@code file} of a listing), the
     * loop's own work on each element rather than the same call repeated.
     */
    public static final String ON_LOOP_ELEMENT = "on-loop-element";

    /**
     * The fact of a {@code System.nanoTime()} read that measures an elapsed time: only ever subtracted from, the
     * difference not compared where it is taken ({@code long start = System.nanoTime(); … System.nanoTime() - start}
     * for a log line or a timer). What the method does does not depend on it, so a test need not fix the clock.
     */
    public static final String MEASURES_ELAPSED = "measures-elapsed";

    /** The fact naming the parameters a Java call's first argument uses, when it has more than one argument. */
    public static final String FIRST_ARGUMENT_PARAMS = "first-argument-params";

    /**
     * The fact of a Java call of more than one argument whose parameters all go into its first argument alone: in
     * {@code new File(dir, name)}, the folder, not the name.
     */
    public static final String FIRST_ARGUMENT_ONLY = "first-argument-only";

    public Invocation {
        type = Interned.string(type);
        method = Interned.string(method);
        paramsReached = Interned.strings(paramsReached);
        text = Interned.string(text);
        caughtBy = caughtBy.isEmpty() ? List.of() : Interned.strings(caughtBy);
        handedTo = handedTo.isEmpty() ? List.of() : List.copyOf(handedTo);
        facts = facts == null || facts.isEmpty() ? List.of() : Interned.strings(facts);
    }

    /** The value of fact {@code key} ({@code shell} gives {@code True} for {@code shell=True}); null when absent. */
    public String fact(String key) {
        String prefix = key + "=";
        for (String f : facts) {
            if (f.startsWith(prefix)) {
                return f.substring(prefix.length());
            }
        }
        return null;
    }

    public boolean hasFact(String fact) {
        return facts.contains(fact);
    }

    /**
     * The parameters the first argument uses: the class name of {@code Class.forName(name, initialize, loader)}, not
     * its loader. A Java call of several arguments says it in the fact {@value #FIRST_ARGUMENT_PARAMS}; otherwise
     * every parameter the call reaches.
     */
    public List<String> paramsReachedByFirstArgument() {
        String first = fact(FIRST_ARGUMENT_PARAMS);
        return first == null ? paramsReached : first.isEmpty() ? List.of() : List.of(first.split(","));
    }

    /** {@code Files.readAllBytes}, {@code new FileInputStream}: the simple type and the method, for messages. */
    public String shortName() {
        String simple = type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
        return creation ? "new " + simple : simple + "." + method;
    }

    Invocation handedTo(List<String> receivers) {
        return new Invocation(creation, type, method, line, loopDepth, inResourceSpec, closedLocally, paramsReached, text,
                implicitReceiver, arguments, caughtBy, collectionLoop, receivers, facts);
    }
}
