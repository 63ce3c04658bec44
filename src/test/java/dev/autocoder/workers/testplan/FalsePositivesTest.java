package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestSkeleton;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 13: the test planner's false positives seen on this project's own repository, each planted in a small git
 * repository made here: conversions inside a try that catches their exception, a reader the called method closes,
 * I/O in a loop with no elements, a skeleton expecting the JDK exception a project exception replaces, and two
 * identical tests in one skeleton.
 */
class FalsePositivesTest {

    @TempDir
    Path temp;

    @Test
    void conversionsCaughtByAnEnclosingTryOrDeclaredAreNotUnhandledFailureModes() throws Exception {
        List<FailureMode> modes = failureModes(Map.of(
                "src/main/java/com/acme/Settings.java", """
                        package com.acme;

                        public class Settings {

                            public long timeout(String text) {
                                try {
                                    return Long.parseLong(text);
                                } catch (NumberFormatException e) {
                                    return 30;
                                }
                            }

                            public int port(String text) {
                                try {
                                    return Integer.parseInt(text.strip());
                                } catch (IllegalArgumentException e) {
                                    return 80;
                                }
                            }

                            public int level(String text) {
                                try {
                                    if (text.isEmpty()) {
                                        throw new InvalidSetting("empty level");
                                    }
                                    return text.length();
                                } catch (SettingsException e) {
                                    return 0;
                                }
                            }

                            public int retries(String text) throws NumberFormatException {
                                return Integer.parseInt(text);
                            }

                            public int count(String text) {
                                return Integer.parseInt(text);
                            }

                            /**
                             * The number of workers.
                             *
                             * @throws IllegalArgumentException if the text is no number
                             */
                            public int workers(String text) {
                                return Integer.parseInt(text);
                            }

                            /**
                             * Compares as commons-lang's CompareToBuilder does.
                             *
                             * @throws ClassCastException if {@code right} cannot be compared with {@code left}
                             */
                            @SuppressWarnings("unchecked")
                            public int compare(Object left, Object right) {
                                return ((Comparable<Object>) left).compareTo(right);
                            }
                        }
                        """,
                "src/main/java/com/acme/SettingsException.java", """
                        package com.acme;

                        public class SettingsException extends Exception {
                            public SettingsException(String message) {
                                super(message);
                            }
                        }
                        """,
                "src/main/java/com/acme/InvalidSetting.java", """
                        package com.acme;

                        public class InvalidSetting extends SettingsException {
                            public InvalidSetting(String message) {
                                super(message);
                            }
                        }
                        """)).stream().filter(m -> m.file().endsWith("Settings.java")).toList();

        // caught by the same type, by a JDK supertype, by a project supertype; declared: none is unhandled; documented
        // by the javadoc (the exception or a supertype): of medium probability, the contract tells callers
        assertThat(modes).extracting(FailureMode::method, FailureMode::mode, FailureMode::exception, FailureMode::probability)
                .containsExactly(
                        tuple("retries(String)", "declared-exception", "NumberFormatException", "medium"),
                        tuple("count(String)", "unchecked-conversion", "NumberFormatException", "high"),
                        tuple("workers(String)", "unchecked-conversion", "NumberFormatException", "medium"),
                        tuple("compare(Object, Object)", "unchecked-cast", "ClassCastException", "medium"));
    }

    @Test
    void aResourceTheCalledProjectMethodClosesIsNotALeak() throws Exception {
        List<FailureMode> modes = failureModes(Map.of("src/main/java/com/acme/Loader.java", """
                package com.acme;

                import java.io.BufferedReader;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.io.InputStreamReader;
                import java.io.Reader;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Loader {

                    public String load(Path file) throws IOException {
                        Reader reader = Files.newBufferedReader(file);
                        return firstLine(reader);
                    }

                    public String loadWrapped(String path) throws IOException {
                        return firstLine(new InputStreamReader(new FileInputStream(path)));
                    }

                    public int drain(String path) throws IOException {
                        FileInputStream in = new FileInputStream(path);
                        return new Sink().consume(in);
                    }

                    public int leak(String path) throws IOException {
                        FileInputStream in = new FileInputStream(path);
                        return peek(in);
                    }

                    String firstLine(Reader reader) throws IOException {
                        try (BufferedReader lines = new BufferedReader(reader)) {
                            return lines.readLine();
                        }
                    }

                    int peek(InputStream in) throws IOException {
                        return in.read();
                    }
                }
                """, "src/main/java/com/acme/Sink.java", """
                package com.acme;

                import java.io.IOException;
                import java.io.InputStream;

                class Sink {
                    int consume(InputStream in) throws IOException {
                        try {
                            return in.readAllBytes().length;
                        } finally {
                            in.close();
                        }
                    }
                }
                """));

        assertThat(modes.stream().filter(m -> m.mode().equals("resource-leak")))
                .extracting(FailureMode::method, FailureMode::line)
                .containsExactly(tuple("leak(String)", 29));
    }

    @Test
    void ioInALoopNeedsALoopOverElementsAndSaysWhichLoop() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Sweeper.java", """
                package com.acme;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Iterator;
                import java.util.List;

                public class Sweeper {

                    public void awaitRemoval(Path marker) throws InterruptedException {
                        while (Files.exists(marker)) {
                            Thread.sleep(10);
                        }
                    }

                    public long sizes(List<Path> files) throws IOException {
                        long total = 0;
                        for (Path f : files) {
                            total += Files.size(f);
                        }
                        return total;
                    }

                    public long readable(List<Path> files) {
                        return files.stream().filter(f -> Files.isReadable(f)).count();
                    }

