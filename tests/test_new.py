"""`sphinx-portfolio new`: a site from a JSON Resume that builds at once and gives
the resume back in its own resume.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_resume import schema_package_file, validate

from conftest import REPO
from sphinx_portfolio.new.cli import main

ROUND_TRIP = ("basics", "work", "education", "publications", "skills", "interests")
SAMPLES = (
    "sample.resume.json",
    "examples/career-changer.resume.json",
    "examples/new-grad.resume.json",
    "examples/senior-engineer.resume.json",
)
CONTACT = {
    "email": "x<script>)@y.com",
    "url": "https://e.com/a(b)<c>?q={1}",
    "phone": "`1` {x}",
    "location": {"city": "C: {d}", "countryCode": "<b>"},
}
HOSTILE = "Ada `code` {x} a: b <script>alert(1)</script> *star* [link](javascript:x) & \\ $1"


def sphinx_build(srcdir: Path, *options: str, builder: str = "html") -> Path:
    """A strict build (-W -n) in a separate process, as a user runs it. Other builders
    keep their doctrees outside the output, as ``sphinx-build -M`` does: EPUB would
    otherwise warn about every pickled file it finds there."""
    out = srcdir / "_build" / builder
    if builder != "html":
        options = ("-d", str(srcdir / "_build" / f"doctrees-{builder}"), *options)
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-n", "-b", builder, *options]
    run = subprocess.run(
        [*command, str(srcdir), str(out)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    return out


def new(tmp_path: Path, resume: dict | str, *options: str, capsys=None) -> Path:
    source = tmp_path / "resume.json"
    source.write_text(resume if isinstance(resume, str) else json.dumps(resume), "utf-8")
    site = tmp_path / "site"
    assert main(["new", str(site), "--from", str(source), *options]) == 0
    return site


@pytest.fixture(scope="module")
def resume_schema() -> dict:
    return json.loads(schema_package_file("schema.json").read_text(encoding="utf-8"))


def exported(site: Path) -> dict:
    return json.loads((sphinx_build(site) / "resume.json").read_text(encoding="utf-8"))


# -- the round trips ------------------------------------------------------------------


@pytest.fixture(scope="module")
def own_resume(tmp_path_factory) -> dict:
    """This site's own resume.json, from a build of docs/."""
    out = tmp_path_factory.mktemp("docs") / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(REPO / "docs"), str(out)]
    subprocess.run(command, check=True, capture_output=True)
    return json.loads((out / "resume.json").read_text(encoding="utf-8"))


def test_real_site_resume_comes_back_unchanged(own_resume, tmp_path):
    result = exported(new(tmp_path, own_resume))
    for section in ROUND_TRIP:
        assert result[section] == own_resume[section], section
    figures = [m for item in own_resume["work"] for m in item["x-metrics"]]
    assert len(figures) > 10  # the comparison above covers every badge of the site
    assert [m for item in result["work"] for m in item["x-metrics"]] == figures


def test_real_site_figure_shown_in_other_words_keeps_its_reading(own_resume, tmp_path):
    site = new(tmp_path, own_resume)
    page = (site / "experience.md").read_text(encoding="utf-8")
    assert "{metric-badge}`operational efficiency by 15% <+15% operational efficiency>`" in page
    assert "{metric-badge}`−1.34% CPC`" in page


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_schema_packages_samples_build_and_come_back(sample, tmp_path, resume_schema):
    resume = json.loads(schema_package_file(sample).read_text(encoding="utf-8"))
    site = new(tmp_path, resume)
    result = exported(site)
    validate(result, resume_schema)
    listed = site / "resume-left-out.json"
    left_out = json.loads(listed.read_text(encoding="utf-8")) if listed.exists() else {}
    assert set(left_out) <= {"references"}  # only what the user chose to keep private
    assert unaccounted(resume, result, left_out) == []


def unaccounted(resume: dict, result: dict, left_out: dict) -> list[str]:
    """Every field of the input is either in the output, equal, or listed as left out."""
    missing = []
    for section, value in resume.items():
        if section in left_out or section in ("$schema", "meta"):  # about the file: noted
            continue
        if isinstance(value, dict):
            missing += fields_missing(section, value, result.get(section) or {}, left_out)
            continue
        found = result[section]
        if section == "publications":  # the site lists papers newest first
            found = sorted(found, key=lambda paper: [p["name"] for p in value].index(paper["name"]))
        for index, item in enumerate(value):
            path = f"{section}[{index}]"
            if path not in left_out:
                missing += fields_missing(path, item, found[index], left_out)
    return missing


def fields_missing(path: str, given: dict, found: dict, left_out: dict) -> list[str]:
    return [
        f"{path}.{key}"
        for key, value in given.items()
        if value not in ("", [], {}) and found.get(key) != value and f"{path}.{key}" not in left_out
    ]


