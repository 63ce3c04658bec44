package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.config.AutocoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the curated ruleset narrows a PMD rule with PMD's own {@code violationSuppressXPath}: what is no longer
 * reported, and what still is.
 */
class CuratedRulesetTest {

    @TempDir
    Path root;

    @TempDir
    Path store;

    /**
     * OverrideBothEqualsAndHashcode: an equals(..) or hashCode() that only returns super's keeps the pair consistent
     * (Guava redeclares such methods for their javadoc).
     */
    @Test
    void onlyTheLoneEqualsOrHashCodeWithABodyOfItsOwnIsReported() {
        TestSnapshots.write(root, "src/main/java/p/Pairs.java", """
                package p;

                class Pairs {
                    static class DelegatingEquals {
                        /** Documented again, behaves as Object's. */
                        @Override
                        public boolean equals(Object other) {
                            return super.equals(other);
                        }
                    }

                    static class DelegatingHashCode {
                        @Override
                        public int hashCode() {
                            return super.hashCode();
                        }
                    }

                    static class OwnEquals {
                        int value;

                        @Override
                        public boolean equals(Object other) {
                            return other instanceof OwnEquals o && o.value == value;
                        }
                    }

                    static class DelegatingAfterWork {
                        int calls;

                        @Override
                        public boolean equals(Object other) {
                            calls++;
                            return super.equals(other);
                        }
                    }

                    static class DelegatingToAnother {
                        @Override
                        public int hashCode() {
                            return super.toString().hashCode();
                        }
                    }
                }
                """);
        assertThat(violations("OverrideBothEqualsAndHashcode")).containsExactly(23, 32, 40);
    }

    /**
     * JumbledIncrementer: an inner loop that goes on with the outer loop's variable is reported, unless a return,
     * break or throw follows it at once, so that the outer loop's update never runs on the variable it moved.
     */
    @Test
    void anInnerLoopThatHandsOverToAReturnIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Loops.java", """
                package p;

                class Loops {
                    static String lowerFromFirstUpper(String text) {
                        for (int i = 0; i < text.length(); i++) {
                            if (Character.isUpperCase(text.charAt(i))) {
                                char[] chars = text.toCharArray();
                                for (; i < chars.length; i++) {
                                    chars[i] = Character.toLowerCase(chars[i]);
                                }
                                return new String(chars);
                            }
                        }
                        return text;
                    }

                    static int firstRun(int[] values) {
                        for (int i = 0; i < values.length; i++) {
                            for (; i < values.length && values[i] > 0; i++) {
                                values[i]--;
                            }
                            break;
                        }
                        return values.length;
                    }

                    static int jumbled(int[] values) {
                        int sum = 0;
                        for (int i = 0; i < values.length; i++) {
                            for (int k = 0; k < 3; i++) {
                                sum += values[k];
                            }
                            sum++;
                        }
                        return sum;
                    }
                }
                """);
        assertThat(violations("JumbledIncrementer")).containsExactly(30);
    }

    /**
     * SuspiciousEqualsMethodName: a static method cannot be a mistaken override of Object.equals, nor can a typed
     * overload beside the class's own equals(Object).
     */
    @Test
    void aStaticMethodNamedEqualsOrAnOverloadBesideEqualsObjectIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Matching.java", """
                package p;

                abstract class Matching<T> {
                    static Matching<Object> equals() {
                        return null;
                    }

                    static boolean equals(String left) {
                        return left.isEmpty();
                    }

                    public boolean equals(Matching<T> other) {
                        return other == this;
                    }

                    static final class Text {
                        String value;

                        public boolean equals(Text other) {
                            return other != null && other.value.equals(value);
                        }

                        @Override
                        public boolean equals(Object other) {
                            return other instanceof Text text && equals(text);
                        }

                        @Override
                        public int hashCode() {
                            return value.hashCode();
                        }
                    }
                }
                """);
        assertThat(violations("SuspiciousEqualsMethodName")).containsExactly(12);
    }

    /**
     * UseEqualsToCompareStrings: {@code a == b} as an identity shortcut before the method compares the strings for
     * real (the whole condition of an if that only returns, followed by equals, compareTo or a look at the
     * characters; or {@code a == b || a.equals(b)}) is not reported; an identity test alone still is.
     */
    @Test
    void anIdentityShortcutBeforeARealComparisonIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Texts.java", """
                package p;

