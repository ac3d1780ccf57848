exclude_patterns = ["_build"]
extensions = ["myst_parser", "sphinx_portfolio", "sphinx_portfolio.publications"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
portfolio_owner = [r"Ada (M\. )?Lovelace", "Augusta Ada King"]
portfolio_max_authors = 4
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
