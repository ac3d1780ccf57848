"""What a reader sees in a result list: one result per place, excerpts that start at
a word, and block elements (a glossary term and its definition, list items, table
cells) kept apart (static/portfolio-search.js)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from reader_queries import SR_MLE

from .conftest import open_tab
from .test_search import search


@pytest.fixture(scope="module")
def search_page(browser, server):
    yield from open_tab(browser)


def page_of(href: str) -> str:
    return href.partition("#")[0]


@pytest.mark.parametrize(
    ("query", "place", "page"),
    [
        ("CTR", SR_MLE, "experience.html"),  # a card, and the page it is on
        ("CTR", "glossary.html#term-CTR", "glossary.html"),  # a term, and its glossary
        ("CPC", "glossary.html#term-CPC", "glossary.html"),
        ("ToMCAT", "papers/pyarelal2023tomcat.html", "papers.html"),  # a paper, its list
    ],
)
def test_one_result_per_place(search_page, server, query, place, page):
    results = search(search_page, server, query)
    hrefs = [r["href"] for r in results]
    assert place in hrefs, hrefs
    assert page not in hrefs, f"{query!r}: {page} repeats what {place} shows: {hrefs}"
    status = search_page.text_content(".search-summary")
    count = re.search(r"found (\d+|one) page", status).group(1)
    assert count == ("one" if len(results) == 1 else str(len(results))), status  # as listed
    assert not search_page.errors


def test_a_page_that_adds_another_passage_stays(search_page, server):
    """The home page's own sentence about CTR is not the card's: it stays listed."""
    hrefs = [r["href"] for r in search(search_page, server, "CTR")]
    assert "index.html" in hrefs


def words_of(site, href: str) -> set[str]:
    html = (site / page_of(href)).read_text(encoding="utf-8")
    return set(re.findall(r"\w+", BeautifulSoup(html, "html.parser").get_text(" ")))


@pytest.mark.parametrize("query", ["CTR", "CPC", "embeddings", "Pyarelal", "latency"])
def test_excerpts_start_and_end_at_a_word(search_page, server, site, query):
    for result in search(search_page, server, query):
        excerpt = result["excerpt"].strip()
        words = words_of(site, result["href"])
        first = re.match(r"(?:\.\.\.)?[(\"'“‘]?(\w+)", excerpt)
        last = re.search(r"(\w+)(?:\W*)(?:\.\.\.)?$", excerpt)
        assert first and first.group(1) in words, f"{query!r} starts mid-word: {excerpt!r}"
        assert last and last.group(1) in words, f"{query!r} ends mid-word: {excerpt!r}"


def test_a_term_and_its_definition_are_apart(search_page, server):
    results = search(search_page, server, "CPC")
    term = next(r for r in results if r["href"] == "glossary.html#term-CPC")
    assert term["excerpt"].startswith("CPC Cost per click")  # the term, then its definition
    for result in results + search(search_page, server, "Cost per click"):
        assert "CPCCost" not in result["excerpt"] and "CTRClick" not in result["excerpt"]