                class Texts {
                    static int compare(String left, String right) {
                        if (left == right) {
                            return 0;
                        }
                        return left == null ? -1 : right == null ? 1 : left.compareTo(right);
                    }

                    static boolean same(String left, String right) {
                        if (left == right) {
                            return true;
                        }
                        return false;
                    }

                    static boolean matches(String text, String expected) {
                        boolean identical = text == expected;
                        return identical || text.equals(expected);
                    }

                    static final String TRUE = "true";

                    static Boolean toBooleanObject(String text) {
                        if (text == TRUE) {
                            return Boolean.TRUE;
                        }
                        return text != null && text.length() == 4 && text.charAt(0) == 't' ? Boolean.TRUE : null;
                    }

                    static boolean declared(String uri, String[] uris, int i) {
                        return uri == uris[i] || uri.equals(uris[i]);
                    }

                    static boolean mixedUp(String uri, String name, String other) {
                        return uri == name || other.equals(name);
                    }
                }
                """);
        // reported: an identity test alone, and one beside an equals of another string
        assertThat(violations("UseEqualsToCompareStrings")).containsExactly(12, 19, 37);
    }

    /**
     * CompareObjectsWithEquals, as Sonar's S1698: a comparison with {@code this} (a lock owner's check), and
     * {@code a == b} as the identity shortcut of a method that goes on to compare the values (equals, compare, element
     * by element through a two-argument append: commons-lang3's EqualsBuilder) are not reported; an identity test
     * alone, or one whose branch goes on working, still is.
     */
    @Test
    void aComparisonWithThisOrAnIdentityShortcutIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Values.java", """
                package p;

                import java.util.Objects;

                class Values {
                    private Object owner;
                    private boolean equal = true;

                    void enter() {
                        if (owner != this) {
                            throw new IllegalStateException();
                        }
                    }

                    static boolean equivalent(Object a, Object b) {
                        if (a == b) {
                            return true;
                        }
                        return a != null && a.equals(b);
                    }

                    Values append(Object[] left, Object[] right) {
                        if (left == right) {
                            return this;
                        }
                        for (int i = 0; i < left.length && equal; i++) {
                            append(left[i], right[i]);
                        }
                        return this;
                    }

                    Values append(Object left, Object right) {
                        equal = equal && Objects.equals(left, right);
                        return this;
                    }

                    static boolean same(Object a, Object b) {
                        if (a == b) {
                            return true;
                        }
                        return false;
                    }

                    static int refresh(Object cached, Object current) {
                        if (cached == current) {
                            current = null;
                        }
                        return current == null ? 0 : current.hashCode();
                    }
                }
                """);
        // reported: an identity test alone, one whose branch goes on working
        assertThat(violations("CompareObjectsWithEquals")).containsExactly(38, 45);
    }

    /** ClassCastExceptionWithToArray: a cast to an array of a type variable that erases to Object cannot throw. */
    @Test
    void aCastToAnArrayOfATypeVariableErasedToObjectIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Arrays.java", """
                package p;

                import java.util.Collection;

                class Arrays<T> {
                    static <E> E[] unbounded(Collection<E> items) {
                        return (E[]) items.toArray();
                    }

                    <E extends T> E[] boundedByAVariable(Collection<E> items) {
                        return (E[]) items.toArray();
                    }

                    static <N extends Number> N[] bounded(Collection<N> items) {
                        return (N[]) items.toArray();
                    }

                    static String[] typed(Collection<String> items) {
                        return (String[]) items.toArray();
                    }
                }
                """);

        assertThat(violations("ClassCastExceptionWithToArray")).containsExactly(15, 19);
    }

    /**
     * UseStringBufferForStringAppends: {@code s += x} outside a loop costs one concatenation, as a StringBuilder
     * would (Sonar's S1643 asks for loops only); in a loop each pass copies the whole text.
     */
    @Test
    void onlyAStringAppendedToInALoopIsReported() {
        TestSnapshots.write(root, "src/main/java/p/Texts.java", """
                package p;

                import java.util.List;

                class Texts {
                    static String summary(int count, boolean python, boolean java) {
                        String text = count + " findings";
                        if (python) {
                            text += " in Python";
                        } else if (java) {
                            text += " in Java";
                        }
                        return text;
                    }

