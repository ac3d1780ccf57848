"""Reader queries on the real search page: the card, badge or paper meant comes first.

Each query is what a recruiter or a researcher would type; the expected hit is a
link to the card (or paper, or page) that answers it, within the first three
results, shown with an excerpt that contains what was searched for.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from reader_queries import QUERIES, SR_MLE

from .conftest import open_tab


@pytest.fixture(scope="module")
def search_page(browser, server):
    yield from open_tab(browser)


def search(tab, server: str, query: str) -> list[dict[str, str]]:
    """Run a query on search.html; each result's link and excerpt, best first."""
    tab.errors.clear()
    tab.goto(f"{server}search.html?q={quote(query)}")
    tab.wait_for_function(
        "() => /finished|did not match/.test("
        "document.querySelector('#search-results .search-summary')?.textContent || '')"
    )
    tab.wait_for_load_state("networkidle")  # excerpts arrive by fetch after the list
    return tab.eval_on_selector_all(
        "#search-results ul.search > li",
        """items => items.map(li => ({
            href: li.querySelector('a').getAttribute('href'),
            title: li.querySelector('a').textContent,
            excerpt: (li.querySelector('.context') || li).textContent,
        }))""",
    )


@pytest.mark.parametrize(("query", "answers"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_what_the_reader_means(search_page, server, query, answers):
    results = search(search_page, server, query)
    top = results[:3]
    hits = [r for r in top if any(answer in r["href"] for answer in answers)]
    shown = [(r["title"], r["href"]) for r in top]
    assert hits, f"{query!r}: none of {answers} in the top 3: {shown}"
    # The excerpt shows the word searched for, or a form of it ("embedding").
    stems = [w.lower()[:6] for w in query.replace("-", " ").replace(".", " ").split() if len(w) > 1]
    assert any(stem in hits[0]["excerpt"].lower() for stem in stems), (
        f"{query!r}: the excerpt does not show it: {hits[0]['excerpt']!r}"
    )
    assert not search_page.errors


def test_every_expected_answer_is_an_element_of_the_site(site):
    """The answers above name elements that exist: a card id or paper key that is
    renamed fails here, not silently in a query that then "finds" nothing."""
    ids = {}
    for page in ("experience.html", "education.html", "papers.html"):
        html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        ids[page] = {tag["id"] for tag in html.find_all(id=True)}
    missing = []
    for answer in {answer for _, answers in QUERIES for answer in answers}:
        page, _, anchor = answer.partition("#")
        if anchor:
            found = anchor in ids.get(page, set())
        elif page.endswith(".html"):
            found = (site / page).is_file()
        else:  # a paper's citation key, part of its id on the papers page
            found = any(answer in element for element in ids["papers.html"])
        if not found:
            missing.append(answer)
    assert missing == []


def test_result_links_land_on_an_existing_element(search_page, server):
    """Every link of a result list points to an element that exists on its page."""
    results = search(search_page, server, "Pinterest")
    assert results
    for result in results:
        href = result["href"]
        search_page.goto(server + href)
        anchor = href.partition("#")[2]
        if anchor:
            found = search_page.evaluate("id => !!document.getElementById(id)", anchor)
            assert found, f"{href} has no element with id {anchor!r}"


def test_hits_are_named_after_the_card_or_paper(search_page, server):
    """A card found by a figure is listed under its own name, not the page's title."""
    results = search(search_page, server, "CTR")
    card = next(r for r in results if r["href"] == SR_MLE)
    assert card["title"] == "Sr. Machine Learning Engineer, Pinterest"
    results = search(search_page, server, "ToMCAT")
    assert results[0]["title"].startswith("The ToMCAT Dataset")
    assert not search_page.errors


@pytest.mark.parametrize("query", ["Pyarelal", "CTR", "Petrobras"])
def test_excerpts_quote_the_text_not_what_is_unindexed(search_page, server, query):
    """An excerpt quotes what the page says, as a search engine indexes it: not a
    paper's BibTeX block, not a card's repeated row of figures, no arrow glyph."""
    results = search(search_page, server, query)
    excerpts = [r["excerpt"] for r in results if r["href"].split("#")[0].endswith(".html")]
    assert excerpts
    for excerpt in excerpts:
        assert not re.search(r"@\w+\{|[▲▼]", excerpt), f"{query!r}: {excerpt!r}"
        # A card heading's organisation is hidden for the eye (it is in the visible
        # line below): quoted once, as the page shows it.
        assert not re.search(r"\b(Pinterest|Petrobras) \1\b", excerpt), excerpt
    assert not search_page.errors
