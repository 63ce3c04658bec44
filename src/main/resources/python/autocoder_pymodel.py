"""The autocoder test planner's Python model, built with Python's own ast module.

Reads one JSON request on stdin: {"files": [{"path", "module", "package", "text"}], "file_budget_seconds",
"max_depth"}. Writes one JSON answer on stdout: {"python": version, "files": [model or {"path", "error"}]}.
Each file gets its own time budget (a timer signal) and nesting limit, so a pathological file becomes a per-file
error instead of holding the batch. Only the standard library is used.
"""
import ast
import builtins
import hashlib
import io
import json
import re
import signal
import sys
import tokenize
from collections import Counter

# What a call returns, for calls whose result is later used as a receiver (`conn = sqlite3.connect(..)`).
RETURNS = {
    "sqlite3.connect": "sqlite3.Connection",
    "sqlite3.Connection.cursor": "sqlite3.Cursor",
    "sqlite3.Connection.execute": "sqlite3.Cursor",
    "psycopg2.connect": "psycopg2.extensions.connection",
    "psycopg2.extensions.connection.cursor": "psycopg2.extensions.cursor",
    "psycopg.connect": "psycopg.Connection",
    "psycopg.Connection.cursor": "psycopg.Cursor",
    "sqlalchemy.create_engine": "sqlalchemy.engine.Engine",
    "sqlalchemy.engine.Engine.connect": "sqlalchemy.engine.Connection",
    "sqlalchemy.engine.Engine.begin": "sqlalchemy.engine.Connection",
    "sqlalchemy.orm.sessionmaker": "sqlalchemy.orm.sessionmaker",
    "sqlalchemy.orm.sessionmaker.__call__": "sqlalchemy.orm.Session",
    "builtins.open": "io.TextIOWrapper",
    "io.open": "io.TextIOWrapper",
    "socket.create_connection": "socket.socket",
    "socket.socket": "socket.socket",
    "subprocess.Popen": "subprocess.Popen",
    "requests.session": "requests.Session",
    "aiohttp.ClientSession": "aiohttp.ClientSession",
}
# calls that make text of their arguments: an address handed to one is shown, not bound to
TEXT_MAKERS = {"str", "repr", "format", "format_map"}
LOGGING = {"print", "log", "debug", "verbose", "info", "warning", "warn", "error", "exception", "critical"}
# failures that are an expected outcome: an optional dependency is missing, an iterator is exhausted, a non-blocking
# socket or pipe would block (tornado's waker: nothing to read or no room to write just now), a stream lacks an
# optional capability (io.UnsupportedOperation: httpx rewinds a file with seek(0) where the stream can), an object does
# not implement an optional method (NotImplementedError: Django's `tzname()` of a date without one)
EXPECTED_ERRORS = {"ImportError", "ModuleNotFoundError", "StopIteration", "StopAsyncIteration", "BlockingIOError",
                   "io.UnsupportedOperation", "UnsupportedOperation", "NotImplementedError",
                   # a queue read without waiting had nothing (kombu's `self._get(queue)` / `except Empty: pass`)
                   "Empty", "queue.Empty", "Queue.Empty",
                   # a weak proxy whose object is gone: nothing is left to act on (tqdm's `tqdm_instance.miniters =
                   # float('inf')` on a `weakref.proxy` / `except ReferenceError: pass`)
                   "ReferenceError"}
# what an object without an operation, or no longer able to do it, raises when asked to (a closed transport's
# RuntimeError)
UNSUPPORTED_ERRORS = {"NotImplementedError", "AttributeError", "RuntimeError", "io.UnsupportedOperation",
                      "UnsupportedOperation"}
# what looking up an entry that is not there raises: d[k], s[i]
MISSING_ENTRY_ERRORS = {"KeyError", "IndexError", "LookupError"}
# what removing an entry that is not there raises: del d[k], del o.a, list.remove(x), set.remove(x)
ABSENT_ERRORS = MISSING_ENTRY_ERRORS | {"AttributeError", "ValueError"}


def not_found(exception_type):
    """Whether an exception type is named for a lookup that found nothing: Django's `Model.DoesNotExist`,
    `NoReverseMatch`, `Http404` and `SerializerDoesNotExist`, a `*NotFound` or `*NotFoundError`, `FileNotFoundError`,
    configparser's `NoOptionError` and `NoSectionError`."""
    last = exception_type.rpartition(".")[2]
    return last.endswith(("DoesNotExist", "NotFound", "NotFoundError")) \
        or last in ("NoReverseMatch", "Http404", "NoOptionError", "NoSectionError")
# what the import system sets on a module before it runs its code: read while the module initializes, they are there
IMPORT_SYSTEM_ATTRIBUTES = {"__name__", "__file__", "__path__", "__spec__", "__loader__", "__package__", "__doc__",
                            "__dict__"}
# parameter names that grant a permission: a False default means the caller must ask (pydantic's allow_pickle)
OPT_IN_FLAG = re.compile(r"allow|unsafe|trust|insecure|danger|enable", re.IGNORECASE)
# exception names that say a stream or connection ended (EOFError, WebSocketDisconnect, ConnectionClosed, anyio's
# EndOfStream and ClosedResourceError)
ENDED_STREAM = re.compile(r"EOF|Disconnect|Closed|EndOfStream")
# what a wait that runs out of time raises, by its last name (socket.timeout, queue.Empty, asyncio.TimeoutError)
TIMEOUT_ERRORS = {"timeout", "TimeoutError", "Timeout", "ReadTimeout", "Empty"}
FILE_ERRORS = {"OSError", "IOError", "FileNotFoundError", "PermissionError", "os.error"}
BUILTINS = set(dir(__builtins__)) if isinstance(__builtins__, dict) is False else set(__builtins__)


class Budget(Exception):
    pass


def on_alarm(signum, frame):
    raise Budget()


def depth_of(tree, limit):
    """Deepest nesting of the tree, iteratively; stops at limit + 1."""
    stack = [(tree, 1)]
    deepest = 0
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                return deepest
        for child in ast.iter_child_nodes(node):
            stack.append((child, depth + 1))
    return deepest


def text_of(source_lines, node, limit=160):
    """The node's source text from the file's lines (one line at most), whitespace-normalized."""
    line = getattr(node, "lineno", 0)
    if not 0 < line <= len(source_lines):
        return ""
    text = source_lines[line - 1]
    start = getattr(node, "col_offset", 0) or 0
    end_line = getattr(node, "end_lineno", line) or line
    if end_line == line and getattr(node, "end_col_offset", None) is not None:
        segment = text.encode("utf-8")[start:node.end_col_offset].decode("utf-8", "replace")
    else:
        segment = text.encode("utf-8")[start:].decode("utf-8", "replace") + " …"
    segment = " ".join(segment.split())
    return segment if len(segment) <= limit else segment[: limit - 1] + "…"


def dotted(node):
    """a.b.c of a Name/Attribute chain, or None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def annotated_class(node, depth=0):
    """The dotted name of the class a parameter annotation names: `Blueprint`, the forward reference `"Blueprint"`,
    `Optional[Blueprint]` or `Blueprint | None`; None for anything else (unions, generics, literals). The quoted
    text is the analyzed code's: one that does not parse, or nests quotes and Optionals past a few levels, names
    no class."""
    if depth > 4:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value.strip(), mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    if isinstance(node, ast.Subscript) and dotted(node.value) in ("Optional", "t.Optional", "typing.Optional"):
        inner = node.slice
        if type(inner).__name__ == "Index":  # Python 3.8 wraps the subscript
            inner = inner.value
        return annotated_class(inner, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [side for side in (node.left, node.right) if not (isinstance(side, ast.Constant) and side.value is None)]
        return annotated_class(sides[0], depth + 1) if len(sides) == 1 else None
    return dotted(node)


def resolve_relative(module, is_package, level, name):
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
    base = ".".join(parts)
    if name:
        return base + "." + name if base else name
    return base


def is_type_checking(test):
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:` (any alias of typing), or `if False:`, the older spelling
    of the same that type checkers and editors read too (passlib's `passlib.hash`, a stub that replaces itself with a
    proxy, imports every handler under it for them): never run."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING") or \
        (isinstance(test, ast.Constant) and test.value is False)


def is_main_guard(test):
    """`if __name__ == "__main__":`, either way round."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and \
        any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)


def import_kinds(tree):
    """When each import statement runs, by id of its node: "module" when the module is imported (top level, also
    inside try/if/with blocks and class bodies), "function" when a function that holds it is called (a deferred
    import), "type_checking" never at run time (under `if TYPE_CHECKING:`, for type checkers only), "script" only
    when the file is run as a script (under `if __name__ == "__main__":`, where the module is `__main__`, so it is
    never imported by its own name while another module initializes)."""
    kinds = {}
    stack = [(node, "module") for node in tree.body]
    while stack:
        node, kind = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            kinds[id(node)] = kind
            continue
        if isinstance(node, ast.If) and is_type_checking(node.test):
            stack.extend((child, "type_checking") for child in node.body)
            stack.extend((child, kind) for child in node.orelse)
            continue
        if kind == "module" and isinstance(node, ast.If) and is_main_guard(node.test):
            stack.extend((child, "script") for child in node.body)
            stack.extend((child, kind) for child in node.orelse)
            continue
        inner = "function" if kind == "module" and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) else kind
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))
    return kinds


def evaluated_where_defined(function):
    """The parts of a function or lambda definition Python evaluates where the definition stands, not when it is
    called: its decorators and default values."""
    return list(getattr(function, "decorator_list", [])) + [d for _, d in parameter_defaults(function)]


def parameter_defaults(function):
    """A function's or lambda's parameters that have a default, each with it: (parameter, default node)."""
    a = function.args
    positional = a.posonlyargs + a.args
    return list(zip(positional[len(positional) - len(a.defaults):], a.defaults)) \
        + [(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]


def arguments_of(function):
    """A function's or lambda's parameters, in order: positional-only, positional, *args, keyword-only, **kwargs."""
    a = function.args
    return list(a.posonlyargs) + list(a.args) + ([a.vararg] if a.vararg else []) + list(a.kwonlyargs) \
        + ([a.kwarg] if a.kwarg else [])


def import_time_reads(tree):
    """The names the module reads while it is imported, everywhere but inside function and lambda bodies (their
    decorators and default values included; class bodies run at import time too), each with the attributes read of
    it (`nx.NetworkXError`), "*" when it is read otherwise. Under `from __future__ import annotations` no annotation
    is evaluated (astroid's `def builtins_module(self) -> nodes.Module:` reads nothing of `nodes` on import). A name
    handed to a function of the module that reads only attributes the import system sets on every module
    (`__file__`, `__name__`, ...) of that parameter is read for those alone (hypothesis' `belongs_to(hypothesis)`,
    which reads `package.__file__` and `package.__name__`). Each attribute comes with the first line that reads it:
    a submodule the module's imports load between its `import pkg` and that line is bound on `pkg` by then
    (eventlet's greenio reads `eventlet.patcher` at line 29, loaded through `from eventlet.hubs import` at line 9)."""
    names = {}
    definitions = {}
    parents_in = {}  # id of a function of the module -> its parent map, made when a name is handed to it
    call_of = {}  # id of a positional argument that is a name -> its call, for the calls read on import
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign)):
            for name in ([statement.name] if not isinstance(statement, ast.Assign) else
                         [t.id for t in statement.targets if isinstance(t, ast.Name)]):
                definitions[name] = statement if name not in definitions else None  # defined twice: not known

    def module_attributes_read(call, argument):
        """The import-system attributes the module's own function reads of the parameter the argument goes to, or
        None when it reads or does anything else with it."""
        function = definitions.get(call.func.id) if isinstance(call.func, ast.Name) else None
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or argument not in call.args:
            return None
        positional = function.args.posonlyargs + function.args.args
        index = call.args.index(argument)
        if any(isinstance(a, ast.Starred) for a in call.args[:index + 1]) or index >= len(positional):
            return None
        parameter = positional[index].arg
        read = set()
        if id(function) not in parents_in:
            parents_in[id(function)] = {child: node for node in ast.walk(function) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and node.id == parameter:
                parent = parents_in[id(function)].get(node)
                if isinstance(parent, ast.Attribute) and parent.value is node and isinstance(node.ctx, ast.Load) \
                        and parent.attr in IMPORT_SYSTEM_ATTRIBUTES:
                    read.add(parent.attr)
                elif isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) \
                        and parent.func.id in ("hasattr", "getattr") and len(parent.args) >= 2 \
                        and parent.args[0] is node and isinstance(parent.args[1], ast.Constant) \
                        and parent.args[1].value in IMPORT_SYSTEM_ATTRIBUTES:
                    read.add(parent.args[1].value)  # `hasattr(package, "__file__")`
                else:
                    return None
            elif isinstance(node, ast.arg) and node.arg == parameter and node is not positional[index]:
                return None  # a nested function's own parameter of that name: not followed
        return read

    def read_at(name, attributes, line):
        lines = names.setdefault(name, {})
        for attribute in attributes:
            lines[attribute] = min(lines.get(attribute, line), line)

    lazy_annotations = any(isinstance(s, ast.ImportFrom) and s.module == "__future__"
                           and any(a.name == "annotations" for a in s.names) for s in tree.body)
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack.extend(evaluated_where_defined(node))
            if not isinstance(node, ast.Lambda) and not lazy_annotations:
                stack.extend(a.annotation for a in arguments_of(node) if a.annotation is not None)
                stack.extend([node.returns] if node.returns is not None else [])
            continue
        if isinstance(node, ast.AnnAssign) and lazy_annotations:
            stack.extend(n for n in (node.target, node.value) if n is not None)
            continue
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and isinstance(node.value.ctx, ast.Load):
            read_at(node.value.id, [node.attr], node.lineno)
            continue
        if isinstance(node, ast.Call):
            for argument in node.args:
                if isinstance(argument, ast.Name):
                    call_of[id(argument)] = node
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            call = call_of.get(id(node))
            read = module_attributes_read(call, node) if call is not None else None
            read_at(node.id, read if read is not None else ["*"], node.lineno)
        stack.extend(ast.iter_child_nodes(node))
    return names


def module_bindings(tree):
    """The names the module binds while it is imported, each at the line of its first binding (definitions,
    assignments, imports, loop targets, in if/try/with blocks too, not in function or class bodies)."""
    bound = {}
    stack = [s for s in tree.body]
    while stack:
        node = stack.pop()
        names = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.asname or a.name.split(".")[0] for a in node.names if a.name != "*"]
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt) or isinstance(child, ast.excepthandler):
                    stack.append(child)
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)) else []
            names = [t.id for target in targets for t in ast.walk(target) if isinstance(t, ast.Name)]
        for name in names:
            bound[name] = min(bound.get(name, node.lineno), node.lineno)
    return bound


LOOPS = (ast.For, ast.AsyncFor, ast.While)
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.GeneratorExp)


# methods that change a list, dict, set or deque in place
MUTATING_METHODS = {"append", "extend", "insert", "remove", "pop", "popitem", "clear", "update", "setdefault", "add",
                    "discard", "sort", "reverse", "appendleft", "extendleft", "popleft", "rotate", "move_to_end",
                    "difference_update", "intersection_update", "symmetric_difference_update", "__setitem__",
                    "__delitem__", "__iadd__"}
# the uses of a parameter with a container default, least to worst, each the name of its sites
MUTABLE_DEFAULT_USES = ["read_defaults", "passed_defaults", "stored_defaults", "escaping_defaults", "mutated_defaults"]
READ, PASSED, STORED, ESCAPES, MUTATED = range(5)
# built-ins that read their arguments and keep no reference to them
READING_BUILTINS = {"len", "list", "tuple", "set", "frozenset", "dict", "sorted", "iter", "enumerate", "zip", "any",
                    "all", "sum", "min", "max", "str", "repr", "print", "isinstance", "bool", "hash", "id", "type",
                    "map", "filter", "reversed", "format"}


def enclosing(parents, node, kinds):
    """The nearest ancestor of the node that is one of the kinds; None at the module."""
    node = parents.get(node)
    while node is not None and not isinstance(node, kinds):
        node = parents.get(node)
    return node


def number_targets(generator):
    """The names a comprehension's generator binds to numbers, whatever it iterates: every target of `range(..)`,
    the index of `enumerate(..)`."""
    counted = dotted(generator.iter.func) if isinstance(generator.iter, ast.Call) else None
    if counted == "range":
        return {t.id for t in ast.walk(generator.target) if isinstance(t, ast.Name)}
    if counted == "enumerate" and isinstance(generator.target, ast.Tuple) and generator.target.elts \
            and isinstance(generator.target.elts[0], ast.Name):
        return {generator.target.elts[0].id}
    return set()


def is_range(node):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range"


def iterates_collection(iterable):
    """Whether a loop's size grows with its input: not over range(n) without len(..), nor over elements written out
    in the code."""
    return not written_out(iterable) and not (is_range(iterable) and not any(
        isinstance(a, ast.Call) and isinstance(a.func, ast.Name) and a.func.id == "len" for a in iterable.args))


def written_out(iterable):
    """The elements are written out in the code: a tuple, list or set of constants (click's `for editor in
    "sensible-editor", "vim", "nano"`), whose size no input changes."""
    return isinstance(iterable, (ast.Tuple, ast.List, ast.Set)) and all(isinstance(e, ast.Constant) for e in iterable.elts)


def parent_map(tree):
    """Each node's parent, for the file-wide facts that look upward from a name."""
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def mutable_defaults(tree, parents, lines):
    """The regions of every parameter default that makes a new container (a list, dict or set display or
    comprehension, or a call), under what its function does with the parameter, the worst use of: "mutated_defaults"
    (changed in place: a mutating method, an item or attribute set or deleted, +=), "escaping_defaults" (returned,
    yielded, stored or aliased: a caller may change the shared default), "stored_defaults" (kept in an attribute of
    the instance that its class only reads: every instance shares it, and a caller reaching the attribute may change
    it), "passed_defaults" (handed to a call, which may change it), "read_defaults", and "memo_defaults" (a private
    parameter, its name starting with one `_`, changed in place: the function's memory across calls, a cache by
    design). Bugbear's B006 reports every
    such default; only the changed and escaping ones share state across calls (what Sonar's S5717 reports). By region, not line: two defaults on one line are used apart (sphinx's
    `Config(config={}, overrides={})` changes the first and copies the second)."""
    found = {use: [] for use in MUTABLE_DEFAULT_USES + ["memo_defaults"]}
    for f in ast.walk(tree):
        if not isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        for arg, default in parameter_defaults(f):
            if not isinstance(default, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp, ast.Call)):
                continue
            use = parameter_use(f, arg.arg, parents)
            # a private parameter the function changes is its memory across calls, a cache by design (pip's
            # `_normalize_cached(filename, _cache={})`, falcon's `_name_cache={}`)
            if use == "mutated_defaults" and is_private(arg.arg):
                use = "memo_defaults"
            column = char_column(lines, default)
            # ruff places B006 at the default's start: the region is that one character
            found[use].append([default.lineno, column, default.lineno, column + 1])
    # changed or escaping defaults keep ruff's rating: only the lesser uses are sites
    return {kind: sorted(found[kind]) for kind in ("read_defaults", "passed_defaults", "stored_defaults", "memo_defaults")}


def is_private(parameter):
    """A parameter named with one leading `_`: no caller is meant to pass it (a dunder name is no such mark)."""
    return parameter.startswith("_") and not parameter.startswith("__")


def private_defaults(parents, lines):
    """The calls written as defaults of a private parameter, `_name` (pyflakes' `_fields_order=_FieldsOrder()`, a
    cache; psutil's `_pss_re=re.compile(..)`): made once on purpose, for every call to share, and no caller is meant to
    pass one. [line, column, line, column + 1] of each default's start, where ruff reports it."""
    out = []
    for function in parents:
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for arg, default in parameter_defaults(function):
                if isinstance(default, ast.Call) and is_private(arg.arg):
                    column = char_column(lines, default)
                    out.append([default.lineno, column, default.lineno, column + 1])
    return sorted(out)


def inspected_defaults(parents, lines):
    """The calls written as parameter defaults (Bugbear's B008: made once, shared by every call) whose parameter the
    function never reads, as an abstract method or a stub (aiohttp's `def update_cookies(self, cookies, response_url:
    URL = URL())` / a docstring alone), or only tests, compares or reads attributes of, none called
    (`hostname = response_url.raw_host`): nothing it does changes the one instance. Where it calls a method of the
    parameter, hands it on, stores, returns or rebinds it, it may. [line, column, line, column + 1] of each default's
    start, where ruff reports it.

    `parents`: every node of the tree but the module (the parent map's keys, walked once for all the sites)."""
    def inspected(node):
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute):
            holder = parents.get(parent)
            called = isinstance(holder, ast.Call) and holder.func is parent
            # kept in an attribute, a bound method is called later (aiohttp's `self.randrange = random.randrange`)
            kept = isinstance(holder, (ast.Assign, ast.AnnAssign)) and not all(
                isinstance(t, ast.Name) for t in (holder.targets if isinstance(holder, ast.Assign) else [holder.target]))
            return not called and not kept and (not isinstance(holder, (ast.Attribute, ast.Subscript)) or inspected(parent))
        if isinstance(parent, ast.Subscript) and parent.value is node:
            return isinstance(parent.ctx, ast.Load) and inspected(parent)
        return tested(node)

    def tested(node):
        """Compared, or a condition's truth taken (`or`/`and` give an operand on, unless tested in turn)."""
        parent = parents.get(node)
        return isinstance(parent, ast.Compare) or isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not) \
            or isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is node \
            or isinstance(parent, ast.BoolOp) and tested(parent)

    out = []
    for function in parents:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        body = function.body if isinstance(function.body, list) else [function.body]
        for arg, default in parameter_defaults(function):
            if isinstance(default, ast.Call) and all(isinstance(n.ctx, ast.Load) and inspected(n) for s in body
                                                     for n in ast.walk(s) if isinstance(n, ast.Name) and n.id == arg.arg):
                column = char_column(lines, default)
                out.append([default.lineno, column, default.lineno, column + 1])
    return sorted(out)


def walk_unshadowed(node, name):
    """ast.walk, but not into a nested function or lambda with a parameter of that name: its `name` is its own
    (paste's `__init__(self, .., environ={})` defines middleware whose `__call__(self, environ, ..)` sets
    `environ['PATH_INFO']` on the request's environ, not on the default). One that defaults that parameter to the
    outer `name` takes the outer value on (scrapy's `def wrapper(namespace=namespace, ..)`): walked."""
    def shadows(function):
        defaults = {arg.arg: default for arg, default in parameter_defaults(function)}
        return any(a.arg == name for a in arguments_of(function)) \
            and not (isinstance(defaults.get(name), ast.Name) and defaults[name].id == name)

    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and shadows(current):
            stack.extend(evaluated_where_defined(current))  # its defaults and decorators are the outer scope's
            continue
        yield current
        stack.extend(ast.iter_child_nodes(current))


def parameter_use(function, name, parents):
    worst = READ
    stored = set()
    body = function.body if isinstance(function.body, list) else [function.body]
    for statement in body:
        for node in walk_unshadowed(statement, name):
            use = READ
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
                use = MUTATED
            elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
                attributes = stored_attributes(node, function, parents)
                stored |= attributes
                use = READ if attributes else PASSED if packed_and_passed(node, function, parents) \
                    else name_use(node, parents)
            worst = max(worst, use)
    if stored:
        worst = max(worst, STORED, attribute_use(function, stored, parents))
    return MUTABLE_DEFAULT_USES[worst]


def own_parameter(function):
    """A method's first parameter (`self`, `cls`), or None when it takes none positionally."""
    positional = function.args.posonlyargs + function.args.args
    return positional[0].arg if positional else None


def stored_attributes(node, function, parents):
    """The attributes of the instance a parameter is stored in as it is (`self._comps = comps`), or none."""
    statement = parents.get(node)
    own = own_parameter(function)
    if own is None or not isinstance(statement, (ast.Assign, ast.AnnAssign)) or statement.value is not node:
        return set()
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    if all(isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == own for t in targets):
        return {t.attr for t in targets}
    return set()


def attribute_use(function, attributes, parents):
    """The worst use the class of a method makes of the instance attributes a parameter was stored in (dateutil's
    `_tzicalvtz` only reads `self._comps`); escaping when the method has no class to look at."""
    cls = enclosing(parents, function, ast.ClassDef)
    if cls is None:
        return ESCAPES
    owners = {"self", "cls", own_parameter(function)}  # each method's own, by convention, and this one's
    worst = READ
    for node in ast.walk(cls):
        if not (isinstance(node, ast.Attribute) and node.attr in attributes and isinstance(node.value, ast.Name)
                and node.value.id in owners):
            continue
        if isinstance(node.ctx, ast.Load):
            worst = max(worst, name_use(node, parents))
        elif isinstance(node.ctx, ast.Del) or isinstance(parents.get(node), ast.AugAssign):
            worst = MUTATED
    return worst