                    static String joined(List<String> parts) {
                        String text = "";
                        for (String part : parts) {
                            text += part;
                        }
                        return text;
                    }

                    static String padded(String value, int width) {
                        String text = value;
                        while (text.length() < width) {
                            text = text + " ";
                        }
                        return text;
                    }
                }
                """);

        assertThat(violations("UseStringBufferForStringAppends")).containsExactly(19, 27);
    }

    /** UseConcurrentHashMap: a map in a field can be shared between threads; one in a local variable is the method's. */
    @Test
    void onlyAMapInAFieldIsAskedToBeConcurrent() {
        TestSnapshots.write(root, "src/main/java/p/Names.java", """
                package p;

                import java.util.HashMap;
                import java.util.List;
                import java.util.Map;

                class Names {
                    private final Map<String, Integer> counts = new HashMap<>();

                    Map<String, Integer> lengths(List<String> names) {
                        Map<String, Integer> lengths = new HashMap<>();
                        for (String name : names) {
                            lengths.put(name, name.length());
                        }
                        return lengths;
                    }
                }
                """);

        assertThat(violations("UseConcurrentHashMap")).containsExactly(8);
    }

    /**
     * NonThreadSafeSingleton: a lazy assignment under an explicit Lock ({@code lock(); try { .. } finally { unlock();
     * }}, Camel's LRUCacheFactory) is guarded as one in a synchronized block is; one without a lock, or beside an
     * unguarded assignment, is not.
     */
    @Test
    void aSingletonMadeUnderAnExplicitLockIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Factory.java", """
                package p;

                import java.util.concurrent.locks.Lock;
                import java.util.concurrent.locks.ReentrantLock;

                class Factory {
                    private static final Lock LOCK = new ReentrantLock();
                    private static volatile Factory instance;
                    private static Factory spare;

                    static Factory getInstance() {
                        if (instance == null) {
                            LOCK.lock();
                            try {
                                if (instance == null) {
                                    instance = new Factory();
                                }
                            } finally {
                                LOCK.unlock();
                            }
                        }
                        return instance;
                    }

                    static Factory getSpare() {
                        if (spare == null) {
                            spare = new Factory();
                        }
                        return spare;
                    }

                    static Factory getEither() {
                        if (spare == null) {
                            LOCK.lock();
                            try {
                                spare = new Factory();
                            } finally {
                                LOCK.unlock();
                            }
                            instance = spare;
                        }
                        return spare;
                    }
                }
                """);

        assertThat(violations("NonThreadSafeSingleton")).containsExactly(26, 33);
    }

    /** AssignmentToNonFinalStatic: an instance counter written under an explicit Lock is safe; one without is not. */
    @Test
    void aStaticCounterWrittenUnderAnExplicitLockIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Ids.java", """
                package p;

                import java.util.concurrent.locks.Lock;
                import java.util.concurrent.locks.ReentrantLock;

                class Ids {
                    private static final Lock LOCK = new ReentrantLock();
                    private static int instances;
                    private static int unguarded;
                    private final String seed;

                    Ids(String prefix) {
                        LOCK.lock();
                        try {
                            seed = prefix + (instances++);
                        } finally {
                            LOCK.unlock();
                        }
                        unguarded++;
                    }
                }
                """);

        assertThat(violations("AssignmentToNonFinalStatic")).containsExactly(19);
    }

    /**
     * DoubleCheckedLocking: a local read from an AtomicReference or a ConcurrentMap is published safely (Camel's
     * Suppliers.memorize); a non-volatile field, a plain map, or a local also written from a field outside the lock
     * is not.
     */
    @Test
    void aDoubleCheckOfAValueFromAConcurrentContainerIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Lazy.java", """
                package p;

                import java.util.HashMap;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ConcurrentMap;
                import java.util.concurrent.atomic.AtomicReference;
                import java.util.function.Supplier;

                class Lazy {
                    private Object field;
                    private final AtomicReference<Object> holder = new AtomicReference<>();
                    private final ConcurrentMap<String, Object> cache = new ConcurrentHashMap<>();
                    private final HashMap<String, Object> plain = new HashMap<>();

                    Object fromField() {
                        if (field == null) {
                            synchronized (this) {
                                if (field == null) {
                                    field = new Object();
                                }
                            }
                        }
                        return field;
                    }

