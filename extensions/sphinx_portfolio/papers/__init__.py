"""Papers: a publication list, a page per paper and the CV's list, from .bib files.

Set up by the ``sphinx_portfolio.publications`` extension (pybtex and
sphinxcontrib-bibtex, the ``publications`` extra, are imported only then):
``records`` (the one reader of the .bib files, a record per paper, its links),
``fields`` (what an entry says), ``style`` (the pybtex style, also an entry point)
and ``cache`` (the site's style and its formatted entries), ``nodes`` (with every
writer's visitors), ``listing`` (``publications``, ``orcid``), ``pages`` (a page
per paper), ``cv`` (the PDF CV's compact list), ``errors`` (BibTeX errors as
located warnings). They import ``core/`` only.

Other folders read papers through the names exported here.
"""

from .records import bib_entries, entries_by_key, paper_records, web_links

__all__ = ["bib_entries", "entries_by_key", "paper_records", "web_links"]
