"""Being found: schema.org JSON-LD and robots.txt for HTML builds.

- The root page carries a ``Person`` built from ``portfolio_person`` (name, jobTitle,
  worksFor, alumniOf, description, url) and ``portfolio_same_as`` (profile URLs).
  Nothing is guessed: a key left out of the config is left out of the page.
- A page that lists papers (``portfolio:paper`` objects) carries one
  ``ScholarlyArticle`` per paper, from the bibliography's own fields; a thesis is
  a ``Thesis``, in support of its degree, from the university it was submitted to.
- A site whose ``portfolio_person`` names the person is titled by that name unless
  ``html_title`` is set (Sphinx's default would be "PROJECT documentation").
- ``robots.txt`` allows everything and names the sitemap when sphinx-sitemap is
  used and ``html_baseurl`` (on Read the Docs: its canonical URL) is known.

OpenGraph, Twitter cards, the sitemap and the 404 page come from the usual
extensions (sphinxext-opengraph, sphinx-sitemap, sphinx-notfound-page); this
module only adds what they do not.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx

from ..core.base import conf_location, warn
from ..core.compat import config_given
from ..core.config import has_papers
from ..core.entries import MetricEntry
from ..core.head import add_json_ld
from ..core.order import HEAD_FIRST
from ..core.text import THESES, is_safe_url

ROBOTS_MARK = "# robots.txt written by sphinx-portfolio"
PERSON_TEXT_KEYS = ("name", "jobTitle", "description", "url")
PERSON_KEYS = (*PERSON_TEXT_KEYS, "worksFor", "alumniOf")


# -- JSON-LD --------------------------------------------------------------------


def page_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Append the page's JSON-LD blocks to its <head> (Furo and basic print ``metatags``)."""
    if doctree is None:
        return
    blocks = []
    if pagename == app.config.root_doc:
        person = person_data(app.config)
        if person:
            blocks.append(person)
    blocks += paper_data(app, pagename)
    if blocks:
        add_json_ld(context, *blocks)


def person_data(config: Any) -> dict[str, Any] | None:
    """A schema.org Person from ``portfolio_person`` and ``portfolio_same_as``, or None.

    Both were checked (and bad parts left out) once, at ``config-inited``.
    """
    given = dict(config.portfolio_person or {})
    if not given:
        return None
    person: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person"}
    for key in PERSON_TEXT_KEYS:
        if given.get(key):
            person[key] = str(given[key])
    person.setdefault("name", str(config.author))
    if config.html_baseurl and "url" not in person:
        person["url"] = config.html_baseurl
    if given.get("worksFor"):
        person["worksFor"] = organisations(given["worksFor"], "Organization")
    if given.get("alumniOf"):
        person["alumniOf"] = organisations(given["alumniOf"], "CollegeOrUniversity")
    if config.portfolio_same_as:
        person["sameAs"] = list(config.portfolio_same_as)
    return person


def organisations(value: str | list[str], kind: str) -> dict[str, str] | list[dict[str, str]]:
    """'Acme' -> one Organization; a list -> one per name, in the order given."""
    if isinstance(value, str):
        return {"@type": kind, "name": value}
    return [{"@type": kind, "name": str(name)} for name in value]


def check_person_config(app: Sphinx, config: Any) -> None:
    """Once per run, before any page: a bad part of the config is named and left out,
    so a rebuild that writes no home page still says what is wrong."""
    where = conf_location(app, "portfolio_person")
    person = dict(config.portfolio_person or {})
    for key in sorted(set(person) - set(PERSON_KEYS), key=str):
        warn(f"portfolio_person: unknown key {key!r} is left out", where, "config")
        del person[key]
    if person.get("url") and not is_safe_url(str(person["url"])):
        warn("portfolio_person['url'] is not an http(s) URL and is left out", where, "config")
        del person["url"]
    config.portfolio_person = person
    where = conf_location(app, "portfolio_same_as")
    config.portfolio_same_as = safe_urls(config.portfolio_same_as, "portfolio_same_as", where)


def title_by_the_person(app: Sphinx) -> None:
    """``html_title`` left unset: the person's name. Set once the builder and its
    theme are loaded: both check the config's types, and Markup is not a str to them."""
    config = app.config
    name = (config.portfolio_person or {}).get("name")
    if name and not config_given(config, "html_title"):
        # Furo inserts html_title as HTML, basic escapes it: escaped text marked safe
        # reads the same in both (Jinja's ``|e`` leaves Markup alone).
        config.html_title = Markup(html.escape(str(name)))


def safe_urls(urls: Any, setting: str, where: str | None) -> list[str]:
    kept = []
    for index, url in enumerate(urls or ()):
        if is_safe_url(str(url)):
            kept.append(str(url).strip())
        else:
            message = f"{setting}[{index}]: {url!r} is not an http(s) URL and is left out"
            warn(message, where, "config")
    return kept


