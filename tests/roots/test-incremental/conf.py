extensions = ["myst_parser", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Incremental"
author = "Test"
copyright = "Test"
version = release = "1"
