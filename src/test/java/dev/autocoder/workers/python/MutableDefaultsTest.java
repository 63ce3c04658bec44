package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bugbear's B006 reports every parameter default that makes a list, dict or set: the one object is made when the
 * function is defined and shared by every call. Only a function that changes it, or lets it escape to a caller, makes
 * calls see each other's changes; tornado's linkify only tests {@code proto in permitted_protocols}. The code-quality
 * row keeps every report and rates it by what the function does with the parameter.
 */
class MutableDefaultsTest {

    @TempDir
    Path root;

    @Test
    void aMutableDefaultIsRatedByWhatItsFunctionDoesWithIt() {
        TestSnapshots.write(root, "links.py", """
                def linkify(text, permitted_protocols=["http", "https"]):
                    proto = text.split(":")[0]
                    if proto and proto not in permitted_protocols:
                        return text
                    return "<a>" + text + "</a>" * len(permitted_protocols)


                def sign(url, parameters={}):
                    return send(url, parameters)


                def remember(seen=[]):
                    seen.append(1)
                    return len(seen)


                def options(extra={}):
                    return extra


                def send(url, parameters):
                    return url, len(parameters)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B006"))
                .extracting(Finding::line, Finding::severity)
                .containsExactlyInAnyOrder(tuple(1, Severity.LOW), tuple(8, Severity.MEDIUM), tuple(12, Severity.HIGH),
                        tuple(17, Severity.HIGH));
    }

    @Test
    void aDefaultKeptInAnAttributeIsRatedByWhatTheClassDoesWithIt() {
        // dateutil's _tzicalvtz keeps comps=[] and only reads it; a cache that appends to what it kept shares state
        TestSnapshots.write(root, "zones.py", """
                class Zone:
                    def __init__(self, tzid, comps=[]):
                        self._tzid = tzid
                        self._comps = comps

                    def find(self, dt):
                        if len(self._comps) == 1:
                            return self._comps[0]
                        return [c for c in self._comps if c.start <= dt]


                class Cache:
                    def __init__(self, entries=[]):
                        self._entries = entries

                    def add(self, entry):
                        self._entries.append(entry)


                class View:
                    def __init__(self, items=[]):
                        self.items = items

                    def all(self):
                        return self.items
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B006"))
                .extracting(Finding::line, Finding::severity)
                .containsExactlyInAnyOrder(tuple(2, Severity.MEDIUM), tuple(13, Severity.HIGH), tuple(21, Severity.HIGH));
    }

    @Test
    void twoDefaultsOnOneLineAreRatedApart() {
        // sphinx's Config: the first default is changed in place, the second only copied
        TestSnapshots.write(root, "config.py", """
                class Config:
                    def __init__(self, config={}, overrides={}) -> None:
                        self.overrides = dict(overrides)
                        if "extensions" in self.overrides:
                            config["extensions"] = self.overrides.pop("extensions")
                        self.extensions = config.get("extensions", [])
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B006"))
                .extracting(Finding::line, Finding::severity, f -> f.message().contains("only reads it"))
                .containsExactlyInAnyOrder(tuple(2, Severity.HIGH, false), tuple(2, Severity.LOW, true));
    }

    @Test
    void aDefaultPackedIntoALocalThatIsOnlyHandedOnIsPassed() {
        // jedi's subprocess: `data = inference_state_id, function, args, kwargs` / `pickle_dump(data, ..)`
        TestSnapshots.write(root, "messages.py", """
                def send(channel, name, kwargs={}):
                    data = name, kwargs
                    channel.dump(data)


                def keep(name, kwargs={}):
                    data = name, kwargs
                    return data


                class Pool:
                    def __init__(self, preload={}):
                        try:
                            items = preload.items()
                        except AttributeError:
                            items = preload
                        self.values = dict(items)

                    def alias(self, preload={}):
                        items = preload
                        return items
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        // eventlet's DAGPool: `iteritems = preload` / `dict(iteritems)`, another name only handed on
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B006"))
                .extracting(Finding::line, Finding::severity)
                .containsExactlyInAnyOrder(tuple(1, Severity.MEDIUM), tuple(6, Severity.HIGH), tuple(12, Severity.MEDIUM),
                        tuple(19, Severity.HIGH));
    }

    /**
     * Bugbear's B008 reports a call in a parameter default: made once, shared by every call. FastAPI writes
     * {@code response_class=Default(JSONResponse)} fifty times, where {@code Default} returns a
     * {@code DefaultPlaceholder} no method of which changes it (fifty medium B008 on its first screen): low, naming
     * what the call makes. A class whose methods change its instances (a registry it appends to, a counter it bumps),
     * or a placeholder holding a list written there, keeps the table's severity.
     */
    @Test
    void aDefaultCallMakingAnInstanceNothingChangesIsLow() {
        TestSnapshots.write(root, "app/__init__.py", "");
        TestSnapshots.write(root, "app/datastructures.py", """
                class DefaultPlaceholder:
                    def __init__(self, value):
                        self.value = value

                    def __bool__(self):
                        return bool(self.value)


                def Default(value):
                    return DefaultPlaceholder(value)


                class Registry:
                    def __init__(self):
                        self.items = []

                    def add(self, item):
                        self.items.append(item)


                class Counter:
                    def __init__(self):
                        self.count = 0

                    def bump(self):
                        self.count += 1
                """);
        TestSnapshots.write(root, "app/main.py", """
                from app.datastructures import Counter, Default, Registry


                def route(path, response_class=Default(dict), registry=Registry(), counter=Counter(), tags=Default([])):
                    return path, response_class, registry, counter, tags
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        Severity table = RuffRules.shipped().severityOf("B008");
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B008"))
                .extracting(f -> f.severity() + " " + f.message().contains("`app.datastructures.Default` makes an instance"))
                .containsExactlyInAnyOrder(Severity.LOW + " true", table + " false", table + " false", table + " false");
    }

    /**
     * Aiohttp's cookie jars take {@code response_url: URL = URL()}: the abstract method and the dummy jar never use it,
     * the real jar reads {@code response_url.raw_host} and {@code .path} (a medium B008 × 5 was second on its first
     * screen). Low where the function never uses the parameter or only tests it and reads attributes of it; a method
     * called on it, a bound method kept ({@code self.randrange = random.randrange}), the value handed on or passed on
     * through {@code or} keep the table's severity.
     */
    @Test
    void aDefaultCallTheFunctionNeverUsesOrOnlyReadsIsLow() {
        TestSnapshots.write(root, "jar.py", """
                import abc
                import random

                from yarl import URL


                class AbstractJar(abc.ABC):
                    @abc.abstractmethod
                    def update(self, cookies, response_url=URL()):
                        \"""Update cookies.\"""


                class Jar(AbstractJar):
                    def update(self, cookies, response_url=URL()):
                        hostname = response_url.raw_host
                        if not response_url or response_url.path is None:
                            return
                        self.cookies = (hostname, response_url.path, cookies)

                    def filter(self, request_url=URL()):
                        return request_url.origin()


                class Writer:
                    def __init__(self, transport, random=random.Random(), highlighter=URL(), url=URL()):
                        self.randrange = random.randrange
                        self.highlighter = highlighter or transport
                        transport.write(url)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        Severity table = RuffRules.shipped().severityOf("B008");
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B008"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("never uses the parameter"))
                .containsExactlyInAnyOrder("9 LOW true", "14 LOW true", "20 " + table + " false",
                        "25 " + table + " false", "25 " + table + " false", "25 " + table + " false");
    }

    /**
     * A private parameter the function changes is its memory across calls: pip's {@code _normalize_cached(filename,
     * _cache={})}, falcon's {@code _name_cache={}}, passlib's {@code __repr__(self, _repr_running={})} (a high B006
     * on its first screen). Low, saying so; a public parameter changed in place keeps the table's high.
     */
    @Test
    void aPrivateParameterTheFunctionChangesIsACacheByDesign() {
        TestSnapshots.write(root, "paths.py", """
                import os


                def normalize_cached(filename, _cache={}):
                    try:
                        return _cache[filename]
                    except KeyError:
                        _cache[filename] = result = os.path.normcase(filename)
                        return result


                def collect(item, found=[]):
                    found.append(item)
                    return found
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B006"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("a cache by design"))
                .containsExactlyInAnyOrder("4 LOW true", "12 " + RuffRules.shipped().severityOf("B006") + " false");
    }

    /**
     * Pyflakes' {@code iter_child_nodes(node, omit=None, _fields_order=_FieldsOrder())} makes its cache of each node
     * class's fields once, for every call (a medium B008 on its first screen); psutil compiles its patterns the same
     * way ({@code _pss_re=re.compile(..)}). A private parameter's default: low, saying so; a public one keeps the
     * table's severity.
     */
    @Test
    void aCallMadeOnceForAPrivateParameterIsSharedOnPurpose() {
        TestSnapshots.write(root, "walk.py", """
                class FieldsOrder(dict):
                    def __missing__(self, key):
                        self[key] = fields = sorted(key._fields)
                        return fields


                def iter_child_nodes(node, omit=None, _fields_order=FieldsOrder()):
                    for name in _fields_order[node.__class__]:
                        yield getattr(node, name)


                def walk(node, order=FieldsOrder()):
                    order.clear()
                    return order[node.__class__]
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B008"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message().contains("the parameter is private"))
                .containsExactlyInAnyOrder("7 LOW true", "12 " + RuffRules.shipped().severityOf("B008") + " false");
    }

    /**
     * Paste's {@code ForwardRequestException.__init__(.., environ={}, ..)} defines middleware whose {@code
     * __call__(self, environ, start_response)} sets {@code environ['PATH_INFO']}: that is the request's environ, a
     * parameter of its own, not the default (a high B006 on paste's first screen). Only read: low. A nested function
     * that changes the outer parameter, or takes it on as its own default, keeps the report.
     */
    @Test
    void aNestedFunctionsOwnParameterOfTheSameNameIsNotTheDefault() {
        TestSnapshots.write(root, "forward.py", """
                def forward(url=None, environ={}):
                    if url and environ:
                        raise TypeError("url or environ")

                    class PathInfoForward:
                        def __call__(self, environ, start_response):
                            environ["PATH_INFO"] = url
                            return start_response

                    return PathInfoForward()


                def remember(environ={}):
                    def record(key):
                        environ[key] = True

                    return record


                def shell(namespace={}):
                    def wrapper(namespace=namespace):
                        namespace.update(x=1)

                    return wrapper
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B006"))
                .extracting(Finding::line, Finding::severity)
                .containsExactlyInAnyOrder(tuple(1, Severity.LOW), tuple(13, Severity.HIGH), tuple(20, Severity.HIGH));
    }
}
