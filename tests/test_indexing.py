"""What engines that index the HTML by headings see (Read the Docs' search), on the
extension's own test sites: each paper and card a heading of its own, and what is
there for the eye only marked to be left out (class ``lineno``, which that parser
drops). The real site, read by the parser's rules, is in test_readthedocs_search.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_root, soup

UNINDEXED = "lineno"


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> Path:
    app = build_site(copy_root("publications", tmp_path_factory.mktemp("pub")))
    return Path(app.outdir)


def html(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_a_listed_paper_is_a_heading_one_level_below_its_year(papers):
    items = html(papers, "papers").select(".portfolio-paper")
    assert items
    for item in items:
        year = item.find_parent("section").find(["h1", "h2", "h3", "h4", "h5"])
        heading = item.find(["h1", "h2", "h3", "h4", "h5", "h6"])
        assert heading is not None and "portfolio-paper-title" in heading["class"], item["id"]
        assert int(heading.name[1]) == int(year.name[1]) + 1
        assert heading.find_parent(class_="portfolio-paper")["id"] == item["id"]  # the key
        for badge in heading.select(".portfolio-venue-badge"):
            assert UNINDEXED in badge["class"]  # the heading names the paper only


def test_bibtex_is_kept_for_readers_and_out_of_indexes(papers):
    for block in html(papers, "papers").select("details.portfolio-bibtex"):
        assert UNINDEXED in block["class"] and "@" in block.get_text()
    paper_pages = sorted((papers / "papers").glob("*.html"))
    assert paper_pages
    for path in paper_pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        code = page.select_one(".highlight-bibtex")
        assert UNINDEXED in code["class"] and "@" in code.get_text()


def test_other_formats_keep_the_title_as_a_line(tmp_path):
    """The heading is made for HTML only: plain text still reads "[badge] Title"."""
    app = build_site(copy_root("publications", tmp_path), "text")
    text = (Path(app.outdir) / "papers.txt").read_text(encoding="utf-8")
    assert "\n\n[RecSys] Newest Paper on Ranking\n\n" in text
    assert "Newest Paper on Ranking\n===" not in text and "Newest Paper on Ranking\n---" not in text


@pytest.mark.sphinx("html", testroot="cards")
def test_a_card_heading_names_role_and_organisation(app):
    app.build()
    for card in soup(app, "roles").select("article.portfolio-experience"):
        heading = card.select_one(".portfolio-experience-title")
        if card["data-org"]:
            hidden = heading.select_one(".portfolio-visually-hidden")
            assert hidden.get_text() == f", {card['data-org']}"
        summary = card.select_one(".portfolio-experience-summary")
        if summary is not None:
            assert UNINDEXED in summary["class"]
        for arrow in card.select(".portfolio-metric-arrow"):
            assert UNINDEXED in arrow["class"]
