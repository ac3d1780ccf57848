"""resume.json: the site as JSON Resume, checked against the official schema."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file

from conftest import REPO, build_site, copy_root, missing_tool, soup, visible_text, warnings_of

SCHEMA_PACKAGE = "@jsonresume/schema@1"
NEW_CARD = """
````{experience-card} Analyst
:org: Gamma

- Counted {metric-badge}`+3% CTR`.
````
"""
CACHE = Path(os.environ.get("PORTFOLIO_TEST_CACHE", Path.home() / ".cache" / "sphinx-portfolio"))


def schema_package_file(member: str) -> Path:
    """A file of the published npm package (schema.json, sample.resume.json, …),
    fetched once with ``npm pack`` and cached."""
    cached = CACHE / "jsonresume-schema" / member
    if not cached.exists():
        npm = shutil.which("npm")
        if npm is None:
            missing_tool("npm is needed to fetch the JSON Resume schema package")
        CACHE.mkdir(parents=True, exist_ok=True)
        run = subprocess.run(
            [npm, "pack", SCHEMA_PACKAGE, "--silent", "--pack-destination", str(CACHE)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if run.returncode != 0:
            missing_tool(f"npm pack {SCHEMA_PACKAGE} failed: {run.stderr.strip()[-300:]}")
        tarball = CACHE / run.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as archive:
            for item in archive.getmembers():
                if item.isfile() and item.name.endswith(".json"):
                    target = CACHE / "jsonresume-schema" / item.name.removeprefix("package/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.extractfile(item).read())
        tarball.unlink()
    return cached


@pytest.fixture(scope="session")
def resume_schema() -> dict:
    """schema.json of the published npm package."""
    return json.loads(schema_package_file("schema.json").read_text(encoding="utf-8"))


def validate(resume: dict, schema: dict) -> None:
    try:
        import jsonschema
    except ImportError:
        missing_tool("jsonschema is not installed (pip install -e '.[test]')")
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(resume)]
    assert errors == []


def read_resume(app) -> dict:
    return json.loads((Path(app.outdir) / "resume.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real site, built once into a temporary folder."""
    builddir = tmp_path_factory.mktemp("site")
    app = build_site(REPO / "docs", "html", builddir=builddir)
    return app


# -- the test site -------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="resume")
def test_resume_follows_the_schema(app, resume_schema):
    app.build()
    assert warnings_of(app) == []
    validate(read_resume(app), resume_schema)


@pytest.mark.sphinx("html", testroot="resume")
def test_basics_come_from_the_home_page(app):
    app.build()
    basics = read_resume(app)["basics"]
    assert basics["name"] == "Ada Example"
    assert basics["label"] == "Analyst · Ph.D."
    assert basics["summary"] == "I compute things and écrire about them."
    assert basics["profiles"] == [
        {"network": "Example", "username": "ada", "url": "https://example.org/ada"}
    ]


@pytest.mark.sphinx("html", testroot="resume")
def test_cards_become_work_and_education(app):
    app.build()
    resume = read_resume(app)
    staff, intern = resume["work"]
    assert staff["name"] == "Acme"
    assert staff["position"] == "Staff Engineer"
    assert (staff["startDate"], staff["endDate"]) == ("2020", "2024")
    assert staff["url"] == "https://acme.example"
    assert staff["location"] == "Remote"
    assert staff["highlights"] == [
        "Cut costs with −1.34% CPC and +2.6% CTR.",
        "Kept neutral latency.",
    ]
    assert (intern["name"], intern["position"], intern["x-kind"]) == (
        "Beta Labs",
        "Research Intern",
        "research",
    )
    [degree] = resume["education"]
    assert degree["institution"] == "University of Example"
    assert (degree["studyType"], degree["area"]) == ("Ph.D.", "Mathematics")
    assert degree["x-theses"] == [
        {"title": "On Engines", "year": 2019, "url": "https://example.org/thesis"}
    ]


@pytest.mark.sphinx("html", testroot="resume")
def test_every_badge_is_exported_as_data(app):
    app.build()
    resume = read_resume(app)
    cpc = resume["work"][0]["x-metrics"][0]
    assert {k: cpc[k] for k in ("text", "value", "unit", "label", "direction", "sentiment")} == {
        "text": "−1.34% CPC",
        "value": -1.34,
        "unit": "%",
        "label": "CPC",
        "direction": "down",
        "sentiment": "good",
    }
    assert [m["text"] for m in resume["work"][0]["x-metrics"]] == [
        "−1.34% CPC",
        "+2.6% CTR",
        "neutral latency",
    ]
    # a badge outside any card still has a home
    assert [m["label"] for m in resume["meta"]["x-metrics"]] == ["efficiency"]


