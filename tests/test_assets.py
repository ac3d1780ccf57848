"""assets.py: one stylesheet, linked by the pages that show something of ours, and
copied into _static without touching the user's configuration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import copy_root, soup

STATIC = Path(__file__).parents[1] / "extensions" / "sphinx_portfolio" / "static"


def stylesheets(app, docname: str) -> list[str]:
    """The page's stylesheet links, without their "?v=<checksum>"."""
    links = soup(app, docname).select('link[rel="stylesheet"]')
    return [link["href"].partition("?")[0] for link in links]


def test_one_stylesheet_on_the_pages_that_show_our_parts(fresh_root):
    app = fresh_root("seo")
    assert "_static/portfolio.css" in stylesheets(app, "work")  # cards and badges
    assert "_static/portfolio.css" in stylesheets(app, "papers")  # a publication list
    assert "_static/portfolio.css" in stylesheets(app, "portfolio-impact")  # the index
    assert not any("portfolio" in href for href in stylesheets(app, "index"))  # plain text
    assert not any("portfolio" in href for href in stylesheets(app, "search"))
    assert not any("publications" in href for href in stylesheets(app, "papers"))
    # Copied before the pages were written, so the link carries Sphinx's checksum.
    assert soup(app, "work").select_one('link[href^="_static/portfolio.css?v="]')
    copied = Path(app.outdir) / "_static" / "portfolio.css"
    assert copied.read_bytes() == (STATIC / "portfolio.css").read_bytes()
    assert (Path(app.outdir) / "_static" / "impact-index.js").is_file()


def test_a_rebuild_finds_the_configuration_unchanged(tmp_path):
    """The same command run twice: Sphinx reuses its environment as it is."""
    srcdir = copy_root("seo", tmp_path)
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(srcdir), str(tmp_path / "out")]
    subprocess.run(command, check=True, capture_output=True)
    log = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    assert "loading pickled environment" in log
    assert "configuration has changed" not in log, log
    assert "0 added, 0 changed, 0 removed" in log


def test_non_html_builders_get_no_static_files(fresh_root):
    app = fresh_root("seo", "latex")
    assert not (Path(app.outdir) / "_static" / "portfolio.css").exists()
    assert not list(Path(app.outdir).rglob("portfolio.css"))


def test_a_node_of_any_folder_of_ours_counts_without_a_class():
    """Node classes live in cards/, papers/, outputs/: each one, bare, is ours
    (an export link alone once went without the stylesheet)."""
    from docutils import nodes

    from sphinx_portfolio.cards import experience_card, metric_badge
    from sphinx_portfolio.core.assets import shows_ours
    from sphinx_portfolio.outputs.export_link import export_link

    for node_class in (export_link, metric_badge, experience_card):
        page = nodes.section("", nodes.paragraph("", "", node_class()))
        assert shows_ours(page), node_class.__module__
    assert not shows_ours(nodes.section("", nodes.paragraph("", "plain")))
