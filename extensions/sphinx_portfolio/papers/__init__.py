"""Papers: a publication list, a page per paper and the CV's list, from .bib files.

Set up by the ``sphinx_portfolio.publications`` extension (pybtex and
sphinxcontrib-bibtex, the ``publications`` extra, are imported only then):
``records`` (the one reader of the .bib files, a record per paper, its links),
``fields`` (what an entry says), ``style`` (the pybtex style, also an entry point)
and ``cache`` (the site's style and its formatted entries), ``nodes`` (with every
writer's visitors), ``listing`` (``publications``, ``orcid``), ``pages`` (a page
per paper), ``cv`` (the PDF CV's compact list), ``errors`` (BibTeX errors as
located warnings), ``exporters`` (what al-folio, Scholar, DBLP, Zotero keep:
owner names, ``selected``, link URLs, keywords), ``files`` (al-folio's links,
files and extras as nodes), ``filters`` (a list's year, type and keyword
filters). They import ``core/`` only.

Other folders read papers through the names exported here. They are imported
when first used, not with the folder: pybtex loads ``papers.style`` through its
entry point, and that should not load Sphinx's reading machinery.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

#: Exported name -> the module of this folder that defines it.
EXPORTS = {
    "bib_entries": "records",
    "entries_by_key": "records",
    "owner_patterns": "cache",
    "paper_records": "records",
    "web_links": "records",
}
__all__ = sorted(EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{EXPORTS[name]}"), name)
