"""A pybtex formatting style for portfolio publication lists.

``PortfolioStyle`` lists entries newest first, highlights the owner's name in
every author list and turns DOI, arXiv id and URL into real links (http(s)
only). It never raises on a missing field: it renders what the entry has, so a
site keeps building; :mod:`sphinx_portfolio.publications` reports what is
missing as located warnings.

The module has no Sphinx import; pybtex can use the style on its own through
the ``pybtex.style.formatting`` entry point ``portfolio``.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import HRef, String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

from .shared import THESES, is_safe_url
from .words import _

STYLE_NAME = "portfolio"
EN_DASH = "\u2013"

# Crossref's advice: a DOI is "10." + registrant code + "/" + suffix.
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIX_RE = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
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

# Fields the extension reads itself; they are left out of the copyable BibTeX.
PRIVATE_FIELDS = frozenset({"shortvenue"})

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

# What a reader needs to identify a work, per entry type (BibTeX's own list,
# trimmed to what this style prints).
REQUIRED_FIELDS = {
    "article": ("author", "title", "journal", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "book": ("title", "publisher", "year"),
}
DEFAULT_REQUIRED = ("title", "year")
TEXT_BACKEND = PlainTextBackend()


# -- pure helpers ---------------------------------------------------------------


def plain(latex: str) -> str:
    """The reader-visible text of a BibTeX field (braces and accents resolved).

    Cached (FORMATTED.plain, kept across builds): the same names and venues are
    parsed again for every entry, every author check and every export (28,000
    calls for 500 papers), and decoding LaTeX is the slow part.
    """
    found = FORMATTED.plain_text(latex)
    if found is None:
        # Not render_as("text"): it looks the backend up among all installed entry
        # points on every call (~20 ms each, minutes for a thousand papers).
        found = " ".join(_from_latex(latex).render(TEXT_BACKEND).split())
        FORMATTED.put_plain(latex, found)
    return found


def doi_of(entry: Entry) -> str | None:
    """The entry's DOI without resolver prefix, or None when absent."""
    raw = entry.fields.get("doi", "").strip()
    return DOI_PREFIX_RE.sub("", raw) or None


def doi_url(doi: str | None) -> str | None:
    """The resolver URL of a well-formed DOI, else None."""
    if not doi or not DOI_RE.match(doi):
        return None
    return "https://doi.org/" + quote(doi, safe="/:;()._-<>[]")


def arxiv_id(entry: Entry) -> str | None:
    """The arXiv identifier of an entry (``eprint`` with an arXiv prefix)."""
    eprint = entry.fields.get("eprint", "").strip()
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