def packed_and_passed(node, function, parents):
    """Whether the parameter is packed into a tuple or list that a local holds, or a local is another name for it,
    and the function only hands that local to calls (jedi's `data = inference_state_id, function, args, kwargs` /
    `pickle_dump(data, ..)`; eventlet's `iteritems = preload` / `self.values = dict(iteritems)`): as good as handing
    it to them."""
    pack = parents.get(node)
    holder = pack if isinstance(pack, ast.Assign) else parents.get(pack)
    if not (isinstance(pack, (ast.Tuple, ast.List)) or holder is pack) or not isinstance(holder, ast.Assign) \
            or holder.value is not (node if holder is pack else pack) \
            or len(holder.targets) != 1 or not isinstance(holder.targets[0], ast.Name):
        return False
    local = holder.targets[0].id
    uses = [n for n in walk_own_scope(function) if isinstance(n, ast.Name) and n.id == local]
    # the local bound otherwise too is no harm (eventlet's `iteritems = six.iteritems(preload)` before)
    return all(isinstance(n.ctx, ast.Store)
               or isinstance(n.ctx, ast.Load) and isinstance(parents.get(n), ast.Call) and n in parents[n].args
               for n in uses)


def name_use(node, parents):
    parent = parents.get(node)
    if isinstance(parent, ast.Attribute):
        if not isinstance(parent.ctx, ast.Load):
            return MUTATED
        call = parents.get(parent)
        return MUTATED if isinstance(call, ast.Call) and call.func is parent and parent.attr in MUTATING_METHODS else READ
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return READ if isinstance(parent.ctx, ast.Load) else MUTATED
    if isinstance(parent, (ast.Return, ast.Yield, ast.YieldFrom, ast.Tuple, ast.List, ast.Set, ast.Dict,
                           ast.Assign, ast.AnnAssign, ast.NamedExpr)):
        return ESCAPES
    if isinstance(parent, ast.Call) and node in parent.args:
        return READ if isinstance(parent.func, ast.Name) and parent.func.id in READING_BUILTINS else PASSED
    if isinstance(parent, ast.keyword) and parent.arg is not None:
        return PASSED
    return READ


# Built-ins and standard functions that call a function argument before they return, and those that return a lazy
# iterator calling it as it is consumed, and the calls that consume an iterator at once.
CALLS_AT_ONCE = {"sorted", "min", "max", "sort", "reduce", "functools.reduce", "re.sub", "re.subn", "sub", "subn",
                 "pytest.raises", "pytest.warns"}
# methods by their last name that call a function argument before they return: list.sort, unittest's assertRaises
# family (`self.assertRaises(E, f)`), pytest's raises/warns imported by name
METHODS_AT_ONCE = {"sort", "raises", "warns", "assertRaises", "assertRaisesRegex", "assertRaisesRegexp", "assertWarns",
                   "assertWarnsRegex"}
# calls, by their last name, that run a function on a thread and whose awaited result is its return: awaited where
# they are made, the function has run by then (prompt_toolkit's `await loop.run_in_executor(None, in_executor)`)
RUN_WHEN_AWAITED = {"run_in_executor", "to_thread", "run_sync"}
CALLS_LAZILY = {"map", "filter", "dropwhile", "takewhile", "filterfalse", "groupby", "starmap", "accumulate",
                "itertools.dropwhile", "itertools.takewhile", "itertools.filterfalse", "itertools.groupby",
                "itertools.starmap", "itertools.accumulate"}
CONSUMES_AT_ONCE = {"list", "tuple", "set", "frozenset", "dict", "sum", "any", "all", "next", "sorted", "min", "max",
                    "join", "len"}
# calls, by their last name, that keep a function they are given for later: a thread's or timer's target, an executor's
# or event loop's callback, a registry of hooks, a container, a partial application
KEEPING_CALLS = {"Thread", "Timer", "Process", "submit", "apply_async", "map_async", "call_soon", "call_soon_threadsafe",
                 "call_later", "call_at", "run_in_executor", "add_done_callback", "create_task", "ensure_future",
                 "start_new_thread", "register", "connect", "listen", "listens_for", "subscribe", "addCleanup",
                 "signal", "append", "appendleft", "extend", "insert", "add", "setdefault", "put", "put_nowait",
                 "partial", "setattr", "property", "defaultdict", "addCallback", "addErrback", "addBoth",
                 "addCallbacks", "callLater", "callFromThread", "callInThread", "deferToThread", "add_callback",
                 "add_timeout", "spawn_callback", "add_future", "add_reader", "add_writer", "add_signal_handler"}


def called_at_once(argument, parents):
    """Whether a lambda, or a function's name, is an argument of a call that runs it before returning
    (`sorted(.., key=lambda ..)`, `pytest.raises(E, check)`; `await loop.run_in_executor(None, f)`), or of a lazy
    one whose iterator a consuming call takes at once (`next(itertools.dropwhile(lambda x: x in used, count()))`,
    networkx's greedy colouring), or a value of a table of functions one of which is looked up and called at once."""
    call = parents.get(argument)
    if isinstance(call, ast.Dict) and any(v is argument for v in call.values):
        # a table of functions one of which is looked up and called at once (Twisted's `{"TCP": lambda: ..}[kind]()`)
        lookup = parents.get(call)
        return isinstance(lookup, ast.Subscript) and lookup.value is call \
            and isinstance(parents.get(lookup), ast.Call) and parents[lookup].func is lookup
    if isinstance(call, ast.keyword):
        call = parents.get(call)
    if not isinstance(call, ast.Call) or call.func is argument:
        return False
    name = dotted(call.func) or ""
    last = name.rpartition(".")[2]
    if name in CALLS_AT_ONCE or last in METHODS_AT_ONCE:
        return True
    if last in RUN_WHEN_AWAITED and isinstance(parents.get(call), ast.Await):
        return True
    if name in CALLS_LAZILY or last in CALLS_LAZILY:
        consumer = parents.get(call)
        return isinstance(consumer, ast.Call) and call in consumer.args \
            and (dotted(consumer.func) or "").rpartition(".")[2] in CONSUMES_AT_ONCE
    return False


# what opens a task group that waits for its tasks before its `async with` block ends (anyio, trio, asyncio 3.11),
# and the methods that start a task in one
TASK_GROUPS = {"create_task_group", "TaskGroup", "open_nursery"}
TASK_STARTS = {"start_soon", "start", "create_task"}


def joined_in(argument, loop, parents):
    """Whether a function or lambda goes to a task group's `start_soon`/`start` where the group's `async with` is
    inside the loop: the block ends only when its tasks have, so they run in this iteration (fastapi's
    request_body_to_args, `async with anyio.create_task_group() as tg:` / `tg.start_soon(process_fn, ..)`)."""
    call = parents.get(argument)
    if not isinstance(call, ast.Call) or not any(a is argument for a in call.args) \
            or not isinstance(call.func, ast.Attribute) or call.func.attr not in TASK_STARTS \
            or not isinstance(call.func.value, ast.Name):
        return False
    node = parents.get(call)
    while node is not None and node is not loop and not isinstance(node, SCOPES):
        if isinstance(node, ast.AsyncWith) and any(
                isinstance(item.optional_vars, ast.Name) and item.optional_vars.id == call.func.value.id
                and isinstance(item.context_expr, ast.Call)
                and (dotted(item.context_expr.func) or "").rpartition(".")[2] in TASK_GROUPS for item in node.items):
            return True
        node = parents.get(node)
    return False


def keeps(call):
    """Whether the call is one that keeps a function it is given for later (KEEPING_CALLS)."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else (dotted(call.func) or "").rpartition(".")[2]
    return name in KEEPING_CALLS  # a method of a receiver made by a call too: `IOLoop.current().add_future(..)`


def kept_result(call, parents):
    """Whether what the call gives outlives the statement in more than a local: stored in an attribute or an item,
    yielded, or handed (perhaps inside a tuple or list) to a call that keeps it. The object it made may then hold a
    function it was given (`self.out[name] = cursor.var(outconverter=lambda ..)`)."""
    node, parent = call, parents.get(call)
    while isinstance(parent, (ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Starred, ast.keyword)):
        node, parent = parent, parents.get(parent)
    if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        return parent.value is node and not all(only_names(t) for t in targets)
    if isinstance(parent, (ast.Yield, ast.YieldFrom)):
        return True
    if isinstance(parent, ast.Call) and node is not parent.func:
        return keeps(parent) or kept_result(parent, parents)
    return False


def only_names(target):
    """Whether an assignment target binds locals only: `x`, `a, b`, `[a, *rest]`."""
    if isinstance(target, ast.Starred):
        return only_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return all(only_names(e) for e in target.elts)
    return isinstance(target, ast.Name)


def statement_of(parents, node):
    """The statement a node is part of: the node itself when it is one."""
    return node if isinstance(node, ast.stmt) else enclosing(parents, node, ast.stmt)


def statement_block(parents, statement):
    """The compound statement holding `statement`, and the list of statements it is in (None when it is in none)."""
    holder = parents.get(statement)
    for field in ("body", "orelse", "finalbody"):
        block = getattr(holder, field, None)
        if isinstance(block, list) and any(s is statement for s in block):
            return holder, block
    return holder, None


def leaves_loop(parents, node, loop):
    """Whether, once `node` runs, the iteration of `loop` it is in cannot go on to another one: what follows it in
    its block, and in the blocks that block falls through to, ends with return, raise or break, without a continue
    on the way (Twisted's root resolver: `def cbResolved(..)` / `d.addCallback(cbResolved)` / `return d`)."""
    statement = statement_of(parents, node)
    while statement is not None:
        holder, block = statement_block(parents, statement)
        if block is None:
            return False
        rest = block[next(i for i, s in enumerate(block) if s is statement):]
        if any(isinstance(n, ast.Continue) for s in rest for n in walk_outside_loops(s)):
            return False
        if isinstance(rest[-1], (ast.Return, ast.Raise, ast.Break)):
            return True
        if holder is loop or isinstance(holder, LOOPS + SCOPES):
            return False
        statement = parents.get(holder) if isinstance(holder, ast.ExceptHandler) else holder


def walk_outside_loops(statement):
    """The nodes of a statement, but not the bodies of loops in it (their continue and break are their own)."""
    stack = [statement]
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, LOOPS + SCOPES) or node is statement:
            stack.extend(ast.iter_child_nodes(node))


def iteration_local_functions(tree, parents):
    """The line spans of functions defined in a loop's body that only that iteration calls: every use of the name
    is a direct call inside the same loop body, an argument of a call that runs it before returning
    (`pytest.raises(E, check)`), a task of a task group the iteration opens and waits for (joined_in) or in a value
    it returns, not in a nested function, lambda or generator (which may run later), or a call in its own body; and
    the lambdas a call runs before it returns (called_at_once) or a task group of the iteration runs; and the
    functions and lambdas made in the iteration that ends the loop (leaves_loop). Such a function cannot see a later
    iteration's loop variables, so bugbear's B023 ("function definition does not bind loop variable") is harmless
    there, as in rich's Table._render."""

    def scope_of(node):
        return enclosing(parents, node, SCOPES)

    def inside(node, ancestor):
        while node is not None and node is not ancestor:
            node = parents.get(node)
        return node is ancestor

    def returned(node):
        """Part of a return statement's value: returning ends the loop, so no later iteration rebinds what the
        function sees (jinja2's FileSystemLoader.get_source returns its `uptodate` check)."""
        while node is not None and not isinstance(node, (ast.Return,) + SCOPES):
            node = parents.get(node)
        return isinstance(node, ast.Return)

    spans = set()
    for loop in ast.walk(tree):
        if not isinstance(loop, LOOPS):
            continue
        scope = scope_of(loop)
        candidates = [n for stmt in loop.body for n in ast.walk(stmt)
                      if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and scope_of(n) is scope]
        for lambda_ in (n for stmt in loop.body for n in ast.walk(stmt) if isinstance(n, ast.Lambda) and scope_of(n) is scope):
            if called_at_once(lambda_, parents) or joined_in(lambda_, loop, parents) \
                    or leaves_loop(parents, lambda_, loop):
                spans.add((lambda_.lineno, getattr(lambda_, "end_lineno", lambda_.lineno)))
        for function in candidates:
            if leaves_loop(parents, function, loop):
                spans.add((function.lineno, getattr(function, "end_lineno", function.lineno)))
                continue
            uses = [n for n in ast.walk(scope if scope is not None else tree)
                    if isinstance(n, ast.Name) and n.id == function.name and isinstance(n.ctx, ast.Load)]
            # a recursive call runs only while the function itself runs (networkx's Hopcroft-Karp `recurse`)
            if uses and all(isinstance(parents.get(u), ast.Call) and parents[u].func is u and inside(u, function)
                            or (isinstance(parents.get(u), ast.Call) and parents[u].func is u or returned(u)
                                or called_at_once(u, parents) or joined_in(u, loop, parents))
                            and scope_of(u) is scope and any(inside(u, stmt) for stmt in loop.body) for u in uses):
                spans.add((function.lineno, getattr(function, "end_lineno", function.lineno)))
    return sorted([list(span) for span in spans])


def loop_lambdas(tree, module, parents):
    """The lambdas written in a loop's body and passed to a call of a named function or of a method of the enclosing
    class (`self.m(..)`), as an argument or through a local the body assigns it to and only passes on (marshmallow's
    `getter = lambda val: field_obj.deserialize(val, ..)` / `self._call_and_store(getter_func=getter, ..)`), and the
    undecorated functions the body defines and only passes on so (networkx's `weight=hide_edge`), calls in the body
    or calls from such a lambda (hypothesis' `seems_right(0)` / `find_integer(seems_right)`, `find_integer(lambda k:
    can_sort(left, right + k))`, where the function goes where the lambda goes): [first line, last
    line, the callee's qualified name, the argument's position (-1 for a keyword), its keyword ("" for a position),
    whether the call keeps it or what it gives is kept (keeps, kept_result)], one entry per call it goes to. Whether
    the callee runs it at once (paramiko's retry_on_signal(lambda: sock.connect(addr))) or keeps it for later is for
    the callee's own model to say (called_parameters)."""
    def callee_of(call):
        name = dotted(call.func)
        if name is None:
            return None
        head, _, method = name.partition(".")
        if head in ("self", "cls") and method and "." not in method:
            function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef))
            owner = enclosing(parents, function, SCOPES) if function is not None else None
            return module.module + "." + owner.name + "." + method if isinstance(owner, ast.ClassDef) else None
        return module.qualify(name)

    found = []
    for loop in ast.walk(tree):
        if not isinstance(loop, LOOPS):
            continue
        body = [n for statement in loop.body for n in ast.walk(statement)]
        calls = [(n, callee_of(n)) for n in body if isinstance(n, ast.Call)]
        # what goes to a call of a named function or method: only such a callee's model can tell it runs at once
        arguments = {id(a) for c, callee in calls if callee is not None for a in list(c.args) + [k.value for k in c.keywords]}
        scope = enclosing(parents, loop, SCOPES)
        held = {}  # a local the body assigns a lambda to, or a function it defines, and only passes to calls in the body
        for n in body:
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) \
                    and isinstance(n.value, ast.Lambda) and enclosing(parents, n, SCOPES) is scope:
                held.setdefault(n.targets[0].id, []).append(n.value)
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.decorator_list \
                    and enclosing(parents, n, SCOPES) is scope:
                held.setdefault(n.name, []).append(n)  # a decorator may keep it: not only passed on
        in_body = {id(n) for n in body}
        through = {}  # id of a lambda passed to a call in the body -> the held functions it calls
        for name in list(held):
            uses = [n for n in ast.walk(scope if scope is not None else tree)
                    if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
            callers = []
            for use in uses:
                owner = enclosing(parents, use, SCOPES)
                called = isinstance(parents.get(use), ast.Call) and parents[use].func is use and id(use) in in_body
                if id(use) in arguments and owner is scope or called and owner is scope:
                    continue  # passed on, or called in the iteration: it runs now
                if called and isinstance(owner, ast.Lambda) and id(owner) in arguments \
                        and enclosing(parents, owner, SCOPES) is scope:
                    callers.append(owner)  # called by a lambda that is passed on (hypothesis' `find_integer(lambda
                    continue  # k: can_sort(left, right + k))`): it goes where the lambda goes
                del held[name]
                break
            else:
                for caller in callers:
                    through.setdefault(id(caller), []).extend(held[name])
        for call, callee in calls:
            if callee is None:
                continue
            passed = [(position, "", a) for position, a in enumerate(call.args)] + \
                [(-1, k.arg, k.value) for k in call.keywords if k.arg is not None]
            for position, keyword, argument in passed:
                lambdas = [argument] + through.get(id(argument), []) if isinstance(argument, ast.Lambda) else \
                    held.get(argument.id, []) if isinstance(argument, ast.Name) else []
                for held_lambda in lambdas:
                    found.append((held_lambda.lineno, getattr(held_lambda, "end_lineno", None) or held_lambda.lineno,
                                  callee, position, keyword, keeps(call) or kept_result(call, parents)))
    return [list(entry) for entry in sorted(set(found))]  # a call in nested loops is found once per loop


def walk_own_scope(function):
    """The nodes of a function's body, not those of the functions, lambdas and classes nested in it."""
    stack = list(function.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, SCOPES):
            stack.extend(ast.iter_child_nodes(node))


def called_parameters(function, method, parents):
    """What a function does with each parameter, in its own body: "called" when every use is `p(...)`, none in a nested
    function or lambda, none stored, returned, passed on or rebound; "handed" when, besides calls, it is passed as
    an argument to calls that neither keep it (KEEPING_CALLS) nor give something kept (kept_result). A function
    passed to a called parameter runs while the call lasts (paramiko's retry_on_signal(function) runs `function()`
    until it raises no EINTR; marshmallow's `_call_and_store(getter_func, ..)` calls `getter_func(data)`); one passed
    to a handed parameter goes on to calls the model does not follow. {"positional": the names a call's positions go
    to, after a method's self or cls; "called": those only called; "handed": those handed on}; None for a function
    without parameters, a generator or a coroutine (its body runs when it is iterated or awaited, perhaps after the
    loop moved on)."""
    if isinstance(function, ast.AsyncFunctionDef) or any(isinstance(n, (ast.Yield, ast.YieldFrom))
                                                         for n in walk_own_scope(function)):
        return None
    positional = [a.arg for a in list(function.args.posonlyargs) + list(function.args.args)]
    static = any(dotted(d) == "staticmethod" for d in function.decorator_list)
    if method and not static:
        positional = positional[1:]
    uses = ("called", "handed", "kept")  # from the harmless to the worst; None while unused
    verdict = dict.fromkeys(positional + [a.arg for a in function.args.kwonlyargs])
    if not verdict:
        return None

    def use_of(node, parent, nested):
        if nested or not isinstance(node.ctx, ast.Load):
            return "kept"
        if isinstance(parent, ast.Call) and parent.func is node:
            return "called"
        call = parents.get(parent) if isinstance(parent, ast.keyword) else parent
        if isinstance(call, ast.Call) and call.func is not node and not keeps(call) and not kept_result(call, parents) \
                and not isinstance(statement_of(parents, call), ast.Return):  # what it gives back may hold the function
            return "handed"
        return "kept"

    def visit(node, parent, nested):
        if isinstance(node, ast.Name) and node.id in verdict:
            use = use_of(node, parent, nested)
            earlier = verdict[node.id]
            verdict[node.id] = use if earlier is None else max(earlier, use, key=uses.index)
        inner = nested or isinstance(node, SCOPES)
        for child in ast.iter_child_nodes(node):
            visit(child, node, inner)

    for statement in function.body:
        visit(statement, function, False)
    return {"positional": positional, "called": [n for n, use in verdict.items() if use == "called"],
            "handed": [n for n, use in verdict.items() if use == "handed"]}


def module_definitions(tree):
    """The module's classes and functions in source order: those at top level and those a block defines when the
    module is imported (`try: from ssl import SSLContext` / `except ImportError: class SSLContext: ...`, one definition
    per platform under `if sys.platform == "win32":` / `else:`), so a finding in a compatibility shim is placed in
    its function. Not what `if TYPE_CHECKING:` defines (never run) nor `if __name__ == "__main__":` (only when the
    file is run as a script); their `else:` runs on import."""
    found = []

    def walk(statements):
        for s in statements:
            if isinstance(s, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                found.append(s)
            elif isinstance(s, ast.If):
                if not (is_type_checking(s.test) or is_main_guard(s.test)):
                    walk(s.body)
                walk(s.orelse)
            elif isinstance(s, (ast.Try, getattr(ast, "TryStar", ast.Try))):
                walk(s.body)
                for handler in s.handlers:
                    walk(handler.body)
                walk(s.orelse)
                walk(s.finalbody)
            elif isinstance(s, (ast.With, ast.AsyncWith)):
                walk(s.body)

    walk(tree.body)
    return found


def top_level_functions(tree):
    """The module's functions and its module-level classes' methods, each with its class (None for a function)."""
    definitions = module_definitions(tree)
    functions = [(n, None) for n in definitions if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for node in definitions:
        if isinstance(node, ast.ClassDef):
            functions += [(m, node) for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return functions


def init_returns_none(tree):
    """The lines of the `return self.method(..)` statements in an `__init__` whose method, of the same class, never
    returns a value (SQLAlchemy's Inspector: `return self._init_legacy(bind)`), and of those returning what a base's
    `__init__` gives, directly or through a local only bound to it (alembic's metaclass, `newtype =
    type.__init__(cls, ..)` / `return newtype`): None. Pylint's "explicit return in __init__" (ruff's PLE0101) names
    misleading code there, not the TypeError a returned value raises."""
    def base_init(value):
        return isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "__init__"

    def gives_value(function):
        for node in walk_own_scope(function):
            if isinstance(node, (ast.Yield, ast.YieldFrom)) or isinstance(node, ast.Return) and node.value is not None \
                    and not (isinstance(node.value, ast.Constant) and node.value.value is None):
                return True
        return False

    lines = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        methods = {n.name: n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        init = methods.get("__init__")
        if init is None:
            continue
        # the locals every binding of which is `name = <base>.__init__(..)`
        bindings = Counter(n.id for n in walk_own_scope(init) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load))
        from_base = Counter(a.targets[0].id for a in walk_own_scope(init) if isinstance(a, ast.Assign)
                            and len(a.targets) == 1 and isinstance(a.targets[0], ast.Name) and base_init(a.value))
        for node in walk_own_scope(init):
            call = node.value if isinstance(node, ast.Return) else None
            if base_init(call) or isinstance(call, ast.Name) and 0 < from_base[call.id] == bindings[call.id]:
                lines.append(node.lineno)
            elif isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
                    and call.func.value.id == "self" and call.func.attr in methods \
                    and not gives_value(methods[call.func.attr]):
                lines.append(node.lineno)
    return lines


ZOPE_INTERFACE = "zope.interface.Interface"


def interface_declarations(tree, module):
    """The classes that declare a zope.interface interface: deriving from `zope.interface.Interface`, directly or
    through another such class of the module. Their methods are written without `self`, as zope.interface documents
    (twisted's `def __exit__(excType, excValue, traceback)` in `_IFileDescriptorReservation(Interface)`), which
    ruff's PLE0302 reads as a special method with a wrong signature. [line, 0, end line, WHOLE_LINES] of each."""
    interfaces = set()
    out = []
    for node in ast.walk(tree):  # breadth first: a base class of the module comes before the classes deriving from it
        if isinstance(node, ast.ClassDef):
            bases = [dotted(b) for b in node.bases]
            if any(b is not None and (module.qualify(b) == ZOPE_INTERFACE or b in interfaces) for b in bases):
                interfaces.add(node.name)
                out.append([node.lineno, 0, node.end_lineno, WHOLE_LINES])
    return sorted(out)


def unevaluated_annotations(tree, lines):
    """The annotations Python never evaluates: a variable's or attribute's inside a function body (PEP 526: twisted's
    `self._trailerHeaders: List[bytearray] = []` in an `__init__` without `List` imported), every one in a module under
    `from __future__ import annotations` (PEP 563), and the text of a string annotation. A name there that nothing
    binds raises no NameError when the code runs; type checkers and `typing.get_type_hints()` still read it.
    [line, column, end line, end column] of each, columns from 0 and in characters."""
    future = any(isinstance(n, ast.ImportFrom) and n.module == "__future__" and any(a.name == "annotations" for a in n.names)
                 for n in tree.body)
    out = []

    def annotation(node, evaluated):
        if node is None:
            return
        if not evaluated:
            out.append([node.lineno, char_column(lines, node), node.end_lineno, char_end_column(lines, node)])
            return
        for n in ast.walk(node):  # strings inside an evaluated annotation stay text: `List["Order"]`
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                out.append([n.lineno, char_column(lines, n), n.end_lineno, char_end_column(lines, n)])

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = child.args
                for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
                    if a is not None:
                        annotation(a.annotation, not future)
                annotation(child.returns, not future)
                visit(child, True)
            elif isinstance(child, ast.AnnAssign):
                annotation(child.annotation, not (future or in_function))
                visit(child, in_function)
            else:
                # a class body's annotations are evaluated, even in a function (unless the module defers them)
                visit(child, False if isinstance(child, ast.ClassDef) else in_function)

    visit(tree, False)
    return sorted(out)


def loop_carried_reads(tree, lines):
    """The reads of a local, inside a loop, that come before the loop body binds it and after no binding before the
    loop: the read takes the previous iteration's value, and only the first iteration may not reach it (networkx's
    `if high: current = maxuppernode` with `maxuppernode = None` further down the `while`). Ruff reports such a
    read as an undefined name (F821), as if it always raised NameError. [line, column, line, end column], columns
    from 0 and in characters."""
    out = []
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        parameters = {a.arg for a in arguments_of(function)}
        own = list(walk_own_scope(function))
        stores = [n for n in own if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]
        for loop in (n for n in own if isinstance(n, LOOPS)):
            body = list(walk_own_scope(loop))
            inside = {id(n) for n in body}
            first = loop.lineno
            bound_before = {n.id for n in stores if n.lineno < first and id(n) not in inside}
            bound_inside = {}
            for n in stores:
                if id(n) in inside:
                    bound_inside.setdefault(n.id, []).append(n.lineno)
            for n in body:
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in bound_inside \
                        and n.id not in bound_before and n.id not in parameters \
                        and min(bound_inside[n.id]) > n.lineno:
                    column = char_column(lines, n)
                    out.append((n.lineno, column, n.lineno, column + len(n.id)))
    return [list(r) for r in sorted(set(out))]


def rebound_iterables(tree, parents, lines):
    """The loop variables of `for` statements that rebind a name their iterable reads, where that does no harm: the
    iterable is evaluated once, before the first rebinding, so only a read of the name after the loop (in its
    `else`, or further down before a new binding) or the iterable evaluated again by an enclosing loop that does not
    bind the name anew sees the last element instead of the collection. Bugbear's B020 ("loop control variable
    overrides iterable it iterates") reports them all: networkx's `for k, e in e.items():` inside `for v, e in ..`,
    SQLAlchemy's `for criterion in list(criterion):`. A read of the name in a comprehension of the iterable that
    binds it itself (`[t for tmp in line.split('[') ...]`) reads the comprehension's own variable. [line, column,
    line, end column] of each such target name, columns from 0 and in characters."""
    comprehensions = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)

    def reads(expression, name):
        for n in ast.walk(expression):
            if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load):
                owner = enclosing(parents, n, comprehensions + (ast.Lambda,))
                bound_there = owner is not None and (isinstance(owner, ast.Lambda) and name in {a.arg for a in arguments_of(owner)}
                                                     or not isinstance(owner, ast.Lambda) and any(
                    name in {t.id for t in ast.walk(g.target) if isinstance(t, ast.Name)} for g in owner.generators))
                if not bound_there:
                    return True
        return False

    def position(n):
        return n.lineno, n.col_offset

    out = []
    for loop in (n for n in parents if isinstance(n, (ast.For, ast.AsyncFor))):
        iterated = {n.id for n in ast.walk(loop.iter) if isinstance(n, ast.Name)}
        targets = [t for t in ast.walk(loop.target) if isinstance(t, ast.Name) and t.id in iterated]
        if not targets:
            continue  # the common case: no loop variable named in the iterable
        scope = enclosing(parents, loop, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
        own = list(walk_own_scope(scope)) if scope is not None else \
            [n for n in ast.walk(tree) if enclosing(parents, n, SCOPES) is None]
        inner = {id(n) for n in ast.walk(loop)} - {id(n) for s in loop.orelse for n in ast.walk(s)}
        # what comes after the loop in source order but never runs after it: the other branches of the ifs it is in
        skipped = set()
        node = loop
        while parents.get(node) is not None and parents.get(node) is not scope:
            branch = parents[node]
            if isinstance(branch, ast.If) and any(node is s for s in branch.body):
                skipped.update(id(n) for s in branch.orelse for n in ast.walk(s))
            node = branch
        for target in targets:
            name = target.id
            if not reads(loop.iter, name):  # only a comprehension's own variable of that name
                column = char_column(lines, target)
                out.append([target.lineno, column, target.lineno, column + len(name)])
                continue
            # after the loop: its else clause, then what follows in source order, up to the first new binding
            later = sorted((n for n in own if isinstance(n, ast.Name) and n.id == name and id(n) not in inner
                            and id(n) not in skipped and (position(n) >= (loop.lineno, loop.col_offset))), key=position)
            read_after = bool(later) and isinstance(later[0].ctx, ast.Load)
            again = False
            outer = enclosing(parents, loop, LOOPS + SCOPES)
            while isinstance(outer, LOOPS):
                rebinds = isinstance(outer, (ast.For, ast.AsyncFor)) and any(
                    isinstance(t, ast.Name) and t.id == name for t in ast.walk(outer.target)) or any(
                    isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
                    and position(n) < position(loop) and id(n) not in inner
                    for s in outer.body for n in ast.walk(s))
                again = again or not rebinds
                outer = enclosing(parents, outer, LOOPS + SCOPES)
            if not read_after and not again:
                column = char_column(lines, target)
                out.append([target.lineno, column, target.lineno, column + len(name)])
    return sorted(out)


WHOLE_LINES = 1 << 30  # an end column past any line's end: a site covering its lines whole


def concatenated_all(tree):
    """The module's `__all__ = a + b + [...]` and `__all__ += ...` statements that join names, lists and tuples with
    `+`, or take a list from `dir(..)`, `list(..)` or `sorted(..)`: a list when the module runs, which pylint's PLE0605
    ("invalid format for `__all__`") takes for no list or tuple (Django's `django.db.models`: `__all__ =
    aggregates_all + constraints_all + ...`; eventlet's `__all__ = dir(builtins_orig)`). [line, 0, end line,
    WHOLE_LINES] of each statement."""
    def joined(node):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return all(joined(side) or isinstance(side, (ast.Name, ast.Attribute, ast.List, ast.Tuple))
                       or listed(side) for side in (node.left, node.right))
        return listed(node)

    def listed(node):
        """A built-in call that gives a list of names (eventlet's `__all__ = dir(builtins_orig)`)."""
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("dir", "list", "sorted")

    out = []
    for node in module_statements(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets) \
                and joined(node.value) \
                or isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "__all__" \
                and isinstance(node.op, ast.Add) and (joined(node.value)
                                                      or isinstance(node.value, (ast.Name, ast.Attribute, ast.List, ast.Tuple))):
            out.append([node.lineno, 0, node.end_lineno, WHOLE_LINES])
    return out


def module_statements(tree):
    """The statements the module runs at import, also inside its top-level ifs, trys and withs."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.If, ast.Try, getattr(ast, "TryStar", ast.Try), ast.With)):
            stack.extend(getattr(node, "body", []) + getattr(node, "orelse", []) + getattr(node, "finalbody", [])
                         + [s for h in getattr(node, "handlers", []) for s in h.body])


def forwarded_keywords(calls, parents):
    """The calls that pass on their function's own keyword arguments (sphinx's `requests.get(url, **kwargs)` in a
    wrapper taking `**kwargs`): a setting such as a timeout is the callers' to give. [line, 0, end line, WHOLE_LINES]
    of each call."""
    out = []
    for call in calls:
        passed = {k.value.id for k in call.keywords if k.arg is None and isinstance(k.value, ast.Name)}
        function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) if passed else None
        if function is not None and function.args.kwarg is not None and function.args.kwarg.arg in passed:
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


def forwarded_hash_purposes(calls, parents):
    """The calls that pass on their function's own parameter as `usedforsecurity=` (starlette's `md5_hexdigest(data,
    *, usedforsecurity=True)` / `hashlib.md5(data, usedforsecurity=usedforsecurity)`): whether the digest protects
    anything is the callers' to say. [line, 0, end line, WHOLE_LINES] of each call."""
    out = []
    for call in calls:
        passed = {k.value.id for k in call.keywords if k.arg == "usedforsecurity" and isinstance(k.value, ast.Name)}
        function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) if passed else None
        if function is not None and passed & {a.arg for a in arguments_of(function)}:
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


