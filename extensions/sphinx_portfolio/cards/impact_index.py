"""The impact index: every figure of the site, grouped by label, as a domain index.

Sphinx generates the page (``portfolio-impact``, linkable with
``{ref}`portfolio-impact```) like genindex. For HTML the page body is a real table
per label, built from doctree nodes so badges and links render as everywhere else:
readable with no JavaScript, and sortable by size with a small script that only this
page loads. Other builders get Sphinx's standard rendering of the index.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from docutils import nodes
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.domains import Index, IndexEntry

from ..core import compat
from ..core.domain import label_anchor
from ..core.entries import MetricEntry, documents_in_reading_order
from ..core.head import add_to_head
from ..core.metrics import written_value
from ..core.version import package_stamp
from ..core.words import _, separators, words_stamp
from .evidence import evidence_link, resolve
from .impact import rebuilt_badge

PAGE = "portfolio-impact"
BASE_COLUMNS = (_("Figure"), _("Value"), _("Role"))
FACT_COLUMNS = {
    "method": _("Method"),
    "window": _("Window"),
    "baseline": _("Baseline"),
    "as-of": _("As of"),
    "evidence": _("Evidence"),
}


class ImpactIndex(Index):
    name = "impact"
    localname = _("Impact index")
    shortname = "impact"

    def generate(self, docnames=None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        env = self.domain.env
        content = []
        for label, metrics in grouped_by_label(env):
            entries = [
                IndexEntry(m.text, 0, m.docname, m.anchor, card_title(env, m), "", facts_text(m))
                for m in metrics
                if docnames is None or m.docname in docnames
            ]
            if entries:
                content.append((label, entries))
        return content, False


def grouped_by_label(env: Any) -> list[tuple[str, list[MetricEntry]]]:
    """Labels in alphabetical order, each with its figures, largest first."""
    domain = env.get_domain("portfolio")
    groups: dict[str, list[MetricEntry]] = {}
    for metric in domain.selected_metrics(documents_in_reading_order(env)):
        groups.setdefault(metric.metric["label"], []).append(metric)
    return [
        (label, sorted(groups[label], key=size_key))
        for label in sorted(groups, key=lambda label: (label.lower(), label))
    ]


def size_key(metric: MetricEntry) -> tuple[int, float]:
    """Largest magnitude first; figures without a number last, in reading order."""
    value = metric.metric["value"]
    return (1, 0.0) if value is None else (0, -abs(value))


def card_title(env: Any, metric: MetricEntry) -> str:
    card = env.get_domain("portfolio").cards.get(metric.card)
    return f"{card.title}, {card.org}" if card else ""


def facts_text(metric: MetricEntry) -> str:
    return "; ".join(f"{key}: {value}" for key, value in metric.facts.items())


# -- the HTML page ----------------------------------------------------------------


def index_doctree(env: Any, builder: Any) -> nodes.Element:
    """The page's frame: title, introduction and a section per label. Each table is
    a raw HTML node (see label_table), so the frame stays a few dozen nodes."""
    root = nodes.section(ids=["impact-index"])
    title = _("Impact index")
    root += nodes.title(title, title)
    root += nodes.paragraph(
        "",
        _(
            "Every figure on this site, grouped by what it measures. Each row links to "
            "the card it comes from; a table lists the largest values first and figures "
            "without a number last, and the Value header reverses the order."
        ),
    )
    groups = grouped_by_label(env)
    # A column per fact that some figure of the site has: no empty columns.
    facts = [key for key in FACT_COLUMNS if any(key in m.facts for _, ms in groups for m in ms)]
    cells = CellRenderer(env, builder)
    for label, metrics in groups:
        section = nodes.section(ids=[label_anchor(label)])
        section += nodes.title(label, label)
        section += nodes.raw("", label_table(cells, metrics, facts), format="html")
        root += section
    return root


def label_table(cells: CellRenderer, metrics: list[MetricEntry], facts: list[str]) -> str:
    """One label's table, written as the HTML writer writes a docutils table.

    Thousands of rows as docutils nodes, transformed and translated, cost about a
    millisecond a figure; each row here is a string, and only its badge and its
    evidence link go through the HTML translator, as on every other page.
    """
    columns = [*BASE_COLUMNS, *(FACT_COLUMNS[key] for key in facts)]
    # The same columns, in the same widths, in every table of the page (CSS: a fixed
    # layout at full width); the Value column right-aligned, as numbers are.
    cols = "".join(f'<col class="portfolio-col-{name}" />' for name in column_names(facts))
    head = "\n".join(
        f'<th class="head{NUMBER_CLASS if column == 1 else ""}"'
        f"{SORTED if column == 1 else ''}><p>{cells.text(name)}</p></th>"
        for column, name in enumerate(columns)
    )
    rows = []
    for number, metric in enumerate(metrics):
        row = cells.row(metric, facts)
        value = NUMBER_CLASS + (
            "" if metric.metric["value"] is not None else " portfolio-no-number"
        )
        row[1] = f'<td class="{value.strip()}"><p>{row[1]}</p></td>'
        rows.append(
            f'<tr class="row-{"odd" if number % 2 else "even"}">'
            + "\n".join(cell if i == 1 else f"<td><p>{cell}</p></td>" for i, cell in enumerate(row))
            + "\n</tr>\n"
        )
    return (
        '<div class="portfolio-table-wrap"><table class="portfolio-index-table'
        f'{" portfolio-wide" if facts else ""} docutils align-default">\n'
        f"<colgroup>{cols}</colgroup>\n"
        f'<thead>\n<tr class="row-odd">{head}\n</tr>\n</thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table></div>\n"
    )


NUMBER_CLASS = " portfolio-number"
SORTED = ' aria-sort="descending"'  # as written: largest first, figures without a number last


def column_names(facts: list[str]) -> list[str]:
    return ["figure", "value", "role", *facts]


class CellRenderer:
    """The cells of a figure's row as HTML, escaped as the HTML translator escapes."""

    def __init__(self, env: Any, builder: Any) -> None:
        self.env = env
        self.builder = builder
        self.document = new_document("<impact index>", builder.docsettings)
        self.translator = builder.create_translator(self.document, builder)
        self.uris: dict[str, str] = {}  # docname -> its URI from this page

    def text(self, value: str) -> str:
        return self.translator.encode(value)

    def inline(self, node: nodes.Node) -> str:
        """An inline node through the HTML translator, inside a paragraph as on a page."""
        paragraph = nodes.paragraph("", "", node)
        self.document += paragraph
        body = self.translator.body
        start = len(body)
        paragraph.walkabout(self.translator)
        html = "".join(body[start:]).removeprefix("<p>").removesuffix("</p>\n")
        del body[start:]
        self.document.remove(paragraph)
        return html

    def link(self, docname: str, anchor: str, content: str, title: str = "") -> str:
        if docname not in self.uris:
            self.uris[docname] = self.builder.get_relative_uri(PAGE, docname)
        uri = self.uris[docname] + (f"#{anchor}" if anchor else "")
        title_attr = f' title="{self.text(title)}"' if title else ""
        return f'<a class="reference internal" href="{self.text(uri)}"{title_attr}>{content}</a>'

    def row(self, metric: MetricEntry, facts: list[str]) -> list[str]:
        card = self.env.get_domain("portfolio").cards.get(metric.card)
        badge = self.link(metric.docname, metric.anchor, self.inline(rebuilt_badge(metric)))
        role = ""
        if card is not None:
            title = card_title(self.env, metric)
            role = self.link(card.docname, card.anchor, self.text(title), title)
        value = written_value(metric.metric, *separators(self.env.config.language), gettext=_)
        return [badge, self.text(value), role, *(self.fact(metric, key) for key in facts)]

    def fact(self, metric: MetricEntry, key: str) -> str:
        value = metric.facts.get(key, "")
        link = evidence_link(self.env, self.builder, PAGE, value) if key == "evidence" else None
        return self.text(value) if link is None else self.inline(link)


