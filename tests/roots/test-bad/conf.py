extensions = ["myst_parser", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Bad input"
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
