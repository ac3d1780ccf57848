extensions = ["myst_parser", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Cards"
author = "Test"
copyright = "Test"
version = release = "1"
