"""Pure checks and names of what authors write: no Sphinx, no docutils.

URL and HTML checks, the ``shown <target>`` parser, slugs and lists, thesis names,
the CSS classes several writers share, dates as JSON Resume and biblatex write them,
ORCID iDs, and ``N_`` (a message marked for translation, translated where shown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


def N_(message: str) -> str:
    """Marks a message for ``pybabel extract -k N_``; the caller translates it."""
    return message


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
    venue: str  # the full reference's venue (bibstyle), translated where shown


#: The one table of thesis types (BibTeX entry type -> names).
THESES = {
    "phdthesis": Thesis(N_("Ph.D. thesis"), "Ph.D.", "Ph.D.", N_("Ph.D. thesis")),
    "mastersthesis": Thesis(
        N_("M.Sc. thesis"), "Master's", "Master's degree", N_("Master's thesis")
    ),
}


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


def slugify(text: str) -> str:
    """A lowercase, hyphenated name: 'Sr. ML Engineer' -> 'sr-ml-engineer'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_list(text: str | None) -> tuple[str, ...]:
    """Comma-separated words, trimmed, empty ones dropped, order kept."""
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


_ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/?$")


def orcid_id(value: str) -> str | None:
    """'0000-0002-1825-0097' from the iD or its orcid.org URL; None for anything else."""
    match = _ORCID.match(value.strip())
    return match.group(1) if match else None


#: A date as ISO 8601 and JSON Resume's schema write it: a year, a year and month,
#: or a full date; months 01 to 12, days 01 to 31.
DATE = r"[12]\d{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
ISO_DATE = re.compile(rf"^{DATE}$")
