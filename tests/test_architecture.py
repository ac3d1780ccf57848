"""The package's structure (issues 11 and 23): one folder a concept, one room a module.

Read from every ``*.py`` file of the package, subpackages included:

- no import cycle between its modules, counting imports inside functions (a
  cycle closed by a function-level import is still a cycle of concepts);
- dependencies point one way: ``core/`` imports no other folder; ``cards/``,
  ``papers/``, ``outputs/`` and ``new/`` import ``core/`` and, from one another,
  only the names a folder's ``__init__`` exports; ``new/`` imports no other
  folder at all and, of ``core/``, only the pure modules;
- pure modules import neither Sphinx nor docutils, and the command line tool
  runs without loading either;
- the deepest chain of imports inside the package is at most 7 modules long;
- no module over 400 lines;
- no ``except Exception`` (or ``BaseException``) and no bare ``except``: each
  handler names what it expects, so anything else is a bug that shows.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "extensions" / "sphinx_portfolio"
PACKAGE_NAME = "sphinx_portfolio"
MAX_LINES = 400
MAX_DEPTH = 7
FOLDERS = ("cards", "papers", "outputs", "new")
#: core/ modules that import neither Sphinx nor docutils: all that new/ may use.
PURE = frozenset({"core.text", "core.metrics", "core.jsonresume", "core.bibtex", "core.version"})
FOREIGN = ("sphinx", "docutils")


def module_name(path: Path, package: Path) -> str:
    """'cards.badges' for cards/badges.py, 'cards' for cards/__init__.py, '' for the top."""
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(package: Path) -> dict[str, ast.Module]:
    return {
        module_name(path, package): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(package.rglob("*.py"))
    }


def is_package(name: str, names: set[str]) -> bool:
    return name == "" or any(other.startswith(name + ".") for other in names)


def imported(node: ast.AST, me: str, names: set[str]) -> set[str]:
    """The package's modules an import statement names ('' for the top ``__init__``).

    ``from .x import y`` names module x, or x.y when y is a module of its own.
    """
    if isinstance(node, ast.Import):
        found = set()
        for alias in node.names:
            parts = alias.name.split(".")
            if parts[0] == PACKAGE_NAME:
                found.add(".".join(parts[1:]))
        return found
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level == 0:
        parts = (node.module or "").split(".")
        if parts[0] != PACKAGE_NAME:
            return set()
        base = parts[1:]
    else:
        here = me.split(".") if me and is_package(me, names) else me.split(".")[:-1]
        here = [part for part in here if part]
        if node.level - 1 > len(here):
            return set()
        base = here[: len(here) - (node.level - 1)] + (
            node.module.split(".") if node.module else []
        )
    target = ".".join(base)
    found = set()
    for alias in node.names:
        sub = f"{target}.{alias.name}" if target else alias.name
        found.add(sub if sub in names else target)
    return found


def lazy_exports(name: str, tree: ast.Module) -> set[str]:
    """A folder's ``__init__`` that imports its exports when first used names them in
    ``EXPORTS = {"name": "module"}``: those are its imports all the same."""
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["EXPORTS"]
            and isinstance(node.value, ast.Dict)
        ):
            return {f"{name}.{value.value}" for value in node.value.values}
    return set()


@cache
def _graph(package: Path) -> dict[str, frozenset[str]]:
    trees = modules(package)
    names = set(trees)
    graph = {}
    for name, tree in trees.items():
        deps = {dep for node in ast.walk(tree) for dep in imported(node, name, names)}
        if name and is_package(name, names):
            deps |= lazy_exports(name, tree)
        graph[name] = frozenset(deps - {name})
    return graph


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports, anywhere in its code."""
    return {name: set(deps) for name, deps in _graph(package).items()}


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


def folder_of(name: str) -> str:
    """'cards' for cards.badges and for cards itself; '' for top-level modules."""
    return name.split(".")[0] if "." in name or name in (*FOLDERS, "core") else ""


def breaches(graph: dict[str, set[str]]) -> list[str]:
    """'a -> b: why' for each import the folder rules forbid."""
    found = []
    for name, deps in sorted(graph.items()):
        mine = folder_of(name)
        for dep in sorted(deps):
            theirs = folder_of(dep)
            why = None
            if mine == "core" and theirs != "core":
                why = "core/ imports no other folder"
            elif mine == "new" and theirs != "new" and dep not in PURE:
                why = "new/ imports only core/'s pure modules"
            elif mine in FOLDERS and theirs in FOLDERS and theirs != mine and dep != theirs:
                why = f"another folder's module: import the names {theirs}/__init__ exports"
            if why:
                found.append(f"{name or '__init__'} -> {dep}: {why}")
    return found


def depth(graph: dict[str, set[str]]) -> tuple[int, list[str]]:
    """The longest chain of imports (in modules) and one such chain, top first."""

    @cache
    def chain(name: str) -> tuple[str, ...]:
        below = [chain(dep) for dep in graph.get(name, ()) if dep in graph]
        return (name, *max(below, key=len, default=()))

    longest = max((chain(name) for name in graph), key=len, default=())
    return len(longest), list(longest)


