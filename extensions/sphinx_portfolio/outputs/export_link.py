"""The ``portfolio-export`` role: a link on a page to a file the build exports.

Owns the ``export_link`` node with all its visitors (HTML links the file; the other
builders, which write no such file, keep the words as written), which builders
write the exports, and the home page's ``<link rel="alternate">`` to ``resume.json``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole
from sphinx.util.osutil import relative_uri

from ..core.base import ignore, warn
from ..core.head import add_to_head
from ..core.jsonresume import RENDERCV, RESUME
from ..core.text import split_explicit

#: The files an HTML build writes beside its pages, by media type: what the role
#: can link to and what the home page announces.
EXPORTS = {RESUME: "application/json", RENDERCV: "application/yaml"}


class export_link(nodes.Inline, nodes.TextElement):
    """A link to an exported file; only builders that write the file link to it."""


class ExportRole(SphinxRole):
    """``{portfolio-export}`resume.json``` or ``{portfolio-export}`JSON Resume <resume.json>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        shown, target = split_explicit(self.text)
        if target not in EXPORTS:
            known = ", ".join(sorted(EXPORTS))
            warn(
                f"portfolio-export: unknown export {target!r} (known: {known})",
                self.get_location(),
                "export",
            )
            return [nodes.inline(shown, shown)], []
        return [export_link(shown, shown, target=target)], []


def visit_export_html(self: Any, node: export_link) -> None:
    here = self.builder.get_target_uri(self.builder.current_docname)
    attributes = {"href": relative_uri(here, node["target"]), "type": EXPORTS[node["target"]]}
    self.body.append(self.starttag(node, "a", "", CLASS="reference external", **attributes))


def depart_export_html(self: Any, node: export_link) -> None:
    self.body.append("</a>")


def writes_exports(builder: Any) -> bool:
    """HTML, dirhtml, singlehtml: yes. EPUB packs its files before we could add one."""
    return builder.format == "html" and not builder.name.startswith("epub")


def add_alternate_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """Tell tools on the home page where the machine-readable résumé is."""
    if pagename != app.config.root_doc or not writes_exports(app.builder):
        return
    href = relative_uri(app.builder.get_target_uri(pagename), RESUME)
    tag = f'<link rel="alternate" type="{EXPORTS[RESUME]}" href="{href}" title="JSON Resume">\n'
    add_to_head(context, tag)


def setup_export_link(app: Sphinx) -> None:
    app.add_node(
        export_link,
        html=(visit_export_html, depart_export_html),
        latex=(ignore, ignore),
        text=(ignore, ignore),
        man=(ignore, ignore),
        texinfo=(ignore, ignore),
    )
    app.add_role("portfolio-export", ExportRole())
    app.connect("html-page-context", add_alternate_link)
