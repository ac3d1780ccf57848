"""Machine-readable exports of the site: ``resume.json`` in the JSON Resume schema.

Nothing here holds a fact of its own. Everything is read back from what the pages
already say: the home page's title, label and summary paragraphs, the experience
cards and their badges (the ``portfolio`` domain), the .bib files (through
:mod:`sphinx_portfolio.publications`), and the pages whose front matter says
``resume: skills`` or ``resume: interests``. A new card or .bib entry therefore
shows up in the export with no other edit.

The file is written once per HTML-like build (``build-finished``), from the
environment, so it is exact after incremental and parallel builds; keys keep a
fixed order, so two builds of the same sources give identical bytes.

This module owns building and writing ``resume.json``; the words of the schema are
in :mod:`jsonresume`, the checked ``portfolio_profiles`` and ``portfolio_contact``
in :mod:`profiles`, and the ``portfolio-export`` role that links the file in
:mod:`export_link`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..core.config import has_papers, publications_on
from ..core.domain import PortfolioDomain
from ..core.entries import CardEntry, MetricEntry, documents_in_reading_order
from ..core.jsonresume import (
    EDUCATION_KINDS,
    LABEL_CLASSES,
    PAGE_KEY,
    PAGE_SECTIONS,
    PROJECT_KINDS,
    RESUME,
    SUMMARY_CLASS,
    VOLUNTEER_KINDS,
    parse_period,
)
from ..core.text import ISO_DATE, THESES, is_safe_url
from .export_link import setup_export_link, writes_exports
from .profiles import read_contact, read_profiles, setup_profiles
from .rendercv import Places, write_rendercv
from .resume_sections import card_fields, card_markdown, entry_sections, field_values, portrait

# -- reading the site back ----------------------------------------------------------


def root_section(doctree: nodes.document) -> nodes.section | None:
    return next(iter(doctree.findall(nodes.section)), None)


def classed_text(doctree: nodes.Node, classes: tuple[str, ...]) -> str:
    for node in doctree.findall(nodes.paragraph):
        if any(cls in node["classes"] for cls in classes):
            return plain(node)
    return ""


def first_plain_paragraph(section: nodes.section | None) -> str:
    """The first paragraph right under the title with no class: the page's lead."""
    for child in section.children if section is not None else ():
        if isinstance(child, nodes.paragraph) and not child["classes"]:
            return plain(child)
    return ""


