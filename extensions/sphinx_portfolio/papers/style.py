"""A pybtex formatting style for portfolio publication lists: formatting only.

``PortfolioStyle`` lists entries newest first, highlights the owner's name in
every author list and turns DOI, arXiv id and URL into real links (http(s)
only). It never raises on a missing field: it renders what the entry has, so a
site keeps building; :mod:`sphinx_portfolio.papers` reports what is missing as
located warnings.

The module is pure: no cache, no state kept between calls, no Sphinx import of
its own (the few words a citation adds are translated by :mod:`words`).
pybtex can use the style on its own through the ``pybtex.style.formatting``
entry point ``portfolio``; a site's settings and the formatted-entry cache are
:mod:`sphinx_portfolio.bibcache`'s.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import HRef, String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

from ..core.bibtex import from_latex
from ..core.text import N_, THESES
from ..core.words import _
from .fields import (
    compile_owner_patterns,
    entry_links,
    is_owner,
    newest_first,
    person_marks,
    person_name,
    visible_authors,
)
from .fields import (
    pages as entry_pages,
)

STYLE_NAME = "portfolio"
EN_DASH = "\u2013"


def _field(entry: Entry, name: str) -> Text:
    return from_latex(entry.fields[name]) if entry.fields.get(name) else Text()


def _join(parts: Iterable[Text], sep: str = ", ") -> Text:
    return Text(sep).join([part for part in parts if part])


#: English month names, as BibTeX's month macros (``sep``) expand and as people write
#: them; each translated where a citation shows it.
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
MONTH_YEAR = N_("{month} {year}")


def month_name(month: str) -> str | None:
    """'sep', 'Sep.', 'September' -> 'September'; anything else -> None."""
    word = month.strip().rstrip(".").lower()
    if len(word) < 3:
        return None
    for name in MONTHS:
        if name.lower() == word or (len(word) == 3 and name.lower().startswith(word)):
            return name
    return None


def _filled(template: str, year: Text) -> list:
    """A piece of the date template with its ``{year}`` as the entry's year."""
    before, found, after = template.partition("{year}")
    return [before, year, after] if found else [template]


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
        name = Tag("strong", name) if is_owner(person, self.owner_patterns) else name
        marks = person_marks(person)  # kept as marks, not as part of the name
        return Text(name, Tag("sup", marks)) if marks else name

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
        elif kind in THESES:
            where = _join([Text(_(THESES[kind].venue)), _field(entry, "school")])
        else:
            where = self._container(entry)
        date = self._date(entry)
        imprint = _join([_field(entry, "publisher"), _field(entry, "address"), date])
        return _join([where, imprint, _field(entry, "note")], sep=". ")

    def _date(self, entry: Entry) -> Text:
        """'September 2025' in the reader's language ('setembro de 2025'); a month
        that is not an English month name stays as written."""
        month = _field(entry, "month")
        year = _field(entry, "year")
        name = month_name(str(month))
        if not (name and year):
            return _join([month, year], sep=" ")
        before, _sep, after = str(_(MONTH_YEAR)).partition("{month}")
        return Text(*_filled(before, year), str(_(name)), *_filled(after, year))

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
                self._numbered(entry),
                self._pages(entry),
                _field(entry, "institution"),
            ]
        )

    def _numbered(self, entry: Entry) -> Text:
        """A report's number ("Technical report TR-1"), a book's chapter ("chapter 5")."""
        kind = entry.type.lower()
        if kind == "techreport":
            number = _field(entry, "number")
            return (
                Text(_("Technical report") + " ", number) if number else Text(_("Technical report"))
            )
        if kind in ("inbook", "incollection") and entry.fields.get("chapter"):
            return Text(_("chapter") + " ", _field(entry, "chapter"))
        return Text()

    def _pages(self, entry: Entry) -> Text:
        pages = entry_pages(entry)  # a placeholder such as "1-1" is not printed
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
        # One sentence per piece, as classic styles do; never raises.
        pieces = [
            self.format_authors(entry),
            self.format_title(entry),
            self.format_venue(entry),
            self.format_links(entry),
        ]
        sentences = [Text(piece).add_period() for piece in pieces if piece]
        return FormattedEntry(entry.key, Text(" ").join(sentences), label)


def register() -> None:
    """Make ``PortfolioStyle`` pybtex's ``portfolio`` style without a reinstall.

    Idempotent: the installed entry point or an earlier call already names it,
    and a site's own settings never replace it (see :mod:`bibcache`).
    """
    register_plugin("pybtex.style.formatting", STYLE_NAME, PortfolioStyle)
