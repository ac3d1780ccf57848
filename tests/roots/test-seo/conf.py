exclude_patterns = ["_build"]
extensions = [
    "myst_parser",
    "sphinx_portfolio",
    "sphinx_portfolio.publications",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
]
project = "Ada Lovelace"
author = "Ada Lovelace"
html_baseurl = "https://example.org/ada/"
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary">']
bibtex_bibfiles = ["refs.bib"]
portfolio_owner = ["Ada Lovelace"]
portfolio_person = {
    "jobTitle": "Analyst </script><b>bold</b>",
    "worksFor": "Engine Works",
    "alumniOf": ["Home School", "Second School"],
}
portfolio_same_as = ["https://example.org/ada-profile", "javascript:alert(1)"]
