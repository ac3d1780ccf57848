"""Search on the Brazilian Portuguese site: Portuguese words find the card they are on.

The pt_BR build indexes its pages with Sphinx's Portuguese stemmer (snowball), so a
query finds a word's other forms ("navio" finds "navios"); the card's own entries
(outputs/search.py) are made from the translated text, so the card comes first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from reader_queries import PETROBRAS, SR_MLE

from .conftest import DOCS, open_tab, serving

QUERIES = [
    ("perfuração", [PETROBRAS]),  # drilling: a word of one card only
    ("navio", [PETROBRAS]),  # the text says "navios": found by its stem
    ("engajamento", [SR_MLE]),  # a badge's translated label
    ("destilação", ["experience.html#pinterest-pinterest-labs-research-intern"]),
]


@pytest.fixture(scope="module")
def site_pt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site-pt") / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-n", "--keep-going", "-b", "html"]
    command += ["-D", "language=pt_BR", str(DOCS), str(out)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("READTHEDOCS")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def server_pt(site_pt: Path) -> Iterator[str]:
    with serving(site_pt) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[object]:
    yield from open_tab(browser)


def search(tab, server: str, query: str) -> list[dict[str, str]]:
    tab.goto(f"{server}search.html?q={quote(query)}")
    # The summary, in Portuguese, is written once the search is done.
    tab.wait_for_function(
        "() => (document.querySelector('#search-results .search-summary')"
        "?.textContent || '').trim().length > 0"
    )
    tab.wait_for_load_state("networkidle")
    return tab.eval_on_selector_all(
        "#search-results ul.search > li",
        "items => items.map(li => ({href: li.querySelector('a').getAttribute('href')}))",
    )


def test_the_index_is_stemmed_in_portuguese(site_pt):
    import snowballstemmer

    text = (site_pt / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    stem = snowballstemmer.stemmer("portuguese").stemWord("navios")
    assert stem == "navi" and stem in index["terms"]
    options = (site_pt / "_static" / "documentation_options.js").read_text(encoding="utf-8")
    assert "LANGUAGE: 'pt-BR'" in options


@pytest.mark.parametrize(("query", "answers"), QUERIES, ids=[q for q, _ in QUERIES])
def test_a_portuguese_query_finds_the_card(tab, server_pt, query, answers):
    results = search(tab, server_pt, query)
    top = [r["href"] for r in results[:3]]
    assert any(answer in href for href in top for answer in answers), (query, top)
    assert not tab.errors
