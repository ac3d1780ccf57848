extensions = ["myst_parser", "sphinx_portfolio"]
exclude_patterns = ["_build"]
project = "Tailor"
author = "Test"
copyright = "Test"
version = release = "1"
latex_engine = "xelatex"
show_warning_types = True  # Sphinx < 8 hides "[portfolio.<subtype>]" otherwise
latex_use_xindy = False
latex_elements = {  # fonts .ci/run installs (fonts-dejavu-core)
    "fontpkg": r"\setmainfont{DejaVu Sans}\setsansfont{DejaVu Sans}\setmonofont{DejaVu Sans Mono}",
}
