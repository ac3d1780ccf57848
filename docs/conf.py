"""Sphinx configuration for Paulo Soares' portfolio."""

from __future__ import annotations

import sys
from pathlib import Path

# Lets `sphinx-build docs …` work from a checkout even before `pip install -e .`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extensions"))

project = "Paulo Soares"
author = "Paulo Soares"
copyright = "Paulo Soares"
html_title = "Paulo Soares"
version = release = "1.0"  # the site's own version, for EPUB metadata
language = "en"
smartquotes = False  # keep the seed's own characters, word for word

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinx_portfolio",
]

myst_enable_extensions = ["attrs_block", "attrs_inline", "colon_fence", "deflist"]
myst_heading_anchors = 2

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
suppress_warnings: list[str] = []

html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# -- bibliography (sphinxcontrib-bibtex) --------------------------------------
bibtex_bibfiles = ["papers.bib"]
bibtex_reference_style = "author_year"

# -- outputs other than HTML ---------------------------------------------------
latex_engine = "xelatex"
latex_documents = [("index", "paulo-soares-cv.tex", "Paulo Soares", "Paulo Soares", "howto")]
latex_elements = {"papersize": "letterpaper", "pointsize": "10pt"}
man_pages = [("index", "paulo-soares", "Paulo Soares, Senior ML Engineer", [author], 7)]
epub_show_urls = "no"
epub_title = "Paulo Soares"