                    public void removeAll(Path[] paths) throws IOException {
                        for (int i = 0; i < paths.length; i++) {
                            Files.delete(paths[i]);
                        }
                    }

                    public void removeEach(Iterator<Path> it) throws IOException {
                        while (it.hasNext()) {
                            Files.delete(it.next());
                        }
                    }

                    public void removeNamed(java.util.Enumeration<String> names) throws IOException {
                        while (names.hasMoreElements()) {
                            String name = null;
                            name = names.nextElement();
                            Files.delete(Path.of(name));
                        }
                    }
                }
                """), "performance-impact");

        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop")))
                .extracting(Finding::line, Finding::message)
                .containsExactly(
                        tuple(20, "Sweeper.sizes(List): Files.size (file-system) for each element of `files` (line 19): one call on each element, the loop's own work"),
                        tuple(26, "Sweeper.readable(List): Files.isReadable (file-system) for each element of `files` (line 26): one call on each element, the loop's own work"),
                        tuple(31, "Sweeper.removeAll(Path[]): Files.delete (file-system) for each index of `paths` (line 30): one call on each element, the loop's own work"),
                        tuple(37, "Sweeper.removeEach(Iterator): Files.delete (file-system) for each element of iterator `it` (line 36): one call on each element, the loop's own work"),
                        tuple(45, "Sweeper.removeNamed(java.util.Enumeration): Files.delete (file-system) for each element of iterator `names` (line 42): one call on each element, the loop's own work"));
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("io-in-loop")).extracting(Finding::severity)
                .containsOnly(Severity.LOW);
    }

    /**
     * A query or an HTTP call per element is the N+1 a senior engineer fixes first (high); the same file read in
     * every iteration is worth a look (medium), a file-system call on each element the loop's own work (low: Camel's
     * package scanner checks `isDirectory` on each file of a listing). On this repository 23 "high" io-in-loop
     * findings were all file checks. The iterable of a for-each is evaluated once: a call there is not in the loop (it
     * was: `consumer.poll(..)`).
     */
    @Test
    void ioInALoopIsHighForARoundTripToAServiceAndMediumForTheFileSystem() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Lookup.java", """
                package com.acme;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.sql.Connection;
                import java.sql.SQLException;
                import java.util.List;

                public class Lookup {
                    public int names(Connection db, List<String> ids) throws SQLException {
                        int found = 0;
                        for (String id : ids) {
                            found += db.prepareStatement("select name from users where id = ?").executeUpdate();
                        }
                        return found;
                    }

                    public long present(List<Path> files, Path settings) throws java.io.IOException {
                        long n = 0;
                        for (Path f : files) {
                            n += Files.exists(f) ? Files.readAllLines(settings).size() : 0;
                        }
                        return n;
                    }

                    public int width(Path file) throws java.io.IOException {
                        int n = 0;
                        for (String line : Files.readAllLines(file)) {
                            n = Math.max(n, line.length());
                        }
                        return n;
                    }

                    public String firstMirror(java.net.http.HttpClient http, List<java.net.URI> mirrors) throws Exception {
                        for (java.net.URI mirror : mirrors) {
                            try {
                                return http.send(java.net.http.HttpRequest.newBuilder(mirror).build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                            } catch (java.io.IOException e) {
                                continue;
                            }
                        }
                        return null;
                    }

                    public int everyName(Connection db, List<String> ids) throws SQLException {
                        int found = 0;
                        for (String id : ids) {
                            java.util.function.IntSupplier none = () -> { return 0; };
                            found += db.prepareStatement("select name from users where id = ?").executeUpdate() + none.getAsInt();
                        }
                        return found;
                    }
                }
                """), "performance-impact");

        // a loop that returns at the first mirror that answers tries them in turn (low); a lambda's return is its own
        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop")))
                .extracting(Finding::line, Finding::severity)
                .containsExactly(tuple(13, Severity.HIGH), tuple(13, Severity.HIGH), tuple(21, Severity.LOW),
                        tuple(21, Severity.MEDIUM), tuple(37, Severity.LOW), tuple(50, Severity.HIGH), tuple(50, Severity.HIGH));
        assertThat(result.findings()).filteredOn(f -> f.line() == 37).extracting(Finding::message).singleElement()
                .asString().endsWith("for each element of `mirrors` (line 35) until the loop stops (break or return): one "
                        + "round trip per element tried");
    }

    /** toml's loader checks each path it is given; reading one settings file in every iteration is worth a look. */
    @Test
    void aPythonFileSystemCallOnEachElementIsTheLoopsOwnWork() throws Exception {
        PerspectiveResult result = run(Map.of("files/__init__.py", "", "files/sizes.py", """
                import os


                def sizes(root, names):
                    total = 0
                    for name in names:
                        path = os.path.join(root, name)
                        if os.path.isdir(path):
                            continue
                        total += os.path.getsize(path)
                        total += os.path.getsize("settings.ini")
                    return total
                """), "performance-impact");

        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop")))
                .extracting(Finding::line, Finding::severity)
                .containsExactly(tuple(8, Severity.LOW), tuple(10, Severity.LOW), tuple(11, Severity.MEDIUM));
    }

    /**
     * A comprehension evaluates its first iterable once, where it stands: babel's locale listing
     * {@code [stem for stem, ext in (os.path.splitext(f) for f in os.listdir(folder))]} lists the folder once, yet it
     * was a medium io-in-loop "for each element of os.listdir(folder)". What runs per element is still in the loop.
     */
    @Test
    void aComprehensionsFirstIterableRunsOnce() throws Exception {
        PerspectiveResult result = run(Map.of("locales/__init__.py", "", "locales/data.py", """
                import os


                def identifiers(folder):
                    return [stem for stem, extension in (os.path.splitext(name) for name in os.listdir(folder))
                            if extension == ".dat"]


