"""Impact as data: typed facts, evidence, the impact index, glossary links, tailoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import build_site, copy_root, output_text, soup, visible_text, warnings_of


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = build_site(copy_root("typed", tmp_path_factory.mktemp("typed")))
    assert warnings_of(app) == []
    return app


def badge(app, label_text: str, docname: str = "work"):
    page = soup(app, docname)
    return next(
        b
        for b in page.select("li [data-metric-value], p [data-metric-value]")
        if visible_text(b) == label_text
    )


def test_facts_show_in_the_tooltip(site):
    cpc = badge(site, "−1.34% CPC")
    assert cpc["title"] == (
        "CPC down 1.34 percent, an improvement; window: 28 days; method: A/B test; "
        "as-of: 2024-05; evidence: doe2020"
    )
    assert "baseline: 1.1% CTR" in badge(site, "+2.6% CTR")["title"]


def index_rows(app) -> dict[str, list[dict[str, str]]]:
    """{label: [{column: cell text}]} from the impact index page."""
    page = soup(app, "portfolio-impact")
    result = {}
    for section in page.select("section section"):
        label = visible_text(section.find("h2")).rstrip("¶")
        heads = [visible_text(th) for th in section.select("thead th")]
        result[label] = [
            dict(zip(heads, (visible_text(td) for td in tr.select("td")), strict=True))
            for tr in section.select("tbody tr")
        ]
    return result


def test_index_groups_figures_by_label_largest_first(site):
    rows = index_rows(site)
    assert list(rows) == ["CPC", "CTR", "p95 latency", "revenue", "throughput"]
    assert [r["Figure"] for r in rows["CPC"]] == ["−1.34% CPC", "−0.5% CPC"]
    assert [r["Figure"] for r in rows["CTR"]] == ["+3% CTR", "+2.6% CTR"]
    first = rows["CPC"][0]
    assert first["Method"] == "A/B test"
    assert first["Window"] == "28 days"
    assert first["As of"] == "2024-05"
    assert first["Role"] == "Ads Engineer, Acme"
    assert rows["CTR"][1]["Baseline"] == "1.1% CTR"


def test_index_rows_link_to_card_and_evidence(site):
    page = soup(site, "portfolio-impact")
    row = page.select_one("#metric-label-cpc tbody tr")
    hrefs = [a["href"] for a in row.select("a")]
    assert hrefs[0].startswith("work.html#metric-cpc-")
    assert "work.html#acme-ads-engineer" in hrefs
    assert any(h.startswith("refs.html#") for h in hrefs)  # the bib entry
    ctr = page.select_one("#metric-label-ctr")
    assert "https://example.org/report" in [a["href"] for a in ctr.select("a")]
    revenue = page.select_one("#metric-label-revenue")
    assert "refs.html#method-notes" in [a["href"] for a in revenue.select("a")]


def test_index_sorts_with_a_script_only_on_its_page(site):
    scripts = [s.get("src", "") for s in soup(site, "portfolio-impact").select("script")]
    assert any("impact-index.js" in s for s in scripts)
    elsewhere = [s.get("src", "") for s in soup(site, "work").select("script")]
    assert not any("impact-index.js" in s for s in elsewhere)


def test_metric_role_by_name_and_by_label(site):
    links = {visible_text(a): a["href"] for a in soup(site, "work").select("p a")}
    assert links["-12% p95 latency"].startswith("#metric-p95-latency-")
    assert links["CPC results"] == "portfolio-impact.html#metric-label-cpc"
    assert links["CTR results"] == "portfolio-impact.html#metric-label-ctr"


def test_first_use_in_a_card_links_to_the_glossary(site):
    page = soup(site, "work")
    card = page.select_one("#acme-ads-engineer")
    linked = [(visible_text(a), a["href"]) for a in card.select("li a.portfolio-term")]
    assert linked == [("−1.34% CPC", "terms.html#term-CPC"), ("+2.6% CTR", "terms.html#term-CTR")]
    generalist = page.select_one("#gamma-generalist")
    assert [a["href"] for a in generalist.select("li a")] == ["terms.html#term-CTR"]


def test_jsonld_quantitative_values(site):
    page = soup(site, "work")
    blocks = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    items = next(b for b in blocks if b.get("@type") == "ItemList")["itemListElement"]
    cpc = next(i for i in items if i["description"] == "−1.34% CPC")
    assert cpc["@type"] == "QuantitativeValue"
    assert (cpc["name"], cpc["value"], cpc["unitText"]) == ("CPC", -1.34, "%")
    facts = {p["name"]: p["value"] for p in cpc["additionalProperty"]}
    assert facts["method"] == "A/B test" and facts["evidence"] == "doe2020"
    ctr = next(i for i in items if i["description"] == "+2.6% CTR")
    assert ctr["valueReference"]["description"] == "1.1% CTR"


BAD = """# Bad facts

