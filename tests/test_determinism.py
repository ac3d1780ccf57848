"""The site builds to the same bytes every time: twice in a row, and with -j 2.

Every output file is compared, none left out. Dates would be the usual culprit:
``SOURCE_DATE_EPOCH`` is set, as a reproducible-build pipeline would set it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import REPO

EPOCH = "1700000000"


def copy_docs(target: Path) -> Path:
    # _build: earlier output; papers/: paper pages the extension generates at build time
    shutil.copytree(REPO / "docs", target, ignore=shutil.ignore_patterns("_build", "papers"))
    return target


def build(srcdir: Path, builddir: Path, **kwargs) -> dict[str, bytes]:
    """A clean HTML build with a fresh app; every output file by relative path.

    Sphinx's log comes along under the key ``"(log)"``, for the parallel test.
    """
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, freshenv=True, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    outdir = Path(app.outdir)
    files = {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }
    return files | {"(log)": app.status.getvalue().encode()}


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    names = (set(first) | set(second)) - {"(log)"}
    return sorted(name for name in names if first.get(name) != second.get(name))


@pytest.fixture(scope="module")
def serial_build(tmp_path_factory) -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        root = tmp_path_factory.mktemp("serial")
        return build(copy_docs(root / "docs"), root / "build")


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def test_two_clean_builds_are_byte_identical(serial_build, tmp_path):
    # A second checkout elsewhere: no absolute path, time or ordering leaks in.
    again = build(copy_docs(tmp_path / "elsewhere" / "docs"), tmp_path / "build")
    assert len(serial_build) > 20
    assert "searchindex.js" in serial_build and "index.html" in serial_build
    assert differing(serial_build, again) == []


def test_a_parallel_build_equals_a_serial_one(serial_build, tmp_path):
    parallel = build(copy_docs(tmp_path / "docs"), tmp_path / "build", parallel=2)
    assert b" .. " in parallel["(log)"]  # pages were read in chunks, by two workers
    assert differing(serial_build, parallel) == []
