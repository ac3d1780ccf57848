"""What other tools keep in a .bib file, read as they meant it: pure functions.

al-folio's ``_bibliography/papers.bib`` (``abbr``, ``selected``, link fields
such as ``pdf={paper.pdf}``, ``preview``, ``award``, ``abstract``, author marks
``*Name``), and what exporters leave in titles and fields (Google Scholar,
DBLP, Zotero and Better BibTeX, ACM and IEEE): keywords. What every reader of
an entry needs is in :mod:`papers.fields` (link fields, author marks, DOIs
written as URLs, placeholder pages) and :func:`core.bibtex.clean_latex` (MathML
and ``$math$`` in titles). No Sphinx import; :mod:`papers.files` turns links and
files into nodes.
"""

from __future__ import annotations

import re

from pybtex.database import Entry

from ..core.bibtex import plain
from ..core.text import is_safe_url
from .fields import LINK_FIELDS

_TRUE = frozenset({"true", "yes", "1", "y"})


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
