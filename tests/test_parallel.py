"""Parallel, then incremental: a -j 2 build, then edits rebuilt serially and with -j 2.

As sphinxcontrib-bibtex tests it: tests/roots/test-incremental has six pages, so with
-j 2 each of two workers reads three (cards on one side, the impact summary on the
other) and the main process only merges what they send back. After each edit the
rebuild must re-read and re-write exactly the pages that show the change, warn at
the right file and line, and leave an output equal to a clean build's.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from typing import NamedTuple

import pytest
from sphinx.testing.util import SphinxTestApp
from test_incremental import comparable, diff_of, files

from conftest import ROOTS

DUPLICATE = """````{experience-card} Lead
:org: Omega
:name: NAME

- Led {metric-badge}`+9% reach`.
````

"""


class Run(NamedTuple):
    read: set[str]
    written: set[str]
    warnings: list[str]


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def site(tmp_path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", srcdir)
    return srcdir


def build(srcdir: Path, builddir: Path, parallel: int = 0) -> Run:
    """Build HTML with a fresh app (a second sphinx-build run); what it read and wrote.

    Read: the docnames Sphinx hands to its readers. Written: the docnames resolved
    for writing, which the main process does for every page, serial or parallel.
    """
    # Warning types are shown by default only from Sphinx 8. No sidebar: Sphinx 7.4 does
    # not rewrite every page when a toctree changes, so stock navigation would go stale.
    overrides = {"show_warning_types": True, "html_sidebars": {"**": []}}
    app = SphinxTestApp(
        "html", srcdir=srcdir, builddir=builddir, parallel=parallel, confoverrides=overrides
    )
    read: set[str] = set()
    written: set[str] = set()
    app.connect("env-before-read-docs", lambda app, env, docnames: read.update(docnames))
    app.connect("doctree-resolved", lambda app, doctree, docname: written.add(docname))
    try:
        app.build()
    finally:
        app.cleanup()
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    warnings = [line.replace(f"{srcdir}{os.sep}", "") for line in text.splitlines() if line]
    return Run(read, written, warnings)


def edit(path: Path, old: str, new: str) -> None:
    """Change a source; its mtime is now, after the last build read it, and no later,
    so the next build sees this edit and the one after does not see it again."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    now = time.time_ns()
    os.utime(path, ns=(now, now))


def assert_same_as_clean(srcdir: Path, builddir: Path, tmp_path: Path, stale=()) -> Run:
    """The output equals a clean serial build's, file for file; return that build."""
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    run = build(srcdir, clean)
    expected, got = files(clean / "html"), files(builddir / "html")
    # A deleted page's output stays, and so does the preview picture it names.
    named = re.compile(r'og:image" content="(?:[^"]*/)?(_images/social/\w+\.png)')
    pictures = [named.search(got[page].decode()) for page in stale if page.endswith(".html")]
    stale = [*stale, *(found.group(1) for found in pictures if found)]
    assert sorted(set(got) - set(expected)) == sorted(stale)
    assert sorted(set(expected) - set(got)) == []
    differing = [name for name in expected if comparable(name, expected) != comparable(name, got)]
    assert differing == [], diff_of(differing[0], expected, got)
    return run


def card_of(srcdir: Path, page: str, title: str) -> str:
    text = (srcdir / page).read_text(encoding="utf-8")
    start = text.index(f"````{{experience-card}} {title}")
    return text[start : text.index("````\n", start + 4) + 5]


DUPLICATE_WARNING = (
    "studies.md:3: WARNING: duplicate experience card name 'acme-staff', "
    "other instance in jobs (set a unique :name:) [portfolio.duplicate]"
)


@pytest.mark.parametrize("rebuild", [0, 2], ids=["serial", "parallel"])
def test_edits_after_a_parallel_build(site, tmp_path, rebuild):
    builddir = tmp_path / "incremental"
    first = build(site, builddir, parallel=2)
    pages = {"index", "jobs", "studies", "notes", "summary", "extra"}
    assert first == Run(pages, pages, [])

    def step(*, read: set[str], written: set[str], warnings=(), stale=()) -> None:
        assert build(site, builddir, rebuild) == Run(read, written, list(warnings))
        assert_same_as_clean(site, builddir, tmp_path, stale)

    # "index" is written whenever a page it lists is re-read (its toctree), and
    # "summary" whenever a figure it shows changes.
    edit(site / "jobs.md", "- Kept {metric", "- Shipped {metric-badge}`+1% CTR`.\n- Kept {metric")
    step(read={"jobs"}, written={"jobs", "index", "summary"})

    edit(site / "studies.md", "2.5× throughput", "3.5× throughput")
    step(read={"studies"}, written={"studies", "index", "summary"})

    edit(site / "jobs.md", " and {metric-badge}`+2.6% CTR`", "")
    step(read={"jobs"}, written={"jobs", "index", "summary"})

    # notes.md links to the card: not re-read, but written with the new link
    card = card_of(site, "jobs.md", "Engineer")
    edit(site / "jobs.md", card, "")
    edit(site / "studies.md", "A figure outside", card + "\nA figure outside")
    step(read={"jobs", "studies"}, written={"jobs", "studies", "notes", "index", "summary"})

    (site / "extra.md").unlink()
    edit(site / "index.md", "summary\nextra\n", "summary\n")
    step(
        read={"index"},
        written={"index", "summary"},
        stale=["_sources/extra.md.txt", "extra.html"],
    )

    # studies.md now renumbers its badges: notes.md's link to p95 is written again
    edit(
        site / "studies.md",
        "# Studies\n\n",
        "# Studies\n\n" + DUPLICATE.replace("NAME", "acme-staff"),
    )
    step(
        read={"studies"},
        written={"studies", "notes", "index", "summary"},
        warnings=[DUPLICATE_WARNING],
        stale=["_sources/extra.md.txt", "extra.html"],
    )


@pytest.mark.parametrize(
    ("page", "name", "warning"),
    [
        ("studies.md", "acme-staff", DUPLICATE_WARNING),
        (
            "jobs.md",
            "gamma-researcher",
            "studies.md:3: WARNING: duplicate experience card name 'gamma-researcher', "
            "other instance in jobs (set a unique :name:) [portfolio.duplicate]",
        ),
    ],
    ids=["later-page-duplicates", "earlier-page-duplicates"],
)
def test_a_duplicate_across_workers_is_settled_as_a_serial_build_does(
    site, tmp_path, page, name, warning
):
    """The two cards are read by different workers, whose data the main process merges
    in whichever order they finish: the page a serial build reads first keeps the name,
    the later one gets the one warning, and the output is a serial build's."""
    edit(site / page, "\n\n", "\n\n" + DUPLICATE.replace("NAME", name))
    parallel = build(site, tmp_path / "parallel", parallel=2)
    assert parallel.warnings == [warning]
    serial = assert_same_as_clean(site, tmp_path / "parallel", tmp_path)
    assert serial.warnings == [warning]