def fallback_hashes(calls, parents):
    """The hashlib calls without `usedforsecurity=` in one branch of an if/else or try/except whose other branch makes
    the same call with `usedforsecurity=False` (lark's `if sys.version_info >= (3, 9): hashlib.md5(..,
    usedforsecurity=False)` / `else: hashlib.md5(..)`, sphinx's `try: hashlib.md5(data)` / `except ValueError:
    hashlib.md5(data, usedforsecurity=False)`): the fallback where Python or its OpenSSL takes no such argument, for a
    digest the code says protects nothing. [line, 0, end line, WHOLE_LINES] of each call."""
    def algorithm(call):
        if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and call.func.value.id == "hashlib":
            return call.func.attr
        return None

    def branch(node, statement):
        """Which branch of the if or try statement the node lies in, None when it is not inside it."""
        child = node
        while child is not None and parents.get(child) is not statement:
            child = parents.get(child)
        if child is None:
            return None
        for name in ("body", "orelse", "finalbody"):
            if child in getattr(statement, name, []):
                return name
        return next((i for i, h in enumerate(getattr(statement, "handlers", [])) if h is child), None)

    marked = [c for c in calls if algorithm(c) and any(k.arg == "usedforsecurity" and isinstance(k.value, ast.Constant)
                                                     and k.value.value is False for k in c.keywords)]
    out = []
    for call in calls if marked else []:
        if not algorithm(call) or any(k.arg == "usedforsecurity" for k in call.keywords):
            continue
        statement = enclosing(parents, call, (ast.If, ast.Try))
        while statement is not None:
            here = branch(call, statement)
            if any(algorithm(m) == algorithm(call) and branch(m, statement) not in (None, here) for m in marked):
                out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
                break
            statement = enclosing(parents, statement, (ast.If, ast.Try))
    return sorted(out)


# RFC 6455's GUID, hashed with a client's key into the Sec-WebSocket-Accept header: the protocol fixes SHA-1 there
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def holds_websocket_guid(node):
    value = node.value if isinstance(node, ast.Constant) else None
    value = value.decode("latin-1") if isinstance(value, bytes) else value
    return isinstance(value, str) and WEBSOCKET_GUID in value


def websocket_guids(tree):
    """The module-level names bound to RFC 6455's GUID (aiohttp's `WS_KEY: Final[bytes] = b"258EAFA5-.."`)."""
    out = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and holds_websocket_guid(node.value):
            out.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None \
                and holds_websocket_guid(node.value):
            out.add(node.target.id)
    return sorted(out)


def websocket_accept_digests(calls, parents, module, guids):
    """The hashlib calls that hash RFC 6455's GUID with a key into a Sec-WebSocket-Accept value: the protocol fixes
    the algorithm (SHA-1), and the digest protects nothing. What goes in: the call's arguments and, for a hash object
    a local holds, what its function `.update(..)`s that local with (tornado's `sha1 = hashlib.sha1()` /
    `sha1.update(b"258EAFA5-..")`). The GUID is a constant written there or a name the module binds to one
    (websockets' `GUID`); a name the module imports (aiohttp's `from .http import WS_KEY`) is for the caller to look
    up where it comes from. Returns [line, 0, end line, WHOLE_LINES] of each call known here, and [line, end line,
    qualified name] of each name imported into the input of another."""
    known, imported = [], []
    for call in calls:
        if not (module.qualify(dotted(call.func) or "") or "").startswith("hashlib."):
            continue
        inputs = list(call.args) + [k.value for k in call.keywords]
        holder = parents.get(call)
        function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef))
        if function is not None and isinstance(holder, ast.Assign) and len(holder.targets) == 1 \
                and isinstance(holder.targets[0], ast.Name):
            inputs += [a for n in ast.walk(function) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                       and n.func.attr == "update" and isinstance(n.func.value, ast.Name)
                       and n.func.value.id == holder.targets[0].id for a in n.args]
        read = [n for i in inputs for n in ast.walk(i)]
        if any(holds_websocket_guid(n) or isinstance(n, ast.Name) and n.id in guids for n in read):
            known.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
            continue
        names = {module.qualify(dotted(n) or "") for n in read if isinstance(n, (ast.Name, ast.Attribute))}
        imported += [[call.lineno, call.end_lineno, name] for name in sorted(n for n in names if n and
                                                                             not n.startswith("builtins."))]
    return sorted(known), sorted(imported)


def opted_in_calls(calls, parents):
    """The calls that run only when their function's caller opted in: a parameter defaulting to False and named for
    a permission (OPT_IN_FLAG: `allow_pickle`, `trusted`, `unsafe`) is true on the way, tested by an `if` around the
    call (`if allow_pickle:`, `if x and allow_pickle:`) or by an earlier `if not allow_pickle: raise ..` (or
    `return`) in a block holding it (pydantic's `load_str_bytes(.., allow_pickle=False)` / `if not allow_pickle:
    raise RuntimeError(..)` / `return pickle.loads(bb)`). {id of the call: the parameter}."""
    def names_true(test):
        if isinstance(test, ast.Name):
            return {test.id}
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            return {n for value in test.values for n in names_true(value)}
        return set()

    def refuses_unless(statement, flags):
        """`if not flag: raise ..` / `return ..`: past it, the flag is true."""
        return isinstance(statement, ast.If) and not statement.orelse and isinstance(statement.test, ast.UnaryOp) \
            and isinstance(statement.test.op, ast.Not) and isinstance(statement.test.operand, ast.Name) \
            and statement.test.operand.id in flags and isinstance(statement.body[-1], (ast.Raise, ast.Return))

    out = {}
    flags_of = {}
    for call in calls:
        function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef))
        if function is None:
            continue
        if id(function) not in flags_of:
            flags_of[id(function)] = {p.arg for p, default in parameter_defaults(function)
                                      if isinstance(default, ast.Constant) and default.value is False
                                      and OPT_IN_FLAG.search(p.arg)}
        flags = flags_of[id(function)]
        node = call
        while flags and node is not function and id(call) not in out:
            parent = parents.get(node)
            if isinstance(parent, ast.If) and any(s is node for s in parent.body) and names_true(parent.test) & flags:
                out[id(call)] = sorted(names_true(parent.test) & flags)[0]
            elif isinstance(node, ast.stmt):
                _, block = statement_block(parents, node)
                earlier = block[:next(i for i, s in enumerate(block) if s is node)] if block else []
                refusal = next((s for s in earlier if refuses_unless(s, flags)), None)
                if refusal is not None:
                    out[id(call)] = refusal.test.operand.id
            node = parent
    return out


# methods that make an instance, where setting its attributes is construction, not change
CONSTRUCTING_METHODS = {"__init__", "__new__", "__post_init__", "__init_subclass__", "__set_name__"}
# bases that give an instance no state of its own
STATELESS_BASES = {"object", "ABC", "abc.ABC", "Generic", "typing.Generic", "Protocol", "typing.Protocol"}


def frozen_factories(tree):
    """The names of the module's top-level classes no method of which changes an instance once made (outside
    __init__ and the like, no attribute of `self` set, deleted or changed in place, no `setattr(self, ..)`), whose
    bases are such classes of the module or stateless ones (object, ABC, Generic), and of its top-level functions
    every return of which makes one (fastapi's `def Default(value)` / `return DefaultPlaceholder(value)`; tenacity's
    `wait_none`): one instance made as a parameter default and shared by every call is harmless."""
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    frozen = {}

    def changes_instance(method):
        decorators = {dotted(d) for d in method.decorator_list}
        positional = method.args.posonlyargs + method.args.args
        if method.name in CONSTRUCTING_METHODS or decorators & {"staticmethod", "classmethod"} or not positional:
            return False
        me = positional[0].arg
        for node in ast.walk(method):
            target = node.value if isinstance(node, (ast.Attribute, ast.Subscript)) else None
            if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load) and isinstance(target, ast.Name) \
                    and target.id == me:
                return True
            if isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load) \
                    and isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == me:
                return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING_METHODS \
                    and isinstance(node.func.value, ast.Attribute) and isinstance(node.func.value.value, ast.Name) \
                    and node.func.value.value.id == me:
                return True
            if isinstance(node, ast.Call) and dotted(node.func) in ("setattr", "delattr", "object.__setattr__") \
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == me:
                return True
        return False

    def is_frozen(name, seen):
        if name not in frozen:
            node = classes.get(name)
            if node is None or name in seen:
                return False
            seen.add(name)
            bases = [b.value if isinstance(b, ast.Subscript) else b for b in node.bases]
            frozen[name] = all(dotted(b) in STATELESS_BASES or isinstance(b, ast.Name) and is_frozen(b.id, seen)
                               for b in bases) \
                and not any(changes_instance(m) for m in node.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)))
        return frozen[name]

    names = [name for name in classes if is_frozen(name, set())]
    for function in tree.body:
        if isinstance(function, ast.FunctionDef) and not function.decorator_list:
            returns = [n for n in walk_own_scope(function) if isinstance(n, ast.Return)]
            if returns and not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in walk_own_scope(function)) \
                    and all(isinstance(r.value, ast.Call) and isinstance(r.value.func, ast.Name)
                            and r.value.func.id in names for r in returns):
                names.append(function.name)
    return sorted(names)


def default_calls(nodes, module):
    """The calls written as parameter defaults whose arguments are names, attributes or constants, no containers
    written out (`Default(JSONResponse)`, `wait_none()`): [line, column in characters, the qualified name of what it
    calls] of each whose callee the imports name.

    `nodes`: every node of the tree but the module (the parent map's keys, walked once for all the sites)."""
    out = []
    for function in nodes:
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for _, default in parameter_defaults(function):
                callee = module.qualify(dotted(default.func) or "") if isinstance(default, ast.Call) else None
                if callee and all(isinstance(a, (ast.Name, ast.Attribute, ast.Constant))
                                  for a in list(default.args) + [k.value for k in default.keywords]):
                    out.append([default.lineno, char_column(module.lines, default), callee])
    return sorted(out)


def constant_evals(calls):
    """The `eval`/`exec` calls whose code is one string constant (pydantic's `eval('__IPYTHON__')`, a test whether a
    builtin exists): nothing from outside goes in. [line, 0, end line, WHOLE_LINES] of each call."""
    return sorted([call.lineno, 0, call.end_lineno, WHOLE_LINES] for call in calls
                  if isinstance(call.func, ast.Name) and call.func.id in ("eval", "exec") and call.args
                  and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, (str, bytes)))


def padding_hashes(calls, parents):
    """The SHA-1 objects handed to RSA's OAEP padding or to its MGF1 mask generation (pymysql's
    `padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None)`, as MySQL's
    caching_sha2_password fixes it): neither needs a collision-resistant hash, and OAEP with SHA-1 stays secure.
    [line, 0, end line, WHOLE_LINES] of each."""
    out = []
    for call in calls:
        if (dotted(call.func) or "").rpartition(".")[2] != "SHA1" or call.args or call.keywords:
            continue
        holder = parents.get(call)
        holder = parents.get(holder) if isinstance(holder, ast.keyword) else holder
        if isinstance(holder, ast.Call) and call is not holder.func \
                and (dotted(holder.func) or "").rpartition(".")[2] in ("OAEP", "MGF1"):
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


# calls that give random bytes or numbers: a digest of a value they go into is as unpredictable as they are
RANDOM_SOURCES = {"urandom", "token_bytes", "token_hex", "token_urlsafe", "getrandbits", "randbits", "uuid4"}


def random_input_hashes(calls, parents, module):
    """The MD5 and SHA-1 digests of a value random bytes go into, in the call or in the function's assignments to the
    name it hashes (httpx's and requests' digest-auth client nonce: `s += os.urandom(8)`, then
    `hashlib.sha1(s).hexdigest()[:16]`): the digest is as unpredictable as the randomness, and no collision resistance
    is relied on. [line, 0, end line, WHOLE_LINES] of each call."""
    def random(node):
        return any(isinstance(n, ast.Call) and (dotted(n.func) or "").rpartition(".")[2] in RANDOM_SOURCES
                   for n in ast.walk(node))

    def assigned_from_random(function, name):
        for node in ast.walk(function):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None else []
            if any(isinstance(t, ast.Name) and t.id == name for t in targets) and random(node.value):
                return True
        return False

    out = []
    for call in calls:
        if module.qualify(dotted(call.func) or "") not in ("hashlib.md5", "hashlib.sha1") or not call.args:
            continue
        data = call.args[0]
        function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef))
        if random(data) or isinstance(data, ast.Name) and function is not None and assigned_from_random(function, data.id):
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


# a comment saying a failure is let go on purpose, and one saying that is still to be decided
LETTING_GO = re.compile(r"\b(ignor|swallow|suppress|best[- ]effort|harmless|don'?t care|doesn'?t matter|not an error)",
                        re.IGNORECASE)
TO_DO = re.compile(r"\b(TODO|FIXME|XXX)\b")
# a docstring saying the function lets failures go: "swallows exceptions", "ignore connection and channel errors",
# "If any error is raised it is ignored"
DOCUMENTED_LETTING_GO = re.compile(r"\b(swallow|ignor|suppress)\w*\s+(?:\w+\s+){0,4}?(errors?|exceptions?|failures?)\b"
                                   r"|\b(errors?|exceptions?|failures?)\s+(?:\w+\s+){0,4}?(swallowed|ignored|suppressed)\b",
                                   re.IGNORECASE)
TYPE_COMMENT = re.compile(r"#\s*type:\s*(?!ignore\b)(.+)")
TYPE_COMMENT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def type_comment_imports(tree, module):
    """The imported names a type comment uses (marshmallow's `from typing import Dict, Optional` read only by
    `# type: Optional[Dict[str, Any]]`): mypy and PyCharm read such comments, ruff does not (its issue 1619), so it
    reports the import unused, and removing it breaks type checking. [line, column, end line, end column] of each
    such name in its import statement."""
    if "type:" not in module.text:
        return []
    used = set()
    for comment in module.comments().values():
        typed = TYPE_COMMENT.match(comment)
        if typed:
            used.update(TYPE_COMMENT_NAME.findall(typed.group(1)))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or (alias.name.split(".")[0] if isinstance(node, ast.Import) else alias.name)
                if bound in used:
                    line, column = getattr(alias, "lineno", node.lineno), getattr(alias, "col_offset", node.col_offset)
                    out.append([line, column, getattr(alias, "end_lineno", node.end_lineno),
                                getattr(alias, "end_col_offset", node.end_col_offset)])
    return sorted(out)


def serialization_round_trips(calls):
    """The calls that load what the same module's dumps of a live object just gave (celery's
    `pickle.loads(pickle.dumps(exc))`, a check that it can be pickled): no outside bytes are deserialized.
    [line, 0, end line, WHOLE_LINES] of each."""
    out = []
    for call in calls:
        loads = dotted(call.func) or ""
        dumped = call.args[0] if len(call.args) == 1 else None
        dumps = (dotted(dumped.func) or "") if isinstance(dumped, ast.Call) else ""
        if loads.endswith("loads") and dumps.endswith("dumps") and loads[:-len("loads")] == dumps[:-len("dumps")]:
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


def script_blocks(tree, path):
    """The bodies of a module's `if __name__ == "__main__":` blocks, unless the module is a package's `__main__.py`:
    they run only when a developer runs the file as a script, not when the package is imported (pygments'
    regeneration scripts at the end of its builtins modules). [line, 0, end line, WHOLE_LINES] of each."""
    if path.replace("\\", "/").rpartition("/")[2] == "__main__.py":
        return []
    return [[node.body[0].lineno, 0, node.body[-1].end_lineno, WHOLE_LINES] for node in tree.body
            if isinstance(node, ast.If) and is_main_guard(node.test)]


