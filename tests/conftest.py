"""Shared fixtures: Sphinx's own testing fixtures and small readers of the output."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parents[1]


def under_ci() -> bool:
    """The one CI rule: exactly CI=true (what .ci/run sets) means every tool is there."""
    return os.environ.get("CI") == "true"


def missing_tool(reason: str) -> None:
    """A tool a test needs is missing: skip on a developer's machine, fail under CI."""
    if under_ci():
        pytest.fail(f"missing under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def soup(app, docname: str) -> BeautifulSoup:
    """The parsed HTML page of ``docname`` from an HTML build."""
    path = Path(app.outdir) / f"{docname}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def warnings_of(app) -> list[str]:
    """Each warning as one line, colour codes removed."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def visible_text(node) -> str:
    """Text a reader sees, arrows (aria-hidden decoration) left out, spaces folded."""
    for hidden in node.select("[aria-hidden=true]"):
        hidden.decompose()
    return " ".join(node.get_text().split())


def output_text(app) -> str:
    """Everything a builder wrote for readers, as text: pages' visible words (HTML,
    XHTML), or the files themselves (text, LaTeX, man, Texinfo); spaces folded."""
    parts = []
    for path in sorted(Path(app.outdir).rglob("*")):
        if path.suffix in (".html", ".xhtml") and not path.name.startswith(("genindex", "search")):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            main = page.select_one("[role=main]") or page.body or page
            parts.append(visible_text(main))
        elif path.suffix in (".txt", ".tex", ".1", ".texi") and "_sources" not in path.parts:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".tex":
                text = text.replace("\\%", "%").replace("\\&", "&")
            parts.append(" ".join(text.split()))
    return "\n".join(parts)


def build_docs(out: Path, *options: str, env: dict | None = None):
    """The real site, built as the README says (-W -n --keep-going), in a separate
    process like a user's build; fails the test with Sphinx's messages on error."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-n", "--keep-going", "-b", "html"]
    run = subprocess.run(
        [*command, *options, str(REPO / "docs"), str(out)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture
def fresh_root(make_app, tmp_path):
    """Build a private copy of tests/roots/test-<name> (config overrides per call)."""

    def build(name: str, buildername: str = "html", **overrides):
        srcdir = copy_root(name, tmp_path / f"{buildername}-{len(list(tmp_path.iterdir()))}")
        app = make_app(buildername, srcdir=srcdir, confoverrides=overrides)
        app.build()
        return app

    return build


def copy_root(name: str, target: Path) -> Path:
    """A private copy of tests/roots/test-<name>, safe to edit."""
    import shutil

    srcdir = target / name
    shutil.copytree(ROOTS / f"test-{name}", srcdir)
    return srcdir


def build_site(srcdir: Path, buildername: str = "html", **kwargs):
    """Build ``srcdir`` with a fresh Sphinx application, as a separate run would."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(buildername, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app
