"""The nodes of a publication list, with every writer's visitors, made from entries.

Five nodes: :class:`paper_item` (one entry; its id is the stable anchor),
:class:`disclosure` and :class:`disclosure_summary` (``<details>``: a long
author list, the BibTeX), :class:`venue_badge` and, in HTML only,
:class:`paper_heading`. Each has its HTML, LaTeX, text, man and texinfo
visitors here, and the functions that build them from a pybtex entry with a
:class:`~sphinx_portfolio.bibstyle.PortfolioStyle` (shared by the list, the
paper pages and the CV).
"""

from __future__ import annotations

import html

from docutils import nodes
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex_docutils import Backend
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.base import add_node_only_for, ignore
from ..core.bibtex import plain
from ..core.order import LAST
from ..core.text import UNINDEXED
from ..core.words import _
from . import fields as bibfields

BACKEND = Backend()

# -- nodes ----------------------------------------------------------------------


class disclosure(nodes.General, nodes.Element):
    """Content a reader opens on demand: ``<details>`` in HTML.

    Elsewhere the summary is dropped and the body is printed only when
    ``print_body`` is set (a full author list is; a BibTeX block is not).
    """


class paper_item(nodes.General, nodes.Element):
    """One entry of a publication list; its id is the stable anchor."""


class disclosure_summary(nodes.General, nodes.TextElement):
    """The always-visible line of a :class:`disclosure`."""


class venue_badge(nodes.Inline, nodes.TextElement):
    """A short venue label such as "ICML"."""


class paper_heading(nodes.General, nodes.TextElement):
    """HTML only: a listed paper's title line as a heading, so the paper is a
    section of the page for screen readers and for search engines that index by
    heading (Read the Docs); made from the title paragraph by :class:`PaperHeadings`."""


def visit_disclosure_html(self, node: disclosure) -> None:
    classes = " ".join(["portfolio-disclosure", *node["classes"]])
    self.body.append(f'<details class="{html.escape(classes)}">')


def depart_disclosure_html(self, node: disclosure) -> None:
    self.body.append("</details>\n")


def visit_summary_html(self, node: disclosure_summary) -> None:
    self.body.append("<summary>")


def depart_summary_html(self, node: disclosure_summary) -> None:
    self.body.append("</summary>")


def visit_disclosure_plain(self, node: disclosure) -> None:
    if not node.get("print_body"):
        raise nodes.SkipNode


def visit_item_html(self, node: paper_item) -> None:
    # data-year, data-type, data-keywords for a list with filters (papers/filters.py)
    self.body.append(self.starttag(node, "div", **node.get("data", {})))


def depart_item_html(self, node: paper_item) -> None:
    self.body.append("</div>\n")


def visit_item_latex(self, node: paper_item) -> None:
    # {cite:p} links to "cite.<doc>:<id>" in LaTeX (sphinxcontrib-bibtex's
    # convention); other links use Sphinx's labels.
    docname = node.get("docname", "")
    targets = "".join(f"\\hypertarget{{cite.{docname}:{id_}}}{{}}" for id_ in node["ids"])
    self.body.append("\n" + self.hypertarget_to(node) + targets + "\n")


def visit_item_man(self, node: paper_item) -> None:
    # man glues a container's first paragraph to the previous one.
    self.ensure_eol()
    self.body.append(".sp\n")


def visit_item_texinfo(self, node: paper_item) -> None:
    for id_ in node["ids"]:
        self.add_anchor(id_, node)


def visit_paper_heading_html(self, node: paper_heading) -> None:
    # One level below the year's section keeps the page outline in order.
    node["level"] = min(self.section_level + 1, 6)
    self.body.append(self.starttag(node, f"h{node['level']}", ""))


def depart_paper_heading_html(self, node: paper_heading) -> None:
    self.body.append(f"</h{node['level']}>\n")


def visit_badge_html(self, node: venue_badge) -> None:
    classes = ["portfolio-venue-badge"]
    if isinstance(node.parent, paper_heading):
        classes += UNINDEXED  # the heading names the paper; the venue is in its text
    self.body.append(f'<span class="{" ".join(classes)}">')


def depart_badge_html(self, node: venue_badge) -> None:
    self.body.append("</span>")


def bracket(add: str):
    """Visitors that print a badge as "[ICML]" where there is no CSS."""

    def visit(self, node: venue_badge) -> None:
        if add == "text":
            self.add_text("[")
        else:
            self.body.append("[")

    def depart(self, node: venue_badge) -> None:
        if add == "text":
            self.add_text("]")
        else:
            self.body.append("]")

    return visit, depart


