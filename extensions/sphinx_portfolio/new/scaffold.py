"""A new portfolio site from a JSON Resume: the pages, ``conf.py`` and a .bib file.

Pure functions from a resume (a dict) to file texts, so the command line
(:mod:`sphinx_portfolio.cli`) only reads, reports and writes. The pages use only
what :mod:`sphinx_portfolio.exports` reads back, so building the new site writes a
``resume.json`` equal to the input for every field the site shows; every other
field is returned in :attr:`Site.left_out`, never dropped in silence.

Every string from the resume is escaped for where it goes: MyST inline text,
directive options (as YAML, i.e. JSON strings), Python literals, BibTeX fields.

This module owns the list of files, in the order of JSON Resume's sections or, from
a RenderCV file, a page per section in the file's order whose front matter keeps
the section's key (``rendercv: "teaching"``): a file may hold two sections of one
entry type, JSON Resume has one list per type, and
:mod:`sphinx_portfolio.outputs.rendercv` gives the sections back from the pages. The
rest is one module each: :mod:`resume_input` (checking the input),
:mod:`scaffold_text` (the :class:`Site` and escaping), :mod:`scaffold_home`,
:mod:`scaffold_cards` with :mod:`scaffold_figures` (badges), :mod:`scaffold_bib`
and :mod:`scaffold_files` (conf.py, .readthedocs.yaml, requirements.txt).
"""

from __future__ import annotations

import json

from ..core.jsonresume import ENTRY_SECTIONS
from .bib import papers_bib
from .cards import CardWriter, education_page, experience_page, project_page
from .files import READTHEDOCS, REQUIREMENTS, conf_py
from .home import home_page
from .languages import add_languages
from .resume_input import SECTIONS
from .sections import entry_page, extra_page, keyword_page, section_title
from .text import Layout, Section, Site, inline, text, unique_name

FALLBACK_TITLE = "Portfolio"  # a page needs a title; only used when basics.name is absent


def scaffold(
    resume: dict,
    bib: str | None = None,
    portrait: tuple[str, bytes] | None = None,
    references: bool = False,
    layout: Layout | None = None,
    languages: list[str] | None = None,
) -> Site:
    """The new site's files for ``resume``; ``bib`` (a .bib file's text) replaces its
    publications; ``portrait`` is basics.image read from a local file (name, bytes);
    ``references`` are written only when asked for; ``layout`` (from a RenderCV file)
    makes a page per section, in its order; ``languages`` (the resume's first) adds
    the translation scaffold."""
    site = Site()
    basics = resume.get("basics") or {}
    name = text(basics.get("name")) or FALLBACK_TITLE
    cards = CardWriter(site)
    if layout is None:
        pages, papers = resume_pages(resume, bib, references, cards)
    else:
        papers = papers_file(resume, bib, site)
        taken = {"index", "search", "genindex"}
        pages = rendercv_pages(resume, layout.sections, papers, cards, taken)
    badges = cards.badges
    if portrait:
        site.files[portrait[0]] = portrait[1]
    home = home_page(basics, name, pages, badges, site, portrait[0] if portrait else "")
    site.files["index.md"] = home
    owners = layout.owners if layout is not None else []
    site.files["conf.py"] = conf_py(basics, name, bool(papers), site, owners)
    site.files[".readthedocs.yaml"] = READTHEDOCS
    site.files["requirements.txt"] = REQUIREMENTS
    if languages:
        add_languages(site, languages)
    leave_out_other_sections(resume, site)
    return site


