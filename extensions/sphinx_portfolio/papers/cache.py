"""The site's bibliography style and its formatted-entry cache, kept across builds.

sphinxcontrib-bibtex looks styles up by name and makes them without arguments,
then formats every cited entry again on every build (twice: the entry, then its
tooltip). :class:`SiteStyle` is :class:`~sphinx_portfolio.bibstyle.PortfolioStyle`
with the site's settings (``portfolio_owner``, ``portfolio_max_authors``),
registered once as pybtex's ``portfolio`` style; its results come from
:class:`FormattedCache`.

Each cached result is keyed by everything it depends on (:func:`fingerprint`):
the extension's code and version (:func:`shared.package_stamp`), the entry as
the .bib file gives it, its label, the site's settings and the build's language.
The file sits beside Sphinx's doctrees (and goes with them); only the entries
the last build used are written back, so it never grows stale.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from pathlib import Path
from typing import Any

from pybtex.database import Entry
from pybtex.plugin import find_plugin, register_plugin
from sphinx.application import Sphinx

from ..core.base import warn
from ..core.order import AFTER_BIB_READ
from ..core.text import THESES
from ..core.version import package_stamp
from ..core.words import _
from .exporters import owner_pattern
from .fields import compile_owner_patterns
from .style import STYLE_NAME, PortfolioStyle

CACHE_FILE = "portfolio-bibstyle.pickle"
#: The owner's name patterns this build highlights; a page with a list depends on it.
OWNER_FILE = "portfolio-owner.txt"
#: The words a citation adds, in the build's language (part of each fingerprint).
CITATION_WORDS = (
    "In",
    "volume",
    "pages",
    "page",
    "Technical report",
    "chapter",
    *(thesis.venue for thesis in THESES.values()),
)


class FormattedCache:
    """Formatted entries by fingerprint, kept in memory and, for a site, on disk."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.known: dict[str, Any] = {}  # what the file held at the start
        self.used: dict[str, Any] = {}  # what this build asked for: written back

    def open(self, path: Path) -> None:
        self.path, self.used = path, {}
        self.known = read_cache_file(path)

    def get(self, key: str) -> Any:
        found = self.used.get(key)
        if found is None:
            found = self.known.get(key)
            if found is not None:
                self.used[key] = found
        return found

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        if self.path is not None and self.used.keys() != self.known.keys():
            self.path.write_bytes(pickle.dumps(self.used))
            self.known = dict(self.used)


#: What pickle.loads raises on a damaged file: besides UnpicklingError, the pickle
#: docs name AttributeError, EOFError, ImportError and IndexError; a damaged length
#: or opcode argument also gives OverflowError, MemoryError, ValueError or TypeError.
DAMAGED_PICKLE = (
    pickle.UnpicklingError,
    AttributeError,
    EOFError,
    ImportError,
    IndexError,
    OverflowError,
    MemoryError,
    ValueError,
    TypeError,
)


def read_cache_file(path: Path) -> dict[str, Any]:
    """The cache file's entries; none if it is missing, damaged or not ours."""
    try:
        known = pickle.loads(path.read_bytes())
    except (OSError, *DAMAGED_PICKLE):
        return {}
    return known if isinstance(known, dict) else {}


def fingerprint(style: PortfolioStyle, label: str, entry: Entry) -> str:
    """Everything a formatted entry depends on: the code, the entry, its label,
    the style's settings and the build's language."""
    persons = [(role, [str(p) for p in people]) for role, people in sorted(entry.persons.items())]
    payload = (
        package_stamp(),
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
        [_(word) for word in CITATION_WORDS],  # the build's language
    )
    return hashlib.sha256(repr(payload).encode()).hexdigest()


class SiteStyle(PortfolioStyle):
    """PortfolioStyle with the site's settings as defaults; results are cached.

    The settings are set on the class at ``builder-inited`` because
    sphinxcontrib-bibtex makes styles without arguments.
    """

    cache = FormattedCache()

    def format_entry(self, label, entry, bib_data=None):
        key = fingerprint(self, label, entry)
        formatted = self.cache.get(key)
        if formatted is None:
            formatted = super().format_entry(label, entry)
            self.cache.put(key, formatted)
        return formatted


def register_site_style() -> None:
    """Make :class:`SiteStyle` pybtex's ``portfolio`` style; idempotent."""
    if find_plugin("pybtex.style.formatting", STYLE_NAME) is not SiteStyle:
        register_plugin("pybtex.style.formatting", STYLE_NAME, SiteStyle, force=True)


def owner_patterns(config: Any, quiet: bool = False) -> list[re.Pattern]:
    """``portfolio_owner`` compiled; a bad pattern is named (unless ``quiet``: the
    build named it already) and left out. Without it, the name in
    ``portfolio_person`` in any order or initial ("Qiu, C.")."""
    patterns = []
    owners = config.portfolio_owner
    if not owners:
        name = str((getattr(config, "portfolio_person", None) or {}).get("name") or "")
        owners = [pattern for pattern in [owner_pattern(name)] if pattern]
    for pattern in [owners] if isinstance(owners, str) else owners or []:
        try:
            patterns.extend(compile_owner_patterns(pattern))
        except re.error as err:
            if not quiet:
                warn(f"portfolio_owner: bad pattern {pattern!r} ({err})", None, "bib")
    return patterns


def configure_site_style(app: Sphinx) -> None:
    """This build's settings and cache file for :class:`SiteStyle`."""
    SiteStyle.owner_patterns = tuple(owner_patterns(app.config))
    SiteStyle.max_authors = app.config.portfolio_max_authors
    SiteStyle.cache.open(Path(app.doctreedir) / CACHE_FILE)
    note_owner(Path(app.doctreedir), SiteStyle.owner_patterns)


def note_owner(doctreedir: Path, patterns: tuple[re.Pattern, ...]) -> None:
    """Rewrite :data:`OWNER_FILE` when the owner's patterns change. Without
    ``portfolio_owner`` they come from ``portfolio_person``, which rebuilds only
    HTML; the lists note this file as a dependency, so they are read again."""
    text = "\n".join(pattern.pattern for pattern in patterns) + "\n"
    path = doctreedir / OWNER_FILE
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass  # not written yet
    doctreedir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def save_formatted(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        SiteStyle.cache.save()


def load_style(name: str, max_authors: int | None = None) -> PortfolioStyle:
    return find_plugin("pybtex.style.formatting", name)(max_authors=max_authors)


def setup_site_style(app: Sphinx) -> None:
    register_site_style()
    app.connect("builder-inited", configure_site_style, priority=AFTER_BIB_READ)
    app.connect("build-finished", save_formatted)
