"""Being found: JSON-LD Person and ScholarlyArticle, robots.txt, canonical URLs,
OpenGraph/Twitter cards, the sitemap and the 404 page, as a crawler reads them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_site import SEED

from conftest import build_docs, build_site, copy_root, missing_tool, soup, warnings_of


def json_ld(app, docname: str) -> list[dict]:
    page = soup(app, docname)
    return [json.loads(tag.string) for tag in page.select('script[type="application/ld+json"]')]


@pytest.fixture
def seo_app(fresh_root):
    """The test-seo site, freshly copied, built (HTML unless told; overrides per test)."""
    return lambda buildername="html", **overrides: fresh_root("seo", buildername, **overrides)


def test_home_page_has_a_person_from_config_only(seo_app):
    app = seo_app()
    (person,) = [d for d in json_ld(app, "index") if d["@type"] == "Person"]
    assert person["name"] == "Ada Lovelace"  # from `author`
    assert person["worksFor"] == {"@type": "Organization", "name": "Engine Works"}
    assert [school["name"] for school in person["alumniOf"]] == ["Home School", "Second School"]
    assert person["sameAs"] == ["https://example.org/ada-profile"]  # javascript: dropped
    assert person["url"] == "https://example.org/ada/"
    assert set(person) <= {
        "@context",
        "@type",
        "name",
        "jobTitle",
        "worksFor",
        "alumniOf",
        "sameAs",
        "url",
    }
    assert any("portfolio_same_as" in w and "javascript:" in w for w in warnings_of(app))


def test_json_ld_cannot_close_its_script_tag(seo_app):
    app = seo_app()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    (person,) = json_ld(app, "index")
    assert person["jobTitle"] == "Analyst </script><b>bold</b>"  # the text survives, escaped


def test_only_the_home_page_has_the_person(seo_app):
    app = seo_app()
    assert all(d["@type"] != "Person" for d in json_ld(app, "work"))


def test_no_person_without_config(seo_app):
    app = seo_app(portfolio_person={}, portfolio_same_as=[])
    assert json_ld(app, "index") == []


def test_one_scholarly_article_per_paper(seo_app):
    app = seo_app()
    articles = {d["name"]: d for d in json_ld(app, "papers") if d["@type"] == "ScholarlyArticle"}
    assert set(articles) == {"Notes on the Analytical Engine", "Sketch of an Engine"}
    notes = articles["Notes on the Analytical Engine"]
    assert [a["name"] for a in notes["author"]] == ["Ada Lovelace", "Charles Babbage"]
    assert notes["datePublished"] == "1843"
    assert notes["isPartOf"]["name"] == "Scientific Memoirs"
    assert notes["sameAs"] == ["https://doi.org/10.1000/notes.1843"]
    assert notes["url"].startswith("https://example.org/ada/papers.html#")
    anchor = notes["url"].partition("#")[2]
    assert soup(app, "papers").find(id=anchor) is not None
    assert "sameAs" not in articles["Sketch of an Engine"]  # no DOI or URL: none made up


def test_robots_txt_names_the_sitemap(seo_app):
    app = seo_app()
    robots = (Path(app.outdir) / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *\nAllow: /" in robots
    assert "Sitemap: https://example.org/ada/sitemap.xml" in robots
    sitemap = (Path(app.outdir) / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/ada/work.html</loc>" in sitemap
    assert "404.html" not in sitemap and "search.html" not in sitemap


def test_without_a_base_url_no_sitemap_line(seo_app):
    app = seo_app(html_baseurl="", ogp_site_url="", suppress_warnings=["sitemap.configuration"])
    robots = (Path(app.outdir) / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap" not in robots
    assert soup(app, "work").find("link", rel="canonical") is None


def test_a_sites_own_robots_txt_is_kept(seo_app, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    app = seo_app(html_extra_path=[str(extra)])
    assert (Path(app.outdir) / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"


def test_no_robots_txt_for_other_builders(seo_app):
    app = seo_app("singlehtml")
    assert not (Path(app.outdir) / "robots.txt").exists()


def test_canonical_and_social_cards(seo_app):
    app = seo_app()
    page = soup(app, "work")
    assert page.find("link", rel="canonical")["href"] == "https://example.org/ada/work.html"
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in page("meta")}
    assert meta["og:title"] == "Work"
    assert meta["og:url"] == "https://example.org/ada/work.html"
    assert meta["twitter:card"] == "summary"
    assert meta["og:description"]


BAD_CONFIG = """
portfolio_person = {"name": "Ada", "url": "javascript:alert(1)", "email": "ada@example.org"}
portfolio_same_as = ["https://example.org/ada-profile", "ftp://example.org/ada"]
portfolio_profiles = [{"network": "X", "url": "data:text/html,hi"}, "oops"]
portfolio_contact = {"email": "ada@example.org", "url": "javascript:alert(1)"}
"""


def test_bad_config_is_named_once_per_run_even_when_no_page_is_written(tmp_path):
    """Checked at config-inited: one warning per bad field, at its line of conf.py,
    on every run, also one that rewrites no page (the home page carries the Person)."""
    srcdir = copy_root("seo", tmp_path)
    conf = srcdir / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    conf.write_text("\n".join(lines) + BAD_CONFIG, encoding="utf-8")
    person, same_as, profiles, contact = (len(lines) + n for n in (1, 2, 3, 4))
    expected = [
        f"conf.py:{person}: WARNING: portfolio_person: unknown key 'email' is left out "
        "[portfolio.config]",
        f"conf.py:{person}: WARNING: portfolio_person['url'] is not an http(s) URL and is "
        "left out [portfolio.config]",
        f"conf.py:{same_as}: WARNING: portfolio_same_as[1]: 'ftp://example.org/ada' is not "
        "an http(s) URL and is left out [portfolio.config]",
        f"conf.py:{profiles}: WARNING: portfolio_profiles[0]['url']: 'data:text/html,hi' is "
        "not an http(s) URL; left out [portfolio.url]",
        f"conf.py:{profiles}: WARNING: portfolio_profiles[1] is not a mapping of strings "
        "(network, username, url); left out [portfolio.config]",
        f"conf.py:{contact}: WARNING: portfolio_contact['url']: 'javascript:alert(1)' is not "
        "an http(s) URL; left out [portfolio.url]",
    ]
    overrides = {"show_warning_types": True}
    for run in range(2):
        app = build_site(srcdir, confoverrides=overrides)
        ours = [w.replace(f"{srcdir}/", "") for w in warnings_of(app) if "portfolio_" in w]
        assert sorted(ours) == sorted(expected), run
        status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
        written = re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status)
        assert ("index" in written) == (run == 0)
    (person_ld,) = [d for d in json_ld(app, "index") if d["@type"] == "Person"]
    assert "url" not in person_ld or person_ld["url"] == "https://example.org/ada/"
    assert person_ld["sameAs"] == ["https://example.org/ada-profile"]


def test_the_real_site_on_read_the_docs_uses_its_canonical_url(tmp_path):
    """Built as Read the Docs builds it: canonical links, og:url, sitemap and robots.txt
    all use READTHEDOCS_CANONICAL_URL; the 404 page links under its path."""
    base = "https://example.org/en/latest/"
    env = {**os.environ, "READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": base}
    out = tmp_path / "html"
    build_docs(out, env=env)
    page = BeautifulSoup((out / "experience.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == base + "experience.html"
    assert page.find("meta", property="og:url")["content"] == base + "experience.html"
    assert f"<loc>{base}experience.html</loc>" in (out / "sitemap.xml").read_text()
    assert f"Sitemap: {base}sitemap.xml" in (out / "robots.txt").read_text()
    missing = BeautifulSoup((out / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert missing.find("a", href="/en/latest/index.html") is not None
    # from any missing address, each of its own links leads to a page that exists
    local = {a["href"].split("#")[0] for a in missing.select("a[href^='/']")}
    assert local and all(h.startswith("/en/latest/") for h in local)
    assert [h for h in local if not (out / h.removeprefix("/en/latest/")).is_file()] == []
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    person = json.loads(home.find("script", type="application/ld+json").string)
    assert person["url"] == base
    assert_states_only_the_seed(person)


def assert_states_only_the_seed(person: dict) -> None:
    """The home page's Person: every name in it is written in the seed; no profile URL."""
    if not SEED.exists():
        missing_tool(f"the seed is not beside the repository: {SEED}")
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    organisations = [person["worksFor"], *person["alumniOf"]]
    values = [person["name"], person["jobTitle"], *(o["name"] for o in organisations)]
    assert [value for value in values if value not in seed] == []
    assert "sameAs" not in person