                    Object fromAtomic(Supplier<Object> supplier) {
                        Object value = holder.get();
                        if (value == null) {
                            synchronized (holder) {
                                value = holder.get();
                                if (value == null) {
                                    value = supplier.get();
                                    holder.lazySet(value);
                                }
                            }
                        }
                        return value;
                    }

                    Object fromConcurrentMap(String key) {
                        Object value = cache.get(key);
                        if (value == null) {
                            synchronized (cache) {
                                value = cache.get(key);
                                if (value == null) {
                                    value = new Object();
                                    cache.put(key, value);
                                }
                            }
                        }
                        return value;
                    }

                    Object fromPlainMap(String key) {
                        Object value = plain.get(key);
                        if (value == null) {
                            synchronized (plain) {
                                value = plain.get(key);
                                if (value == null) {
                                    value = new Object();
                                    plain.put(key, value);
                                }
                            }
                        }
                        return value;
                    }

                    Object fromAtomicThenField() {
                        Object value = holder.get();
                        value = field;
                        if (value == null) {
                            synchronized (this) {
                                if (value == null) {
                                    value = new Object();
                                    holder.set(value);
                                }
                            }
                        }
                        return value;
                    }
                }
                """);

        assertThat(violations("DoubleCheckedLocking")).containsExactly(15, 54, 68);
    }

    /**
     * ConstructorCallsOverridableMethod: an exception handing its cause to {@code Throwable.initCause} in its
     * constructor (the idiom for exceptions without a cause constructor, Camel's NoFactoryAvailableException) is not
     * reported; any other overridable call is, its own {@code initCause} override's too.
     */
    @Test
    void anExceptionSettingItsCauseInItsConstructorIsNotReported() {
        TestSnapshots.write(root, "src/main/java/p/Failures.java", """
                package p;

                class NoFactoryException extends Exception {
                    NoFactoryException(String name, Throwable cause) {
                        super("no factory for " + name);
                        initCause(cause);
                    }
                }

                class Widget {
                    private String label;

                    Widget() {
                        label = describe();
                    }

                    String describe() {
                        return "widget";
                    }
                }

                class Wrapped {
                    Wrapped(Throwable cause) {
                        initCause(cause);
                    }

                    void initCause(Throwable cause) {
                    }
                }
                """);

        assertThat(violations("ConstructorCallsOverridableMethod")).containsExactly(14, 24);
    }

    /**
     * AssignmentInOperand as Sonar's S1121 reports it: an assignment hidden in an expression (an argument, an
     * arithmetic operand, a condition that tests the assigned value itself), not a chained assignment, an assignment
     * compared at once, the while-loop idiom, or an increment inside an index (the array-stack idiom).
     */
    @Test
    void onlyAnAssignmentHiddenInAnExpressionIsReported() {
        TestSnapshots.write(root, "src/main/java/p/Stacks.java", """
                package p;

                import java.io.BufferedReader;
                import java.io.IOException;

                class Stacks {
                    private final int[] index = new int[8];
                    private final int[] low = new int[8];
                    private final int[] stack = new int[8];
                    private int top;
                    private int next;
                    private boolean done;

                    void visit(int v) {
                        index[v] = low[v] = next++;
                        stack[top++] = v;
                        int first = next = 0;
                    }

                    String firstLine(BufferedReader reader) throws IOException {
                        String line;
                        if ((line = reader.readLine()) != null) {
                            return line;
                        }
                        while ((line = reader.readLine()) != null) {
                            top += line.length();
                        }
                        return null;
                    }

                    int hidden(int a) {
                        System.out.println(next = a);
                        int b = (top = a) + 1;
                        if (done = a > 3) {
                            return b;
                        }
                        return a;
                    }
                }
                """);

        assertThat(violations("AssignmentInOperand")).containsExactly(32, 33, 34);
    }

    /** The lines PMD reports {@code rule} at in {@code root}, with the curated ruleset. */
    private List<Integer> violations(String rule) {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getStore().setPath(store);
        properties.getAnalysis().setPmdThreads(1);
        return new PmdEngine(properties).analyze(TestSnapshots.of(root)).violations().stream()
                .filter(v -> v.rule().equals(rule)).map(PmdViolation::beginLine).toList();
    }
}
