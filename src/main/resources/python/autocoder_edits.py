"""What the project's code says about one Python file, and the edits ruff has no fix for, for the implementation
worker's Python patches. Standard library only; a file that does not parse is skipped (it cannot import anything
either).

autocoder_edits.py reexports ROOT FILE PATCHED_COPY
    Which project modules import, from FILE, a name the patched copy stops importing (a re-export), and which type
    comments of FILE use one. Ruff's F401 sees one file: `from .compat import json` in requests/models.py makes `json`
    in requests/compat.py a re-export, not an unused import; and ruff does not read type comments
    (`# type: Optional[Dict[str, Any]]`), which type checkers do. Prints one line per use, `path:line: imports NAME
    from MODULE` or `path:line: a type comment uses NAME`; nothing when there is none.

autocoder_edits.py undefined-name ROOT FILE NAME LINE
    Where an undefined name (ruff's F821) on LINE of FILE is defined in the project, and the edit that defines it.
    Prints one JSON object:
    - {"edit": "qualify", "alias": A, "module": M, "defined_in": PATH, "line": L, "col": C}: FILE already imports the
      module M that defines NAME, as A, so `A.NAME` at line L, column C (0-based, UTF-8 bytes) is the fix (werkzeug's
      formparser.py raises `RequestEntityTooLarge()` where it imports `exceptions` and writes
      `exceptions.RequestEntityTooLarge()` elsewhere);
    - {"edit": "import", "statement": S, "after_line": L, "module": M, "defined_in": PATH}: exactly one project module
      defines NAME and does not import FILE's module at its top level (which would make a circular import): add S
      after the file's last top-level import, at line L (0: at the top);
    - {"edit": null, "reason": R}: no such edit is safe, and why.

autocoder_edits.py keywords FILE LINE
    The keywords for the positional arguments after the string of the `re.split`, `re.sub` or `re.subn` call on LINE
    (ruff's B034). Prints one JSON object: {"function": "re.sub", "inserts": [{"line", "col", "text"}], "flag_as_count":
    "re.ASCII" or null}; a flag passed where the count (or maxsplit) goes becomes `flags=` (click's
    `re.sub(r"\W*", "", name, re.ASCII)` replaced at most 256 times and never matched ASCII-only), every other
    argument keeps its meaning. {"inserts": [], "reason": R} when there is no such call.
"""
import ast
import io
import json
import os
import re
import sys
import tokenize
from collections import Counter

SKIPPED = {".git", ".hg", ".svn", ".tox", ".venv", "venv", "node_modules", "__pycache__", "build", "dist", ".eggs"}
MAX_BYTES = 2_000_000


def module_of(path):
    parts = path[:-3].split("/")
    if parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def absolute(importer, node):
    if node.level == 0:
        return node.module or ""
    package = module_of(importer).split(".")
    if not importer.endswith("__init__.py"):
        package = package[:-1]
    if node.level > 1:
        package = package[: len(package) - (node.level - 1)] if node.level - 1 <= len(package) else []
    return ".".join(p for p in package + ([node.module] if node.module else []) if p)


def bound_by_imports(source):
    """How often the module's import statements bind each name (what other modules can import from it); counted,
    because a name bound in both branches of try/except ImportError loses one binding when one import goes."""
    names = Counter()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.update(a.asname or a.name for a in node.names if a.name != "*")
    return names


def top_level(tree):
    """The module's own statements, with those of its top-level if/try blocks (`try: import x except ImportError`)."""
    out = []
    for node in tree.body:
        out.append(node)
        if isinstance(node, ast.If):
            out.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            out.extend(node.body + node.orelse + node.finalbody + [s for h in node.handlers for s in h.body])
    return out


def defines(tree, name):
    for node in top_level(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return True
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return True
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return True
        if isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == name for a in node.names):
            return True
    return False


def imported_from(path, tree, name):
    """The module a top-level `from M import NAME` of the tree takes the name from, keeping its name; None when the
    tree binds it otherwise (defines it, assigns it, imports it under another name)."""
    for node in top_level(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == name and a.asname in (None, name) for a in node.names):
            return absolute(path, node)
    return None


