"""The guide builds with -W -n, every example in it renders, and its reference
tables say what the code registers."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, visible_text
from sphinx_portfolio.core.base import WARNING_SUBTYPES

GUIDE = REPO / "guide"
EXAMPLE = re.compile(r"^(`{4,})\{portfolio-example\}[^\n]*\n(?P<source>.*?)\n\1$", re.M | re.S)


def build_guide(srcdir: Path, out: Path) -> subprocess.CompletedProcess:
    """As CI builds it: a separate process, -W -n --keep-going."""
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-n", "--keep-going", "-b", "html"]
    return subprocess.run(
        [*command, str(srcdir), str(out)], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("guide") / "html"
    run = build_guide(GUIDE, out)
    assert run.returncode == 0, run.stderr
    return out


def page(out: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def examples_in_sources() -> dict[str, list[str]]:
    """Page -> the MyST source of each example, as written in guide/*.md."""
    found = {}
    for path in sorted(GUIDE.glob("*.md")):
        sources = [m["source"] for m in EXAMPLE.finditer(path.read_text(encoding="utf-8"))]
        if sources:
            found[path.stem] = sources
    return found


def test_every_example_shows_its_source_and_renders_it(guide):
    written = examples_in_sources()
    assert sum(len(sources) for sources in written.values()) >= 15
    for name, sources in written.items():
        examples = page(guide, name).select(".guide-example")
        assert len(examples) == len(sources), name
        for example, source in zip(examples, sources, strict=True):
            shown = example.select_one(".guide-example-source pre").get_text()
            assert shown.strip() == source.strip()
            result = example.select_one(".guide-example-result")
            assert visible_text(result), f"{name}: an example rendered nothing"
            assert not result.select(".portfolio-metric-invalid, .system-message, .problematic")


def test_examples_render_what_they_show(guide):
    result = page(guide, "badges").select(".guide-example-result")
    badges = [b for r in result for b in r.select("span.portfolio-metric[role=img]")]
    names = [badge["aria-label"] for badge in badges]
    assert "CPC down 1.34 percent, an improvement" in names
    assert "p95 latency down 12 percent, an improvement" in names
    cards = page(guide, "cards").select(".guide-example-result article.portfolio-experience")
    assert cards[0]["data-org"] == "Example Corp"
    assert cards[0]["data-tags"] == "ads ranking"
    papers = page(guide, "publications").select(".guide-example-result .portfolio-paper-title")
    assert [visible_text(p) for p in papers][:2] == [
        "RecSys An Example Paper on Ranking",  # with its venue badge
        "A Sample Article",
    ]
    alfolio = page(guide, "publications").select(".guide-example-result")[-1]  # al-folio's
    title = visible_text(alfolio.select_one(".portfolio-paper-title"))
    assert title == "EXCONF Routing Examples to Experts"  # a list of selected ones: no mark
    links = alfolio.select(".portfolio-paper-link")
    assert [a.get_text() for a in links] == ["PDF", "Code", "Slides"]
    assert (Path(guide) / links[0]["href"]).is_file()  # copied from assets/pdf
    summary = page(guide, "impact").select(".guide-example-result .portfolio-impact-role")
    assert "Senior Engineer, Example Corp" in [visible_text(s) for s in summary]


def test_each_input_format_page_builds_its_example(guide):
    """The page `sphinx-portfolio new` writes from guide/examples/, built in the guide."""
    for name, shown in (("from-json-resume", "Maintainer"), ("from-rendercv", "routing service")):
        example = page(guide, name).select_one(".guide-new-example")
        sources = [visible_text(pre) for pre in example.select("pre")]
        assert len(sources) == 2 and "experience-card" in sources[1], name
        card = example.select_one(".guide-example-result article.portfolio-experience")
        assert card is not None and shown in visible_text(card), name
    table = page(guide, "import-export").select_one("table")
    assert "RenderCV" in visible_text(table) and "rendercv.yaml" in visible_text(table)


def table_column(out: Path, css: str, column: int = 0) -> list[list[str]]:
    """The cells of one column of each generated table of a kind on the reference page."""
    tables = page(out, "reference").select(f"table.{css}")
    return [
        [visible_text(row.select("td")[column]) for row in t.select("tbody tr")] for t in tables
    ]


def test_option_tables_list_each_directives_option_spec(guide):
    from sphinx_portfolio.cards.badges import MetricBadgeDirective
    from sphinx_portfolio.cards.experience import ExperienceCard
    from sphinx_portfolio.papers.listing import PublicationsDirective

    tables = table_column(guide, "guide-options")
    specs = [ExperienceCard, MetricBadgeDirective, PublicationsDirective]
    assert tables == [[f":{name}:" for name in sorted(cls.option_spec)] for cls in specs]


def test_config_table_lists_every_portfolio_value(guide, make_app, tmp_path):
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_portfolio", "sphinx_portfolio.publications"]\n'
        "bibtex_bibfiles = []\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=tmp_path)
    registered = sorted(name for name in app.config.values if name.startswith("portfolio_"))
    assert table_column(guide, "guide-config") == [registered]


def test_warning_table_is_the_codes_list(guide):
    expected = [f"portfolio.{subtype}" for subtype in WARNING_SUBTYPES]
    assert table_column(guide, "guide-warnings") == [expected]


def test_a_broken_example_or_an_undocumented_option_or_role_fails_the_build(tmp_path):
    srcdir = tmp_path / "guide"
    shutil.copytree(GUIDE, srcdir, ignore=shutil.ignore_patterns("_build"))
    with (srcdir / "badges.md").open("a", encoding="utf-8") as page_file:
        page_file.write("\n````{portfolio-example}\n{metric-badge}`great results`\n````\n")
    words = srcdir / "_ext" / "guide_words.py"
    words.write_text(
        words.read_text(encoding="utf-8").replace('"window": "over what period', '"x": "'),
        encoding="utf-8",
    )
    publications = srcdir / "publications.md"  # the {orcid} role loses its section
    publications.write_text(
        publications.read_text(encoding="utf-8").replace("(role-orcid)=", ""), encoding="utf-8"
    )
    run = build_guide(srcdir, tmp_path / "html")
    assert run.returncode != 0
    assert re.search(r"badges\.md:\d+: WARNING: metric-badge: cannot read", run.stderr)
    assert "option :window: is not described" in run.stderr
    assert "words for an option the code lacks: x" in run.stderr
    assert "undefined label: 'role-orcid'" in run.stderr
