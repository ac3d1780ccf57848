"""A site built by an older sphinx-portfolio rebuilds with this one, never crashes.

tests/data/layout-0.1-flat/ holds what ``sphinx-build -b html tests/roots/test-cards``
left in its doctree folder at e6eb850, the last commit whose modules were flat
files: its pickled environment names ``sphinx_portfolio.entries.CardEntry``, a
module that no longer exists. Laid where a rebuild finds it, the rebuild reads
every page again (the domain's ``data_version`` moved on with the classes) and
writes what a clean build writes.
"""

from __future__ import annotations

import pickle
import re
import shutil
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import REPO, copy_root

OLD = REPO / "tests" / "data" / "layout-0.1-flat"


def build(srcdir: Path, builddir: Path) -> tuple[str, str]:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir)
    try:
        app.build()
    finally:
        app.cleanup()
    status, warnings = (
        re.sub(r"\x1b\[[0-9;]*m", "", log.getvalue()) for log in (app.status, app.warning)
    )
    return status, warnings


def pages(outdir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
    }


def test_the_old_pickle_names_modules_that_are_gone():
    """The fixture is what it claims: unpickling it today fails on the old module."""
    data = (OLD / "environment.pickle").read_bytes()
    assert b"sphinx_portfolio.entries" in data
    sys.modules.pop("sphinx_portfolio.entries", None)
    with pytest.raises(ModuleNotFoundError, match=r"sphinx_portfolio\.entries"):
        pickle.loads(data)


def test_a_build_over_the_old_layouts_pickle_reads_everything_again(tmp_path):
    srcdir = copy_root("cards", tmp_path)
    _, clean_warnings = build(srcdir, tmp_path / "clean")
    doctrees = tmp_path / "upgraded" / "doctrees"
    shutil.copytree(OLD, doctrees)
    status, warnings = build(srcdir, tmp_path / "upgraded")
    assert "loading pickled environment... failed" in status
    assert "Traceback" not in status + warnings
    assert warnings == clean_warnings
    assert pages(tmp_path / "upgraded" / "html") == pages(tmp_path / "clean" / "html")
    # And the next build unpickles the environment it wrote.
    again, _ = build(srcdir, tmp_path / "upgraded")
    assert "loading pickled environment..." in again
    assert "loading pickled environment... failed" not in again
