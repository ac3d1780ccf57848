"""Read the Docs' server-side search: what it indexes of the built site, and what it finds.

The site is built as the README says and read by our implementation of Read the
Docs' HTML parser (tests/rtd_index.py) with the ``search`` settings of
.readthedocs.yaml: every card and paper is a section of its own, titled and
anchored as a reader would link to it, with none of the page furniture that is
there for the eye only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rtd_index
from bs4 import BeautifulSoup
from pybtex.database import parse_file
from reader_queries import QUERIES

from conftest import REPO, build_docs

CONFIG = REPO / ".readthedocs.yaml"
GLYPHS = re.compile("[▲▼→]")
BIBTEX = re.compile(r"@\w+\{|BibTeX")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_docs(out)
    return out


@pytest.fixture(scope="module")
def pages(site) -> dict[str, rtd_index.Page]:
    return {page.path: page for page in rtd_index.parse_site(site, rtd_index.read_config(CONFIG))}


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def sections_with_id(page: rtd_index.Page, section_id: str) -> list[rtd_index.Section]:
    return [section for section in page.sections if section.id == section_id]


# -- the parser's rules, on a page small enough to read --------------------------------


def test_the_parser_rules_on_a_small_page():
    page = rtd_index.parse_page(
        "x.html",
        """<html><head><title>T</title></head><body><nav>menu</nav>
        <div role="main"><p>kicker</p>
        <section id="top"><h1>Top<a class="headerlink">¶</a></h1><p>intro <b>bold</b></p>
        <p class="lineno">hidden</p><span aria-hidden="true">shown</span>
        <article id="card"><h2>Role<span>, Org</span></h2><p>Org</p><p>body</p></article>
        <dl><dt id="term">Term</dt><dd>meaning</dd></dl></section></div></body></html>""",
    )
    assert page.title == "Top"
    found = [(s.id, s.title, s.content) for s in page.sections]
    assert found == [
        ("term", "Term", "meaning"),
        ("", "Top", "kicker"),
        ("top", "Top", "intro bold shown"),
        ("card", "Role, Org", "Org body"),
    ]


# -- what is indexed ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["experience.html", "education.html"])
def test_each_card_is_one_section_titled_role_and_organisation(site, pages, path):
    cards = html(site, path).select("article.portfolio-experience")
    assert cards
    for card in cards:
        found = sections_with_id(pages[path], card["id"])
        assert [s.title for s in found] == [f"{card['data-role']}, {card['data-org']}"]


def test_the_card_heading_still_shows_the_role_only(site):
    for card in html(site, "experience.html").select("article.portfolio-experience"):
        heading = card.select_one(".portfolio-experience-title")
        hidden = heading.select_one(".portfolio-visually-hidden")
        assert hidden.get_text() == f", {card['data-org']}"
        hidden.decompose()
        assert heading.get_text() == card["data-role"]


def test_each_paper_is_one_section_titled_and_anchored_by_its_key(site, pages):
    keys = list(parse_file(REPO / "docs" / "papers.bib").entries)
    items = {item["id"]: item for item in html(site, "papers.html").select(".portfolio-paper")}
    assert sorted(items) == sorted(keys)
    for key, item in items.items():
        title = " ".join(item.select_one(".portfolio-title").get_text().split())
        found = sections_with_id(pages["papers.html"], key)
        assert [s.title for s in found] == [title], key
        assert "Soares" in found[0].content  # the paper's own text: its authors


def test_every_section_has_an_id(pages):
    empty = [(path, s.title) for path, page in pages.items() for s in page.sections if not s.id]
    assert empty == []


def test_no_bibtex_glyphs_or_eyebrows_in_any_section(site, pages):
    eyebrows = {
        " ".join(p.get_text().split())
        for path in pages
        for p in html(site, path).select(".portfolio-eyebrow")
    }
    assert "02 · chronology" in eyebrows
    for path, page in pages.items():
        for section in page.sections:
            text = f"{section.title} {section.content}"
            assert not GLYPHS.search(text), (path, section.id, text)
            assert not BIBTEX.search(text), (path, section.id, text)
            assert not [e for e in eyebrows if e in text], (path, section.id, text)


def test_a_card_states_each_figure_once(site, pages):
    """The summary strip repeats every badge for the eye; indexed, each would count twice."""
    for card in html(site, "experience.html").select("article.portfolio-experience"):
        content = sections_with_id(pages["experience.html"], card["id"])[0].content
        for badge in card.select("li .portfolio-metric"):
            for arrow in badge.select(".portfolio-metric-arrow"):
                arrow.decompose()
            figure = " ".join(badge.get_text().split())
            shown = len([b for b in card.select("li .portfolio-metric") if figure in b.get_text()])
            assert content.count(figure) == shown, (card["id"], figure)


# -- .readthedocs.yaml ----------------------------------------------------------------


def test_search_settings_keep_the_defaults_and_drop_pages_that_repeat(site, pages):
    search = rtd_index.read_config(CONFIG)
    assert set(rtd_index.DEFAULT_IGNORE) <= set(search["ignore"])
    assert (site / "genindex.html").exists() and "genindex.html" not in pages
    assert (site / "portfolio-impact.html").exists() and "portfolio-impact.html" not in pages
    assert "search.html" not in pages and "404.html" not in pages
    assert pages["experience.html"].rank > 0 and pages["papers.html"].rank > 0
    assert pages["index.html"].rank == 0


# -- what it finds -------------------------------------------------------------------------


def answers_in(hit: rtd_index.Hit, answers: list[str]) -> list[str]:
    links = [f"{hit.page.path}#{section.id}" for _, section in hit.sections]
    return [link for link in links if any(answer in link for answer in answers)]


@pytest.mark.parametrize(("query", "answers"), QUERIES, ids=[q for q, _ in QUERIES])
def test_reader_query_lands_on_the_card_or_paper(pages, query, answers):
    """On every page that answers the query, the answer is the first section shown
    (Read the Docs lists each page with its best sections); and a page that answers
    it is among the first two pages."""
    hits = rtd_index.rank(list(pages.values()), query)
    answering = [hit for hit in hits if answers_in(hit, answers)]
    assert answering, f"{query!r}: no section answers it"
    for hit in answering:
        first = f"{hit.page.path}#{hit.sections[0][1].id}"
        assert any(answer in first for answer in answers), f"{query!r}: {first} comes first"
    shown = [hit.page.path for hit in hits[:2]]
    assert answering[0] in hits[:2], f"{query!r}: the first pages are {shown}"
