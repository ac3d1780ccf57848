# Generated words follow `language`; tests also build it as "de" and "en".
exclude_patterns = ["_build"]
language = "pt_BR"
extensions = ["myst_parser", "sphinx_portfolio", "sphinx_portfolio.publications"]
bibtex_bibfiles = ["refs.bib"]
portfolio_max_authors = 3
project = "Language"
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