def plain(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def words(node: nodes.Node) -> str:
    """The text of ``node`` without citations: a keyword is not "ranking liu2025"."""
    node = node.deepcopy()
    for ref in list(node.findall(is_citation)):
        ref.parent.remove(ref)
    return plain(node)


def is_citation(node: nodes.Node) -> bool:
    if isinstance(node, nodes.citation_reference):
        return True
    return isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite"


def read_basics(app: Sphinx) -> dict[str, Any]:
    """Name, label and summary as the home page shows them; profiles from conf.py."""
    env = app.env
    doctree = env.get_doctree(app.config.root_doc)
    section = root_section(doctree)
    basics: dict[str, Any] = {}
    if section is not None:
        basics["name"] = plain(section[0])
    image = portrait(doctree, getattr(app.builder, "images", {}))
    if image:
        basics["image"] = image
    label = classed_text(doctree, LABEL_CLASSES)
    if label:
        basics["label"] = label
    summary = classed_text(doctree, (SUMMARY_CLASS,)) or first_plain_paragraph(section)
    if summary:
        basics["summary"] = summary
    basics.update(read_contact(app.config))
    if "url" not in basics and app.config.html_baseurl and is_safe_url(app.config.html_baseurl):
        basics["url"] = app.config.html_baseurl
    basics["profiles"] = read_profiles(app.config)
    return basics


def metric_record(entry: MetricEntry) -> dict[str, Any]:
    """A badge as data: the words the page shows, and the parsed figure."""
    figure = {key: value for key, value in entry.metric.items() if key != "text"}
    record = {"text": entry.text, **figure}
    if entry.facts:
        record["facts"] = dict(entry.facts)
    return record


def card_metrics(domain: PortfolioDomain, order: dict[str, int]) -> dict[str, list[dict]]:
    by_card: dict[str, list[dict]] = {}
    for entry in domain.selected_metrics(order):
        by_card.setdefault(entry.card, []).append(metric_record(entry))
    return by_card


def work_item(card: CardEntry, metrics: list[dict], texts: dict | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"name": card.org, "position": card.title}
    item.update(common_fields(card))
    item.update(texts or {})
    item["highlights"] = list(card.highlights)
    item["x-kind"] = card.kind
    item["x-metrics"] = metrics
    return item


def common_fields(card: CardEntry) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if card.url:
        fields["url"] = card.url
    if card.location:
        fields["location"] = card.location
    fields.update(parse_period(card.period))
    return fields


def project_item(card: CardEntry, metrics: list[dict]) -> dict[str, Any]:
    """A project card: its title the name, its organisation the entity."""
    item: dict[str, Any] = {"name": card.title}
    if card.org:
        item["entity"] = card.org
    item.update(common_fields(card))
    item.update(dict(card.texts))
    item["highlights"] = list(card.highlights)
    if metrics:
        item["x-metrics"] = metrics
    return item


def education_item(card: CardEntry, metrics: list[dict]) -> dict[str, Any]:
    """'Ph.D. in Computer Science' reads as study type 'Ph.D.', area 'Computer Science'."""
    study, _, area = card.title.partition(" in ")
    item: dict[str, Any] = {"institution": card.org, "studyType": study.strip()}
    if area.strip():
        item["area"] = area.strip()
    item.update(common_fields(card))
    if card.highlights:
        item["courses"] = list(card.highlights)
    if metrics:
        item["x-metrics"] = metrics
    return item


def add_theses(education: list[dict[str, Any]], papers: list[dict[str, Any]]) -> None:
    """A thesis joins the degree of its school, or stands as a degree of its own."""
    for paper in papers:
        if paper.get("type") not in THESES:
            continue
        thesis = {key: paper[key] for key in ("title", "year", "url") if paper.get(key)}
        school = paper.get("venue") or ""
        match = next((e for e in education if e["institution"] == school), None)
        if match is None:
            match = {"institution": school, "studyType": THESES[paper["type"]].study_type}
            education.append(match)
        match.setdefault("x-theses", []).append(thesis)


def publication_item(paper: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"name": paper["title"]}
    publisher = paper.get("venue") or paper.get("publisher")
    if publisher:
        item["publisher"] = publisher
    if paper.get("year"):
        date = paper.get("date") or ""
        exact = ISO_DATE.match(date) and date.startswith(str(paper["year"]))
        item["releaseDate"] = date if exact else str(paper["year"])
    url = paper_url(paper)
    if url:
        item["url"] = url
    if paper.get("note"):
        item["summary"] = paper["note"]
    item["x-authors"] = list(paper.get("authors") or [])
    if paper.get("abstract"):
        item["summary"] = paper["abstract"]  # JSON Resume's own field
    for key in ("doi", "arxiv", "shortvenue", "award"):
        if paper.get(key):
            item[f"x-{key}"] = paper[key]
    if paper.get("selected"):
        item["x-selected"] = True
    if paper.get("links"):
        item["x-links"] = dict(paper["links"])  # al-folio's: {"code": URL, ...}
    return item


def paper_url(paper: dict[str, Any]) -> str:
    """The paper's first web link (DOI, its own URL, arXiv), as the records say."""
    from ..papers import web_links

    links = web_links(paper)
    return links[0] if links else ""


def read_papers(env: Any) -> list[dict[str, Any]]:
    """Per-paper records of the configured .bib files, newest first.

    ``papers/`` owns reading and cleaning the .bib data; a site that does not read
    .bib files (no sphinxcontrib-bibtex) simply has no papers.
    """
    if not has_papers(env):
        return []
    from ..core.bibtex import plain as bib_plain  # pybtex, as the records
    from ..papers import bib_entries, paper_records  # pybtex: only with papers

    entries = [entry for _path, entry in bib_entries(env)]
    records = paper_records(entries)
    by_key = {entry.key: entry for entry in entries}
    for record in records:  # biblatex's ISO date, when the .bib gives one; the note
        fields = by_key[record["key"]].fields
        record["date"] = fields.get("date", "").strip()
        record["note"] = bib_plain(fields["note"]) if fields.get("note") else ""
    return records


def page_groups(doctree: nodes.document) -> list[dict[str, Any]]:
    """Named groups of keywords, however a page lists them.

    A definition list gives one group per term (its definition, split at commas);
    a bullet list gives one group named by the section it sits in.
    """
    groups: list[dict[str, Any]] = []
    for node in doctree.findall(lambda n: isinstance(n, nodes.definition_list | nodes.bullet_list)):
        if isinstance(node, nodes.definition_list):
            for item in node.findall(nodes.definition_list_item):
                term = words(item.next_node(nodes.term))
                parts = words(item.next_node(nodes.definition)).split(",")
                groups.append({"name": term, "keywords": [p.strip() for p in parts if p.strip()]})
        elif not isinstance(node.parent, nodes.list_item):
            section = node.parent if isinstance(node.parent, nodes.section) else None
            name = plain(section[0]) if section is not None else ""
            group = {"name": name, "keywords": [words(item) for item in node.children]}
            group.update(field_values(section) if section is not None else {})
            groups.append(group)
    return groups


def read_page_sections(
    env: Any, order: dict[str, int], pages: dict[int, str]
) -> dict[str, list[dict[str, Any]]]:
    """Skills and interests, each group's page noted in ``pages`` (for rendercv.yaml)."""
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in PAGE_SECTIONS}
    for docname in sorted(env.found_docs, key=lambda d: (order.get(d, len(order)), d)):
        section = str(env.metadata.get(docname, {}).get(PAGE_KEY, "")).strip().lower()
        if section in found:
            groups = page_groups(env.get_doctree(docname))
            pages.update((id(group), docname) for group in groups)
            found[section].extend(groups)
    return found