def docstrings(tree, nodes):
    """The docstrings of the module, its classes and functions: documentation, whose values are examples (oauthlib's
    RFC token responses, an `"access_token"` with the RFC's example value). [line, 0, end line, WHOLE_LINES] of each.

    `nodes`: every node of the tree but the module (the parent map's keys, walked once for all the sites)."""
    out = []
    for node in [tree, *nodes]:
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                out.append([first.lineno, 0, first.end_lineno, WHOLE_LINES])
    return sorted(out)


SHELL_CALLS = {"os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"}


def sets_shell(call):
    """Whether the call passes `shell=True`: its command runs through a shell."""
    return any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value is True for k in call.keywords)


def command_argument(call):
    """The command a call runs: its first positional argument, or subprocess's `args=`."""
    return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "args"), None)


def passed_whole(argument, functions):
    """Whether the argument is a parameter of the innermost of the functions (innermost last) or, read in a nested
    function, of one enclosing it (prompt_toolkit's `def run_command(): Popen(command, shell=True, ..)` inside
    `run_system_command(self, command, ..)`), passed on as it came: nothing from the parameter's function inwards
    binds the name again. A keyword argument its caller gave through `**kwargs` counts too (Django's shell command,
    `exec(options['command'], ..)` in `handle(self, **options)`)."""
    keyword = isinstance(argument, ast.Subscript) and isinstance(argument.value, ast.Name) \
        and isinstance(argument.slice, ast.Constant) and isinstance(argument.slice.value, str)
    name = argument.value.id if keyword else argument.id if isinstance(argument, ast.Name) else None
    for function in reversed(functions if name else []):
        params = {a.arg for a in arguments_of(function)}
        kwargs = function.args.kwarg.arg if function.args.kwarg is not None else None
        if kwargs == name if keyword else name in params:
            return not any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
                           or keyword and isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store)
                           and isinstance(n.value, ast.Name) and n.value.id == name for n in ast.walk(function))
        if name in params:
            return False
    return False


def whole_parameter_commands(calls, parents, module):
    """The calls that run through a shell a command their function was given whole (prompt_toolkit's
    `run_system_command(self, command, ..)` / `Popen(command, shell=True, ..)`, click's pager, invoke's runner):
    nothing is built into the command there, the function runs what its callers pass (the injection is where a caller
    builds it, as CodeQL's py/shell-command-constructed-from-input holds). [line, 0, end line, WHOLE_LINES] of each
    call."""
    out = []
    for call in calls:
        shell = sets_shell(call) or module.qualify(dotted(call.func) or "") in SHELL_CALLS
        functions = []
        function = enclosing(parents, call, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) if shell else None
        while function is not None:
            functions.insert(0, function)
            function = enclosing(parents, function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        if shell and passed_whole(command_argument(call), functions):
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


def constant_shell_lists(calls):
    """The calls with `shell=True` whose command is a list or tuple of string constants (Django's
    `subprocess.run(['git', 'log', ...], shell=True)`): nothing can be injected, but on POSIX the shell runs the
    first item alone and takes the others as its own arguments, not the command's. [line, 0, end line, WHOLE_LINES]
    of each call."""
    out = []
    for call in calls:
        command = command_argument(call)
        if sets_shell(call) and isinstance(command, (ast.List, ast.Tuple)) and len(command.elts) > 1 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in command.elts):
            out.append([call.lineno, 0, call.end_lineno, WHOLE_LINES])
    return sorted(out)


# Unicode's explicit directional formatting characters: the embeddings, overrides and isolates that reorder how
# text is shown (what a Trojan Source attack uses), and the marks, which only set the direction of the characters
# around them
BIDI_REORDERING = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BIDI_MARKS = set("\u200e\u200f\u061c")


def bidi_marks_only(lines):
    """The lines with directional marks (left-to-right, right-to-left, Arabic letter mark) and no embedding, override
    or isolate: pylint's PLE2502 ("contains control characters that can permit obfuscated code") reports the
    right-to-left mark too, which cannot reorder the code as those do (Django's Arabic and Persian date formats,
    'd\u200f/m\u200f/Y'). [line, 0, line, WHOLE_LINES] of each."""
    return [[number, 0, number, WHOLE_LINES] for number, line in enumerate(lines, start=1)
            if BIDI_MARKS.intersection(line) and not BIDI_REORDERING.intersection(line)]


def globals_written(parents, lines):
    """The whole module when it binds names through `globals()` that it does not write out: an item set on it
    (`globals()[name] = ..`), its `update(..)` or `setdefault(..)`, directly or through a name holding it (passlib's
    `g = globals()` / `g["ldap_" + wname] = uh.PrefixWrapper(..)` in a loop), or it handed to a call that may fill it
    (eventlet's `patcher.inject('http.server', globals(), ..)`). Names ruff reports as undefined there may well be
    bound. [1, 0, last line, WHOLE_LINES], or nothing.

    `parents`: every node of the tree but the module (the parent map's keys, walked once for all the sites)."""
    def is_globals(node):
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "globals" \
            and not node.args

    holders = {t.id for n in parents if isinstance(n, ast.Assign) and is_globals(n.value)
               for t in n.targets if isinstance(t, ast.Name)}

    def names_globals(node):
        return is_globals(node) or isinstance(node, ast.Name) and node.id in holders

    def handed_on(call):
        """`globals()` given to a function that may bind names in it (eventlet's `patcher.inject('http.server',
        globals(), ..)`), not to a built-in: `__import__` only reads it, and what `exec` runs there is no name the
        module means to have."""
        return (dotted(call.func) or "") not in BUILTINS \
            and any(names_globals(a) for a in list(call.args) + [k.value for k in call.keywords])

    for node in parents:
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and names_globals(node.value) \
                or isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("update", "setdefault") and names_globals(node.func.value) \
                or isinstance(node, ast.Call) and handed_on(node):
            return [[1, 0, max(len(lines), 1), WHOLE_LINES]]
    return []