# -- rendering pieces -------------------------------------------------------------


def render(text) -> list[nodes.Node]:
    """pybtex rich text as docutils nodes; the owner's <strong> gets a class."""
    result = text.render(BACKEND) if text else []
    for node in result:
        for strong in node.findall(nodes.strong) if isinstance(node, nodes.Element) else ():
            strong["classes"].append("portfolio-owner")
    return result


def para(text, cls: str) -> nodes.paragraph:
    return nodes.paragraph("", "", *render(text), classes=[cls])


def authors_block(style, entry: Entry) -> nodes.Element:
    """The author line; a long list collapses to a <details> whose summary
    keeps the first authors, the owner and the last author."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    full = para(style.format_authors(entry, collapse=False), "portfolio-paper-authors")
    short = style.format_authors(entry, collapse=True)
    if str(short) == str(style.format_authors(entry, collapse=False)):
        return full
    summary = disclosure_summary("", "", *render(short))
    summary += nodes.Text(" " + _("({count} authors)").format(count=len(people)))
    return disclosure("", summary, full, classes=["portfolio-paper-authors"], print_body=True)


def bibtex_block(entry: Entry) -> disclosure:
    source = bibfields.bibtex_source(entry)
    block = nodes.literal_block(source, source, language="bibtex")
    summary = disclosure_summary("", _("BibTeX"))
    classes = ["portfolio-bibtex", *UNINDEXED]  # for citing, not for finding
    return disclosure("", summary, block, classes=classes, print_body=False)


def title_line(style, entry: Entry, badges, page: str | None, docname: str) -> nodes.paragraph:
    line = nodes.paragraph("", "", classes=["portfolio-paper-title"])
    badge = bibfields.venue_badge(entry, badges)
    if badge:
        line += [venue_badge("", badge), nodes.Text(" ")]
    title = nodes.inline("", "", *render(style.format_title(entry)), classes=["portfolio-title"])
    if page:
        # Linked by LinkPaperTitles in HTML only: other outputs have no paper pages.
        title["paper_page"] = page
        title["paper_list"] = docname
    line += title
    return line


def entry_body(style, entry: Entry, badges) -> list[nodes.Node]:
    """Authors, venue as the author lists it, full citation, links."""
    body: list[nodes.Node] = [authors_block(style, entry)]
    citation = style.format_venue(entry)
    short = entry.fields.get("shortvenue")
    # The author's own name for the venue, unless the citation already says it.
    if short and plain(short).lower() not in str(citation).lower():
        body.append(para(Text.from_latex(short), "portfolio-paper-venue"))
    if citation:
        body.append(para(Text(citation).add_period(), "portfolio-paper-citation"))
    links = style.format_links(entry)
    if links:
        body.append(para(links, "portfolio-paper-links"))
    return body


class PaperHeadings(SphinxPostTransform):
    """In HTML, each listed paper's title line becomes a heading (see paper_heading)."""

    default_priority = LAST
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for item in list(self.document.findall(paper_item)):
            for line in item.children:
                if isinstance(line, nodes.paragraph) and "portfolio-paper-title" in line["classes"]:
                    heading = paper_heading("", "", *line.children, classes=line["classes"])
                    line.replace_self(heading)
                    break


def setup_paper_nodes(app: Sphinx) -> None:
    app.add_node(
        disclosure,
        html=(visit_disclosure_html, depart_disclosure_html),
        latex=(visit_disclosure_plain, ignore),
        text=(visit_disclosure_plain, ignore),
        man=(visit_disclosure_plain, ignore),
        texinfo=(visit_disclosure_plain, ignore),
    )
    app.add_node(
        paper_item,
        html=(visit_item_html, depart_item_html),
        latex=(visit_item_latex, ignore),
        text=(ignore, ignore),
        man=(visit_item_man, ignore),
        texinfo=(visit_item_texinfo, ignore),
    )
    add_node_only_for(app, disclosure_summary, html=(visit_summary_html, depart_summary_html))
    app.add_node(
        venue_badge,
        html=(visit_badge_html, depart_badge_html),
        latex=bracket("body"),
        text=bracket("text"),
        man=bracket("body"),
        texinfo=bracket("body"),
    )
    add_node_only_for(
        app, paper_heading, html=(visit_paper_heading_html, depart_paper_heading_html)
    )
    app.add_post_transform(PaperHeadings)
