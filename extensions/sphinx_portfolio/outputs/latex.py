"""The LaTeX (PDF) export: the site as a compact CV.

* ``sphinxportfolio.sty`` (shipped in ``texinputs/``) defines how cards, badges and
  the header look; it is loaded by every LaTeX build and copied beside the .tex.
* Cards render as blocks kept together at their start, with tight lists; badges
  as bold figures with a coloured arrow from amssymb (so any font shows it).
* On the root document, a post-transform turns the page title, the label
  paragraph (class ``portfolio-label`` or ``portfolio-subtitle``) and the
  configured profiles into one header, which replaces Sphinx's title page; a
  card's title, organisation and period become one line; publications become one
  short entry each (``papers/cv.py``, set up with the publications).
* What the CV leaves out (web-only parts, excluded pages) is ``outputs/cv.py``'s
  choice, made just before.

The card and badge nodes keep all their visitors, LaTeX included, in
``cards/experience.py`` and ``cards/badges.py``; they use the environments and macros of
this module's style file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..cards import experience_card, experience_title
from ..core.base import add_node_only_for, unwrap
from ..core.jsonresume import LABEL_CLASSES, PAGE_KEY, PAGE_SECTIONS
from ..core.order import CV_LAYOUT
from ..core.text import EYEBROW_CLASS, is_safe_url
from ..core.version import PACKAGE_DIR
from .profiles import read_profiles

# Not in static/ beside the web's assets: the .sty is for LaTeX builders only.
STYLE = PACKAGE_DIR / "texinputs" / "sphinxportfolio.sty"


class cv_header(nodes.General, nodes.Element):
    """Name, label and links at the top of the PDF; LaTeX builds only."""


class cv_eyebrow(nodes.Inline, nodes.TextElement):
    """A kicker such as "02 · chronology", shown small before a section title."""


class cv_date(nodes.Inline, nodes.TextElement):
    """A card's period, set flush right on its line (as CVs print dates)."""


class CurriculumLayout(SphinxPostTransform):
    """Shape the assembled LaTeX document as a CV: one header, pages as parts."""

    builders = ("latex",)
    default_priority = CV_LAYOUT

    def run(self, **kwargs: Any) -> None:
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None or any(self.document.findall(cv_header)):
            return
        eyebrows = attach_eyebrows(self.document, section)
        self.add_header(section, eyebrows.get(id(section), ""))
        lift_pages(section)
        for page in section.findall(addnodes.start_of_file):
            if self.env.metadata.get(page["docname"], {}).get(PAGE_KEY) in PAGE_SECTIONS:
                inline_lists(page)
        for card in list(self.document.findall(experience_card)):
            role_line(card)

    def add_header(self, section: nodes.section, eyebrow: str) -> None:
        label = next(
            (
                child
                for child in section.children
                if isinstance(child, nodes.paragraph)
                and any(cls in child["classes"] for cls in LABEL_CLASSES)
            ),
            None,
        )
        links = header_links(self.config)
        header = cv_header(
            name=" ".join(section[0].astext().split()),
            label=" ".join(label.astext().split()) if label is not None else "",
            links=links,
            eyebrow=eyebrow,
        )
        if label is not None:
            section.remove(label)
        section.insert(1, header)


def header_links(config: Any) -> list[tuple[str, str]]:
    """(text, url): the site itself when its address is known, then the profiles."""
    links = []
    if config.html_baseurl and is_safe_url(config.html_baseurl):
        links.append((short_url(config.html_baseurl), config.html_baseurl))
    for profile in read_profiles(config):
        if profile.get("url"):
            links.append((short_url(profile["url"]), profile["url"]))
    return links


