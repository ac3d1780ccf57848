"""The publication filters in Chromium: no reload, the URL keeps the view, keyboard
and screen-reader names, and every paper with JavaScript off (tests/roots/test-bibtools)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import build_site, copy_root, warnings_of

from .conftest import open_tab, serving

ALL = 13


@pytest.fixture(scope="module")
def papers_url(tmp_path_factory) -> Iterator[str]:
    srcdir = copy_root("bibtools", tmp_path_factory.mktemp("filters"))
    app = build_site(srcdir)
    assert warnings_of(app) == []
    with serving(Path(app.outdir)) as url:
        yield url + "papers.html"


def visible_papers(tab) -> list[str]:
    return tab.eval_on_selector_all(
        ".portfolio-paper", "items => items.filter(i => i.offsetParent !== null).map(i => i.id)"
    )


def visible_years(tab) -> list[str]:
    return tab.eval_on_selector_all(
        "section[id^=year-]", "s => s.filter(x => x.offsetParent !== null).map(x => x.id)"
    )


@pytest.fixture
def tab(browser) -> Iterator[object]:
    yield from open_tab(browser, color_scheme="light")


def test_a_type_narrows_the_list_without_reload_and_into_the_url(tab, papers_url):
    tab.goto(papers_url)
    assert len(visible_papers(tab)) == ALL
    tab.evaluate("window.notReloaded = true")
    form = tab.get_by_role("form", name="Filter papers")
    form.get_by_role("combobox", name="Type").select_option("article")
    assert visible_papers(tab) == [
        "halvorsen2023caches",
        "quinterocostmodelsapproximate2020",
        "paper-10-5555-3300001",
    ]
    assert visible_years(tab) == ["year-2023", "year-2020", "year-2018"]
    assert tab.get_by_role("status").inner_text() == f"3 of {ALL} papers shown"
    assert parse_qs(urlsplit(tab.url).query) == {"type": ["article"]}
    assert tab.evaluate("window.notReloaded") is True
    form.get_by_role("combobox", name="Keyword").select_option("joins")
    assert visible_papers(tab) == ["paper-10-5555-3300001"]
    assert parse_qs(urlsplit(tab.url).query) == {"type": ["article"], "keyword": ["joins"]}
    form.get_by_role("button", name="Show all").click()
    tab.wait_for_function("location.search === ''")
    assert len(visible_papers(tab)) == ALL
    assert tab.errors == []


def test_a_shared_link_opens_the_same_view(tab, papers_url):
    tab.goto(papers_url + "?year=2024&type=conference")
    assert visible_papers(tab) == ["quintero2024sparse"]
    assert tab.get_by_role("combobox", name="Year").input_value() == "2024"
    tab.goto(papers_url + "?year=1066")  # a year the list does not have: ignored
    assert len(visible_papers(tab)) == ALL
    assert tab.errors == []


def test_the_keyboard_alone_filters(tab, papers_url):
    tab.goto(papers_url)
    year = tab.get_by_role("combobox", name="Year")
    year.focus()
    tab.keyboard.press("ArrowDown")  # "All" -> the newest year
    tab.wait_for_function("location.search === '?year=2025'")
    assert visible_papers(tab) == ["quintero2025draft"]
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.name") == "type"
    assert tab.errors == []


def test_without_javascript_every_paper_and_no_dead_control(browser, papers_url):
    for tab in open_tab(browser, java_script_enabled=False):
        tab.goto(papers_url + "?type=article")
        assert tab.locator(".portfolio-paper:visible").count() == ALL
        assert tab.locator("form.portfolio-paper-filters:visible").count() == 0


def test_the_list_and_its_filters_pass_axe(tab, papers_url, axe_source):
    """axe-core's WCAG 2.1 A/AA rules on the list (form, badges, marks, links, previews),
    with the filters shown and with a filter applied."""
    tab.goto(papers_url + "?type=conference")
    tab.add_script_tag(content=axe_source)
    found = tab.evaluate(
        """() => axe.run({include: [["form.portfolio-paper-filters"], [".portfolio-paper"]]},
                {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
            .then(r => r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target).join(" ")))"""
    )
    assert found == []