def render_index_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """Swap the generic domainindex template for the table, in HTML builders."""
    if pagename != PAGE or not hasattr(app.builder, "render_partial"):
        return None
    context["body"] = cached_body(app)
    context["title"] = ImpactIndex.localname
    add_to_head(context, meta_tags(app))
    app.add_js_file("impact-index.js")
    return "page.html"


def meta_tags(app: Sphinx) -> str:
    """A description for search engines and, where the site uses sphinxext-opengraph,
    the OpenGraph tags it writes on every other page (it skips generated pages)."""
    labels = [label for label, _ in grouped_by_label(app.env)]
    description = describe(labels)
    tags = [("name", "description", description)]
    config = app.config
    if "sphinxext.opengraph" in app.extensions:
        site_name = getattr(config, "ogp_site_name", None) or config.project
        url = urljoin(getattr(config, "ogp_site_url", "") or "", app.builder.get_target_uri(PAGE))
        tags += [
            ("property", "og:title", ImpactIndex.localname),
            ("property", "og:type", "website"),
            ("property", "og:url", url),
            ("property", "og:site_name", site_name),
            ("property", "og:description", description),
        ]
    lines = [f'<meta {kind}="{key}" content="{html.escape(text)}" />' for kind, key, text in tags]
    if "sphinxext.opengraph" in app.extensions:
        lines += list(getattr(config, "ogp_custom_meta_tags", ()) or ())
    return "".join(f"\n{line}" for line in lines)


