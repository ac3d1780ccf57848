exclude_patterns = ["_build"]
extensions = ["myst_parser", "sphinx_portfolio", "sphinx_portfolio.publications"]
bibtex_bibfiles = ["bad.bib"]
portfolio_owner = ["Ada Lovelace"]
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
