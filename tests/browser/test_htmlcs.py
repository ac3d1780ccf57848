"""HTML_CodeSniffer (WCAG 2 AA), the checker pa11y runs by default, on every page.

A second opinion beside axe: HTML_CodeSniffer also checks techniques axe does
not, such as H32 (a form needs a submit button), which Furo's sidebar search box
lacked. The site's template adds a visually hidden one (docs/_templates).
"""

from __future__ import annotations

import pytest

from .conftest import npm_file, open_tab, pages_of

RUN = """source => new Promise(done => {
  (0, eval)(source);
  HTMLCS.process('WCAG2AA', document, () => done(HTMLCS.getMessages()
    .filter(m => m.type === HTMLCS.ERROR)
    .map(m => `${m.code}: ${m.msg} <${m.element.tagName.toLowerCase()}` +
              `${m.element.className ? ' class=' + m.element.className : ''}>`)));
})"""


@pytest.fixture(scope="session")
def htmlcs_source() -> str:
    return npm_file("html_codesniffer/build/HTMLCS.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tab(browser):
    yield from open_tab(browser, color_scheme="light")


def htmlcs_errors(tab, source: str) -> list[str]:
    return tab.evaluate(RUN, source)


def test_no_wcag2aa_error_on_any_page(tab, site, server, htmlcs_source):
    errors = {}
    for page in pages_of(site):
        tab.goto(server + page)
        found = htmlcs_errors(tab, htmlcs_source)
        if found:
            errors[page] = found
    assert errors == {}
    assert not tab.errors


def test_the_checker_reports_a_form_without_a_submit_button(tab, server, htmlcs_source):
    """The check above can fail: remove the button and H32 is reported again."""
    tab.goto(server + "index.html")
    tab.evaluate("document.querySelector('.sidebar-search-container button').remove()")
    assert any(".H32.2:" in error for error in htmlcs_errors(tab, htmlcs_source))


def test_the_search_box_looks_and_tabs_as_before(tab, server):
    tab.goto(server + "index.html")
    form = tab.locator("form.sidebar-search-container")
    button = form.locator("button[type=submit]")
    assert button.count() == 1
    box = button.bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1  # visually hidden
    assert button.get_attribute("tabindex") == "-1"  # no invisible stop when tabbing
    assert button.text_content().strip()  # a name for screen readers
    search = form.locator("input.sidebar-search")
    search.fill("Petrobras")
    search.press("Enter")
    tab.wait_for_url("**/search.html?q=Petrobras*")