def test_what_the_site_cannot_show_is_listed(tmp_path, capsys):
    resume = json.loads(schema_package_file(SAMPLES[0]).read_text(encoding="utf-8"))
    site = new(tmp_path, resume)
    err = capsys.readouterr().err
    left_out = json.loads((site / "resume-left-out.json").read_text(encoding="utf-8"))
    assert left_out == {"references": resume["references"]}  # private unless asked for
    assert "  references: private: pass --with-references to show" in err
    assert "  meta: about the input file; the site writes its own" in err


# -- highlights and their figures -------------------------------------------------------

PLAIN_WORK = {
    "basics": {"name": "Ada Example"},
    "work": [
        {
            "name": "Acme",
            "position": "Analyst",
            "highlights": [
                "Raised revenue by +20% and cut costs by $2M in a year.",
                "Shipped −1.5% CPC, +3pp CTR and 2x throughput; hired 4 people in 2016.",
                "Grew 30%.",
            ],
        }
    ],
}


def test_figures_in_plain_highlights_become_badges(tmp_path, capsys):
    site = new(tmp_path, PLAIN_WORK)
    err = capsys.readouterr().err
    [work] = exported(site)["work"]
    assert work["highlights"] == PLAIN_WORK["work"][0]["highlights"]
    assert [(m["text"], m["label"], m["value"]) for m in work["x-metrics"]] == [
        ("revenue by +20%", "revenue", 20.0),
        ("costs by $2M", "costs", 2000000.0),
        ("−1.5% CPC", "CPC", -1.5),
        ("+3pp CTR", "CTR", 3.0),
        ("2x throughput", "throughput", 2.0),
    ]
    assert "work[0].highlights[2]: '30%' kept as text (no label next to the figure)" in err


# -- escaping ---------------------------------------------------------------------------


def test_hostile_strings_are_shown_as_written(tmp_path):
    resume = {
        "basics": {"name": HOSTILE, "label": "1. a\nb", "summary": "# not a heading %"} | CONTACT,
        "work": [{"name": HOSTILE, "position": "Lead `x` {y}", "highlights": [HOSTILE]}],
        "skills": [{"name": "a: b {c}", "keywords": ["<b>x</b>", "```"]}],
    }
    site = new(tmp_path, resume)
    result = exported(site)
    assert result["basics"]["name"] == HOSTILE
    assert result["basics"]["label"] == "1. a b"
    assert result["basics"]["summary"] == "# not a heading %"
    assert {key: result["basics"][key] for key in CONTACT} == CONTACT
    assert (result["work"][0]["name"], result["work"][0]["highlights"]) == (HOSTILE, [HOSTILE])
    assert result["work"][0]["position"] == "Lead 'x' {y}"  # no backtick in a fence line
    assert result["skills"] == [{"name": "a: b {c}", "keywords": ["<b>x</b>", "```"]}]
    html = (site / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert HOSTILE in page.h1.get_text()
    assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
    conf = (site / "conf.py").read_text(encoding="utf-8")
    assert f"project = author = copyright = {HOSTILE!r}" in conf
    assert "html_title = 'Ada `code` {x} a: b &lt;script&gt;" in conf  # themes: HTML


# -- bad input --------------------------------------------------------------------------


def run_new(tmp_path: Path, *args: str):
    """The command as a user runs it: status, stdout, stderr."""
    command = [sys.executable, "-m", "sphinx_portfolio", "new", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "resume.json: not JSON (line 1, column 2: "),
        ("[1, 2]", "resume.json: not a JSON Resume: the top level is a list"),
        ('{"name": "x", "version": "1"}', "resume.json: not a JSON Resume: none of basics"),
        ('{"work": {"name": "Acme"}}', "resume.json: work: expected a list, got object"),
        ('{"work": [{"highlights": [1]}]}', "resume.json: work[0].highlights: expected a list"),
        ('{"basics": {"name": 3}}', "resume.json: basics.name: expected a string, got number"),
        (
            '{"work": [{"x-metrics": ["+2% CTR"]}]}',
            "resume.json: work[0].x-metrics: expected a list of",
        ),
        (b"\xff\xfe{}", "resume.json: not UTF-8 text"),
    ],
)
def test_bad_resume_is_one_line_and_writes_nothing(tmp_path, content, message):
    source = tmp_path / "resume.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    run = run_new(tmp_path, "site", "--from", "resume.json")
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr.startswith("reading resume.json\n")
    [line] = run.stderr.splitlines()[1:]
    assert line.startswith(f"sphinx-portfolio: error: {message}"), line
    assert not (tmp_path / "site").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["resume.json"]


def test_missing_files_and_an_existing_folder(tmp_path):
    run = run_new(tmp_path, "site", "--from", "nowhere.json")
    assert (run.returncode, run.stderr.splitlines()[-1]) == (
        1,
        "sphinx-portfolio: error: nowhere.json: no such resume file",
    )
    (tmp_path / "resume.json").write_text('{"basics": {"name": "Ada"}}', encoding="utf-8")
    run = run_new(tmp_path, "site", "--from", "resume.json", "--bib", "none.bib")
    assert run.stderr.splitlines()[-1] == "sphinx-portfolio: error: none.bib: no such BibTeX file"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.md").write_text("mine", encoding="utf-8")
    run = run_new(tmp_path, "site", "--from", "resume.json")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "sphinx-portfolio: error: site: already exists (use --force to write into it)"
    ]
    assert (tmp_path / "site" / "index.md").read_text(encoding="utf-8") == "mine"
    assert not list(tmp_path.glob(".site-*"))
    run = run_new(tmp_path, "site", "--from", "resume.json", "--force")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site" / "index.md").read_text(encoding="utf-8").startswith("# Ada")