def describe(labels: list[str], limit: int = 160) -> str:
    """The page in a sentence of at most about ``limit`` characters, as search engines
    show them: as many labels as fit, whole, then how many more there are."""
    if not labels:
        return _("Every figure on this site, grouped by what it measures.")
    every = _("Every figure on this site, grouped by what it measures: {labels}.")
    some = _("Every figure on this site, grouped by what it measures: {labels} and {more} more.")
    text = every.format(labels=", ".join(labels))
    shown = len(labels)
    while len(text) > limit and shown > 1:
        shown -= 1
        more = len(labels) - shown
        text = some.format(labels=", ".join(labels[:shown]), more=more)
    return text


def cached_body(app: Sphinx) -> str:
    """The page's HTML, rendered again only when what it shows has changed.

    Sphinx writes domain indices on every build; rendering thousands of rows
    is the largest cost this extension adds to a rebuild after a one-page edit.
    The cache lives beside the doctrees, so it goes when they go.
    """
    path = Path(app.doctreedir) / f"portfolio-impact.{app.builder.name}.json"
    key = cache_key(app)
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached["key"] == key:
            return cached["body"]
    except (OSError, ValueError, KeyError, TypeError):  # none, damaged, or not a dict
        pass
    body = compat.render_fragment(app.builder, index_doctree(app.env, app.builder))
    path.write_text(json.dumps({"key": key, "body": body}), encoding="utf-8")
    return body


def cache_key(app: Sphinx) -> str:
    """Everything the rendered table depends on: data, evidence targets, the
    extension's code and version, the build's language, the builder and how it
    spells links (``html_link_suffix``, dirhtml's folders)."""
    env = app.env
    domain = env.get_domain("portfolio")
    evidence = sorted(
        (m.key, resolve(env, m.facts["evidence"]))
        for m in domain.metrics.values()
        if "evidence" in m.facts
    )
    words = words_stamp(app.config.language)  # the page is in the build's language
    links = app.builder.get_relative_uri(PAGE, "a/page")
    payload = json.dumps(
        [domain.digest(), evidence, package_stamp(), app.builder.name, words, links], default=list
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def setup_impact_index(app: Sphinx) -> None:
    app.add_index_to_domain("portfolio", ImpactIndex)
    app.connect("html-page-context", render_index_page)