                def sizes(folders):
                    return {folder: len(os.listdir(folder)) for folder in folders}
                """), "performance-impact");

        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop")))
                .extracting(Finding::line).containsExactly(10);
    }

    /**
     * tornado's bind_sockets makes and binds a listening socket for each address getaddrinfo gives: nothing goes on
     * the wire, yet both calls were a high io-in-loop, "one round trip per element". Such calls are the loop's own
     * work, low; connecting to each host stays high.
     */
    @Test
    void aSocketMadeAndBoundForEachAddressIsTheLoopsOwnWork() throws Exception {
        PerspectiveResult result = run(Map.of("net/__init__.py", "", "net/listen.py", """
                import socket


                def bind_sockets(addresses, port):
                    sockets = []
                    for family, address in addresses:
                        sock = socket.socket(family, socket.SOCK_STREAM)
                        sock.setblocking(False)
                        sock.bind((address, port))
                        sock.listen(128)
                        sockets.append(sock)
                    return sockets


                def greet(hosts):
                    for host in hosts:
                        sock = socket.socket()
                        sock.connect((host, 25))
                """), "performance-impact");

        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop")))
                .extracting(Finding::line, Finding::severity)
                .containsExactly(tuple(7, Severity.LOW), tuple(9, Severity.LOW), tuple(17, Severity.LOW),
                        tuple(18, Severity.HIGH));
        assertThat(result.findings()).filteredOn(f -> f.line() == 9).extracting(Finding::message).singleElement()
                .asString().endsWith("(line 6): a local handle made or set up on each element, the loop's own work: no round trip");
    }

    /**
     * paramiko's connect: a socket per address family, until one connects (`break`); a loop over every host is not.
     * Making a socket object touches no network: its failure mode is unlikely, its connection's is not (the socket's
     * calls are typed through the local it is stored in). So is SQLAlchemy's {@code create_engine}, which connects on
     * first use (celery's database backend led its failure modes with it, high).
     */
    @Test
    void aPythonLoopThatStopsAtTheFirstWorkingCandidateIsLow() throws Exception {
        Map<String, String> files = Map.of("net/__init__.py", "", "net/store.py", """
                from sqlalchemy import create_engine


                def engine_for(url, **options):
                    return create_engine(url, **options)
                """, "net/client.py", """
                import socket


                def connect(addresses):
                    for family, address in addresses:
                        try:
                            sock = socket.socket(family, socket.SOCK_STREAM)
                            sock.connect(address)
                        except OSError:
                            continue
                        else:
                            break
                    return sock


                def probe(hosts):
                    up = []
                    for host in hosts:
                        for attempt in range(3):
                            if socket.create_connection((host, 22)):
                                up.append(host)
                                break
                    return up
                """);
        PerspectiveResult result = run(files, "performance-impact");

        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop")))
                .extracting(Finding::line, Finding::severity)
                .containsExactly(tuple(7, Severity.LOW), tuple(8, Severity.LOW), tuple(20, Severity.HIGH));
        TestPlanHarness harness = TestPlanHarness.onCommit(temp.resolve("failures"), files);
        assertThat(TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes())
                .filteredOn(m -> m.mode().equals("integration-failure"))
                .extracting(FailureMode::file, FailureMode::line, FailureMode::probability)
                .containsExactlyInAnyOrder(tuple("net/client.py", 7, "low"), tuple("net/client.py", 8, "high"),
                        tuple("net/client.py", 20, "high"), tuple("net/store.py", 5, "low"));
    }

    @Test
    void skeletonsExpectWhatTheMethodReallyThrowsThroughTheProjectsOwnCode() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Numbers.java", """
                package com.acme;

                public class Numbers {

                    public static long parse(String text) {
                        try {
                            return Long.parseLong(text.trim());
                        } catch (NumberFormatException e) {
                            throw new BadNumber(text, e);
                        }
                    }
                }
                """, "src/main/java/com/acme/BadNumber.java", """
                package com.acme;

                public class BadNumber extends RuntimeException {
                    public BadNumber(String text, Throwable cause) {
                        super("not a number: " + text, cause);
                    }
                }
                """, "src/main/java/com/acme/Quantities.java", """
                package com.acme;

                import org.yaml.snakeyaml.error.YAMLException;

                public class Quantities {

                    public long total(String text) throws Exception {
                        return Numbers.parse(text);
                    }

                    public Object load(String text) throws YAMLException {
                        return new org.yaml.snakeyaml.Yaml().load(text);
                    }
                }
                """), "failure-modes");
        TestPlanAnalysis analysis = TestPlanHarness.analysis(result);
        String numbers = skeleton(analysis, "com.acme.NumbersFailureModesTest");
        String quantities = skeleton(analysis, "com.acme.QuantitiesFailureModesTest");

        assertThat(analysis.failureModes()).noneMatch(m -> m.exception() != null && m.exception().equals("NumberFormatException"));
        assertThat(numbers).doesNotContain("NumberFormatException")
                .contains("assertThrows(com.acme.BadNumber.class, () -> {");
        // throws Exception, and what it really throws is its callee's BadNumber
        assertThat(quantities).contains("assertThrows(com.acme.BadNumber.class, () -> {")
                // a library type the planner cannot place: any Exception, and the comment says why
                .contains("throws (YAMLException) is not visible from this package: narrow Exception.class when writing the test")
                .contains("assertThrows(Exception.class, () -> {");
    }

    /**
     * Camel core's API interfaces declare {@code throws Exception} on methods without a body ({@code BatchConsumer}'s
     * {@code int processBatch(Queue<Object> exchanges) throws Exception;}): 432 declared-exception modes, each with a
     * test of a method that has nothing to run. The declaration is for the implementations, whose own modes are
     * planned where they are written.
     */
    @Test
    void aDeclaredExceptionOfAMethodWithNothingToFailIsNoFailureMode() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Batch.java", """
                package com.acme;