def test_a_file_that_cannot_be_written_is_one_line(tmp_path):
    (tmp_path / "resume.json").write_text('{"basics": {"name": "Ada"}}', encoding="utf-8")
    (tmp_path / "site" / "conf.py").mkdir(parents=True)  # a folder where the file goes
    run = run_new(tmp_path, "site", "--from", "resume.json", "--force")
    assert (run.returncode, run.stderr.splitlines()[-1]) == (
        1,
        "sphinx-portfolio: error: site/conf.py: cannot write it (Is a directory)",
    )
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("bib", "message"),
    [
        ("@article{a, title = {T}", "papers.bib: not a BibTeX file ("),
        ("no entries here", "papers.bib: no BibTeX entries"),
        ("@article{a, title={T}, year={2020}}", "papers.bib: entry 'a' (article) has no 'author'"),
    ],
)
def test_a_bad_bib_file_is_one_line(tmp_path, bib, message):
    (tmp_path / "resume.json").write_text('{"basics": {"name": "Ada"}}', encoding="utf-8")
    (tmp_path / "papers.bib").write_text(bib, encoding="utf-8")
    run = run_new(tmp_path, "site", "--from", "resume.json", "--bib", "papers.bib")
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1].startswith(f"sphinx-portfolio: error: {message}")
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "site").exists()


def test_a_bib_file_replaces_the_resumes_papers(tmp_path, capsys):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{ada2020,\n  author = {Ada Example},\n  title = {Engines},\n"
        "  journal = {J. Ex.},\n  year = {2020},\n}\n",
        encoding="utf-8",
    )
    resume = {
        "basics": {"name": "Ada Example"},
        "publications": [{"name": "Old", "releaseDate": "2001"}],
    }
    site = new(tmp_path, resume, "--bib", str(bib))
    assert "publications: replaced by the --bib file" in capsys.readouterr().err
    [paper] = exported(site)["publications"]
    assert (paper["name"], paper["publisher"], paper["x-authors"]) == (
        "Engines",
        "J. Ex.",
        ["Ada Example"],
    )


def test_a_paper_bibtex_cannot_hold_is_named_and_the_rest_come_back(tmp_path, capsys):
    """Braces, or LaTeX that reads otherwise ("--" is a dash), leave the paper out with
    one line naming it; backslashes and TeX's special characters come back as written."""
    kept = {"name": "a\\b ~ 50% & #1_x", "publisher": "Ends in \\", "releaseDate": "2022"}
    resume = {
        "basics": {"name": "Ada Example"},
        "publications": [
            {"name": "Sets {x} and y", "releaseDate": "2020"},
            {"name": "Pages 1--2", "releaseDate": "2021"},
            kept,
        ],
    }
    site = new(tmp_path, resume)
    err = capsys.readouterr().err
    for index in (0, 1):
        [line] = [line for line in err.splitlines() if f"publications[{index}]" in line]
        assert line.startswith(f"  publications[{index}]: cannot be written in BibTeX"), line
    left_out = json.loads((site / "resume-left-out.json").read_text(encoding="utf-8"))
    assert [left_out[f"publications[{i}]"] for i in (0, 1)] == resume["publications"][:2]
    [paper] = exported(site)["publications"]
    assert (paper["name"], paper["publisher"], paper["releaseDate"]) == tuple(kept.values())


def test_help_documents_every_option():
    run = subprocess.run(
        [sys.executable, "-m", "sphinx_portfolio", "new", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for option in ("DIR", "--from", "--bib", "--force", "--quiet", "resume-left-out.json"):
        assert option in run.stdout
    for word in ("--with-references", "RenderCV", "cv.yaml", "rendercv.yaml", "resume.json"):
        assert word in run.stdout


def test_read_the_docs_files_pin_the_extension_and_tune_its_search(tmp_path):
    """The extension is not on PyPI: requirements.txt says so and pins the version
    that wrote the site; .readthedocs.yaml keeps index-only pages out of its search."""
    import yaml

    from sphinx_portfolio.core.version import __version__

    site = new(tmp_path, {"basics": {"name": "Ada"}})
    requirements = (site / "requirements.txt").read_text(encoding="utf-8").splitlines()
    wanted = [line for line in requirements if line and not line.startswith("#")]
    assert wanted == [f"sphinx-portfolio[all]=={__version__}"]
    assert any("not published on PyPI" in line for line in requirements)
    config = yaml.safe_load((site / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert {"404.html", "search.html", "genindex.html"} <= set(config["search"]["ignore"])
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
