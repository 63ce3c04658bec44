"""Which project modules import, from the patched module, a name the patch stops importing (a re-export).

Ruff's F401 sees one file: `from .compat import json` in requests/models.py makes `json` in requests/compat.py a
re-export, not an unused import. Usage: autocoder_reexports.py ROOT FILE PATCHED_COPY. Prints one line per use,
`path:line: imports NAME from MODULE`; prints nothing when no removed name is imported elsewhere. Standard library
only; a file that does not parse is skipped (it cannot import anything either).
"""
import ast
import os
import sys
from collections import Counter

SKIPPED = {".git", ".hg", ".svn", ".tox", ".venv", "venv", "node_modules", "__pycache__", "build", "dist", ".eggs"}
MAX_BYTES = 2_000_000


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


def main(root, file, patched_copy):
    with open(os.path.join(root, file), encoding="utf-8") as f:
        before = bound_by_imports(f.read())
    with open(patched_copy, encoding="utf-8") as f:
        after = bound_by_imports(f.read())
    removed = {name for name, count in before.items() if after[name] < count}
    if not removed:
        return
    target = module_of(file)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED and not d.startswith("."))
        for name in sorted(files):
            path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if not name.endswith(".py") or path == file or os.path.getsize(os.path.join(folder, name)) > MAX_BYTES:
                continue
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    tree = ast.parse(f.read())
            except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and absolute(path, node) == target:
                    for alias in node.names:
                        if alias.name in removed:
                            print(f"{path}:{node.lineno}: imports {alias.name} from {target}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
