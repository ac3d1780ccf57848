"""The site in two languages: the same facts on every page, every message translated.

The real site is built in English and in Brazilian Portuguese (``-D language=pt_BR``,
catalogs in docs/locale/pt_BR) and compared page by page, as a reader of both would:
every figure, date, DOI, URL, organisation, person's name and paper title of one is in
the other, and every badge says the same thing as data (value, unit, direction). The
catalogs are checked on their own: every message of a fresh ``gettext`` extraction
translated, none fuzzy, the markup (roles, links) of each message kept.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import REPO, build_docs

LOCALE = REPO / "docs" / "locale"
XML = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
#: Pages the extension or Sphinx writes with no source page of their own.
GENERATED = {"portfolio-impact.html", "genindex.html", "search.html"}
LANGUAGE = "pt_BR"
#: A figure as written: sign, currency, digits with "." or "," inside, unit or scale.
FIGURE = re.compile(r"(?<![\w.,])[+\-−]?[$€£]?\d+(?:[.,]\d+)*(?:%|[KMB]\b)?")
DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
URL = re.compile(r"https?://[^\s\"<>)]+")
#: Markup a translation must keep as the source has it: roles and link targets.
ROLE = re.compile(r"\{[\w:-]+\}`")
LINK_TARGET = re.compile(r"\]\(([^)]+)\)")
#: Highwire tags of the paper pages that name people, organisations and titles.
NAME_TAGS = (
    "citation_author",
    "citation_title",
    "citation_publisher",
    "citation_journal_title",
    "citation_conference_title",
    "citation_dissertation_institution",
)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("languages")
    english, portuguese = out / "en", out / "pt-br"
    assert build_docs(english).stderr == ""
    assert build_docs(portuguese, "-D", f"language={LANGUAGE}").stderr == ""
    return {"en": english, LANGUAGE: portuguese}


def pages(root: Path) -> list[str]:
    return sorted(
        str(path.relative_to(root)) for path in root.rglob("*.html") if "_static" not in path.parts
    )


def parse(root: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")


def main_part(page: BeautifulSoup):
    """What the page says: its article and its description; the language switch and
    the (translated) navigation around them left out."""
    main = page.select_one("[role=main]") or page.body
    for switch in main.select("nav.portfolio-languages"):
        switch.decompose()
    return main


def page_text(page: BeautifulSoup, name: str = "") -> str:
    """The article's text, and the description of a page written by hand (the impact
    index lists as many labels as fit its length: "… and 3 more", "… e mais 4")."""
    main = main_part(page)
    description = page.select_one('meta[name="description"]')
    text = " ".join(main.get_text(" ").split())
    if description is not None and name not in GENERATED:
        text += " " + description["content"]
    return text


def figures(text: str) -> Counter:
    """Every figure as a number, whichever decimal mark the language writes."""
    found = Counter()
    for figure in FIGURE.findall(text):
        found[figure.replace("−", "-").replace(",", ".")] += 1
    return found


def links(main) -> Counter:
    """Where links lead, by page: anchors of badges are named after their (translated)
    labels, so ``#metric-engagement-3`` is ``#metric-engajamento-3`` in pt_BR."""
    return Counter(a["href"].partition("#")[0] for a in main.select("a[href]"))


def badges(main) -> list[tuple[str, ...]]:
    """Each badge's data, sorted: the impact index orders its tables by label."""
    keys = ("value", "unit", "direction", "sentiment")
    found = main.select("[data-metric-value]")
    return sorted(tuple(badge.get(f"data-metric-{key}") for key in keys) for badge in found)


