"""BibTeX fields read as text, with pybtex: what both the site and ``sphinx-portfolio new`` need.

Imported only where papers are read (pybtex is the ``publications`` extra).
"""

from __future__ import annotations

import functools
import re

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Entry
from pybtex.richtext import Text

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


# Each field is parsed more than once a build (the list, the records, the exports)
# and parsing LaTeX is most of the cost; pybtex's rich text is never changed in
# place (its methods return new objects), so a parsed field is reused.
# MathML and $math$ that exporters leave in titles are read as text first.
@functools.lru_cache(maxsize=16384)
def from_latex(latex: str) -> Text:
    return Text.from_latex(clean_latex(latex))


_MATHML = re.compile(r"<(?:math|mml:math)\b.*?</(?:math|mml:math)>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_INLINE_MATH = re.compile(r"(?<!\\)\$([^$]+)\$")
GREEK = re.findall(
    r"\w+",
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
    "sigma tau upsilon phi chi psi omega",
)
_GREEK = {name: chr(0x3B1 + index + (index >= 17)) for index, name in enumerate(GREEK)}
_GREEK_COMMAND = re.compile(r"\\(" + "|".join(GREEK) + r")\b\s*")


def clean_latex(latex: str) -> str:
    """A field as LaTeX that pybtex can read: MathML that publishers leave in
    titles becomes its text, ``$k$`` its content (Greek letters as letters)."""
    if "<" in latex:
        latex = _MATHML.sub(lambda match: _TAG.sub("", match.group()), latex)
    if "$" in latex:
        latex = _INLINE_MATH.sub(lambda match: _GREEK_COMMAND.sub(_greek, match[1]), latex)
    return latex


def _greek(match: re.Match) -> str:
    return _GREEK[match[1]]


@functools.lru_cache(maxsize=16384)
def plain(latex: str) -> str:
    """The reader-visible text of a BibTeX field (braces and accents resolved).

    Memoized: the same names and venues are parsed again for every entry, every
    author check and every export (28,000 calls for 500 papers), and decoding
    LaTeX is the slow part.
    """
    # Not render_as("text"): it looks the backend up among all installed entry
    # points on every call (~20 ms each, minutes for a thousand papers).
    return " ".join(from_latex(latex).render(TEXT_BACKEND).split())


def missing_fields(entry: Entry) -> list[str]:
    required = REQUIRED_FIELDS.get(entry.type.lower(), DEFAULT_REQUIRED)
    return [
        name
        for name in required
        if not (entry.persons.get(name) if name in ("author", "editor") else entry.fields.get(name))
    ]
