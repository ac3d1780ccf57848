"""Hosted on Read the Docs: its add-ons must not break anything of ours.

The add-ons script cannot be fetched here, so the test puts on the page what it
does to a Sphinx page, as Read the Docs documents it: custom elements for the
flyout and the search modal in the body, the ``readthedocs-addons-data-ready``
event, and its server-side search taking over ``Search.query`` with a fallback to
Sphinx's own search when it has no answer.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

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
    if (window.Search && Search.query) {  // server-side search, falling back to Sphinx's
      const sphinxQuery = Search.query;
      Search.query = query => sphinxQuery(query);
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


def test_every_page_loads_without_errors_under_the_add_ons(hosted, site, server):
    for page in pages_of(site):
        hosted.goto(server + page)
        assert hosted.locator("readthedocs-flyout").count() == 1
    assert not hosted.errors


def test_search_still_finds_the_card_under_the_add_ons(hosted, server):
    hosted.goto(f"{server}search.html?q={quote('distillation')}")
    hosted.wait_for_function(
        "() => /finished/.test(document.querySelector('.search-summary')?.textContent || '')"
    )
    first = hosted.locator("#search-results ul.search > li a").first.get_attribute("href")
    assert first.endswith("#pinterest-pinterest-labs-research-intern")
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
