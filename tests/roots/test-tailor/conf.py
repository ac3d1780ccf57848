extensions = ["myst_parser", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Tailor"
author = "Test"
copyright = "Test"
version = release = "1"
latex_engine = "xelatex"
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
