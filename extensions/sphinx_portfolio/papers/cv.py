"""The CV's publication list: one short entry per paper, at most two printed lines.

"**Title**. Authors. *Venue, year*. DOI …": the authors shortened around the owner
as the web list shortens them, the venue as the author names it (``shortvenue``),
one identifier a reader of paper can look up. A LaTeX post-transform run right
after the CV's layout (:mod:`sphinx_portfolio.outputs.latex`), registered with the
publications: the CV itself knows nothing of papers.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.base import add_node_only_for
from ..core.config import cv_settings
from ..core.order import CV_PAPERS
from ..core.words import _
from . import exporters
from . import fields as bibfields
from . import style as bibstyle
from .cache import load_style
from .files import selected_mark
from .nodes import paper_item, render
from .records import anchor_of, bib_entries


class cv_paper(nodes.General, nodes.Element):
    """One publication condensed to a short paragraph: title, authors, venue, link."""


class CompactPapers(SphinxPostTransform):
    """``portfolio_cv['papers'] = 'compact'``: each paper in at most two lines."""

    builders = ("latex",)
    default_priority = CV_PAPERS

    def run(self, **kwargs: Any) -> None:
        if cv_settings(self.config).papers == "compact":
            compact_papers(self.document, self.env, self.config)


def compact_papers(document: nodes.document, env: Any, config: Any) -> None:
    """Each publication as one short paragraph in a :class:`cv_paper`; the year
    headings go (each entry states its year)."""
    items = list(document.findall(paper_item))
    if not items:
        return
    entries = {anchor_of(entry.key): entry for _, entry in bib_entries(env)}
    style = load_style(bibstyle.STYLE_NAME, config.portfolio_max_authors)
    for item in items:
        entry = entries.get(item["ids"][0])
        if entry is not None:
            item.children = []
            item += cv_paper(
                "", nodes.paragraph("", "", *paper_line(style, entry, mark=not item.get("excerpt")))
            )
    for section in list(document.findall(nodes.section)):
        body = section.children[1:]
        if body and all(isinstance(child, paper_item) for child in body):
            # Its ids are the year's and a target's propagated to it; that target
            # writes its own label once no section follows it.
            section["ids"] = []
            section.replace_self(body)


def paper_line(style: Any, entry: Any, mark: bool = True) -> list[nodes.Node]:
    """Title in bold, authors shortened as on the web, venue and year, DOI or arXiv id.

    The title links to the paper (DOI, arXiv or URL); a DOI or an arXiv id is also
    printed, as an identifier a reader of paper can look up.
    """
    links = bibfields.entry_links(entry)
    title: nodes.Element = nodes.strong("", "", *render(style.format_title(entry)))
    if links:
        title = nodes.reference("", "", title, refuri=links[0].url)
    line: list[nodes.Node] = [title]
    authors = render(style.format_authors(entry, collapse=True))
    if authors:
        line += [nodes.Text(". "), *authors]
    year = bibfields.year_of(entry)
    venue = bibfields.where_published(entry, short=True)
    where = ", ".join(part for part in (venue, str(year or "")) if part)
    if where:
        line += [nodes.Text(". "), nodes.emphasis(where, where)]
    printed = next((link for link in links if link.label in ("DOI", "arXiv")), None)
    if printed is not None:
        shown = f"{printed.label} {printed.text}"
        line += [nodes.Text(". "), nodes.reference(shown, shown, refuri=printed.url)]
    # al-folio's links with a web address (a file of the site has none in a PDF)
    for index, (_field, word, url) in enumerate(exporters.web_links(entry)):
        line += [
            nodes.Text(". " if index == 0 else " · "),
            nodes.reference("", _(word), refuri=url),
        ]
    if mark and exporters.is_selected(entry):  # not in a list of selected papers
        line[:0] = [selected_mark("", _("Selected")), nodes.Text(" ")]
    return line


def visit_paper_latex(self: Any, node: cv_paper) -> None:
    self.body.append("\n\\begin{sphinxportfoliopaper}")


def depart_paper_latex(self: Any, node: cv_paper) -> None:
    self.body.append("\\end{sphinxportfoliopaper}\n")


def setup_cv_papers(app: Sphinx) -> None:
    add_node_only_for(app, cv_paper, latex=(visit_paper_latex, depart_paper_latex))
    app.add_post_transform(CompactPapers)
