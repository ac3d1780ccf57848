"""The papers of a site: reading the .bib files, one record per paper, its URLs.

The .bib files are the ones configured for sphinxcontrib-bibtex
(``bibtex_bibfiles``); this module reads the parsed data from its ``cite``
domain (through ``core/compat.py``). Everything else that needs a site's papers
asks here: the list and the pages (``listing``, ``pages``), the CV's list, and
through ``papers/__init__``'s names ``resume.json`` and the JSON-LD of
``outputs/seo.py``. A paper's links are built by :func:`fields.paper_links`;
:func:`record_links` gives them for a record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.database import BibliographyData, Entry

from ..core import compat
from ..core.base import warn
from ..core.bibtex import missing_fields, plain
from . import exporters
from . import fields as bibfields
from .fields import Link


def bib_entries(env) -> list[tuple[Path, Entry]]:
    """All entries of the configured .bib files, in file order."""
    entries = compat.bibtex_entries(env)
    return [
        (path, entries[key])
        for path, keys in compat.bibtex_files(env).items()
        for key in keys
        if key in entries
    ]


def entry_of(env, key: str) -> Entry | None:
    return compat.bibtex_entries(env).get(key)


def note_bib_dependencies(env) -> None:
    """Re-read the page when a .bib file changes (a new entry shows up)."""
    for path in compat.bibtex_files(env):
        env.note_dependency(str(path))
    # Who is highlighted (papers/cache.py writes it when that changes).
    env.note_dependency(str(Path(env.doctreedir) / "portfolio-owner.txt"))


def entry_lines(path: Path) -> dict[str, int]:
    """Line of each ``@type{key,`` in a .bib file (the first, if a key repeats)."""
    try:
        # sphinxcontrib-bibtex < 2.7 names its files with str, 2.7 with Path.
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError:
        return {}
    lines: dict[str, int] = {}
    for key, line in entry_starts(text):
        lines.setdefault(key, line)
    return lines


def entry_starts(text: str) -> Iterator[tuple[str, int]]:
    """(key, line) of each ``@type{key,`` in a .bib file's text, in order."""
    line, counted = 1, 0
    for match in _ENTRY_START.finditer(text):
        line += text.count("\n", counted, match.start())  # counted once, not from the top
        counted = match.start()
        yield match.group(1), line


_ENTRY_START = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s]+)\s*,")


def anchor_of(key: str) -> str:
    # Keys such as ACM's "10.1145/3300001" or IEEE's "9000001" make no id alone.
    return nodes.make_id(key) or nodes.make_id(f"paper-{key}") or "paper"


def paper_records(data: BibliographyData | Iterable[Entry], badges=None) -> list[dict[str, Any]]:
    """One plain dict per entry, newest first, for exporters (JSON Resume, JSON-LD).

    Keys: key, type, title, authors, year, month, venue, shortvenue, venue_badge,
    publisher, doi, url, arxiv, abstract, award; selected (True or False),
    links ([field, URL] of al-folio's link fields with an http(s) URL), keywords.
    Absent facts are None.
    """
    entries = data.entries.values() if isinstance(data, BibliographyData) else data
    return [paper_record(entry, badges) for entry in bibfields.newest_first(entries)]


def paper_record(entry: Entry, badges=None) -> dict[str, Any]:
    fields = entry.fields
    doi = bibfields.doi_of(entry)
    arxiv = bibfields.arxiv_id(entry)
    venue_field = next((f for f in ("journal", "booktitle", "school") if fields.get(f)), None)
    return {
        "key": entry.key,
        "type": entry.type.lower(),
        "title": plain(fields.get("title", "")),
        "authors": [bibfields.person_name(p) for p in entry.persons.get("author", [])],
        "year": bibfields.year_of(entry),
        "month": bibfields.month_of(entry),
        "venue": plain(fields[venue_field]) if venue_field else None,
        "shortvenue": plain(fields["shortvenue"]) if fields.get("shortvenue") else None,
        "venue_badge": bibfields.venue_badge(entry, badges),
        "publisher": plain(fields["publisher"]) if fields.get("publisher") else None,
        "doi": doi if bibfields.doi_url(doi) else None,
        # al-folio's ``html`` is the paper's own page when there is no ``url``
        "url": bibfields.web_url(fields.get("url")) or bibfields.web_url(fields.get("html")),
        "arxiv": arxiv if bibfields.arxiv_url(arxiv) else None,
        "abstract": plain(fields["abstract"]) if fields.get("abstract") else None,
        "award": plain(fields.get("award") or fields.get("award_name") or "") or None,
        "selected": exporters.is_selected(entry),
        "links": [[field, url] for field, _word, url in exporters.web_links(entry)],
        "keywords": exporters.keywords(entry),
    }


def check_entry(entry: Entry, location: str) -> None:
    """Warn about what a reader would miss or a link that cannot be made."""
    for name in missing_fields(entry):
        warn(f"entry {entry.key!r} ({entry.type}) has no {name!r} field", location, "bib")
    doi = bibfields.doi_of(entry)
    if doi and not bibfields.doi_url(doi):
        warn(f"entry {entry.key!r}: {doi!r} is not a DOI (10.NNNN/suffix)", location, "bib")
    identifier = bibfields.arxiv_id(entry)
    if identifier and not bibfields.arxiv_url(identifier):
        warn(f"entry {entry.key!r}: {identifier!r} is not an arXiv id", location, "bib")
    url = entry.fields.get("url")
    if url and not bibfields.web_url(url):
        warn(f"entry {entry.key!r}: url {url!r} is not an http(s) URL", location, "bib")


def entries_by_key(env, keys: Iterable[str]) -> list[Entry]:
    """The entries of *keys* that the .bib files have, in the order asked."""
    entries = compat.bibtex_entries(env)
    return [entries[key] for key in keys if key in entries]


def record_links(record: dict[str, Any]) -> list[Link]:
    """The links of a paper record (DOI, arXiv, web address), as the web list shows them."""
    return bibfields.paper_links(record.get("doi"), record.get("arxiv"), record.get("url"))


def web_links(record: dict[str, Any]) -> list[str]:
    """A record's URLs, the publisher's first: DOI, then the paper's own web
    address, then arXiv (JSON-LD ``sameAs``; the first is ``resume.json``'s ``url``)."""
    order = {"DOI": 0, "URL": 1, "PDF": 1, "arXiv": 2}
    return [link.url for link in sorted(record_links(record), key=lambda link: order[link.label])]


def search_name(entry: Entry) -> str:
    """What the search index matches: title words and every author's surname."""
    title = plain(entry.fields.get("title", entry.key))
    surnames = [
        plain(" ".join(p.prelast_names + p.last_names)) for p in entry.persons.get("author", [])
    ]
    year = bibfields.year_of(entry)
    details = ", ".join([*surnames, *([str(year)] if year else [])])
    return f"{title} ({details})" if details else title


def paper_docname(config, key: str) -> str | None:
    folder = (config.portfolio_paper_pages or "").strip("/")
    return f"{folder}/{anchor_of(key)}" if folder else None
