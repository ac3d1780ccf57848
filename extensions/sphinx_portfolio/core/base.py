"""The Sphinx side every part shares: warnings, node registration, tree helpers.

- :func:`warn` and the one list of :data:`WARNING_SUBTYPES`;
- :func:`add_node_only_for` and the do-nothing visitors :func:`skip`/:func:`ignore`;
- :func:`nearest`, :func:`has_ancestor`, :func:`unwrap` on doctrees;
- :func:`conf_location`, where a config warning points.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger("sphinx_portfolio")

WARNING_TYPE = "portfolio"

#: Every warning subtype the extension raises, and what raises it. The one list:
#: the guide's table is generated from it and a test checks every use against it.
#: ``suppress_warnings = ["portfolio.<subtype>"]`` silences one kind.
WARNING_SUBTYPES = {
    "option": "an unknown option, a missing ``:org:``, a ``:better:`` that is not higher or lower",
    "metric": "a metric that cannot be read",
    "url": "a card's ``:url:`` or a profile's url that is not http(s)",
    "html": "HTML in an option or a metric (it is shown as text)",
    "nested": "a card inside a card",
    "duplicate": "two cards, or two named badges, with the same name",
    "fact": "an ``:as-of:`` that is not a date",
    "evidence": "evidence that names nothing in the site, or a non-http(s) link",
    "tags": "a ``{tagged}`` role outside a bullet point, or with no tags",
    "bib": "a malformed or incomplete ``.bib`` entry, a ``.bib`` file not in ``bibtex_encoding``, "
    "a bad DOI or arXiv id, a link field (``pdf``, ``code``, ...) that is not http(s) or "
    "names a file missing from ``portfolio_bib_files``, a ``preview`` not found, an unknown "
    "style or option of ``publications``, a bad ``portfolio_owner`` pattern",
    "orcid": "a ``portfolio_orcid`` that is not an ORCID iD",
    "config": "a ``portfolio_person`` key, ``portfolio_same_as`` URL or "
    "``portfolio_profiles`` item that is left out",
    "export": "a ``{portfolio-export}`` role naming an export that does not exist; a page's "
    "``rendercv:`` or ``rendercv-entries:`` front matter that rendercv.yaml cannot use",
    "cv": "a ``portfolio_cv`` key or value that the PDF CV does not know (LaTeX builds)",
}


def warn(message: str, location: Any, subtype: str) -> None:
    """A located warning that ``suppress_warnings = ["portfolio.<subtype>"]`` can silence."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


def nearest(node: Any, kind: type) -> Any:
    """The closest ancestor of ``node`` of type ``kind``, or None."""
    parent = node.parent
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parent
    return parent


def has_ancestor(node: Any, kind: type) -> bool:
    return nearest(node, kind) is not None


def skip(self: Any, node: Any) -> None:
    """Visitor for a node a builder leaves out entirely."""
    from docutils.nodes import SkipNode

    raise SkipNode


def ignore(self: Any, node: Any) -> None:
    """Visitor for a wrapper whose children render as ordinary nodes."""


BUILDER_FORMATS = ("html", "latex", "text", "man", "texinfo")


def add_node_only_for(app: Any, node: type, **visitors: tuple) -> None:
    """Register ``node`` with the given visitors; every other format leaves it out."""
    left_out = {fmt: (skip, None) for fmt in BUILDER_FORMATS if fmt not in visitors}
    app.add_node(node, **visitors, **left_out)


def conf_location(app: Any, name: str) -> str | None:
    """Where config warnings point: the line of conf.py that sets ``name``, if any."""
    path = Path(app.confdir or "", "conf.py")
    if not app.confdir or not path.is_file():
        return None
    setting = re.compile(rf"^{re.escape(name)}\s*[:=]")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if setting.match(line)]
    return f"{path}:{found[-1]}" if found else None  # the last assignment counts


def unwrap(node: nodes.Element) -> None:
    """Put the node's children in its place (``replace_self`` would move its ids
    and classes onto the first child, or refuse when that child is text)."""
    node.parent.replace(node, list(node.children))
