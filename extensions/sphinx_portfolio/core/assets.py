"""The extension's stylesheet and scripts in HTML output, without touching the config.

One stylesheet (static/portfolio.css) holds every style of the extension. A page
links it only when it shows something of ours: an element of one of our node
types or with a ``portfolio-…`` class, or the impact index. Sphinx resets the
per-page list of stylesheets before each ``html-page-context``, so adding the file
there adds it to that page alone.

The files are copied into ``_static`` when the builder starts, before any page is
written: Sphinx adds a checksum (``?v=…``) to a link only when the file is already
there, and a clean build and a rebuild must write the same bytes. Appending
our folder to ``html_static_path`` instead would change the user's configuration
after Sphinx pickled it, and every rebuild would then report "The configuration
has changed".
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from .version import PACKAGE_DIR

STATIC = PACKAGE_DIR / "static"
STYLESHEET = "portfolio.css"
COPIED = (STYLESHEET, "impact-index.js", "paper-filters.js")
PACKAGE = __name__.partition(".")[0] + "."  # every node class of ours, in any folder


def copy_static(app: Sphinx) -> None:
    """Put our files in ``_static``; a file already there with the same bytes stays."""
    if app.builder.format != "html":
        return
    target = Path(app.builder.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source, copy = STATIC / name, target / name
        if not copy.is_file() or copy.read_bytes() != source.read_bytes():
            shutil.copyfile(source, copy)


def link_stylesheet(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """Link portfolio.css from the pages that show something of ours."""
    if app.builder.format != "html":
        return
    uses = pagename == "portfolio-impact" if doctree is None else shows_ours(doctree)
    if uses:
        app.add_css_file(STYLESHEET)


def shows_ours(doctree: nodes.Node) -> bool:
    for node in doctree.findall(nodes.Element):
        if type(node).__module__.startswith(PACKAGE):
            return True
        if any(name.startswith("portfolio-") for name in node.get("classes", ())):
            return True
    return False


def setup(app: Sphinx) -> dict[str, object]:
    """Loaded with ``app.setup_extension`` by the package and by
    ``sphinx_portfolio.publications``; Sphinx sets an extension up once."""
    app.connect("builder-inited", copy_static)
    app.connect("html-page-context", link_stylesheet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
