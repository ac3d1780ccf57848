"""Malformed BibTeX as located warnings instead of a traceback.

sphinxcontrib-bibtex lets pybtex raise on a syntax error, which aborts the
build; pybtex's error capture is switched on around sphinxcontrib-bibtex's
reading of the .bib files (both at ``builder-inited``), and each captured error
becomes a ``portfolio.bib`` warning at "file.bib:LINE".
"""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.errors
from sphinx.application import Sphinx

from ..core.base import warn
from ..core.order import AFTER_BIB_READ, BEFORE_BIB_READ
from .records import entry_starts


def check_bib_encodings(app: Sphinx) -> None:
    """A .bib file that is not in ``bibtex_encoding`` is a located warning, and this
    build goes on without it.

    sphinxcontrib-bibtex (at builder-inited, priority 500) lets the decode error
    through, which stops the build with a traceback that names no file; leaving the
    file out of this build's ``bibtex_bibfiles`` lets every other page build, and
    its citations are reported as unresolved where they are.
    """
    encoding = app.config.bibtex_encoding
    readable = []
    for name in app.config.bibtex_bibfiles:
        problem = encoding_problem(Path(app.srcdir, name), encoding)
        if problem:
            warn(problem[1], problem[0], "bib")
        else:
            readable.append(name)
    app.config.bibtex_bibfiles = readable


def encoding_problem(path: Path, encoding: str) -> tuple[str, str] | None:
    """("file.bib:LINE", message) if the file cannot be decoded, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None  # a missing file: sphinxcontrib-bibtex reports it itself
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return (
            f"{path}:{line}",
            f"{path.name} is not {encoding} (byte {data[error.start]:#04x} on this line) and "
            "is left out of this build; save it as UTF-8 or set bibtex_encoding",
        )
    except LookupError:
        return str(path), f"bibtex_encoding: unknown encoding {encoding!r}; {path.name} is left out"
    return None


def start_capturing_bib_errors(app: Sphinx) -> None:
    # sphinxcontrib-bibtex lets pybtex raise on a syntax error, which aborts
    # the build with a traceback; captured, they become located warnings.
    pybtex.errors.captured_errors = []


def report_bib_errors(app: Sphinx) -> None:
    errors, pybtex.errors.captured_errors = pybtex.errors.captured_errors or [], None
    for error in errors:
        location = bib_error_location(error) or repeated_entry_location(app, str(error))
        warn(f"malformed BibTeX: {error}", location, "bib")


def repeated_entry_location(app: Sphinx, message: str) -> str | None:
    """ "file.bib:LINE" of the second entry with a key, for pybtex's "repeated
    bibliography entry: KEY", whose error carries no position."""
    match = _REPEATED.match(message)
    if not match:
        return None
    wanted, seen = match[1].lower(), 0  # BibTeX keys ignore case
    for name in app.config.bibtex_bibfiles:
        path = Path(app.srcdir, name)
        try:
            text = path.read_text(encoding=app.config.bibtex_encoding)
        except (OSError, UnicodeDecodeError, LookupError):
            continue
        for key, line in entry_starts(text):
            seen += key.lower() == wanted
            if seen == 2:
                return f"{path}:{line}"
    return None


_REPEATED = re.compile(r"^repeated bibliography entry: (\S+)$")


def bib_error_location(error) -> str | None:
    """ "file.bib:LINE" of the entry where pybtex stopped, as far as known."""
    filename = getattr(error, "filename", None)
    if not filename:
        return None
    parser = getattr(error, "parser", None)
    info = getattr(error, "error_context_info", None)
    if parser is None or info is None or not hasattr(parser, "text"):
        return str(filename)
    return f"{filename}:{parser.text.count(chr(10), 0, info[0]) + 1}"


def setup_bib_errors(app: Sphinx) -> None:
    app.connect("builder-inited", check_bib_encodings, priority=BEFORE_BIB_READ)
    app.connect("builder-inited", start_capturing_bib_errors, priority=BEFORE_BIB_READ)
    app.connect("builder-inited", report_bib_errors, priority=AFTER_BIB_READ)
