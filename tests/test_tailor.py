"""Tailored builds (-t ads) hold exactly the badges of the bullets they keep.

In tests/roots/test-tailor the card tagged ``ads`` has four bullets: one tagged
``ads`` (+2.6% CTR), one tagged ``infra`` (-30% p95 latency), one untagged
(+5% recall) and one tagged ``infra`` whose sub-bullet holds -12% cost. A second
card is tagged ``infra`` (2× throughput). With ``-t ads`` only CTR and recall stay:
in the card's summary row, the impact summary, the impact index, the search
entries, resume.json and the LaTeX/PDF CV.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import build_site, copy_root, missing_tool, soup, visible_text, warnings_of

KEPT = ["+2.6% CTR", "+5% recall"]
DROPPED = ["-30% p95 latency", "-12% cost", "2× throughput"]
EVERY = ["+2.6% CTR", "-30% p95 latency", "+5% recall", "-12% cost"]


@pytest.fixture(scope="module")
def ads(tmp_path_factory):
    app = build_site(copy_root("tailor", tmp_path_factory.mktemp("ads")), tags=["ads"])
    assert warnings_of(app) == []
    return app


@pytest.fixture(scope="module")
def untailored(tmp_path_factory):
    app = build_site(copy_root("tailor", tmp_path_factory.mktemp("all")))
    assert warnings_of(app) == []
    return app


def figures(node) -> list[str]:
    return [visible_text(badge) for badge in node.select(".portfolio-metric")]


def summary_row(app) -> list[str]:
    card = soup(app, "work").select_one("article[data-role='Ads Engineer']")
    return figures(card.select_one(".portfolio-experience-summary"))


def test_summary_row_holds_the_kept_bullets_badges(ads):
    assert summary_row(ads) == KEPT
    card = soup(ads, "work").select_one("article[data-role='Ads Engineer']")
    assert figures(card.select_one("ul")) == KEPT
    # the row reads as figures apart, not run together
    row = card.select_one(".portfolio-experience-summary")
    assert " ".join(row.get_text().split()).endswith("+2.6% CTR ▲+5% recall")


def test_an_untailored_build_keeps_every_badge(untailored):
    assert summary_row(untailored) == EVERY


def test_a_row_with_no_kept_badge_is_left_out(tmp_path):
    srcdir = copy_root("tailor", tmp_path)
    work = srcdir / "work.md"
    text = work.read_text(encoding="utf-8")
    work.write_text(text.replace("{tagged}`ads`", "{tagged}`infra`").replace("+5% recall", "x"))
    app = build_site(srcdir, tags=["ads"])
    card = soup(app, "work").select_one("article[data-role='Ads Engineer']")
    assert card.select(".portfolio-experience-summary") == []


def test_impact_summary_and_index(ads):
    assert figures(soup(ads, "summary").select_one("[role=main]")) == KEPT
    index = soup(ads, "portfolio-impact").select_one("[role=main]")
    assert sorted(figures(index)) == sorted(KEPT)


def test_search_entries(ads):
    text = (Path(ads.outdir) / "searchindex.js").read_text(encoding="utf-8")
    entries = json.loads(text[text.index("(") + 1 : text.rindex(")")])["indexentries"]
    # The kept bullets' labels and words lead to the card; a dropped bullet's words
    # (its figure, its text, its sub-bullet's figure) lead nowhere.
    assert {"ctr", "recall", "lifted clicks"} <= set(entries)
    dropped = ("latency", "p95", "cost", "throughput", "serving", "fleet", "saved")
    assert [w for w in dropped if w in entries] == []


def test_resume_json(ads):
    resume = json.loads((Path(ads.outdir) / "resume.json").read_text(encoding="utf-8"))
    assert [item["position"] for item in resume["work"]] == ["Ads Engineer"]
    work = resume["work"][0]
    assert [metric["label"] for metric in work["x-metrics"]] == ["CTR", "recall"]
    assert work["highlights"] == ["Lifted clicks by +2.6% CTR.", "Found more with +5% recall."]


def test_latex_source_and_pdf(tmp_path):
    app = build_site(copy_root("tailor", tmp_path), "latex", tags=["ads"])
    assert warnings_of(app) == []
    tex_path = next(Path(app.outdir).glob("*.tex"))
    tex = tex_path.read_text(encoding="utf-8")
    for figure in KEPT:
        assert figure.replace("%", r"\%") in tex
    assert [f for f in DROPPED if f.replace("%", r"\%") in tex] == []
    tools = ("make", "latexmk", "xelatex", "pdftotext")
    tools = [tool for tool in tools if shutil.which(tool) is None]
    if tools:
        missing_tool(f"no {', '.join(tools)}: install TeX and poppler-utils (see README)")
    subprocess.run(["make", "-s"], cwd=app.outdir, capture_output=True, timeout=300, check=True)
    pdf = tex_path.with_suffix(".pdf")
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    text = " ".join(run.stdout.decode("utf-8").split())
    assert [f for f in KEPT if f not in text] == []
    assert [f for f in ("p95 latency", "cost", "throughput") if f in text] == []
