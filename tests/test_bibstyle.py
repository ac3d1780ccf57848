"""PortfolioStyle on its own: pybtex data in, rich text out, no Sphinx."""

from __future__ import annotations

import pytest
from pybtex.database import BibliographyData, Entry, Person, parse_string
from pybtex.plugin import find_plugin

from sphinx_portfolio.core import bibtex
from sphinx_portfolio.papers import cache as bibcache
from sphinx_portfolio.papers import fields as bibfields
from sphinx_portfolio.papers import style as bibstyle

BIB = r"""
@article{old, author = {Paulo R. S. Soares and Ricardo B. C. Prud{\^e}ncio},
  title = {Proximity}, journal = {Expert Systems with Applications}, volume = {40},
  number = {16}, pages = {6652--6660}, year = {2013}, doi = {10.1016/j.eswa.2013.06.016}}
@inproceedings{tieA, author = {Paulo Ricardo da Silva Soares and Ana Lima},
  title = {Tie A}, booktitle = {The 2012 International Joint Conference on Neural Networks (IJCNN)},
  year = {2012}}
@inproceedings{tieB, author = {Ana Lima and Paulo Soares}, title = {Tie B},
  booktitle = {Proceedings of the 41st International Conference on Machine Learning},
  year = {2012}, url = {https://example.org/b.pdf}}
@inproceedings{new, author = {Ana Lima and Paulo Soares}, title = {New},
  booktitle = {Thirty-seventh Conference on Neural Information Processing Systems},
  year = {2023}, eprint = {2310.12929}, archiveprefix = {arXiv}, shortvenue = {NeurIPS}}
"""
OWNER = [r"Paulo (R\. S\. |Ricardo da Silva )?Soares"]


@pytest.fixture
def data() -> BibliographyData:
    return parse_string(BIB, "bibtex")


def html_of(text) -> str:
    return text.render_as("html")


def test_newest_first_and_ties_keep_bib_order(data):
    keys = [entry.key for entry in bibfields.newest_first(data.entries.values())]
    assert keys == ["new", "old", "tieA", "tieB"]


def test_month_breaks_a_tie_and_undated_goes_last():
    entries = [
        Entry("misc", fields={"title": "undated"}),
        Entry("misc", fields={"title": "jan", "year": "2020", "month": "jan"}),
        Entry("misc", fields={"title": "sep", "year": "2020", "month": "September"}),
    ]
    order = [e.fields["title"] for e in bibfields.newest_first(entries)]
    assert order == ["sep", "jan", "undated"]


def test_owner_is_highlighted_in_every_spelling(data):
    style = bibstyle.PortfolioStyle(owner=OWNER)
    shown = [html_of(style.format_authors(e, collapse=False)) for e in data.entries.values()]
    assert shown == [
        "<strong>Paulo R. S. Soares</strong>, Ricardo B. C. Prudêncio",
        "<strong>Paulo Ricardo da Silva Soares</strong>, Ana Lima",
        "Ana Lima, <strong>Paulo Soares</strong>",
        "Ana Lima, <strong>Paulo Soares</strong>",
    ]


def test_no_owner_configured_highlights_nobody(data):
    style = bibstyle.PortfolioStyle()
    assert "<strong>" not in html_of(style.format_authors(data.entries["old"]))


def test_links_are_real_and_http_only(data):
    style = bibstyle.PortfolioStyle()
    assert html_of(style.format_links(data.entries["old"])) == (
        'DOI: <a href="https://doi.org/10.1016/j.eswa.2013.06.016">10.1016/j.eswa.2013.06.016</a>'
    )
    assert 'href="https://arxiv.org/abs/2310.12929"' in html_of(
        style.format_links(data.entries["new"])
    )
    assert html_of(style.format_links(data.entries["tieB"])) == (
        'PDF: <a href="https://example.org/b.pdf">example.org/b.pdf</a>'
    )
    bad = Entry("misc", fields={"url": "javascript:alert(1)", "doi": "not-a-doi"})
    assert bibfields.entry_links(bad) == []


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("10.1145/3705328.3748098", "https://doi.org/10.1145/3705328.3748098"),
        ("https://doi.org/10.1000/xyz", "https://doi.org/10.1000/xyz"),
        ("doi:10.1000/xyz", "https://doi.org/10.1000/xyz"),
        ("11.1000/xyz", None),
        ("10.1000", None),
    ],
)
def test_doi_urls(raw, url):
    assert bibfields.doi_url(bibfields.doi_of(Entry("misc", fields={"doi": raw}))) == url


