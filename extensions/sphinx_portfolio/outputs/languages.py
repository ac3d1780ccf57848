"""One site in several languages: every HTML page linked to the same page in the others.

A site lists its languages in ``portfolio_languages`` (``["en", "pt_BR"]``, the first
is the default) and builds once per language with Sphinx's own workflow
(``-D language=pt_BR``, catalogs in ``locale_dirs``; core/translation.py keeps facts
out of them). Every HTML page then says which language it is in and where the same
page is in the others:

- ``<link rel="alternate" hreflang=…>`` for each language and ``x-default``, when
  ``html_baseurl`` makes their URLs absolute (search engines take no other);
- ``og:locale`` and ``og:locale:alternate``;
- a JSON-LD ``WebPage`` with ``inLanguage``;
- a visible, accessible language switch at the top of the page's content: prepended
  to the body, or, on pages whose template writes the content (search, the general
  index), put there by ``templates/portfolio-languages.html``, which extends the
  page's own template;
- the sitemap (sphinx-sitemap) with ``xhtml:link`` alternates per URL.

Where the other language lives: with an ``html_baseurl`` in Read the Docs' layout
(``…/en/latest/``), the same URL with the language segment swapped (``…/pt-br/latest/``);
without one, a relative link to a sibling build (``../pt-br/page.html``), so two
builds laid side by side in folders named by :func:`url_slug` link each other.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from markupsafe import Markup
from sphinx.application import Sphinx

from ..core.assets import STYLESHEET
from ..core.base import conf_location, warn
from ..core.head import add_json_ld, add_to_head
from ..core.order import LANGUAGE_LINKS, SITEMAP_ALTERNATES
from ..core.words import _

#: The template that puts the switch on pages whose template writes their content.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
WRAPPER = "portfolio-languages.html"
_CODE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


# -- language codes ------------------------------------------------------------------


ABSOLUTE = re.compile(r"^https?://")


def bcp47(code: str) -> str:
    """Sphinx's ``pt_BR`` as HTML's ``lang``/``hreflang``: ``pt-BR``."""
    return code.replace("_", "-")


def url_slug(code: str) -> str:
    """The URL segment Read the Docs gives a language: ``pt_BR`` -> ``pt-br``."""
    return bcp47(code).lower()


def og_locale(code: str) -> str:
    """OpenGraph's form: ``pt_BR``, ``en``."""
    return code.replace("-", "_")


def own_name(code: str) -> str:
    """A language's name in itself ("Português (Brasil)", "English"), via Babel."""
    from babel.core import Locale, UnknownLocaleError  # babel: a dependency of Sphinx

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name() or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def languages(config: Any) -> list[str]:
    """The site's languages, the build's own included, or [] when the feature is off."""
    listed = [str(code) for code in config.portfolio_languages or ()]
    if not listed:
        return []
    own = config.language or "en"
    return listed if own in listed else [*listed, own]


def check_languages(app: Sphinx, config: Any) -> None:
    value = config.portfolio_languages
    if not isinstance(value, (list, tuple)):
        where = conf_location(app, "portfolio_languages")
        warn(f"portfolio_languages must be a list of codes, not {value!r}", where, "config")
        config.portfolio_languages = []
        return
    good = []
    for code in value:
        if isinstance(code, str) and _CODE.match(code):
            good.append(code)
        else:
            where = conf_location(app, "portfolio_languages")
            warn(
                f"portfolio_languages: {code!r} is not a language code (left out)", where, "config"
            )
    config.portfolio_languages = good


# -- where the same page is in another language ----------------------------------------


def page_url(app: Sphinx, pagename: str, code: str) -> str:
    """The URL of ``pagename`` in language ``code``: absolute under ``html_baseurl``
    in Read the Docs' layout, else relative to the current page (sibling builds)."""
    uri = app.builder.get_target_uri(pagename)
    base = (app.config.html_baseurl or "").strip()
    own = url_slug(app.config.language or "en")
    if base:
        base = base if base.endswith("/") else base + "/"
        segment = f"/{own}/"
        if segment in base:
            head, _sep, tail = base.rpartition(segment)
            return f"{head}/{url_slug(code)}/{tail}{uri}"
    depth = uri.count("/")
    return "../" * (depth + 1) + f"{url_slug(code)}/{uri}"


