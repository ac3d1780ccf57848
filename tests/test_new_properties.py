"""Properties of `sphinx-portfolio new`: for schema-valid JSON Resumes with every
section and odd strings, it never raises, exits 0, the site builds with -W -n and
its resume.json gives back every field the site shows.

Example counts are small on purpose: each built example is a sphinx-build run.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_new import sphinx_build
from test_new_sections import contained
from test_resume import schema_package_file, validate

from sphinx_portfolio.new.cli import main

# Letters of several scripts, emoji, and what Markdown, MyST, HTML and YAML give meaning to.
ODD = "aZé日本語Ωж🚀 <>&*_[](){}|$%:'\"\\#!~^=+-.,;/@"
word = st.text(alphabet=ODD, min_size=1, max_size=12).map(str.strip).filter(bool)
words = st.lists(word, min_size=1, max_size=3).map(" ".join)
date = st.sampled_from(["2019", "2020-06", "2021-02-03"])
url = st.sampled_from(["https://example.org/a?b=c", "http://example.com/x(y)"])


def item(**fields) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(fields)


resumes = st.fixed_dictionaries(
    {
        "basics": item(name=words, label=words, summary=words, email=st.just("a@example.org")),
        "work": st.lists(
            item(name=words, position=words, startDate=date, url=url, summary=words,
                 highlights=st.lists(words, min_size=1, max_size=2)),
            max_size=1,
        ),
        "volunteer": st.lists(item(organization=words, position=words, summary=words), max_size=1),
        "education": st.lists(
            item(institution=words, area=words, studyType=words, score=words,
                 courses=st.lists(words, max_size=2)),
            max_size=1,
        ),
        "publications": st.lists(
            item(name=words, publisher=words, releaseDate=date, summary=words), max_size=1
        ),
        "awards": st.lists(item(title=words, date=date, awarder=words, summary=words), max_size=1),
        "certificates": st.lists(item(name=words, date=date, issuer=words, url=url), max_size=1),
        "skills": st.lists(
            item(name=words, level=words, keywords=st.lists(words, min_size=1, max_size=2)),
            max_size=1,
        ),
        "languages": st.lists(item(language=words, fluency=words), max_size=1),
        "interests": st.lists(
            item(name=words, keywords=st.lists(words, min_size=1, max_size=2)), max_size=1
        ),
        "references": st.lists(item(name=words, reference=words), max_size=1),
        "projects": st.lists(
            item(name=words, description=words, entity=words, type=words, startDate=date,
                 roles=st.lists(words, min_size=1, max_size=2),
                 keywords=st.lists(words, min_size=1, max_size=2),
                 highlights=st.lists(words, min_size=1, max_size=2)),
            max_size=1,
        ),
    }
)  # fmt: skip
SHOWN = ("work", "volunteer", "education", "awards", "certificates", "skills", "languages")
SHOWN += ("interests", "references", "projects")


@contextmanager
def new_site(resume: dict) -> Iterator[Path]:
    """`new` on ``resume`` in a fresh folder (removed afterwards): the site's folder."""
    folder = Path(tempfile.mkdtemp(prefix="portfolio-property-"))
    try:
        yield write_and_run(resume, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_and_run(resume: dict, folder: Path) -> Path:
    source = folder / "resume.json"
    source.write_text(json.dumps(resume, ensure_ascii=False), encoding="utf-8")
    site = folder / "site"
    assert main(["new", str(site), "--from", str(source), "-q", "--with-references"]) == 0
    return site


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resumes)
def test_new_never_raises_and_exits_0(resume):
    with new_site(resume) as site:
        assert (site / "index.md").exists()


FOUND = {  # what Hypothesis found once: a heading ending in " #" lost it
    **{key: [] for key in (*SHOWN, "publications")},
    "basics": {"name": '% "~$% ж(\'🚀-"]', "label": "-", "summary": "語 (/.^[,-@🚀: & a{(日"},
    "awards": [{"title": ": : aж}жZ🚀+]<é #", "date": "2019", "awarder": ":", "summary": ": :"}],
    "languages": [{"language": ":", "fluency": ":"}],
}


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resumes)
@example(FOUND)
def test_the_site_builds_strictly_and_gives_every_shown_field_back(resume):
    schema = json.loads(schema_package_file("schema.json").read_text(encoding="utf-8"))
    validate(resume, schema)
    with new_site(resume) as site:
        out = sphinx_build(site)
        result = json.loads((out / "resume.json").read_text(encoding="utf-8"))
        listed = site / "resume-left-out.json"
        left_out = json.loads(listed.read_text(encoding="utf-8")) if listed.exists() else {}
    # A paper BibTeX cannot hold as written (braces, "--") is listed, never lost.
    papers = {paper["name"]: paper for paper in result["publications"]}
    for index, paper in enumerate(resume["publications"]):
        if f"publications[{index}]" not in left_out:
            found = papers.get(" ".join(paper["name"].split()))
            assert contained(paper, found, f"publications[{index}]") == []
    assert set(left_out) <= {f"publications[{i}]" for i in range(len(resume["publications"]))}
    for section in SHOWN:
        assert contained(resume[section], result.get(section, []), section) == [], section
    assert contained(resume["basics"], result["basics"], "basics") == []
