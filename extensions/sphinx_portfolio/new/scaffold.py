"""A new portfolio site from a JSON Resume: the pages, ``conf.py`` and a .bib file.

Pure functions from a resume (a dict) to file texts, so the command line
(:mod:`sphinx_portfolio.cli`) only reads, reports and writes. The pages use only
what :mod:`sphinx_portfolio.exports` reads back, so building the new site writes a
``resume.json`` equal to the input for every field the site shows; every other
field is returned in :attr:`Site.left_out`, never dropped in silence.

Every string from the resume is escaped for where it goes: MyST inline text,
directive options (as YAML, i.e. JSON strings), Python literals, BibTeX fields.

This module owns the list of files and the keyword pages (skills, interests); the
rest is one module each: :mod:`resume_input` (checking the input),
:mod:`scaffold_text` (the :class:`Site` and escaping), :mod:`scaffold_home`,
:mod:`scaffold_cards` with :mod:`scaffold_figures` (badges), :mod:`scaffold_bib`
and :mod:`scaffold_files` (conf.py, .readthedocs.yaml, requirements.txt).
"""

from __future__ import annotations

from ..core.jsonresume import ENTRY_SECTIONS
from .bib import papers_bib
from .cards import CardWriter, education_page, experience_page, project_page
from .files import READTHEDOCS, REQUIREMENTS, conf_py
from .home import home_page
from .languages import add_languages
from .resume_input import SECTIONS
from .sections import entry_page, extra_page, field_lines
from .text import Site, inline, text, unique_name

FALLBACK_TITLE = "Portfolio"  # a page needs a title; only used when basics.name is absent


def scaffold(
    resume: dict,
    bib: str | None = None,
    portrait: tuple[str, bytes] | None = None,
    references: bool = False,
    extras: list[tuple[str, str, list[str]]] = (),
    languages: list[str] | None = None,
) -> Site:
    """The new site's files for ``resume``; ``bib`` (a .bib file's text) replaces its
    publications; ``portrait`` is basics.image read from a local file (name, bytes);
    ``references`` are written only when asked for; ``languages`` (the resume's
    first) adds the translation scaffold."""
    site = Site()
    basics = resume.get("basics") or {}
    name = text(basics.get("name")) or FALLBACK_TITLE
    pages: list[str] = []
    badges = 0
    cards = CardWriter(site)
    experience, count = experience_page(resume, cards)
    badges += count
    if experience:
        site.files["experience.md"] = experience
        pages.append("experience")
    projects, count = project_page(resume, cards)
    badges += count
    if projects:
        site.files["projects.md"] = projects
        pages.append("projects")
    education_text, count = education_page(resume, cards)
    badges += count
    if education_text:
        site.files["education.md"] = education_text
        pages.append("education")
    papers = bib if bib is not None else papers_bib(resume, site)
    if bib is not None and resume.get("publications"):
        site.leave_out("publications", resume["publications"], "replaced by the --bib file")
    if papers:
        site.files["papers.bib"] = papers
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
    taken = {name.removesuffix(".md") for name in site.files} | {"index", "search", "genindex"}
    for key, kind, entries in extras:  # RenderCV sections of text, bullets, numbers
        page = unique_name(key, taken)
        site.files[f"{page}.md"] = extra_page(key, kind, entries, site)
        pages.append(page)
    if portrait:
        site.files[portrait[0]] = portrait[1]
    home = home_page(basics, name, pages, badges, site, portrait[0] if portrait else "")
    site.files["index.md"] = home
    site.files["conf.py"] = conf_py(basics, name, bool(papers), site)
    site.files[".readthedocs.yaml"] = READTHEDOCS
    site.files["requirements.txt"] = REQUIREMENTS
    if languages:
        add_languages(site, languages)
    leave_out_other_sections(resume, site)
    return site


def keyword_page(resume: dict, section: str, title: str, site: Site) -> str:
    groups = resume.get(section) or []
    if not groups:
        return ""
    lines = ["---", f"resume: {section}", "---", "", f"# {title}", ""]
    for index, group in enumerate(groups):
        path = f"{section}[{index}]"
        name, keywords = text(group.get("name")), [text(k) for k in group.get("keywords") or []]
        keywords = [k for k in keywords if k]
        if not name or not keywords:
            site.leave_out(path, group, "a group needs a name and keywords")
            continue
        lines += [f"## {inline(name)}", ""]
        lines += field_lines(group, sorted(set(group) - {"name", "keywords"}), path, site)
        lines += [*(f"- {inline(k)}" for k in keywords), ""]
    return "\n".join(lines)


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