def test_venue_badges_are_derived(data):
    badges = {key: bibfields.venue_badge(entry) for key, entry in data.entries.items()}
    assert badges == {"old": "ESWA", "tieA": "IJCNN", "tieB": "ICML", "new": "NeurIPS"}
    thesis = Entry("phdthesis", fields={"school": "University of Arizona"})
    assert bibfields.venue_badge(thesis) == "Ph.D. thesis"
    site_rows = {r"Journal of Tests": "JoT"}
    journal = Entry("article", fields={"journal": "Journal of Tests"})
    assert bibfields.venue_badge(journal, site_rows) == "JoT"
    assert bibfields.venue_badge(journal) != "JoT"  # the site's own row is what names it


def test_long_author_list_keeps_owner_visible():
    people = [Person(f"Author{i} Name{i}") for i in range(12)]
    people[6] = Person("Paulo Soares")
    entry = Entry("misc", persons={"author": people})
    style = bibstyle.PortfolioStyle(owner=OWNER, max_authors=8)
    text = str(style.format_authors(entry))
    shown = "Author0 Name0, Author1 Name1, Author2 Name2, …, Paulo Soares, …, Author11 Name11"
    assert text == shown
    assert "Author5" in str(style.format_authors(entry, collapse=False))


def test_visible_authors():
    assert bibfields.visible_authors(5, [], limit=8) == [0, 1, 2, 3, 4]
    assert bibfields.visible_authors(15, [8], limit=8) == [0, 1, 2, 8, 14]
    assert bibfields.visible_authors(15, [3], limit=0) == list(range(15))


def test_bibtex_source_is_copyable_and_hides_private_fields(data):
    source = bibfields.bibtex_source(data.entries["new"])
    assert source.startswith("@inproceedings{new,\n")
    assert "shortvenue" not in source
    assert parse_string(source, "bibtex").entries["new"].fields["eprint"] == "2310.12929"


def test_missing_fields_and_lenient_formatting():
    entry = Entry("article", fields={"title": "Alone"})
    assert bibtex.missing_fields(entry) == ["author", "journal", "year"]
    text = bibstyle.PortfolioStyle().format_entry("1", entry).text
    assert str(text) == "Alone."


def test_full_entry_sentence(data):
    style = bibstyle.PortfolioStyle(owner=OWNER)
    text = style.format_entry("1", data.entries["old"]).text.render_as("text")
    assert text == (
        "Paulo R. S. Soares, Ricardo B. C. Prudêncio. Proximity. "
        "Expert Systems with Applications, 40(16), pages 6652–6660. 2013. "
        "DOI: 10.1016/j.eswa.2013.06.016."
    )


def test_registered_as_pybtex_plugin(data):
    bibstyle.register()
    style_class = find_plugin("pybtex.style.formatting", "portfolio")
    assert issubclass(style_class, bibstyle.PortfolioStyle)
    formatted = list(style_class().format_entries(data.entries.values()))
    assert [entry.key for entry in formatted] == ["new", "old", "tieA", "tieB"]


def test_site_style_carries_site_settings(data, monkeypatch):
    site = bibcache.SiteStyle
    monkeypatch.setattr(site, "owner_patterns", bibfields.compile_owner_patterns(OWNER))
    monkeypatch.setattr(site, "max_authors", 1)
    bibcache.register_site_style()
    bibcache.register_site_style()  # once is enough; again changes nothing
    assert find_plugin("pybtex.style.formatting", "portfolio") is site
    style = site()
    assert html_of(style.format_authors(data.entries["tieB"])) == (
        "Ana Lima, <strong>Paulo Soares</strong>"
    )
