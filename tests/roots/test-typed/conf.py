extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Typed"
author = "Test"
copyright = "Test"
version = release = "1"
bibtex_bibfiles = ["refs.bib"]
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