                import java.util.Queue;

                public interface Batch {
                    int process(Queue<Object> items) throws Exception;

                    default void configure(Object context) throws Exception {
                    }
                }
                """, "src/main/java/com/acme/FileBatch.java", """
                package com.acme;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Queue;

                public class FileBatch implements Batch {
                    @Override
                    public int process(Queue<Object> items) throws Exception {
                        return Files.readAllLines(Path.of(String.valueOf(items.peek()))).size();
                    }
                }
                """), "failure-modes");

        assertThat(TestPlanHarness.analysis(result).failureModes()).filteredOn(m -> m.mode().equals("declared-exception"))
                .extracting(m -> m.className() + "." + m.method())
                .containsExactly("com.acme.FileBatch.process(Queue)");
    }

    @Test
    void twoIdenticalPlanItemsBecomeOneTestAnsweringBoth() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Window.java", """
                package com.acme;

                public class Window {

                    public long width(String text) {
                        if (text.contains("x")) {
                            return Long.parseLong(text);
                        }
                        return Long.parseLong(text.strip()) * 2;
                    }
                }
                """), "failure-modes");
        TestPlanAnalysis analysis = TestPlanHarness.analysis(result);

        assertThat(analysis.failureModes()).hasSize(2);
        assertThat(analysis.testSpecifications()).singleElement().satisfies(spec -> {
            assertThat(spec.testName()).isEqualTo("width_whenTextIsMalformed_throwsNumberFormatException");
            assertThat(spec.findingIds()).containsExactlyElementsOf(analysis.failureModes().stream().map(FailureMode::id).toList());
        });
        String source = skeleton(analysis, "com.acme.WindowFailureModesTest");
        assertThat(source).contains("void width_whenTextIsMalformed_throwsNumberFormatException()").doesNotContain("_2(");
        assertThat(analysis.notes()).anySatisfy(n -> assertThat(n).contains("merged"));
    }

    /**
     * Seen on commons-lang3's ArrayUtils: ten high "unchecked cast" modes for generic array casts that cannot fail
     * where they stand. Casts to a type variable (erased), to Object, of clone() and of an operand tested with
     * instanceof are no failure modes; a cast of a call's result depends on the callee, not on the caller's input.
     */
    @Test
    void castsThatCannotFailWhereTheyStandAreNoFailureModesAndOnlyACastParameterIsLikely() throws Exception {
        List<FailureMode> modes = failureModes(Map.of(
                "src/main/java/com/acme/Arrays2.java", """
                        package com.acme;

                        import java.lang.reflect.Array;
                        import java.util.Map;

                        public class Arrays2<E> {

                            @SuppressWarnings("unchecked")
                            public static <T> T[] grow(T[] array, Class<?> type) {
                                T[] copy = (T[]) Array.newInstance(type, array.length + 1);
                                return (T[]) copy.clone();
                            }

                            @SuppressWarnings("unchecked")
                            public E first(Object[] items) {
                                return (E) items[0];
                            }

                            public int[] copy(int[] array) {
                                return (int[]) array.clone();
                            }

                            public Object widen(String text) {
                                return (Object) text;
                            }

                            public String named(Object value) {
                                if (value instanceof String) {
                                    return (String) value;
                                }
                                return String.valueOf(value);
                            }

                            public String text(Object value) {
                                return (String) value;
                            }

                            public String lookup(Map<String, Object> settings, String key) {
                                return (String) settings.get(key);
                            }
                        }
                        """)).stream().filter(m -> m.mode().equals("unchecked-cast")).toList();

        assertThat(modes).extracting(FailureMode::method, FailureMode::probability, FailureMode::evidence)
                .containsExactly(
                        tuple("text(Object)", "high", "line 35: (String) value"),
                        tuple("lookup(Map, String)", "low", "line 39: (String) settings.get(key)"));
    }

    /**
     * Guava's shapes, which PMD's types tell apart: a stream wrapped by the reader that is returned, a local stored
     * in a field, a cast to a type the operand already has ({@code (Appendable) builder}, an array of the same
     * erased class) or that a getClass() comparison or isInstance checks, and conversions of an
     * overload that parses nothing ({@code new BigDecimal(BigInteger)}, {@code Integer.valueOf(int)}).
     */
    @Test
    void whatTheTypesShowCannotFailIsNotAFailureModeNorALeak() throws Exception {
        Map<String, String> files = Map.of("src/main/java/com/acme/Shapes.java", """
                package com.acme;

                import java.io.BufferedReader;
                import java.io.File;
                import java.io.FileInputStream;
                import java.io.FileOutputStream;
                import java.io.IOException;
                import java.io.InputStreamReader;
                import java.io.OutputStream;
                import java.math.BigDecimal;
                import java.math.BigInteger;
                import java.nio.charset.StandardCharsets;

                public class Shapes {
                    private OutputStream out;

                    public BufferedReader reader(File file) throws IOException {
                        return new BufferedReader(new InputStreamReader(new FileInputStream(file), StandardCharsets.UTF_8));
                    }

                    public void spill(File file) throws IOException {
                        FileOutputStream transfer = new FileOutputStream(file);
                        transfer.write(1);
                        out = transfer;
                    }

                    public Appendable append(StringBuilder builder, String text) throws IOException {
                        return ((Appendable) builder).append(text);
                    }

                    public BigDecimal exact(BigInteger value) {
                        return new BigDecimal(value);
                    }

