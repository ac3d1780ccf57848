exclude_patterns = ["_build"]
extensions = ["myst_parser", "sphinx_portfolio", "sphinx_portfolio.publications"]
myst_enable_extensions = ["attrs_block"]
project = "CV"
author = "Test"
copyright = "Test"
version = release = "1"
bibtex_bibfiles = ["refs.bib"]
portfolio_owner = ["Ada Example"]
portfolio_max_authors = 4
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
