"""`sphinx-portfolio new`: every JSON Resume section is shown, older resumes are read,
and the built site's resume.json gives back every field it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_new import exported, new, sphinx_build
from test_resume import schema_package_file, validate

LONG = "Led the rewrite of the ingestion pipeline " * 30 + "and cut latency by 40%."
EVERY = {
    "basics": {
        "name": "Maren Quill-Ødegård",
        "label": "Systems <b>engineer</b> 🚀",
        "image": "photo.png",
        "email": "maren@example.org",
        "url": "https://maren.example.org",
        "summary": "Builds **calm** systems; writes [docs](https://x.example).",
        "location": {"city": "Tromsø", "countryCode": "NO"},
        "profiles": [{"network": "Mastodon", "username": "maren"}],
    },
    "work": [
        {
            "name": "Fjord Data",
            "position": "Staff Engineer",
            "startDate": "2019-03",
            "highlights": ["Raised throughput by +35% across the fleet.", LONG],
        }
    ],
    "volunteer": [
        {
            "organization": "Code Club",
            "position": "Mentor",
            "startDate": "2017",
            "summary": "教える",
        }
    ],
    "education": [
        {"institution": "NTNU", "studyType": "M.Sc.", "area": "Informatics", "score": "A"}
    ],
    "awards": [
        {"title": "Engineer of the Year", "date": "2021", "awarder": "Fjord Data", "summary": "ok"}
    ],
    "certificates": [
        {
            "name": "Cloud Architect",
            "date": "2020-05-01",
            "issuer": "Example Cloud",
            "url": "https://cert.example.com/123",
        }
    ],
    "publications": [
        {"name": "Calm Systems", "publisher": "Example Press", "releaseDate": "2022-01-15"}
    ],
    "skills": [{"name": "Rust", "level": "Expert", "keywords": ["tokio", "serde"]}],
    "languages": [{"language": "Norsk", "fluency": "Native"}, {"language": "日本語"}],
    "interests": [{"name": "Sailing", "keywords": ["knots"]}],
    "references": [{"name": "Ola Nordmann", "reference": "Maren is *great*."}],
    "projects": [
        {
            "name": "Tidewatch",
            "description": "Harbour sensors",
            "highlights": ["Cut false alarms by −60%"],
            "keywords": ["IoT", "C, embedded"],
            "startDate": "2020",
            "url": "https://tidewatch.example.com",
            "roles": ["Maintainer"],
            "entity": "Fjord Data",
            "type": "application",
        },
        {"name": "Solo tool", "highlights": ["A small thing"]},
    ],
}
SHOWN = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000105fe02fea70000000049454e44ae426082"
)


def contained(given, found, path: str) -> list[str]:
    """Paths of ``given`` that ``found`` does not hold with the same value (whitespace
    folded, as the site shows it)."""
    if isinstance(given, dict):
        if not isinstance(found, dict):
            return [path]
        return [
            miss
            for key, value in given.items()
            if value not in ("", [], {})
            for miss in contained(value, found.get(key), f"{path}.{key}")
        ]
    if isinstance(given, list) and given and isinstance(given[0], dict):
        if not isinstance(found, list) or len(found) != len(given):
            return [path]
        return [m for i, v in enumerate(given) for m in contained(v, found[i], f"{path}[{i}]")]
    return [] if folded(given) == found else [path]


def folded(value):
    """A string as the site shows it: runs of whitespace as one space (lists too)."""
    if isinstance(value, list):
        return [folded(v) for v in value]
    return " ".join(value.split()) if isinstance(value, str) else value


@pytest.fixture(scope="module")
def every_site(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("every")
    (folder / "photo.png").write_bytes(PNG)
    site = new(folder, EVERY, "--with-references")
    return site, exported(site)


def test_a_resume_using_every_section_comes_back(every_site):
    site, result = every_site
    schema = json.loads(schema_package_file("schema.json").read_text(encoding="utf-8"))
    validate(EVERY, schema)  # the schema's own shape, every section of it
    assert set(SHOWN) | {"basics"} == set(schema["properties"]) - {"$schema", "meta"}
    validate(result, schema)
    assert not (site / "resume-left-out.json").exists()
    for section in SHOWN:
        assert contained(EVERY[section], result[section], section) == [], section
    basics = {k: v for k, v in EVERY["basics"].items() if k != "image"}
    assert contained(basics, result["basics"], "basics") == []
    assert result["basics"]["image"] == "_images/portrait.png"


def test_every_section_is_shown_to_a_reader(every_site):
    site, _ = every_site
    out = site / "_build" / "html"

    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((out / f"{name}.html").read_text(encoding="utf-8"), "html.parser")

    main = page("index").select_one("article[role=main]")
    portrait = main.select_one("img.portfolio-portrait")
    assert portrait["alt"] == "Maren Quill-Ødegård"
    assert (out / portrait["src"]).read_bytes() == PNG
    assert main.find("b") is None and "Systems <b>engineer</b> 🚀" in main.get_text()
    assert "Builds **calm** systems; writes [docs](https://x.example)." in main.get_text()
    awards = page("awards").select_one("article[role=main]").get_text(" ", strip=True)
    assert "Engineer of the Year" in awards and "Awarder : Fjord Data" in awards
    project = page("projects").select_one("article.portfolio-experience[data-kind=project]")
    assert (
        project.select_one(".portfolio-experience-title")
        .get_text(strip=True)
        .startswith("Tidewatch")
    )
    assert [li.get_text(strip=True) for li in project.select("dd ul li")] == [
        "Maintainer",
        "IoT",
        "C, embedded",
    ]
    badge = project.select_one(".portfolio-metric")
    assert badge is not None and "60" in badge.get_text()
    skills = page("skills").select_one("article[role=main]").get_text(" ", strip=True)
    assert "Level : Expert" in skills
    languages = page("languages").select_one("article[role=main]").get_text(" ", strip=True)
    assert "日本語" in languages and "Fluency : Native" in languages
    references = page("references").select_one("article[role=main]").get_text(" ", strip=True)
    assert "Maren is *great*." in references


def test_references_are_private_unless_asked_for(tmp_path, capsys):
    site = new(tmp_path, {"basics": {"name": "Ivo Test"}, "references": EVERY["references"]})
    err = capsys.readouterr().err
    left_out = json.loads((site / "resume-left-out.json").read_text(encoding="utf-8"))
    assert left_out == {"references": EVERY["references"]}
    assert "references: private: pass --with-references to show" in err
    assert not (site / "references.md").exists()
    html = (sphinx_build(site) / "index.html").read_text(encoding="utf-8")
    assert "Ola Nordmann" not in html


def test_a_remote_portrait_is_linked_never_fetched(tmp_path):
    url = "https://img.example.com/me.jpg"
    site = new(tmp_path, {"basics": {"name": "Ivo Test", "image": url}})
    out = sphinx_build(site)
    link = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser").select_one(
        ".portfolio-portrait a"
    )
    assert link["href"] == url
    # Nothing copied or downloaded: _images holds only the pages' own link previews.
    images = out / "_images"
    copied = [p for p in images.rglob("*") if p.is_file() and "social" not in p.parts]
    assert copied == []
    assert json.loads((out / "resume.json").read_text("utf-8"))["basics"]["image"] == url


def test_the_schema_sample_leaves_out_only_references(tmp_path):
    sample = json.loads(schema_package_file("sample.resume.json").read_text(encoding="utf-8"))
    site = new(tmp_path, sample)
    left_out = json.loads((site / "resume-left-out.json").read_text(encoding="utf-8"))
    assert left_out == {"references": sample["references"]}
    result = exported(site)
    for section in set(SHOWN) & set(sample) - {"references"}:
        assert contained(sample[section], result[section], section) == [], section
    basics = {k: v for k, v in sample["basics"].items() if k != "image"}  # "" there
    assert contained(basics, result["basics"], "basics") == []


OLD = {
    "basics": {"name": "Ivo Test", "website": "https://ivo.example.com",
               "profiles": [{"network": "IRC", "username": "ivo"}]},
    "work": [
        {"company": "Acme", "position": "Dev", "website": "https://acme.example.com",
         "startDate": "2009", "endDate": "Present", "highlights": ["<script>alert(1)</script>"]},
        {"company": "Beta", "position": "Intern", "startDate": 2008, "endDate": ""},
    ],
    "education": [{"institution": "Uni", "area": "Maths", "studyType": "B.Sc.", "gpa": "3.9"}],
    "skills": [{"name": "Web", "keywords": ["*bold*", "[x](y)"]}],
}  # fmt: skip


def test_an_older_resume_is_read_in_its_own_names(tmp_path, capsys):
    site = new(tmp_path, OLD)
    err = capsys.readouterr().err
    assert "work[0].company: read as name (its JSON Resume 1.x name)" in err
    assert "work[0].endDate: 'Present' read as no end date (ongoing)" in err
    assert "work[1].startDate: the number 2008 read as the year 2008" in err
    assert not (site / "resume-left-out.json").exists()
    result = exported(site)
    assert result["basics"]["url"] == "https://ivo.example.com"
    assert result["basics"]["profiles"] == [{"network": "IRC", "username": "ivo"}]
    assert [
        (w["name"], w.get("url"), w["startDate"], w.get("endDate")) for w in result["work"]
    ] == [
        ("Acme", "https://acme.example.com", "2009", None),
        ("Beta", None, "2008", None),
    ]
    assert result["work"][0]["highlights"] == ["<script>alert(1)</script>"]
    assert result["education"][0]["score"] == "3.9"
    assert result["skills"][0]["keywords"] == ["*bold*", "[x](y)"]
    html = (site / "_build" / "html" / "experience.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
