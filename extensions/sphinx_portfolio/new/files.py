"""The files of a new site that are not pages: ``conf.py``, ``.readthedocs.yaml``
and ``requirements.txt``.
"""

from __future__ import annotations

import html
import re

from ..core.version import __version__
from .home import contact, profiles
from .text import Site


def conf_py(basics: dict, name: str, papers: bool, site: Site, owners: list[str]) -> str:
    """conf.py; ``owners``, the authors a RenderCV file marks in bold, are shown in bold
    (``portfolio_owner``), else the site's name is."""
    extensions = ["myst_parser", "sphinx_portfolio"]
    if papers:
        extensions += ["sphinxcontrib.bibtex", "sphinx_portfolio.publications"]
    lines = [
        '"""Sphinx configuration, written by `sphinx-portfolio new` from a JSON Resume."""',
        "",
        f"project = author = copyright = {name!r}",
        # EPUB needs a version (an empty one fails `-W -b epub`); raise it per edition.
        'version = release = "1.0"',
        f"html_title = {html.escape(name)!r}  # themes insert it as HTML",
        'language = "en"',
        "smartquotes = False  # keep every character as the resume writes it",
        f"extensions = {extensions!r}",
        'myst_enable_extensions = ["attrs_block", "attrs_inline", "fieldlist"]',
        'exclude_patterns = ["_build"]',
        'html_theme = "furo"',
        f"portfolio_profiles = {profiles(basics, Site())!r}",
        f"portfolio_contact = {contact(basics, Site())!r}",
    ]
    if papers:
        owner = [re.escape(n) for n in owners or [name]]
        lines += ['bibtex_bibfiles = ["papers.bib"]', f"portfolio_owner = {owner!r}"]
    if site.suppress:
        lines.append(f"suppress_warnings = {sorted(site.suppress)!r}  # HTML-like text, as text")
    return "\n".join(lines) + "\n"


READTHEDOCS = """\
# Read the Docs: https://docs.readthedocs.io/en/stable/config-file/v2.html
version: 2
build:
  os: ubuntu-24.04
  tools:
    python: "3.12"
sphinx:
  configuration: conf.py
  fail_on_warning: true
python:
  install:
    - requirements: requirements.txt
# Server-side search indexes the HTML: leave out pages that only repeat the cards
# (the list replaces Read the Docs' defaults, so they are repeated) and lift the
# pages that hold them.
search:
  ignore:
    - search.html
    - search/index.html
    - 404.html
    - 404/index.html
    - genindex.html
    - portfolio-impact.html
  ranking:
    experience.html: 2
    papers.html: 2
"""

# sphinx-portfolio is not on PyPI yet; a bare name would install whatever someone
# else might publish under it, so the file says so and pins the version it wrote.
REQUIREMENTS = f"""\
# What Read the Docs installs to build this site.
# sphinx-portfolio is not published on PyPI yet: replace the next line with where
# you install it from (a wheel's URL, or "sphinx-portfolio[all] @ git+https://…"
# of its repository), or keep it once that version is published.
sphinx-portfolio[all]=={__version__}
"""
