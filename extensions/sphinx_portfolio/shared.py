"""What the extension's modules share, and nothing of one feature alone.

- warnings: :func:`warn` and the one list of :data:`WARNING_SUBTYPES`;
- checks of what authors write: :func:`is_safe_url`, :func:`looks_like_html`,
  :func:`split_explicit` (``shown <target>``), and :class:`PortfolioDirective`
  with :class:`LenientOptions`, which report unknown options;
- names several writers use: :data:`THESES`, CSS classes such as :data:`UNINDEXED`;
- tree and registration helpers (:func:`nearest`, :func:`add_node_only_for`);
- :func:`package_stamp`, the digest of the code that cache keys use.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .metrics import N_

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
    "bib": "a malformed or incomplete ``.bib`` entry, a bad DOI or arXiv id, an unknown "
    "style or option of ``publications``, a bad ``portfolio_owner`` pattern",
    "orcid": "a ``portfolio_orcid`` that is not an ORCID iD",
    "config": "a ``portfolio_person`` key, ``portfolio_same_as`` URL or "
    "``portfolio_profiles`` item that is left out",
    "export": "a ``{portfolio-export}`` role naming an export that does not exist",
    "cv": "a ``portfolio_cv`` key or value that the PDF CV does not know (LaTeX builds)",
}
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&[a-zA-Z#][\w#]*;")
SAFE_SCHEMES = ("http", "https")
# Classes for what a reader sees but a search engine should not index (a figure
# repeated, an arrow glyph, a BibTeX block). Read the Docs' HTML parser drops
# elements of class "lineno" (meant for line numbers); no theme styles it outside
# code blocks, so the element looks and reads the same. Ours names the intent.
UNINDEXED = ("portfolio-unindexed", "lineno")
VISUALLY_HIDDEN = "portfolio-visually-hidden"
# A small kicker paragraph before a section title ("02 · chronology"): web-only chrome.
EYEBROW_CLASS = "portfolio-eyebrow"


_EXPLICIT = re.compile(r"^(?P<shown>.+?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


@dataclass(frozen=True)
class Thesis:
    """What each part of the extension calls a thesis of one BibTeX type."""

    badge: str  # the venue badge and one-line reference, translated where shown
    study_type: str  # JSON Resume's education ``studyType``
    degree: str  # schema.org ``inSupportOf``


#: The one table of thesis types (BibTeX entry type -> names).
THESES = {
    "phdthesis": Thesis(N_("Ph.D. thesis"), "Ph.D.", "Ph.D."),
    "mastersthesis": Thesis(N_("M.Sc. thesis"), "Master's", "Master's degree"),
}


class UnknownOption(str):
    """The value of an option that the directive does not know."""


class LenientOptions(dict):
    """An option spec that accepts unknown keys, so the directive itself can warn.

    docutils and MyST both look converters up with ``spec[name]``; answering for an
    unknown name lets the directive run and report it with our warning type,
    instead of losing the whole block to a parser error.
    """

    def __missing__(self, name: str) -> Callable[[str | None], UnknownOption]:
        return lambda value: UnknownOption(value or "")

    def __bool__(self) -> bool:
        # An empty spec must still count as "takes options", or the parsers read
        # ":foo: bar" as content and the directive never sees it.
        return True


def warn(message: str, location: Any, subtype: str) -> None:
    """A located warning that ``suppress_warnings = ["portfolio.<subtype>"]`` can silence."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text))


def is_safe_url(url: str) -> bool:
    """Only absolute http(s) URLs with a host: no javascript:, data: or relative tricks."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc) and " " not in url.strip()


def split_explicit(text: str) -> tuple[str, str]:
    """A role's ``shown words <target>`` -> (shown, target); plain text is both.

    Whitespace runs (a role broken over lines) read as one space.
    """
    text = " ".join(text.split())
    match = _EXPLICIT.match(text)
    if match:
        return match["shown"], match["target"]
    return text, text


def package_stamp() -> str:
    """A digest of the extension's code: its version and every module's source.

    A cache keyed by it is dropped by an upgrade or by any edit to any module,
    not only to the modules someone remembered to list.
    """
    if not _STAMP:
        digest = hashlib.sha256()
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _STAMP.append(digest.hexdigest())
    return _STAMP[0]


_STAMP: list[str] = []  # computed once a process: the code does not change under it


def slugify(text: str) -> str:
    """A lowercase, hyphenated name: 'Sr. ML Engineer' -> 'sr-ml-engineer'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def nearest(node: Any, kind: type) -> Any:
    """The closest ancestor of ``node`` of type ``kind``, or None."""
    parent = node.parent
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parent
    return parent


def has_ancestor(node: Any, kind: type) -> bool:
    return nearest(node, kind) is not None


def split_list(text: str | None) -> tuple[str, ...]:
    """Comma-separated words, trimmed, empty ones dropped, order kept."""
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


class PortfolioDirective(SphinxDirective):
    """Base directive: reports unknown options and HTML in option values."""

    def checked_options(self) -> dict[str, str]:
        """The known options, with one located warning per problem found."""
        known = {}
        for name, value in self.options.items():
            if isinstance(value, UnknownOption):
                allowed = ", ".join(sorted(type(self).option_spec))
                self.warn(f"unknown option :{name}: (allowed: {allowed})", "option")
            elif isinstance(value, str) and looks_like_html(value):
                self.warn(f"HTML in option :{name}: is shown as plain text", "html")
                known[name] = value
            else:
                known[name] = value
        return known

    def warn(self, message: str, subtype: str) -> None:
        warn(f"{self.name}: {message}", self.get_location(), subtype)


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


def choice(values: tuple[str, ...]) -> Callable[[str | None], str]:
    """An option converter that accepts one of ``values`` (case-insensitive)."""

    def convert(argument: str | None) -> str:
        return directives.choice((argument or "").strip().lower(), values)

    convert.values = values  # read by the guide's option tables
    return convert


def conf_location(app: Any, name: str) -> str | None:
    """Where config warnings point: the line of conf.py that sets ``name``, if any."""
    path = Path(app.confdir or "", "conf.py")
    if not app.confdir or not path.is_file():
        return None
    setting = re.compile(rf"^{re.escape(name)}\s*[:=]")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if setting.match(line)]
    return f"{path}:{found[-1]}" if found else None  # the last assignment counts
