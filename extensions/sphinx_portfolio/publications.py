"""Publications: a papers page and one page per paper, driven by a .bib file.

This module wires the feature; each concept lives in its own module of ``papers/``
(its ``__init__`` lists them): ``records`` reads the .bib files, ``fields`` and
``style`` say and format what an entry says, ``cache`` keeps the site's style,
``nodes``, ``listing`` and ``pages`` make the list and a page per paper, ``exporters``
and ``files`` read what other tools keep in a .bib (al-folio's links, files, previews,
``selected``), ``filters`` narrow a list, ``cv`` is the PDF CV's list, ``errors`` turns
malformed BibTeX into located warnings.

The package's ``setup()`` calls :func:`setup_publications` when a site lists
``sphinx_portfolio.publications`` in its extensions; that name stays an
extension of its own, which loads the package. Only then are pybtex and
sphinxcontrib-bibtex (the ``publications`` extra) imported.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .core.config import publications_on, setup_config
from .core.order import AFTER_BIB_READ
from .papers.cache import setup_site_style
from .papers.cv import setup_cv_papers
from .papers.errors import setup_bib_errors
from .papers.files import setup_paper_files
from .papers.filters import setup_paper_filters
from .papers.listing import OrcidRole, PublicationsDirective
from .papers.nodes import setup_paper_nodes
from .papers.pages import LinkPaperTitles, PaperDirective, ResolvePaperBacklinks, write_paper_pages


def setup_publications(app: Sphinx) -> None:
    """Only ever called once the package's setup() has run: the message catalog
    and the stylesheet (assets) are already there."""
    if publications_on(app.config):
        return  # already set up
    app.setup_extension("sphinxcontrib.bibtex")
    setup_config(app, papers=True)
    setup_paper_nodes(app)
    setup_paper_files(app)
    setup_paper_filters(app)
    app.add_directive("publications", PublicationsDirective)
    app.add_directive("paper", PaperDirective)
    app.add_role("orcid", OrcidRole())
    app.add_post_transform(LinkPaperTitles)
    app.add_post_transform(ResolvePaperBacklinks)
    setup_bib_errors(app)
    setup_site_style(app)
    setup_cv_papers(app)
    app.connect("builder-inited", write_paper_pages, priority=AFTER_BIB_READ)


def setup(app: Sphinx) -> dict[str, Any]:
    """``sphinx_portfolio.publications`` in conf.py: the package, publications
    included, with the package's own version and env_version."""
    app.setup_extension("sphinx_portfolio")
    setup_publications(app)  # when loaded by another extension, not by conf.py
    package = app.extensions["sphinx_portfolio"]
    return {
        **package.metadata,  # env_version
        "version": package.version,
        "parallel_read_safe": package.parallel_read_safe,
        "parallel_write_safe": package.parallel_write_safe,
    }