def known_names(root: Path) -> set[str]:
    """People, organisations, positions and paper titles the English site states as data:
    resume.json's names and the paper pages' Highwire tags."""
    resume = json.loads((root / "resume.json").read_text(encoding="utf-8"))
    names = {resume["basics"]["name"]}
    for item in resume.get("work", []):
        names |= {item.get("name"), item.get("position")}
    for item in resume.get("education", []):
        names |= {item.get("institution")}
    for item in resume.get("publications", []):
        names |= {item.get("name"), item.get("publisher")}
    for page in (root / "papers").glob("*.html"):
        for tag in parse(root, str(page.relative_to(root))).find_all("meta"):
            if tag.get("name") in NAME_TAGS:
                names.add(tag["content"])
    return {name for name in names if name}


def test_both_languages_have_the_same_pages(builds):
    assert pages(builds["en"]) == pages(builds[LANGUAGE])


def test_every_fact_of_a_page_is_in_its_translation(builds):
    """Figures, dates, DOIs and URLs (as text and as links), names and titles."""
    english, portuguese = builds["en"], builds[LANGUAGE]
    names = known_names(english)
    assert {"Paulo Soares", "Pinterest", "Petrobras", "University of Arizona"} <= names
    problems = []
    for name in pages(english):
        en_page, pt_page = parse(english, name), parse(portuguese, name)
        en_text, pt_text = page_text(en_page, name), page_text(pt_page, name)
        for kind, en, pt in (
            ("figures", figures(en_text), figures(pt_text)),
            ("DOIs", Counter(DOI.findall(en_text)), Counter(DOI.findall(pt_text))),
            ("URLs", Counter(URL.findall(en_text)), Counter(URL.findall(pt_text))),
            ("links", links(main_part(en_page)), links(main_part(pt_page))),
            ("names", {n for n in names if n in en_text}, {n for n in names if n in pt_text}),
        ):
            if en != pt:
                missing, added = _difference(en, pt)
                problems.append(f"{name}: {kind} only in English {missing}, only in pt_BR {added}")
    assert not problems, "\n".join(problems)


def test_every_badge_says_the_same_in_both(builds):
    """A badge's label may be translated; its value, unit and direction may not."""
    for name in pages(builds["en"]):
        en = badges(main_part(parse(builds["en"], name)))
        pt = badges(main_part(parse(builds[LANGUAGE], name)))
        assert en == pt, name


def test_the_portuguese_pages_are_portuguese(builds):
    """The words of each page changed language (a page whose catalog is missing would
    come out in English, facts intact)."""
    for name, english_word, portuguese_word in (
        ("index.html", "Impact at a glance", "Impacto em resumo"),
        ("index.html", "Measure before you scale;", "Meça antes de escalar;"),  # a code block
        ("experience.html", "Experience", "Experiência"),
        ("skills.html", "How I work and how I ship.", "Como trabalho e como entrego."),
        ("404.html", "Page not found", "Página não encontrada"),
    ):
        text = page_text(parse(builds[LANGUAGE], name))
        assert portuguese_word in text and english_word not in text, name
        assert parse(builds[LANGUAGE], name).html["lang"] == "pt-BR"


# -- the catalogs ------------------------------------------------------------------


