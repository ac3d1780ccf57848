"""Every kind of bad input: one located warning each, a built page, escaped text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, copy_root, soup, visible_text, warnings_of

EXPECTED = [
    # (file, line, subtype, words in the message)
    ("cards.md", 3, "option", "has no :org:"),
    ("cards.md", 7, "option", "unknown option :colour:"),
    ("cards.md", 12, "url", "is not an http(s) URL"),
    ("cards.md", 17, "html", "HTML in option :org:"),
    ("cards.md", 24, "nested", "cannot be nested"),
    ("cards.md", 35, "duplicate", "duplicate experience card name 'twin'"),
    ("cards.md", 40, "metric", "cannot read a figure in 'great results'"),
    ("cards.md", 42, "metric", "has no label"),
    ("cards.md", 44, "html", "HTML in a metric"),
    ("other.md", 3, "duplicate", "duplicate experience card name 'twin'"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_site(copy_root("bad", tmp_path_factory.mktemp("bad")))


def test_each_problem_is_one_located_warning(built):
    warnings = warnings_of(built)
    for filename, line, subtype, words in EXPECTED:
        hits = [w for w in warnings if f"{filename}:{line}:" in w and words in w]
        assert len(hits) == 1, (filename, line, words, warnings)
        assert hits[0].endswith(f"[portfolio.{subtype}]")
    assert len(warnings) == len(EXPECTED), warnings
    assert not any("Traceback" in w or "Exception" in w for w in warnings)


def test_pages_still_build_with_what_could_be_rendered(built):
    page = soup(built, "cards")
    titles = [h.contents[0].get_text() for h in page.select(".portfolio-experience-title")]
    assert "No Org" in titles and "Unknown Option" in titles and "Outer" in titles
    assert "Inner text kept." in page.get_text()
    assert "Inner" not in titles  # the nested card's content stays, its frame does not
    assert "great results" in page.select_one(".portfolio-metric-invalid").get_text()


def test_hostile_strings_are_escaped(built):
    html = (Path(built.outdir) / "cards.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<b>Evil</b>" not in html
    assert "<img src=x" not in html
    assert "javascript:" not in html
    card = soup(built, "cards").select_one('article[data-org="<b>Evil</b> Corp"]')
    assert card.select_one(".portfolio-experience-org").get_text() == "<b>Evil</b> Corp"


def test_warnings_fail_the_build_under_W(tmp_path):
    import subprocess
    import sys

    srcdir = copy_root("bad", tmp_path)
    command = [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "--keep-going"]
    run = subprocess.run([*command, str(srcdir), str(tmp_path / "out")], capture_output=True)
    assert run.returncode != 0
    assert b"[portfolio.url]" in run.stderr


def test_a_subtype_can_be_suppressed(tmp_path):
    overrides = {"suppress_warnings": ["portfolio.metric"]}
    app = build_site(copy_root("bad", tmp_path), confoverrides=overrides)
    assert not [w for w in warnings_of(app) if "portfolio.metric" in w]
    assert [w for w in warnings_of(app) if "portfolio.url" in w]


EDGE_CASES = {
    "index.md": """# Edge cases

```{toctree}
cjk
subs
dupes
```

```{impact-summary}
:colour: red
```
""",
    "cjk.md": """# 日本語 {metric-badge}`+5% CTR`

```{experience-card} 日本語
:org: 会社

- Loose? No: {metric-badge}`+1% CTR`.
```

```{experience-card} エンジニア
:org: 会社
```

Outside any card: {metric-badge}`+2% recall`.
""",
    "subs.rst": """Substitutions
=============

.. |lift| replace:: :metric-badge:`+8% CTR`

We saw |lift| twice: |lift|.
""",
    "dupes.md": """# Dupes

```{metric-badge} +1% CTR
:name: same
```

```{metric-badge} +2% CTR
:name: same
```
""",
}


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("edge") / "edge"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_portfolio"]\nshow_warning_types = True\n'
    )
    for name, text in EDGE_CASES.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    return build_site(srcdir)


def test_unknown_option_on_a_contentless_directive_keeps_it(edge):
    warnings = warnings_of(edge)
    assert [w for w in warnings if "index.md:9:" in w and "unknown option :colour:" in w]
    assert soup(edge, "index").select("ul.portfolio-impact")


def test_titles_without_ascii_letters_still_make_distinct_cards(edge):
    ids = [a["id"] for a in soup(edge, "cjk").select("article.portfolio-experience")]
    assert len(set(ids)) == 2
    groups = {}
    for item in soup(edge, "index").select("ul.portfolio-impact > li"):
        heading = visible_text(item.select_one(".portfolio-impact-role"))
        groups[heading] = [visible_text(b) for b in item.select(".portfolio-metric")]
    assert groups["日本語, 会社"] == ["+1% CTR"]
    assert "+2% recall" in groups["Elsewhere on the site"]
    assert not [w for w in warnings_of(edge) if "duplicate experience card" in w]


def test_a_badge_in_a_title_links_to_its_section_and_leaves_ids_alone(edge):
    page = soup(edge, "cjk")
    assert not page.select("h1 .portfolio-metric[id]")
    assert "▲" not in page.title.get_text()
    index = soup(edge, "index")
    assert not [b for b in index.select(".portfolio-metric[id]")]


def test_a_badge_in_a_substitution_is_recorded_where_it_is_used(edge):
    assert not [w for w in warnings_of(edge) if "subs.rst" in w]
    badges = soup(edge, "subs").select("[role=main] .portfolio-metric")
    assert [visible_text(b) for b in badges] == ["+8% CTR", "+8% CTR"]
    assert len({b["id"] for b in badges}) == 2


def test_a_duplicate_metric_name_is_a_located_warning(edge):
    hits = [w for w in warnings_of(edge) if "duplicate name 'same'" in w]
    assert len(hits) == 1 and "dupes.md:7:" in hits[0]
    assert hits[0].endswith("[portfolio.duplicate]")


def test_a_card_without_org_has_no_empty_organisation(built):
    card = soup(built, "cards").select_one('article[data-role="No Org"]')
    assert card.select_one(".portfolio-experience-org") is None
