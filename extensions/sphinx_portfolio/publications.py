"""Publications: a papers page and one page per paper, driven by a .bib file.

This module wires the feature; each concept lives in its own module:

* :mod:`papers`: reading the .bib files (sphinxcontrib-bibtex's ``cite``
  domain), one record per paper for the exporters, a paper's URLs;
* :mod:`bibfields`, :mod:`bibstyle`: what an entry says, and the pybtex style
  that formats it; :mod:`bibcache`: the site's style and its formatting cache;
* :mod:`paper_nodes`: the nodes with every writer's visitors;
* :mod:`bibtools`, :mod:`paper_files`: what other tools keep in a .bib (al-folio's
  links, files, previews, ``selected``; exporters' quirks) and its nodes;
* :mod:`paper_filters`: the year, type and keyword filters of a list;
* :mod:`paper_list`: the ``publications`` directive and the ``orcid`` role;
* :mod:`paper_pages`: the generated page per paper (``paper`` directive,
  Google Scholar's tags);
* :mod:`bib_errors`: malformed BibTeX as located warnings.

The package's ``setup()`` calls :func:`setup_publications` when a site lists
``sphinx_portfolio.publications`` in its extensions; that name stays an
extension of its own, which loads the package. Only then are pybtex and
sphinxcontrib-bibtex (the ``publications`` extra) imported.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .bib_errors import setup_bib_errors
from .bibcache import setup_site_style
from .paper_files import setup_paper_files
from .paper_filters import setup_paper_filters
from .paper_list import OrcidRole, PublicationsDirective
from .paper_nodes import setup_paper_nodes
from .paper_pages import LinkPaperTitles, PaperDirective, ResolvePaperBacklinks, write_paper_pages


def setup_publications(app: Sphinx) -> None:
    """Only ever called once the package's setup() has run: the message catalog
    and the stylesheet (assets) are already there."""
    if "portfolio_paper_pages" in app.config:
        return  # already set up
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_config_value("portfolio_owner", [], "env", (list, tuple, str))
    app.add_config_value("portfolio_max_authors", 8, "env", (int,))
    app.add_config_value("portfolio_venue_badges", {}, "env", (dict,))
    app.add_config_value("portfolio_orcid", None, "env", (str, type(None)))
    app.add_config_value("portfolio_paper_pages", "papers", "env", (str, type(None)))
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
    app.connect("builder-inited", write_paper_pages, priority=600)


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
