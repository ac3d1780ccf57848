"""sphinx_portfolio: experience cards, metric badges and an impact summary for Sphinx.

Each feature lives in its own module with a ``setup_<feature>(app)``; this file
only wires them together and states what Sphinx may assume about them.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .badges import setup_badges
from .cv import setup_cv
from .domain import PortfolioDomain, stale_referrers
from .evidence import setup_evidence
from .experience import setup_experience
from .exports import setup_exports
from .glossary import setup_glossary
from .impact import setup_impact
from .impact_index import setup_impact_index
from .indexing import setup_indexing
from .languages import setup_languages
from .latex import setup_latex
from .search import setup_search
from .seo import setup_seo
from .tailor import setup_tailor
from .words import setup_words

__version__ = "0.1.0"
#: Listed in a site's extensions, it turns the publications feature on.
PUBLICATIONS = "sphinx_portfolio.publications"


def setup(app: Sphinx) -> dict[str, object]:
    setup_words(app)
    app.add_domain(PortfolioDomain)
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
    setup_indexing(app)
    setup_languages(app)
    app.setup_extension("sphinx_portfolio.assets")  # CSS and scripts, HTML builders only
    app.connect("env-updated", stale_referrers)
    if PUBLICATIONS in app.config.extensions:
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
