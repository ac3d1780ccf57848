"""Each wrapper of compat.py against the installed Sphinx and sphinxcontrib-bibtex.

CI runs this file at the lowest supported versions (.ci/run) and at the newest:
a failure here names the private API that a version changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.search import js_index

from conftest import build_site, copy_root, warnings_of
from sphinx_portfolio.core import compat


@pytest.fixture(scope="module")
def cards(tmp_path_factory):
    app = build_site(copy_root("cards", tmp_path_factory.mktemp("compat")))
    assert warnings_of(app) == []
    return app


def test_search_index_entries_are_the_ones_the_index_writes(cards):
    indexer = cards.builder.indexer
    entries = compat.search_index_entries(indexer)
    assert isinstance(entries, dict)
    entries["more"] = [("compat phrase", "some-anchor", "main")]
    written = indexer.freeze()["indexentries"]
    number = sorted(cards.env.all_docs).index("more")
    assert written["compat phrase"] == [(number, "some-anchor", True)]


def test_search_stopwords_follow_the_search_language(cards):
    english = compat.search_stopwords(cards.env, "en", {}, "")
    german = compat.search_stopwords(cards.env, "de", {}, "")
    assert {"the", "and"} <= english and "und" not in english
    assert "und" in german and "the" not in german


def test_search_index_reads_and_writes_as_sphinx_does(cards, tmp_path):
    path = Path(cards.outdir) / "searchindex.js"
    head, index = compat.read_search_index(path)
    assert head == js_index.PREFIX.rstrip("(")
    assert index == js_index.loads(path.read_text(encoding="utf-8"))
    assert "more" in index["docnames"]
    index["docnames"] = [*index["docnames"], "extra"]
    copy = tmp_path / "searchindex.js"
    compat.write_search_index(copy, head, index)
    assert js_index.loads(copy.read_text(encoding="utf-8")) == index


def test_an_unreadable_search_index_reads_as_none(tmp_path):
    path = tmp_path / "searchindex.js"
    for text in ("", "Search.setIndex(", "Search.setIndex({oops)", "Search.setIndex([1])"):
        path.write_text(text, encoding="utf-8")
        assert compat.read_search_index(path) is None
    path.write_bytes(b'Search.setIndex({"a": "\xe9"})')  # not UTF-8
    assert compat.read_search_index(path) is None
    assert compat.read_search_index(tmp_path / "missing.js") is None


def test_render_fragment_numbers_nothing_of_the_last_page(cards):
    # As if the last page written had numbered sections and figures.
    cards.builder.secnumbers = {"": (2,), "#label": (2, 1)}
    cards.builder.fignumbers = {"figure": {"fig": (3,)}}
    section = nodes.section("", nodes.title("Label", "Label"), ids=["label"])
    section += nodes.paragraph("", "Text.")
    html = compat.render_fragment(cards.builder, section)
    assert "Label" in html and "<p>Text.</p>" in html
    assert "2." not in html and "3" not in html


def resolve_ref(app, target: str, explicit: bool) -> nodes.Element | None:
    std = app.env.get_domain("std")
    contnode = nodes.inline("shown", "shown")
    node = addnodes.pending_xref(
        "", contnode, refdomain="std", reftype="ref", reftarget=target, refexplicit=explicit
    )
    return std.resolve_xref(app.env, "more", app.builder, "ref", target, node, contnode)


def test_point_label_moves_a_ref_silently(cards):
    std = cards.env.get_domain("std")
    compat.point_label(std, "compat-label", "index", "first-anchor", "First")
    compat.point_label(std, "compat-label", "roles", "moved-anchor", "Moved title")
    implicit = resolve_ref(cards, "compat-label", explicit=False)
    assert implicit["refuri"] == "roles.html#moved-anchor"
    assert implicit.astext() == "Moved title"
    explicit = resolve_ref(cards, "compat-label", explicit=True)
    assert explicit["refuri"] == "roles.html#moved-anchor"
    assert explicit.astext() == "shown"


def test_add_bibliography_makes_cite_resolve_to_the_papers_list(tmp_path):
    from bs4 import BeautifulSoup

    app = build_site(copy_root("publications", tmp_path), confoverrides={"nitpicky": True})
    assert warnings_of(app) == []
    values = app.env.get_domain("cite").bibliographies.values()
    ours = [value for value in values if value.citation_nodes]
    assert len(ours) == 1  # the papers page's list, in its order
    assert ours[0].keys[0] == "newest2025" and ours[0].keys[-1] == "older2019"
    assert {key: node["ids"] for key, node in ours[0].citation_nodes.items()} == {
        key: [key] for key in ours[0].keys
    }
    page = Path(app.outdir, "interests.html").read_text(encoding="utf-8")
    links = BeautifulSoup(page, "html.parser").select(".bibtex-citation a")
    assert [a["href"] for a in links] == ["papers.html#newest2025", "papers.html#older2019"]


def test_cite_targets_are_the_bibliographys_entries(tmp_path):
    from bs4 import BeautifulSoup

    app = build_site(copy_root("typed", tmp_path))
    found = {key: (docname, anchor) for key, docname, anchor in compat.cite_targets(app.env)}
    docname, anchor = found["doe2020"]
    page = Path(app.outdir, f"{docname}.html").read_text(encoding="utf-8")
    assert "Doe" in BeautifulSoup(page, "html.parser").find(id=anchor).get_text()


def test_bibtex_files_and_entries_are_the_bib_files_as_written(tmp_path):
    import re

    app = build_site(copy_root("publications", tmp_path))
    [(path, keys)] = compat.bibtex_files(app.env).items()
    text = Path(path).read_text(encoding="utf-8")
    assert Path(path).name == "refs.bib"
    assert keys == re.findall(r"^@\w+\{([^,]+),", text, re.MULTILINE)  # file order
    entries = compat.bibtex_entries(app.env)
    assert sorted(entries) == sorted(keys)
    assert entries["older2019"].fields["title"] == "Notes on the Analytical Engine"
    assert entries["OLDER2019"] is entries["older2019"]  # BibTeX keys ignore case


def test_config_given_tells_a_set_value_from_its_default():
    from sphinx.config import Config

    from sphinx_portfolio.core.compat import config_given

    config = Config({"html_title": "T"}, {"language": "pt_BR"})
    assert config_given(config, "html_title") and config_given(config, "language")
    assert not config_given(config, "project")
