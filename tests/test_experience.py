"""experience-card as readers and tools see it: HTML, links, search, other builders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import build_site, copy_root, output_text, soup, visible_text, warnings_of


@pytest.mark.sphinx("html", testroot="cards")
def test_card_html_contract(app):
    app.build()
    assert warnings_of(app) == []
    page = soup(app, "roles")
    card = page.select_one("article.portfolio-experience#acme-sons-staff-engineer")
    assert card["data-org"] == "Acme & Sons"
    assert card["data-role"] == "Staff Engineer"
    assert card["data-kind"] == "job"
    assert card["data-tags"] == "ads ranking"
    heading = card.find(re.compile("^h[1-6]$"))
    # Heard (and indexed) as "Role, Organisation"; seen as the role, the org below.
    assert heading.get_text() == "Staff Engineer, Acme & Sons"
    heading.select_one(".portfolio-visually-hidden").decompose()
    assert heading.get_text() == "Staff Engineer"
    assert heading.name == "h2"  # one level below the page's h1
    meta = visible_text(card.select_one(".portfolio-experience-meta"))
    assert meta == "Acme & Sons · 2020–2024 · Remote"
    assert card.select_one(".portfolio-experience-meta a")["href"] == "https://acme.example"


@pytest.mark.sphinx("html", testroot="cards")
def test_summary_row_lists_the_badges_of_the_card(app):
    app.build()
    card = soup(app, "roles").select_one("#acme-sons-staff-engineer")
    row = card.select_one(".portfolio-experience-summary")
    copies = row.select(".portfolio-metric")
    originals = card.select("ul [data-metric-value]")
    # The same colour cue as the bullet's badge, as a class.
    for copy, original in zip(copies, originals, strict=True):
        sentiment = original["data-metric-sentiment"]
        expected = original["data-metric-direction"] != "none" and sentiment in ("good", "bad")
        assert (f"portfolio-metric-{sentiment}" in copy["class"]) == expected
    assert [visible_text(b) for b in copies] == [visible_text(b) for b in originals]
    assert [visible_text(b) for b in copies] == [
        "−1.34% CPC",
        "+2.6% CTR",
        "neutral latency",
        "$5M project",
    ]
    # A visual repeat: hidden from screen readers (each figure is heard once, in
    # its bullet), and no id, name, tooltip or data-metric-* for tools to count twice.
    assert row["aria-hidden"] == "true"
    for copy in copies:
        assert set(copy.attrs) == {"class"}


@pytest.mark.sphinx("html", testroot="cards")
def test_bullets_stay_verbatim(app):
    app.build()
    card = soup(app, "roles").select_one("#acme-sons-staff-engineer")
    items = [visible_text(li) for li in card.select("ul > li")]
    assert items[0] == "Cut cost by a lot, with −1.34% CPC and +2.6% CTR."
    assert "Kept neutral latency while saving $5M project." in items[1]


@pytest.mark.sphinx("html", testroot="cards")
def test_cards_are_reference_targets(app):
    app.build()
    links = {a.get_text(): a["href"] for a in soup(app, "roles").select("a.reference.internal")}
    assert links["Intern"] == "#beta-intern"
    assert links["Staff Engineer, Acme & Sons"] == "#acme-sons-staff-engineer"
    assert links["-12% p95 latency"].startswith("#metric-p95-latency-")


@pytest.mark.sphinx("html", testroot="cards")
def test_reST_cards_work_too(app):
    app.build()
    card = soup(app, "more").select_one("article.portfolio-experience")
    assert card["id"] == "gamma-university-researcher"
    assert card.select_one("[data-metric-value]")["data-metric-unit"] == "x"


def search_index(app) -> dict:
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.mark.sphinx("html", testroot="cards")
def test_cards_are_objects_in_the_search_index(app):
    app.build()
    index = search_index(app)
    names = [entry[4] for group in index["objects"].values() for entry in group]
    displayed = [
        prefix + ("." if prefix else "") + name
        for prefix, group in index["objects"].items()
        for *_, name in group
    ]
    assert "Staff Engineer, Acme & Sons" in " ".join(displayed).replace("&amp;", "&")
    assert any("Beta Labs" in name for name in names)
    assert "portfolio:card" in json.dumps(index["objtypes"])


@pytest.mark.sphinx("text", testroot="cards")
def test_text_builder_reads_plainly(app):
    app.build()
    assert warnings_of(app) == []
    text = (Path(app.outdir) / "roles.txt").read_text(encoding="utf-8")
    assert "Staff Engineer\n--------------" in text
    assert "**Acme & Sons** · 2020–2024 · Remote" in text
    assert "with −1.34% CPC and +2.6% CTR" in text
    assert "<" not in text


@pytest.mark.sphinx("latex", testroot="cards")
def test_latex_shows_arrows_and_escapes(app):
    app.build()
    assert warnings_of(app) == []
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxportfoliobadge{down}{good}{−1.34\% CPC}" in tex
    assert r"Acme \& Sons" in tex
    assert r"\label{\detokenize{roles:acme-sons-staff-engineer}}" in tex


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "epub", "man", "texinfo"])
def test_every_builder_shows_the_cards(tmp_path, builder):
    """Each builder's output holds each card's title, organisation and figures."""
    app = build_site(copy_root("cards", tmp_path), builder)
    assert warnings_of(app) == []
    text = output_text(app)
    for words in ("Staff Engineer", "Acme", "Sons", "−1.34% CPC", "+2.6% CTR", "Intern",
                  "Beta Labs", "engagement by +4.6%", "Researcher", "Gamma University",
                  "2.5× throughput", "-12% p95 latency"):  # fmt: skip
        assert words in text, (builder, words)
