"""Sphinx configuration of the sphinx-portfolio guide, built with the extension itself."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The extension from this checkout (also before `pip install -e .`) and the
# guide's own directives (examples, generated reference tables).
sys.path.insert(0, str(HERE.parent / "extensions"))
sys.path.insert(0, str(HERE / "_ext"))

project = "sphinx-portfolio"
author = "Paulo Soares"
copyright = "Paulo Soares"
version = release = "0.1.0"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_portfolio",
    "sphinx_portfolio.publications",
    "portfolio_guide",
]
myst_enable_extensions = ["deflist", "attrs_block", "fieldlist"]  # as `new` writes
myst_heading_anchors = 3
exclude_patterns = ["_build", "README.md"]

html_theme = "furo"
html_title = "sphinx-portfolio guide"
html_static_path = ["_static"]
html_css_files = ["guide.css"]
html_show_sourcelink = False

# The examples' publication list reads this file; no page per paper is generated
# into the guide's sources.
bibtex_bibfiles = ["examples.bib", "_bibliography/papers.bib"]  # the second as al-folio keeps it
portfolio_owner = ["Ada Example"]
portfolio_paper_pages = None
portfolio_metric_polarity = {"p95": "lower"}
