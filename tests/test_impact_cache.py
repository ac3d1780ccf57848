"""The impact index page is cached between builds (impact_index.cached_body).

Each test builds a root, changes one thing the page depends on, builds again in
the same directory (a second run, as a user would) and reads the page: a change
to the code or version, the language, a config value or the data shows.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_root, soup, visible_text, warnings_of
from sphinx_portfolio.cards import impact_index
from sphinx_portfolio.core import version


def soup_of(srcdir: Path) -> BeautifulSoup:
    """The index page as the last build in ``srcdir`` wrote it."""
    path = srcdir / "_build" / "html" / "portfolio-impact.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def index_text(app) -> str:
    """What a reader sees of the index page's body."""
    return visible_text(soup(app, "portfolio-impact").select_one("#impact-index"))


@pytest.fixture
def srcdir(tmp_path):
    srcdir = copy_root("typed", tmp_path)
    first = build_site(srcdir)
    assert warnings_of(first) == []
    assert "Figure Value Role" in index_text(first)
    return srcdir


def rename_a_column(monkeypatch, srcdir: Path) -> None:
    """An edit to the code that renders the page.

    A page the index does not show is touched too: Sphinx 7 writes nothing, the
    index included, when no page is out of date."""
    columns = ("Result", *impact_index.BASE_COLUMNS[1:])
    monkeypatch.setattr(impact_index, "BASE_COLUMNS", columns)
    index = srcdir / "index.md"
    mtime = time.time() + 5  # later than the first build read it
    os.utime(index, (mtime, mtime))


def test_the_same_inputs_reuse_the_page(srcdir, monkeypatch):
    # The code changes under the same stamp: the page must come from the cache,
    # or the tests below would pass without one.
    rename_a_column(monkeypatch, srcdir)
    assert "Figure Value Role" in index_text(build_site(srcdir))


@pytest.mark.parametrize("change", ["a module's source", "the extension's version"])
def test_new_code_refreshes_the_page(srcdir, monkeypatch, change):
    rename_a_column(monkeypatch, srcdir)
    # package_stamp() digests every module's source, __init__'s version included.
    monkeypatch.setattr(impact_index, "package_stamp", lambda: f"after {change}")
    assert "Result Value Role" in index_text(build_site(srcdir))


@pytest.mark.parametrize(
    "module", ["core/domain.py", "core/base.py", "cards/badges.py", "new/cli.py", "__init__.py"]
)
def test_the_stamp_covers_every_module(monkeypatch, module):
    """Every module, in the subpackages too (the old stamp read only the top folder)."""
    before = version.package_stamp()
    read_bytes = Path.read_bytes

    def edited(path: Path) -> bytes:
        edited = path.as_posix().endswith("/sphinx_portfolio/" + module)
        return read_bytes(path) + (b"\n# edited\n" if edited else b"")

    monkeypatch.setattr(Path, "read_bytes", edited)
    monkeypatch.setattr(version, "_STAMP", [])
    assert version.package_stamp() != before


def test_the_language_refreshes_the_page(srcdir):
    page = index_text(build_site(srcdir, confoverrides={"language": "pt_BR"}))
    assert "Figure Value Role" not in page
    assert "Índice de impacto" in page


def cpc_sentiment(page) -> str:
    return page.select_one("#metric-label-cpc .portfolio-metric")["data-metric-sentiment"]


def test_a_portfolio_value_refreshes_the_page(srcdir):
    assert cpc_sentiment(soup_of(srcdir)) == "good"  # CPC is a cost: a fall is good
    app = build_site(srcdir, confoverrides={"portfolio_metric_polarity": {"CPC": "higher"}})
    assert cpc_sentiment(soup(app, "portfolio-impact")) == "bad"  # a fall of what should rise


def test_the_link_suffix_refreshes_the_page(srcdir):
    app = build_site(srcdir, confoverrides={"html_link_suffix": ".htm"})
    page = soup(app, "portfolio-impact")
    hrefs = [a["href"] for a in page.select("#impact-index td a.internal")]
    assert hrefs and all(".htm" in href and ".html" not in href for href in hrefs)


def test_the_data_refreshes_the_page(srcdir):
    assert "−0.5% CPC" in visible_text(soup_of(srcdir).select_one("#impact-index"))
    work = srcdir / "work.md"
    work.write_text(work.read_text(encoding="utf-8").replace("−0.5% CPC", "−0.7% CPC"))
    page = index_text(build_site(srcdir))
    assert "−0.7% CPC" in page and "−0.5% CPC" not in page


@pytest.mark.parametrize("damaged", ["[]", '"text"', "{not json", "\udcff"])
def test_a_damaged_cache_file_renders_the_page_again(srcdir, monkeypatch, damaged):
    cache = srcdir / "_build" / "doctrees" / "portfolio-impact.html.json"
    assert cache.is_file()
    cache.write_text(damaged, encoding="utf-8", errors="surrogateescape")
    rename_a_column(monkeypatch, srcdir)  # the page is rendered, not read from the cache
    app = build_site(srcdir)
    assert warnings_of(app) == []
    assert "Result Value Role" in index_text(app)
