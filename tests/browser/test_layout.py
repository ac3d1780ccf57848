"""Every screen and the printer: no sideways scrolling at phone, tablet and laptop
widths (proven by full-page screenshots as wide as the screen), and a print
stylesheet that turns the site into a clean CV.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import missing_tool

from .conftest import WIDTHS, pages_of

SHOWCASE = ("index.html", "experience.html", "education.html", "papers.html", "skills.html")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scroll(browser, site, server, width, tmp_path: Path):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="light")
    tab = context.new_page()
    wide = []
    try:
        for page in pages_of(site):
            tab.goto(server + page)
            overflow = tab.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                wide.append(f"{page}: {overflow}px too wide")
            if page in SHOWCASE:
                shot = tab.screenshot(full_page=True, path=tmp_path / f"{width}-{page}.png")
                if png_size(shot)[0] != width:
                    wide.append(f"{page}: screenshot {png_size(shot)[0]}px wide")
    finally:
        context.close()
    assert not wide, f"at {width}px: {wide}"


def print_view(page, server: str, name: str):
    page.goto(server + name)
    page.emulate_media(media="print")
    return page


def test_print_hides_navigation_and_search(page, server):
    print_view(page, server, "experience.html")
    hidden = page.evaluate(
        """() => ['.sidebar-drawer', '.toc-drawer', '.sidebar-search-container',
                  '.theme-toggle-container', '.back-to-top', '.related-pages']
            .filter(sel => document.querySelector(sel))
            .map(sel => [sel, getComputedStyle(document.querySelector(sel)).display])"""
    )
    assert hidden and all(display == "none" for _, display in hidden), hidden


def test_print_uses_the_whole_width_for_the_content(page, server):
    print_view(page, server, "experience.html")
    main, body = page.evaluate(
        """() => [document.querySelector('article[role=main]').getBoundingClientRect().width,
                  document.body.getBoundingClientRect().width]"""
    )
    assert main >= 0.9 * body


def test_print_shows_where_outside_links_go(page, server):
    print_view(page, server, "papers.html")
    shown = page.evaluate(
        """() => [...document.querySelectorAll('article[role=main] a[href^="http"]')]
            .filter(a => !a.querySelector('.portfolio-metric'))
            .map(a => [a.href, getComputedStyle(a, '::after').content])"""
    )
    assert shown, "the papers page has no outside link to check"
    assert all(href.rstrip("/") in content for href, content in shown), shown[:3]
    bibtex = page.eval_on_selector_all(
        "details.portfolio-bibtex", "els => els.map(e => getComputedStyle(e).display)"
    )
    assert all(display == "none" for display in bibtex)  # a CV lists papers, not BibTeX


def test_print_makes_a_pdf_cv(page, site, server, tmp_path: Path):
    """Printed, the Experience page is a CV: each figure once (the summary rows are for
    the screen), and none of the site's navigation, search or theme toggle."""
    if shutil.which("pdftotext") is None:
        missing_tool("no pdftotext: apt-get install poppler-utils")
    page.goto(server + "experience.html")
    page.pdf(path=tmp_path / "experience.pdf", format="Letter", print_background=False)
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp_path / "experience.pdf"), "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    text = " ".join(run.stdout.decode("utf-8").split())
    html = BeautifulSoup((site / "experience.html").read_text(encoding="utf-8"), "html.parser")
    figures = [
        " ".join(badge.get_text().split()).lstrip("▲▼→")
        for badge in html.select("article[role=main] li .portfolio-metric")
    ]
    assert figures
    assert {f: text.count(f) for f in figures} == {f: figures.count(f) for f in figures}
    for card in html.select("article[role=main] .portfolio-experience-title"):
        for heard_only in card.select(".portfolio-visually-hidden"):
            heard_only.decompose()  # ", Organisation" is for screen readers and indexers
        assert " ".join(card.get_text().split()) in text
    furniture = ["Skip to content", "Back to top", "Search", "Made with Sphinx"]
    assert [words for words in furniture if words in text] == []
