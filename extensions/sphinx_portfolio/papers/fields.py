"""What a .bib entry says, read without formatting: pure functions of pybtex entries.

Plain text of a field, DOI / arXiv id / web URL and the one place a paper's
links are built (:func:`paper_links`), year and month, names, venue and venue
badge, the fields a reader would miss, the copyable BibTeX. No state beyond
memoized parsing, no Sphinx import of its own (a thesis badge is translated by
:mod:`words`). The style (:mod:`bibstyle`), the Sphinx side (:mod:`papers`)
and the exporters all read entries through these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from pybtex.database import Entry, Person

from ..core.bibtex import plain
from ..core.text import N_, THESES, is_safe_url
from ..core.words import _

# Crossref's advice: a DOI is "10." + registrant code + "/" + suffix.
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
# New-style (2007+) and old-style arXiv identifiers.
ARXIV_RE = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

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

# Fields the extension reads itself; they are left out of the copyable BibTeX.
PRIVATE_FIELDS = frozenset({"shortvenue"}) | SITE_FIELDS

# Well-known venues, matched against the venue text of an entry. A site adds or
# overrides rows with the ``portfolio_venue_badges`` config value.
DEFAULT_VENUE_BADGES: dict[str, str] = {
    r"\bRecSys\b|Conference on Recommender Systems": "RecSys",
    r"\bICML\b|International Conference on Machine Learning": "ICML",
    r"\bNeurIPS\b|Neural Information Processing Systems": "NeurIPS",
    r"\bAAAI\b": "AAAI",
    r"Expert Systems with Applications": "ESWA",
    r"\bIJCNN\b|International Joint Conference on Neural Networks": "IJCNN",
}


# -- pure helpers ---------------------------------------------------------------


def strip_marks(name: str) -> str:
    """A name without the marks its author put on it ("*Ada Lovelace†")."""
    return " ".join(_MARK_RUN.sub("", name).split())


def marks_of(name: str) -> str:
    """The marks on a name, in order, each once ("*†")."""
    return "".join(dict.fromkeys(_MARK_CHARS.findall(name)))


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


def doi_of(entry: Entry) -> str | None:
    """The entry's DOI without resolver prefix, or None when absent."""
    return bare_doi(entry.fields.get("doi", "")) or None


def doi_url(doi: str | None) -> str | None:
    """The resolver URL of a well-formed DOI, else None."""
    if not doi or not DOI_RE.match(doi):
        return None
    return "https://doi.org/" + quote(doi, safe="/:;()._-<>[]")


def arxiv_id(entry: Entry) -> str | None:
    """The arXiv identifier of an entry (``eprint`` with an arXiv prefix)."""
    # al-folio keeps the id in an ``arxiv`` field of its own.
    eprint = (entry.fields.get("eprint") or entry.fields.get("arxiv") or "").strip()
    archive = (
        entry.fields.get("archiveprefix") or entry.fields.get("eprinttype") or "arxiv"
    ).lower()
    if not eprint or archive != "arxiv":
        return None
    return eprint.removeprefix("arXiv:")


def arxiv_url(identifier: str | None) -> str | None:
    if not identifier or not ARXIV_RE.match(identifier):
        return None
    return "https://arxiv.org/abs/" + identifier


def arxiv_pdf_url(identifier: str | None) -> str | None:
    """The PDF of an arXiv paper (Google Scholar's ``citation_pdf_url``)."""
    if not identifier or not ARXIV_RE.match(identifier):
        return None
    return "https://arxiv.org/pdf/" + identifier


def web_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL; anything else is refused."""
    return url.strip() if url and is_safe_url(url) else None


def year_of(entry: Entry) -> int | None:
    match = re.search(r"\d{4}", entry.fields.get("year", ""))
    return int(match.group()) if match else None


def month_of(entry: Entry) -> int | None:
    raw = entry.fields.get("month", "").strip().lower().rstrip(".")
    if raw.isdigit() and 1 <= int(raw) <= 12:
        return int(raw)
    return MONTHS.get(raw)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries by year, newest first; then by month, newest first.

    Python's sort is stable, so entries that tie keep their .bib order: adding
    an entry never reshuffles the others. Undated entries go last.
    """

    def key(entry: Entry) -> tuple[int, int]:
        year = year_of(entry)
        return (-year if year is not None else 1, -(month_of(entry) or 0))

    return sorted(entries, key=key)


def person_parts(person: Person) -> list[str]:
    return [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names]


def person_marks(person: Person) -> str:
    """The marks on a person's name ("*", "†"), each once."""
    return marks_of(plain(" ".join([*person_parts(person), *person.lineage_names])))


