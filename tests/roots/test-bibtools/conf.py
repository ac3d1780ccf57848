# Papers as other tools write them; every person here is invented.
exclude_patterns = ["_build"]
extensions = ["myst_parser", "sphinx_portfolio", "sphinx_portfolio.publications"]
bibtex_bibfiles = [
    "_bibliography/papers.bib",  # al-folio
    "scholar.bib",  # Google Scholar's "Cite > BibTeX"
    "dblp.bib",
    "zotero.bib",  # Zotero with Better BibTeX
    "acm_ieee.bib",
    "kinds.bib",  # entry types beyond articles and proceedings
]
portfolio_person = {"name": "Marta Quintero"}  # no portfolio_owner: bolded from this
show_warning_types = True