def paper_data(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    """One ScholarlyArticle per paper object listed on this page."""
    domain = app.env.get_domain("portfolio")
    anchors = {
        obj.name: obj.anchor
        for obj in domain.objects.values()
        if obj.objtype == "paper" and obj.docname == pagename
    }
    if not anchors:
        return []
    records = paper_records_for(app, list(anchors))
    page = (app.config.html_baseurl or "") + app.builder.get_target_uri(pagename)
    return [scholarly_article(record, f"{page}#{anchors[record['key']]}") for record in records]


def paper_records_for(app: Sphinx, keys: list[str]) -> list[dict[str, Any]]:
    """Plain records of the papers (the papers module reads the .bib files)."""
    if not has_papers(app.env):
        return []  # no bibliography on this site
    from ..papers import entries_by_key, paper_records  # pybtex: only with papers

    return paper_records(entries_by_key(app.env, keys))


def scholarly_article(record: dict[str, Any], url: str) -> dict[str, Any]:
    """A paper as schema.org sees it; ``url`` is its entry on the page (absolute when
    ``html_baseurl`` is known)."""
    thesis = THESES.get(record.get("type") or "")
    degree = thesis.degree if thesis else None
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Thesis" if degree else "ScholarlyArticle",
        "@id": url,
        "url": url,
        "headline": record["title"],
        "name": record["title"],
    }
    if record.get("authors"):
        article["author"] = [{"@type": "Person", "name": name} for name in record["authors"]]
    if record.get("year"):
        article["datePublished"] = str(record["year"])
    if degree:
        article["inSupportOf"] = degree
    if degree and record.get("venue"):
        # A thesis is not part of its university: it is written there, and the
        # university (its repository) publishes it unless the entry names a publisher.
        university = {"@type": "CollegeOrUniversity", "name": record["venue"]}
        article["sourceOrganization"] = university
        article["publisher"] = university
    elif record.get("venue"):
        article["isPartOf"] = {"@type": "CreativeWork", "name": record["venue"]}
    if record.get("publisher"):
        article["publisher"] = {"@type": "Organization", "name": record["publisher"]}
    from ..papers import web_links  # pybtex: only with papers

    links = web_links(record)
    if links:
        article["sameAs"] = links
    return article


def figures_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """Each page's figures as schema.org QuantitativeValue items."""
    if doctree is None or app.builder.format != "html":
        return
    domain = app.env.get_domain("portfolio")
    if not any(m.docname == pagename for m in domain.metrics.values()):
        return  # most pages (every paper page) have none: skip sorting them all
    metrics = [m for m in domain.selected_metrics({}) if m.docname == pagename]
    if not metrics:
        return
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [quantitative_value(app, m) for m in metrics],
    }
    add_json_ld(context, data)


def quantitative_value(app: Sphinx, metric: MetricEntry) -> dict[str, Any]:
    fields = metric.metric
    item: dict[str, Any] = {
        "@type": "QuantitativeValue",
        "name": fields["label"],
        "description": metric.text,
        "url": f"{app.builder.get_target_uri(metric.docname)}#{metric.anchor}",
    }
    if fields["value"] is not None:
        item["value"] = fields["value"]
    if fields["unit"]:
        item["unitText"] = fields["unit"]
    if "baseline" in metric.facts:
        item["valueReference"] = {
            "@type": "QuantitativeValue",
            "description": metric.facts["baseline"],
        }
    extra = [(k, v) for k, v in metric.facts.items() if k != "baseline"]
    extra += [("direction", fields["direction"]), ("sentiment", fields["sentiment"])]
    item["additionalProperty"] = [
        {"@type": "PropertyValue", "name": key, "value": value} for key, value in extra
    ]
    return item


# -- robots.txt ---------------------------------------------------------------


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    """Write robots.txt for a deployable HTML build, unless the site ships its own."""
    builder = app.builder
    if exception or builder.format != "html" or builder.embedded or builder.name == "singlehtml":
        return
    if not app.config.portfolio_robots_txt:
        return
    path = Path(builder.outdir) / "robots.txt"
    if path.exists() and not path.read_text(encoding="utf-8").startswith(ROBOTS_MARK):
        return  # the site's own, copied from html_extra_path
    path.write_text(robots_txt(app), encoding="utf-8")


def robots_txt(app: Sphinx) -> str:
    lines = [ROBOTS_MARK, "User-agent: *", "Allow: /"]
    base = app.config.html_baseurl
    if base and "sphinx_sitemap" in app.extensions:
        filename = getattr(app.config, "sitemap_filename", "sitemap.xml")
        lines += ["", f"Sitemap: {base.rstrip('/')}/{filename}"]
    return "\n".join(lines) + "\n"


def setup_seo(app: Sphinx) -> None:
    app.connect("config-inited", check_person_config)
    app.connect("builder-inited", title_by_the_person)
    app.connect("html-page-context", figures_json_ld, priority=HEAD_FIRST)
    app.connect("html-page-context", page_json_ld)
    app.connect("build-finished", write_robots_txt)