@pytest.mark.sphinx("html", testroot="resume")
def test_papers_skills_and_interests(app):
    app.build()
    resume = read_resume(app)
    assert resume["publications"] == [
        {
            "name": "Notes on the Analytical Engine",
            "publisher": "Journal of Examples",
            "releaseDate": "2020",
            "url": "https://doi.org/10.1234/example.5678",
            "x-authors": ["Ada Example", "Charles Babbage"],
            "x-doi": "10.1234/example.5678",
        },
        {
            "name": "On Engines",
            "publisher": "University of Example",
            "releaseDate": "2019",
            "url": "https://example.org/thesis",
            "x-authors": ["Ada Example"],
        },
    ]
    assert resume["skills"] == [
        {"name": "Craft", "keywords": ["Careful reading", "Writing"]},
        {"name": "Delivery", "keywords": ["Pipelines"]},
    ]
    assert resume["interests"] == [
        {"name": "Engines", "keywords": ["analytical", "difference"]},
        {"name": "Poetry", "keywords": ["metre"]},
    ]


@pytest.mark.sphinx("html", testroot="resume")
def test_home_page_links_the_export(app):
    app.build()
    page = soup(app, "index")
    link = page.select_one('a[type="application/json"]')
    assert link.get_text() == "JSON Resume"
    assert link["href"] == "resume.json"
    assert (
        page.select_one('link[rel="alternate"][type="application/json"]')["href"] == "resume.json"
    )
    assert not soup(app, "work").select('link[rel="alternate"]')


@pytest.mark.sphinx("dirhtml", testroot="resume")
def test_dirhtml_writes_and_links_it_too(app):
    app.build()
    assert (Path(app.outdir) / "resume.json").is_file()
    page = soup(app, "index")
    assert page.select_one('a[type="application/json"]')["href"] == "resume.json"


@pytest.mark.sphinx("text", testroot="resume")
def test_other_builders_write_no_export(app):
    app.build()
    assert warnings_of(app) == []
    assert not (Path(app.outdir) / "resume.json").exists()


def test_a_new_card_and_bib_entry_show_up_with_no_other_edit(tmp_path):
    srcdir = copy_root("resume", tmp_path)
    build_site(srcdir)
    with (srcdir / "work.md").open("a", encoding="utf-8") as page:
        page.write(NEW_CARD)
    with (srcdir / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(
            "\n@misc{example2021new,\n  author = {Ada Example},\n"
            "  title = {A New Note},\n  year = {2021},\n}\n"
        )
    app = build_site(srcdir)  # incremental: same build folder
    resume = read_resume(app)
    gamma = resume["work"][-1]
    assert (gamma["name"], gamma["position"]) == ("Gamma", "Analyst")
    assert gamma["highlights"] == ["Counted +3% CTR."]
    assert [m["text"] for m in gamma["x-metrics"]] == ["+3% CTR"]
    assert "A New Note" in [paper["name"] for paper in resume["publications"]]


DESCRIBED_CARD = """
````{experience-card} Analyst
:org: Gamma

{.portfolio-description}
Counts things.

- Counted {metric-badge}`+3% CTR`.
````
"""


def test_a_card_description_follows_every_rebuild(tmp_path):
    """A card's description is read from its page once and kept between builds:
    a rebuild with nothing changed keeps it, an edit of the page changes it."""
    srcdir = copy_root("resume", tmp_path)
    with (srcdir / "work.md").open("a", encoding="utf-8") as page:
        page.write(DESCRIBED_CARD)
    app = build_site(srcdir)
    assert read_resume(app)["work"][-1]["description"] == "Counts things."
    app = build_site(srcdir)  # nothing changed
    assert read_resume(app)["work"][-1]["description"] == "Counts things."
    work = srcdir / "work.md"
    work.write_text(work.read_text(encoding="utf-8").replace("Counts", "Weighs"), "utf-8")
    app = build_site(srcdir)
    assert read_resume(app)["work"][-1]["description"] == "Weighs things."


def test_a_card_description_read_by_a_parallel_worker_is_exported(tmp_path):
    """The texts travel with the card's entry in the domain, merged from workers."""
    srcdir = copy_root("resume", tmp_path)
    with (srcdir / "work.md").open("a", encoding="utf-8") as page:
        page.write(DESCRIBED_CARD)
    for number in range(6):  # enough pages for Sphinx to read in two processes
        (srcdir / f"extra{number}.md").write_text(f"# Extra {number}\n", encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "work\n", "work\nextra0\nextra1\nextra2\nextra3\nextra4\nextra5\n", 1
        ),
        "utf-8",
    )
    app = build_site(srcdir, parallel=2)
    assert read_resume(app)["work"][-1]["description"] == "Counts things."


