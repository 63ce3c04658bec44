package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bugbear's B023 warns that a function made in a loop sees the loop variable's last value when it runs later. Rich's
 * Table._render defines a helper in the loop and calls it in the same iteration, where the value is the current one:
 * the code-quality row leaves that report out and counts it, as when the function is returned (jinja2's
 * FileSystemLoader.get_source returns its uptodate check): returning ends the loop. A function kept for later while
 * the loop goes on (appended, run in a generator) keeps its report.
 */
class IterationLocalClosuresTest {

    @TempDir
    Path root;

    @Test
    void aFunctionOnlyCalledInTheIterationThatDefinesItKeepsNoLoopVariableReport() {
        TestSnapshots.write(root, "table.py", """
                def render(rows):
                    out = []
                    for row in rows:
                        def align(cell):
                            return cell.upper() if row[0] == cell else cell
                        out.append([align(cell) for cell in row])
                    return out


                def callbacks(items):
                    hooks = []
                    for item in items:
                        def hook():
                            return item
                        hooks.append(hook)
                    return hooks


                def first_existing(paths, exists, mtime):
                    for path in paths:
                        if exists(path):
                            seen = mtime(path)

                            def uptodate():
                                return mtime(path) == seen

                            return path, uptodate
                    return None


                def later(items):
                    for item in items:
                        def plus(x):
                            return x + item
                        yield (plus(x) for x in range(3))


                def augment(layers, matching):
                    for layer in layers:
                        def recurse(v):
                            if v in layer:
                                return recurse(layer[v])
                            return matching.get(v)
                        for v in layer:
                            recurse(v)


                def colours(nodes, used_by, itertools):
                    for node in nodes:
                        used = used_by(node)
                        yield next(itertools.dropwhile(lambda c: c in used, itertools.count()))
                        yield itertools.dropwhile(lambda c: c in used, nodes)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023")).extracting(f -> f.line() + " " + f.message())
                .containsExactlyInAnyOrder("14 Function definition does not bind loop variable `item`",
                        "34 Function definition does not bind loop variable `item`",
                        "52 Function definition does not bind loop variable `used`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_iteration_local_closures");
            assertThat(m.value()).isEqualTo(6.0);
        });
        assertThat(result.summary()).contains("(and 6 loop-variable reports left out: the function or lambda runs within "
                + "the iteration that defines it)");
    }

    /**
     * paramiko's connect loop passes {@code lambda: sock.connect(addr)} to its own {@code retry_on_signal(function)},
     * which only calls its parameter: the lambda runs before the loop moves on (three high B023 led its first screen).
     * A lambda handed to a function that keeps it, calls it from a function of its own or is a generator (its body
     * runs when iterated) keeps its report.
     */
    @Test
    void aLambdaPassedToAProjectFunctionThatOnlyCallsItKeepsNoLoopVariableReport() {
        TestSnapshots.write(root, "net/__init__.py", "");
        TestSnapshots.write(root, "net/util.py", """
                import errno


                def retry_on_signal(function):
                    while True:
                        try:
                            return function()
                        except OSError as e:
                            if e.errno != errno.EINTR:
                                raise


                def register(callbacks, function):
                    callbacks.append(function)


                def deferred(function):
                    def run():
                        return function()
                    return run


                def attempts(function):
                    while True:
                        yield function()
                """);
        TestSnapshots.write(root, "net/client.py", """
                import socket

                from net.util import attempts, deferred, register, retry_on_signal


                def connect(addresses, callbacks):
                    for family, addr in addresses:
                        sock = socket.socket(family, socket.SOCK_STREAM)
                        retry_on_signal(lambda: sock.connect(addr))
                        register(callbacks, lambda: sock.close() if addr else None)
                        callbacks.append(deferred(lambda: addr))
                        callbacks.append(attempts(lambda: addr))
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023")).extracting(f -> f.line() + " " + f.message())
                .containsExactlyInAnyOrder("10 Function definition does not bind loop variable `sock`",
                        "10 Function definition does not bind loop variable `addr`",
                        "11 Function definition does not bind loop variable `addr`",
                        "12 Function definition does not bind loop variable `addr`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_iteration_local_closures");
            assertThat(m.value()).isEqualTo(2.0);
        });
    }

    /**
     * marshmallow's schema loop assigns {@code getter = lambda val: field_obj.deserialize(val, ..)} and hands it by
     * keyword to its own method {@code self._call_and_store(getter_func=getter, ..)}, which only calls it (three high
     * B023 led its first screen). A lambda kept in a local that also goes elsewhere, or handed to a method that
     * stores it, keeps its report.
     */
    @Test
    void aLambdaHeldInALocalAndPassedByKeywordToAMethodThatOnlyCallsItKeepsNoLoopVariableReport() {
        TestSnapshots.write(root, "schema/__init__.py", "");
        TestSnapshots.write(root, "schema/load.py", """
                class Schema:
                    def load(self, fields, data, hooks):
                        result = {}
                        for name, field in fields.items():
                            getter = lambda value: field.deserialize(value, name)
                            result[name] = self._call_and_store(data[name], getter_func=getter)
                            kept = lambda: field.default
                            self._remember(kept)
                            shared = lambda: name
                            self._call_and_store(data, shared)
                            hooks.append(shared)
                        return result

                    def _call_and_store(self, data, getter_func):
                        try:
                            return getter_func(data)
                        except ValueError:
                            return None

                    def _remember(self, function):
                        self.later = function
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023")).extracting(f -> f.line() + " " + f.message())
                .containsExactlyInAnyOrder("7 Function definition does not bind loop variable `field`",
                        "9 Function definition does not bind loop variable `name`");
    }
}
