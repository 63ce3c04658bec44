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

    /**
     * networkx hands a function made in the loop to another function, which runs it before it returns
     * ({@code shortest_path_length(G, u, v, weight=hide_edge)}, {@code relabel_nodes(R, lambda x: x + len(R))}):
     * B023 led its first screen as high. Whether such a call keeps the function is not known, so the report stays, low,
     * saying so; one handed to {@code pytest.raises(E, check)}, which calls it at once, is left out. A function given
     * to a call that keeps it (a thread's target), or to a call whose value is stored beyond the iteration's locals,
     * or to a project function that passes it to one that keeps it, stays high.
     */
    @Test
    void aFunctionOnlyHandedToCallsNotKnownToKeepItIsLowAndOneHandedToPytestRaisesIsLeftOut() {
        TestSnapshots.write(root, "graphs/__init__.py", "");
        TestSnapshots.write(root, "graphs/relabel.py", """
                def relabel(graph, mapping):
                    if not callable(mapping):
                        raise TypeError("mapping is not callable")
                    return {n: mapping(n) for n in graph}


                def remember(hooks, hook):
                    hooks.append(wrap(hook))


                def wrap(hook):
                    return hook
                """);
        TestSnapshots.write(root, "graphs/paths.py", """
                import threading

                import pytest
                from shortest import path_length

                from graphs.relabel import relabel, remember


                def spans(graph, edges, out, hooks):
                    for u, v in edges:
                        ends = {u, v}

                        def hide_edge(a, b):
                            return None if {a, b} == ends else 1

                        span = path_length(graph, u, v, weight=hide_edge)
                        renamed = relabel(graph, lambda n: n + len(ends))
                        out[u] = path_length(graph, u, v, weight=lambda a, b: a in ends)
                        threading.Thread(target=lambda: print(ends)).start()
                        remember(hooks, lambda: ends)

                        def fails():
                            path_length(ends, u, v)

                        pytest.raises(KeyError, fails)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "14 LOW Function definition does not bind loop variable `ends` (it goes only to "
                                + "`shortest.path_length(..)` in this iteration, and none is known to keep it: it sees a "
                                + "later value only if one keeps it for later)",
                        "17 LOW Function definition does not bind loop variable `ends` (it goes only to "
                                + "`graphs.relabel.relabel(..)` in this iteration, and none is known to keep it: it sees a "
                                + "later value only if one keeps it for later)",
                        "18 HIGH Function definition does not bind loop variable `ends`",
                        "19 HIGH Function definition does not bind loop variable `ends`",
                        "20 HIGH Function definition does not bind loop variable `ends`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_iteration_local_closures");
            assertThat(m.value()).isEqualTo(3.0); // `ends`, `u` and `v` in fails
        });
    }

    /**
     * Twisted: a callback made in the iteration that returns ({@code d.addCallback(cbResolved)} / {@code return d})
     * is made in the loop's last iteration, and a lambda in a table of functions one of which is looked up and called
     * at once ({@code {"TCP": lambda: .., "UNIX": lambda: ..}[kind]()}) runs in its iteration: both left out. A lambda
     * handed to a Deferred's {@code addErrback} in a loop that goes on runs later and sees the last value: high.
     */
    @Test
    void aFunctionMadeInTheLastIterationOrCalledFromATableAtOnceIsLeftOutAndACallbackKeptForLaterIsNot() {
        TestSnapshots.write(root, "resolve.py", """
                def resolve(records, query, log):
                    for record in records:
                        if record.kind == "cname":
                            previous = record
                            d = query(record.name)

                            def resolved(results):
                                return [previous] + results

                            d.addCallback(resolved)
                            return d
                    for option in (1, 2, 3):
                        query(option).addErrback(lambda failure: log(option, failure))


                def addresses(state, make):
                    for key in "host", "client":
                        kind, host = state[key]
                        state[key] = {
                            "TCP": lambda: make(kind, host),
                            "UNIX": lambda: make(host),
                        }[kind]()
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactly("13 HIGH Function definition does not bind loop variable `option`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_iteration_local_closures");
            assertThat(m.value()).isEqualTo(4.0);
        });
    }

    /**
     * FastAPI: a function handed to a task group's {@code start_soon}, the group's {@code async with} inside the loop,
     * runs before the block ends, so in its iteration ({@code async with anyio.create_task_group() as tg:} / {@code
     * tg.start_soon(process_fn, ..)}): left out. The same with the group opened around the loop runs its tasks after
     * later iterations have rebound what they see: high.
     */
    @Test
    void aTaskOfATaskGroupTheIterationWaitsForIsLeftOutAndOneOfAGroupAroundTheLoopIsNot() {
        TestSnapshots.write(root, "body.py", """
                import anyio


                async def read_all(fields):
                    values = []
                    for field in fields:
                        results = []

                        async def process(read):
                            results.append(await read())

                        async with anyio.create_task_group() as tg:
                            for part in field.parts:
                                tg.start_soon(process, part.read)
                        values.append(results)
                    return values


                async def read_late(fields):
                    values = []
                    async with anyio.create_task_group() as tg:
                        for field in fields:
                            results = []

                            async def process(read):
                                results.append(await read())

                            for part in field.parts:
                                tg.start_soon(process, part.read)
                            values.append(results)
                    return values
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactly("26 HIGH Function definition does not bind loop variable `results`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_iteration_local_closures");
            assertThat(m.value()).isEqualTo(1.0);
        });
    }

    /**
     * Hypothesis defines a predicate in a loop, calls it there and hands it to its own {@code find_integer}, which
     * only calls it ({@code assert seems_right(0)} / {@code find_integer(seems_right)}), or calls it from lambdas it
     * hands there ({@code find_integer(lambda k: can_sort(left, right + k))}): 24 high B023 led its first screen.
     * Both run before the loop moves on: left out. One called from a lambda handed to a function that keeps it, or
     * called after the loop, keeps its report.
     */
    @Test
    void aFunctionCalledInTheIterationOrFromALambdaHandedToAProjectFunctionThatCallsItKeepsNoReport() {
        TestSnapshots.write(root, "search/__init__.py", "");
        TestSnapshots.write(root, "search/probe.py", """
                def find_integer(f):
                    lo = 0
                    while f(lo + 1):
                        lo += 1
                    return lo


                def remember(hooks, f):
                    hooks.append(f)
                """);
        TestSnapshots.write(root, "search/shrink.py", """
                from search.probe import find_integer, remember


                def shrink(values, consider, hooks):
                    for i in range(len(values)):
                        def can_sort(a, b):
                            return consider(values[a:i] + values[i + 1:b])

                        def seems_right(n):
                            return consider(values[:i] + values[n:])

                        assert seems_right(0)
                        find_integer(seems_right)
                        find_integer(lambda k: can_sort(i, i + k))

                        def kept(n):
                            return values[n] == i

                        remember(hooks, lambda n: kept(n))

                        def late(n):
                            return values[n] == i
                    return late(0)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023")).extracting(f -> f.line() + " " + f.message())
                .containsExactlyInAnyOrder("17 Function definition does not bind loop variable `i`",
                        "22 Function definition does not bind loop variable `i`");
    }

    /**
     * Prompt_toolkit's history reads a loop variable in a function it hands to {@code await
     * loop.run_in_executor(None, in_executor)} (a high B023 led its first screen): awaited where it is made, the call
     * returns what the function returned, so the function has run before the loop moves on. Left out; the same call
     * not awaited there (its future kept for later) keeps the report.
     */
    @Test
    void aFunctionRunOnAThreadAndAwaitedAtOnceKeepsNoLoopVariableReport() {
        TestSnapshots.write(root, "history.py", """
                async def load(loop, store):
                    seen = 0
                    pending = []
                    while True:
                        def read():
                            return store[seen:]

                        items = await loop.run_in_executor(None, read)
                        seen += len(items)

                        def later():
                            return store[seen:]

                        pending.append(loop.run_in_executor(None, later))
                        if not items:
                            return pending
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B023")).extracting(f -> f.line() + " " + f.message())
                .containsExactly("12 Function definition does not bind loop variable `seen`");
    }
}