def add_alternates(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """hreflang links, og:locale, JSON-LD inLanguage and the switch, on every page."""
    if app.builder.format != "html" or app.builder.name.startswith("epub"):
        return
    codes = languages(app.config)
    if not codes:
        return
    own = app.config.language or "en"
    urls = {code: page_url(app, pagename, code) for code in codes}
    tags = []
    if all(ABSOLUTE.match(url) for url in urls.values()):
        # Search engines (and Lighthouse's audit) take hreflang only with a fully
        # qualified URL; without html_baseurl the visible switch still links the
        # sibling build.
        tags += [
            f'<link rel="alternate" hreflang="{bcp47(code)}" href="{_attr(urls[code])}">'
            for code in codes
        ]
        tags.append(f'<link rel="alternate" hreflang="x-default" href="{_attr(urls[codes[0]])}">')
    tags.append(f'<meta property="og:locale" content="{og_locale(own)}">')
    tags += [
        f'<meta property="og:locale:alternate" content="{og_locale(code)}">'
        for code in codes
        if code != own
    ]
    add_to_head(context, "\n" + "\n".join(tags))
    page = {"@context": "https://schema.org", "@type": "WebPage", "inLanguage": bcp47(own)}
    title = context.get("title")
    if title:
        page["name"] = _plain(title)
    if app.config.html_baseurl:
        page["url"] = urls[own]
    add_json_ld(context, page)
    # The switch's look, also on pages with nothing else of ours (Sphinx adds a
    # stylesheet once, however often it is asked).
    app.add_css_file(STYLESHEET)
    if "body" in context:
        context["body"] = switch(urls, own) + context["body"]
        return None
    # Search, the general index, a domain index: their template writes the content.
    context["portfolio_language_switch"] = Markup(switch(urls, own))
    context["portfolio_page_template"] = templatename
    context["portfolio_switch_block"] = content_block(app)
    return WRAPPER


def content_block(app: Sphinx) -> str:
    """The template block a page's content is written in: "content" in Furo (and
    themes built on it), "body" in the themes built on Sphinx's basic theme."""
    theme = getattr(app.builder, "theme", None)
    names = [getattr(theme, "name", "")]
    if hasattr(theme, "get_theme_dirs"):
        names += [Path(folder).name for folder in theme.get_theme_dirs()]
    return "content" if "furo" in names else "body"


def add_templates(app: Sphinx, config: Any) -> None:
    """Our templates folder, after the site's own (a site's template of the same
    name wins)."""
    if languages(config) and str(TEMPLATES) not in map(str, config.templates_path):
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


def switch(urls: dict[str, str], own: str) -> str:
    """The visible switch: a link per other language, named in that language."""
    links = "".join(
        f'<li><a href="{_attr(url)}" hreflang="{bcp47(code)}" lang="{bcp47(code)}">'
        f"{_text(own_name(code))}</a></li>"
        for code, url in urls.items()
        if code != own
    )
    label = _text(str(_("Languages")))
    return (
        f'<nav class="portfolio-languages" aria-label="{label}">'
        f'<ul class="portfolio-languages-list">{links}</ul></nav>\n'
    )


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;")


def _plain(title: str) -> str:
    """A page title as Sphinx gives it to templates (HTML) -> its text."""
    text = re.sub(r"<[^>]*>", "", str(title))
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


# -- the sitemap -------------------------------------------------------------------------


def sitemap_alternates(app: Sphinx, exception: Exception | None) -> None:
    """Each ``<url>`` of sphinx-sitemap's sitemap.xml gets an ``xhtml:link`` per language
    (the page's own included, as search engines ask)."""
    if exception is not None or app.builder.format != "html":
        return
    codes = languages(app.config)
    path = Path(app.builder.outdir) / "sitemap.xml"
    if not codes or not path.is_file():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.parse(path)
    pages = {app.builder.get_target_uri(name): name for name in app.env.found_docs}
    base = app.config.html_baseurl.rstrip("/") + "/"
    for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        if loc is None or not (loc.text or "").startswith(base):
            continue
        uri = loc.text[len(base) :]
        pagename = pages.get(uri) or generated_page(app, uri)
        # sphinx-sitemap's own alternates (from locale_dirs) assume one URL scheme for
        # every language; ours follow the layout the pages link.
        for old in url.findall(f"{{{XHTML_NS}}}link"):
            url.remove(old)
        for code in codes:
            link = ElementTree.SubElement(url, f"{{{XHTML_NS}}}link")
            link.set("rel", "alternate")
            link.set("hreflang", bcp47(code))
            link.set("href", page_url(app, pagename, code))
    tree.write(path, encoding="utf-8", xml_declaration=True)


def generated_page(app: Sphinx, uri: str) -> str:
    """The page name of a page no source file has (the impact index): its URI back."""
    suffix = getattr(app.builder, "link_suffix", ".html")
    if suffix and uri.endswith(suffix):
        return uri[: -len(suffix)]
    return uri.rstrip("/") or "index"  # dirhtml: "page/" is "page", "" is the root


def setup_languages(app: Sphinx) -> None:
    app.connect("config-inited", check_languages)
    app.connect("config-inited", add_templates)
    app.connect("html-page-context", add_alternates, priority=LANGUAGE_LINKS)
    app.connect("build-finished", sitemap_alternates, priority=SITEMAP_ALTERNATES)
