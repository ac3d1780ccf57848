"""Shared fixtures: Sphinx's own testing fixtures and small readers of the output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parents[1]


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