def test_two_builds_write_identical_files(tmp_path):
    first = build_site(copy_root("resume", tmp_path / "a"))
    second = build_site(copy_root("resume", tmp_path / "b"), parallel=2)
    assert (Path(first.outdir) / "resume.json").read_bytes() == (
        Path(second.outdir) / "resume.json"
    ).read_bytes()


@pytest.mark.sphinx(
    "html",
    testroot="resume",
    confoverrides={
        "portfolio_profiles": [{"network": "X", "url": "javascript:alert(1)"}, "oops"],
        "show_warning_types": True,  # the default only from Sphinx 8
    },
)
def test_bad_profiles_are_left_out_with_a_warning(app):
    app.build()
    warnings = warnings_of(app)
    assert any("portfolio_profiles[0]" in w and "[portfolio.url]" in w for w in warnings)
    assert any("portfolio_profiles[1]" in w and "[portfolio.config]" in w for w in warnings)
    assert read_resume(app)["basics"]["profiles"] == [{"network": "X"}]


def test_unknown_export_is_a_located_warning(tmp_path):
    srcdir = copy_root("resume", tmp_path)
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("<resume.json>", "<cv.xml>"))
    app = build_site(srcdir, confoverrides={"show_warning_types": True})
    [warning] = warnings_of(app)
    assert "index.md:12" in warning
    assert "unknown export 'cv.xml'" in warning and "[portfolio.export]" in warning


# -- the real site -------------------------------------------------------------------


def test_site_resume_follows_the_schema(site, resume_schema):
    validate(read_resume(site), resume_schema)


def cards_on(site, page: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(organisation, role, bullets, figures) of each card as the page shows it."""
    html = BeautifulSoup((Path(site.outdir) / page).read_text(encoding="utf-8"), "html.parser")
    return [
        (
            card["data-org"],
            card["data-role"],
            [visible_text(li) for li in card.select(":scope > ul > li")],
            [visible_text(badge) for badge in card.select(":scope > ul .portfolio-metric")],
        )
        for card in html.select("article.portfolio-experience")
    ]


def test_site_resume_holds_every_role_bullet_metric_and_paper(site):
    """The pages are the oracle: every card a reader sees, with its bullets and
    figures in order, is in resume.json; every paper on the papers page too."""
    resume = read_resume(site)
    work = [
        (w["name"], w["position"], w["highlights"], [m["text"] for m in w["x-metrics"]])
        for w in resume["work"]
    ]
    assert work == cards_on(site, "experience.html")
    education = cards_on(site, "education.html")
    assert [e["institution"] for e in resume["education"]] == [org for org, *_ in education]
    figures = [[m["text"] for m in e.get("x-metrics", [])] for e in resume["education"]]
    assert figures == [shown for *_, shown in education]
    papers = BeautifulSoup(
        (Path(site.outdir) / "papers.html").read_text(encoding="utf-8"), "html.parser"
    )
    shown = visible_text(papers.select_one("article[role=main]"))
    names = [paper["name"] for paper in resume["publications"]]
    assert [name for name in names if name not in shown] == []
    assert len(names) == len(parse_file(str(REPO / "docs" / "papers.bib")).entries)


def test_site_resume_reads_the_seed_facts(site):
    resume = read_resume(site)
    assert resume["basics"]["name"] == "Paulo Soares"
    assert resume["basics"]["label"] == "Senior ML Engineer · Ph.D."
    assert resume["basics"]["summary"].startswith("I'm a Senior Machine Learning Engineer")
    assert [(w["name"], w["position"]) for w in resume["work"]] == [
        ("Pinterest", "Sr. Machine Learning Engineer"),
        ("Tetricus Labs", "Machine Learning Intern"),
        ("Pinterest", "Pinterest Labs Research Intern"),
        ("Petrobras", "Software Engineer"),
    ]
    assert [e["institution"] for e in resume["education"]] == [
        "University of Arizona",
        "Universidade Federal de Pernambuco",
    ]
    names = [p["name"] for p in resume["publications"]]
    assert "The ToMCAT Dataset" in names
    assert "Decoupled Entity Representation Learning for Pinterest Ads Ranking" in names
    assert [s["name"] for s in resume["skills"]] == [
        "Collaboration & craft",
        "Engineering & delivery",
    ]
    assert resume["interests"][0] == {
        "name": "Ads & feed ranking",
        "keywords": ["embeddings", "cross-domain transfer", "production constraints"],
    }