def build_resume(
    app: Sphinx, markup: dict[int, dict] | None = None, places: Places | None = None
) -> dict[str, Any]:
    """The whole JSON Resume document, in the schema's order of sections; ``markup``
    and ``places`` get each card's Markdown and each item's page (rendercv.yaml)."""
    places = places if places is not None else Places()
    env = app.env
    domain: PortfolioDomain = env.get_domain("portfolio")
    order = places.order = documents_in_reading_order(env)
    metrics = card_metrics(domain, order)
    resume: dict[str, Any] = {"basics": read_basics(app)}
    work, volunteer, education, projects = [], [], [], []
    doctrees: dict[str, nodes.document] = {}
    for card in domain.selected_cards(order):
        # A tailored build (sphinx-build -t TAG) keeps only the selected bullets.
        card = card._replace(highlights=tuple(domain.selected_highlights(card)))
        card_figures = metrics.get(card.name, [])
        if card.kind in EDUCATION_KINDS:
            item = education_item(card, card_figures)
            education.append(item)
        elif card.kind in PROJECT_KINDS:
            item = project_item(card, card_figures)
            projects.append(item)
        elif card.kind in VOLUNTEER_KINDS:
            item = work_item(card, card_figures, dict(card.texts))
            item["organization"] = item.pop("name")
            volunteer.append(item)
        else:
            item = work_item(card, card_figures, dict(card.texts))
            work.append(item)
        item.update(card_fields(env, card.docname, card.anchor, doctrees))
        places.pages[id(item)] = card.docname
        if markup is not None:  # the same texts with their emphasis and links
            markup[id(item)] = card_markdown(env, card.docname, card.anchor, doctrees)
    papers = read_papers(env)
    add_theses(education, papers)
    sections = read_page_sections(env, order, places.pages)
    resume.update(work=work, volunteer=volunteer, education=education)
    resume["publications"] = [publication_item(paper) for paper in papers]
    resume["skills"] = sections["skills"]
    entries = entry_sections(env, order, places.pages)
    for name in ("awards", "certificates", "languages"):
        if entries[name]:
            resume[name] = entries[name]
    resume["interests"] = sections["interests"]
    for name, found in (("references", entries["references"]), ("projects", projects)):
        if found:
            resume[name] = found
    resume["meta"] = {"x-metrics": metrics.get("", [])}  # badges outside any card
    return resume


def write_resume(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not writes_exports(app.builder):
        return
    markup: dict[int, dict] = {}  # id of a card's item -> its texts as Markdown
    places = Places()
    resume = build_resume(app, markup, places)
    text = json.dumps(resume, indent=2, ensure_ascii=False) + "\n"
    path = Path(app.outdir) / RESUME
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    write_rendercv(app.outdir, resume, markup, places, app.env, site_owners(app))


def site_owners(app: Sphinx) -> tuple[Any, ...]:
    """The patterns of the authors the papers show in bold (``portfolio_owner``); none
    when the publications extension is off (sphinxcontrib-bibtex alone shows no bold)."""
    if not publications_on(app.config):
        return ()
    from ..papers import owner_patterns  # pybtex: only with papers

    # The papers named a bad pattern when they were set up: once is enough.
    return tuple(owner_patterns(app.config, quiet=True))


def setup_exports(app: Sphinx) -> None:
    setup_profiles(app)
    setup_export_link(app)
    app.connect("build-finished", write_resume)
