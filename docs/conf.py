"""Sphinx configuration for Paulo Soares' portfolio."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
from pathlib import Path

# Lets `sphinx-build docs …` work from a checkout even before `pip install -e .`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extensions"))

project = "Paulo Soares"
author = "Paulo Soares"
copyright = "Paulo Soares"
version = release = "1.0"  # the site's own version, for EPUB metadata
language = "en"
# Translations: docs/locale/<lang>/LC_MESSAGES/<page>.po, one catalog a page.
locale_dirs = ["locale/"]
gettext_compact = False
gettext_location = False  # catalogs name no file paths of the machine that wrote them
gettext_additional_targets = ["literal-block"]  # the manifesto is prose too
# The site in each language, the first the default: pages link their translations.
portfolio_languages = ["en", "pt_BR"]
# Polarity of the Portuguese labels of figures (the English ones are built in).
portfolio_metric_polarity = {
    "engajamento": "higher",
    "sucesso": "higher",
    "economia": "higher",
    "eficiência": "higher",
    "latência": "lower",
}
smartquotes = False  # keep the seed's own characters, word for word

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinx_portfolio",
    "sphinx_portfolio.publications",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
]

myst_enable_extensions = ["attrs_block", "attrs_inline", "colon_fence", "deflist"]
myst_heading_anchors = 2

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
suppress_warnings: list[str] = []

html_theme = "furo"
html_static_path = ["_static"]
templates_path = ["_templates"]  # sidebar/search.html: a submit button (WCAG H32)
html_favicon = "_static/favicon.svg"  # the initials "PS"; no logo is invented
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# -- being found: canonical URL, OpenGraph/Twitter, sitemap, 404, JSON-LD ------
# Read the Docs sets its canonical URL; a local build has none, so it writes no
# canonical link and no sitemap (a sitemap needs absolute URLs).
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
suppress_warnings += ["sitemap.configuration"]  # "no html_baseurl": expected locally
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}  # its cards need matplotlib; sphinx-portfolio draws ours
# sphinxext-opengraph prints "matplotlib is not installed, social cards will not be
# generated" when imported, whatever the configuration (no config value silences it);
# with the cards off that says nothing, so import it once here with the print caught.
with contextlib.redirect_stdout(io.StringIO()):
    importlib.import_module("sphinxext.opengraph")
portfolio_person = {
    "name": "Paulo Soares",
    "jobTitle": "Senior Machine Learning Engineer",
    "worksFor": "Pinterest",
    "alumniOf": ["University of Arizona", "Universidade Federal de Pernambuco"],
}
portfolio_same_as: list[str] = []  # profile URLs (e.g. ORCID) once they are known

# -- bibliography (sphinxcontrib-bibtex) --------------------------------------
bibtex_bibfiles = ["papers.bib"]
bibtex_reference_style = "author_year"
# The owner's name, highlighted in every author list, in each spelling the .bib uses.
portfolio_owner = ["Paulo Soares", r"Paulo R\. S\. Soares", "Paulo Ricardo da Silva Soares"]
# portfolio_orcid is left unset: the ORCID iD is not known.

# -- outputs other than HTML ---------------------------------------------------
# The PDF is a compact CV: the extension's header replaces the title page; no
# table of contents, no index, small margins, fonts (Debian fonts-dejavu-core)
# that have every glyph of the pages (−, ➜, ·, accents).
latex_engine = "xelatex"
latex_documents = [("index", "paulo-soares-cv.tex", project, author, "howto")]
latex_use_xindy = False
latex_domain_indices = False
latex_show_urls = "no"
latex_elements = {
    "papersize": "letterpaper",
    "pointsize": "10pt",
    "fontpkg": r"""
\setmainfont{DejaVu Sans}[Scale=0.92]
\setsansfont{DejaVu Sans}[Scale=0.92]
\setmonofont{DejaVu Sans Mono}[Scale=0.85]
""",
    "sphinxsetup": "hmargin=0.6in, vmargin=0.6in",
    "tableofcontents": "",
    "printindex": "",
    "makeindex": "",
    "releasename": "",
    "preamble": r"""
\setcounter{secnumdepth}{0}
% no wide gap after Sr., Ph.D.; polyglossia resets it at \begin{document}
\AddToHook{begindocument/end}{\frenchspacing}
\raggedbottom  % natural spacing: a short page ends early instead of stretching
\fancypagestyle{normal}{\fancyhf{}\fancyfoot[C]{\thepage}\renewcommand{\headrulewidth}{0pt}}
""",
}
man_pages = [("index", "paulo-soares", "Paulo Soares, Senior ML Engineer", [author], 7)]
epub_show_urls = "no"
epub_exclude_files = ["404.xhtml"]  # the web's "page not found" has no place in a book
epub_title = "Paulo Soares"
