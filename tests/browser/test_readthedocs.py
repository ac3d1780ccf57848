"""Hosted on Read the Docs: its add-ons must not break anything of ours.

The add-ons script cannot be fetched here, so the test puts on the page what it
does to a Sphinx page, as Read the Docs documents it: custom elements for the
flyout and the search modal in the body, the ``readthedocs-addons-data-ready``
event, and its server-side search taking over ``Search.query``, falling back to
Sphinx's own search, asynchronously, when the server has no answer.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from .conftest import open_tab, pages_of
from .test_accessibility import axe_violations

ADDONS = """
(() => {
  for (const name of ['readthedocs-flyout', 'readthedocs-search', 'readthedocs-notification']) {
    customElements.define(name, class extends HTMLElement {
      connectedCallback() {
        const shadow = this.attachShadow({mode: 'open'});
        shadow.innerHTML = `<div role="region" aria-label="${name}">Read the Docs</div>`;
      }
    });
  }
  const arrive = () => {
    document.body.append(...['readthedocs-flyout', 'readthedocs-search', 'readthedocs-notification']
      .map(name => document.createElement(name)));
    // searchtools.js declares `const Search`: a global binding, not a property of window.
    if (typeof Search === 'object' && Search.query) {
      // Server-side search first; only when the server has no answer (here: the
      // site's 404) does Sphinx's own search run, later, after a network round trip.
      const sphinxQuery = Search.query;
      Search.query = query => {
        window.rtdQueries = [...(window.rtdQueries || []), query];
        fetch('/_/api/v3/search/?q=' + encodeURIComponent(query))
          .then(response => { if (!response.ok) sphinxQuery(query); });
      };
    }
    document.dispatchEvent(new CustomEvent('readthedocs-addons-data-ready',
      {detail: {data: () => ({addons: {}})}}));
  };
  document.addEventListener('DOMContentLoaded', arrive);
})();
"""


@pytest.fixture
def hosted(browser):
    yield from open_tab(browser, init_script=ADDONS)


OURS = "article.portfolio-experience, .portfolio-metric, .portfolio-experience-summary"


def test_every_page_loads_without_errors_under_the_add_ons(hosted, site, server):
    """No script error, and every card, badge and summary row of ours still there."""
    changed = []
    for page in pages_of(site):
        hosted.goto(server + page)
        hosted.wait_for_load_state("networkidle")
        static = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        live = hosted.locator(OURS).count()
        if live != len(static.select(OURS)):
            changed.append((page, len(static.select(OURS)), live))
    assert changed == []
    assert not hosted.errors


def test_search_still_finds_the_card_under_the_add_ons(hosted, server):
    hosted.goto(f"{server}search.html?q={quote('distillation')}")
    hosted.wait_for_function(
        "() => /finished/.test(document.querySelector('.search-summary')?.textContent || '')"
    )
    assert hosted.evaluate("window.rtdQueries") == ["distillation"]  # the add-on asked first
    first = hosted.locator("#search-results ul.search > li a").first
    assert first.get_attribute("href").endswith("#pinterest-pinterest-labs-research-intern")
    assert first.text_content() == "Pinterest Labs Research Intern, Pinterest"  # relabelled
    assert not hosted.errors


def test_our_content_stays_accessible_under_the_add_ons(hosted, server, axe_source):
    hosted.goto(server + "experience.html")
    assert axe_violations(hosted, axe_source) == []


def test_the_flyout_is_not_printed(hosted, server):
    hosted.goto(server + "experience.html")
    hosted.emulate_media(media="print")
    display = hosted.evaluate(
        "getComputedStyle(document.querySelector('readthedocs-flyout')).display"
    )
    assert display == "none"
