"""What other tools keep in a .bib file, read as they meant it: pure functions.

al-folio's ``_bibliography/papers.bib`` (``abbr``, ``selected``, link fields
such as ``pdf={paper.pdf}``, ``preview``, ``award``, ``abstract``, author marks
``*Name``), and what exporters leave in titles and fields (Google Scholar,
DBLP, Zotero and Better BibTeX, ACM and IEEE): DOIs written as URLs,
placeholder pages such as ``1-1`` (MathML and ``$math$`` in titles are read by
:func:`core.bibtex.clean_latex`). No Sphinx import; :mod:`papers.fields` reads
names through these, and :mod:`papers.files` turns links and files into nodes.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from pybtex.database import Entry

from ..core.bibtex import plain
from ..core.text import N_, is_safe_url

#: al-folio's link fields, in the order its pages show them, with the word a
#: reader sees (``arxiv`` is read as an arXiv id by :func:`papers.fields.arxiv_id`).
LINK_FIELDS: tuple[tuple[str, str], ...] = (
    ("html", N_("HTML")),
    ("pdf", N_("PDF")),
    ("supp", N_("Supplement")),
    ("code", N_("Code")),
    ("slides", N_("Slides")),
    ("poster", N_("Poster")),
    ("video", N_("Video")),
    ("website", N_("Website")),
    ("blog", N_("Blog")),
)

#: Fields that steer a site (al-folio's, and Zotero's local ``file`` path):
#: shown as what they mean, left out of the copyable BibTeX.
SITE_FIELDS = frozenset(
    {"abbr", "selected", "bibtex_show", "preview", "award", "award_name", "abstract", "file"}
    | {name for name, _ in LINK_FIELDS}
)

#: Marks authors put on names: equal contribution, corresponding author, ...
MARKS = "*\u2217\u2020\u2021#"
_MARK_RUN = re.compile(rf"(?<!\S)[{re.escape(MARKS)}]+|[{re.escape(MARKS)}]+(?!\S)")
_MARK_CHARS = re.compile(rf"[{re.escape(MARKS)}]")

_PLACEHOLDER_PAGES = re.compile(
    r"^(?:([01])\s*[-\u2013\u2014]+\s*\1|[-\u2013\u2014?]*|n/?a)$", re.IGNORECASE
)
_TRUE = frozenset({"true", "yes", "1", "y"})


def strip_marks(name: str) -> str:
    """A name without the marks its author put on it ("*Ada Lovelace†")."""
    return " ".join(_MARK_RUN.sub("", name).split())


def marks_of(name: str) -> str:
    """The marks on a name, in order, each once ("*†")."""
    return "".join(dict.fromkeys(_MARK_CHARS.findall(name)))


def owner_pattern(name: str) -> str | None:
    """A pattern matching *name* however a .bib writes it ("Qiu, Chenxi",
    "Chenxi Qiu", "C. Qiu", "Chenxi X. Qiu"); names are compared first-last."""
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    words = name.split()
    if not words:
        return None
    if len(words) == 1:
        return re.escape(words[0])
    first, last = words[0], words[-1]
    return rf"(?:{re.escape(first)}|{re.escape(first[0])}\.?)(?:\s+\S+)*\s+{re.escape(last)}"


def is_true(value: str | None) -> bool:
    return (value or "").strip().strip("{}").lower() in _TRUE


def is_selected(entry: Entry) -> bool:
    return is_true(entry.fields.get("selected"))


def pages(entry: Entry) -> str:
    """The ``pages`` field, empty when it is a publisher's placeholder ("1-1")."""
    value = entry.fields.get("pages", "").strip()
    return "" if _PLACEHOLDER_PAGES.match(value) else value


def page_range(entry: Entry) -> tuple[str, str]:
    """(first, last) page; either may be empty; en dashes read as hyphens."""
    first, _, last = re.sub(r"[\u2013\u2014]", "-", pages(entry)).partition("-")
    return first.strip(), last.strip("-").strip()


def bare_doi(raw: str) -> str:
    """A DOI as written by exporters, without a resolver and percent escapes."""
    value = raw.strip()
    value = re.sub(r"^(?:doi:\s*|https?://(?:www\.)?(?:dx\.)?doi\.org/)", "", value, flags=re.I)
    return unquote(value) if "%" in value else value


def link_values(entry: Entry) -> list[tuple[str, str, str]]:
    """(field, word, value) of each al-folio link field the entry fills."""
    return [
        (field, word, entry.fields[field].strip())
        for field, word in LINK_FIELDS
        if entry.fields.get(field, "").strip()
    ]


def web_links(entry: Entry) -> list[tuple[str, str, str]]:
    """(field, word, URL) of the link fields holding an http(s) URL (not a file of
    the site): what an export outside the site can point to."""
    return [(field, word, url) for field, word, url in link_values(entry) if is_safe_url(url)]


def keywords(entry: Entry) -> list[str]:
    """The ``keywords`` field (Zotero, ACM: "a, b"; some: "a; b"), lower case, once each."""
    words = re.split(r"[,;]", plain(entry.fields.get("keywords", "")))
    return list(dict.fromkeys(word.strip().lower() for word in words if word.strip()))


def is_file_name(value: str) -> bool:
    """A value with no scheme: a file of the site (al-folio's ``pdf={paper.pdf}``)."""
    return "://" not in value and ":" not in value.split("/", 1)[0]


def safe_file_name(value: str) -> bool:
    """A file name that stays inside its folder: no absolute path, no ``..``."""
    parts = value.replace("\\", "/").split("/")
    return bool(value) and not value.startswith("/") and ".." not in parts
