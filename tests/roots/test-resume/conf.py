extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_portfolio"]
myst_enable_extensions = ["attrs_block", "deflist"]
exclude_patterns = ["_build"]
project = "Resume"
author = "Test"
copyright = "Test"
version = release = "1"
bibtex_bibfiles = ["refs.bib"]
portfolio_profiles = [{"network": "Example", "username": "ada", "url": "https://example.org/ada"}]
