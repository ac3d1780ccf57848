# Two languages of one site: every HTML page links the same page in the other.
exclude_patterns = ["_build"]
extensions = ["sphinx_portfolio"]
project = "Languages"
copyright = "the authors"  # EPUB wants one, and a version
version = release = "1"
language = "en"
locale_dirs = ["locale/"]
gettext_compact = False
portfolio_languages = ["en", "pt_BR"]
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