def foreign_imports(tree: ast.Module) -> set[str]:
    """The Sphinx or docutils modules a module imports, anywhere in its code."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] in FOREIGN}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {node.module} if node.module.split(".")[0] in FOREIGN else set()
    return found


def broad_handlers(package: Path) -> list[str]:
    """'file:line' of each handler that catches everything."""
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ExceptHandler):
                continue
            caught = node.type.id if isinstance(node.type, ast.Name) else None
            if node.type is None or caught in ("Exception", "BaseException"):
                found.append(f"{path.relative_to(package).as_posix()}:{node.lineno}")
    return found


def test_every_module_is_seen():
    """The checks read the subpackages, not only the top folder."""
    graph = import_graph(PACKAGE)
    assert {"core.metrics", "cards.badges", "papers.records", "outputs.latex", "new.cli"} <= set(
        graph
    )
    assert len(graph) == len(list(PACKAGE.rglob("*.py")))


def test_no_import_cycle():
    cycle = find_cycle(import_graph(PACKAGE))
    assert cycle == [], "import cycle: " + " -> ".join(cycle)


def test_dependencies_point_one_way():
    assert breaches(import_graph(PACKAGE)) == []


def test_the_deepest_chain_of_imports():
    length, chain = depth(import_graph(PACKAGE))
    assert length <= MAX_DEPTH, " -> ".join(name or "__init__" for name in chain)


def test_pure_modules_import_no_sphinx():
    trees = modules(PACKAGE)
    assert {name: foreign_imports(trees[name]) for name in PURE} == {name: set() for name in PURE}


def loaded(imports: str, watched: set[str]) -> list[str]:
    """Which of ``watched`` a fresh interpreter has loaded after ``import <imports>``."""
    code = f"import sys, {imports}\nprint(sorted({watched!r} & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(run.stdout.strip())


def test_the_command_loads_neither_sphinx_nor_docutils():
    """What the graph cannot see: importing new/ runs the package's __init__ files."""
    imports = "sphinx_portfolio.new.cli, sphinx_portfolio.new.scaffold"
    assert loaded(imports, {"sphinx", "docutils"}) == []


def test_the_pybtex_style_and_the_metrics_load_no_reader_of_pages():
    """pybtex loads ``papers.style`` by its entry point, outside any build."""
    imports = "sphinx_portfolio.papers.style, sphinx_portfolio.core.metrics"
    assert loaded(imports, {"docutils", "sphinx.application"}) == []


def test_no_module_over_400_lines():
    lines = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}


def test_no_handler_catches_everything():
    assert broad_handlers(PACKAGE) == []


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_checks_see_a_cycle_through_a_function_and_a_broad_handler(tmp_path):
    """The checks themselves, on a small package: a cycle closed inside a function,
    spelled three ways, and each kind of handler that catches everything."""
    package = write(
        tmp_path,
        {
            "__init__.py": "from .first import setup_first\n",
            "first.py": "from . import second\n",
            "second.py": "def later():\n    from .third import thing\n\n"
            "try:\n    pass\nexcept Exception:\n    pass\n",
            "third.py": "import sphinx_portfolio.first\n\ntry:\n    pass\nexcept:\n    pass\n",
        },
    )
    graph = import_graph(package)
    assert graph[""] == {"first"} and graph["first"] == {"second"}
    assert find_cycle(graph) == ["first", "second", "third", "first"]
    assert broad_handlers(package) == ["second.py:6", "third.py:5"]
    (package / "third.py").write_text("thing = 1\n")
    _graph.cache_clear()
    assert find_cycle(import_graph(package)) == []


def test_the_checks_see_each_breach_of_the_folder_rules(tmp_path):
    """A crafted package that breaks every rule once, and one that keeps them."""
    package = write(
        tmp_path,
        {
            "__init__.py": "",
            "core/__init__.py": "",
            "core/text.py": "",
            "core/base.py": "from ..cards import badge\n",  # core reaching up
            "cards/__init__.py": "EXPORTS = {'badge': 'badges'}\n",
            "cards/badges.py": "from ..core.base import x\nbadge = 1\n",
            "outputs/__init__.py": "",
            "outputs/cv.py": "from ..cards.badges import badge\n",  # past cards/__init__
            "outputs/seo.py": "from ..cards import badge\n",  # allowed
            "new/__init__.py": "",
            "new/cli.py": "from ..core.base import x\nfrom ..cards import badge\n",
            "new/ok.py": "from ..core import text\nfrom . import cli\n",
        },
    )
    graph = import_graph(package)
    assert graph["cards"] == {"cards.badges"}  # exported when first used, still an arrow
    assert breaches(graph) == [
        "core.base -> cards: core/ imports no other folder",
        "new.cli -> cards: new/ imports only core/'s pure modules",
        "new.cli -> core.base: new/ imports only core/'s pure modules",
        "outputs.cv -> cards.badges: another folder's module: "
        "import the names cards/__init__ exports",
    ]


def test_the_depth_check_counts_modules_on_the_longest_chain(tmp_path):
    files = {"__init__.py": "def setup():\n    from .m4 import x\n"}
    files |= {f"m{i}.py": f"from .m{i - 1} import x\n" for i in range(2, 5)}
    files["m1.py"] = "x = 1\n"
    length, chain = depth(import_graph(write(tmp_path, files)))
    assert (length, chain) == (5, ["", "m4", "m3", "m2", "m1"])
    assert foreign_imports(ast.parse("def f():\n    from sphinx.util import logging\n")) == {
        "sphinx.util"
    }
