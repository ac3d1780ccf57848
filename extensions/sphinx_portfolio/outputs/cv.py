"""What the PDF CV includes: pages and parts of pages, set by ``portfolio_cv``.

A site carries text that only makes sense on the web: kickers above headings,
a glossary that badges link to, an impact summary that repeats every figure with
a link back, links to a paper's own page. A LaTeX build leaves these out by
default; ``portfolio_cv`` in conf.py chooses otherwise::

    portfolio_cv = {
        "exclude": ["drafts/*"],  # docnames (glob patterns) left out of the PDF
        "omit": ["eyebrows", "glossaries", "impact-summaries", "paper-links"],
        "papers": "compact",  # one entry per paper in at most two lines; or "full"
    }

Keys left out keep their defaults (above, with ``exclude`` empty). A glossary or an
impact summary takes the section that holds it along (heading and introduction),
except the first section of the root document, which is the CV itself. Links into
what was left out become plain text, so the PDF has no dangling link; links around
a figure become plain text too, so every figure is typeset the same way.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..cards import impact_summary, metric_badge
from ..core.base import conf_location, unwrap, warn
from ..core.config import cv_settings, read_cv_settings
from ..core.order import SELECT_CV_PARTS
from ..core.text import EYEBROW_CLASS
from .export_link import export_link

# The classes Sphinx's XRefRole gives the text of a {portfolio:paper} reference.
PAPER_XREF_CLASS = "portfolio-paper"


def check_settings(app: Sphinx) -> None:
    """Warn about a bad ``portfolio_cv`` once, at the start of a LaTeX build."""
    if app.builder.name != "latex":
        return
    where = conf_location(app, "portfolio_cv")
    for problem in read_cv_settings(app.config.portfolio_cv)[1]:
        warn(problem, where, "cv")


class SelectCvParts(SphinxPostTransform):
    """Leave out of the assembled LaTeX document what ``portfolio_cv`` leaves out."""

    builders = ("latex",)
    default_priority = SELECT_CV_PARTS

    def run(self, **kwargs: Any) -> None:
        settings = cv_settings(self.config)
        adopt_page_contents(self.document)
        gone = Removed(self.env.docname)
        for page in list(self.document.findall(addnodes.start_of_file)):
            if any(fnmatchcase(page["docname"], pattern) for pattern in settings.exclude):
                gone.remove(page)
        for node in list(self.document.findall(nodes.paragraph)):
            eyebrow = "eyebrows" in settings.omit and EYEBROW_CLASS in node["classes"]
            # "Also as data: JSON Resume": the files are on the web, not in the PDF.
            exports = "export-links" in settings.omit and any(node.findall(export_link))
            if eyebrow or exports:
                gone.remove(node)
        kinds = {"glossaries": addnodes.glossary, "impact-summaries": impact_summary}
        for part, kind in kinds.items():
            if part in settings.omit:
                for node in list(self.document.findall(kind)):
                    if node.parent is not None:  # not already gone with its section
                        gone.remove(part_of(node))
        for ref in list(self.document.findall(nodes.reference)):
            paper_link = "paper-links" in settings.omit and links_a_paper(ref)
            if paper_link or gone.holds_target_of(ref) or wraps_badge(ref):
                unwrap(ref)


def adopt_page_contents(document: nodes.document) -> None:
    """Point the nodes of each included page at their page.

    Sphinx inlines a page by assigning its children to a ``start_of_file`` node,
    which leaves their ``parent`` on the page's own document; walking up from a
    section would then never meet the page.
    """
    for page in document.findall(addnodes.start_of_file):
        for child in page.children:
            child.parent = page


class Removed:
    """The link targets ("docname:id") and pages that left the document."""

    def __init__(self, root_doc: str) -> None:
        self.root_doc = root_doc
        self.labels: set[str] = set()
        self.pages: set[str] = set()

    def remove(self, node: nodes.Element) -> None:
        for element in node.findall(nodes.Element):
            docname = self.file_of(element)
            self.labels.update(f"{docname}:{id_}" for id_ in element["ids"])
            if isinstance(element, addnodes.start_of_file):
                self.pages.add(element["docname"])
        node.parent.remove(node)

    def file_of(self, node: nodes.Node) -> str:
        while node is not None and not isinstance(node, addnodes.start_of_file):
            node = node.parent
        return node["docname"] if node is not None else self.root_doc

    def holds_target_of(self, ref: nodes.reference) -> bool:
        """Whether the link leads to something removed (as the LaTeX writer reads it)."""
        uri = ref.get("refuri", "")
        if uri.startswith("%"):
            docname, _, anchor = uri[1:].partition("#")
            return docname in self.pages or f"{docname}:{anchor}" in self.labels
        if ref.get("refid"):
            return f"{self.file_of(ref)}:{ref['refid']}" in self.labels
        return False


def part_of(node: nodes.Element) -> nodes.Element:
    """The section a glossary or summary stands for; the node alone at the top."""
    section = node.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is None or top_section(section):
        return node
    return section


def top_section(section: nodes.section) -> bool:
    """The root document's first section: the whole CV."""
    parent = section.parent
    while parent is not None and not isinstance(parent, nodes.section | addnodes.start_of_file):
        parent = parent.parent
    return parent is None


def wraps_badge(ref: nodes.reference) -> bool:
    return any(isinstance(child, metric_badge) for child in ref.children)


def links_a_paper(ref: nodes.reference) -> bool:
    return any(PAPER_XREF_CLASS in node["classes"] for node in ref.findall(nodes.inline))


def setup_cv(app: Sphinx) -> None:
    app.add_post_transform(SelectCvParts)
    app.connect("builder-inited", check_settings)