                    public Integer boxed(int value) {
                        return Integer.valueOf(value);
                    }

                    public int leak(File file) throws IOException {
                        FileInputStream in = new FileInputStream(file);
                        return in.read();
                    }

                    public String narrow(Object value) {
                        return ((CharSequence) value).toString();
                    }

                    public BigDecimal parse(String text) {
                        return new BigDecimal(text);
                    }

                    public BigDecimal fromDouble(double value) {
                        return new BigDecimal(value);
                    }

                    @SafeVarargs
                    public static <K, V> java.util.Map.Entry<K, V>[] entries(java.util.Map.Entry<? extends K, ? extends V>... entries) {
                        @SuppressWarnings("unchecked")
                        java.util.Map.Entry<K, V>[] same = (java.util.Map.Entry<K, V>[]) entries;
                        return same;
                    }

                    @Override
                    public boolean equals(Object other) {
                        if (other == null || getClass() != other.getClass()) {
                            return false;
                        }
                        Shapes that = (Shapes) other;
                        return that.out == out;
                    }

                    @Override
                    public int hashCode() {
                        return 1;
                    }

                    public String text(Class<? extends CharSequence> type, Object value) {
                        return type.isInstance(value) ? ((CharSequence) value).toString() : "";
                    }
                }
                """);
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, files);
        List<FailureMode> modes = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes();

        assertThat(modes.stream().filter(m -> m.mode().equals("resource-leak")))
                .extracting(FailureMode::method, FailureMode::line).containsExactly(tuple("leak(File)", 40));
        assertThat(modes.stream().filter(m -> m.mode().equals("unchecked-cast")))
                .extracting(FailureMode::method, FailureMode::line).containsExactly(tuple("narrow(Object)", 45));
        assertThat(modes.stream().filter(m -> m.mode().equals("unchecked-conversion")))
                .extracting(FailureMode::method, FailureMode::line)
                .containsExactlyInAnyOrder(tuple("parse(String)", 49), tuple("fromDouble(double)", 53));
        assertThat(harness.run(harness.perspective("error-handling")).findings()).filteredOn(f -> f.rule().equals("missing-try-with-resources"))
                .extracting(Finding::line).containsExactly(40);
    }

    /**
     * A stream registered with a closer that the method closes in a finally block or as a try-with-resources
     * resource is closed with it (Guava's {@code Files.map}: {@code closer.register(new RandomAccessFile(..))},
     * {@code closer.close()} in finally); registered with one nobody closes, it leaks.
     */
    @Test
    void aStreamRegisteredWithAClosedCloserIsNoLeak() throws Exception {
        Map<String, String> files = Map.of("src/main/java/com/acme/Reader.java", """
                package com.acme;

                import java.io.File;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;

                public class Reader {
                    public int closedInFinally(File file) throws IOException {
                        Closer closer = Closer.create();
                        try {
                            InputStream in = closer.register(new FileInputStream(file));
                            return in.read();
                        } finally {
                            closer.close();
                        }
                    }

                    public int closedAsAResource(File file) throws IOException {
                        try (Closer closer = Closer.create()) {
                            InputStream in = closer.register(new FileInputStream(file));
                            return in.read();
                        }
                    }

                    public int neverClosed(File file) throws IOException {
                        Closer closer = Closer.create();
                        InputStream in = closer.register(new FileInputStream(file));
                        return in.read();
                    }
                }
                """, "src/main/java/com/acme/Closer.java", """
                package com.acme;

                import java.io.Closeable;
                import java.io.IOException;
                import java.util.ArrayDeque;
                import java.util.Deque;

                public final class Closer implements Closeable {
                    private final Deque<Closeable> stack = new ArrayDeque<>();

                    public static Closer create() {
                        return new Closer();
                    }

                    public <C extends Closeable> C register(C closeable) {
                        stack.addFirst(closeable);
                        return closeable;
                    }

                    @Override
                    public void close() throws IOException {
                        while (!stack.isEmpty()) {
                            stack.removeFirst().close();
                        }
                    }
                }
                """);
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, files);
        List<FailureMode> modes = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes();

        assertThat(modes.stream().filter(m -> m.mode().equals("resource-leak")))
                .extracting(FailureMode::method, FailureMode::line).containsExactly(tuple("neverClosed(File)", 28));
        assertThat(harness.run(harness.perspective("error-handling")).findings())
                .filteredOn(f -> f.rule().equals("missing-try-with-resources")).extracting(Finding::line).containsExactly(28);
    }

    /**
     * An object stream written around an in-memory buffer holds no file or socket: nothing leaks (commons-lang3's
     * {@code EventListenerSupport.writeObject}); one around a file leaks once, as the outer stream. A cast chosen by the operand's runtime class ({@code
     * ArrayUtils.toPrimitive(Object)} reads {@code array.getClass().getComponentType()}) cannot fail where it stands.
     */
    @Test
    void aBufferedObjectStreamAndACastChosenByTheRuntimeClassAreNoFailureModes() throws Exception {
        Map<String, String> files = Map.of("src/main/java/com/acme/Probe.java", """
                package com.acme;

                import java.io.ByteArrayOutputStream;
                import java.io.File;
                import java.io.FileOutputStream;
                import java.io.IOException;
                import java.io.ObjectOutputStream;

                public class Probe {
                    public boolean serializable(Object value) {
                        try {
                            ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());
                            out.writeObject(value);
                            return true;
                        } catch (IOException e) {
                            return false;
                        }
                    }

                    public void save(Object value, File file) throws IOException {
                        ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(file));
                        out.writeObject(value);
                    }

