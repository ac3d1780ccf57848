"""``portfolio_languages``: every HTML page links the same page in the other languages.

The root ``test-languages`` (two pages, one in a folder; a pt_BR catalog for the home
page) is built in each language and read as a browser, a search engine and a link
preview would: ``hreflang`` links (absolute, so only with ``html_baseurl``),
``og:locale``, JSON-LD ``inLanguage``, and the visible switch, followed to the file it
names when two builds lie side by side.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_root, soup, warnings_of

PAGES = ("index", "sub/page")


def read(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def alternates(page: BeautifulSoup) -> dict[str, str]:
    found = page.select('link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in found}


def switch_links(page: BeautifulSoup):
    nav = page.select_one("nav.portfolio-languages")
    assert nav is not None and nav.get("aria-label")
    return nav.select("a[href]")


@pytest.fixture
def side_by_side(make_app, tmp_path):
    """Both languages built into sibling folders named as Read the Docs names them."""
    srcdir = copy_root("languages", tmp_path / "src")
    apps = {}
    for language, folder in (("en", "en"), ("pt_BR", "pt-br")):
        app = make_app(
            "html",
            srcdir=srcdir,
            builddir=tmp_path / "build" / language,
            confoverrides={"language": language},
        )
        app.build()
        # A second application in one process re-registers Sphinx's own nodes.
        assert [w for w in warnings_of(app) if "already registered" not in w] == []
        target = tmp_path / "site" / folder
        target.parent.mkdir(exist_ok=True)
        Path(app.outdir).rename(target)
        apps[language] = target
    return apps


def test_each_page_links_its_translation_and_the_link_leads_there(side_by_side):
    for language, other in (("en", "pt_BR"), ("pt_BR", "en")):
        root = side_by_side[language]
        for name in PAGES:
            path = root / f"{name}.html"
            page = read(path)
            # No html_baseurl: no hreflang link (search engines take only absolute URLs).
            assert alternates(page) == {}
            (link,) = switch_links(page)
            # The switch, followed from this file, is the same page in the other language.
            target = (path.parent / link["href"]).resolve()
            assert target.is_file(), (path, link["href"])
            assert target.relative_to(path.parents[len(name.split("/"))].parent)
            assert target.name == path.name
            assert link["hreflang"] == link["lang"] == other.replace("_", "-")
            assert link.get_text() == {"en": "English", "pt_BR": "Português (Brasil)"}[other]
            followed = read((path.parent / link["href"]).resolve())
            assert followed.html["lang"] == other.replace("_", "-")


def test_open_graph_locale_and_json_ld_language(side_by_side):
    for language, other in (("en", "pt_BR"), ("pt_BR", "en")):
        page = read(side_by_side[language] / "index.html")
        assert page.select_one('meta[property="og:locale"]')["content"] == language
        alternate = page.select('meta[property="og:locale:alternate"]')
        assert [tag["content"] for tag in alternate] == [other]
        blocks = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
        (web_page,) = [b for b in blocks if b.get("@type") == "WebPage"]
        assert web_page["inLanguage"] == language.replace("_", "-")
    portuguese = read(side_by_side["pt_BR"] / "index.html")
    assert portuguese.select_one("h1").get_text().rstrip("¶") == "Início"
    nav = portuguese.select_one("nav.portfolio-languages")
    assert nav["aria-label"] == "Idiomas"  # the extension's own words, translated
    badge = portuguese.select_one("[data-metric-value]")
    assert (badge["data-metric-value"], badge["data-metric-label"]) == ("2.6", "CTR")


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_search_and_the_index_have_the_switch_in_their_content(fresh_root, theme):
    """Pages whose template writes the content (no body of their own) get the switch
    too, once, inside the main part a reader and a screen reader land on."""
    app = fresh_root("languages", html_theme=theme)
    for name in ("search", "genindex"):
        page = soup(app, name)
        assert len(page.select("nav.portfolio-languages")) == 1, (theme, name)
        (link,) = page.select('[role="main"] nav.portfolio-languages a[href]')
        assert link["href"] == f"../pt-br/{name}.html"
        # The theme's own page is still there around it.
        assert page.select_one('[role="main"] #search-results, [role="main"] h1'), name


def test_a_site_template_of_its_own_still_wins(make_app, tmp_path):
    srcdir = copy_root("languages", tmp_path / "own")
    (srcdir / "_templates").mkdir()
    (srcdir / "_templates" / "search.html").write_text(
        '{% extends "!search.html" %}{% block body %}<p id="mine">Mine</p>{{ super() }}'
        "{% endblock %}",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, confoverrides={"templates_path": ["_templates"]})
    app.build()
    page = soup(app, "search")
    assert page.select_one("#mine") is not None
    assert len(page.select("nav.portfolio-languages")) == 1


def test_read_the_docs_layout_links_absolute_urls(fresh_root):
    app = fresh_root("languages", html_baseurl="https://example.readthedocs.io/en/latest/")
    links = alternates(soup(app, "sub/page"))
    assert set(links) == {"en", "pt-BR", "x-default"}
    assert links["x-default"] == links["en"]
    assert links["pt-BR"] == "https://example.readthedocs.io/pt-br/latest/sub/page.html"
    assert links["en"] == "https://example.readthedocs.io/en/latest/sub/page.html"
    (link,) = switch_links(soup(app, "sub/page"))
    assert link["href"] == links["pt-BR"]


def test_dirhtml_links_folders(fresh_root):
    app = fresh_root("languages", "dirhtml")
    page = read(Path(app.outdir) / "sub" / "page" / "index.html")
    assert [link["href"] for link in switch_links(page)] == ["../../../pt-br/sub/page/"]
    home = read(Path(app.outdir) / "index.html")
    assert [link["href"] for link in switch_links(home)] == ["../pt-br/"]


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "text", "latex", "man"])
def test_every_builder_builds(fresh_root, builder):
    app = fresh_root("languages", builder)
    assert warnings_of(app) == []


def test_the_switch_is_styled_on_a_page_with_nothing_else_of_ours(fresh_root):
    app = fresh_root("languages")
    links = [link["href"] for link in soup(app, "sub/page").select('link[rel="stylesheet"]')]
    assert any(href.startswith("../_static/portfolio.css") for href in links)


def test_off_by_default(fresh_root):
    app = fresh_root("languages", portfolio_languages=[])
    page = soup(app, "index")
    assert alternates(page) == {}
    assert page.select_one("nav.portfolio-languages") is None


def test_a_bad_code_is_one_located_warning(fresh_root, tmp_path):
    app = fresh_root("languages", portfolio_languages=["en", "<b>pt</b>"])
    warnings = warnings_of(app)
    assert len(warnings) == 1
    assert "portfolio_languages" in warnings[0] and "[portfolio.config]" in warnings[0]
    assert "<b>" not in str(soup(app, "index").select_one("head"))


def test_a_translated_build_reports_how_much_its_catalogs_translated(fresh_root):
    """The root's catalog translates the home page's title and paragraph; the page in
    the folder has no catalog, so its two messages stay English."""
    app = fresh_root("languages", language="pt_BR")
    assert "pt_BR: 2 of 4 messages translated (50%)" in app.status.getvalue()
    english = fresh_root("languages")
    assert "messages translated" not in english.status.getvalue()