def catalogs() -> list[Path]:
    return sorted((LOCALE / LANGUAGE / "LC_MESSAGES").rglob("*.po"))


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Path:
    """A fresh extraction of the site's messages (what the catalogs must cover)."""
    out = tmp_path_factory.mktemp("gettext")
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "gettext", str(REPO / "docs")]
    run = subprocess.run([*command, str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    return out


def read(path: Path):
    with path.open("rb") as file:
        return read_po(file, locale=LANGUAGE)


def test_every_message_is_translated_and_none_is_fuzzy():
    assert catalogs(), "no pt_BR catalogs"
    problems = []
    for path in catalogs():
        catalog = read(path)
        if catalog.fuzzy:
            problems.append(f"{path.name}: the header is marked fuzzy")
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                problems.append(f"{path.name}: fuzzy: {message.id!r}")
            elif not message.string:
                problems.append(f"{path.name}: untranslated: {message.id!r}")
            elif ROLE.findall(message.id) != ROLE.findall(message.string):
                problems.append(f"{path.name}: roles differ: {message.string!r}")
            elif LINK_TARGET.findall(message.id) != LINK_TARGET.findall(message.string):
                problems.append(f"{path.name}: links differ: {message.string!r}")
    assert not problems, "\n".join(problems)


def test_the_catalogs_cover_every_message_of_the_site(templates):
    """100% translated: every message gettext extracts today is in a catalog."""
    total, translated, missing = 0, 0, []
    for template in sorted(templates.rglob("*.pot")):
        domain = str(template.relative_to(templates).with_suffix(""))
        path = LOCALE / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
        have = {m.id: m for m in read(path) if m.id} if path.is_file() else {}
        for message in read(template):
            if not message.id:
                continue
            total += 1
            found = have.get(message.id)
            if found is not None and found.string and not found.fuzzy:
                translated += 1
            else:
                missing.append(f"{domain}: {message.id!r}")
    assert total > 50
    assert translated == total, f"{translated}/{total} translated; missing:\n" + "\n".join(missing)


def _difference(en, pt) -> tuple[list, list]:
    if isinstance(en, set):
        return sorted(en - pt), sorted(pt - en)
    return sorted((en - pt).elements()), sorted((pt - en).elements())


# -- the two sites on Read the Docs ---------------------------------------------------


def test_on_read_the_docs_both_sites_link_each_other_and_the_sitemap_lists_both(tmp_path):
    """The English project at /en/latest/; its translation at /pt-br/latest/."""
    import os

    base = "https://paulo-soares.readthedocs.io/en/latest/"
    environment = {**os.environ, "READTHEDOCS_CANONICAL_URL": base}
    assert build_docs(tmp_path, env=environment).stderr == ""
    page = parse(tmp_path, "experience.html")
    links = {tag["hreflang"]: tag["href"] for tag in page.select("link[hreflang]")}
    assert links == {
        "en": base + "experience.html",
        "pt-BR": "https://paulo-soares.readthedocs.io/pt-br/latest/experience.html",
        "x-default": base + "experience.html",
    }
    sitemap = ElementTree.parse(tmp_path / "sitemap.xml").getroot()
    urls = sitemap.findall("sm:url", XML)
    assert len(urls) >= len(pages(tmp_path)) - len(GENERATED)
    for url in urls:
        loc = url.find("sm:loc", XML).text
        found = url.findall("xhtml:link", XML)
        alternates = {link.get("hreflang"): link.get("href") for link in found}
        assert alternates["en"] == loc
        assert alternates["pt-BR"] == loc.replace("/en/latest/", "/pt-br/latest/")


# -- resume.json ----------------------------------------------------------------------


def shape(value):
    """The structure of a JSON value: keys, list lengths and types, no text."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


def test_resume_json_of_the_portuguese_build_is_in_portuguese_with_the_same_structure(builds):
    en, pt = (json.loads((builds[k] / "resume.json").read_text("utf-8")) for k in ("en", LANGUAGE))
    assert shape(pt) == shape(en)
    assert pt["basics"]["summary"].startswith("Trabalho como Senior Machine Learning Engineer")
    assert pt["work"][0]["highlights"][0].startswith("Otimizei um modelo")
    assert [s["name"] for s in pt["skills"]] == ["Colaboração e ofício", "Engenharia e entrega"]
    # Facts as data: the same in both.
    for key in ("name", "position"):
        assert [w[key] for w in pt["work"]] == [w[key] for w in en["work"]]
    assert pt["education"] == en["education"]
    assert pt["publications"] == en["publications"]
    data = ("value", "unit", "magnitude", "direction", "better", "sentiment")
    for en_work, pt_work in zip(en["work"], pt["work"], strict=True):
        en_figures = [{k: m[k] for k in data} for m in en_work.get("x-metrics", [])]
        assert [{k: m[k] for k in data} for m in pt_work.get("x-metrics", [])] == en_figures
