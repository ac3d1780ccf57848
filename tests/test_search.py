"""search.py: what the search index holds so that the search page finds the card,
badge or paper a reader means (the browser tests run the real queries)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import soup
from sphinx_portfolio.search import name_parts, words_and_pairs


def search_index(app) -> dict:
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.fixture
def built(fresh_root):
    return lambda buildername="html", **overrides: fresh_root("seo", buildername, **overrides)


def targets(index: dict, entry: str) -> set[tuple[str, str]]:
    """(docname, element id) pairs an index entry points at."""
    return {(index["docnames"][f], anchor) for f, anchor, _main in index["indexentries"][entry]}


def test_cards_badges_and_papers_get_entries_at_their_own_ids(built):
    index = search_index(built())
    card = ("work", "engine-works-analyst")
    assert targets(index, "ctr") == {card}  # a metric label
    assert targets(index, "engine works") == {card}  # the organisation
    assert targets(index, "cross-domain") == {card}  # a hyphenated word of the text
    assert targets(index, "cross domain") == {card}  # a word pair
    assert card in targets(index, "engines")  # a tag
    (lone,) = targets(index, "throughput")  # a badge outside any card: its own id
    assert lone[0] == "work" and lone[1].startswith("metric-")
    (paper,) = targets(index, "notes on the analytical engine")
    assert paper[0] == "papers"
    assert all(main for entries in index["indexentries"].values() for *_, main in entries)


def test_entries_point_at_existing_ids(built):
    app = built()
    index = search_index(app)
    for entries in index["indexentries"].values():
        for file, anchor, _main in entries:
            html = Path(app.outdir) / f"{index['docnames'][file]}.html"
            assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), anchor


def test_objects_carry_their_real_anchor(built):
    """Sphinx would rebuild an implicit anchor from the display name ("#Analyst, Engine
    Works"); a second id would be an empty <span> with nothing to show as an excerpt."""
    app = built()
    index = search_index(app)
    ours = {int(n) for n, name in index["objtypes"].items() if name.startswith("portfolio:")}
    entries = [e for group in index["objects"].values() for e in group if e[1] in ours]
    assert {index["objtypes"][str(e[1])] for e in entries} >= {"portfolio:card", "portfolio:paper"}
    for file, _type, _prio, anchor, _name in entries:
        page = soup(app, index["docnames"][file])
        element = page.find(id=anchor)
        assert element is not None and element.get_text(strip=True), anchor


def test_the_search_page_gets_our_scorer(built):
    app = built()
    language_data = (Path(app.outdir) / "_static" / "language_data.js").read_text()
    assert "portfolioNames" in language_data


def test_a_sites_own_scorer_wins(built, tmp_path):
    scorer = tmp_path / "scorer.js"
    scorer.write_text("var Scorer = {mine: true};\n", encoding="utf-8")
    app = built(html_search_scorer=str(scorer))
    language_data = (Path(app.outdir) / "_static" / "language_data.js").read_text()
    assert "mine: true" in language_data and "portfolioNames" not in language_data


def test_general_index_and_latex_do_not_get_the_entries(built):
    html = built()
    genindex = (Path(html.outdir) / "genindex.html").read_text(encoding="utf-8")
    assert "throughput" not in genindex
    latex = built("latex")
    tex = "".join(p.read_text(encoding="utf-8") for p in Path(latex.outdir).glob("*.tex"))
    assert "\\index{throughput" not in tex


def test_entries_can_be_switched_off(built):
    index = search_index(built(portfolio_search_entries=False))
    assert "throughput" not in index["indexentries"]


def test_words_and_pairs():
    found = words_and_pairs(
        "Integrated cross-domain embeddings, and LLM-empowered agents.", {"and"}
    )
    assert {"cross-domain", "cross domain", "domain embeddings", "llm", "empowered agents"} <= found
    assert "embeddings llm" not in found  # a pair never spans a comma
    assert "and" not in found


def test_name_parts():
    parts = set(name_parts(["Ph.D. in Computer Science (Machine Learning)"]))
    assert {"ph.d.", "computer science", "machine learning"} <= parts
