"""Readers narrow a publication list by year, type and keyword (``:filters:``).

The ``publications`` directive with ``:filters:`` puts a :class:`paper_filters`
node before its years and gives each listed paper its year, its kind and its
keywords (``keywords = {a, b}``, as Zotero and ACM write them) as ``data-``
attributes. In HTML the node is a form of three labelled ``<select>`` s, hidden
until ``static/paper-filters.js`` runs: without JavaScript every paper shows
and no dead control does. The script filters in place (no reload), keeps the
choice in the URL's query (``?year=2024&type=article``: a shared link opens the
same view) and says how many papers show in a polite live region. Other
builders leave the node out; the script is linked only from pages that hold one.
"""

from __future__ import annotations

import html

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx

from ..core.base import add_node_only_for
from ..core.text import N_
from ..core.words import _
from . import fields as bibfields
from .exporters import keywords

SCRIPT = "paper-filters.js"

#: What kind of work an entry type is, as the type filter offers it.
KINDS: dict[str, tuple[str, ...]] = {
    "article": ("article",),
    "conference": ("inproceedings", "conference", "proceedings"),
    "book": ("book", "inbook", "incollection", "booklet"),
    "thesis": ("phdthesis", "mastersthesis", "thesis"),
    "report": ("techreport", "report"),
    "other": (),
}
KIND_WORDS = {
    "article": N_("Journal articles"),
    "conference": N_("Conference papers"),
    "book": N_("Books and chapters"),
    "thesis": N_("Theses"),
    "report": N_("Reports"),
    "other": N_("Preprints and other works"),
}


class paper_filters(nodes.General, nodes.Element):
    """The filter form of a publication list (HTML only); its options in attributes."""


def kind_of(entry: Entry) -> str:
    kind = entry.type.lower()
    return next((name for name, types in KINDS.items() if kind in types), "other")


def item_data(entry: Entry) -> dict[str, str]:
    """The ``data-`` attributes a paper's ``<div>`` carries for the script."""
    year = bibfields.year_of(entry)
    return {
        "data-year": str(year) if year is not None else "",
        "data-type": kind_of(entry),
        "data-keywords": "|".join(keywords(entry)),
    }


def filters_node(entries: list[Entry]) -> paper_filters:
    years = sorted({y for y in map(bibfields.year_of, entries) if y is not None}, reverse=True)
    kinds = {kind_of(entry) for entry in entries}
    words = sorted({word for entry in entries for word in keywords(entry)})
    return paper_filters(
        years=[str(year) for year in years],
        kinds=[name for name in KINDS if name in kinds],
        keywords=words,
    )


def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(
        f'<option value="{html.escape(value)}">{html.escape(text)}</option>'
        for value, text in [("", _("All")), *options]
    )
    return f'<label>{html.escape(label)} <select name="{name}">{choices}</select></label>\n'


def visit_filters_html(self, node: paper_filters) -> None:
    status = _("{shown} of {total} papers shown")
    name, reset = _("Filter papers"), _("Show all")  # outside f-strings: pybabel finds them
    parts = [
        f'<form class="portfolio-paper-filters" aria-label="{html.escape(name)}" '
        f'data-status="{html.escape(status)}" hidden>\n',
        select("year", _("Year"), [(year, year) for year in node["years"]]),
        select("type", _("Type"), [(kind, _(KIND_WORDS[kind])) for kind in node["kinds"]]),
    ]
    if node["keywords"]:
        parts.append(select("keyword", _("Keyword"), [(w, w) for w in node["keywords"]]))
    parts.append(f'<button type="reset">{html.escape(reset)}</button>\n')
    parts.append('<p class="portfolio-filter-status" role="status" aria-live="polite"></p>\n')
    parts.append("</form>\n")
    self.body.append("".join(parts))
    raise nodes.SkipNode


def link_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Link the script from the pages whose list has filters, and from no other."""
    html_page = app.builder.format == "html" and doctree is not None
    if html_page and next(iter(doctree.findall(paper_filters)), None) is not None:
        app.add_js_file(SCRIPT, loading_method="defer")


def setup_paper_filters(app: Sphinx) -> None:
    add_node_only_for(app, paper_filters, html=(visit_filters_html, None))
    app.connect("html-page-context", link_script)
