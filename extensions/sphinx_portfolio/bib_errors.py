"""Malformed BibTeX as located warnings instead of a traceback.

sphinxcontrib-bibtex lets pybtex raise on a syntax error, which aborts the
build; pybtex's error capture is switched on around sphinxcontrib-bibtex's
reading of the .bib files (both at ``builder-inited``), and each captured error
becomes a ``portfolio.bib`` warning at "file.bib:LINE".
"""

from __future__ import annotations

import pybtex.errors
from sphinx.application import Sphinx

from .shared import warn


def start_capturing_bib_errors(app: Sphinx) -> None:
    # sphinxcontrib-bibtex lets pybtex raise on a syntax error, which aborts
    # the build with a traceback; captured, they become located warnings.
    pybtex.errors.captured_errors = []


def report_bib_errors(app: Sphinx) -> None:
    errors, pybtex.errors.captured_errors = pybtex.errors.captured_errors or [], None
    for error in errors:
        warn(f"malformed BibTeX: {error}", bib_error_location(error), "bib")


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
    # sphinxcontrib-bibtex reads the .bib files at builder-inited, priority 500.
    app.connect("builder-inited", start_capturing_bib_errors, priority=400)
    app.connect("builder-inited", report_bib_errors, priority=600)
