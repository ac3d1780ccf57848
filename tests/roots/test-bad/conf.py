extensions = ["myst_parser", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Bad input"