def resume_pages(
    resume: dict, bib: str | None, references: bool, cards: CardWriter
) -> tuple[list[str], str]:
    """The pages of a JSON Resume, in the site's order of sections; the .bib text."""
    site, pages = cards.site, []
    for page, write in (
        ("experience", experience_page),
        ("projects", project_page),
        ("education", education_page),
    ):
        body, _ = write(resume, cards)
        if body:
            site.files[f"{page}.md"] = body
            pages.append(page)
    papers = papers_file(resume, bib, site)
    if papers:
        site.files["papers.md"] = "# Papers\n\n```{publications}\n```\n"
        pages.append("papers")
    for section, title in (("skills", "Skills"), ("interests", "Interests")):
        page = keyword_page(resume, section, title, site)
        if page:
            site.files[f"{section}.md"] = page
            pages.append(section)
    for section in ENTRY_SECTIONS:
        if section == "references" and not references and resume.get(section):
            site.leave_out(section, resume[section], "private: pass --with-references to show")
            continue
        page = entry_page(resume, section, site)
        if page:
            site.files[f"{section}.md"] = page
            pages.append(section)
    return pages, papers


def papers_file(resume: dict, bib: str | None, site: Site) -> str:
    """papers.bib: the --bib file, or the resume's publications as BibTeX."""
    papers = bib if bib is not None else papers_bib(resume, site)
    if bib is not None and resume.get("publications"):
        site.leave_out("publications", resume["publications"], "replaced by the --bib file")
    if papers:
        site.files["papers.bib"] = papers
    return papers


# -- a RenderCV file: a page per section, in its order ------------------------------

CARD_PAGES = {"experience": experience_page, "education": education_page, "normal": project_page}
PAPERS_PAGE = "```{publications}\n```\n"


def rendercv_pages(
    resume: dict, sections: list[Section], papers: str, cards: CardWriter, taken: set[str]
) -> list[str]:
    """Write a page per section into ``cards.site``; their names, in the file's order."""
    site, pages, listed = cards.site, [], False
    for section in sections:
        if section.kind == "publication" and listed:
            # One papers.bib, one list: RenderCV's sections of papers cannot be told apart.
            site.notes.append(f"cv.sections.{section.key}: its papers are listed under the first")
            continue
        page = section_page(resume, section, bool(papers), cards)
        if not page:
            continue
        listed = listed or section.kind == "publication"
        name = unique_name(section.key, taken)
        site.files[f"{name}.md"] = page
        pages.append(name)
    return pages


def section_page(resume: dict, section: Section, papers: bool, cards: CardWriter) -> str:
    heading = inline(section_title(section.key))
    if section.kind in CARD_PAGES:
        part = {section.place: [resume[section.place][i] for i in section.items]}
        page, _ = CARD_PAGES[section.kind](part, cards, heading)
        return keyed(page, section.key)
    if section.kind == "one_line":
        part = {"skills": [resume["skills"][i] for i in section.items]}
        return keyed(keyword_page(part, "skills", heading, cards.site), section.key)
    if section.kind == "publication":
        return keyed(f"# {heading}\n\n{PAPERS_PAGE}", section.key) if papers else ""
    return extra_page(section.key, section.kind, list(section.texts), cards.site)


def keyed(page: str, key: str) -> str:
    """``page`` with ``rendercv: KEY`` in its front matter (added if it has none)."""
    if not page:
        return ""
    line = f"rendercv: {json.dumps(key, ensure_ascii=False)}"
    if page.startswith("---\n"):
        return f"---\n{line}\n{page[4:]}"
    return f"---\n{line}\n---\n\n{page}"


def leave_out_other_sections(resume: dict, site: Site) -> None:
    for key in sorted(set(resume) - set(SECTIONS)):
        value = resume[key]
        if key == "meta" and isinstance(value, dict) and value.get("x-metrics"):
            site.leave_out("meta.x-metrics", value["x-metrics"], "figures outside any card")
            value = {k: v for k, v in value.items() if k != "x-metrics"}
        if key in FILE_METADATA:
            # About the input file, not the person: the site's resume.json has its own.
            if value not in ("", None, [], {}) and not (key == "meta" and only_metrics(value)):
                site.notes.append(f"{key}: about the input file; the site writes its own")
        elif value not in ("", None, [], {}):
            site.leave_out(key, value)


FILE_METADATA = ("$schema", "meta")


def only_metrics(meta: object) -> bool:
    return isinstance(meta, dict) and set(meta) <= {"x-metrics"} and not meta.get("x-metrics")
