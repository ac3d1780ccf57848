"""The publication list: the ``publications`` directive and the ``orcid`` role.

* ``publications``: every entry of the .bib files, grouped by year (newest
  first), each with a stable anchor (its key), venue badge, owner-highlighted
  authors, links and a "BibTeX" disclosure. The list registers itself as a
  sphinxcontrib-bibtex bibliography, so ``{cite:p}`` anywhere links to its
  entries, and notes each paper as a ``portfolio:paper`` object.
* ``orcid``: links "ORCID" to ``portfolio_orcid`` when that is set.

Bad input (missing field, bad DOI, unknown option or style) gives a located
warning of type ``portfolio.bib`` and the page still builds.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import Entry
from pybtex.plugin import PluginNotFound, find_plugin
from sphinx.util.docutils import SphinxRole

from ..core import compat
from ..core.base import warn
from ..core.config import orcid
from ..core.directive import LenientOptions, PortfolioDirective
from ..core.translation import keep_as_written
from ..core.words import _
from . import exporters as bibtools
from . import fields as bibfields
from . import files as paper_files
from . import filters as paper_filters
from . import style as bibstyle
from .cache import load_style
from .nodes import bibtex_block, paper_item, title_line
from .records import (
    anchor_of,
    bib_entries,
    check_entry,
    entry_lines,
    note_bib_dependencies,
    paper_docname,
    search_name,
)


def year_heading(year: int | None) -> str:
    return str(year) if year is not None else _("Undated")


def group_by_year(entries: list[Entry]) -> list[tuple[int | None, list[Entry]]]:
    """Consecutive runs of one year; *entries* are already newest first."""
    groups: list[tuple[int | None, list[Entry]]] = []
    for entry in entries:
        year = bibfields.year_of(entry)
        if groups and groups[-1][0] == year:
            groups[-1][1].append(entry)
        else:
            groups.append((year, [entry]))
    return groups


def unique_id(document: nodes.document, base: str) -> str:
    candidate, number = base, 1
    while candidate in document.ids:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def style_name_or_default(name: str, location) -> str:
    """*name* if it is a pybtex style built on PortfolioStyle; else warn and
    fall back to ``portfolio`` (sphinxcontrib-bibtex must never see a bad name)."""
    try:
        style_class = find_plugin("pybtex.style.formatting", name)
    except (PluginNotFound, ImportError):  # unknown, or its package cannot load
        warn(f"unknown bibliography style {name!r}; using 'portfolio'", location, "bib")
        return bibstyle.STYLE_NAME
    if not (isinstance(style_class, type) and issubclass(style_class, bibstyle.PortfolioStyle)):
        warn(f"style {name!r} is not a portfolio style; using 'portfolio'", location, "bib")
        return bibstyle.STYLE_NAME
    return name


def note_paper_object(env, entry: Entry, docname: str, anchor: str, lineno: int) -> None:
    domain = env.get_domain("portfolio")
    domain.note_object("paper", entry.key, search_name(entry), docname, anchor, lineno)


def register_citations(env, list_id: str, lineno: int, style_name: str, shown) -> None:
    """Make this list a sphinxcontrib-bibtex bibliography, so that {cite:p}
    resolves to its entries (and to their stable anchors)."""
    bibfiles = list(dict.fromkeys(path for path, _, _ in shown))
    anchors = [(entry.key, anchor) for _, entry, anchor in shown]
    compat.add_bibliography(env, list_id, lineno, bibfiles, style_name, anchors)


# -- directives and role ---------------------------------------------------------


class PublicationsDirective(PortfolioDirective):
    """Every entry of the .bib files, grouped by year, newest first.

    Options: ``:style:`` (a pybtex style derived from ``portfolio``),
    ``:types:`` (entry types to list, e.g. ``article inproceedings``),
    ``:max-authors:`` (longer author lists collapse; 0 shows all),
    ``:selected:`` (only the papers marked ``selected``), ``:legend:`` (what
    the authors' marks mean, printed under the list), ``:filters:`` (readers
    narrow the list by year, type and keyword: :mod:`papers.filters`).
    """

    unknown_option_subtype = "bib"

    has_content = False
    option_spec = LenientOptions(
        {
            "style": directives.unchanged_required,
            "types": directives.unchanged,
            "max-authors": directives.nonnegative_int,
            "selected": directives.flag,
            "legend": directives.unchanged_required,
            "filters": directives.flag,
        }
    )

    def run(self) -> list[nodes.Node]:
        options = self.checked_options()
        style_name = style_name_or_default(
            options.get("style", bibstyle.STYLE_NAME), self.get_location()
        )
        style = load_style(style_name, options.get("max-authors"))
        types = set((options.get("types") or "").lower().split())
        note_bib_dependencies(self.env)
        paths = {entry.key: path for path, entry in bib_entries(self.env)}
        entries = [e for _, e in bib_entries(self.env) if not types or e.type.lower() in types]
        excerpt = "selected" in options
        if excerpt:
            entries = [entry for entry in entries if bibtools.is_selected(entry)]
        lines = {path: entry_lines(path) for path in set(paths.values())}
        list_id = unique_id(self.state.document, "publications")
        result: list[nodes.Node] = [nodes.target("", "", ids=[list_id])]
        self.state.document.ids[list_id] = result[0]
        shown = []
        filters = "filters" in options
        if filters:
            result.append(paper_filters.filters_node(entries))
        for year, group in group_by_year(style.sort(entries)):
            section = self.year_section(year)
            for entry in group:
                path = paths[entry.key]
                location = f"{path}:{lines[path].get(entry.key, 1)}"
                if excerpt:  # the full list says what is wrong, once
                    location = None
                else:
                    check_entry(entry, location)
                item = self.entry_node(style, entry, location, excerpt)
                if filters:
                    item["data"] = paper_filters.item_data(entry)
                section += item
                anchor, search_anchor = item["ids"]
                shown.append((path, entry, anchor))
                if not excerpt:
                    note_paper_object(self.env, entry, self.env.docname, search_anchor, self.lineno)
            result.append(section)
        if not excerpt:  # citations and "Listed on" go to the full list
            register_citations(self.env, list_id, self.lineno, style_name, shown)
        for node in result:
            keep_as_written(node)  # titles, names, venues, DOIs: facts, not messages
        if options.get("legend"):
            legend = options["legend"]
            result.append(nodes.paragraph(legend, legend, classes=["portfolio-marks-legend"]))
        return result

    def year_section(self, year: int | None) -> nodes.section:
        heading = year_heading(year)
        section_id = unique_id(self.state.document, f"year-{heading.lower()}")
        section = nodes.section("", nodes.title(heading, heading), ids=[section_id])
        self.state.document.ids[section_id] = section
        return section

    def entry_node(self, style, entry: Entry, location: str | None, excerpt: bool) -> paper_item:
        anchor = unique_id(self.state.document, anchor_of(entry.key))
        # The search page rebuilds an anchor equal to the object's name from the
        # displayed title, which no page has; so search results get their own id.
        search_anchor = unique_id(self.state.document, f"{anchor}-entry")
        # Smart quotes would turn the apostrophe of "RecSys '25" into an
        # opening quote; bibliographic text is shown as the .bib has it.
        item = paper_item(
            classes=["portfolio-paper"],
            ids=[anchor],
            docname=self.env.docname,
            support_smartquotes=False,
        )
        if excerpt:
            item["excerpt"] = True  # a list of selected papers: no "Selected" mark
        if not excerpt:  # the paper's label names its place in the full list
            item["names"].append(f"paper-{anchor}")
            self.state.document.note_explicit_target(item, item)
        item["ids"].append(search_anchor)
        self.state.document.ids[search_anchor] = item
        badges = self.config.portfolio_venue_badges
        page = paper_docname(self.config, entry.key)
        line = title_line(style, entry, badges, page, self.env.docname)
        if not excerpt:  # in a list of selected papers the mark says nothing
            paper_files.mark_selected(line, entry)
        item += line
        item.extend(paper_files.preview(self.env, entry, location))
        item.extend(paper_files.full_body(style, self.env, entry, badges, location))
        if page is None:  # no page of its own: the abstract opens here
            item.extend(paper_files.abstract_disclosure(entry))
        item += bibtex_block(entry)
        return item


class OrcidRole(SphinxRole):
    """``{orcid}`ORCID```: a link to ``portfolio_orcid`` if it is an ORCID iD, plain
    text if not (a bad one is warned about once, at config-inited, with conf.py's line)."""

    def run(self):
        identifier = orcid(self.config)
        if identifier is None:
            return [nodes.Text(self.text)], []
        url = f"https://orcid.org/{identifier}"
        return [nodes.reference(self.text, self.text, refuri=url, classes=["portfolio-orcid"])], []