def unbound_addresses(parents, lines):
    """The all-interfaces addresses ("0.0.0.0", "::") nothing binds to, where ruff's S104 reports a binding to all
    interfaces: one a comparison tests against (werkzeug's `if self.host in {"0.0.0.0", "::"}:`), and one assigned to a
    local (itself or a branch of `x if c else y`) that its function only compares or puts into text: a log line, a
    format, `str(..)` (aiohttp's `host = "0.0.0.0" if self._host is None else self._host` / `return
    str(URL.build(.., host=host, ..))`, the name of a site listening on all interfaces; uvicorn's "running on" log
    line). [line, column, line, end column], columns from 0 and in characters."""
    def span(value):
        column = char_column(lines, value)
        return [value.lineno, column, value.lineno, column + len(repr(value.value))]

    def operand(node):
        compare = parents.get(node)
        return isinstance(compare, ast.Compare) and (node is compare.left or any(c is node for c in compare.comparators))

    def only_shown(read, function):
        if operand(read):
            return True
        node = read
        while node is not function:
            parent = parents.get(node)
            if isinstance(parent, ast.JoinedStr) or isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mod) \
                    and isinstance(parent.left, ast.Constant) and isinstance(parent.left.value, str):
                return True
            if isinstance(parent, ast.Call) and node is not parent.func:
                name = parent.func.attr if isinstance(parent.func, ast.Attribute) else getattr(parent.func, "id", "")
                if name in TEXT_MAKERS or FunctionScanner.is_logging(parent):
                    return True
            if parent is None or isinstance(parent, ast.stmt):
                return False
            node = parent
        return False

    out = []
    for value in (n for n in parents if isinstance(n, ast.Constant) and n.value in ("0.0.0.0", "::")):
        parent = parents.get(value)
        if operand(parent if isinstance(parent, (ast.Tuple, ast.List, ast.Set)) else value):
            out.append(span(value))
            continue
        source = parent if isinstance(parent, ast.IfExp) and value is not parent.test else value
        statement = parents.get(source)
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
            continue
        function = enclosing(parents, statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        reads = [n for n in ast.walk(function) if isinstance(n, ast.Name) and n.id == statement.targets[0].id
                 and isinstance(n.ctx, ast.Load)] if function is not None else []
        if reads and all(only_shown(read, function) for read in reads):
            out.append(span(value))
    return sorted(out)


def handler_reraises(tree, parents):
    """The lines of bare `raise` statements outside any except clause of their function, in a function (module level,
    or a method of a top-level class) that the module calls, and calls only from inside except clauses: such a raise
    re-raises the exception the calling handler is handling (flask's Flask.handle_user_exception, called from
    full_dispatch_request's `except Exception`), so pylint's "bare raise not inside an exception handler" (PLE0704)
    names a deliberate helper. A call through an unknown receiver, or from another module, is not seen."""

    def in_handler(node, stop):
        node = parents.get(node)
        while node is not None and node is not stop:
            if isinstance(node, ast.ExceptHandler):
                return True
            if isinstance(node, SCOPES):
                return False
            node = parents.get(node)
        return False

    lines = []
    for function, owner in top_level_functions(tree):
        bare = [n for n in ast.walk(function) if isinstance(n, ast.Raise) and n.exc is None
                and not in_handler(n, function)]
        if not bare:
            continue
        calls = []
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            f = call.func
            if owner is None and isinstance(f, ast.Name) and f.id == function.name:
                calls.append(call)
            elif owner is not None and isinstance(f, ast.Attribute) and f.attr == function.name \
                    and isinstance(f.value, ast.Name) and f.value.id in ("self", "cls", owner.name):
                calls.append(call)
        if calls and all(in_handler(c, None) for c in calls):
            lines += [n.lineno for n in bare]
    return sorted(lines)


# The special methods only Python 2 calls: `unicode(x)`, `bool(x)`, `/` without `from __future__ import division`.
PY2_ONLY_METHODS = {"__unicode__", "__nonzero__", "__div__", "__rdiv__", "__idiv__", "__cmp__", "__getslice__",
                    "__setslice__", "__delslice__"}
# Conversions of text to a number: a ValueError says the text is none.
# methods of str and list that raise no KeyError
TEXT_AND_LIST_METHODS = {"split", "rsplit", "splitlines", "strip", "lstrip", "rstrip", "lower", "upper", "append",
                         "extend", "add"}
CONVERSIONS = {"int", "float", "complex", "Decimal", "decimal.Decimal", "Fraction", "fractions.Fraction"}
# Calls whose result is a number, whatever text goes in: no text of the input comes out.
NUMBERS = {"int", "float", "len", "bool", "abs", "round", "ord", "hash", "id"}
# Calls that serialize a live object of the program: what they give carries no outside bytes (celery's
# `pickle.loads(pickle.dumps(exc))` tests that an exception can be pickled).
SERIALIZING = {"pickle.dumps", "cPickle.dumps", "_pickle.dumps", "marshal.dumps", "dill.dumps"}
# What a DB-API connection or cursor gives: a cursor, the rows the database answers; the caller's text reaches them
# only as the query's arguments (SQLAlchemy's `cursor = dbapi_connection.cursor()`, `row = cursor.fetchone()`, then
# `"sys.{}".format(row[0])`: a view name the server answered, not the caller's input).
DATABASE_READS = {"cursor", "fetchone", "fetchall", "fetchmany", "fetchval", "fetchrow", "scalar"}
# A function or its receiver named for quoting or escaping (`quote_identifier`, `identifier_preparer.format_table`,
# `conn.escape_string`, `shlex.quote`): what it returns is the input made safe to put into a text.
QUOTING = re.compile(r"(?i)quot|escap|sanitiz|identifier|preparer")
# What may clear a value of a parameter's text on its way (FunctionScanner.injectable_in): nothing, a function named
# for quoting or escaping, opening the file it names, being the leading part of a path (the folder the rest is in).
CLEARS = (None, "quoting", "opening", "leading")
# How a string built from parts is made (FunctionScanner.string_form).
BUILT_FORMS = {"fstring", "concat", "percent", "format", "join", "div"}
# Calls that join a path's parts, the first being the folder the others are in.
PATH_JOINS = {"os.path.join", "posixpath.join", "ntpath.join", "pathlib.Path", "pathlib.PurePath",
              "pathlib.PurePosixPath", "pathlib.PosixPath"}
# Calls that give the same path another way: its leading part stays in front.
PATH_KEEPING = {"os.path.abspath", "os.path.realpath", "os.path.normpath", "os.path.expanduser", "os.path.dirname",
                "os.fspath", "builtins.str"}
# Calls that give the names of a folder's entries: none holds the folder's text, nor can one be `..` or hold a `/`.
LISTING = {"os.listdir"}
# Calls that open the file a name or path names: what they give is the file's bytes, not the name's text.
OPENING = {"open", "builtins.open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open", "tarfile.open",
           "zipfile.ZipFile"}
# Calls that remove a file or folder: a cleanup, as a close is.
REMOVING = {"shutil.rmtree", "os.remove", "os.unlink", "os.rmdir", "os.removedirs"}
# A call that closes, stops, cancels or shuts something down: close, aclose, close_all, _close, closer (a function
# that closes), stop (gunicorn's `self.server.stop()`, twisted's `reactor.stop()`), cancel (kombu's consumer leaving
# in `__exit__`, a timer's `timeoutCall.cancel()`).
CLOSING = re.compile(r"^(a?close|closer|shutdown|a?stop|cancel|wait_closed|write_eof)$|close_|_close$")
# Exception classes and the warning and logging calls: their string arguments are messages.
MESSAGE_CALL = re.compile(r"(Error|Exception|Warning)$|^(warn|warning|debug|info|error|exception|critical|fatal|log)$")
SQL_WORDS = re.compile(r"(?i)\b(select|insert|update|delete|replace)\b")


def is_constant(node):
    """A literal, or a dict, list, tuple or set of literals written out, nested ones too."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return is_constant(node.operand)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(is_constant(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and is_constant(k) for k in node.keys) and all(is_constant(v) for v in node.values)
    return False


def module_constants(tree):
    """The module-level names every assignment of which, anywhere in the module, is a constant written out."""
    constant, other = set(), set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            for name in (t.id for t in ast.walk(target) if isinstance(t, ast.Name)):
                good = isinstance(node, ast.Assign) and isinstance(target, ast.Name) and node in tree.body and is_constant(node.value)
                (constant if good else other).add(name)
    return constant - other


def sql_parts(node):
    """The values a string with SQL words in it is built from (`"SELECT %s" % x`, `"..{}".format(x)`,
    f"..{x}", `"SELECT " + x`; none for `"insert into arc " + "(file_id) values (?)"`, coverage.py's way of
    wrapping a long query), or None for any other node."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, (ast.Constant, ast.JoinedStr)):
        text, right = node.left, node.right
        parts = list(right.elts) if isinstance(right, ast.Tuple) else list(right.values) if isinstance(right, ast.Dict) else [right]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and isinstance(node.func.value, ast.Constant):
        text, parts = node.func.value, list(node.args) + [k.value for k in node.keywords]
    elif isinstance(node, ast.JoinedStr):
        text, parts = node, [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        operands = added_operands(node)
        text = ast.Tuple(elts=[o for o in operands if isinstance(o, ast.Constant)], ctx=ast.Load())
        parts = [o for o in operands if not isinstance(o, ast.Constant)]
    else:
        return None
    words = " ".join(c.value for c in ast.walk(text) if isinstance(c, ast.Constant) and isinstance(c.value, str))
    return parts if SQL_WORDS.search(words) else None


# the quotes SQL dialects put around an identifier: "ANSI", `MySQL`, [SQL Server]
IDENTIFIER_QUOTES = {'"': '"', "`": "`", "[": "]"}
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[a-zA-Z]")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def identifiers_only(node):
    """Whether every value a string built with SQL words takes (sql_parts) goes in between identifier quotes, as a
    table, schema or column name: peewee's `'SELECT name FROM "%s".sqlite_master' % schema`, `` 'SELECT * FROM `%s`'
    % table ``. No bound parameter can carry an identifier."""
    def quoted(before, after):
        return bool(before) and before[-1] in IDENTIFIER_QUOTES and after[:1] == IDENTIFIER_QUOTES[before[-1]]

    def all_placeholders_quoted(text, pattern):
        spans = [m.span() for m in pattern.finditer(text.replace("%%", "  ").replace("{{", "  ").replace("}}", "  "))]
        return bool(spans) and all(quoted(text[:a], text[b:]) for a, b in spans)

    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        return all_placeholders_quoted(node.left.value, PERCENT_PLACEHOLDER)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return all_placeholders_quoted(node.func.value.value, BRACE_PLACEHOLDER)
    if isinstance(node, ast.JoinedStr):
        values = node.values
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        values = added_operands(node)
    else:
        return False
    texts = [v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else None for v in values]
    holes = [i for i, t in enumerate(texts) if t is None]
    return bool(holes) and all(0 < i < len(values) - 1 and texts[i - 1] is not None and texts[i + 1] is not None
                               and quoted(texts[i - 1], texts[i + 1]) for i in holes)


def dict_values_of(node):
    """The values a dict display or comprehension holds, as one expression (its keys left out), or None for
    anything else."""
    if isinstance(node, ast.Dict):
        return ast.List(elts=list(node.values), ctx=ast.Load())
    if isinstance(node, ast.DictComp):
        return ast.ListComp(elt=node.value, generators=node.generators)
    return None


def added_operands(node):
    """The operands of a chain of `+` (`"SELECT " + x + " FROM t"`), left to right."""
    operands, pending = [], [node]
    while pending:
        item = pending.pop()
        if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
            pending += [item.right, item.left]
        else:
            operands.append(item)
    return operands


def char_column(lines, node):
    """The column of a node in characters from 0 (ast counts UTF-8 bytes; ruff counts characters)."""
    line = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else ""
    return len(line.encode("utf-8")[:node.col_offset].decode("utf-8", "replace"))


def char_end_column(lines, node):
    """The column just past a node's end, in characters from 0, as char_column counts its start."""
    line = lines[node.end_lineno - 1] if 0 < node.end_lineno <= len(lines) else ""
    return len(line.encode("utf-8")[:node.end_col_offset].decode("utf-8", "replace"))


class Module:
    def __init__(self, path, module, is_package, text):
        self.path = path
        self.module = module
        self.is_package = is_package
        self.text = text
        self.lines = text.splitlines()
        self.aliases = {}  # local name -> qualified name
        self.imports = []
        self.local_classes = set()
        self.local_functions = set()
        self._comments = None  # line -> text of the comment on it
        self.constant_names = set()  # module-level names only ever assigned a constant written out
        self.opted_in = {}  # id of a call -> the False-by-default parameter that must be true for it to run
        self.digest_purposes = {}  # (line, end line) of a hashlib call -> why its digest protects nothing
        self.sql_texts = {}  # (line, column) -> [kind, parameters] of each string built with SQL words in it

    def comments(self):
        """The comments by the number of their line (tokenized once, when first asked)."""
        if self._comments is None:
            self._comments = {}
            try:
                for token in tokenize.generate_tokens(io.StringIO(self.text).readline):
                    if token.type == tokenize.COMMENT:
                        self._comments[token.start[0]] = token.string
            except (tokenize.TokenError, SyntaxError, IndentationError):
                pass  # the comments read so far are kept; ast has parsed the file, so this hardly happens
        return self._comments

    def comment_lines(self):
        """The numbers of the lines that hold a comment."""
        return self.comments().keys()

    def collect_imports(self, tree):
        kinds = import_kinds(tree)
        read = import_time_reads(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.imports.append({"module": alias.name, "line": node.lineno, "column": node.col_offset, "top_level": node in tree.body,
                                         "kind": kinds.get(id(node), "module"), "as": alias.asname,
                                         "read": (alias.asname or alias.name.split(".")[0]) in read,
                                         "attributes": dict(sorted(read.get(alias.asname or alias.name.split(".")[0], {}).items()))})
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        self.aliases.setdefault(top, top)
            elif isinstance(node, ast.ImportFrom):
                base = resolve_relative(self.module, self.is_package, node.level, node.module) if node.level else (node.module or "")
                for alias in node.names:
                    if alias.name == "*":
                        self.imports.append({"module": base, "line": node.lineno, "column": node.col_offset, "top_level": node in tree.body,
                                             "kind": kinds.get(id(node), "module"), "read": True, "star": True})
                        continue
                    qualified = base + "." + alias.name if base else alias.name
                    self.imports.append({"module": qualified, "line": node.lineno, "column": node.col_offset, "top_level": node in tree.body,
                                         "kind": kinds.get(id(node), "module"), "from": base, "name": alias.name,
                                         "as": alias.asname, "read": (alias.asname or alias.name) in read,
                                         "attributes": dict(sorted(read.get(alias.asname or alias.name, {}).items()))})
                    self.aliases[alias.asname or alias.name] = qualified
        for node in module_definitions(tree):
            if isinstance(node, ast.ClassDef):
                self.local_classes.add(node.name)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.local_functions.add(node.name)

    def qualify(self, name):
        """The qualified name a dotted name refers to through the imports; None for unknown locals."""
        head, _, rest = name.partition(".")
        if head in self.aliases:
            base = self.aliases[head]
        elif head in self.local_classes or head in self.local_functions:
            base = (self.module + "." + head) if self.module else head
        elif head in BUILTINS:
            base = "builtins." + head
        else:
            return None
        return base + ("." + rest if rest else "")


class FunctionScanner:
    """Walks one function body (with the functions and lambdas nested in it, not nested classes) and records what
    the planner needs."""

    def __init__(self, module, function, class_name, attribute_types):
        self.m = module
        self.f = function
        self.class_name = class_name
        self.attribute_types = attribute_types
        self.params = [a.arg for a in self.all_args()]
        self.local_types = {}
        self.derived = {}  # local name -> parameters it was assigned from
        # by what clears a value on its way (injectable_in): local name -> parameters whose text it can carry
        self.carried = {clears: {} for clears in CLEARS}
        # for a local only ever bound to a dict (display or comprehension): what its values alone carry, by what
        # clears; `d.values()` puts no key in (Django's `{f.column: quote_name(f.column) for ..}`)
        self.dict_values = {}
        self.not_dicts = set()  # local names bound to something other than a dict at least once
        self.constant_locals = set()  # local names every assignment of which so far is a constant
        self.variable_locals = set()  # local names assigned something else at least once
        self.quoted_locals = set()  # local names every assignment of which so far is constants or quoted values
        self.unsafe_locals = set()  # local names assigned something unquoted at least once
        self.messages = set()  # ids of the string nodes that are the text of an exception, warning or log message
        self.calls = []
        self.raises = []
        self.excepts = []
        self.comparisons = []
        self.loops = []
        self.none_returns = []
        self.strings = []
        self.closed = set()
        self.assigned_calls = {}  # id of a call node -> the local its result is assigned to
        self.discarded_calls = set()  # ids of the call nodes that are a statement of their own: the result is dropped
        self.returned_calls = set()  # ids of the call nodes the function returns as they are: `return requests.get(..)`
        self.called_lambdas = set()  # ids of the lambdas handed to a call that keeps no function: run within it
        self.yields = False
        self.returns_value = False
        self.nesting = 0  # how deep the walk is inside functions and lambdas nested in this one
        self.functions = [function]  # this function and the nested ones the walk is in, innermost last
        self.string_forms = {}  # local name -> how the string assigned to it was built
        for a in self.all_args():  # `conn: sqlite3.Connection` types later `conn.execute(..)` calls
            name = annotated_class(a.annotation) if a.annotation is not None else None
            kind = self.m.qualify(name) if name else None
            if kind is not None and not kind.startswith("builtins."):
                self.local_types[a.arg] = kind
        self.transactions = 0  # how many enclosing `with` blocks are database transactions
        self.without_factor = loops_without_factor(function)
        self.element_calls = loop_element_calls(function)

    def all_args(self):
        return arguments_of(self.f)

    def scan(self):
        for statement in self.f.body:
            self.visit(statement, [], 0, [], False, False)

    # --- helpers -------------------------------------------------------------------------------------------
    def receiver_type(self, node):
        if isinstance(node, ast.Name):
            if node.id in self.local_types:
                return self.local_types[node.id]
            return self.m.qualify(node.id)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls") and node.attr in self.attribute_types:
                return self.attribute_types[node.attr]
            name = dotted(node)
            if name is not None:
                head = name.split(".")[0]
                if head in self.local_types:
                    return self.local_types[head] + name[len(head):]
                return self.m.qualify(name)
            return None
        if isinstance(node, ast.Call):
            return self.result_type(node)
        return None

    def callee(self, call):
        """(receiver type, method, implicit receiver) of a call."""
        func = call.func
        if isinstance(func, ast.Name):
            qualified = self.m.qualify(func.id)
            if qualified is None or "." not in qualified:
                return None, func.id, True
            owner, _, method = qualified.rpartition(".")
            return owner, method, func.id in self.m.local_functions
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
                return (self.m.module + "." + self.class_name) if self.class_name else None, func.attr, True
            return self.receiver_type(func.value), func.attr, False
        return None, "__call__", False

    def result_type(self, call):
        owner, method, _ = self.callee(call)
        if owner is None:
            return None
        qualified = owner + "." + method
        if qualified in RETURNS:
            return RETURNS[qualified]
        if owner in RETURNS and method == "__call__":
            return RETURNS[owner + ".__call__"] if owner + ".__call__" in RETURNS else None
        if method[:1].isupper():
            return qualified  # a class: its instance
        return None

    def params_in(self, node):
        reached = []
        for child in ast.walk(node):
            if isinstance(child, ast.Name):
                for p in [child.id] if child.id in self.params else self.derived.get(child.id, []):
                    if p not in reached and p not in ("self", "cls"):
                        reached.append(p)
        return reached

    def injectable_in(self, node, clears=None, bound=None):
        """The parameters whose text can reach what `node` makes, as SQL or a command is injected: as params_in, but
        the key a value is looked up by (`KINDS[name]`, `cache[key]`), a number made of the input (`int(x)`,
        `len(x)`) and what a comprehension iterates over but does not put in its elements (`[KINDS[k] for k in
        keys]`) carry none, nor do the bytes of a live object serialized (`pickle.dumps(exc)`); with clears
        "quoting", neither does a value a function named for quoting or escaping returns
        (`preparer.quote_identifier(schema)`); with "opening", neither does the name of a file opened (`open(path)`
        gives the file's bytes, not the path's text)."""
        bound = bound or {}
        reached = []
        for p in self.injectable_parts(node, clears, bound):
            if p not in reached and p not in ("self", "cls"):
                reached.append(p)
        return reached

    def injectable_parts(self, node, clears, bound):
        if clears == "leading":
            return self.past_leading_parts(node, bound)
        if isinstance(node, ast.Name):
            if node.id in bound:
                return bound[node.id]
            return [node.id] if node.id in self.params else self.carried[clears].get(node.id, [])
        if isinstance(node, ast.Compare):
            return []  # a truth value
        if isinstance(node, ast.Subscript):  # the key only chooses the entry: `cache[key]` holds none of key's text
            return self.injectable_parts(node.value, clears, bound)
        if isinstance(node, ast.IfExp):  # the test only chooses
            return self.injectable_parts(node.body, clears, bound) + self.injectable_parts(node.orelse, clears, bound)
        if isinstance(node, ast.Call):
            name = dotted(node.func) or ""
            qualified = self.m.qualify(name) if name else None
            if name in NUMBERS or qualified in SERIALIZING or qualified in LISTING:
                return []
            if isinstance(node.func, ast.Attribute) and node.func.attr == "values" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in self.dict_values \
                    and node.func.value.id not in bound:
                return self.dict_values[node.func.value.id][clears]
            if clears == "opening" and ((self.m.qualify(name) if name else None) in OPENING
                                        or isinstance(node.func, ast.Attribute) and node.func.attr == "open"):
                return []  # the file's bytes, not its name: `open(path)`, `path.open()`
            arguments = list(node.args) + [k.value for k in node.keywords]
            if QUOTING.search(name):  # what goes in is the arguments, not the quoting function's receiver
                return [] if clears == "quoting" else [p for a in arguments
                                                       for p in self.injectable_parts(a, clears, bound)]
            if isinstance(node.func, ast.Attribute) and node.func.attr in DATABASE_READS:
                return [p for a in arguments for p in self.injectable_parts(a, clears, bound)]
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = dict(bound)
            for generator in node.generators:
                over = self.injectable_in(generator.iter, clears, inner)
                numbers = number_targets(generator)
                for target in ast.walk(generator.target):
                    if isinstance(target, ast.Name):
                        inner[target.id] = [] if target.id in numbers else over
            elements = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            return [p for e in elements for p in self.injectable_parts(e, clears, inner)]
        return [p for child in ast.iter_child_nodes(node) for p in self.injectable_parts(child, clears, bound)]

    def past_leading_parts(self, node, bound):
        """The parameters whose text can reach a path past its leading part: what goes in only in front
        (`os.path.join(root_dir, 'reference')`, `Path(folder) / name`'s `folder`, `path + ".tmp"`) is the folder the
        caller chooses, which no name can climb out of; the parts after it are names a `..` may climb out with. The
        parameters of the parts joined on come before the leading part's own: they name what is opened."""
        def whole(n):
            return self.injectable_parts(n, None, bound)
        if isinstance(node, ast.Name):
            if node.id in bound:
                return bound[node.id]
            # a parameter as it came is the leading part; one rebound (`filename = os.path.join(root, filename)`)
            # carries what its new values do
            return self.carried["leading"].get(node.id, [])
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            return whole(node.right) + self.past_leading_parts(node.left, bound)
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.FormattedValue):
            return [p for v in node.values[1:] for p in whole(v)] + self.past_leading_parts(node.values[0].value, bound)
        if isinstance(node, ast.IfExp):
            return self.past_leading_parts(node.body, bound) + self.past_leading_parts(node.orelse, bound)
        if isinstance(node, ast.BoolOp):  # `output_dir or os.path.abspath(entry.path)`: one of them, whole
            return [p for value in node.values for p in self.past_leading_parts(value, bound)]
        if isinstance(node, (ast.Attribute, ast.Subscript)):  # a path the caller's object holds: `module.__file__`
            return self.past_leading_parts(node.value, bound)
        if isinstance(node, ast.Call) and not node.keywords and node.args \
                and not any(isinstance(a, ast.Starred) for a in node.args):
            name = dotted(node.func) or ""
            qualified = (self.m.qualify(name) if name else None) or ""
            if qualified in PATH_JOINS or name.endswith("path.join"):
                return [p for a in node.args[1:] for p in whole(a)] + self.past_leading_parts(node.args[0], bound)
            if qualified in PATH_KEEPING and len(node.args) == 1:
                return self.past_leading_parts(node.args[0], bound)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args \
                and node.func.attr in ("resolve", "absolute", "expanduser"):
            return self.past_leading_parts(node.func.value, bound)
        return whole(node)

    def constant_table(self, node):
        """A dict, list, tuple or set of constants written out, or a name only ever bound to one."""
        if isinstance(node, ast.Name):
            return node.id in self.constant_locals or node.id in self.m.constant_names and node.id not in self.params
        return is_constant(node)

    def constant_valued(self, node, bound=(), quoted=False):
        """Whether `node` is made of constants only: literals, names bound to constants, and joins, formats and
        comprehensions of them (`", ".join("1" for t in types)` puts no element of `types` in). With quoted, also
        what a function named for quoting or escaping returns, numbers (`len(keys)`) and locals only ever bound to
        such values (Django's `table = quote_name(self._table)`): nothing goes in unquoted."""
        def safe(child, names=bound):
            return self.constant_valued(child, names, quoted)
        if isinstance(node, ast.Name):
            return node.id in bound or node.id in self.constant_locals or quoted and node.id in self.quoted_locals \
                or node.id in self.m.constant_names and node.id not in self.params
        if quoted and isinstance(node, ast.Call) and (QUOTING.search(dotted(node.func) or "")
                                                      or dotted(node.func) in NUMBERS):
            return True
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            targets = set(bound)
            for g in node.generators:
                if safe(g.iter, targets):
                    targets |= {t.id for t in ast.walk(g.target) if isinstance(t, ast.Name)}
                else:
                    targets |= number_targets(g)
            return safe(node.elt, targets)
        if isinstance(node, ast.Subscript) and self.constant_table(node.value) or isinstance(node, ast.Compare):
            return True  # an entry of a table of constants; a truth value
        if isinstance(node, ast.IfExp):
            return safe(node.body) and safe(node.orelse)
        if isinstance(node, ast.Call):
            receiver_constant = isinstance(node.func, ast.Attribute) and safe(node.func.value)
            return (receiver_constant or dotted(node.func) in NUMBERS) \
                and all(safe(a) for a in list(node.args) + [k.value for k in node.keywords])
        if isinstance(node, (ast.Constant, ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.UnaryOp, ast.BoolOp,
                             ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Subscript, ast.Slice, ast.Starred)):
            return all(safe(c) for c in ast.iter_child_nodes(node)
                       if not isinstance(c, (ast.expr_context, ast.operator, ast.unaryop, ast.boolop, ast.cmpop)))
        return False

    def bind(self, name, value):
        """What a local assigned `value` carries, over all its assignments seen so far (branches are not told
        apart): the parameters whose text may reach it, and whether every value it was given is a constant."""
        for clears, carried in self.carried.items():
            for p in self.injectable_in(value, clears):
                carried.setdefault(name, [])
                if p not in carried[name]:
                    carried[name].append(p)
        values = dict_values_of(value)
        if values is None or name in self.not_dicts:
            self.not_dicts.add(name)
            self.dict_values.pop(name, None)
        else:
            by_clears = self.dict_values.setdefault(name, {clears: [] for clears in CLEARS})
            for clears, carried in by_clears.items():
                carried.extend(p for p in self.injectable_in(values, clears) if p not in carried)
        if name not in self.unsafe_locals and self.constant_valued(value, quoted=True):
            self.quoted_locals.add(name)
        else:
            self.quoted_locals.discard(name)
            self.unsafe_locals.add(name)
        if name not in self.variable_locals and (is_constant(value) or self.constant_valued(value)):
            self.constant_locals.add(name)
        else:
            self.constant_locals.discard(name)
            self.variable_locals.add(name)

    def mark_messages(self, node):
        """The strings of a raised exception, and of the arguments of an exception, warning or log call, are
        messages: SQL words in them are no query."""
        if isinstance(node, ast.Raise):
            roots = [n for n in (node.exc, node.cause) if n is not None]
        elif isinstance(node, ast.Call) and MESSAGE_CALL.search((dotted(node.func) or "").rpartition(".")[2] or "-"):
            roots = list(node.args) + [k.value for k in node.keywords]
        else:
            return
        for root in roots:
            self.messages.update(id(n) for n in ast.walk(root))

    def sql_text(self, node):
        """A string built with SQL words in it (what ruff's S608 reports), and what goes into it: `parameter` (a
        parameter of the function, unquoted), `identifier` (parameters, each between identifier quotes as a table or
        schema name: identifiers_only), `quoted` (parameters only quoted or escaped), `constant` (constants
        only), `message` (the text of an exception or log message) or `other` (values of the program)."""
        parts = sql_parts(node)
        if parts is None:
            return
        key = (node.lineno, char_column(self.m.lines, node))
        if key in self.m.sql_texts:
            return  # the inner `+` of a chain already seen
        unquoted = self.injectable_in(ast.Tuple(elts=parts, ctx=ast.Load()), "quoting")
        reached = self.injectable_in(ast.Tuple(elts=parts, ctx=ast.Load()))
        if id(node) in self.messages:
            kind, names = "message", []
        elif unquoted:
            kind, names = "identifier" if identifiers_only(node) else "parameter", unquoted
        elif reached:
            kind, names = "quoted", reached
        elif all(self.constant_valued(p) for p in parts):  # none at all too
            kind, names = "constant", []
        elif all(self.constant_valued(p, quoted=True) for p in parts):
            kind, names = "quoted", []
        else:
            kind, names = "other", []
        self.m.sql_texts[key] = [kind, names]

    # --- the walk ------------------------------------------------------------------------------------------
    def visit(self, node, caught_by, loop_depth, loops_open, in_except, in_with):
        if isinstance(node, ast.ClassDef):
            return  # its own scope
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            self.nested_function(node, caught_by, loop_depth, loops_open, in_except, in_with)
            return
        self.mark_messages(node)
        self.sql_text(node)
        if isinstance(node, (ast.Yield, ast.YieldFrom)) and self.nesting == 0:
            self.yields = True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(self.strings) < 50 and len(node.value) <= 200:
            self.strings.append(node.value)
        if isinstance(node, ast.Expr):
            value = node.value.value if isinstance(node.value, ast.Await) else node.value
            if isinstance(value, ast.Call):
                self.discarded_calls.add(id(value))
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            self.assigned(node.targets[0], node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self.assigned(node.target, node.value)
        if isinstance(node, ast.Return) and self.nesting == 0:
            if node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None):
                self.none_returns.append(node.lineno)
            else:
                self.returns_value = True
                value = node.value.value if isinstance(node.value, ast.Await) else node.value
                if isinstance(value, ast.Call):
                    self.returned_calls.add(id(value))
        if isinstance(node, ast.Compare):
            self.compare(node)
        if isinstance(node, ast.Subscript) and dotted(node.value) is not None:
            name = dotted(node.value)
            if self.m.qualify(name) == "os.environ" and isinstance(node.ctx, ast.Load):
                self.record_call(node, "os.environ", "__getitem__", False, caught_by, loop_depth, loops_open, in_with, 1)
        if isinstance(node, ast.Raise):
            self.raise_site(node, caught_by, in_except)
        if isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            handlers = node.handlers
            types = []
            for h in handlers:
                types.extend(self.handler_types(h))
            for statement in node.body:
                self.visit(statement, types + caught_by, loop_depth, loops_open, in_except, in_with)
            # a loop that tries candidates until one works (jinja2's ChoiceLoader): a failure moves on to the next;
            # so does one that yields the candidates that work (jedi's find_virtualenvs, `yield Environment(..)` /
            # `except InvalidPythonEnvironment: pass`), or continues where the try worked and does the rest otherwise
            tries_next = bool(loops_open) and any(isinstance(n, (ast.Return, ast.Break, ast.Continue, ast.Yield,
                                                                 ast.YieldFrom)) for n in walk_own_scope(node))
            keeps_default = self.keeps_default(node)
            for h in handlers:
                self.except_site(h, bool(node.orelse), keeps_default or tries_next or self.tries_another_way(node)
                                 or self.removes_if_present(node, h) or self.looks_up(node, h)
                                 or self.uses_if_present(node, h)
                                 or self.sets_if_possible(node, h) or self.tests_membership(node, h)
                                 or self.calls_if_present(node, h) or self.returns_if_possible(node, h)
                                 or self.caller_chosen(h) or self.runs_until_empty(node, h) or self.times_out(node, h)
                                 or self.reads_until_closed(node, h)
                                 or self.suppresses_for_callers(node) or self.closes_if_possible(node, h)
                                 or self.converts_if_given(node, h) or self.edits_if_present(node, h)
                                 or self.forwards_if_supported(node, h) or self.awaits_cancelled_task(node, h)
                                 or self.raises_after(node) or self.reads_optional_environment(node, h)
                                 or not loops_open and self.stops_when_told(h)
                                 or bool(loops_open) and self.skips_missing(node, h)
                                 or bool(loops_open) and self.keeps_numbers(node, h), node.lineno,
                                 self.only_cleans_up(node), self.returns_if_possible(node, h, any_type=True))
                for statement in h.body:
                    self.visit(statement, caught_by, loop_depth, loops_open, True, in_with)
            for statement in node.orelse + node.finalbody:
                self.visit(statement, caught_by, loop_depth, loops_open, in_except, in_with)
            for statement in node.finalbody:
                for child in ast.walk(statement):
                    if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr == "close" and isinstance(child.func.value, ast.Name):
                        self.closed.add(child.func.value.id)
            return
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            loop = self.loop(node, len(loops_open) + 1)
            loop["growth_depth"] = self.enclosing_growth(loops_open) + (0 if id(node) in self.without_factor else 1)
            index = len(self.loops)
            self.loops.append(loop)
            if isinstance(node, (ast.For, ast.AsyncFor)):
                self.visit(node.iter, caught_by, loop_depth, loops_open, in_except, in_with)
                for p in self.params_in(node.iter):
                    if isinstance(node.target, ast.Name):
                        self.derived.setdefault(node.target.id, []).append(p)
                for name in (t.id for t in ast.walk(node.target) if isinstance(t, ast.Name)):
                    self.bind(name, node.iter)
            else:
                self.visit(node.test, caught_by, loop_depth + 1, loops_open + [index], in_except, in_with)
            for statement in node.body:
                self.visit(statement, caught_by, loop_depth + 1, loops_open + [(index, loop["over_collection"])], in_except, in_with)
            for statement in node.orelse:
                self.visit(statement, caught_by, loop_depth, loops_open, in_except, in_with)
            return
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            # tqdm's `[check_call(['tput', i]) for i in ('cols', 'lines')]` runs twice whatever the input
            over_collection = any(iterates_collection(g.iter) for g in node.generators)
            for generator in node.generators:
                loop = {"kind": "comprehension", "line": node.lineno, "depth": len(loops_open) + 1,
                        "over_collection": over_collection,
                        "text": "for " + text_of(self.m.lines, generator.target) + " in " + text_of(self.m.lines, generator.iter),
                        "over": "element of `" + text_of(self.m.lines, generator.iter, 60) + "`",
                        "growth_depth": self.enclosing_growth(loops_open) + (0 if id(generator) in self.without_factor else 1)}
                self.loops.append(loop)
            index = len(self.loops) - 1
            # the first iterable is evaluated once, where the comprehension stands; the rest runs per element
            first = node.generators[0].iter
            self.visit(first, caught_by, loop_depth, loops_open, in_except, in_with)
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.comprehension):
                    parts = [child.target] + ([child.iter] if child is not node.generators[0] else []) + list(child.ifs)
                else:
                    parts = [child]
                for part in parts:
                    self.visit(part, caught_by, loop_depth + 1, loops_open + [(index, over_collection)], in_except,
                               in_with)
            return
        if isinstance(node, (ast.With, ast.AsyncWith)):
            transaction = False
            for item in node.items:
                self.visit(item.context_expr, caught_by, loop_depth, loops_open, in_except, True)
                if item.optional_vars is not None and isinstance(item.optional_vars, ast.Name):
                    self.assigned(item.optional_vars, item.context_expr)
                transaction = transaction or self.is_transaction(item.context_expr)
            self.transactions += 1 if transaction else 0
            for statement in node.body:
                self.visit(statement, caught_by, loop_depth, loops_open, in_except, in_with)
            self.transactions -= 1 if transaction else 0
            return
        if isinstance(node, ast.Call):
            owner, method, implicit = self.callee(node)
            self.record_call(node, owner, method, implicit, caught_by, loop_depth, loops_open, in_with, len(node.args) + len(node.keywords))
            if isinstance(node.func, ast.Attribute) and node.func.attr == "close" and isinstance(node.func.value, ast.Name):
                self.closed.add(node.func.value.id)
            if not keeps(node):
                self.called_lambdas.update(id(a) for a in list(node.args) + [k.value for k in node.keywords]
                                           if isinstance(a, ast.Lambda))
            for child in ast.iter_child_nodes(node):
                self.visit(child, caught_by, loop_depth, loops_open, in_except, False)
            return
        for child in ast.iter_child_nodes(node):
            self.visit(child, caught_by, loop_depth, loops_open, in_except, in_with)

    def nested_function(self, node, caught_by, loop_depth, loops_open, in_except, in_with):
        """A function or lambda defined inside this one is part of it, as a lambda or a local class is part of a Java
        method: its calls, raises and handlers are this function's (ruff's C901 counts a nested function's
        complexity in its enclosing function too). Its returns and yields are its own, and its body runs when it is
        called, not where it stands: outside the loops, try, except and with blocks around its definition. Its
        decorators and default values are evaluated where it stands. A lambda handed to a call that keeps no
        function runs within that call (paramiko's `retry_on_signal(lambda: sock.connect(addr))` inside `try: ..
        except socket.error`): the handlers around the call catch what it raises."""
        for expression in evaluated_where_defined(node):
            self.visit(expression, caught_by, loop_depth, loops_open, in_except, in_with)
        self.nesting += 1
        self.functions.append(node)
        caught_there = caught_by if id(node) in self.called_lambdas else []
        for statement in node.body if isinstance(node.body, list) else [node.body]:
            self.visit(statement, caught_there, 0, [], False, False)
        self.functions.pop()
        self.nesting -= 1

    def is_transaction(self, expr):
        """`with conn:` of a DB-API connection (commits or rolls back), `with engine.begin()`, `session.begin()`,
        `transaction.atomic()`, `conn.transaction()`."""
        if isinstance(expr, ast.Call) and isinstance(expr.func, (ast.Attribute, ast.Name)):
            name = expr.func.attr if isinstance(expr.func, ast.Attribute) else expr.func.id
            if name in ("begin", "atomic", "transaction", "begin_nested"):
                return True
        kind = self.receiver_type(expr) or ""
        if kind.split(".")[0] in ("sqlite3", "psycopg2", "psycopg") and kind.lower().endswith("connection"):
            return True
        # `with conn:` / `with self.db:` on an untyped name: by its name (a lock here only hides writes, never adds)
        name = (dotted(expr) or "").split(".")[-1].lower()
        return isinstance(expr, (ast.Name, ast.Attribute)) and any(w in name for w in ("conn", "database", "db", "session", "transaction"))

    def assigned(self, target, value):
        if isinstance(target, ast.Name):
            if isinstance(value, ast.Call):
                self.assigned_calls[id(value)] = target.id
            kind = self.receiver_type(value) if isinstance(value, ast.Call) else None
            if kind is not None:
                self.local_types[target.id] = kind
            reached = self.params_in(value)
            if reached:
                self.derived[target.id] = reached
            self.bind(target.id, value)
            form = self.string_form(value)
            if form in BUILT_FORMS or form == "append":
                self.string_forms[target.id] = form

    def record_call(self, node, owner, method, implicit, caught_by, loop_depth, loops_open, in_with, arguments):
        collection = -1
        for entry in reversed(loops_open):
            if isinstance(entry, tuple) and entry[1]:
                collection = entry[0]
                break
        self.calls.append({
            "type": owner, "method": method, "line": node.lineno, "loop_depth": loop_depth, "in_with": in_with,
            "params_reached": self.params_in(node), "text": text_of(self.m.lines, node), "implicit": implicit,
            "arguments": arguments, "caught_by": list(caught_by), "collection_loop": collection,
            "assigned_to": self.assigned_calls.get(id(node)),
            "keywords": [k.arg for k in node.keywords if k.arg] if isinstance(node, ast.Call) else [],
            "shell_true": isinstance(node, ast.Call) and sets_shell(node),
            "facts": (self.facts(node) if isinstance(node, ast.Call) else [])
            + (["loop-stops-early"] if collection >= 0 and self.loops[collection].get("stops_early") else [])
            + (["on-loop-element"] if collection >= 0 and id(node) in self.element_calls else []),
        })

    # --- argument facts for the security and data-integrity rules -----------------------------------------
    def string_form(self, node):
        """How a (string) argument is made: literal, fstring, concat, percent, format, join (os.path.join),
        div (a pathlib `/`), append (the function's input only in front: `path + ".tmp"`), list, name, call,
        other; a local assigned from a built string keeps that form."""
        if isinstance(node, ast.Constant):
            return "literal"
        if isinstance(node, ast.JoinedStr):
            if not any(isinstance(v, ast.FormattedValue) for v in node.values):
                return "literal"
            # input only in front (f"{path}.tmp") extends what the caller gave; it cannot escape a base
            return "append" if not self.params_in(ast.Module(body=[ast.Expr(v) for v in node.values[1:]], type_ignores=[])) \
                and self.params_in(node.values[0]) else "fstring"
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, (ast.Add, ast.Div)):
                left = node
                while isinstance(left, ast.BinOp) and isinstance(left.op, type(node.op)):
                    left = left.left
                rest = [n.right for n in ast.walk(node) if isinstance(n, ast.BinOp)]
                if self.params_in(left) and not any(self.params_in(r) for r in rest):
                    return "append"
                return "concat" if isinstance(node.op, ast.Add) else "div"
            if isinstance(node.op, ast.Mod) and isinstance(node.left, (ast.Constant, ast.JoinedStr)):
                return "percent"
            return "other"
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr == "format" and isinstance(node.func.value, ast.Constant):
                return "format"
            if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and (dotted(node.func) or "").endswith("path.join"):
                return "join" if any(self.params_in(a) for a in node.args[1:]) or not node.args else "append"
            return "call"
        if isinstance(node, (ast.List, ast.Tuple)):
            return "list"
        if isinstance(node, ast.Name):
            return self.string_forms.get(node.id, "name")
        return "other"

    def facts(self, call):
        """`name=value` of each keyword argument (constants as Python writes them, names dotted, else `<expr>`),
        `**=` for a `**kwargs` argument, `arg0=`/`arg1=` the form of the first two positional arguments, `in0=` the
        parameters whose text the first one can carry (injectable_in), `in0quoted` when each goes in only quoted or
        escaped (Django's `"SELECT * FROM %s" % quote_name(table_name)`), `in0opened` when each only names a file
        whose bytes go in (sphinx's `with open(path.join(self.doctreedir, docname + '.doctree'), 'rb') as f:` /
        `pickle.load(f)`), `in0leading` when each only makes a path's leading part, the folder the rest is in (tornado's
        `os.path.join(directory, path)` over `os.listdir(directory)`), else `in0past=` those that reach past it when
        not all do (boto3's `root_dir` does not, its `session`, whose services name the files, does), `in0whole` when
        it is a parameter passed on as it came (passed_whole), `argN'=` a positional string constant's value (e.g.
        open's mode), `argNname=` a positional dotted name, qualified (`os.devnull`), `opted_in=` the parameter
        defaulting to False that must be true for the call to run (opted_in_calls), `digest=` why a hashlib call's
        digest protects nothing (forwarded: it passes on its function's `usedforsecurity`, fallback, websocket,
        random: see the sites of those names), `transaction` inside a `with` block of a database connection or
        transaction, `discarded` for a call that is a statement of its own (what it returns, an exit status say, is
        dropped), and `returned` for one the function returns as it is (sphinx's `return requests.get(url,
        **kwargs)` wrapper: its callers get what the call gives, and its failures)."""
        out = []
        for k in call.keywords:
            if k.arg is None:
                out.append("**=" + (text_of(self.m.lines, k.value, 40) or "kwargs"))
            elif isinstance(k.value, ast.Constant):
                out.append(k.arg + "=" + repr(k.value.value)[:60])
            elif dotted(k.value) is not None:
                out.append(k.arg + "=" + (self.m.qualify(dotted(k.value)) or dotted(k.value)))
            else:
                out.append(k.arg + "=<expr>")
        for i, arg in enumerate(call.args[:2]):
            if isinstance(arg, ast.Starred):
                out.append("*=args")
                break
            form = self.string_form(arg)
            out.append("arg%d=%s" % (i, form))
            reached = self.injectable_in(arg) if i == 0 else []
            if reached:
                out.append("in0=" + ",".join(reached))
                if not self.injectable_in(arg, "quoting"):
                    out.append("in0quoted")
                if not self.injectable_in(arg, "opening"):
                    out.append("in0opened")
                past_leading = self.injectable_in(arg, "leading") if form in BUILT_FORMS else reached
                if not past_leading:
                    out.append("in0leading")
                elif past_leading != reached:
                    out.append("in0past=" + ",".join(past_leading))
                if passed_whole(arg, self.functions):
                    out.append("in0whole")
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and len(arg.value) <= 60:
                out.append("arg%d'=%s" % (i, arg.value))
            elif dotted(arg) is not None and "." in dotted(arg):
                out.append("arg%dname=%s" % (i, self.m.qualify(dotted(arg)) or dotted(arg)))
        if id(call) in self.m.opted_in:
            out.append("opted_in=" + self.m.opted_in[id(call)])
        purpose = self.m.digest_purposes.get((call.lineno, call.end_lineno))
        if purpose and (self.m.qualify(dotted(call.func) or "") or "").startswith("hashlib."):
            out.append("digest=" + purpose)
        if self.transactions > 0:
            out.append("transaction")
        if id(call) in self.discarded_calls:
            out.append("discarded")
        if id(call) in self.returned_calls:
            out.append("returned")
        return out

    def handler_types(self, handler):
        if handler.type is None:
            return ["BaseException"]
        nodes = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        return [dotted(n) or text_of(self.m.lines, n) for n in nodes]

    def keeps_default(self, try_node):
        """Whether the try block sets a variable that has a value before it and is read after it: an empty handler
        then keeps the default, which the code after the try checks (rich's `lexer = None`, `try: lexer =
        guess_lexer(..)`, `except ClassNotFound: pass`, `if not lexer: ...`)."""
        def names(nodes, ctx):
            return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}
        set_in_try = names(try_node.body, ast.Store)
        if not set_in_try:
            return False
        # a parameter has its value from the start (dateutil's `offset = offset.total_seconds()` for a timedelta),
        # one of a nested function too (celery's `delivery_mode=None` of the sender its task factory makes)
        params = set(self.params) | {a.arg for f in self.functions if hasattr(f, "args") for a in arguments_of(f)}
        before = {n.id for n in ast.walk(self.f) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
                  and n.lineno < try_node.lineno and n.id in set_in_try} | (set_in_try & params)
        end = getattr(try_node, "end_lineno", None) or try_node.lineno
        after = [n for n in ast.walk(self.f) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                 and n.lineno > end and n.id in before]
        return bool(after)

    def looks_up(self, try_node, handler):
        """Whether the try only returns or assigns what an item lookup finds and the handler catches only a missing
        key or index: `d.get(k)` written out (dateutil's `return self._weekdays[name.lower()]` / `except KeyError:
        pass` / `return None`; docutils' `self.requirements[name] = packages[env]` / `except KeyError: pass`), or an
        attribute `getattr(obj, name)` finds and the handler catches only AttributeError (mako's iter_fields, "only
        yielding existing fields"), or a position `list.index(x)` finds and the handler catches only ValueError
        (dateutil's `return self._cachecomp[self._cachedate.index(dt)]`, under a lock), where a missing entry is an
        answer, not a failure; or does one thing (returns, assigns, calls, or reads
        a file it opens) and the handler catches only exceptions named for a lookup that found nothing (Django's
        `return reverse(url_name, ..)` / `except NoReverseMatch: pass`, `.get(pk=..).delete()` / `except
        DoesNotExist: pass`, its file cache's `with open(fname, 'rb')` / `except FileNotFoundError: pass`, celery's
        `with self.open(filename, 'rb')`)."""
        if self.searches_until_not_found(try_node, handler):
            return True
        # entries looked up first (perhaps each handed to one call) and only used after, by no other lookup nor call
        # but built-ins and the clock (jedi's time cache, `expiry, value = dct[key]` / `if expiry > time.time():
        # return value` / `except KeyError: pass`: a cache miss; starlette's `if_none_match =
        # request_headers["if-none-match"]`, `etag = response_headers["etag"]` / `if if_none_match == etag: return
        # True`: a header that is not there)
        def entry(value):
            return isinstance(value, ast.Subscript) or isinstance(value, ast.Call) and not value.keywords \
                and len(value.args) == 1 and isinstance(value.args[0], ast.Subscript)

        # imports of what is looked up come first (prompt_toolkit's `from ..vt100 import ANSI_COLORS_TO_RGB` / `r, g,
        # b = ANSI_COLORS_TO_RGB[color]`): a missing entry is the only KeyError
        imports = 0
        while imports < len(try_node.body) and isinstance(try_node.body[imports], (ast.Import, ast.ImportFrom)):
            imports += 1
        lookups = imports
        while lookups < len(try_node.body) and isinstance(try_node.body[lookups], ast.Assign) \
                and entry(try_node.body[lookups].value) and all(only_names(t) for t in try_node.body[lookups].targets):
            lookups += 1
        if imports < lookups < len(try_node.body) and handler.type is not None \
                and all(t in MISSING_ENTRY_ERRORS for t in self.handler_types(handler)) \
                and not any(isinstance(n, ast.Subscript) or isinstance(n, ast.Call) and not (
                    dotted(n.func) in BUILTINS or (dotted(n.func) or "").startswith("time."))
                    for s in try_node.body[lookups:] for n in ast.walk(s)):
            return True
        statement = try_node.body[0] if len(try_node.body) == 1 else None
        if statement is None or handler.type is None:
            return False
        if all(not_found(t) for t in self.handler_types(handler)) and (
                isinstance(statement, (ast.Return, ast.Assign)) or isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Call)
                or isinstance(statement, ast.With) and any(
                    isinstance(i.context_expr, ast.Call)
                    and (dotted(i.context_expr.func) or "").rpartition(".")[2] == "open" for i in statement.items)):
            return True  # the one thing the try does with what it looks up, only where found
        if isinstance(statement, (ast.With, ast.AsyncWith)) and len(statement.body) == 1 \
                and not any(isinstance(i.context_expr, ast.Call) for i in statement.items):
            statement = statement.body[0]  # under a lock (dateutil's `with self._cache_lock:`)
        types = self.handler_types(handler)
        if isinstance(statement, ast.Expr) and isinstance(statement.value, (ast.Yield, ast.YieldFrom)):
            statement = statement.value
        if not isinstance(statement, (ast.Return, ast.Assign, ast.Yield, ast.YieldFrom)):
            return False
        value = statement.value
        nodes = list(ast.walk(value)) if value is not None else []
        entry = any(isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load) for n in nodes)
        attribute = any(isinstance(n, ast.Call) and dotted(n.func) == "getattr" and len(n.args) == 2 for n in nodes)
        # `getattr(..., None)` written out along a chain (kombu's `return self.__connection__ or
        # self.channel.connection.client` / `except AttributeError: pass`)
        chain = any(isinstance(n, ast.Attribute) for n in nodes) and not any(isinstance(n, ast.Call) for n in nodes)
        # an element taken where there is one (kombu's `yield acc.popleft()` / `except IndexError: pass`)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
                and value.func.attr in ("pop", "popleft", "popitem") and all(t in MISSING_ENTRY_ERRORS for t in types):
            return True
        # a list searched with index(..), ValueError when it holds no such element (dateutil's cache of components)
        if types == ["ValueError"] and any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                                           and n.func.attr == "index" for n in nodes):
            return True
        # a number read from an entry: its absence, or a value that is no number (Django's `int(cc['max-age'])`)
        converted = isinstance(value, ast.Call) and dotted(value.func) in CONVERSIONS and entry
        return entry and all(t in MISSING_ENTRY_ERRORS or converted and t in ("ValueError", "TypeError") for t in types) \
            or (attribute or chain) and types == ["AttributeError"]

    def searches_until_not_found(self, try_node, handler):
        """Whether the handler catches only ValueError and the try's only calls that may raise it are string or list
        searches (`index`, `rindex`), the others moving list elements: the search found no more, which ends the work
        (scrapy's cookie domains, `start = domain.index(".", start) + 1` in a loop / `except ValueError: pass`), or
        found nothing to move (kombu's round robin, `items.append(items.pop(items.index(last_used)))`)."""
        if handler.type is None or self.handler_types(handler) != ["ValueError"]:
            return False
        calls = [n for s in try_node.body for n in ast.walk(s) if isinstance(n, ast.Call)]
        searches = [c for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr in ("index", "rindex")]
        return bool(searches) and all(c in searches or isinstance(c.func, ast.Attribute)
                                      and c.func.attr in ("append", "extend", "pop", "insert") for c in calls)

    def tries_another_way(self, try_node):
        """Whether the try returns its result and the code that runs when it falls through is another try that
        returns one too: a chain of ways to the same result, where a failure moves on to the next (tornado's
        cpu_count, `_value_from_stopiteration`; twisted's safe_str, whose first try decodes bytes inside an `if`), as
        a loop over candidates does."""
        if not any(isinstance(s, ast.Return) for s in try_node.body):
            return False
        following = self.code_after(try_node)
        return isinstance(following, (ast.Try, getattr(ast, "TryStar", ast.Try))) and \
            any(isinstance(s, ast.Return) for s in following.body)

    def next_statement(self, statement):
        return self.place(statement)[1]

    def place(self, statement):
        """The compound statement whose block holds `statement` (an except clause counts as its try), and the
        statement after it in that block, or None."""
        node, statements, index = self.block_of(statement)
        return node, statements[index + 1] if node is not None and index + 1 < len(statements) else None

    def block_of(self, statement):
        """The compound statement whose block holds `statement` (an except clause counts as its try), that block,
        and the statement's index in it; (None, [], -1) when no block of the function holds it."""
        for node in ast.walk(self.f):
            blocks = [getattr(node, field, None) for field in ("body", "orelse", "finalbody")] \
                + [handler.body for handler in getattr(node, "handlers", [])]
            for statements in blocks:
                if isinstance(statements, list) and statement in statements:
                    return node, statements, statements.index(statement)
        return None, [], -1

    def code_after(self, statement):
        """What runs when `statement` falls through: the next statement of its block, or else the one after the
        if, with or try that holds the block (not past a loop, whose next round comes first)."""
        while statement is not None:
            holder, following = self.place(statement)
            if following is not None or not isinstance(holder, (ast.If, ast.With, ast.AsyncWith, ast.Try,
                                                                 getattr(ast, "TryStar", ast.Try))):
                return following
            statement = holder
        return None

    def removes_if_present(self, try_node, handler):
        """Whether the try only removes an entry and the handler catches what its absence raises: `del d[k]` /
        `except KeyError: pass` is `d.pop(k, None)`, the entry is gone either way (tornado's header clean-up; attrs'
        `delattr(cls, name)` / `except AttributeError: pass`; networkx's remove_nodes_from, `del self._node[n]` and
        then only deletes of what hangs on it), or calls a removing method of the project and the handler catches a
        named failure (networkx's `self.remove_edge(*e[:3])` / `except NetworkXError: pass`, "silently ignored"), or
        removes a file and the handler catches a failure of the file system (pytest's `os.unlink(dest)` /
        `except OSError: pass`), or pops an element it does not keep (sphinx's `objects.pop()` / `except IndexError:
        pass`): it is gone, or was never there."""
        if handler.type is None:
            return False
        types = self.handler_types(handler)
        # a log line saying what is removed (pip's `logger.verbose("Removing entry: %s", entry)`) changes nothing
        body = [s for s in try_node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Call)
                                                 and self.is_logging(s.value))] or try_node.body
        first = body[0]

        def deletes(statement):
            return isinstance(statement, ast.Delete) and all(
                isinstance(t, (ast.Subscript, ast.Attribute)) for t in statement.targets) \
                or isinstance(statement, ast.For) and not statement.orelse and all(deletes(s) for s in statement.body)
        if isinstance(first, ast.Delete) and all(deletes(s) for s in body) \
                and all(t in MISSING_ENTRY_ERRORS or not_found(t) for t in types):
            return True  # Django's `del SITE_CACHE[Site.objects.get(pk=pk).domain]` / `except (KeyError, Site.DoesNotExist)`
        if len(body) != 1:
            return False
        statement = first
        removes = isinstance(statement, ast.Delete) and all(
            isinstance(t, (ast.Subscript, ast.Attribute)) for t in statement.targets) or \
            isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and (
                isinstance(statement.value.func, ast.Attribute) and statement.value.func.attr in ("remove", "pop")
                or isinstance(statement.value.func, ast.Name) and statement.value.func.id == "delattr")
        if removes and all(t in ABSENT_ERRORS for t in types):
            return True
        call = statement.value if isinstance(statement, ast.Expr) else None
        method = call.func.attr if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) else ""
        # a removal the project or a library names so: networkx's remove_edge, a poller's `unregister(fd)` (kombu)
        if (method.lower().startswith(("remove_", "delete_", "discard_", "unregister_"))
                or method in ("unregister", "unsubscribe", "discard")) \
                and not any(t in ("Exception", "BaseException") for t in types):
            return True
        # a file removed where it is: `os.unlink(dest)` / `except OSError: pass` (pytest's numbered-dir clean-up)
        call = statement.value if isinstance(statement, ast.Expr) else None
        name = (dotted(call.func) or "") if isinstance(call, ast.Call) else ""
        removes_file = name in ("os.unlink", "os.remove", "os.rmdir", "os.removedirs", "shutil.rmtree") \
            or isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in ("unlink", "remove", "rmdir")
        return removes_file and all(t in FILE_ERRORS or t.endswith("Error") and t not in ("Exception", "BaseException")
                                    for t in types)

    def uses_if_present(self, try_node, handler):
        """Whether the try takes one entry by a constant key and only passes it on or stores it, and the handler
        catches only a missing entry: an optional entry used where present, `if "pid" in data: kw["pid"] =
        str(data.pop("pid"))` written out (networkx's GEXF writer, `pid = node_data.pop("pid")` / `kw["pid"] =
        str(pid)` / `except KeyError: pass`; its pydot export, `P.set_node_defaults(**N.graph["node"])`; sphinx's
        `sep = parts.pop(0)` / `node += nodes.Text(sep)` / `except IndexError: pass`), or takes one value by a call
        and only stores it, the handler catching only exceptions named for a lookup that found nothing (sphinx's
        optional theme keys, `value = self.config.get('theme', key)` / `setattr(self, key, value)` / `except
        NoOptionError: pass`)."""
        types = self.handler_types(handler) if handler.type is not None else []
        missing_entry = all(t in MISSING_ENTRY_ERRORS for t in types)
        if not types or not (missing_entry or all(not_found(t) for t in types)) or len(try_node.body) > 4:
            return False

        def constant_lookup(node):
            return isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) \
                and isinstance(node.slice, ast.Constant) \
                or isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "pop" \
                and len(node.args) == 1 and isinstance(node.args[0], ast.Constant) and not node.keywords

        def lookups(statement):
            return [n for n in ast.walk(statement) if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load)
                    or isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "pop"]

        def plain(node):  # names, constants, attributes, and conversions or constructors of them
            return all(isinstance(n, (ast.Name, ast.Constant, ast.Subscript, ast.Attribute, ast.Store, ast.Load))
                       or isinstance(n, ast.Call) and (dotted(n.func) in ("str", "int", "float", "repr")
                                                       or (dotted(n.func) or "").rpartition(".")[2][:1].isupper())
                       for n in ast.walk(node))

        def stores_plainly(statement):  # `kw["pid"] = str(pid)`: nothing here raises a missing entry
            if isinstance(statement, ast.If) and not statement.orelse and not lookups(statement.test):
                return all(stores_plainly(s) for s in statement.body)  # `if prefix is None: prefix = ''`
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
                    and dotted(statement.value.func) == "setattr" and not statement.value.keywords:
                return all(plain(a) and not lookups(a) for a in statement.value.args)
            return isinstance(statement, (ast.Assign, ast.AugAssign)) and not lookups(statement) and plain(statement.value)
        first, rest = try_node.body[0], try_node.body[1:]
        if not missing_entry:  # the one call that may find nothing, its value only stored
            return isinstance(first, ast.Assign) and len(first.targets) == 1 and isinstance(first.targets[0], ast.Name) \
                and isinstance(first.value, ast.Call) and not lookups(first) and bool(rest) \
                and all(stores_plainly(s) for s in rest)
        found = lookups(first)
        if len(found) != 1 or not constant_lookup(found[0]) or not all(stores_plainly(s) for s in rest):
            return False
        return isinstance(first, ast.Assign) and len(first.targets) == 1 and isinstance(first.targets[0], ast.Name) \
            and first.value is found[0] \
            or isinstance(first, ast.Expr) and isinstance(first.value, ast.Call) and any(
                k.arg is None and k.value is found[0] for k in first.value.keywords) and not rest

    def sets_if_possible(self, try_node, handler):
        """Whether the try only sets one attribute and the handler catches what an object that does not allow it
        raises: `method.__qualname__ = ...` / `except AttributeError: pass` decorates where it can (attrs' method
        dunders, functools.update_wrapper's own loop); the object is left as it was otherwise."""
        if len(try_node.body) != 1 or handler.type is None:
            return False
        statement = try_node.body[0]
        sets = isinstance(statement, ast.Assign) and all(isinstance(t, ast.Attribute) for t in statement.targets) or \
            isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and \
            isinstance(statement.value.func, ast.Name) and statement.value.func.id == "setattr"
        return sets and all(t in ABSENT_ERRORS | {"TypeError"} for t in self.handler_types(handler))

    def calls_if_present(self, try_node, handler):
        """Whether the try only calls one method of an object and the handler catches only the AttributeError of an
        object without it (or also a stream's missing capability): the method is called where the object has one
        (docutils closes its output with `self.destination.close()` / `except AttributeError: pass`, "ignored if it
        has no close() method"; Django's `self.seek(0)` / `except (AttributeError, UnsupportedOperation): pass`)."""
        types = self.handler_types(handler) if handler.type is not None else []
        if len(try_node.body) != 1 or "AttributeError" not in types or not set(types) <= {"AttributeError"} | EXPECTED_ERRORS:
            return False
        statement = try_node.body[0]
        return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
            and isinstance(statement.value.func, ast.Attribute)

    def returns_if_possible(self, try_node, handler, any_type=False):
        """Whether the try is a fast path that returns what it finds when it can, the handler catches only a named
        failure of that (not Exception), and the code after the try is the other way: it does work or raises
        (SQLAlchemy's pool: `c = self._conn.current()` / `if c: return c` / `except AttributeError: pass`, then makes
        a connection; its `Constraint.table` raises "not bound to a table" after; idna's ASCII fast path,
        `label.encode('ascii')` / `except UnicodeEncodeError: pass`, then punycode), or returns a value that is no
        constant (the caller's default, a configured one: Django's `return t.to_language()` / `except
        AttributeError: pass` / `return settings.LANGUAGE_CODE`) or a non-empty text (pip's `return "pip"` when
        `sys.argv` gives no program name), or the try returns True after a check and the code
        after returns False (a check by exception). The fast path may read a file it opens (sphinx's FileAvoidWrite:
        `with open(path) as f:` / `if f.read() == buf: return` / `except OSError: pass`, then writes the file). A
        fallback that only returns a constant (`return None`) turns the failure into a value: that stays reported.
        With `any_type` the handler may catch anything (ldap3's formatters, `return datetime.fromtimestamp(..)` /
        `except Exception: pass` / `return raw_value`): the fallback is meant, but a bug in the try is lost too."""
        def reads_file(statement):  # `with open(path)`, opened for reading only
            def reading(call):
                mode = call.args[1] if len(call.args) > 1 else next(
                    (k.value for k in call.keywords if k.arg == "mode"), ast.Constant("r"))
                return isinstance(mode, ast.Constant) and isinstance(mode.value, str) \
                    and not set(mode.value) & set("wax+")
            return isinstance(statement, ast.With) and all(
                isinstance(i.context_expr, ast.Call) and dotted(i.context_expr.func) in ("open", "io.open")
                and reading(i.context_expr) for i in statement.items)

        def returns(statement):
            return isinstance(statement, ast.Return) or isinstance(statement, ast.If) \
                and all(isinstance(s, ast.Return) for s in statement.body + statement.orelse) \
                or reads_file(statement) and any(returns(s) for s in statement.body)

        def finds(statement):  # a local set, a check, or a result returned: nothing outside changes
            return returns(statement) and not reads_file(statement) or isinstance(statement, ast.Assign) \
                and all(isinstance(t, ast.Name) for t in statement.targets) \
                or isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
                or isinstance(statement, ast.If) and not statement.orelse \
                and all(isinstance(s, (ast.Return, ast.Raise)) for s in statement.body) \
                or reads_file(statement) and all(finds(s) for s in statement.body)
        if not any_type and (handler.type is None or any(t in ("Exception", "BaseException")
                                                         for t in self.handler_types(handler))) \
                or len(try_node.body) > 4 or not all(finds(s) for s in try_node.body) \
                or not any(returns(s) for s in try_node.body):
            return False
        following = self.code_after(try_node)
        if isinstance(following, ast.Return) and following.value is not None:
            value = following.value
            if not isinstance(value, ast.Constant):
                return True  # the caller's default, a configured one (Django's `return settings.LANGUAGE_CODE`)
            if isinstance(value.value, str) and value.value:
                return True  # a named default (pip's program name: `return "pip"`), not an empty answer
            # a check by exception: `check(x)` / `return True` in the try, `return False` after (Django's validators)
            last = try_node.body[-1]
            return isinstance(value.value, bool) and isinstance(last, ast.Return) \
                and isinstance(last.value, ast.Constant) and last.value.value is (not value.value)
        return following is not None and (isinstance(following, ast.Raise)
                                          or any(isinstance(n, ast.Call) for n in ast.walk(following)))

    def skips_missing(self, try_node, handler):
        """Whether the try, in a loop, does one thing with what it looks up by key or index and the handler catches
        only a missing entry: the loop skips the elements the mapping lacks (networkx's set_node_attributes,
        `G.nodes[n].update(d)` / `except KeyError: pass`, "values for nodes not in G are ignored")."""
        if len(try_node.body) != 1 or handler.type is None \
                or not all(t in MISSING_ENTRY_ERRORS for t in self.handler_types(handler)):
            return False
        statement = try_node.body[0]
        return isinstance(statement, (ast.Assign, ast.AugAssign, ast.Expr)) and any(
            isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load) for n in ast.walk(statement))

    def runs_until_empty(self, try_node, handler):
        """Whether the handler catches only the IndexError of popping an empty list that a `while` loop in the try
        pops: the work ends when its stack runs out (networkx's find_cliques, `Q.pop()` / `stack.pop()`)."""
        if handler.type is None or self.handler_types(handler) != ["IndexError"]:
            return False
        return any(isinstance(loop, ast.While) and any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "pop" and not n.args
            for n in ast.walk(loop)) for s in try_node.body for loop in ast.walk(s))

    def reads_until_closed(self, try_node, handler):
        """Whether the try is one endless loop with no `break`, and the handler catches only exceptions named for a
        stream or connection that ended: that is the loop's way out (starlette's `iter_text`, `while True: yield
        await self.receive_text()` / `except WebSocketDisconnect: pass`; `except EOFError` after reading records)."""
        types = self.handler_types(handler) if handler.type is not None else []
        if len(try_node.body) != 1 or not types or not all(ENDED_STREAM.search(t.rpartition(".")[2]) for t in types):
            return False
        loop = try_node.body[0]
        return isinstance(loop, ast.While) and not loop.orelse and isinstance(loop.test, ast.Constant) \
            and bool(loop.test.value) and not any(isinstance(n, ast.Break) for n in walk_outside_loops(loop))

    def times_out(self, try_node, handler):
        """Whether the handler catches only a timeout and the try waits with a `timeout=` it gives: nothing arrived
        in time, which is an answer, and the caller polls again or moves on (celery's worker loop,
        `connection.drain_events(timeout=2.0)` / `except socket.timeout: pass`)."""
        types = self.handler_types(handler) if handler.type is not None else []
        if not types or not all(t.rpartition(".")[2] in TIMEOUT_ERRORS for t in types):
            return False
        # `asyncio.wait_for(aw, timeout)` takes its timeout second (websockets' `wait_for(.., self.close_timeout)`)
        return any(isinstance(n, ast.Call) and (any(k.arg == "timeout" for k in n.keywords)
                                                or (dotted(n.func) or "").rpartition(".")[2] == "wait_for"
                                                and len(n.args) >= 2)
                   for n in walk_own_scope(try_node))

    def closes_if_possible(self, try_node, handler):
        """Whether the try only closes, stops or cancels something and the handler catches only a failure of the
        operating system: a close that fails leaves nothing to undo (celery's pool, `sock.close()` / `except
        OSError: pass`; anyio's `send_eof`, `self._transport.write_eof()`; redis' disconnect, `self._writer.close()`
        and `await self._writer.wait_closed()` under `if` tests; falcon's stream wrapper, `self._stream.close()` /
        `except (AttributeError, TypeError)`, a stream with no close or one that is no method)."""
        # the failures of the connection or channel being closed, named by the handler (kombu's `except
        # self.connection_errors + self.channel_errors:`), or of the socket under it; never Exception
        types = self.handler_types(handler) if handler.type is not None else []
        return bool(types) and all(t in FILE_ERRORS or t.rpartition(".")[2] in TIMEOUT_ERRORS
                                   or "connection_errors" in t or "channel_errors" in t
                                   or t in ("socket.error", "AttributeError", "ValueError", "TypeError") for t in types) \
            and self.only_closes(try_node)

    def only_cleans_up(self, try_node):
        """Whether the try block only closes, stops, cancels or removes something: what only_closes says, or the
        removal of a file or folder (sphinx's `shutil.rmtree(self.rootdir)` of its temporary theme folder,
        `os.remove(tmp)`)."""
        def removes(statement):
            if isinstance(statement, ast.If):
                return all(removes(s) for s in statement.body + statement.orelse)
            value = statement.value if isinstance(statement, ast.Expr) else None
            return isinstance(value, ast.Call) and (self.m.qualify(dotted(value.func) or "") in REMOVING
                                                    or isinstance(value.func, ast.Attribute) and value.func.attr == "unlink")
        return all(removes(s) for s in try_node.body) or self.only_closes(try_node)

    @staticmethod
    def only_closes(try_node):
        """Whether the try block only closes, stops, cancels or shuts down something (`value.close()`,
        `server.stop()`, `await writer.wait_closed()`, Django's `closer()` over its response's resource closers, under
        `if` tests or not): a failure it loses is one of the close, with nothing left to undo."""
        def closes(statement):
            value = statement.value.value if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Await) \
                else getattr(statement, "value", None)
            if isinstance(statement, ast.Expr):
                name = getattr(value.func, "attr", None) or getattr(value.func, "id", "") if isinstance(value, ast.Call) else ""
                return CLOSING.search(name) is not None
            return isinstance(statement, ast.If) and all(closes(s) for s in statement.body + statement.orelse)
        return all(closes(s) for s in try_node.body)

    def awaits_cancelled_task(self, try_node, handler):
        """Whether the try only awaits a task that an earlier statement of its block cancelled, and the handler
        catches only CancelledError: the task's own end, the way asyncio's documentation waits for a cancelled task
        (falcon's `watcher.cancel()` / `try: await watcher` / `except asyncio.CancelledError: pass`)."""
        types = self.handler_types(handler) if handler.type is not None else []
        statement = try_node.body[0] if len(try_node.body) == 1 else None
        awaited = statement.value.value if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Await) \
            else None
        task = dotted(awaited) if isinstance(awaited, (ast.Name, ast.Attribute)) else None
        if not task or not types or not all(t.rpartition(".")[2] == "CancelledError" for t in types):
            return False
        _, block, index = self.block_of(try_node)
        return any(isinstance(x, ast.Expr) and isinstance(x.value, ast.Call) and isinstance(x.value.func, ast.Attribute)
                   and x.value.func.attr == "cancel" and dotted(x.value.func.value) == task for x in block[:index])

    def forwards_if_supported(self, try_node, handler):
        """Whether the try only hands the function's own operation on to a delegate (a call of a method named as the
        function) and the handler names NotImplementedError, with at most the other failures of an object without
        the operation or no longer able to do it: the delegate need not support it, and then there is nothing to
        forward (aiohttp's `pause_reading`, `self.transport.pause_reading()` / `except (AttributeError,
        NotImplementedError, RuntimeError): pass`)."""
        types = self.handler_types(handler) if handler.type is not None else []
        statement = try_node.body[0] if len(try_node.body) == 1 else None
        call = getattr(statement, "value", None) if isinstance(statement, ast.Expr) else None
        call = call.value if isinstance(call, ast.Await) else call
        return "NotImplementedError" in types and all(t in UNSUPPORTED_ERRORS for t in types) \
            and isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
            and call.func.attr == getattr(self.f, "name", None)

    def converts_if_given(self, try_node, handler):
        """Whether the try starts by converting a parameter to a number and the handler catches only the TypeError of
        a value that is none: a parameter left at None skips the check or option the try adds (redis' `if
        int(count) < 0: raise DataError(..)`, then `pieces.extend([b"COUNT", count])` / `except TypeError: pass`)."""
        if handler.type is None or self.handler_types(handler) != ["TypeError"]:
            return False
        first = try_node.body[0]
        test = first.test if isinstance(first, ast.If) else first
        return any(isinstance(n, ast.Call) and dotted(n.func) in CONVERSIONS and len(n.args) == 1
                   and isinstance(n.args[0], ast.Name) and n.args[0].id in self.params for n in ast.walk(test))

    def edits_if_present(self, try_node, handler):
        """Whether the try only reads entries, sets entries of entries and removes entries, and the handler catches
        only a missing entry: the edit is made where the entries are there (redis' rename, `fields["json"] =
        fields["$"]`, `del fields["$"]`; kombu's `payload['headers']['redelivered'] = True`, and its `exchange, _ =
        self._fanout_queues[queue]`, `self._fanout_to_queue.pop(exchange)` / `except KeyError: pass`)."""
        def looks_up(statement):
            return isinstance(statement, ast.Assign) and (
                isinstance(statement.value, ast.Subscript)
                or all(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Subscript) for t in statement.targets))

        def removes(statement):
            return isinstance(statement, ast.Delete) and all(isinstance(t, ast.Subscript) for t in statement.targets) \
                or isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
                and isinstance(statement.value.func, ast.Attribute) and statement.value.func.attr == "pop"
        return handler.type is not None and all(t in MISSING_ENTRY_ERRORS for t in self.handler_types(handler)) \
            and any(looks_up(s) for s in try_node.body) and all(looks_up(s) or removes(s) for s in try_node.body)

    def raises_after(self, try_node):
        """Whether the statement after the try raises: an empty handler hands the failure on as another one (redis'
        `yield await self.get_master_address()` / `except MasterNotFoundError: pass` / `raise
        SlaveNotFoundError(..)`), nothing disappears."""
        return isinstance(self.code_after(try_node), ast.Raise)

    def suppresses_for_callers(self, try_node):
        """Whether the try only yields in a context manager: the function is a `contextlib.suppress` of its own,
        and a caller uses it to ignore those failures in its block (pip's `suppressed_cache_errors`, "if we can't
        access the cache then we can just skip caching")."""
        function = self.functions[-1] if self.functions else None
        return len(try_node.body) == 1 and isinstance(try_node.body[0], ast.Expr) \
            and isinstance(try_node.body[0].value, ast.Yield) \
            and any((dotted(d.func if isinstance(d, ast.Call) else d) or "").rpartition(".")[2]
                    in ("contextmanager", "asynccontextmanager") for d in getattr(function, "decorator_list", []))

    def caller_chosen(self, handler):
        """Whether the handler catches only exception types the caller passed in (more-itertools' `map_except(function,
        iterable, *exceptions)` / `except exceptions: pass`): ignoring them is what the caller asked for."""
        return handler.type is not None and all(t in self.params for t in self.handler_types(handler))

    def keeps_numbers(self, try_node, handler):
        """Whether the try only adds an element converted to a number, or replaces one with its number, and the
        handler catches only the ValueError of one that is none: the loop keeps the numbers and skips the rest
        (SQLAlchemy's `version.append(int(n))` over the parts of a version string; distutils' LooseVersion,
        `components[i] = int(obj)`, which leaves the words as they are)."""
        if len(try_node.body) != 1 or handler.type is None or "ValueError" not in self.handler_types(handler) \
                or not set(self.handler_types(handler)) <= {"ValueError", "TypeError"}:
            return False
        statement = try_node.body[0]
        if isinstance(statement, ast.Assign):
            return isinstance(statement.value, ast.Call) and dotted(statement.value.func) in CONVERSIONS \
                and all(isinstance(t, ast.Subscript) for t in statement.targets)
        return isinstance(statement, ast.Expr) and any(isinstance(n, ast.Call) and dotted(n.func) in CONVERSIONS
                                                       for n in ast.walk(statement))

    def reads_optional_environment(self, try_node, handler):
        """Whether the handler catches only KeyError, the try's only lookups are of `os.environ` and its only calls
        split, strip or collect text: an environment variable used where it is set (distutils' MSVC compiler,
        `for p in os.environ['path'].split(';'): self.__paths.append(p)` / `except KeyError: pass`)."""
        if handler.type is None or self.handler_types(handler) != ["KeyError"]:
            return False
        nodes = [n for s in try_node.body for n in ast.walk(s)]
        lookups = [n for n in nodes if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load)]
        calls = [n for n in nodes if isinstance(n, ast.Call)]
        return bool(lookups) and all(self.m.qualify(dotted(n.value) or "") == "os.environ" for n in lookups) \
            and all(isinstance(c.func, ast.Attribute) and c.func.attr in TEXT_AND_LIST_METHODS for c in calls)

    def tests_membership(self, try_node, handler):
        """Whether the try only tests membership (`if value in self.truthy: return True`, each branch returning or
        raising) and the handler catches only the TypeError an unhashable value raises: such a value is in no set or
        dict, so the answer is no and the code after the try goes on (marshmallow's Boolean field and NoneOf)."""
        def membership(statement):
            return isinstance(statement, ast.If) and not statement.orelse \
                and isinstance(statement.test, ast.Compare) and len(statement.test.ops) == 1 \
                and isinstance(statement.test.ops[0], (ast.In, ast.NotIn)) \
                and all(isinstance(s, (ast.Return, ast.Raise)) for s in statement.body)
        return handler.type is not None and self.handler_types(handler) == ["TypeError"] \
            and all(membership(s) for s in try_node.body)

    def documents_letting_go(self):
        """Whether the docstring of the function the handler is in, or of one it is nested in, says the function lets
        failures go (click's `safecall`, "Wraps a function so that it swallows exceptions"; kombu's
        `maybe_close_channel`, "ignore connection and channel errors"): the author meant it and said so."""
        docs = [ast.get_docstring(f) or "" for f in self.functions if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))]
        return any(DOCUMENTED_LETTING_GO.search(d) and not TO_DO.search(d) for d in docs)

    def except_site(self, handler, try_has_else, lets_go=False, try_line=None, only_cleans_up=False,
                    falls_back=False):
        body = [s for s in handler.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        empty = all(isinstance(s, ast.Pass) for s in body) or (len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant))
        only_logs = bool(body) and all(isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and self.is_logging(s.value) for s in body)
        rethrows = False
        lost_cause = False
        for child in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
            if isinstance(child, ast.Raise):
                rethrows = True
                if child.exc is not None and child.cause is None and handler.name is not None:
                    uses = any(isinstance(n, ast.Name) and n.id == handler.name for n in ast.walk(child.exc))
                    if not uses and not (isinstance(child.exc, ast.Name) and child.exc.id == handler.name):
                        lost_cause = True
                elif child.exc is not None and child.cause is None and handler.name is None:
                    lost_cause = True
        # the caught exception itself passed to a call other than a log line (a future's set_exception(e))
        hands_on = handler.name is not None and any(
            isinstance(n, ast.Call) and not self.is_logging(n)
            and any(isinstance(a, ast.Name) and a.id == handler.name for a in list(n.args) + [k.value for k in n.keywords])
            for n in ast.walk(ast.Module(body=handler.body, type_ignores=[])))
        header = "except" + ((" " + text_of(self.m.lines, handler.type)) if handler.type is not None else "") + ((" as " + handler.name) if handler.name else "") + ":"
        # an expected failure (optional dependency, exhausted iterator), the failure branch of a try/else, an empty
        # handler with a comment saying why, one that keeps a default the code after checks or moves on to the next
        # candidate of a loop: letting the failure go is the point
        types = self.handler_types(handler)
        empty_body = bool(empty or not body)
        # a comment on the handler, over it, or on its `try:` line (redis' `try:  # try to set the attribute. may be
        # provided without value` / `except IndexError: pass`)
        explained = empty_body and (any(line in self.m.comment_lines()
                                        for line in range(handler.lineno, (handler.end_lineno or handler.lineno) + 1))
                                    or self.comment_above(handler) or try_line in self.m.comment_lines()
                                    or try_line is not None and self.says_ignored_above(try_line)
                                    or self.documents_letting_go())
        # a finalizer has no caller to tell: Python only prints "Exception ignored in" for what escapes it
        in_finalizer = getattr(self.f, "name", None) == "__del__"
        # outside a coroutine nothing is being cancelled: a cancelled future's result in a done-callback (tornado's
        # with_timeout); inside `async def` swallowing it stops the task's cancellation, and stays reported
        cancellation_seen = all(t.split(".")[-1] == "CancelledError" for t in types) and \
            not isinstance(self.functions[-1], ast.AsyncFunctionDef)
        # what a create raises when the thing is there already (`os.makedirs(path)` / `except FileExistsError`,
        # celery's `CREATE TABLE` / `except cassandra.AlreadyExists`), or a tuple of types named to be ignored
        # (celery's `except IGNORE_ERRORS:`): the handler says it means it
        there_already = all(t.rpartition(".")[2] in ("FileExistsError", "AlreadyExists", "AlreadyExistsError")
                            for t in types)
        # what signalling a process raises when it has exited already (anyio's `process.kill()` / `except
        # ProcessLookupError: pass`): the process is gone, as the kill wanted; psutil's own names for a process that
        # ended between being listed and being read (`for pid in pids(): .. Process(pid).ppid()` / `except
        # (NoSuchProcess, ZombieProcess): pass`)
        gone_already = all(t.rpartition(".")[2] in ("ProcessLookupError", "NoSuchProcess", "ZombieProcess")
                           for t in types)
        named_ignored = len(types) == 1 and "IGNORE" in types[0].rpartition(".")[2].upper()
        deliberate = try_has_else or all(t in EXPECTED_ERRORS for t in types) or explained or cancellation_seen or \
            there_already or gone_already or named_ignored or (empty_body and (lets_go or in_finalizer))
        self.excepts.append({"types": types, "line": handler.lineno, "empty": empty_body,
                             "only_logs": only_logs, "rethrows": rethrows, "hands_on": hands_on, "lost_cause": lost_cause,
                             "bare": handler.type is None,
                             "deliberate": deliberate, "only_cleans_up": only_cleans_up,
                             "falls_back": falls_back, "text": header})

    def stops_when_told(self, handler):
        """Whether the handler catches only a request to stop: the user's Ctrl-C (KeyboardInterrupt), with Ctrl-D's
        EOFError or an exit (SystemExit, aiohttp's GracefulExit), or the kill of the greenlet it runs in
        (GreenletExit). Outside a loop the function then ends quietly, as asked (bottle's and werkzeug's `run`,
        Django's autoreloader, gunicorn's and eventlet's greenlet workers); in a loop it would make the loop deaf to
        the request, and stays reported."""
        types = [t.rpartition(".")[2] for t in self.handler_types(handler)]
        return any(t in ("KeyboardInterrupt", "GreenletExit") for t in types) \
            and all(t in ("KeyboardInterrupt", "EOFError") or t.endswith("Exit") for t in types)

    def comment_above(self, handler):
        """Whether the nearest non-blank line above the `except` is a comment of its own at the `except`'s
        indentation: the reason written over the clause (requests' `# App Engine hackiness.`)."""
        line = handler.lineno - 1
        while line >= 1 and not self.m.lines[line - 1].strip():
            line -= 1
        if line < 1:
            return False
        above = self.m.lines[line - 1]
        clause = self.m.lines[handler.lineno - 1]
        return above.strip().startswith("#") and len(above) - len(above.lstrip()) == len(clause) - len(clause.lstrip())

    def says_ignored_above(self, try_line):
        """Whether a comment of its own among the three lines over the `try` says the failure is let go (tornado's
        `# Block until the serving loop is done, but ignore any exceptions` over an assert and the try; pip's `# If
        for any reason rustc --version fails, silently ignore it`), and is no to-do."""
        comments = self.m.comments()
        texts = [comments[line] for line in range(max(1, try_line - 3), try_line)
                 if line in comments and self.m.lines[line - 1].lstrip().startswith("#")]
        return any(LETTING_GO.search(t) for t in texts) and not any(TO_DO.search(t) for t in texts)

    @staticmethod
    def is_logging(call):
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in LOGGING

    def raise_site(self, node, caught_by, in_except):
        kind = None
        message = None
        exc = node.exc
        while isinstance(exc, ast.Call) and isinstance(exc.func, ast.Attribute) and exc.func.attr == "with_traceback":
            exc = exc.func.value  # `raise value.with_traceback(tb)` raises `value` (peewee's and six's reraise)
        if isinstance(exc, ast.Call):
            kind = dotted(exc.func)
            if exc.args and isinstance(exc.args[0], ast.Constant) and isinstance(exc.args[0].value, str):
                message = exc.args[0].value
            elif exc.args and isinstance(exc.args[0], ast.JoinedStr):
                message = text_of(self.m.lines, exc.args[0])
        elif isinstance(exc, (ast.Name, ast.Attribute)):
            name = dotted(exc)
            # a class raised without arguments (`raise KeyError`) names its type; a variable is a re-raise
            kind = name if name and name.split(".")[-1][:1].isupper() else None
        self.raises.append({"type": kind, "message": message, "line": node.lineno, "in_except": in_except,
                            "text": text_of(self.m.lines, node), "caught_by": list(caught_by)})

    def compare(self, node):
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            symbol = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}.get(type(op))
            if symbol is not None:
                name, constant, flipped = self.named_constant(left, right)
                if name is not None:
                    if flipped:
                        symbol = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(symbol, symbol)
                    self.comparisons.append({"name": name, "operator": symbol, "constant": constant, "line": node.lineno})
            left = right

    def named_constant(self, left, right):
        for a, b, flipped in ((left, right, False), (right, left, True)):
            value = b.value if isinstance(b, ast.Constant) else None
            if isinstance(b, ast.UnaryOp) and isinstance(b.op, ast.USub) and isinstance(b.operand, ast.Constant):
                value = -b.operand.value if isinstance(b.operand.value, (int, float)) and not isinstance(b.operand.value, bool) else None
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if isinstance(value, float) and not value.is_integer():
                continue
            if abs(value) > 2 ** 62:
                continue
            if isinstance(a, ast.Name):
                return a.id, int(value), flipped
            if isinstance(a, ast.Call) and isinstance(a.func, ast.Name) and a.func.id == "len" and len(a.args) == 1 and isinstance(a.args[0], ast.Name):
                return "len(" + a.args[0].id + ")", int(value), flipped
            if isinstance(a, ast.Attribute) and dotted(a) is not None:
                return dotted(a), int(value), flipped
        return None, None, False

    def enclosing_growth(self, loops_open):
        """How many of the loops around a new one multiply the work (see loops_without_factor)."""
        if not loops_open:
            return 0
        innermost = loops_open[-1]
        return self.loops[innermost[0] if isinstance(innermost, tuple) else innermost]["growth_depth"]

    def loop(self, node, depth):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            over_collection = iterates_collection(node.iter)
            text = ("async for " if isinstance(node, ast.AsyncFor) else "for ") + text_of(self.m.lines, node.target) + " in " + text_of(self.m.lines, node.iter)
            return {"kind": "for", "line": node.lineno, "depth": depth, "over_collection": over_collection, "text": text,
                    "over": ("element of `" + text_of(self.m.lines, node.iter, 60) + "`") if over_collection else None,
                    "stops_early": stops_early(node)}
        return {"kind": "while", "line": node.lineno, "depth": depth, "over_collection": False,
                "text": "while " + text_of(self.m.lines, node.test), "over": None, "stops_early": stops_early(node)}


