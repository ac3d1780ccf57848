"""impact-summary: every badge, grouped by card, linking back, never stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site, copy_root, soup, visible_text


def groups(app, docname="summary"):
    """[(heading text, heading href, [(badge text, href)])] as a reader sees them."""
    result = []
    for item in soup(app, docname).select("ul.portfolio-impact > li"):
        link = item.select_one(".portfolio-impact-role a")
        badges = [(visible_text(a), a["href"]) for a in item.select(".portfolio-impact-badges a")]
        heading = item.select_one(".portfolio-impact-role")
        result.append((visible_text(heading), link["href"] if link else None, badges))
    return result


@pytest.mark.sphinx("html", testroot="cards")
def test_summary_groups_every_badge_by_card_in_reading_order(app):
    app.build()
    summary = groups(app)
    assert [heading for heading, *_ in summary] == [
        "Staff Engineer, Acme & Sons",
        "Intern, Beta Labs",
        "Researcher, Gamma University",
        "Elsewhere on the site",
    ]
    staff = summary[0]
    assert staff[1] == "roles.html#acme-sons-staff-engineer"
    assert [text for text, _ in staff[2]] == [
        "−1.34% CPC",
        "+2.6% CTR",
        "neutral latency",
        "$5M project",
    ]
    assert {href for _, href in staff[2]} == {"roles.html#acme-sons-staff-engineer"}
    loose = summary[3][2]
    assert [text for text, _ in loose] == ["+3pp recall", "-12% p95 latency"]
    assert all(href.startswith("roles.html#metric-") for _, href in loose)


@pytest.mark.sphinx("html", testroot="cards")
def test_summary_badges_keep_the_html_contract(app):
    app.build()
    badge = soup(app, "summary").select_one(".portfolio-impact .portfolio-metric")
    assert badge["data-metric-value"] == "-1.34"
    assert badge["data-metric-direction"] == "down"
    assert badge["aria-label"] == "CPC down 1.34 percent, an improvement"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_summary_follows_edits_on_other_pages(tmp_path):
    srcdir = copy_root("cards", tmp_path)
    build_site(srcdir)
    edit(srcdir / "roles.md", "{metric-badge}`+2.6% CTR`", "{metric-badge}`+9.9% CTR`")
    edit(srcdir / "roles.md", "{metric-badge}`+3pp recall`", "recall")
    edit(srcdir / "more.rst", "* Wrote about", "* Wrote :metric-badge:`+1% accuracy` about")
    app = build_site(srcdir)
    summary = groups(app)
    assert [t for t, _ in summary[0][2]] == [
        "−1.34% CPC",
        "+9.9% CTR",
        "neutral latency",
        "$5M project",
    ]
    assert [t for t, _ in summary[2][2]] == ["+1% accuracy", "2.5× throughput"]
    assert [t for t, _ in summary[3][2]] == ["-12% p95 latency"]


def test_summary_forgets_a_deleted_page(tmp_path):
    srcdir = copy_root("cards", tmp_path)
    build_site(srcdir)
    (srcdir / "more.rst").unlink()
    edit(srcdir / "index.md", "roles\nmore\n", "roles\n")
    app = build_site(srcdir)
    assert "Researcher, Gamma University" not in [h for h, *_ in groups(app)]


def written(app) -> set[str]:
    """Docnames Sphinx's log says it wrote."""
    log = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", log))


def test_only_the_edited_page_and_the_summary_are_rewritten(tmp_path):
    srcdir = copy_root("cards", tmp_path)
    build_site(srcdir)
    assert written(build_site(srcdir)) == set()
    edit(srcdir / "more.rst", "2.5×", "3.5×")
    # index holds the toctree, which Sphinx itself rewrites; summary is ours
    assert written(build_site(srcdir)) == {"more", "index", "summary"}
    edit(srcdir / "more.rst", "* Wrote", "* Wrote, without figures,")
    assert written(build_site(srcdir)) == {"more", "index"}
