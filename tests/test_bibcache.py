"""The formatted-entry cache: kept across builds, dropped by any change to what it depends on.

Each test builds the publications root once, then marks every cached result so
the next build shows "STALE" wherever it reuses one: a citation's tooltip is
sphinxcontrib-bibtex's formatting of the entry. With nothing changed the mark
shows (the cache is used); after a change to the code stamp, a .bib entry, an
owner pattern or the language, the page shows freshly formatted text.
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.richtext import Text
from pybtex.style import FormattedEntry

from conftest import build_site, copy_root
from sphinx_portfolio.core import version
from sphinx_portfolio.papers import cache as bibcache

STALE = "STALE"


def tooltips(outdir: Path) -> dict[str, str]:
    """{entry key: tooltip} of the citations on the interests page."""
    html = BeautifulSoup((outdir / "interests.html").read_text(encoding="utf-8"), "html.parser")
    return {
        link["href"].rpartition("#")[2]: link["title"]
        for link in html.select("a.reference.internal[title]")
        if "#" in link["href"]
    }


def mark_cached_results(doctreedir: Path) -> None:
    """Replace every cached formatted entry with one that reads "STALE"."""
    path = doctreedir / bibcache.CACHE_FILE
    cached = pickle.loads(path.read_bytes())
    marked = 0
    for key, value in cached.items():
        if isinstance(value, FormattedEntry):
            cached[key] = FormattedEntry(value.key, Text(STALE), value.label)
            marked += 1
    assert marked, "the first build cached no formatted entry"
    path.write_bytes(pickle.dumps(cached))


def rebuild(srcdir: Path, **overrides) -> dict[str, str]:
    # A newer source makes Sphinx write the citing page again.
    page = srcdir / "interests.md"
    later = time.time() + 10
    os.utime(page, (later, later))
    app = build_site(srcdir, confoverrides=overrides)
    return tooltips(Path(app.outdir))


@pytest.fixture
def marked_site(tmp_path):
    srcdir = copy_root("publications", tmp_path)
    app = build_site(srcdir)
    first = tooltips(Path(app.outdir))
    assert STALE not in " ".join(first.values())
    mark_cached_results(Path(app.doctreedir))
    return srcdir, first


def test_unchanged_inputs_reuse_the_cache(marked_site):
    srcdir, _ = marked_site
    assert set(rebuild(srcdir).values()) == {STALE}


def test_a_new_code_stamp_drops_the_cache(marked_site, monkeypatch):
    srcdir, first = marked_site
    monkeypatch.setattr(version, "_STAMP", ["another version of the extension"])
    assert rebuild(srcdir) == first


def test_an_edited_entry_is_formatted_again(marked_site):
    srcdir, _ = marked_site
    bib = srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    assert "Notes on the Analytical Engine" in text
    bib.write_text(text.replace("Notes on the Analytical Engine", "Sketch of the Engine"))
    shown = rebuild(srcdir)
    assert "Sketch of the Engine" in shown["older2019"]
    assert shown["newest2025"] == STALE  # an entry left alone keeps its result


def test_a_new_owner_pattern_drops_the_cache(marked_site):
    srcdir, first = marked_site
    assert "Ada M. Lovelace" in first["newest2025"]  # kept visible as the owner
    shown = rebuild(srcdir, portfolio_owner=["Grace Hopper"])
    assert STALE not in shown.values()
    assert "Ada M. Lovelace" not in shown["newest2025"]  # no longer the owner: collapsed


def test_another_language_drops_the_cache(marked_site):
    srcdir, first = marked_site
    assert "In Proceedings" in first["newest2025"]
    shown = rebuild(srcdir, language="pt_BR")
    assert "Em Proceedings" in shown["newest2025"]
    assert "páginas 1–10" in shown["older2019"]


@pytest.mark.parametrize(
    "damaged",
    [
        b"\x80\x04\x95" + b"\xff" * 8 + b"K",  # a frame length no file has: OverflowError
        b"\x80\x04]\x94.",  # a list, not the cache's dict
        b"\x80\x04\x95\x05",  # cut short
        b"not a pickle",
    ],
)
def test_a_damaged_cache_file_is_formatted_afresh(marked_site, damaged):
    srcdir, first = marked_site
    cache = srcdir / "_build" / "doctrees" / bibcache.CACHE_FILE
    assert cache.is_file()
    cache.write_bytes(damaged)
    assert rebuild(srcdir) == first
