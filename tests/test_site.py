"""The real site: it builds cleanly with -W -n and states every fact of the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, build_docs, missing_tool

SEED = REPO.parent / "shared" / "seed" / "000_1f1fc29b4cb729d7.txt"
PAPERS_HEADING = "05 · papers"
PAPERS_END = "06 · toolkit"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = build_docs(out)
    assert run.stderr == ""
    return out


def seed_facts() -> list[tuple[str, bool]]:
    """Every line of the seed as a reader would read it, and whether it is a paper line.

    Decoration is dropped: the "- ▹" bullet marks (the cards draw their own) and the
    "[01]" numbering of papers; the year alone remains a fact to find.
    """
    if not SEED.exists():
        missing_tool(f"the seed is not beside the repository: {SEED}")
    facts, in_papers = [], False
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^- ▹?", "", raw.strip())
        line = re.sub(r"^(\d{4})\[\d+\]$", r"\1", line)
        in_papers = (in_papers or line == PAPERS_HEADING) and line != PAPERS_END
        if line:
            facts.append((" ".join(line.split()), in_papers))
    return facts


def page_texts(site: Path) -> str:
    texts = []
    for page in sorted(site.rglob("*.html")):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = html.select_one("article[role=main]") or html.body
        for hidden in main.select("[aria-hidden=true]"):
            hidden.decompose()
        texts.append(" ".join(main.get_text().split()))
    return "\n".join(texts)


def test_every_seed_fact_is_on_the_site(site):
    text = page_texts(site)
    missing = []
    for fact, is_paper in seed_facts():
        found = fact.lower() in text.lower() if is_paper else fact in text
        if not found:
            missing.append(fact)
    assert missing == []


def test_every_quantified_figure_is_a_badge(site):
    html = BeautifulSoup((site / "experience.html").read_text(encoding="utf-8"), "html.parser")
    badges = html.select("article.portfolio-experience li .portfolio-metric")
    shown = [
        (b["data-metric-label"], b["data-metric-value"], b["data-metric-direction"]) for b in badges
    ]
    assert shown == [
        ("CPC", "-1.34", "down"),
        ("CTR", "2.6", "up"),
        ("annual infra savings", "", "none"),
        ("engagement", "4.6", "up"),
        ("session success", "0.24", "up"),
        ("latency", "", "flat"),
        ("CPC", "-0.54", "down"),
        ("CTR", "1.32", "up"),
        ("annual infra savings", "", "none"),
        ("project", "5000000", "none"),
        ("expected annual savings", "15000000", "none"),
        ("operational efficiency", "15", "up"),
    ]
    assert all(b["data-metric-sentiment"] in ("good", "neutral") for b in badges)


def test_home_page_shows_impact_at_a_glance(site):
    html = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    roles = [" ".join(p.get_text().split()) for p in html.select(".portfolio-impact-role")]
    assert roles == ["Sr. Machine Learning Engineer, Pinterest", "Software Engineer, Petrobras"]
    links = {a["href"] for a in html.select(".portfolio-impact-badges a")}
    assert links == {
        "experience.html#pinterest-sr-machine-learning-engineer",
        "experience.html#petrobras-software-engineer",
    }
    assert len(html.select(".portfolio-impact .portfolio-metric")) == 12