                    public static Object unwrap(Object array) {
                        Class<?> component = array.getClass().getComponentType();
                        if (Integer.class.equals(component)) {
                            return ((Integer[]) array).length;
                        }
                        return ((Long[]) array).length;
                    }

                    public static int length(Object array) {
                        return ((Integer[]) array).length;
                    }
                }
                """);
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, files);
        List<FailureMode> modes = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes();

        assertThat(modes.stream().filter(m -> m.mode().equals("resource-leak")))
                .extracting(FailureMode::method, FailureMode::line, FailureMode::evidence)
                .containsExactly(tuple("save(Object, File)", 21, "line 21: new ObjectOutputStream(new FileOutputStream(file))"));
        assertThat(modes.stream().filter(m -> m.mode().equals("unchecked-cast")))
                .extracting(FailureMode::method, FailureMode::line).containsExactly(tuple("length(Object)", 34));
    }

    /**
     * A cast to the class its variable is declared with, other type arguments aside, cannot fail, also where PMD
     * cannot resolve the class: Guava's {@code ImmutableBiMap.ofEntries} casts its {@code Entry<? extends K, ?
     * extends V>...} to {@code Entry<K, V>[]} in a class whose superclass (of the project, so unresolved) might
     * declare a member type {@code Entry}. Nor can a cast after a method of the same class tested the operand's class
     * (Guava's {@code EnumMultiset.count}: {@code if (!isActuallyE(element)) return 0;}), a cast of a final field
     * created as the cast's class ({@code Converter.identity()}) or of an enum constant whose enum implements it
     * ({@code Functions.identity()}); a field that may be reassigned can hold anything.
     */
    @Test
    void aCastThatChangesOnlyTypeArgumentsOrThatAHelperChecksIsNoFailureMode() throws Exception {
        Map<String, String> files = Map.of("src/main/java/com/acme/Registry.java", """
                package com.acme;

                import java.util.Map.Entry;

                public class Registry<K, V> extends BaseRegistry<K, V> {
                    private static final Holder<?> EMPTY = new Holder<>();

                    @SafeVarargs
                    public static <K, V> Entry<K, V>[] entries(Entry<? extends K, ? extends V>... entries) {
                        @SuppressWarnings("unchecked")
                        Entry<K, V>[] same = (Entry<K, V>[]) entries;
                        return same;
                    }

                    @SuppressWarnings("unchecked")
                    public static <T> Holder<T> empty() {
                        return (Holder<T>) EMPTY;
                    }

                    @SuppressWarnings("unchecked")
                    public Holder<String> narrow(Object value) {
                        return (Holder<String>) value;
                    }

                    @SuppressWarnings("unchecked")
                    public Entry<K, V>[] fromEntries(Object entries) {
                        return (Entry<K, V>[]) entries;
                    }

                    public int count(Object element) {
                        if (element == null || !isHolder(element)) {
                            return 0;
                        }
                        return ((Holder<?>) element).hashCode();
                    }

                    public int size(Object element) {
                        if (!known(element)) {
                            return 0;
                        }
                        return ((Holder<?>) element).hashCode();
                    }

                    private boolean isHolder(Object candidate) {
                        return candidate instanceof Holder;
                    }

                    private static boolean known(Object candidate) {
                        return candidate != null;
                    }

                    private static final BaseRegistry<?, ?> EMPTY_REGISTRY = new Registry<>();
                    private static BaseRegistry<?, ?> current = new Registry<>();

                    interface Shape<T> {
                    }

                    enum Unit implements Shape<Object> {
                        INSTANCE
                    }

                    @SuppressWarnings("unchecked")
                    public static <K, V> Registry<K, V> emptyRegistry() {
                        return (Registry<K, V>) EMPTY_REGISTRY;
                    }

                    @SuppressWarnings("unchecked")
                    public static <T> Shape<T> unit() {
                        return (Shape<T>) Unit.INSTANCE;
                    }

                    @SuppressWarnings("unchecked")
                    public static <K, V> Registry<K, V> currentRegistry() {
                        return (Registry<K, V>) current;
                    }
                }
                """, "src/main/java/com/acme/BaseRegistry.java", """
                package com.acme;

                public class BaseRegistry<K, V> {
                }
                """, "src/main/java/com/acme/Holder.java", """
                package com.acme;

                public class Holder<T> {
                }
                """);
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, files);
        List<FailureMode> modes = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes();

        assertThat(modes.stream().filter(m -> m.mode().equals("unchecked-cast")))
                .extracting(FailureMode::method, FailureMode::line)
                .containsExactlyInAnyOrder(tuple("narrow(Object)", 22), tuple("fromEntries(Object)", 27), tuple("size(Object)", 41),
                        tuple("currentRegistry()", 74));
    }

    /**
     * Path traversal needs a base folder joined with the input, as for Python, or input from outside (an HTTP
     * endpoint, {@code main}): a path that is the parameter itself is the caller's to check (Guava's
     * {@code MoreFiles.isDirectory(path)}, {@code Files.getFileExtension(name)}). Joined to a base by a library
     * method, the name is still the calling code's to choose: medium, not high. Input that only makes the folder
     * ({@code new File(d, s)} over the names {@code d.list()} gives) is the caller's choice of place.
     */
    @Test
    void aPathIsUntrustedInputWhenJoinedToABaseOrTakenFromOutside() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Storage.java", """
                package com.acme;

                import java.io.File;
                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.springframework.web.bind.annotation.GetMapping;

                public class Storage {
                    private final Path root = Path.of("data");

                    public boolean isFolder(Path path) {
                        return Files.isDirectory(path);
                    }

                    public String extension(String name) {
                        return new File(name).getName();
                    }

                    public byte[] read(String name) throws IOException {
                        return Files.readAllBytes(root.resolve(name));
                    }

                    public File under(String name) {
                        return new File("data", name);
                    }

                    @GetMapping("/download")
                    public byte[] download(String file) throws IOException {
                        return Files.readAllBytes(Path.of(file));
                    }

                    public static void main(String[] args) throws IOException {
                        Files.delete(Path.of(args[0]));
                    }

                    public static void removeDir(File d) {
                        for (String s : d.list()) {
                            new File(d, s).delete();
                        }
                    }
                }
                """), "security");

        // a library method's name is its caller's to choose (medium); a request's or the command line's is not (high);
        // Camel's FileUtil.removeDir(File d) only makes the folder its own entries are in
        assertThat(result.findings()).extracting(Finding::rule, Finding::line, Finding::severity).containsExactly(
                tuple("untrusted-input-to-path", 21, Severity.MEDIUM), tuple("untrusted-input-to-path", 25, Severity.MEDIUM),
                tuple("untrusted-input-to-path", 30, Severity.HIGH), tuple("untrusted-input-to-path", 34, Severity.HIGH));
    }

    /**
     * An exception that is the method's protocol is not a failure mode: Flask's module {@code __getattr__} raising
     * AttributeError, a base class's NotImplementedError, {@code __next__}'s StopIteration, an iterator's
     * NoSuchElementException; nor is an AssertionError thrown where the author holds the code unreachable. A ValueError
     * on bad input still is.
     */
    @Test
    void protocolExceptionsAreNotFailureModes() throws Exception {
        List<FailureMode> modes = failureModes(Map.of("shop/__init__.py", "", "shop/codecs.py", """
                def __getattr__(name):
                    raise AttributeError(name)


                class Codec:
                    def encode(self, value):
                        raise NotImplementedError


                class Countdown:
                    def __init__(self, start):
                        if start < 0:
                            raise ValueError("start must not be negative")
                        self.left = start

                    def __next__(self):
                        if self.left == 0:
                            raise StopIteration
                        self.left -= 1
                        return self.left

                    def __getitem__(self, index):
                        raise IndexError(index)
                """, "src/main/java/com/acme/Countdown.java", """
                package com.acme;

                import java.util.Iterator;
                import java.util.NoSuchElementException;

                public class Countdown implements Iterator<Integer> {
                    private int left = 3;

                    public boolean hasNext() {
                        return left > 0;
                    }

                    public Integer next() {
                        if (left == 0) {
                            throw new NoSuchElementException();
                        }
                        return --left;
                    }

                    public void skip(int n) {
                        if (n < 0) {
                            throw new IllegalArgumentException("n < 0");
                        }
                        left -= n;
                    }

                    public String label(java.util.concurrent.TimeUnit unit) {
                        switch (unit) {
                            case SECONDS:
                                return "s";
                            default:
                                if (left >= 0) {
                                    return unit.name();
                                }
                                throw new AssertionError("impossible");
                        }
                    }
                }
                """));

        assertThat(modes).filteredOn(m -> m.mode().equals("thrown-exception")).extracting(FailureMode::method, FailureMode::exception)
                .containsExactlyInAnyOrder(tuple("__init__(start)", "ValueError"), tuple("skip(int)", "IllegalArgumentException"));
    }

    /**
     * A call into the project's own package is no integration point, whatever library its names resemble: requests'
     * own {@code api.request} calls its own {@code sessions.Session().request}. Its client's call of the library is.
     */
    @Test
    void aCallIntoTheProjectsOwnPackageIsNoIntegration() throws Exception {
        PerspectiveResult result = run(Map.of("requests/__init__.py", "", "requests/sessions.py", """
                class Session:
                    def request(self, method, url):
                        return method + " " + url
                """, "requests/api.py", """
                from . import sessions


                def request(method, url):
                    with sessions.Session() as session:
                        return session.request(method=method, url=url)
                """, "client/__init__.py", "", "client/rates.py", """
                import requests


                def fetch_rate(currency):
                    return requests.get("https://rates.example.org/" + currency, timeout=5).json()
                """), "integration-points");

        assertThat(TestPlanHarness.analysis(result).integrationPoints()).extracting(IntegrationPoint::method)
                .containsExactly("fetch_rate(currency)");
    }

    /**
     * Kafka's producer queues a record and ships batches: a send per element is no round trip per element (this
     * repository's KafkaOwnership.announcePairs was high), unless the loop waits for each send.
     */
    @Test
    void aQueuedKafkaSendInALoopIsNoRoundTripPerElementUnlessAwaited() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Announcer.java", """
                package com.acme;

                import java.util.List;
                import org.apache.kafka.clients.producer.KafkaProducer;
                import org.apache.kafka.clients.producer.ProducerRecord;

                public class Announcer {
                    private final KafkaProducer<String, String> producer;

                    public Announcer(KafkaProducer<String, String> producer) {
                        this.producer = producer;
                    }

                    public void announce(List<String> pairs) {
                        for (String pair : pairs) {
                            producer.send(new ProducerRecord<>("targets", pair, pair));
                        }
                    }

                    public void announceOneByOne(List<String> pairs) throws Exception {
                        for (String pair : pairs) {
                            producer.send(new ProducerRecord<>("targets", pair, pair)).get();
                        }
                    }
                }
                """), "performance-impact");

        assertThat(result.findings().stream().filter(f -> f.rule().equals("io-in-loop"))).extracting(Finding::line)
                .containsExactly(22);
    }

    /**
     * Click's get_editor probes three editors written out in the code, one process each: no input makes that loop
     * longer, so it is no round trip per element of a collection; nor is tqdm's comprehension over
     * {@code ("cols", "lines")}. A loop or comprehension over a parameter's elements still is.
     */
    @Test
    void aLoopOverElementsWrittenOutInTheCodeIsNoLoopOverACollection() throws Exception {
        PerspectiveResult result = run(Map.of("shop/__init__.py", "", "shop/editor.py", """
                import os


                def get_editor():
                    for editor in "sensible-editor", "vim", "nano":
                        if os.system(f"which {editor} >/dev/null 2>&1") == 0:
                            return editor
                    return "vi"


                def install(packages):
                    for package in packages:
                        os.system(f"pip install {package}")


                def screen_shape():
                    return [os.system("tput " + i) for i in ("cols", "lines")]


                def uninstall(packages):
                    return [os.system(f"pip uninstall {package}") for package in packages]
                """, "src/main/java/com/acme/Editors.java", """
                package com.acme;

                import java.io.IOException;
                import java.util.List;

                public class Editors {
                    public String find() throws IOException {
                        for (String editor : new String[] {"vim", "nano"}) {
                            if (new ProcessBuilder("which", editor).start().exitValue() == 0) {
                                return editor;
                            }
                        }
                        for (String editor : List.of("emacs", "ed")) {
                            new ProcessBuilder("which", editor).start();
                        }
                        return "vi";
                    }

                    public void install(List<String> packages) throws IOException {
                        for (String name : packages) {
                            new ProcessBuilder("apt-get", "install", name).start();
                        }
                    }
                }
                """), "performance-impact");

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("io-in-loop"))
                .extracting(f -> f.file() + ":" + f.line())
                .containsExactlyInAnyOrder("shop/editor.py:13", "shop/editor.py:21", "src/main/java/com/acme/Editors.java:21");
    }

    /**
     * A Java process starts without a shell: a library method's parameter in its command can inject options, not
     * commands (medium); from a request or the command line it is high.
     */
    @Test
    void aJavaCommandFromALibraryParameterIsMediumAndFromMainHigh() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Compiler.java", """
                package com.acme;

                import java.io.IOException;
                import java.util.List;

                public class Compiler {
                    public Process compile(String file) throws IOException {
                        return new ProcessBuilder(List.of("python3", "-m", "py_compile", file)).start();
                    }

                    public static void main(String[] args) throws IOException {
                        Runtime.getRuntime().exec(args[0]);
                    }
                }
                """), "security");

        assertThat(result.findings()).extracting(Finding::rule, Finding::line, Finding::severity).containsExactly(
                tuple("untrusted-input-to-command", 8, Severity.MEDIUM), tuple("untrusted-input-to-command", 12, Severity.HIGH));
    }

    /**
     * {@code Class.forName(name, initialize, loader)} loads the class its first argument names: that parameter is
     * the untrusted input (commons-lang3's {@code ClassUtils.getClass(ClassLoader, String, boolean)} named its loader,
     * the first parameter in alphabetical order); a caller's loader alone picks no class.
     */
    @Test
    void onlyTheClassNameReachingClassForNameIsUntrustedInput() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Classes.java", """
                package com.acme;

                public class Classes {
                    public static Class<?> load(ClassLoader classLoader, String className, boolean initialize)
                            throws ClassNotFoundException {
                        String next = className.trim();
                        return Class.forName(next, initialize, classLoader);
                    }

                    public static Class<?> plugin(ClassLoader classLoader) throws ClassNotFoundException {
                        return Class.forName("com.acme.Plugin", true, classLoader);
                    }
                }
                """), "security");

        assertThat(result.findings()).extracting(Finding::rule, Finding::line, Finding::message).containsExactly(
                tuple("untrusted-input-to-reflection", 7, "Classes.load(ClassLoader, String, boolean): parameter "
                        + "'className' reaches Class.forName unchecked"));
    }

    /** Of two parameters reaching a sink, the one a test feeds hostile strings is the text one, not the first by name. */
    @Test
    void theUntrustedInputNamedIsTheTextParameterReachingTheSink() throws Exception {
        PerspectiveResult result = run(Map.of("src/main/java/com/acme/Store.java", """
                package com.acme;

                import java.io.File;

                public class Store {
                    public static File entry(File directory, String name) {
                        return new File(directory, name);
                    }
                }
                """), "security");

        assertThat(result.findings()).extracting(Finding::rule, Finding::message).singleElement().satisfies(f -> {
            assertThat(f.toList().get(0)).isEqualTo("untrusted-input-to-path");
            assertThat((String) f.toList().get(1)).startsWith("Store.entry(File, String): parameter 'name' reaches new File unchecked");
        });
        assertThat(TestPlanHarness.analysis(result).testSpecifications()).extracting(TestSpecification::testName)
                .contains("entry_name_rejectsHostilePathInput");
    }

    private List<FailureMode> failureModes(Map<String, String> files) throws Exception {
        return TestPlanHarness.analysis(run(files, "failure-modes")).failureModes();
    }

    /** Commits the files to a new repository and runs the perspective (made by Spring on the harness's services) on it. */
    private PerspectiveResult run(Map<String, String> files, String perspectiveId) throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, files);
        return harness.run(harness.perspective(perspectiveId));
    }

    private static String skeleton(TestPlanAnalysis analysis, String testClass) {
        return analysis.skeletons().stream().filter(s -> s.testClass().equals(testClass)).map(TestSkeleton::source)
                .findFirst().orElseThrow(() -> new AssertionError("no skeleton " + testClass + " among "
                        + analysis.skeletons().stream().map(TestSkeleton::testClass).toList()));
    }

    @SuppressWarnings("unused")
    private static List<String> names(List<TestSpecification> specs) {
        return specs.stream().map(TestSpecification::testName).toList();
    }
}