- {metric-badge}`+1% CTR | colour: red`
- {metric-badge}`+1% CTR | as-of: last spring`
- {metric-badge}`+1% CTR | evidence: javascript:alert(1)`
- {metric-badge}`+1% CTR | evidence: no-such-thing`
- {tagged}`` and {tagged}`ads` outside a list is fine here

{tagged}`ads`
"""


def test_bad_facts_are_located_warnings(tmp_path):
    srcdir = copy_root("typed", tmp_path)
    (srcdir / "bad.md").write_text(BAD, encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("refs\n", "refs\nbad\n"))
    warnings = warnings_of(build_site(srcdir))
    expected = [
        ("bad.md:3:", "unknown option 'colour'", "option"),
        ("bad.md:4:", "is not a date", "fact"),
        ("bad.md:5:", "is not an http(s) URL", "evidence"),
        ("bad.md:6:", "evidence 'no-such-thing' is not a bib key", "evidence"),
        ("bad.md:9:", "tags apply to a bullet point", "tags"),
    ]
    for where, words, subtype in expected:
        hits = [w for w in warnings if where in w and words in w]
        assert len(hits) == 1 and hits[0].endswith(f"[portfolio.{subtype}]"), (words, warnings)
    assert "javascript:" not in (Path(srcdir) / "_build/html/bad.html").read_text()


def test_dangling_evidence_fails_a_strict_build(tmp_path):
    import subprocess
    import sys

    srcdir = copy_root("typed", tmp_path)
    work = srcdir / "work.md"
    work.write_text(work.read_text().replace("evidence: terms", "evidence: gone"))
    command = [sys.executable, "-m", "sphinx", "-W", "-n", "-q", str(srcdir), str(tmp_path / "o")]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode != 0
    assert "work.md:17:" in run.stderr
    assert "metric-badge: evidence 'gone' is not a bib key" in run.stderr


# -- tailored builds ------------------------------------------------------------


@pytest.fixture(scope="module")
def ads_site(tmp_path_factory):
    app = build_site(copy_root("typed", tmp_path_factory.mktemp("ads")), tags=["ads"])
    assert warnings_of(app) == []
    return app


def test_tagged_build_keeps_selected_and_untagged_cards(ads_site):
    page = soup(ads_site, "work")
    roles = [a["data-role"] for a in page.select("article.portfolio-experience")]
    assert roles == ["Ads Engineer", "Generalist"]
    bullets = [visible_text(li) for li in page.select("#acme-ads-engineer > ul > li")]
    assert len(bullets) == 2
    assert not any("tooling guide" in b for b in bullets)
    assert any("ads feature" in b for b in bullets)


def test_tagged_build_drops_their_figures_everywhere(ads_site):
    rows = index_rows(ads_site)
    assert "throughput" not in rows
    index = (Path(ads_site.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert "Tools Engineer" not in index
    assert "Ads Engineer" in index


def test_an_unused_tag_changes_nothing(tmp_path):
    app = build_site(copy_root("typed", tmp_path), tags=["draft"])
    roles = [a["data-role"] for a in soup(app, "work").select("article.portfolio-experience")]
    assert roles == ["Ads Engineer", "Tools Engineer", "Generalist"]


@pytest.mark.parametrize("builder", ["text", "latex", "singlehtml", "dirhtml", "epub", "man"])
def test_every_builder_tailors_the_site(tmp_path, builder):
    """-t ads in every builder: the ads card and its ads bullet stay, the tooling card
    and the tooling bullet go, untagged content stays."""
    app = build_site(copy_root("typed", tmp_path), builder, tags=["ads"])
    assert warnings_of(app) == []
    text = output_text(app)
    kept = ["Ads Engineer", "ads feature", "+1% revenue", "Generalist", "+3% CTR"]
    gone = ["Tools Engineer", "tooling guide", "throughput"]
    assert [words for words in kept if words not in text] == [], builder
    assert [words for words in gone if words in text] == [], builder


def test_tagged_build_tailors_resume_json(ads_site):
    resume = json.loads((Path(ads_site.outdir) / "resume.json").read_text(encoding="utf-8"))
    work = {item["position"]: item for item in resume["work"]}
    assert list(work) == ["Ads Engineer", "Generalist"]
    highlights = work["Ads Engineer"]["highlights"]
    assert len(highlights) == 2 and not any("tooling guide" in h for h in highlights)
    labels = [m["label"] for item in resume["work"] for m in item["x-metrics"]]
    assert "throughput" not in labels and "revenue" in labels


def test_index_follows_an_edit_to_the_evidence_page(tmp_path):
    """The index page is cached between builds; a change it shows must refresh it."""
    srcdir = copy_root("typed", tmp_path)
    first = build_site(srcdir)
    assert index_rows(first)["revenue"][0]["Evidence"] == "References"
    refs = srcdir / "refs.md"
    refs.write_text(refs.read_text().replace("# References", "# Sources"))
    assert index_rows(build_site(srcdir))["revenue"][0]["Evidence"] == "Sources"
