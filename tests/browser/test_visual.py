"""The site looks as it did: the first screen of five pages, at 390 and 1280 px, in
light and dark mode, against the references in tests/browser/visual/ (see
visual.py for the tolerance, and for how to regenerate them after a change)."""

from __future__ import annotations

import pytest

from conftest import missing_tool

from .visual import SHOTS, TOLERANCE, difference, reference, shoot

IDS = ["-".join(map(str, shot)) for shot in SHOTS]


@pytest.mark.parametrize(("page", "width", "scheme"), SHOTS, ids=IDS)
def test_the_page_looks_as_its_reference(browser, server, tmp_path, page, width, scheme):
    pytest.importorskip("PIL", reason="Pillow compares the pictures (pip install -e '.[test]')")
    expected = reference(page, width, scheme)
    if not expected.is_file():
        missing_tool(f"no reference {expected.name}: run python tests/browser/visual.py SITE")
    actual = shoot(browser, server, page, width, scheme)
    share, where = difference(actual, expected.read_bytes())
    if share > TOLERANCE:
        (tmp_path / "actual.png").write_bytes(actual)
        if where is not None:
            where.save(tmp_path / "changed.png")
    assert share <= TOLERANCE, (
        f"{expected.name}: {share:.2%} of the pixels changed (at most {TOLERANCE:.1%}); "
        f"the screenshot and a map of the change are in {tmp_path}"
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_impact_tables_share_one_width_and_align_numbers_right(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(server + "portfolio-impact.html")
        tables = tab.eval_on_selector_all(
            "table.portfolio-index-table",
            """tables => tables.map(t => ({
                width: Math.round(t.getBoundingClientRect().width),
                left: Math.round(t.getBoundingClientRect().left),
                columns: [...t.rows[0].cells].map(c => Math.round(c.getBoundingClientRect().width)),
                values: [...t.tBodies[0].rows].map(r => getComputedStyle(r.cells[1]).textAlign),
            }))""",
        )
    finally:
        context.close()
    assert len(tables) > 1
    assert {(t["width"], t["left"]) for t in tables} == {(tables[0]["width"], tables[0]["left"])}
    assert {tuple(t["columns"]) for t in tables} == {tuple(tables[0]["columns"])}
    assert {align for t in tables for align in t["values"]} == {"right"}