def stops_early(loop):
    """The loop has a `break` of its own or a `return` (not one of a nested function): it can end before its last
    element, as a loop that tries candidates in turn until one works does (paramiko's connect, each address family)."""
    def walk(statements, own):
        for s in statements:
            if isinstance(s, ast.Return) or own and isinstance(s, ast.Break):
                return True
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            nested_loop = isinstance(s, LOOPS)
            for field in ("body", "orelse", "finalbody"):
                if walk(getattr(s, field, []) or [], own and not (nested_loop and field == "body")):
                    return True
            if walk([c for h in getattr(s, "handlers", []) for c in h.body], own) or \
                    walk([c for case in getattr(s, "cases", []) for c in case.body], own):
                return True
        return False
    return walk(loop.body, True)


# builtins whose result holds no more than their arguments do
ELEMENT_VIEWS = {"enumerate", "sorted", "reversed", "list", "tuple", "set", "frozenset", "iter", "zip", "filter", "map", "len"}


def loops_without_factor(function):
    """The ids of the loops (for statements and comprehension generators) that add no factor to the running time:
    over elements written out in the code (`for editor in "vim", "nano"`, `range(3)`), which run a fixed number of
    times, or over what an element of a loop around them holds, or a local computed from one (`for item in value`
    inside `for key, value in d.items()`), which together visit each nested element once. A `range` loop's target is
    an index, not an element, and a name read only in a subscript's slice or as a `range` bound does not count
    (`for j in range(i)`, `xs[i + 1:]`: the pairs of one list grow as its square)."""
    without = set()

    def fixed(iterable):
        return written_out(iterable) or is_range(iterable) and all(isinstance(a, ast.Constant) for a in iterable.args)

    def reads(node, names):
        """The expression is, or is read from, one of the names: an attribute, item or method result of it, or a
        builtin over it (`enumerate(row)`, `range(len(row))`; not `range(i)`). A call of something else that only
        takes it as an argument (`reachable(graph, node)`) may return more than the element holds: not counted."""
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
            return reads(node.value, names)
        if is_range(node):
            return any(reads(c.args[0], names) for c in ast.walk(node)
                       if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "len" and c.args)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                return reads(node.func.value, names)
            return isinstance(node.func, ast.Name) and node.func.id in ELEMENT_VIEWS and any(reads(a, names) for a in node.args)
        if isinstance(node, (ast.BinOp, ast.BoolOp, ast.Compare, ast.UnaryOp, ast.Tuple, ast.List, ast.IfExp)):
            return any(reads(c, names) for c in ast.iter_child_nodes(node))
        return False

    def bound(target, iterable):
        return set() if is_range(iterable) else {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}

    def visit(node, names):
        if isinstance(node, ast.ClassDef):
            return
        if isinstance(node, (ast.For, ast.AsyncFor)):
            visit(node.iter, names)
            if fixed(node.iter) or reads(node.iter, names):
                without.add(id(node))
            inner = names | bound(node.target, node.iter)  # the body's own copy: what it assigns stays in it
            for statement in node.body:
                visit(statement, inner)
            for statement in node.orelse:
                visit(statement, names)
            return
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = set(names)
            for generator in node.generators:
                visit(generator.iter, inner)
                if fixed(generator.iter) or reads(generator.iter, inner):
                    without.add(id(generator))
                inner |= bound(generator.target, generator.iter)
                for condition in generator.ifs:
                    visit(condition, inner)
            for part in (getattr(node, "elt", None), getattr(node, "key", None), getattr(node, "value", None)):
                if part is not None:
                    visit(part, inner)
            return
        if names and isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and reads(node.value, names):
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        if names and isinstance(node, ast.withitem) and node.optional_vars is not None and reads(node.context_expr, names):
            names |= {n.id for n in ast.walk(node.optional_vars) if isinstance(n, ast.Name)}
        for child in ast.iter_child_nodes(node):
            visit(child, names)

    for statement in function.body:
        visit(statement, set())
    return without