def person_name(person: Person) -> str:
    """A person's full name as printed: "First Middle von Last, Jr", without the
    marks an author put on it (``*``, ``†``: :func:`marks_of`)."""
    parts = person_parts(person)
    name = strip_marks(plain(" ".join(parts)))
    if person.lineage_names:
        name += ", " + strip_marks(plain(" ".join(person.lineage_names)))
    return name


def compile_owner_patterns(patterns: str | Sequence[str] | None) -> tuple[re.Pattern, ...]:
    """Compile owner name patterns; each must match a whole name, any case.

    Raises ``re.error`` for a bad pattern so the caller can say which.
    """
    if not patterns:
        return ()
    if isinstance(patterns, str):
        patterns = [patterns]
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def is_owner(person: Person, owner_patterns: Sequence[re.Pattern]) -> bool:
    name = person_name(person)
    return any(pattern.fullmatch(name) for pattern in owner_patterns)


def visible_authors(count: int, owners: Iterable[int], limit: int, head: int = 3) -> list[int]:
    """Indices of the authors shown when a list of *count* is collapsed.

    Lists of at most *limit* names are shown whole. Longer ones keep the first
    *head*, the last author and every owner position, so the owner's name is
    never hidden.
    """
    if limit <= 0 or count <= limit:
        return list(range(count))
    keep = set(range(min(head, count))) | {count - 1} | set(owners)
    return sorted(index for index in keep if 0 <= index < count)


def venue_text(entry: Entry) -> str:
    """The text that names where an entry appeared."""
    names = ("shortvenue", "journal", "booktitle", "series", "howpublished", "school")
    return " ".join(plain(entry.fields[name]) for name in names if name in entry.fields)


def where_published(entry: Entry, short: bool = False) -> str:
    """Where a one-line reference says the work appeared: "Ph.D. thesis, University
    of X", or the venue (``shortvenue`` first when ``short``), else its publisher."""
    fields = entry.fields
    if short and fields.get("shortvenue"):
        return plain(fields["shortvenue"])
    thesis = THESES.get(entry.type.lower())
    badge = thesis.badge if thesis else None
    names = ("journal", "booktitle", "school", "publisher")
    field = next((name for name in names if fields.get(name)), None)
    parts = (str(_(badge)) if badge else "", plain(fields[field]) if field else "")
    return ", ".join(part for part in parts if part)


def venue_badge(entry: Entry, extra: dict[str, str] | None = None) -> str | None:
    """A short venue label (e.g. "ICML") derived from the entry's venue text.

    The entry's own ``abbr`` (al-folio's badge) comes first; then site rows
    (*extra*) before the defaults; a thesis is labelled by its type.
    """
    if entry.fields.get("abbr", "").strip():
        return plain(entry.fields["abbr"])
    text = venue_text(entry)
    for pattern, badge in {**(extra or {}), **DEFAULT_VENUE_BADGES}.items():
        if re.search(pattern, text):
            return badge
    thesis = THESES.get(entry.type.lower())
    return _(thesis.badge) if thesis else None


def bibtex_source(entry: Entry) -> str:
    """The entry as BibTeX, ready to copy, without the extension's own fields."""
    fields = "".join(
        f"  {name} = {{{value}}},\n"
        for name, value in entry.fields.items()
        if name.lower() not in PRIVATE_FIELDS
    )
    persons = "".join(
        f"  {role} = {{{' and '.join(str(person) for person in people)}}},\n"
        for role, people in entry.persons.items()
    )
    return f"@{entry.type}{{{entry.key},\n{persons}{fields}}}"


@dataclass(frozen=True)
class Link:
    label: str  # what kind of link: "DOI", "arXiv", "URL" or "PDF"
    text: str  # what the reader sees, e.g. the DOI itself
    url: str


def paper_links(doi: str | None, arxiv: str | None, url: str | None) -> list[Link]:
    """A paper's links, DOI, arXiv, then its own web address; a malformed value
    gives no link. The one place a paper's URLs are made: the style, the CV,
    the records' exporters and the JSON-LD all take them from here."""
    links = []
    if doi_url(doi):
        links.append(Link("DOI", doi, doi_url(doi)))
    if arxiv_url(arxiv):
        links.append(Link("arXiv", arxiv, arxiv_url(arxiv)))
    web = web_url(url)
    if web and web != doi_url(doi):  # DBLP and ACM repeat the DOI as the url
        # Shown without scheme: readable, and still the whole address in print.
        shown = web.split("://", 1)[1].removeprefix("www.").rstrip("/")
        links.append(Link("PDF" if web.lower().endswith(".pdf") else "URL", shown, web))
    return links


def entry_links(entry: Entry) -> list[Link]:
    """DOI, arXiv and URL links of an entry; malformed values give no link."""
    return paper_links(doi_of(entry), arxiv_id(entry), entry.fields.get("url"))
