"""sphinx_portfolio: experience cards, metric badges, an impact summary and publications for Sphinx.

The package's folders, one concept each (CONTRIBUTING.md has the map):

- ``core/``: what every part shares: pure text and figure parsing, the words, the
  ``portfolio`` domain, config values, the base directive, Sphinx's private APIs;
- ``cards/``: experience cards, metric badges and everything made from them;
- ``papers/``: publications from .bib files (the ``sphinx_portfolio.publications``
  extension);
- ``outputs/``: what a build writes besides the pages: resume.json, the PDF CV,
  search entries, SEO;
- ``new/``: the ``sphinx-portfolio new`` command; it never runs inside Sphinx.

Importing the package loads nothing else: :func:`setup` imports the parts when
Sphinx calls it, so the command line tool and the pybtex style load only what
they use.
"""

from __future__ import annotations

from typing import Any

from .core.version import __version__

#: Listed in a site's extensions, it turns the publications feature on.
PUBLICATIONS = "sphinx_portfolio.publications"

__all__ = ["PUBLICATIONS", "__version__", "setup"]


def setup(app: Any) -> dict[str, object]:
    """Every part, in the order their handlers and transforms rely on (each
    ``setup_<part>`` says what it registers; core/order.py has the priorities)."""
    from .cards.badges import setup_badges
    from .cards.evidence import setup_evidence
    from .cards.experience import setup_experience
    from .cards.glossary import setup_glossary
    from .cards.impact import setup_impact
    from .cards.impact_index import setup_impact_index
    from .cards.tailor import setup_tailor
    from .core.config import setup_config
    from .core.domain import PortfolioDomain, setup_domain
    from .core.translation import setup_translation
    from .core.words import setup_words
    from .outputs.cv import setup_cv
    from .outputs.indexing import setup_indexing
    from .outputs.languages import setup_languages
    from .outputs.latex import setup_latex
    from .outputs.resume import setup_exports
    from .outputs.search import setup_search
    from .outputs.seo import setup_seo
    from .outputs.social import setup_social

    setup_words(app)
    setup_config(app)
    setup_domain(app)
    setup_badges(app)
    setup_experience(app)
    setup_impact(app)
    setup_tailor(app)
    setup_evidence(app)
    setup_impact_index(app)
    setup_glossary(app)
    setup_exports(app)
    setup_latex(app)  # the PDF CV: its look
    setup_cv(app)  # the PDF CV: what it includes
    setup_search(app)
    setup_seo(app)
    setup_social(app)
    setup_indexing(app)
    setup_translation(app)
    setup_languages(app)
    app.setup_extension("sphinx_portfolio.core.assets")  # CSS and scripts, HTML builders only
    if PUBLICATIONS in app.config.extensions:  # listed in conf.py: set it up now
        # Imported here: pybtex and sphinxcontrib-bibtex are the optional
        # [publications] extra, needed only by sites that list papers.
        from .publications import setup_publications

        setup_publications(app)
    return {
        "version": __version__,
        "env_version": PortfolioDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
