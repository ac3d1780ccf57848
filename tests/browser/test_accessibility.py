"""Every page passes axe-core's WCAG 2.1 A and AA rules, in light and in dark mode;
badges have a spoken name; the badges' links are reachable by keyboard with a
visible focus ring.
"""

from __future__ import annotations

import pytest

from .conftest import pages_of

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ("light", "dark")


def axe_violations(tab, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the open page, one line per element."""
    tab.add_script_tag(content=axe_source)
    result = tab.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
            .then(r => r.violations.map(v => ({id: v.id, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))""",
        WCAG_TAGS,
    )
    return [f"{v['id']} ({v['help']}): {target}" for v in result for target in v["targets"]]


@pytest.fixture(scope="module")
def scheme_pages(browser):
    """One tab per colour scheme, reused for every page (a new tab costs more than a page)."""
    contexts = {
        s: browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=s)
        for s in SCHEMES
    }
    tabs = {scheme: context.new_page() for scheme, context in contexts.items()}
    yield tabs
    for context in contexts.values():
        context.close()


def test_no_axe_violations_on_any_page(site, server, scheme_pages, axe_source):
    problems = []
    pages = [*pages_of(site), "search.html?q=CTR", "no-such-page/"]
    for scheme, tab in scheme_pages.items():
        for page in pages:
            tab.goto(server + page)
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
                scheme == "dark"
            )
            problems += [f"[{scheme}] {page}: {line}" for line in axe_violations(tab, axe_source)]
    assert not problems, "\n".join(problems)


def test_dark_mode_really_changes_the_colours(server, scheme_pages):
    """The dark run is not a second light run: the page background is dark."""
    colours = {}
    for scheme, tab in scheme_pages.items():
        tab.goto(server + "experience.html")
        colours[scheme] = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colours["light"] != colours["dark"]


def test_badges_have_a_spoken_name(page, server):
    page.goto(server + "experience.html")
    badge = page.get_by_role("img", name="CPC down 1.34 percent, an improvement")
    assert badge.count() >= 1
    # Every badge a screen reader meets has a name; the summary rows' copies are
    # hidden from it (each figure is heard once, in its bullet).
    names = page.eval_on_selector_all(
        ".portfolio-metric",
        """els => els.filter(e => !e.closest('[aria-hidden=true]'))
                     .map(e => e.getAttribute('aria-label') || '')""",
    )
    assert names and all(name.strip() for name in names)


def test_badge_links_are_reachable_by_keyboard_with_a_visible_focus(page, server):
    """Tab from the top of the home page reaches a badge link; its focus ring shows."""
    page.goto(server + "index.html")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.querySelector('.portfolio-metric')"):
            break
    else:
        pytest.fail("no badge link reached with 80 presses of Tab")
    ring = page.evaluate(
        """() => {
            const badge = document.activeElement.querySelector('.portfolio-metric');
            const s = getComputedStyle(badge);
            return [s.outlineStyle, parseFloat(s.outlineWidth)];
        }"""
    )
    assert ring[0] != "none" and ring[1] >= 1, ring


def test_every_focusable_element_shows_focus(page, server):
    """Each link and control of the experience page, focused by keyboard, shows a ring."""
    page.goto(server + "experience.html")
    missing = []
    for _ in range(60):
        page.keyboard.press("Tab")
        shown = page.evaluate(
            """() => { const el = document.activeElement;
                if (!el || el === document.body) return null;
                const visible = e => { const s = getComputedStyle(e);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                        || s.boxShadow !== 'none'; };
                return [el.outerHTML.slice(0, 80),
                        visible(el) || [...el.querySelectorAll('*')].some(visible)]; }"""
        )
        if shown is None:
            break
        if not shown[1]:
            missing.append(shown[0])
    assert not missing, missing