def imports_module(path, tree, module):
    for node in tree.body:
        if isinstance(node, ast.Import) and any(a.name == module or a.name.startswith(module + ".") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom):
            source = absolute(path, node)
            if source == module or any(source + "." + a.name == module for a in node.names):
                return True
    return False


def project_modules(root):
    """Every Python file of the project that parses, with its tree, in a stable order."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED and not d.startswith("."))
        for file_name in sorted(files):
            full = os.path.join(folder, file_name)
            if not file_name.endswith(".py") or os.path.getsize(full) > MAX_BYTES:
                continue
            path = os.path.relpath(full, root).replace(os.sep, "/")
            try:
                with open(full, encoding="utf-8") as f:
                    yield path, ast.parse(f.read())
            except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError):
                continue


def module_aliases(path, tree):
    """The names FILE's top-level imports bind to a module: `from . import exceptions`, `import a.b as b`."""
    aliases = {}
    for node in top_level(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            source = absolute(path, node)
            for a in node.names:
                if a.name != "*":
                    aliases[a.asname or a.name] = (source + "." if source else "") + a.name
    return aliases


def bound_around(tree, use):
    """The names the functions around the use bind themselves (parameters, assignments): there `alias.NAME` would
    not reach the module."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    names = set()
    node = parents.get(use)
    while node is not None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = node.args
            names.update(a.arg for a in args.posonlyargs + args.args + args.kwonlyargs)
            names.update(a.arg for a in (args.vararg, args.kwarg) if a is not None)
            names.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
        node = parents.get(node)
    return names


def last_import_line(tree):
    line = 0
    if tree.body and isinstance(tree.body[0], ast.Expr) and isinstance(getattr(tree.body[0], "value", None), ast.Constant) \
            and isinstance(tree.body[0].value.value, str):
        line = tree.body[0].end_lineno  # after the docstring
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            line = node.end_lineno
        elif not isinstance(node, ast.Expr):
            break
    return line


def undefined_name(root, file, name, line):
    line = int(line)
    with open(os.path.join(root, file), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    use = next((n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == name and n.lineno == line
                and isinstance(n.ctx, ast.Load)), None)
    if use is None:
        return {"edit": None, "reason": "no use of `%s` on line %d of %s" % (name, line, file)}
    modules = {}
    for path, module_tree in project_modules(root):
        if path != file and defines(module_tree, name):
            modules[module_of(path)] = (path, module_tree)
    if not modules:
        return {"edit": None, "reason": "no module of the project defines `%s` at its top level" % name}
    # a module that only imports the name is not its home: twisted's web/http.py would read `interfaces.List`, which
    # internet/interfaces.py imports from typing; with no home in the project, the name comes from where they import it
    origins = {module: imported_from(path, module_tree, name) for module, (path, module_tree) in modules.items()}
    homes = {module: found for module, found in modules.items() if origins[module] is None}
    if homes:
        modules = homes
    elif len(set(origins.values())) == 1 and next(iter(origins.values())) not in modules:
        origin = next(iter(origins.values()))
        return {"edit": "import", "statement": "from %s import %s" % (origin, name), "after_line": last_import_line(tree),
                "module": origin, "imported_by": sorted(path for path, _ in modules.values())}
    shadowed = bound_around(tree, use)
    for alias, module in sorted(module_aliases(file, tree).items()):
        if module in modules and alias not in shadowed:
            return {"edit": "qualify", "alias": alias, "module": module, "defined_in": modules[module][0],
                    "line": use.lineno, "col": use.col_offset}
    if len(modules) > 1:
        return {"edit": None, "reason": "`%s` is defined in %d modules (%s): which one is meant is a choice"
                % (name, len(modules), ", ".join(sorted(p for p, _ in modules.values())))}
    module, (path, module_tree) = next(iter(modules.items()))
    if imports_module(path, module_tree, module_of(file)):
        return {"edit": None, "reason": "`%s` is defined in %s, which imports %s at its top level: importing it back "
                "would make a circular import" % (name, path, module_of(file))}
    relative = any(isinstance(n, ast.ImportFrom) and n.level > 0 for n in tree.body)
    own_package = module_of(file).split(".")[:-1] if not file.endswith("__init__.py") else module_of(file).split(".")
    source = module
    if relative and own_package and module.startswith(".".join(own_package) + "."):
        source = "." + module[len(".".join(own_package)) + 1:]
    return {"edit": "import", "statement": "from %s import %s" % (source, name), "after_line": last_import_line(tree),
            "module": module, "defined_in": path}


TYPE_COMMENT = re.compile(r"#\s*type:\s*(?!ignore\b)(.+)")
TYPE_COMMENT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def type_comment_uses(source, names):
    """(line, name) of each of the names a type comment of the source uses."""
    uses = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            typed = TYPE_COMMENT.match(token.string) if token.type == tokenize.COMMENT else None
            if typed:
                uses.extend((token.start[0], n) for n in dict.fromkeys(TYPE_COMMENT_NAME.findall(typed.group(1)))
                            if n in names)
    except (tokenize.TokenError, SyntaxError):
        pass  # the comments read so far are checked
    return uses


def reexports(root, file, patched_copy):
    with open(os.path.join(root, file), encoding="utf-8") as f:
        source = f.read()
    before = bound_by_imports(source)
    with open(patched_copy, encoding="utf-8") as f:
        after = bound_by_imports(f.read())
    removed = {name for name, count in before.items() if after[name] < count}
    if not removed:
        return
    for line, name in type_comment_uses(source, removed):
        print(f"{file}:{line}: a type comment uses {name}")
    target = module_of(file)
    for path, tree in project_modules(root):
        if path == file:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and absolute(path, node) == target:
                for alias in node.names:
                    if alias.name in removed:
                        print(f"{path}:{node.lineno}: imports {alias.name} from {target}")

# the parameters after the string, in order, of the functions B034 names
POSITIONAL_AFTER_STRING = {"split": (2, ["maxsplit", "flags"]), "sub": (3, ["count", "flags"]),
                           "subn": (3, ["count", "flags"])}
FLAGS = {"A", "ASCII", "DEBUG", "I", "IGNORECASE", "L", "LOCALE", "M", "MULTILINE", "NOFLAG", "S", "DOTALL", "U",
         "UNICODE", "X", "VERBOSE"}


def is_flag(node, re_names):
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return is_flag(node.left, re_names) and is_flag(node.right, re_names)
    return isinstance(node, ast.Attribute) and node.attr in FLAGS and isinstance(node.value, ast.Name) \
        and node.value.id in re_names


def keywords(file, line):
    line = int(line)
    with open(file, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source)
    re_names = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names if a.name == "re"}
    imported = {(a.asname or a.name): a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                and n.module == "re" and n.level == 0 for a in n.names}
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or call.lineno > line or (call.end_lineno or call.lineno) < line:
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
            and func.value.id in re_names else imported.get(func.id) if isinstance(func, ast.Name) else None
        if name not in POSITIONAL_AFTER_STRING or any(isinstance(a, ast.Starred) for a in call.args):
            continue
        first, names = POSITIONAL_AFTER_STRING[name]
        extra = call.args[first:]
        if not extra or len(extra) > len(names):
            continue
        given = {k.arg for k in call.keywords}
        chosen = list(names[:len(extra)])
        flag_as_count = None
        if len(extra) == 1 and is_flag(extra[0], re_names) and "flags" not in given:
            chosen = ["flags"]
            flag_as_count = ast.get_source_segment(source, extra[0])
        if given & set(chosen):
            continue
        inserts = [{"line": a.lineno, "col": a.col_offset, "text": k + "="} for a, k in zip(extra, chosen)]
        return {"function": "re." + name, "inserts": inserts, "keywords": chosen, "flag_as_count": flag_as_count}
    return {"inserts": [], "reason": "no `re.split`, `re.sub` or `re.subn` call with positional arguments after the "
            "string on line %d" % line}


if __name__ == "__main__":
    if sys.argv[1] == "reexports":
        reexports(*sys.argv[2:5])
    elif sys.argv[1] == "undefined-name":
        print(json.dumps(undefined_name(*sys.argv[2:6])))
    elif sys.argv[1] == "keywords":
        print(json.dumps(keywords(*sys.argv[2:4])))
    else:
        sys.exit("unknown command: " + sys.argv[1])
