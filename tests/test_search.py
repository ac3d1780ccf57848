"""search.py: what the search index holds so that the search page finds the card,
badge or paper a reader means (the browser tests run the real queries)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import build_site, copy_root, soup
from sphinx_portfolio.outputs.search import RARE, name_parts, words_and_pairs


def search_index(app) -> dict:
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.fixture
def built(fresh_root):
    return lambda buildername="html", **overrides: fresh_root("seo", buildername, **overrides)


def targets(index: dict, entry: str) -> set[tuple[str, str]]:
    """(docname, element id) pairs an index entry points at."""
    return {(index["docnames"][f], anchor) for f, anchor, _main in index["indexentries"][entry]}


def test_cards_and_lone_badges_get_entries_at_their_own_ids(built):
    index = search_index(built())
    card = ("work", "engine-works-analyst")
    assert targets(index, "ctr") == {card}  # a metric label
    assert targets(index, "cross-domain") == {card}  # a hyphenated word of the text
    assert targets(index, "cross domain") == {card}  # a word pair
    assert card in targets(index, "engines")  # a tag
    (lone,) = targets(index, "throughput")  # a badge outside any card: its own id
    assert lone[0] == "work" and lone[1].startswith("metric-")
    assert all(main for entries in index["indexentries"].values() for *_, main in entries)


def test_a_card_is_found_by_its_name_as_an_object_not_by_entries(built):
    """Sphinx's object search matches every word of "Analyst, Engine Works"."""
    index = search_index(built())
    assert "engine works" not in index["indexentries"]
    assert "analyst" not in index["indexentries"]
    names = [entry[4] for group in index["objects"].values() for entry in group]
    assert "Analyst, Engine Works" in names


def test_papers_are_found_by_their_pages_not_as_objects(built):
    """A thousand paper titles as objects would outweigh the site's whole index."""
    app = built()
    index = search_index(app)
    assert "portfolio:paper" not in index["objtypes"].values()
    assert not any("analytical" in entry for entry in index["indexentries"])
    paper_pages = [d for d in index["docnames"] if d.startswith("papers/")]
    assert paper_pages
    titles = [index["titles"][index["docnames"].index(d)] for d in paper_pages]
    assert any("Analytical Engine" in title for title in titles)
    inventory = (Path(app.outdir) / "objects.inv").read_bytes()
    assert inventory  # papers stay linkable from other projects (priority -1)


CARD = """
```{{experience-card}} {role}
:org: {org}

- {text}
```
"""


def many_cards_site(tmp_path, cards: list[tuple[str, str, str]]) -> Path:
    srcdir = copy_root("seo", tmp_path)
    body = "".join(CARD.format(role=r, org=o, text=t) for r, o, t in cards)
    (srcdir / "work.md").write_text("# Work\n" + body, encoding="utf-8")
    return srcdir


def test_a_word_many_cards_share_gets_no_entry(tmp_path):
    """Shared by more than RARE cards, "ranking" is left to Sphinx's page-level hits,
    one per page as stock gives; the word only one card has still points at it."""
    cards = [(f"Engineer {n}", f"Org {n}", "Improved ranking models.") for n in range(RARE + 1)]
    cards.append(("Intern", "Lab", "Improved ranking by distillation."))
    srcdir = many_cards_site(tmp_path, cards)
    app = build_site(srcdir)
    index = search_index(app)
    assert "ranking" not in index["indexentries"]
    assert "ranking models" not in index["indexentries"]  # a pair of common words
    assert targets(index, "distillation") == {("work", "lab-intern")}
    assert "rank" in index["terms"]  # the page is still found by the (stemmed) word


def test_a_rebuild_rewrites_pages_whose_entries_another_page_changed(tmp_path):
    """Rarity is site-wide: a card added on one page takes "distillation" away from
    a card on another, unchanged page; the rebuilt index equals a clean build's."""
    cards = [("Intern", "Lab", "Model distillation.")]
    srcdir = many_cards_site(tmp_path, cards)
    app = build_site(srcdir, freshenv=True)
    assert targets(search_index(app), "distillation") == {("work", "lab-intern")}
    # Nothing changed: the entries are kept as they were (not worked out again).
    assert search_index(build_site(srcdir)) == search_index(app)
    more = "".join(
        CARD.format(role=f"Engineer {n}", org=f"Org {n}", text="Model distillation.")
        for n in range(RARE)
    )
    (srcdir / "index.md").write_text(
        (srcdir / "index.md").read_text(encoding="utf-8") + more, encoding="utf-8"
    )
    rebuilt = search_index(build_site(srcdir))
    assert "distillation" not in rebuilt["indexentries"]
    clean = search_index(build_site(srcdir, freshenv=True))
    assert rebuilt == clean


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
    assert {index["objtypes"][str(e[1])] for e in entries} >= {"portfolio:card"}
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