def loop_element_calls(function):
    """The ids of the calls that work on the element of the innermost loop around them: the receiver or an argument
    mentions the `for` loop's target, or a local computed from it (`os.path.isdir(path)`, `open(os.path.join(root,
    name))` for each name of a listing): the loop's own work on each element, not the same call repeated. Not
    inside a `while` (no element) nor a nested function or lambda (it may run elsewhere)."""
    found = set()

    def mentions(node, names):
        return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node))

    def visit(node, names):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return
        if isinstance(node, (ast.For, ast.AsyncFor)):
            visit(node.iter, names)
            inner = {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
            for statement in node.body:
                visit(statement, inner)
            for statement in node.orelse:
                visit(statement, names)
            return
        if isinstance(node, ast.While):
            visit(node.test, names)
            for statement in node.body + node.orelse:
                visit(statement, set())
            return
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
            for child in ast.iter_child_nodes(node):
                visit(child, inner)
            return
        if names and isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and mentions(node.value, names):
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        if names and isinstance(node, ast.Call):
            operands = ([node.func.value] if isinstance(node.func, ast.Attribute) else []) + list(node.args) + \
                [k.value for k in node.keywords]
            if any(mentions(o, names) for o in operands):
                found.add(id(node))
        for child in ast.iter_child_nodes(node):
            visit(child, names)

    for statement in function.body:
        visit(statement, set())
    return found


def annotation(node, lines):
    return None if node is None else text_of(lines, node, 120)


def function_model(module, node, class_name, attribute_types):
    scanner = FunctionScanner(module, node, class_name, attribute_types)
    scanner.scan()
    decorators = [dotted(d.func if isinstance(d, ast.Call) else d) or text_of(module.lines, d, 60) for d in node.decorator_list]
    a = node.args
    positional = list(a.posonlyargs) + list(a.args)
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    params = []
    for arg, default in zip(positional, defaults):
        params.append({"name": arg.arg, "annotation": annotation(arg.annotation, module.lines),
                       "default": None if default is None else text_of(module.lines, default, 80), "kind": "positional"})
    if a.vararg:
        params.append({"name": a.vararg.arg, "annotation": annotation(a.vararg.annotation, module.lines), "default": None, "kind": "var_positional"})
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        params.append({"name": arg.arg, "annotation": annotation(arg.annotation, module.lines),
                       "default": None if default is None else text_of(module.lines, default, 80), "kind": "keyword_only"})
    if a.kwarg:
        params.append({"name": a.kwarg.arg, "annotation": annotation(a.kwarg.annotation, module.lines), "default": None, "kind": "var_keyword"})
    kind = "function"
    if class_name is not None:
        kind = "staticmethod" if "staticmethod" in decorators else "classmethod" if "classmethod" in decorators else "method"
        if kind != "staticmethod" and params and params[0]["kind"] == "positional":
            params = params[1:]  # self / cls
    source = " ".join(" ".join(module.lines[node.lineno - 1:node.end_lineno or node.lineno]).split())
    return {
        "name": node.name, "kind": kind, "async": isinstance(node, ast.AsyncFunctionDef), "line": first_line(node),
        "end_line": getattr(node, "end_lineno", node.lineno) or node.lineno, "decorators": decorators, "params": params,
        "returns": annotation(node.returns, module.lines), "body_hash": hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()[:16],
        "cyclomatic": 1 + mccabe(node.body), "none_returns": scanner.none_returns,
        "implicit_none": not scanner.yields and not ends_without_falling_through(node.body) and scanner.returns_value,
        "raises": scanner.raises, "excepts": scanner.excepts, "comparisons": scanner.comparisons, "loops": scanner.loops,
        "calls": scanner.calls, "strings": scanner.strings, "closed": sorted(scanner.closed),
        "generator": scanner.yields, "returns_value": scanner.returns_value,
    }


def mccabe(statements):
    """The decisions ruff's C901 counts (McCabe's, as the mccabe plugin of flake8): `if`/`elif`, loops, `except`
    clauses, a `try`'s `else`, `match` cases, and a nested function with its own; not boolean operators, conditional
    expressions or comprehensions, which PMD counts for Java. The figure is the one ruff reports, so a function's
    complexity reads the same in every row."""
    count = 0
    for s in statements:
        if isinstance(s, ast.If):
            count += 1 + mccabe(s.body)
            # an `elif` is an If alone in the orelse: counted by the recursion; a plain `else` adds no decision
            count += mccabe(s.orelse)
        elif isinstance(s, (ast.For, ast.AsyncFor, ast.While)):
            count += 1 + mccabe(s.body) + mccabe(s.orelse)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            count += mccabe(s.body)
        elif isinstance(s, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            count += mccabe(s.body) + (1 if s.orelse else 0) + mccabe(s.orelse) + mccabe(s.finalbody)
            count += sum(1 + mccabe(h.body) for h in s.handlers)
        elif isinstance(s, getattr(ast, "Match", ())):
            # each case is a decision but a last one that matches anything (`case _:`, `case rest:`), as ruff counts
            last = s.cases[-1]
            catch_all = last.guard is None and matches_anything(last.pattern)
            count += len(s.cases) - (1 if catch_all else 0) + sum(mccabe(case.body) for case in s.cases)
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            count += 1 + mccabe(s.body)
        elif isinstance(s, ast.ClassDef):
            count += mccabe(s.body)
    return count


def complexity_mostly_nested(tree):
    """The functions whose McCabe complexity lies mostly in the functions they define (prompt_toolkit's
    `load_vi_bindings`, 222, registers some hundred small key handlers): ruff's C901 counts a nested function into
    the one around it, and reports each nested one on its own. [def line, 0, def line, WHOLE_LINES] of each."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested = sum(1 + mccabe(f.body) for f in defined_functions(node.body))
            if nested and nested * 2 > 1 + mccabe(node.body):
                out.append([node.lineno, 0, node.lineno, WHOLE_LINES])
    return sorted(out)


def defined_functions(statements):
    """The functions a block defines, also in its compound statements and classes, not those inside them."""
    for s in statements:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield s
            continue
        for field in ("body", "orelse", "finalbody"):
            children = getattr(s, field, None)
            if isinstance(children, list):
                yield from defined_functions(children)
        for holder in getattr(s, "handlers", []) + getattr(s, "cases", []):
            yield from defined_functions(holder.body)


def matches_anything(pattern):
    if isinstance(pattern, ast.MatchAs):
        return pattern.pattern is None or matches_anything(pattern.pattern)
    return isinstance(pattern, ast.MatchOr) and any(matches_anything(p) for p in pattern.patterns)


def first_line(node):
    """The first line of a definition with its decorators, as a Java declaration begins with its annotations: a
    finding on `@lru_cache` belongs to the function below it."""
    return min([d.lineno for d in node.decorator_list] + [node.lineno])


def ends_without_falling_through(body):
    """The block always returns or raises (so no implicit `return None` at its end)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return ends_without_falling_through(last.body) and ends_without_falling_through(last.orelse)
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return ends_without_falling_through(last.body)
    if isinstance(last, ast.Try):
        return ends_without_falling_through(last.body + last.orelse) and all(ends_without_falling_through(h.body) for h in last.handlers)
    if isinstance(last, ast.While) and isinstance(last.test, ast.Constant) and last.test.value is True:
        return True
    return False


def is_overload_stub(node):
    """A `@typing.overload` declaration: a signature for the type checker, never run (the undecorated definition of
    the same name is the code). Modelled as a method it would be planned, tested and counted once per overload."""
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
        (dotted(d) or "").split(".")[-1] == "overload" for d in node.decorator_list)


PY2_FLAGS = {"PY2", "IS_PY2"}
PY3_FLAGS = {"PY3", "PY3K", "IS_PY3"}


def python2_only(tree, nodes):
    """The regions of code that runs only on Python 2: the branch a Python-version test sends Python 2 to (`if PY3:
    ... else: string_types = (unicode, str)`, `str if PY3 else unicode`, `if sys.version_info[0] < 3:`). A test is a
    comparison of `sys.version_info` (whole, `[0]` or `.major`) that splits 2 from 3, a module-level name assigned
    one, or a flag named PY2 or PY3 (six's and most compatibility modules'), or `str is bytes` (true on Python 2
    alone: ldap3's `if str is not bytes:  # Python 3`); and the bodies of the special methods
    only Python 2 calls (`__unicode__`, `__nonzero__`), and the branch taken when a builtin every Python 3 has is
    missing (six's `print_ = getattr(builtins, "print", None)` / `if print_ is None:`). [line, column, end line,
    end column], columns from 0; pexpect's Python 2 names (`unicode`, `raw_input`) were undefined-name reports in
    such branches."""
    flags = {}
    probes = set()  # module-level names of a builtin looked up with a default: `print_ = getattr(builtins, "print", None)`

    def probes_builtin(value):
        """A lookup of a name every Python 3 has among the builtins, None when missing (six's print_ for 2.4)."""
        return isinstance(value, ast.Call) and dotted(value.func) == "getattr" and len(value.args) == 3 \
            and (dotted(value.args[0]) or "").split(".")[-1] in ("builtins", "__builtin__") \
            and isinstance(value.args[1], ast.Constant) and isinstance(value.args[1].value, str) \
            and hasattr(builtins, value.args[1].value) \
            and isinstance(value.args[2], ast.Constant) and value.args[2].value is None

    def version(node):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == 0:
            node = node.value
        elif isinstance(node, ast.Attribute) and node.attr == "major":
            node = node.value
        return dotted(node) in ("sys.version_info", "version_info")

    def side(test, local=None):
        """"py3" when the test holds on Python 3 only, "py2" when on Python 2 only, else None. `local`: a function's
        parameters whose default is a flag, which its body tests as such."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = side(test.operand, local)
            return {"py3": "py2", "py2": "py3"}.get(inner)
        name = dotted(test)
        if name is not None:
            last = name.split(".")[-1]
            return "py2" if last in PY2_FLAGS else "py3" if last in PY3_FLAGS \
                else (local or {}).get(name, flags.get(name))
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Name) \
                and test.left.id in probes and isinstance(test.comparators[0], ast.Constant) \
                and test.comparators[0].value is None and isinstance(test.ops[0], (ast.Is, ast.IsNot)):
            return "py2" if isinstance(test.ops[0], ast.Is) else "py3"
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot, ast.Eq,
                                                                                               ast.NotEq)) \
                and {dotted(test.left), dotted(test.comparators[0])} == {"str", "bytes"}:
            # `str is bytes` holds on Python 2 alone (ldap3's `if str is not bytes:  # Python 3`)
            return "py2" if isinstance(test.ops[0], (ast.Is, ast.Eq)) else "py3"
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and version(test.left)):
            return None
        right = test.comparators[0]
        if isinstance(right, ast.Tuple) and right.elts and isinstance(right.elts[0], ast.Constant):
            major = right.elts[0].value
            exact = len(right.elts) == 1 or all(isinstance(e, ast.Constant) and e.value == 0 for e in right.elts[1:])
        elif isinstance(right, ast.Constant):
            major, exact = right.value, True
        else:
            return None
        if not isinstance(major, int) or isinstance(major, bool) or not exact:
            return None
        op = type(test.ops[0])
        if (op is ast.GtE and major == 3) or (op is ast.Gt and major == 2) or (op in (ast.Eq, ast.Is) and major == 3) \
                or (op in (ast.NotEq, ast.IsNot) and major == 2):
            return "py3"
        if (op is ast.Lt and major == 3) or (op is ast.LtE and major == 2) or (op in (ast.Eq, ast.Is) and major == 2) \
                or (op in (ast.NotEq, ast.IsNot) and major == 3):
            return "py2"
        return None

    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found = side(node.value)
            if found is not None:
                flags[node.targets[0].id] = found
            elif probes_builtin(node.value):
                probes.add(node.targets[0].id)

    def region(nodes):
        first, last = nodes[0], nodes[-1]
        return [first.lineno, first.col_offset, getattr(last, "end_lineno", None) or last.lineno,
                getattr(last, "end_col_offset", None) or 0]

    def branch_sides(test, local):
        """(whether the body runs on Python 2 only, whether the else branch does): `PY2 and x` sends only Python 2
        into its body (simplejson's `if not _PY3 and not isinstance(content, unicode):`), `PY3 or x` only Python 2
        into its else branch."""
        found = side(test, local)
        if isinstance(test, ast.BoolOp):
            operands = [side(v, local) for v in test.values]
            return isinstance(test.op, ast.And) and "py2" in operands, isinstance(test.op, ast.Or) and "py3" in operands
        return found == "py2", found == "py3"

    def branches(nodes, local=None):
        out = []
        for node in nodes:
            if isinstance(node, ast.BoolOp):
                # evaluated only when what comes before holds: after `not PY3 and`, or after `PY3 or`
                stop = "py2" if isinstance(node.op, ast.And) else "py3"
                at = next((i for i, v in enumerate(node.values) if side(v, local) == stop), None)
                if at is not None and at + 1 < len(node.values):
                    out.append(region(node.values[at + 1:]))
                # the old ternary `PY3 and str or unicode` (ldap3's `(str is not bytes) and str or unicode`): on
                # Python 3 the `and` gives its (true) last operand, so what follows the `or` is Python 2's
                at = next((i for i, v in enumerate(node.values) if isinstance(node.op, ast.Or)
                           and isinstance(v, ast.BoolOp) and isinstance(v.op, ast.And)
                           and any(side(w, local) == "py3" for w in v.values[:-1])), None)
                if at is not None and at + 1 < len(node.values):
                    out.append(region(node.values[at + 1:]))
            if isinstance(node, (ast.If, ast.IfExp)):
                body_py2, else_py2 = branch_sides(node.test, local)
                body = node.body if isinstance(node.body, list) else [node.body]
                orelse = node.orelse if isinstance(node.orelse, list) else [node.orelse]
                branch = orelse if else_py2 else body if body_py2 else []
                if branch:
                    out.append(region(branch))
        return out

    regions = []
    functions = [n for n in nodes if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for node in functions:
        if node.name in PY2_ONLY_METHODS:
            regions.append(region(node.body))  # Python 3 never calls it (babel's `__unicode__` returns `unicode(..)`)
    regions.extend(branches(n for n in nodes if isinstance(n, (ast.If, ast.IfExp, ast.BoolOp))))
    # a flag handed to a function as a parameter's default (simplejson's `def encode_basestring(s, _PY3=PY3):`)
    for function in functions:
        local = {a.arg: side(d) for a, d in parameter_defaults(function) if side(d) is not None}
        if local:
            regions.extend(branches(walk_own_scope(function), local))
    return sorted({tuple(r): r for r in regions}.values())


def literal_tables(tree, lines):
    """The line spans of the assignments whose value is a table of constants written out: a dict, list, tuple or set
    of literals, nested ones too, with more than one element (chardet's character-to-order map per encoding). Spans
    apart only by blank or comment lines are one. CPD finds such tables repeated; they are data, not logic to
    extract."""
    spans = []
    for node in ast.walk(tree):
        value = getattr(node, "value", None) if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)) \
                and len(value.keys if isinstance(value, ast.Dict) else value.elts) > 1 and is_constant(value):
            spans.append([node.lineno, getattr(node, "end_lineno", None) or node.lineno])
    merged = []
    for first, last in sorted(spans):
        between = lines[merged[-1][1]:first - 1] if merged else None
        if merged and (first <= merged[-1][1] or all(not l.strip() or l.lstrip().startswith("#") for l in between)):
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged


def overload_stubs(tree):
    """The line spans of the module's and its top-level classes' overload declarations."""
    return [[n.lineno, getattr(n, "end_lineno", n.lineno) or n.lineno] for n, _ in top_level_functions(tree)
            if is_overload_stub(n)]


def class_model(module, node):
    attribute_types = {}
    fields = {}
    for child in node.body:
        if isinstance(child, ast.AnnAssign) and isinstance(child.target, ast.Name):
            fields[child.target.id] = annotation(child.annotation, module.lines)
    scanner = None
    for child in node.body:
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # `self.session = requests.Session()` anywhere in the class types later `self.session.get(..)` calls
            scanner = FunctionScanner(module, child, node.name, {})
            for sub in ast.walk(child):
                if isinstance(sub, ast.Assign) and len(sub.targets) == 1 and isinstance(sub.targets[0], ast.Attribute) \
                        and isinstance(sub.targets[0].value, ast.Name) and sub.targets[0].value.id == "self":
                    kind = scanner.receiver_type(sub.value) if isinstance(sub.value, ast.Call) else None
                    if kind is not None:
                        attribute_types[sub.targets[0].attr] = kind
                    fields.setdefault(sub.targets[0].attr, kind)
    methods = [function_model(module, child, node.name, attribute_types) for child in node.body
               if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and not is_overload_stub(child)]
    decorators = [dotted(d.func if isinstance(d, ast.Call) else d) or text_of(module.lines, d, 60) for d in node.decorator_list]
    bases = []
    for b in node.bases:
        name = dotted(b)
        bases.append((module.qualify(name) or name) if name else text_of(module.lines, b, 60))
    return {"name": node.name, "line": first_line(node), "end_line": getattr(node, "end_lineno", node.lineno) or node.lineno,
            "bases": bases, "decorators": decorators, "fields": fields, "methods": methods}


def model(entry, budget, max_depth):
    path = entry["path"]
    text = entry["text"]
    try:
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            tree = ast.parse(text, filename=path)
        except SyntaxError as e:
            return {"path": path, "error": "syntax error at line %s: %s" % (e.lineno, e.msg)}
        except (RecursionError, MemoryError):
            return {"path": path, "error": "nested too deeply for Python's parser"}
        except ValueError as e:
            return {"path": path, "error": "not parseable: %s" % e}
        depth = depth_of(tree, max_depth)
        if depth > max_depth:
            return {"path": path, "error": "nested deeper than %d syntax levels: not modelled" % max_depth}
        module = Module(path, entry.get("module", ""), bool(entry.get("package")), text)
        module.collect_imports(tree)
        module.constant_names = module_constants(tree)
        classes = []
        functions = []
        called = {}

        parents = parent_map(tree)
        calls = [n for n in parents if isinstance(n, ast.Call)]  # every node but the module, walked already
        module.opted_in = opted_in_calls(calls, parents)
        guids = websocket_guids(tree)
        websocket_accepts, digest_imports = websocket_accept_digests(calls, parents, module, guids)
        digests = {"forwarded": forwarded_hash_purposes(calls, parents), "fallback": fallback_hashes(calls, parents),
                   "websocket": websocket_accepts, "random": random_input_hashes(calls, parents, module)}
        module.digest_purposes = {(span[0], span[2]): purpose for purpose, spans in digests.items() for span in spans}

        def only_calls(key, node, method):
            # a name defined twice (one definition per platform) calls at once only what both call at once
            found = called_parameters(node, method, parents)
            earlier = called.get(key, found)
            called[key] = None if found is None or earlier is None or earlier["positional"] != found["positional"] \
                else {"positional": found["positional"], "called": [n for n in found["called"] if n in earlier["called"]],
                      "handed": [n for n in found["handed"] if n in earlier["handed"] or n in earlier["called"]]
                      + [n for n in found["called"] if n in earlier["handed"]]}

        for node in module_definitions(tree):
            if isinstance(node, ast.ClassDef):
                classes.append(class_model(module, node))
                for child in node.body:
                    if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and not is_overload_stub(child):
                        only_calls(node.name + "." + child.name, child, True)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not is_overload_stub(node):
                functions.append(function_model(module, node, None, {}))
                only_calls(node.name, node, False)
        all_names = None
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets) \
                    and isinstance(node.value, (ast.List, ast.Tuple)):
                all_names = [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return {"path": path, "module": module.module, "lines": len(module.lines), "imports": module.imports, "classes": classes,
                "functions": functions, "all": all_names, "docstring": ast.get_docstring(tree) is not None,
                "iteration_local_functions": iteration_local_functions(tree, parents),
                "loop_lambdas": loop_lambdas(tree, module, parents),
                "called_parameters": {name: parameters for name, parameters in called.items() if parameters},
                "overload_stubs": overload_stubs(tree),
                "literal_tables": literal_tables(tree, module.lines),
                "sql_texts": [[line, column, kind, names] for (line, column), (kind, names) in sorted(module.sql_texts.items())],
                "handler_reraises": handler_reraises(tree, parents),
                "init_returns_none": init_returns_none(tree),
                "frozen_factories": frozen_factories(tree),
                "default_calls": default_calls(parents, module),
                "websocket_guids": guids,
                "digest_imports": digest_imports,
                "sites": {"rebound_iterables": rebound_iterables(tree, parents, module.lines),
                          "concatenated_all": concatenated_all(tree),
                          "constant_shell_lists": constant_shell_lists(calls),
                          "whole_parameter_commands": whole_parameter_commands(calls, parents, module),
                          "forwarded_keywords": forwarded_keywords(calls, parents),
                          "forwarded_hash_purposes": digests["forwarded"],
                          "fallback_hashes": digests["fallback"],
                          "websocket_accept_digests": websocket_accepts,
                          "serialization_round_trips": serialization_round_trips(calls),
                          "padding_hashes": padding_hashes(calls, parents),
                          "random_input_hashes": digests["random"],
                          "type_comment_imports": type_comment_imports(tree, module),
                          "complexity_mostly_nested": complexity_mostly_nested(tree),
                          "constant_evals": constant_evals(calls),
                          "opted_in_calls": [list(span) for span in sorted({(call.lineno, 0, call.end_lineno, WHOLE_LINES)
                                                                            for call in calls if id(call) in module.opted_in})],
                          "script_blocks": script_blocks(tree, path),
                          "docstrings": docstrings(tree, parents),
                          "bidi_marks_only": bidi_marks_only(module.lines),
                          "python2_only": python2_only(tree, parents),
                          "loop_carried_reads": loop_carried_reads(tree, module.lines),
                          "unevaluated_annotations": unevaluated_annotations(tree, module.lines),
                          "interface_declarations": interface_declarations(tree, module),
                          "unbound_addresses": unbound_addresses(parents, module.lines),
                          "globals_written": globals_written(parents, module.lines),
                          "inspected_defaults": inspected_defaults(parents, module.lines),
                          "private_defaults": private_defaults(parents, module.lines),
                          **mutable_defaults(tree, parents, module.lines)},
                "bindings": module_bindings(tree)}
    except Budget:
        return {"path": path, "error": "modelling took longer than the per-file time budget (%.1f s)" % budget}
    except RecursionError:
        return {"path": path, "error": "nested too deeply to model"}
    finally:
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)


def main():
    request = json.load(sys.stdin)
    budget = float(request.get("file_budget_seconds", 5))
    max_depth = int(request.get("max_depth", 100))
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, on_alarm)
    sys.setrecursionlimit(max(1000, max_depth * 20))
    out = []
    for entry in request["files"]:
        try:
            out.append(model(entry, budget, max_depth))
        except Exception as e:  # one odd file never loses the batch
            out.append({"path": entry.get("path"), "error": "model failed: %s: %s" % (type(e).__name__, e)})
    json.dump({"python": "%d.%d.%d" % sys.version_info[:3], "files": out}, sys.stdout)


if __name__ == "__main__":
    main()
