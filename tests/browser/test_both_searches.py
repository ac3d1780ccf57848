"""Both searches a visitor meets agree: Sphinx's search page and Read the Docs'.

For each reader query (tests/reader_queries.py), the card or paper meant is the
first hit of Sphinx's search page in Chromium, and the first section of its page
in Read the Docs' ranking of the same build (tests/rtd_index.py, with the
``search`` settings of .readthedocs.yaml).
"""

from __future__ import annotations

import pytest
import rtd_index
from reader_queries import QUERIES

from .conftest import REPO, open_tab
from .test_search import search


@pytest.fixture(scope="module")
def search_page(browser, server):
    yield from open_tab(browser)


@pytest.fixture(scope="module")
def indexed(site) -> list[rtd_index.Page]:
    return rtd_index.parse_site(site, rtd_index.read_config(REPO / ".readthedocs.yaml"))


# Where Sphinx scores two hits alike it sorts them by title; the scorer
# (static/portfolio-search.js) breaks such ties for the card or the paper's page.
@pytest.mark.parametrize(("query", "answers"), QUERIES, ids=[query for query, _ in QUERIES])
def test_both_searches_put_the_answer_first(search_page, server, indexed, query, answers):
    results = search(search_page, server, query)
    assert results, f"{query!r}: Sphinx's search found nothing"
    first = results[0]["href"]
    assert any(answer in first for answer in answers), f"{query!r}: Sphinx shows {first} first"
    page = first.partition("#")[0].partition("?")[0]
    hit = next((h for h in rtd_index.rank(indexed, query) if h.page.path == page), None)
    assert hit is not None, f"{query!r}: Read the Docs finds nothing on {page}"
    section = f"{page}#{hit.sections[0][1].id}"
    assert any(answer in section for answer in answers), f"{query!r}: {section} comes first"
    assert not search_page.errors
