"""An incremental rebuild equals a clean build, after any sequence of edits.

Each step edits the sources of a copy of tests/roots/test-incremental, rebuilds
with a fresh application (as a second ``sphinx-build`` run would) and compares
every output file, byte for byte, with a clean build of the same sources.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def build(srcdir: Path, builddir: Path, **kwargs) -> tuple[set[str], set[str]]:
    """Build HTML with a fresh app; return the docnames Sphinx read and wrote."""
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    log = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    read = set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", log))
    written = set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", log))
    return read, written


def files(outdir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def assert_same_output(srcdir: Path, incremental: Path, tmp_path: Path, stale=()) -> None:
    """The incremental output equals a clean build's, file for file.

    ``stale`` names output files of deleted pages: Sphinx never deletes output,
    so they stay in an incremental build's folder (stock behaviour, unlinked).
    """
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build(srcdir, clean)
    expected, got = files(clean / "html"), files(incremental / "html")
    # A deleted page's output stays, and so does the preview picture it names.
    named = re.compile(r'og:image" content="(?:[^"]*/)?(_images/social/\w+\.png)')
    pictures = [named.search(got[page].decode()) for page in stale if page.endswith(".html")]
    stale = [*stale, *(found.group(1) for found in pictures if found)]
    assert sorted(set(got) - set(expected)) == sorted(stale)
    assert sorted(set(expected) - set(got)) == []
    differing = [name for name in expected if comparable(name, expected) != comparable(name, got)]
    assert differing == [], diff_of(differing[0], expected, got)


def comparable(name: str, output: dict[str, bytes]) -> object:
    """The file as compared; in the search index, one stock Sphinx quirk set aside.

    After a page is deleted, words only it had stay in ``terms`` with an empty
    list of pages: they find nothing, so a reader cannot tell.
    """
    if name != "searchindex.js":
        return output[name]
    index = search_index(output[name])
    for table in ("terms", "titleterms"):
        index[table] = {word: pages for word, pages in index[table].items() if pages != []}
    return index


def search_index(data: bytes) -> dict:
    text = data.decode("utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def diff_of(name: str, expected: dict[str, bytes], got: dict[str, bytes]) -> str:
    lines = difflib.unified_diff(
        expected[name].decode("utf-8", "replace").splitlines(),
        got[name].decode("utf-8", "replace").splitlines(),
        f"clean/{name}",
        f"incremental/{name}",
        n=1,
        lineterm="",
    )
    return "\n".join(list(lines)[:40])


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    touch_later(path)


def touch_later(path: Path) -> None:
    # A clearly later mtime, so the change is seen however coarse the clock is.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def site(tmp_path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", srcdir)
    return srcdir


def test_rebuild_after_each_edit_equals_a_clean_build(site, tmp_path):
    builddir = tmp_path / "incremental"
    build(site, builddir)

    # a badge added
    edit(site / "jobs.md", "- Kept {metric", "- Shipped {metric-badge}`+1% CTR`.\n- Kept {metric")
    build(site, builddir)
    assert_same_output(site, builddir, tmp_path)

    # a badge changed, on a page the summary is not on
    edit(site / "studies.md", "2.5× throughput", "3.5× throughput")
    build(site, builddir)
    assert_same_output(site, builddir, tmp_path)

    # a badge removed
    edit(site / "jobs.md", " and {metric-badge}`+2.6% CTR`", "")
    build(site, builddir)
    assert_same_output(site, builddir, tmp_path)

    # a card moved to another page (notes.md links to it and is not edited)
    jobs = (site / "jobs.md").read_text(encoding="utf-8")
    card = jobs[jobs.index("````{experience-card} Engineer") :]
    edit(site / "jobs.md", card, "")
    edit(site / "studies.md", "A figure outside", card + "\nA figure outside")
    build(site, builddir)
    assert_same_output(site, builddir, tmp_path)

    # a page deleted (and taken out of the toctree)
    (site / "extra.md").unlink()
    edit(site / "index.md", "summary\nextra\n", "summary\n")
    build(site, builddir)
    assert_same_output(site, builddir, tmp_path, stale=["_sources/extra.md.txt", "extra.html"])


def test_a_link_to_a_moved_card_follows_it(site, tmp_path):
    builddir = tmp_path / "incremental"
    build(site, builddir)
    card = (site / "jobs.md").read_text(encoding="utf-8")
    card = card[card.index("````{experience-card} Engineer") :]
    edit(site / "jobs.md", card, "")
    edit(site / "studies.md", "A figure outside", card + "\nA figure outside")
    # notes.md is unchanged, but its link to the card must now lead to studies
    read, written = build(site, builddir)
    assert "notes" not in read and "notes" in written
    notes = (builddir / "html" / "notes.html").read_text(encoding="utf-8")
    assert 'href="studies.html#beta-engineer"' in notes
    assert "jobs.html#beta-engineer" not in notes


def test_an_edit_rereads_one_page_and_rewrites_only_what_shows_it(site, tmp_path):
    builddir = tmp_path / "incremental"
    build(site, builddir)
    assert build(site, builddir) == (set(), set())
    edit(site / "jobs.md", "- Kept", "- Still kept")  # prose only: no figure, no link moves
    assert build(site, builddir) == ({"jobs"}, {"jobs", "index"})  # index: the toctree's page
    edit(site / "jobs.md", "+2.6% CTR", "+2.7% CTR")  # a figure: the summary shows it
    assert build(site, builddir) == ({"jobs"}, {"jobs", "index", "summary"})


def test_search_index_entries_survive_a_rebuild(site, tmp_path):
    builddir = tmp_path / "incremental"
    build(site, builddir)
    index = builddir / "html" / "searchindex.js"
    entries = search_index(index.read_bytes())["indexentries"]
    assert "attendance" in entries  # a card, found by a word of it (its name: an object)
    build(site, builddir)  # nothing changed
    assert search_index(index.read_bytes())["indexentries"] == entries
