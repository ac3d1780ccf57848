"""What al-folio's fields add to a listed paper: its links and files, a preview,
an award, the abstract and the "selected" mark; nodes with every writer's visitors.

A link field (``pdf``, ``code``, ``slides``, ...: :data:`papers.exporters.LINK_FIELDS`)
holding an http(s) URL links there; a file name without a scheme
(``pdf={paper.pdf}``) is looked up in ``portfolio_bib_files`` (al-folio's
``assets/pdf/``, relative to the source folder) and copied into the build as a
Sphinx download; a missing file is a located ``portfolio.bib`` warning and no
link. ``preview`` is looked up in ``portfolio_bib_previews`` and shown, in HTML
only, with the title as its alt text.

Each link shows a word ("Code") and, in HTML, has an accessible name that says
whose ("Code: <title>"), since a page holds many "Code" links.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from pybtex.database import Entry
from sphinx import addnodes
from sphinx.application import Sphinx

from ..core.base import ignore, warn
from ..core.bibtex import plain
from ..core.text import is_safe_url
from ..core.words import _
from . import exporters as bibtools
from .nodes import disclosure, disclosure_summary, entry_body

# -- nodes ----------------------------------------------------------------------


class paper_link(nodes.Inline, nodes.TextElement):
    """One of a paper's links: a reference or a download inside, with
    ``aria_label`` (the word and the paper's title) for HTML."""


class selected_mark(nodes.Inline, nodes.TextElement):
    """The "Selected" label of a paper its author marked ``selected``."""


def visit_paper_link_html(self, node: paper_link) -> None:
    target = node.children[0] if node.children else None
    if isinstance(target, addnodes.download_reference):
        if "filename" not in target or not self.builder.download_support:
            self.body.append(html.escape(node.astext()))
            raise nodes.SkipNode
        href = posixpath.join(self.builder.dlpath, quote(target["filename"]))
        kind = "internal"
    else:
        href, kind = target["refuri"], "external"
    self.body.append(
        f'<a class="reference {kind} portfolio-paper-link" href="{html.escape(href)}" '
        f'aria-label="{html.escape(node["aria_label"])}">{html.escape(node.astext())}</a>'
    )
    raise nodes.SkipNode


def visit_selected_html(self, node: selected_mark) -> None:
    self.body.append('<span class="portfolio-selected-mark">')


def depart_selected_html(self, node: selected_mark) -> None:
    self.body.append("</span>")


def brackets(add: str):
    """ "[Selected]" where there is no CSS."""

    def write(self, text: str) -> None:
        self.add_text(text) if add == "text" else self.body.append(text)

    return (lambda self, node: write(self, "[")), (lambda self, node: write(self, "]"))


# -- building them from an entry ------------------------------------------------


def folder_of(config, name: str) -> str:
    return (getattr(config, name, None) or "").strip().strip("/")


def site_file(env, folder: str, value: str) -> str | None:
    """The source-relative path ("/assets/pdf/a.pdf") of a file that exists, else None."""
    if not bibtools.safe_file_name(value):
        return None
    relative = posixpath.join(folder, value.replace("\\", "/")) if folder else value
    if (Path(env.srcdir) / relative).is_file():
        return "/" + relative
    # Read again next build: a missing file may have been added (Sphinx reads a
    # page whose dependency does not exist again).
    env.note_dependency(str(Path(env.srcdir) / relative))
    return None


def entry_file_links(env, entry: Entry, location: str | None) -> list[paper_link]:
    """The entry's al-folio links; *location* ("file.bib:LINE") to warn about a
    missing file or a non-http(s) address, None to leave them out silently."""
    title = plain(entry.fields.get("title", entry.key))
    folder = folder_of(env.config, "portfolio_bib_files")
    links = []
    for field, word, value in bibtools.link_values(entry):
        shown = _(word)
        label = f"{shown}: {title}"
        if not bibtools.is_file_name(value):
            if is_safe_url(value):
                ref = nodes.reference("", shown, refuri=value.strip())
                links.append(paper_link("", "", ref, aria_label=label))
            elif location:
                warn(
                    f"entry {entry.key!r}: {field} {value!r} is not an http(s) URL", location, "bib"
                )
            continue
        path = site_file(env, folder, value)
        if path is None:
            if location:
                where = f"{folder}/" if folder else "the source folder"
                message = f"entry {entry.key!r}: {field} file {value!r} not found in {where}"
                warn(message, location, "bib")
            continue
        download = addnodes.download_reference(
            "", "", nodes.Text(shown), reftarget=path, refdoc=env.docname, refexplicit=True
        )
        links.append(paper_link("", "", download, aria_label=label))
    return links


def preview(env, entry: Entry, location: str | None) -> list[nodes.Node]:
    """The ``preview`` thumbnail, in HTML only, when its file exists."""
    value = entry.fields.get("preview", "").strip()
    if not value:
        return []
    if not bibtools.is_file_name(value):
        path = value if is_safe_url(value) else None
    else:
        path = site_file(env, folder_of(env.config, "portfolio_bib_previews"), value)
    if path is None:
        if location:
            warn(f"entry {entry.key!r}: preview {value!r} not found", location, "bib")
        return []
    alt = plain(entry.fields.get("title", entry.key))
    image = nodes.image(uri=path, alt=alt, classes=["portfolio-paper-preview"])
    only = addnodes.only(expr="html")
    only += image
    return [only]


def award(entry: Entry) -> list[nodes.paragraph]:
    """al-folio's ``award_name`` (the short label) and ``award`` (what it says)."""
    name = plain(entry.fields.get("award_name", ""))
    text = plain(entry.fields.get("award", ""))
    if not (name or text):
        return []
    label = nodes.strong("", name or _("Award"))
    words = [label, nodes.Text(f": {text}")] if text and text != name else [label]
    return [nodes.paragraph("", "", *words, classes=["portfolio-paper-award"])]


def abstract(entry: Entry) -> list[nodes.Node]:
    """The abstract as a rubric and a paragraph (for the paper's own page)."""
    text = plain(entry.fields.get("abstract", ""))
    if not text:
        return []
    heading = _("Abstract")
    return [
        nodes.rubric(heading, heading, classes=["portfolio-paper-abstract-heading"]),
        nodes.paragraph(text, text, classes=["portfolio-paper-abstract"]),
    ]


def abstract_disclosure(entry: Entry) -> list[nodes.Node]:
    """The abstract behind an "Abstract" disclosure (a list without paper pages)."""
    text = plain(entry.fields.get("abstract", ""))
    if not text:
        return []
    summary = disclosure_summary("", _("Abstract"))
    body = nodes.paragraph(text, text, classes=["portfolio-paper-abstract"])
    return [disclosure("", summary, body, classes=["portfolio-paper-abstract"], print_body=True)]


def classes_of(node: nodes.Node) -> list[str]:
    return node["classes"] if isinstance(node, nodes.Element) else []


def full_body(style, env, entry: Entry, badges: dict, location: str | None) -> list[nodes.Node]:
    """An entry's body as both the list and its page show it: the formatted entry,
    its award, and its links to files and other tools' link fields."""
    body = entry_body(style, entry, badges)
    body.extend(award(entry))
    add_links(body, entry_file_links(env, entry, location))
    return body


def add_links(body: list[nodes.Node], links: list[paper_link]) -> None:
    """Add *links* to the links line of an entry body (made if the entry has none)."""
    if not links:
        return
    lines = [n for n in body if "portfolio-paper-links" in classes_of(n)]
    line = lines[0] if lines else None
    if line is None:
        line = nodes.paragraph("", "", classes=["portfolio-paper-links"])
        body.append(line)
    for link in links:
        if line.children:
            line += nodes.Text(" · ")
        line += link


def mark_selected(title_line: nodes.paragraph, entry: Entry) -> None:
    """A "Selected" label on a paper its author marked: after the badge, before the title."""
    if not bibtools.is_selected(entry):
        return
    mark = selected_mark("", _("Selected"))
    children = title_line.children
    title = [i for i, node in enumerate(children) if "portfolio-title" in classes_of(node)]
    if title:
        title_line.insert(title[0], nodes.Text(" "))
        title_line.insert(title[0], mark)
    else:
        title_line.extend([nodes.Text(" ")] * bool(children) + [mark])


def setup_paper_files(app: Sphinx) -> None:
    app.add_node(
        paper_link,
        html=(visit_paper_link_html, ignore),
        latex=(ignore, ignore),
        text=(ignore, ignore),
        man=(ignore, ignore),
        texinfo=(ignore, ignore),
    )
    app.add_node(
        selected_mark,
        html=(visit_selected_html, depart_selected_html),
        latex=brackets("body"),
        text=brackets("text"),
        man=brackets("body"),
        texinfo=brackets("body"),
    )
