"""The package's structure (issue 11): one room per concept, kept that way.

- no import cycle between its modules, counting imports inside functions (a
  cycle closed by a function-level import is still a cycle of concepts);
- no module over 400 lines;
- no ``except Exception`` (or ``BaseException``) and no bare ``except``: each
  handler names what it expects, so anything else is a bug that shows.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "extensions" / "sphinx_portfolio"
MAX_LINES = 400
PACKAGE_NAME = "sphinx_portfolio"


def modules(package: Path) -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in package.glob("*.py")}


def imported(node: ast.AST, names: set[str]) -> set[str]:
    """The package's modules an import statement names (``__init__`` for the package)."""
    if isinstance(node, ast.Import):
        parts = [alias.name.split(".") for alias in node.names]
        return {p[1] if len(p) > 1 else "__init__" for p in parts if p[0] == PACKAGE_NAME}
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level == 0:
        parts = (node.module or "").split(".")
        if parts[0] != PACKAGE_NAME:
            return set()
        module = parts[1] if len(parts) > 1 else None
    elif node.level == 1:
        module = node.module.split(".")[0] if node.module else None
    else:
        return set()
    if module is not None:
        return {module}
    # "from . import a, b": modules, or names of the package's __init__.
    return {alias.name if alias.name in names else "__init__" for alias in node.names}


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports, anywhere in its code."""
    trees = modules(package)
    names = set(trees)
    return {
        name: {dep for node in ast.walk(tree) for dep in imported(node, names)} - {name}
        for name, tree in trees.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as [a, b, ..., a], or [] if there is none."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str]:
        for dep in sorted(graph.get(name, ())):
            if dep in path:
                return [*path[path.index(dep) :], dep]
            if dep in graph and dep not in done:
                found = visit(dep, [*path, dep])
                if found:
                    return found
        done.add(name)
        return []

    for start in sorted(graph):
        found = visit(start, [start])
        if found:
            return found
    return []


def broad_handlers(package: Path) -> list[str]:
    """'file:line' of each handler that catches everything."""
    found = []
    for name, tree in sorted(modules(package).items()):
        for node in ast.walk(tree):
            if not isinstance(node, ast.ExceptHandler):
                continue
            caught = node.type.id if isinstance(node.type, ast.Name) else None
            if node.type is None or caught in ("Exception", "BaseException"):
                found.append(f"{name}.py:{node.lineno}")
    return found


def test_no_import_cycle():
    cycle = find_cycle(import_graph(PACKAGE))
    assert cycle == [], "import cycle: " + " -> ".join(cycle)


def test_no_module_over_400_lines():
    lines = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}


def test_no_handler_catches_everything():
    assert broad_handlers(PACKAGE) == []


def test_the_checks_see_a_cycle_through_a_function_and_a_broad_handler(tmp_path):
    """The checks themselves, on a small package: a cycle closed inside a function,
    spelled three ways, and each kind of handler that catches everything."""
    (tmp_path / "__init__.py").write_text("from .first import setup_first\n")
    (tmp_path / "first.py").write_text("from . import second\n")
    (tmp_path / "second.py").write_text(
        "def later():\n    from .third import thing\n\n"
        "try:\n    pass\nexcept Exception:\n    pass\n"
    )
    (tmp_path / "third.py").write_text(
        "import sphinx_portfolio.first\n\ntry:\n    pass\nexcept:\n    pass\n"
    )
    graph = import_graph(tmp_path)
    assert graph["__init__"] == {"first"} and graph["first"] == {"second"}
    assert find_cycle(graph) == ["first", "second", "third", "first"]
    assert broad_handlers(tmp_path) == ["second.py:6", "third.py:5"]
    (tmp_path / "third.py").write_text("thing = 1\n")
    assert find_cycle(import_graph(tmp_path)) == []
