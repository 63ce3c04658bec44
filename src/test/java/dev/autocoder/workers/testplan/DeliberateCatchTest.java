package dev.autocoder.workers.testplan;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A catch that says it means to let the failure go is no empty-catch and no swallowed exception. In Python: an
 * optional import, an exhausted iterator, the failure branch of a try/else and an empty handler with a comment saying
 * why (seen on flask: `except ImportError: pass` around readline, `except OSError: pass` / `else: return True` in
 * is_ip; on requests: `except StopIteration: pass`, a commented fallback, `# App Engine hackiness.` written over
 * the clause). In Java: a variable named ignored (PMD's EmptyCatchBlock option) or ignore (IntelliJ's), or a
 * comment in the block (PMD's option). The same blocks without that are still reported.
 */
class DeliberateCatchTest {

    private static final String PYTHON = """
            def enable_completion():
                try:
                    import readline
                except ImportError:
                    pass
                return True


            def is_number(text):
                try:
                    float(text)
                except ValueError:
                    pass
                else:
                    return True
                return False


            def read_number(text):
                try:
                    return float(text)
                except ValueError:
                    pass
                return None


            def first(items):
                try:
                    return next(iter(items))
                except StopIteration:
                    pass
                return None


            def number_or_text(text):
                try:
                    return float(text)
                except ValueError:
                    # not a number: the text itself is the value
                    pass
                return text


            def netrc_auth(path):
                try:
                    with open(path) as f:
                        return f.read()

                # App Engine has no netrc
                except (ImportError, AttributeError):
                    pass
                return None


            def parse_or_none(text):
                try:
                    return int(text)  # digits only
                except (ValueError, AttributeError):
                    pass
                return None
            """;

    private static final String JAVA = """
            package shop;

            import java.io.IOException;
            import java.io.InputStream;

            public class Reader {
                public int firstByte(InputStream in) {
                    try {
                        return in.read();
                    } catch (IOException ignored) {
                    }
                    return -1;
                }

                public int secondByte(InputStream in) {
                    try {
                        return in.read();
                    } catch (IOException e) {
                    }
                    return -1;
                }

                public int thirdByte(InputStream in) {
                    try {
                        return in.read();
                    } catch (IOException e) {
                        // a closed stream reads as its end
                    }
                    return -1;
                }

                public int fourthByte(InputStream in) {
                    try {
                        return in.read();
                    } catch (IOException ignore) {
                    }
                    return -1;
                }
            }
            """;

    /**
     * Rich's Syntax.guess_lexer: a lookup that may fail keeps the default, which the code after the try checks. Click's
     * _NonClosingTextIOWrapper.__del__: a finalizer has no caller to tell. Jinja2's ChoiceLoader: a failure moves on
     * to the next candidate, and the code after the loop raises when none works. Jinja2's VisitorExit: the project's
     * own stop signal, raised without arguments everywhere (ParseFailed carries a message once: an error).
     */
    private static final String LOOKUP = """
            def guess(path, code, find, by_name):
                lexer = None
                if code:
                    try:
                        lexer = find(path, code)
                    except LookupError:
                        pass
                if not lexer:
                    try:
                        lexer = by_name(path.rsplit(".", 1)[-1])
                    except LookupError:
                        pass
                return lexer.name if lexer else "default"


            def without_default(path, find):
                try:
                    lexer = find(path)
                except LookupError:
                    pass
                return lexer


            def default_never_read(path, find):
                lexer = None
                try:
                    lexer = find(path)
                except LookupError:
                    pass
                return path


            class Wrapper:
                def __init__(self, stream):
                    self.stream = stream

                def __del__(self):
                    try:
                        self.stream.detach()
                    except Exception:
                        pass


            class VisitorExit(RuntimeError):
                pass  # stops the walk


            class Visitor:
                def visit(self, node):
                    if node is None:
                        raise VisitorExit()
                    return node


            class ParseFailed(Exception):
                pass


            def parse(text):
                if not text:
                    raise ParseFailed
                if text == "?":
                    raise ParseFailed("a question is no number")
                return int(text)


            def undeclared(visitor, nodes):
                try:
                    for node in nodes:
                        visitor.visit(node)
                except VisitorExit:
                    pass
                return nodes


            def parsed_or_none(text):
                try:
                    return parse(text)
                except ParseFailed:
                    pass
                return None


            def first_source(loaders, name):
                for loader in loaders:
                    try:
                        return loader.get_source(name)
                    except LookupError:
                        pass
                raise LookupError(name)
            """;

    /** The same stop signal in Java: thrown without arguments, caught to end the walk. */
    private static final String WALKER = """
            package shop;

            import java.util.List;

            public class Walker {
                static class StopWalking extends RuntimeException {
                }

                void visit(Object node) {
                    if (node == null) {
                        throw new StopWalking();
                    }
                }

                public int walk(List<Object> nodes) {
                    int seen = 0;
                    try {
                        for (Object node : nodes) {
                            visit(node);
                            seen++;
                        }
                    } catch (StopWalking e) {
                    }
                    return seen;
                }
            }
            """;

    /**
     * Tornado's idioms: ways to one result tried in turn (cpu_count; twisted's safe_str, whose first way is tried
     * inside an {@code if}), an entry removed if present (its redirect's
     * header clean-up), a would-block on a non-blocking socket (its waker), a cancelled future's result in a
     * done-callback (with_timeout); dateutil's: a lookup whose missing key answers None ({@code d.get(k)} written
     * out), a parameter converted when it can be and kept as given otherwise. The last way of a chain, a removal
     * that does more than remove, a would-block caught with other failures and a coroutine swallowing its own
     * cancellation are still reported. attrs' and functools' own: an attribute set where the object allows it
     * ({@code method.__qualname__ = …} / {@code except AttributeError: pass}) or removed where it is there
     * ({@code delattr}); a block that does more is reported. httpx's: a stream rewound where it can be
     * ({@code seek(0)} / {@code except io.UnsupportedOperation: pass}: the stream lacks that optional capability).
     * marshmallow's: a membership test whose unhashable value answers no ({@code if value in truthy: return True} /
     * {@code except TypeError: pass}); a try that does more is reported. docutils': a method called where the object
     * has it ({@code output.close()} / {@code except AttributeError: pass}) and an entry copied where it is there
     * ({@code requirements[name] = packages[name]} / {@code except KeyError: pass}); two calls are reported.
     */
    private static final String IDIOMS = """
            import asyncio
            import io
            import os


            def cpu_count(multiprocessing):
                try:
                    return multiprocessing.cpu_count()
                except NotImplementedError:
                    pass
                try:
                    return os.sysconf("SC_NPROCESSORS_CONF")
                except (AttributeError, ValueError):
                    pass
                return 1


            def without_headers(headers, names, seen):
                for name in names:
                    try:
                        del headers[name]
                    except KeyError:
                        pass
                    try:
                        seen.remove(name)
                    except ValueError:
                        pass
                    try:
                        del headers[name]
                        seen.append(name)
                    except KeyError:
                        pass
                return headers


            def wake(waker):
                try:
                    waker.send(b"a")
                except BlockingIOError:
                    pass
                try:
                    waker.send(b"b")
                except (BlockingIOError, OSError):
                    pass


            def on_done(future):
                try:
                    future.result()
                except asyncio.CancelledError:
                    pass


            async def wait_quietly(future):
                try:
                    await future
                except asyncio.CancelledError:
                    pass


            def weekday(days, name):
                try:
                    return days[name.lower()]
                except KeyError:
                    pass
                return None


            def seconds(offset):
                try:
                    offset = offset.total_seconds()
                except (TypeError, AttributeError):
                    pass
                return offset * 2


            def named(method, owner, sys):
                try:
                    method.__qualname__ = owner.__qualname__ + "." + method.__name__
                except AttributeError:
                    pass
                try:
                    setattr(method, "__module__", sys._getframe(1).f_globals.get("__name__"))
                except (AttributeError, ValueError):
                    pass
                try:
                    method.__doc__ = owner.__doc__
                    owner.methods.append(method)
                except AttributeError:
                    pass
                try:
                    delattr(owner, "stale")
                except AttributeError:
                    pass
                return method


            def rewound(stream):
                try:
                    stream.seek(0)
                except io.UnsupportedOperation:
                    pass
                return stream.read()


            def truthy(value, truthy, falsy, lookup):
                try:
                    if value in truthy:
                        return True
                    if value in falsy:
                        return False
                except TypeError:
                    pass
                try:
                    if lookup(value) in truthy:
                        return True
                    lookup.misses += 1
                except TypeError:
                    pass
                return bool(value)


            def finish(output, requirements, packages, name):
                try:
                    output.close()
                except AttributeError:
                    pass
                try:
                    requirements[name] = packages[name]
                except KeyError:
                    pass
                try:
                    output.flush()
                    output.close()
                except AttributeError:
                    pass
                return requirements


            class Pool:
                def connection(self):
                    try:
                        current = self._conn.current()
                        if current:
                            return current
                    except AttributeError:
                        pass
                    current = self._create_connection()
                    self._conn.current = current
                    return current

                @property
                def table(self):
                    try:
                        if isinstance(self.parent, dict):
                            return self.parent
                    except AttributeError:
                        pass
                    raise ValueError("not bound to a table")

                def current_or_none(self):
                    try:
                        return self._conn.current()
                    except AttributeError:
                        pass
                    return None

                def zone(self, link, zones):
                    if link:
                        pos = link.find("/zoneinfo/")
                        if pos >= 0:
                            try:
                                return zones.timezone(link[pos + 10:])
                            except zones.UnknownTimeZoneError:
                                pass
                    return zones.timezone(self.read("/etc/timezone"))

                def any_failure(self):
                    try:
                        current = self._conn.current()
                        if current:
                            return current
                    except Exception:
                        pass
                    return self._create_connection()


            def map_except(function, iterable, *exceptions):
                for item in iterable:
                    try:
                        yield function(item)
                    except exceptions:
                        pass


            def set_attributes(graph, values, name):
                for (u, v), value in values.items():
                    try:
                        graph[u][v][name] = value
                    except KeyError:
                        pass
                for node, attributes in values.items():
                    try:
                        graph.nodes[node].update(attributes)
                    except KeyError:
                        pass
                try:
                    graph[name].update(values)
                except KeyError:
                    pass


            def cliques(graph, stack):
                try:
                    while True:
                        node = stack.pop()
                        graph.visit(node)
                except IndexError:
                    pass
                return graph


            def find_program(name, folders, os, error):
                for folder in folders:
                    path = os.path.join(folder, name)
                    try:
                        if os.access(path, os.X_OK):
                            return path
                    except error.EACCES:
                        pass
                try:
                    os.unlink(name + ".lock")
                except OSError:
                    pass
                return None


            def fields(node):
                for field in node._fields:
                    try:
                        yield field, getattr(node, field)
                    except AttributeError:
                        pass


            def version(raw):
                numbers = []
                for part in raw.split("."):
                    try:
                        numbers.append(int(part))
                    except ValueError:
                        pass
                return tuple(numbers)


            def safe_str(o):
                if isinstance(o, bytes):
                    try:
                        return o.decode("utf-8")
                    except BaseException:
                        pass
                try:
                    return str(o)
                except Exception:
                    return repr(o)
            """;

    @TempDir
    Path temp;

    @Test
    void tornadosAndDateutilsIdiomsAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/idioms.py", IDIOMS));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/idioms.py", 13), tuple("shop/idioms.py", 31),
                        tuple("shop/idioms.py", 43), tuple("shop/idioms.py", 57), tuple("shop/idioms.py", 89),
                        tuple("shop/idioms.py", 118), tuple("shop/idioms.py", 135), tuple("shop/idioms.py", 164),
                        tuple("shop/idioms.py", 183), tuple("shop/idioms.py", 209));
    }

    @Test
    void onlyTheCatchesThatLoseAFailureAreReported() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/numbers.py", PYTHON,
                "src/main/java/shop/Reader.java", JAVA));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));
        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/numbers.py", 22), tuple("shop/numbers.py", 58),
                        tuple("src/main/java/shop/Reader.java", 18));

        PerspectiveResult failures = harness.run(harness.perspective("failure-modes"));
        assertThat(TestPlanHarness.analysis(failures).failureModes())
                .filteredOn(m -> m.mode().equals("swallowed-exception"))
                .extracting(FailureMode::method)
                .containsExactlyInAnyOrder("read_number(text)", "parse_or_none(text)", "secondByte(InputStream)");
    }

    @Test
    void aFallbackAndAFinalizerAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/lexers.py", LOOKUP,
                "src/main/java/shop/Walker.java", WALKER));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/lexers.py", 19), tuple("shop/lexers.py", 28),
                        tuple("shop/lexers.py", 79));

        PerspectiveResult failures = harness.run(harness.perspective("failure-modes"));
        assertThat(TestPlanHarness.analysis(failures).failureModes())
                .filteredOn(m -> m.mode().equals("swallowed-exception"))
                .extracting(FailureMode::method)
                .containsExactlyInAnyOrder("without_default(path, find)", "default_never_read(path, find)", "parsed_or_none(text)");
        // raising a stop signal is no way to fail; raising an error is
        assertThat(TestPlanHarness.analysis(failures).failureModes())
                .filteredOn(m -> m.mode().equals("thrown-exception"))
                .extracting(FailureMode::exception)
                .contains("ParseFailed")
                .doesNotContain("VisitorExit", "StopWalking", "Walker.StopWalking", "shop.Walker.StopWalking");
    }

    /**
     * networkx's error-handling row led with {@code empty-catch} × 19 high, most of them idioms: an optional entry
     * used where present (its GEXF writer's {@code pid = node_data.pop("pid")} / {@code kw["pid"] = str(pid)} /
     * {@code except KeyError: pass}, its pydot export's {@code P.set_node_defaults(**N.graph["node"])}), a node removed
     * with what hangs on it where present ({@code del self._node[n]}, then only deletes), an edge removed by its own
     * method that raises when absent ({@code self.remove_edge(*e[:3])} / {@code except NetworkXError: pass}). Work
     * after the lookup, a second lookup and a broad handler keep their report.
     */
    @Test
    void optionalEntriesAndRemovalsWherePresentAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/graph.py", """
                class GraphError(Exception):
                    pass


                class Graph:
                    def __init__(self):
                        self._node = {}
                        self._adj = {}

                    def remove_edge(self, u, v):
                        if u not in self._adj:
                            raise GraphError(u)
                        del self._adj[u][v]

                    def remove_edges_from(self, edges):
                        for e in edges:
                            try:
                                self.remove_edge(*e[:2])
                            except GraphError:
                                pass

                    def remove_nodes_from(self, nodes):
                        adj = self._adj
                        for n in nodes:
                            try:
                                del self._node[n]
                                for u in list(adj[n]):
                                    del adj[u][n]
                                del adj[n]
                            except KeyError:
                                pass

                    def remove_and_count(self, nodes, counts):
                        for n in nodes:
                            try:
                                del self._node[n]
                                counts[n] += 1
                            except KeyError:
                                pass


                def attributes(node_data, graph, dot):
                    kw = {}
                    try:
                        pid = node_data.pop("pid")
                        kw["pid"] = str(pid)
                    except KeyError:
                        pass
                    try:
                        dot.set_node_defaults(**graph["node"])
                    except KeyError:
                        pass
                    try:
                        start = node_data.pop("start")
                        kw["start"] = dot.convert(start, graph["units"])
                    except KeyError:
                        pass
                    try:
                        name = node_data.pop("name")
                        kw["name"] = graph[name]
                    except KeyError:
                        pass
                    try:
                        end = node_data.pop("end")
                        kw["end"] = str(end)
                    except Exception:
                        pass
                    return kw
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/graph.py", 38), tuple("shop/graph.py", 56),
                        tuple("shop/graph.py", 61), tuple("shop/graph.py", 66));
    }

    /**
     * Django's error-handling row led with {@code empty-catch} × 36 high, many of them a lookup that found nothing
     * where nothing found is an answer: {@code return reverse(url_name, ..)} / {@code except NoReverseMatch: pass} /
     * {@code return None}, {@code .get(pk=..).delete()} / {@code except DoesNotExist: pass}, its file cache's
     * {@code with open(fname, "rb")} / {@code except FileNotFoundError: pass} / {@code return default}, a cache entry
     * deleted where present ({@code except (KeyError, Site.DoesNotExist)}), and {@code self.seek(0)} / {@code except
     * (AttributeError, UnsupportedOperation): pass}; so are a fallback that returns a configured value ({@code
     * return settings.LANGUAGE_CODE}), a check by exception ({@code validate(x)} / {@code return True} in the try,
     * {@code return False} after), a number read from an optional entry ({@code int(cc["max-age"])}), an optional
     * method not implemented ({@code tzname()} / {@code except NotImplementedError}) and an optional keyword argument
     * read with a default ({@code kwargs["key_prefix"]}). Two lookups under such a handler, or a broader handler,
     * keep their report.
     */
    @Test
    void aLookupThatFindsNothingIsAnAnswer() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/views.py", """
                import pickle
                from io import UnsupportedOperation

                from shop.urls import NoReverseMatch, reverse


                def admin_url(name, pk):
                    try:
                        return reverse(name, args=(pk,))
                    except NoReverseMatch:
                        pass
                    return None


                def delete_session(model, key):
                    try:
                        model.objects.get(session_key=key).delete()
                    except model.DoesNotExist:
                        pass


                def cached(fname, default):
                    try:
                        with open(fname, "rb") as f:
                            return pickle.loads(f.read())
                    except FileNotFoundError:
                        pass
                    return default


                def forget(cache, sites, pk):
                    try:
                        del cache[sites.objects.get(pk=pk).domain]
                    except (KeyError, sites.DoesNotExist):
                        pass


                def rewind(stream):
                    try:
                        stream.seek(0)
                    except (AttributeError, UnsupportedOperation):
                        pass


                def language(active, settings):
                    if active is not None:
                        try:
                            return active.to_language()
                        except AttributeError:
                            pass
                    return settings.LANGUAGE_CODE


                def is_address(text, validate):
                    try:
                        validate(text)
                        return True
                    except ValueError:
                        pass
                    return False


                def max_age(cc):
                    try:
                        return int(cc["max-age"])
                    except (ValueError, TypeError, KeyError):
                        pass


                def zone_name(data):
                    try:
                        return data.tzname() or ""
                    except NotImplementedError:
                        pass
                    return ""


                class Middleware:
                    def __init__(self, **kwargs):
                        try:
                            key_prefix = kwargs["key_prefix"]
                            if key_prefix is None:
                                key_prefix = ""
                            self.key_prefix = key_prefix
                        except KeyError:
                            pass


                def urls(names):
                    found = {}
                    try:
                        found["a"] = reverse(names[0])
                        found["b"] = reverse(names[1])
                    except NoReverseMatch:
                        pass
                    try:
                        return reverse(names[2])
                    except Exception:
                        pass
                    return found
                """, "shop/urls.py", """
                class NoReverseMatch(Exception):
                    pass


                def reverse(name, args=()):
                    if not name:
                        raise NoReverseMatch(name)
                    return "/" + name
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/views.py", 94), tuple("shop/views.py", 98));
    }

    /**
     * Sphinx's error-handling row led with {@code empty-catch} × 37 high, some of them idioms of a value that may be
     * absent: an optional key of a configuration file ({@code value = config.get("theme", key)} / {@code
     * setattr(self, key, value)} / {@code except NoOptionError: pass}; {@code options.update(config.items("options"))}
     * / {@code except NoSectionError: pass}), a stack popped where it has an element ({@code objects.pop()} / {@code
     * except IndexError: pass}), an optional element used where present ({@code sep = parts.pop(0)} / {@code node +=
     * Text(sep)}), and a file compared before it is written again ({@code with open(path) as f:} / {@code if f.read()
     * == buf: return} / {@code except OSError: pass}, then the write). A call between the lookup and the store, a
     * file opened for writing in the try, and work after a popped element keep their report.
     */
    @Test
    void optionalSettingsAndStacksAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/theme.py", """
                import configparser


                class Text:
                    def __init__(self, text):
                        self.text = text


                class Theme:
                    OPTIONAL_KEYS = ("papersize", "pointsize")

                    def __init__(self, config, objects, parts, node):
                        self.config = config
                        for key in self.OPTIONAL_KEYS:
                            try:
                                value = self.config.get("theme", key)
                                setattr(self, key, value)
                            except configparser.NoOptionError:
                                pass
                        options = {}
                        try:
                            options.update(self.config.items("options"))
                        except configparser.NoSectionError:
                            pass
                        try:
                            objects.pop()
                        except IndexError:
                            pass
                        try:
                            sep = parts.pop(0)
                            node += Text(sep)
                        except IndexError:
                            pass
                        try:
                            value = self.config.get("theme", "size")
                            setattr(self, "size", self.convert(value))
                        except configparser.NoOptionError:
                            pass
                        try:
                            first = parts.pop(0)
                            node += Text(first)
                            self.render(node)
                        except IndexError:
                            pass

                    def convert(self, value):
                        return int(value)

                    def render(self, node):
                        return node


                def write_if_changed(path, buf):
                    try:
                        with open(path, encoding="utf-8") as old:
                            if old.read() == buf:
                                return
                    except OSError:
                        pass
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(buf)


                def write_twice(path, buf):
                    try:
                        with open(path, "a", encoding="utf-8") as old:
                            old.write(buf)
                            return
                    except OSError:
                        pass
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(buf)
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/theme.py", 37), tuple("shop/theme.py", 43),
                        tuple("shop/theme.py", 69));
    }

    /**
     * Tornado's {@code HTTP1ServerConnection.close} says over its try, above an assert, that it ignores the serving
     * loop's exceptions (which are logged where they happen): the handler is explained, as one with a comment over the
     * {@code except} is, and so is one in a function whose docstring says it lets failures go (click's {@code
     * safecall}, "Wraps a function so that it swallows exceptions"). A comment over the try that leaves it to decide
     * (a to-do) or says something else explains nothing.
     */
    @Test
    void aCommentOverTheTrySayingTheFailureIsIgnoredExplainsTheEmptyHandler() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/server.py", """
                class Connection:
                    def __init__(self, stream, serving):
                        self.stream = stream
                        self.serving = serving

                    async def close(self):
                        self.stream.close()
                        # Block until the serving loop is done, but ignore any exceptions
                        # (serve is already responsible for logging them).
                        assert self.serving is not None
                        try:
                            await self.serving
                        except Exception:
                            pass

                    def align(self, table, name):
                        # TODO: warn or ignore settings that do not apply?
                        try:
                            table.align(name)
                        except Exception:
                            pass

                    def flush(self):
                        # write what is buffered
                        try:
                            self.stream.flush()
                        except Exception:
                            pass


                def safecall(func):
                    \"""Wraps a function so that it swallows exceptions.\"""
                    def wrapper(*args, **kwargs):
                        try:
                            return func(*args, **kwargs)
                        except Exception:
                            pass
                    return wrapper


                def call_quietly(func):
                    \"""Calls the function; the ignored flag is kept for callers.\"""
                    try:
                        return func()
                    except Exception:
                        pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        // click's safecall says in its docstring that it swallows exceptions; a docstring that only uses the word
        // explains nothing
        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/server.py", 20), tuple("shop/server.py", 27),
                        tuple("shop/server.py", 45));
    }

    /**
     * Celery's error-handling row still led with {@code empty-catch} × 20 high, every one a named type ({@code except
     * KeyError: pass}, {@code except ValueError: pass}): Python's ask-forgiveness idiom, which ruff's S110 and
     * Bandit's B110 leave alone unless told to. Such a handler is medium, saying so; a bare or {@code Exception} one,
     * which loses every failure, stays high, unless all its {@code try} does is clean up (medium, see
     * {@link #anEmptyHandlerAroundACleanupIsMediumWhenBroadLowWhenNarrow}).
     */
    @Test
    void anEmptyHandlerOfANamedTypeIsMediumABareOrExceptionOneHigh() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/pool.py", """
                class Pool:
                    def __init__(self, queues):
                        self.queues = queues

                    def forget(self, proc):
                        try:
                            self.queues[proc.find()] = None
                        except (KeyError, ValueError):
                            pass

                    def close(self, proc):
                        try:
                            proc.close()
                        except Exception:
                            pass

                    def kill(self, proc):
                        try:
                            proc.kill()
                        except:
                            pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::line, Finding::severity, Finding::message)
                .containsExactly(tuple(8, Severity.MEDIUM, "Pool.forget(proc): empty `except (KeyError, ValueError):`: the"
                                + " failure disappears (one named type: ruff's S110, like Bandit's B110, reports only a"
                                + " bare or `Exception` handler)"),
                        tuple(14, Severity.MEDIUM, "Pool.close(proc): empty `except Exception:`: the failure disappears"
                                + " (the `try` only closes, stops, cancels or removes something: a failed cleanup leaves nothing to undo,"
                                + " but a bug in it goes unseen too; catch only what it raises)"),
                        tuple(20, Severity.HIGH, "Pool.kill(proc): empty `except:`: the failure disappears"));
    }

    /**
     * Ldap3's test-planning row led with {@code empty-catch} × 5 high, its formatters' {@code return
     * datetime.fromtimestamp(..)} / {@code except Exception: pass} / {@code return raw_value}: a value the formatter
     * cannot format is returned as it came. The fallback is meant, but {@code Exception} hides a bug in the try too:
     * medium, saying so (a named type there is deliberate, as SQLAlchemy's pool). A fallback that only answers
     * {@code None} turns every failure into that value and stays high.
     */
    @Test
    void anEmptyBroadHandlerBeforeAFallbackIsMedium() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/formatters.py", """
                from datetime import datetime


                def format_timestamp(raw_value):
                    try:
                        return datetime.fromtimestamp(int(raw_value) / 10000000.0 - 11644473600)
                    except Exception:
                        pass
                    return raw_value


                def format_or_none(raw_value):
                    try:
                        return datetime.fromtimestamp(int(raw_value))
                    except Exception:
                        pass
                    return None
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::line, Finding::severity, Finding::message)
                .containsExactly(tuple(7, Severity.MEDIUM, "formatters.format_timestamp(raw_value): empty `except "
                                + "Exception:`: the failure disappears (the `try` returns what it finds when it can and the "
                                + "code after it is the other way, so falling back is meant, but a bug in the `try` goes "
                                + "unseen too; catch only what it raises)"),
                        tuple(15, Severity.HIGH, "formatters.format_or_none(raw_value): empty `except Exception:`: the "
                                + "failure disappears"));
    }

    /**
     * Django's error-handling row led with {@code empty-catch} × 3 high, two of them a response closing what it holds
     * ({@code for closer in self._resource_closers: try: closer() / except Exception: pass}, {@code value.close()});
     * sphinx's with five, two of them {@code shutil.rmtree} of a temporary folder: a cleanup that fails leaves
     * nothing to undo, though {@code Exception} also hides a bug in it. An empty handler around a close, stop,
     * cancel or removal only is medium when it is broad, low when it names what the cleanup raises (commons-io's
     * closeQuietly); one around anything else keeps high.
     */
    @Test
    void anEmptyHandlerAroundACleanupIsMediumWhenBroadLowWhenNarrow() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/response.py", """
                import shutil


                class Response:
                    def close(self):
                        for closer in self._closers:
                            try:
                                closer()
                            except Exception:
                                pass

                    def release(self, value):
                        if hasattr(value, "close"):
                            try:
                                value.close()
                            except:
                                pass

                    def reset(self, value):
                        try:
                            value.reset()
                        except Exception:
                            pass

                    def cleanup(self, folder):
                        try:
                            shutil.rmtree(folder)
                        except Exception:
                            pass

                    def heartbeat(self):
                        if not self.alive:
                            try:
                                self.server.stop()
                            except Exception:
                                pass

                    def __exit__(self, *exc_info):
                        try:
                            self.consumer.cancel()
                        except Exception:
                            pass
                """, "src/main/java/shop/Streams.java", """
                package shop;

                import java.io.Closeable;
                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Streams {
                    public static void closeQuietly(Closeable c) {
                        try {
                            c.close();
                        } catch (IOException e) {
                        }
                    }

                    public static void closeAll(Closeable c) {
                        try {
                            c.close();
                        } catch (Exception e) {
                        }
                    }

                    public static void removeQuietly(Path temp) {
                        try {
                            Files.deleteIfExists(temp);
                        } catch (IOException e) {
                        }
                    }
                }
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        String broad = ": the failure disappears (the `try` only closes, stops, cancels or removes something: a failed cleanup leaves "
                + "nothing to undo, but a bug in it goes unseen too; catch only what it raises)";
        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::line, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        tuple(9, Severity.MEDIUM, "Response.close(): empty `except Exception:`" + broad),
                        tuple(16, Severity.MEDIUM, "Response.release(value): empty `except:`" + broad),
                        tuple(22, Severity.HIGH, "Response.reset(value): empty `except Exception:`: the failure disappears"),
                        tuple(28, Severity.MEDIUM, "Response.cleanup(folder): empty `except Exception:`" + broad),
                        // gunicorn's tornado worker stopping its server
                        tuple(35, Severity.MEDIUM, "Response.heartbeat(): empty `except Exception:`" + broad),
                        // kombu's consumer leaving in __exit__
                        tuple(41, Severity.MEDIUM, "Response.__exit__(*exc_info): empty `except Exception:`" + broad),
                        tuple(12, Severity.LOW, "Streams.closeQuietly(Closeable): empty catch of IOException: the failure "
                                + "disappears (the try block only closes, stops, cancels or removes something: a failed cleanup leaves "
                                + "nothing to undo)"),
                        tuple(19, Severity.MEDIUM, "Streams.closeAll(Closeable): empty catch of Exception: the failure "
                                + "disappears (the try block only closes, stops, cancels or removes something: a failed cleanup leaves "
                                + "nothing to undo, but a bug in it goes unseen too; catch only what it raises)"),
                        tuple(26, Severity.LOW, "Streams.removeQuietly(Path): empty catch of IOException: the failure "
                                + "disappears (the try block only closes, stops, cancels or removes something: a failed cleanup leaves "
                                + "nothing to undo)"));
    }

    /**
     * Celery's error-handling row led with {@code empty-catch} × 34 high; five of them a wait that ran out of time in
     * a polling loop ({@code connection.drain_events(timeout=2.0)} / {@code except socket.timeout: pass}): nothing
     * arrived in time, which is an answer. So is a file its backend opens through its own {@code self.open} that is
     * not there, and a parameter of a nested function that keeps its default where the lookup fails (its task
     * sender's {@code delivery_mode=None}). A timeout caught around a call that sets no timeout keeps its report.
     */
    @Test
    void aWaitThatTimesOutAndAFileNotThereAreAnswers() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/worker.py", """
                import socket


                class Loop:
                    def __init__(self, connection, opener):
                        self.connection = connection
                        self.open = opener

                    def run(self, stopped):
                        while not stopped():
                            try:
                                self.connection.drain_events(timeout=2.0)
                            except socket.timeout:
                                pass

                    def get(self, filename):
                        try:
                            with self.open(filename, "rb") as infile:
                                return infile.read()
                        except FileNotFoundError:
                            pass

                    def ping(self):
                        try:
                            self.connection.ping()
                        except socket.timeout:
                            pass

                    def sender(self, default_mode):
                        def send(queue, delivery_mode=None):
                            if delivery_mode is None:
                                try:
                                    delivery_mode = queue.exchange.delivery_mode
                                except AttributeError:
                                    pass
                                delivery_mode = delivery_mode or default_mode
                            return delivery_mode
                        return send
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/worker.py", 26));
    }

    /**
     * pip's own error-handling findings, once its vendored copies were left out, held four idioms: a context manager
     * that is a {@code contextlib.suppress} of its own ({@code try: yield} / {@code except OSError: pass}), an entry
     * removed where present after a log line saying so, parent folders removed where empty ({@code os.removedirs}),
     * and a named default after a fast path ({@code return "pip"}). A fallback to an empty text keeps its report.
     */
    @Test
    void aSuppressingContextManagerAndNamedDefaultsAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/tools.py", """
                import contextlib
                import logging
                import os
                import sys

                logger = logging.getLogger(__name__)


                @contextlib.contextmanager
                def suppressed_cache_errors():
                    try:
                        yield
                    except OSError:
                        pass


                def remove_entries(lines, entries):
                    for entry in entries:
                        try:
                            logger.debug("Removing entry: %s", entry)
                            lines.remove(entry)
                        except ValueError:
                            pass
                    return lines


                def prune(head):
                    try:
                        os.removedirs(head)
                    except OSError:
                        pass


                def prog_name():
                    try:
                        prog = os.path.basename(sys.argv[0])
                        if prog in ("__main__.py", "-c"):
                            return sys.executable + " -m shop"
                        return prog
                    except (AttributeError, IndexError):
                        pass
                    return "shop"


                def title(argv):
                    try:
                        return argv[0].title()
                    except (AttributeError, IndexError):
                        pass
                    return ""
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/tools.py", 48));
    }

    /**
     * dateutil's time-zone components are cached in two lists: {@code return self._cachecomp[self._cachedate.index(
     * key)]} under a lock, {@code except ValueError: pass}, then the component is computed: a cache miss, not a lost
     * failure; scrapy's cookie domains search a string for dots until there is none. A ValueError around other work
     * keeps its report.
     */
    @Test
    void aListSearchedForAnElementItMayNotHoldIsALookup() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/zones.py", """
                import threading


                class Zone:
                    def __init__(self):
                        self._cachedate = []
                        self._cachecomp = []
                        self._cache_lock = threading.Lock()

                    def find(self, dt):
                        try:
                            with self._cache_lock:
                                return self._cachecomp[self._cachedate.index(dt)]
                        except ValueError:
                            pass
                        return self.compute(dt)

                    def compute(self, dt):
                        try:
                            self._cachedate.append(int(dt.isoformat()))
                        except ValueError:
                            pass
                        return dt


                def domains(domain):
                    matches = [domain]
                    try:
                        start = domain.index(".") + 1
                        end = domain.rindex(".")
                        while start < end:
                            matches.append(domain[start:])
                            start = domain.index(".", start) + 1
                    except ValueError:
                        pass
                    return matches
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/zones.py", 21));
    }

    /**
     * Celery's remaining handlers held three more that say they mean it: a create of what may be there already
     * ({@code session.execute(create_table)} / {@code except cassandra.AlreadyExists}, as {@code os.makedirs} /
     * {@code except FileExistsError}), a tuple of types named to be ignored ({@code except IGNORE_ERRORS:}), and a
     * socket closed where it can be ({@code sock.close()} / {@code except OSError}). A close among other work keeps
     * its report.
     */
    @Test
    void aCreateOfWhatIsThereAlreadyIgnoredTypesAndABestEffortCloseAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/pool.py", """
                import os

                IGNORE_ERRORS = (KeyError, ValueError)


                class AlreadyExists(Exception):
                    pass


                def prepare(session, statement, folder):
                    try:
                        session.execute(statement)
                    except AlreadyExists:
                        pass
                    try:
                        os.makedirs(folder)
                    except FileExistsError:
                        pass


                def join(event, timeout):
                    try:
                        event.wait(timeout=timeout)
                    except IGNORE_ERRORS:
                        pass


                def release(sock, queue):
                    try:
                        sock.close()
                    except OSError:
                        pass
                    try:
                        queue.flush()
                        sock.close()
                    except OSError:
                        pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/pool.py", 36));
    }

    /**
     * Redis' client held five more: a connection closed where it can be (`close()` and `await wait_closed()` under
     * `if` tests), an option added only when its parameter is a number (`int(count)` / `except TypeError`: None skips
     * it), an entry renamed where it is there, a fallback whose failure the statement after the try raises as another
     * one, and a handler whose `try:` line says why. The same shapes that lose a failure keep their report: a
     * conversion of what is no parameter, a raise that is not the next statement, a close among other work.
     */
    @Test
    void aBestEffortDisconnectAnOptionalNumberARenameAndAFallbackThatRaisesAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/client.py", """
                import os


                class NotFound(Exception):
                    pass


                class Connection:
                    async def disconnect(self):
                        try:
                            if os.getpid() == self.pid:
                                self._writer.close()
                                if hasattr(self._writer, "wait_closed"):
                                    await self._writer.wait_closed()
                        except OSError:
                            pass
                        finally:
                            self._writer = None

                    def pending(self, name, count=None):
                        pieces = [name]
                        try:
                            if int(count) < 0:
                                raise ValueError("count must be >= 0")
                            pieces.extend([b"COUNT", count])
                        except TypeError:
                            pass
                        try:
                            pieces.append(int(self.limit))
                        except TypeError:
                            pass
                        return pieces

                    def fields(self, fields):
                        try:
                            fields["json"] = fields["$"]
                            del fields["$"]
                        except KeyError:
                            pass
                        return fields

                    def candidates(self):
                        try:
                            yield self.find_primary()
                        except NotFound:
                            pass
                        raise LookupError("no primary")

                    def others(self, items):
                        try:
                            yield self.find_primary()
                        except NotFound:
                            pass
                        if items:
                            raise LookupError("no replica")

                    def parse(self, response):
                        result = {}
                        for det in response:
                            try:  # may be provided without value
                                result[det[0]] = det[1]
                            except IndexError:
                                pass
                        return result

                    def flush(self):
                        try:
                            self.queue.flush()
                            self._writer.close()
                        except OSError:
                            pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/client.py", 30), tuple("shop/client.py", 52), tuple("shop/client.py", 70));
    }

    /**
     * Kombu's messaging code held eight more kinds: a poller's {@code unregister(fd)}, a channel or connection closed
     * with the failures the handler names for it ({@code except self.connection_errors + self.channel_errors}), an
     * attribute chain read where it is there ({@code getattr(.., None)} written out), an element taken from a deque
     * where there is one, a queue read without waiting that had nothing ({@code except Empty}), a weak proxy whose
     * object is gone (tqdm's {@code except ReferenceError}), an element moved where
     * a list search finds it, and entries edited where they are there. A broad handler around a close, and an
     * attribute chain through a call, keep their report.
     */
    @Test
    void anUnregisterACloseAnAttributeChainAnEmptyQueueAndEntryEditsAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/broker.py", """
                from queue import Empty


                class Channel:
                    connection_errors = (OSError,)
                    channel_errors = (KeyError,)

                    def drop(self, fd):
                        try:
                            self.poller.unregister(fd)
                        except (KeyError, OSError):
                            pass

                    def maybe_close(self, channel):
                        try:
                            channel.close()
                        except self.connection_errors + self.channel_errors:
                            pass
                        try:
                            self.transport.close_connection(channel)
                        except Exception:
                            pass

                    @property
                    def client(self):
                        try:
                            return self.channel.connection.client
                        except AttributeError:
                            pass

                    @property
                    def server(self):
                        try:
                            return self.channel.connection().server
                        except AttributeError:
                            pass

                    def drain(self, acc, events):
                        for _ in events:
                            try:
                                yield acc.popleft()
                            except IndexError:
                                pass

                    def get(self, queue):
                        try:
                            return queue.get_nowait()
                        except Empty:
                            pass

                    def disable(self, weak_bar):
                        try:
                            weak_bar.miniters = float("inf")
                        except ReferenceError:
                            pass

                    def rotate(self, items, last):
                        try:
                            items.append(items.pop(items.index(last)))
                        except ValueError:
                            pass
                        return last

                    def restore(self, payload, fanout, queue):
                        try:
                            payload["headers"]["redelivered"] = True
                            payload["properties"]["redelivered"] = True
                        except KeyError:
                            pass
                        try:
                            exchange, _ = fanout[queue]
                            self.exchanges.pop(exchange)
                        except KeyError:
                            pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/broker.py", 21), tuple("shop/broker.py", 35));
    }

    /**
     * Setuptools' distutils held two more: an environment variable used where it is set ({@code os.environ['path']}
     * split and collected, {@code except KeyError}) and a version's parts replaced by their numbers where they are
     * numbers ({@code components[i] = int(obj)}, {@code except ValueError}). A KeyError around another lookup, and a
     * conversion that is no replacement, keep their report.
     */
    @Test
    void anOptionalEnvironmentVariableAndPartsReplacedByTheirNumbersAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/build.py", """
                import os


                def search_path(paths, settings):
                    try:
                        for p in os.environ["PATH"].split(";"):
                            paths.append(p.strip())
                    except KeyError:
                        pass
                    try:
                        for p in os.environ["PATH"].split(";"):
                            paths.append(settings[p])
                    except KeyError:
                        pass
                    return paths


                def parse(components):
                    for i, obj in enumerate(components):
                        try:
                            components[i] = int(obj)
                        except ValueError:
                            pass
                    for obj in components:
                        try:
                            total = int(obj)
                        except ValueError:
                            pass
                    return components
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/build.py", 13), tuple("shop/build.py", 27));
    }

    /**
     * Jedi's handlers: a generator over candidates yields those that work ({@code yield Environment(executable)} /
     * {@code except InvalidPythonEnvironment}), a loop continues where the try worked and does the rest otherwise, and
     * a cache entry looked up first is only compared and returned after ({@code expiry, value = dct[key]} / {@code if
     * expiry > time.time(): return value} / {@code except KeyError}): each is deliberate. A lookup followed by a call
     * that may raise the same KeyError keeps its report.
     */
    @Test
    void candidatesYieldedOrContinuedAndACacheMissAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/envs.py", """
                import time


                class InvalidEnvironment(Exception):
                    pass


                def environments(paths, make):
                    for path in paths:
                        try:
                            yield make(path)
                        except InvalidEnvironment:
                            pass


                def params(names, used, result):
                    for name in names:
                        try:
                            result.append(used[name])
                            continue
                        except KeyError:
                            pass
                        result.append(None)
                    return result


                def cached(cache, key):
                    try:
                        expiry, value = cache[key]
                        if expiry > time.time():
                            return value
                    except KeyError:
                        pass
                    return None


                def theme(themes, name, registry):
                    try:
                        entry = themes[name]
                        registry.load(entry)
                        return entry
                    except KeyError:
                        pass
                    return None
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/envs.py", 42));
    }

    /**
     * Starlette's handlers: an endless loop whose only way out is the end of its stream ({@code while True: yield
     * await self.receive_text()} / {@code except WebSocketDisconnect: pass}), and headers looked up first, each
     * perhaps handed to one parser, then only compared ({@code etag = response_headers["etag"]} / {@code if
     * if_none_match == etag: return True} / {@code except KeyError: pass}): each is deliberate. A loop that can also
     * break, one catching an error not named for an ended stream, and lookups followed by a call keep their reports.
     * Anyio's: a half-close ({@code transport.write_eof()} / {@code except OSError}) and a kill of a process that has
     * exited already ({@code except ProcessLookupError}) are deliberate too; a handler that also catches OSError around
     * a write is not. Websockets': {@code asyncio.wait_for(waiter, self.close_timeout)} takes its timeout second, so
     * its {@code except asyncio.TimeoutError: pass} is a timed wait that ran out, as with {@code timeout=}.
     */
    @Test
    void aStreamReadUntilItEndsHeadersThatAreNotThereAndAGoneProcessAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/socket.py", """
                from email.utils import parsedate


                class Disconnected(Exception):
                    pass


                class Socket:
                    async def iter_text(self):
                        try:
                            while True:
                                yield await self.receive_text()
                        except Disconnected:
                            pass

                    async def first_texts(self, limit):
                        texts = []
                        try:
                            while True:
                                texts.append(await self.receive_text())
                                if len(texts) > limit:
                                    break
                        except Disconnected:
                            pass
                        return texts

                    async def iter_numbers(self):
                        try:
                            while True:
                                yield int(await self.receive_text())
                        except ValueError:
                            pass


                def not_modified(response_headers, request_headers, log):
                    try:
                        if_none_match = request_headers["if-none-match"]
                        etag = response_headers["etag"]
                        if if_none_match == etag:
                            return True
                    except KeyError:
                        pass
                    try:
                        since = parsedate(request_headers["if-modified-since"])
                        modified = parsedate(response_headers["last-modified"])
                        if since is not None and modified is not None and since >= modified:
                            return True
                    except KeyError:
                        pass
                    try:
                        etag = response_headers["etag"]
                        log.write(etag)
                    except KeyError:
                        pass
                    return False


                async def send_eof(transport):
                    try:
                        transport.write_eof()
                    except OSError:
                        pass


                async def stop(process, log):
                    try:
                        process.kill()
                        await process.wait()
                    except ProcessLookupError:
                        pass
                    try:
                        log.write(process.pid)
                    except (ProcessLookupError, OSError):
                        pass


                async def wait_closed(tools, waiter, close_timeout):
                    try:
                        await tools.wait_for(waiter, close_timeout)
                    except TimeoutError:
                        pass
                    try:
                        await tools.wait_for(waiter)
                    except TimeoutError:
                        pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/socket.py", 23), tuple("shop/socket.py", 31),
                        tuple("shop/socket.py", 53), tuple("shop/socket.py", 73), tuple("shop/socket.py", 84));
    }

    /**
     * Aiohttp's protocol hands {@code pause_reading} on to its transport, which need not support it ({@code
     * self.transport.pause_reading()} / {@code except (AttributeError, NotImplementedError, RuntimeError): pass}):
     * nothing to forward, deliberate. A handler without NotImplementedError, one that also catches ValueError, and a
     * call of another operation than the function's keep their reports.
     */
    @Test
    void anOperationForwardedToADelegateThatNeedNotSupportItIsDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/protocol.py", """
                class Protocol:
                    def __init__(self, transport):
                        self.transport = transport

                    def pause_reading(self):
                        try:
                            self.transport.pause_reading()
                        except (AttributeError, NotImplementedError, RuntimeError):
                            pass

                    async def drain(self):
                        try:
                            await self.transport.drain()
                        except (NotImplementedError, RuntimeError):
                            pass

                    def resume_reading(self):
                        try:
                            self.transport.resume_reading()
                        except (AttributeError, RuntimeError):
                            pass

                    def close(self):
                        try:
                            self.transport.close()
                        except (NotImplementedError, ValueError):
                            pass

                    def abort(self):
                        try:
                            self.transport.pause_reading()
                        except (NotImplementedError, RuntimeError):
                            pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/protocol.py", 20), tuple("shop/protocol.py", 26),
                        tuple("shop/protocol.py", 32));
    }

    /**
     * Falcon cancels a task and then awaits it ({@code watcher.cancel()} / {@code try: await watcher} / {@code except
     * asyncio.CancelledError: pass}), the way asyncio's documentation waits for a cancelled task: the CancelledError is
     * the task's own end, deliberate. So is a stream close whose stream may have no close, or one that is no method
     * ({@code except (AttributeError, TypeError)}). Awaiting a task nothing cancelled, or another one than the one
     * cancelled, keeps the report.
     */
    @Test
    void awaitingATaskJustCancelledAndABestEffortStreamCloseAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/pump.py", """
                import asyncio


                class Pump:
                    async def stop(self, watcher):
                        watcher.cancel()
                        try:
                            await watcher
                        except asyncio.CancelledError:
                            pass
                        self._pump_task.cancel()
                        try:
                            await self._pump_task
                        except asyncio.CancelledError:
                            pass

                    async def wait(self, watcher, other):
                        try:
                            await watcher
                        except asyncio.CancelledError:
                            pass
                        other.cancel()
                        try:
                            await watcher
                        except asyncio.CancelledError:
                            pass

                    def close(self):
                        try:
                            self._stream.close()
                        except (AttributeError, TypeError):
                            pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/pump.py", 20), tuple("shop/pump.py", 25));
    }

    /**
     * Bottle's {@code run} serves until the user presses Ctrl-C ({@code server.run(app)} / {@code except
     * KeyboardInterrupt: pass}), and click's prompt takes Ctrl-D the same way ({@code except (KeyboardInterrupt,
     * EOFError)}): the function ends quietly, as the user asked, deliberate. The same handler in a loop makes the loop
     * deaf to Ctrl-C, and one that also catches OSError hides more than the user's stop: both keep their reports.
     * So is gunicorn's greenlet worker stopping when its greenlet is killed ({@code except GreenletExit: pass}).
     * Psutil skips a process that ended between being listed and being read ({@code except (NoSuchProcess,
     * ZombieProcess): pass}), as anyio's kill does with ProcessLookupError: deliberate; one denied to it is not.
     */
    @Test
    void anInterruptThatEndsTheFunctionAndAProcessThatEndedAreDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/serve.py", """
                def run(server, app):
                    try:
                        server.run(app)
                    except KeyboardInterrupt:
                        pass
                    server.close()


                def pause(prompt):
                    try:
                        prompt.read()
                    except (KeyboardInterrupt, EOFError):
                        pass


                def wait(process):
                    while process.running():
                        try:
                            process.wait()
                        except KeyboardInterrupt:
                            pass


                def page(pager, lines):
                    try:
                        pager.write(lines)
                    except (OSError, KeyboardInterrupt):
                        pass


                def parents(psutil):
                    found = {}
                    for pid in psutil.pids():
                        try:
                            found[pid] = psutil.Process(pid).ppid()
                        except (psutil.NoSuchProcess, psutil.ZombieProcess):
                            pass
                        try:
                            found[pid] = psutil.Process(pid).name()
                        except psutil.AccessDenied:
                            pass
                    return found


                def handle(client, greenlet):
                    try:
                        client.wait()
                    except greenlet.GreenletExit:
                        pass
                """));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactlyInAnyOrder(tuple("shop/serve.py", 20), tuple("shop/serve.py", 27),
                        tuple("shop/serve.py", 40));
    }

    /**
     * Prompt_toolkit imports its colour table inside the try that looks a colour up in it ({@code from
     * ..output.vt100 import ANSI_COLORS_TO_RGB} / {@code r, g, b = ANSI_COLORS_TO_RGB[color]} / {@code except
     * KeyError: pass}): a colour not in the table is an answer, deliberate, as without the import. A lookup whose
     * result goes on to another call keeps the report.
     */
    @Test
    void anEntryLookedUpAfterAnImportOfItsTableIsDeliberate() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/colors.py", """
                def to_rgb(color):
                    try:
                        from shop.table import COLORS

                        r, g, b = COLORS[color]
                        return r / 255.0, g / 255.0, b / 255.0
                    except KeyError:
                        pass
                    return None


                def paint(color, canvas):
                    try:
                        from shop.table import COLORS

                        rgb = COLORS[color]
                        canvas.fill(rgb)
                    except KeyError:
                        pass
                """, "shop/table.py", "COLORS = {\"red\": (255, 0, 0)}\n"));

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));

        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch"))
                .extracting(Finding::file, Finding::line)
                .containsExactly(tuple("shop/colors.py", 18));
    }
}