def person_name(person: Person) -> str:
    """A person's full name as printed: "First Middle von Last, Jr"."""
    parts = [
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
    ]
    name = plain(" ".join(parts))
    if person.lineage_names:
        name += ", " + plain(" ".join(person.lineage_names))
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

    Site rows (*extra*) are tried before the defaults; a thesis is labelled by
    its type.
    """
    text = venue_text(entry)
    for pattern, badge in {**(extra or {}), **DEFAULT_VENUE_BADGES}.items():
        if re.search(pattern, text):
            return badge
    thesis = THESES.get(entry.type.lower())
    return _(thesis.badge) if thesis else None


def missing_fields(entry: Entry) -> list[str]:
    required = REQUIRED_FIELDS.get(entry.type.lower(), DEFAULT_REQUIRED)
    return [
        name
        for name in required
        if not (entry.persons.get(name) if name in ("author", "editor") else entry.fields.get(name))
    ]


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
    label: str  # what kind of link: "DOI", "arXiv", "URL"
    text: str  # what the reader sees, e.g. the DOI itself
    url: str


def entry_links(entry: Entry) -> list[Link]:
    """DOI, arXiv and URL links of an entry; malformed values give no link."""
    links = []
    doi = doi_of(entry)
    if doi_url(doi):
        links.append(Link("DOI", doi, doi_url(doi)))
    identifier = arxiv_id(entry)
    if arxiv_url(identifier):
        links.append(Link("arXiv", identifier, arxiv_url(identifier)))
    url = web_url(entry.fields.get("url"))
    if url:
        # Shown without scheme: readable, and still the whole address in print.
        shown = url.split("://", 1)[1].removeprefix("www.").rstrip("/")
        links.append(Link("PDF" if url.lower().endswith(".pdf") else "URL", shown, url))
    return links


# -- the style ------------------------------------------------------------------


def _field(entry: Entry, name: str) -> Text:
    return _from_latex(entry.fields[name]) if entry.fields.get(name) else Text()


# Each entry is formatted more than once a build (sphinxcontrib-bibtex, the list,
# the exports) and parsing LaTeX is most of the cost; pybtex's rich text is never
# changed in place (its methods return new objects), so a parsed field is reused.
_from_latex = functools.lru_cache(maxsize=16384)(Text.from_latex)


def _join(parts: Iterable[Text], sep: str = ", ") -> Text:
    return Text(sep).join([part for part in parts if part])


HELPER_STYLES = {
    "label_style": "pybtex.style.labels",
    "name_style": "pybtex.style.names",
    "sorting_style": "pybtex.style.sorting",
}


@functools.lru_cache(maxsize=64)
def _helper_style(group: str, name: str):
    return find_plugin(group, name)


class PortfolioStyle(BaseStyle):
    """Newest first, owner highlighted, links for DOI / arXiv / URL.

    Options: ``owner`` (a name pattern or a list of them) and ``max_authors``
    (collapse longer author lists; 0 shows all), plus BaseStyle's own.
    """

    default_label_style = "number"
    default_name_style = "plain"
    default_sorting_style = "none"
    # Set by the Sphinx extension on a configured subclass, because
    # sphinxcontrib-bibtex instantiates styles without arguments.
    owner_patterns: tuple[re.Pattern, ...] = ()
    max_authors = 0

    def __init__(self, owner=None, max_authors=None, **kwargs):
        # BaseStyle looks each helper style up among all installed entry points
        # (~10 ms apiece); a paper page per entry made that 30 s at 1000 papers.
        for option, group in HELPER_STYLES.items():
            name = kwargs.get(option) or getattr(self, f"default_{option}")
            kwargs[option] = _helper_style(group, name)
        super().__init__(**kwargs)
        if owner is not None:
            self.owner_patterns = compile_owner_patterns(owner)
        if max_authors is not None:
            self.max_authors = max_authors
        self.sort = newest_first

    # pieces, also used one by one by the Sphinx directive

    def format_person(self, person: Person) -> Text:
        name = Text(person_name(person))
        return Tag("strong", name) if is_owner(person, self.owner_patterns) else name

    def owner_positions(self, people: Sequence[Person]) -> list[int]:
        return [i for i, person in enumerate(people) if is_owner(person, self.owner_patterns)]

    def format_people(self, people: Sequence[Person], keep: Sequence[int] | None = None) -> Text:
        """Names joined by commas; gaps between kept indices become "…"."""
        keep = list(range(len(people))) if keep is None else keep
        parts: list[Text] = []
        for position, index in enumerate(keep):
            if index != (keep[position - 1] + 1 if position else 0):
                parts.append(Text(String("…")))
            parts.append(self.format_person(people[index]))
        if keep and keep[-1] != len(people) - 1:
            parts.append(Text(String("…")))
        return _join(parts)

    def format_authors(self, entry: Entry, collapse: bool = True) -> Text:
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        keep = None
        if collapse:
            keep = visible_authors(len(people), self.owner_positions(people), self.max_authors)
        return self.format_people(people, keep)

    def format_title(self, entry: Entry) -> Text:
        return _field(entry, "title")

    def format_venue(self, entry: Entry) -> Text:
        """Where and when: container, volume, pages, publisher, date, note."""
        kind = entry.type.lower()
        if kind == "article":
            where = self._journal(entry)
        elif kind in ("phdthesis", "mastersthesis"):
            label = _("Ph.D. thesis") if kind == "phdthesis" else _("Master's thesis")
            where = _join([Text(label), _field(entry, "school")])
        else:
            where = self._container(entry)
        date = _join([_field(entry, "month"), _field(entry, "year")], sep=" ")
        imprint = _join([_field(entry, "publisher"), _field(entry, "address"), date])
        return _join([where, imprint, _field(entry, "note")], sep=". ")

    def _journal(self, entry: Entry) -> Text:
        volume = _field(entry, "volume")
        if volume and entry.fields.get("number"):
            volume = Text(volume, "(", _field(entry, "number"), ")")
        return _join([Tag("em", _field(entry, "journal")), volume, self._pages(entry)])

    def _container(self, entry: Entry) -> Text:
        book = _field(entry, "booktitle") or _field(entry, "howpublished")
        volume = _field(entry, "volume")
        volume = Text(_("volume") + " ", volume) if volume else Text()
        return _join(
            [
                Text(_("In") + " ", Tag("em", book)) if book else Text(),
                _field(entry, "series"),
                volume,
                self._pages(entry),
                _field(entry, "institution"),
            ]
        )

    def _pages(self, entry: Entry) -> Text:
        pages = entry.fields.get("pages", "")
        if not pages:
            return Text()
        prefix = (_("pages") if re.search(r"[-\u2013,]", pages) else _("page")) + " "
        return Text(prefix, String(re.sub(r"-+", EN_DASH, pages)))

    def format_links(self, entry: Entry) -> Text:
        return _join(
            [Text(f"{link.label}: ", HRef(link.url, link.text)) for link in entry_links(entry)],
            sep=" · ",
        )

    def format_entry(self, label, entry, bib_data=None):
        # sphinxcontrib-bibtex formats every entry again on every build (twice: the
        # entry, then its tooltip); FORMATTED keeps each result, across builds too.
        key = fingerprint(self, label, entry)
        formatted = FORMATTED.get(key)
        if formatted is None:
            formatted = self._format_entry(label, entry)
            FORMATTED.put(key, formatted)
        return formatted

    def _format_entry(self, label, entry):
        # One sentence per piece, as classic styles do; never raises.
        pieces = [
            self.format_authors(entry),
            self.format_title(entry),
            self.format_venue(entry),
            self.format_links(entry),
        ]
        sentences = [Text(piece).add_period() for piece in pieces if piece]
        return FormattedEntry(entry.key, Text(" ").join(sentences), label)


class FormattedCache:
    """Formatted entries by fingerprint, kept in memory and, for a site, on disk.

    The file sits beside Sphinx's doctrees (and goes with them); only entries
    used by the last build are written back, so it never grows stale.
    """

    def __init__(self) -> None:
        self.path: Path | None = None
        self.known: dict[str, Any] = {}  # what the file held at the start
        self.used: dict[str, Any] = {}  # what this build asked for: written back

    def open(self, path: Path) -> None:
        self.path, self.used = path, {}
        try:
            self.known = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.known = {}
        if _CODE not in self.known:
            self.known = {_CODE: True}  # another version of this module wrote it
        self.used[_CODE] = True

    def get(self, key: str) -> Any:
        found = self.used.get(key)
        if found is None:
            found = self.known.get(key)
            if found is not None:
                self.used[key] = found
        return found

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def plain_text(self, latex: str) -> str | None:
        return self.get("plain:" + latex)

    def put_plain(self, latex: str, text: str) -> None:
        self.put("plain:" + latex, text)

    def save(self) -> None:
        if self.path is not None and self.used.keys() != self.known.keys():
            self.path.write_bytes(pickle.dumps(self.used))
            self.known = dict(self.used)


FORMATTED = FormattedCache()
# A change to this module changes every fingerprint: no stale formatting survives it.
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
#: The words a citation adds, in the build's language (also part of each fingerprint).
CITATION_WORDS = ("In", "volume", "pages", "page", "Ph.D. thesis", "Master's thesis")


def fingerprint(style: PortfolioStyle, label: str, entry: Entry) -> str:
    """Everything a formatted entry depends on: the entry, its label, the settings."""
    persons = [(role, [str(p) for p in people]) for role, people in sorted(entry.persons.items())]
    payload = (
        label,
        entry.key,
        entry.type,
        sorted(entry.fields.items()),
        persons,
        [pattern.pattern for pattern in style.owner_patterns],
        style.max_authors,
        type(style).__name__,
        type(style.name_style).__name__,
        style.abbreviate_names,
        _CODE,
        [_(word) for word in CITATION_WORDS],  # the build's language
    )
    return hashlib.sha256(repr(payload).encode()).hexdigest()


def configured_style(
    owner_patterns: Sequence[re.Pattern], max_authors: int
) -> type[PortfolioStyle]:
    """A PortfolioStyle subclass carrying a site's settings as defaults."""
    return type(
        "PortfolioStyle",
        (PortfolioStyle,),
        {"owner_patterns": tuple(owner_patterns), "max_authors": max_authors},
    )


def register(style: type[PortfolioStyle] = PortfolioStyle) -> None:
    """Register *style* as pybtex's ``portfolio`` style (no reinstall needed)."""
    register_plugin("pybtex.style.formatting", STYLE_NAME, style, force=True)