def short_url(url: str) -> str:
    """What a printed page shows of a link: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def attach_eyebrows(document: nodes.document, root: nodes.section) -> dict[int, str]:
    """Move each eyebrow paragraph into the title of the section it introduces.

    Returns the eyebrow text by section id(); the root section's goes to the header.
    """
    found = {}
    for node in list(document.findall(nodes.paragraph)):
        if EYEBROW_CLASS not in node["classes"]:
            continue
        section = node.next_node(nodes.section, siblings=True, descend=False)
        if section is None or section.parent is not node.parent:
            continue
        text = " ".join(node.astext().split())
        found[id(section)] = text
        node.parent.remove(node)
        if section is not root:
            section[0].insert(0, cv_eyebrow(text, text))
    return found


def outermost_pages(node: nodes.Element) -> list[addnodes.start_of_file]:
    """Included pages in ``node`` that are not themselves inside an included page."""
    return [
        page
        for page in node.findall(addnodes.start_of_file)
        if not any(isinstance(a, addnodes.start_of_file) for a in ancestors(page, node))
    ]


def ancestors(node: nodes.Node, stop: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None and node.parent is not stop:
        node = node.parent
        found.append(node)
    return found


def lift_pages(root: nodes.section) -> None:
    """Each page of the toctree becomes a top-level part of the CV.

    A toctree written at the end of the home page sits inside its last section;
    inlined as it is, every page would become a sub-part of that section.
    """
    for child in list(root.children):
        if not isinstance(child, nodes.section):
            continue
        pages = outermost_pages(child)
        for page in pages:
            page.parent.remove(page)
        position = root.index(child) + 1
        root[position:position] = pages


def inline_lists(page: nodes.Element) -> None:
    """Skills and interests read as lines, not as a column of one-word bullets.

    A bullet list of short items becomes one paragraph joined by middle dots; a
    definition list becomes one paragraph per term: "**term**: definition".
    """
    for blist in list(page.findall(nodes.bullet_list)):
        items = [item for item in blist.children if len(item.children) == 1]
        if len(items) != len(blist.children) or not all(
            isinstance(item[0], nodes.paragraph) for item in items
        ):
            continue
        line = nodes.paragraph()
        for index, item in enumerate(items):
            if index:
                line += nodes.Text(" · ")
            line.extend(item[0].children)
        blist.replace_self(line)
    for dlist in list(page.findall(nodes.definition_list)):
        lines = []
        for item in dlist.findall(nodes.definition_list_item):
            term, definition = item.next_node(nodes.term), item.next_node(nodes.definition)
            line = nodes.paragraph()
            line += nodes.strong("", "", *term.children)
            line += nodes.Text(": ")
            line += nodes.Text(" ".join(definition.astext().split()))
            lines.append(line)
        dlist.replace_self(lines)


def role_line(card: experience_card) -> None:
    """Title, organisation and place on one line, the period flush right."""
    title = next(iter(card.findall(experience_title)), None)
    if title is None or title.parent is not card:
        return
    line = nodes.paragraph(classes=["portfolio-cv-role"])
    card.replace(title, line)
    line += title
    meta = title_meta(card)
    if meta is None:
        return
    date = None
    for part in meta.children:
        classes = part.get("classes", []) if isinstance(part, nodes.Element) else []
        if "portfolio-experience-period" in classes:
            date = cv_date(part.astext(), part.astext())
        elif isinstance(part, nodes.Element):
            line += [nodes.Text(" · "), *unstrong(part)]
    if date is not None:
        line += date
    card.remove(meta)


def title_meta(card: experience_card) -> nodes.paragraph | None:
    return next(
        (
            child
            for child in card.children
            if isinstance(child, nodes.paragraph)
            and "portfolio-experience-meta" in child["classes"]
        ),
        None,
    )


def unstrong(part: nodes.Element) -> list[nodes.Node]:
    """The organisation in the line's own weight: the role title is the bold part."""
    if isinstance(part, nodes.strong):
        return list(part.children)
    for strong in list(part.findall(nodes.strong)):
        unwrap(strong)
    return [part]


def visit_header_latex(self: Any, node: cv_header) -> None:
    # The header is the title: Sphinx's own title page would repeat it.
    self.elements["maketitle"] = ""
    links = r" \textperiodcentered{} ".join(
        "\\sphinxhref{" + self.encode_uri(url) + "}{" + self.escape(text) + "}"
        for text, url in node["links"]
    )
    name, label = self.escape(node["name"]), self.escape(node["label"])
    eyebrow = self.escape(node.get("eyebrow", ""))
    self.body.append(f"\n\\sphinxportfolioheader[{eyebrow}]{{{name}}}{{{label}}}{{{links}}}\n")
    raise nodes.SkipNode


def visit_eyebrow_latex(self: Any, node: cv_eyebrow) -> None:
    self.body.append(r"\sphinxportfolioeyebrow{")


def depart_eyebrow_latex(self: Any, node: cv_eyebrow) -> None:
    self.body.append("}")


def visit_date_latex(self: Any, node: cv_date) -> None:
    self.body.append(r"\sphinxportfoliodate{")


def depart_date_latex(self: Any, node: cv_date) -> None:
    self.body.append("}")


def copy_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.name == "latex":
        shutil.copyfile(STYLE, Path(app.outdir) / STYLE.name)


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package("sphinxportfolio")
    add_node_only_for(app, cv_eyebrow, latex=(visit_eyebrow_latex, depart_eyebrow_latex))
    add_node_only_for(app, cv_header, latex=(visit_header_latex, None))
    add_node_only_for(app, cv_date, latex=(visit_date_latex, depart_date_latex))
    app.add_post_transform(CurriculumLayout)
    app.connect("build-finished", copy_style)