def test_the_impact_index_has_a_description_and_social_tags(seo_app):
    """A generated page, which sphinxext-opengraph skips: the extension writes them."""
    app = seo_app()
    page = soup(app, "portfolio-impact")
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith("Every figure on this site, grouped by what it measures")
    assert "throughput" in description  # the labels it lists
    og = {m["property"]: m["content"] for m in page.select('meta[property^="og:"]')}
    assert og["og:title"] == "Impact index"
    assert og["og:url"] == "https://example.org/ada/portfolio-impact.html"
    assert og["og:description"] == description
    assert page.select_one('meta[name="twitter:card"]')


def page_title(app, docname: str) -> str:
    return soup(app, docname).title.get_text()


def test_the_site_is_titled_by_the_persons_name(seo_app, fresh_root, tmp_path):
    named = {"name": "Ada <Lovelace>", "jobTitle": "Analyst"}
    app = seo_app(portfolio_person=named)
    assert page_title(app, "work").endswith("Ada <Lovelace>")  # escaped once, read as text
    assert "&amp;lt;" not in (Path(app.outdir) / "work.html").read_text(encoding="utf-8")
    furo = seo_app(portfolio_person=named, html_theme="furo")  # Furo inserts it as HTML
    assert page_title(furo, "work").endswith("Ada <Lovelace>")
    assert soup(furo, "work").select_one(".sidebar-brand-text").get_text() == "Ada <Lovelace>"
    assert not soup(furo, "work").find("lovelace")
    # No name: Sphinx's own default; a title set in conf.py or with -D: that title.
    assert page_title(seo_app(), "work").split()[-1] == "documentation"
    assert page_title(seo_app(portfolio_person=named, html_title="Mine"), "work").endswith("Mine")
    srcdir = copy_root("seo", tmp_path / "conf")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nhtml_title = "Set by hand"\nportfolio_person["name"] = "Ada"\n')
    assert page_title(build_site(srcdir), "work").endswith("Set by hand")
