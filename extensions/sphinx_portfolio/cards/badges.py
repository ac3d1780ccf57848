"""metric-badge: a directive and an inline role that turn a figure into data.

The doctree keeps one ``metric_badge`` node holding the parsed fields; each
builder renders it: HTML as the ``data-metric-*`` contract, LaTeX with an arrow
(the ``sphinxportfoliobadge`` macro of the PDF CV's style file), plain text builders
as the words written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxRole

from ..core.base import has_ancestor, ignore, nearest, warn
from ..core.directive import LenientOptions, PortfolioDirective, choice
from ..core.domain import PortfolioDomain
from ..core.entries import MetricEntry, documents_in_reading_order
from ..core.metrics import Metric, MetricError, parse_metric, plain_number
from ..core.order import RECORD_BADGES
from ..core.text import (
    ISO_DATE,
    N_,
    UNINDEXED,
    is_safe_url,
    looks_like_html,
    slugify,
    split_explicit,
)
from ..core.words import _, decimal_separator
from .tailor import enclosing_tags, tagged_card

CARD_CONTEXT = "portfolio:card"
FACT_OPTIONS = ("baseline", "window", "method", "as-of", "evidence")
ROLE_OPTIONS = ("better", "name", *FACT_OPTIONS)
DIRECTIONS = ("up", "down", "flat", "none")  # what the LaTeX macro draws
SENTIMENTS = ("good", "bad", "neutral")


#: How a fact about a figure is named in a tooltip ("method: A/B test").
FACT_NAMES = {
    "method": N_("method"),
    "window": N_("window"),
    "baseline": N_("baseline"),
    "as-of": N_("as-of"),
    "evidence": N_("evidence"),
}


def spoken(metric: Mapping[str, Any], language: str | None) -> str:
    """The accessible name of a badge, read from its stored fields at write time."""
    fields = {key: metric[key] for key in Metric.__dataclass_fields__ if key in metric}
    return Metric(**fields).spoken(_, decimal_separator(language))


def fact_name(key: str) -> str:
    return _(FACT_NAMES[key]) if key in FACT_NAMES else key


class metric_badge(nodes.Inline, nodes.TextElement):
    """A quantified result; its text child is the figure as written."""


def badge_node(metric: Metric, shown: str, facts: dict | None = None) -> metric_badge:
    """Build the node every builder renders; ``shown`` is the visible text."""
    node = metric_badge(shown, shown)
    node["metric"] = metric.as_dict()
    node["arrow"] = metric.arrow
    node["facts"] = dict(facts or {})
    return node


def copy_badge(node: metric_badge) -> metric_badge:
    """A second rendering of a badge (summary row): no id, and not recorded again.

    HTML draws it as a visual repeat only (``visit_repeat_html``): the bullet's
    badge is the one readers hear and tools read."""
    clone = node.deepcopy()
    clone["ids"] = []
    clone["repeat"] = True
    clone.attributes.pop("record", None)
    return clone


class RecordBadges(SphinxTransform):
    """Give each badge its id and store it in the domain, once the page is parsed.

    Done here, not in the role: substitutions are expanded by now (a badge in a
    ``|sub|`` is recorded where it is used, not where it is defined), and the
    card and bullet around a badge are read from the tree itself.
    """

    default_priority = RECORD_BADGES

    def apply(self, **kwargs: Any) -> None:
        domain: PortfolioDomain = self.env.get_domain("portfolio")
        for node in list(self.document.findall(metric_badge)):
            record = node.attributes.pop("record", None)
            if record is None or has_ancestor(node, nodes.substitution_definition):
                continue
            domain.note_metric(self.entry(node, record))

    def entry(self, node: metric_badge, record: dict[str, Any]) -> MetricEntry:
        env = self.env
        order = env.new_serialno("portfolio-metric")
        anchor = f"metric-{slugify(node['metric']['label']) or 'figure'}-{order}"
        key = f"{env.docname}#{anchor}"
        title = nearest(node, nodes.title)
        if title is not None and title.parent["ids"]:
            # Titles are copied into tables of contents: link to the section instead.
            anchor = title.parent["ids"][0]
        else:
            node["ids"] = [anchor]
        card = nearest(node, tagged_card)  # the experience card around it, if any
        name = record["name"]
        return MetricEntry(
            key=key,
            docname=env.docname,
            lineno=record["lineno"],
            anchor=anchor,
            card=card.get("portfolio_name", "") if card is not None else "",
            text=node.astext(),
            metric=node["metric"],
            facts=node["facts"],
            order=order,
            name=name,
            tags=tuple(card.get("tags", ())) if card is not None else (),
            bullet_tags=enclosing_tags(node),
        )


def warn_duplicate_names(app: Sphinx, env: Any) -> None:
    """Once every page is read (serial, parallel or incremental alike): a name twice
    is a located warning at each later use, in reading order."""
    domain: PortfolioDomain = env.get_domain("portfolio")
    first: dict[str, MetricEntry] = {}
    for metric in domain.metrics_in_order(documents_in_reading_order(env)):
        if not metric.name:
            continue
        if metric.name in first:
            other = first[metric.name].docname
            warn(
                f"metric-badge: duplicate name {metric.name!r}, other instance in {other}",
                (metric.docname, metric.lineno),
                "duplicate",
            )
        else:
            first[metric.name] = metric


def parse_or_warn(env: Any, spec: str, better: str | None, location: Any) -> Metric | None:
    try:
        return parse_metric(spec, better=better, polarity=env.config.portfolio_metric_polarity)
    except MetricError as error:
        warn(f"metric-badge: {error}", location, "metric")
        return None


class MetricBadgeRole(SphinxRole):
    """An inline badge: ``+2.6% CTR``; ``shown words <metric>`` keeps prose as written;
    ``… | method: A/B test; window: 28 days`` adds options and facts after a bar."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        location = self.get_location()
        text, _, extra = self.text.partition(" | ")
        shown, spec = split_explicit(text)
        if looks_like_html(self.text) and not is_explicit_figure(shown, spec, extra):
            warn("metric-badge: HTML in a metric is shown as plain text", location, "html")
            return [invalid(nodes.inline, self.text)], []
        options = parse_role_options(extra, location)
        node = make_badge(self.env, spec, shown, options, location, self.lineno)
        return [node or invalid(nodes.inline, shown)], []


def is_explicit_figure(shown: str, spec: str, extra: str) -> bool:
    """``shown <six-figures savings>``: a target in angle brackets that reads as a
    figure is not an HTML tag, though it may start with a letter."""
    if shown == spec or looks_like_html(shown) or looks_like_html(extra):
        return False
    try:
        parse_metric(spec)
    except MetricError:
        return False
    return True


def parse_role_options(text: str, location: Any) -> dict[str, str]:
    """'method: A/B test; window: 28 days' -> {'method': ..., 'window': ...}."""
    options = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, sep, value = part.partition(":")
        key = key.strip().lower()
        if not sep or key not in ROLE_OPTIONS:
            allowed = ", ".join(ROLE_OPTIONS)
            warn(f"metric-badge: unknown option {key!r} (allowed: {allowed})", location, "option")
            continue
        options[key] = value.strip()
    return options


def make_badge(env, spec, shown, options, location, lineno) -> metric_badge | None:
    """Parse and check the facts; None (after a warning) if unreadable."""
    better = options.get("better") or None
    if better not in (None, "higher", "lower"):
        warn(f"metric-badge: better must be higher or lower, not {better!r}", location, "option")
        better = None
    metric = parse_or_warn(env, spec, better, location)
    if metric is None:
        return None
    facts = checked_facts(options, location)
    node = badge_node(metric, shown, facts=facts)
    # RecordBadges stores it once the page is parsed.
    node["record"] = {
        "lineno": lineno,
        "name": nodes.fully_normalize_name(options.get("name") or ""),
    }
    return node


def checked_facts(options: dict[str, str], location: Any) -> dict[str, str]:
    """The facts given about a figure, each checked for its form."""
    facts = {key: " ".join(options[key].split()) for key in FACT_OPTIONS if options.get(key)}
    as_of = facts.get("as-of")
    if as_of and not ISO_DATE.match(as_of):
        warn(
            f"metric-badge: as-of {as_of!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            location,
            "fact",
        )
        del facts["as-of"]
    if is_link_but_unsafe(facts.get("evidence", "")):
        warn(
            f"metric-badge: evidence {facts['evidence']!r} is not an http(s) URL",
            location,
            "evidence",
        )
        del facts["evidence"]
    return facts


def is_link_but_unsafe(evidence: str) -> bool:
    """Evidence that is written as a link must be an http(s) one; keys and labels pass."""
    scheme = evidence.split(":", 1)[0].strip().lower()
    looks_like_link = "://" in evidence or scheme in ("javascript", "data", "vbscript", "file")
    return looks_like_link and not is_safe_url(evidence)


def invalid(node_class: type[nodes.TextElement], text: str) -> nodes.TextElement:
    """What could not be read stays on the page as plain, escaped text."""
    return node_class(text, text, classes=["portfolio-metric-invalid"])


class MetricBadgeDirective(PortfolioDirective):
    """A block badge with optional facts about the figure."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec = LenientOptions(
        {
            "better": choice(("higher", "lower")),
            "name": directives.unchanged_required,
            "text": directives.unchanged,
            **{fact: directives.unchanged for fact in FACT_OPTIONS},
        }
    )

    def run(self) -> list[nodes.Node]:
        options = self.checked_options()
        spec = self.arguments[0]
        shown = options.get("text") or " ".join(spec.split())
        if looks_like_html(spec):
            self.warn("HTML in a metric is shown as plain text", "html")
            return [invalid(nodes.paragraph, shown)]
        node = make_badge(self.env, spec, shown, options, self.get_location(), self.lineno)
        if node is None:
            return [invalid(nodes.paragraph, shown)]
        self.set_source_info(node)
        return [nodes.paragraph("", "", node, classes=["portfolio-metric-block"])]


# -- builders -----------------------------------------------------------------


def visit_badge_html(self: Any, node: metric_badge) -> None:
    if node.get("repeat"):
        visit_repeat_html(self, node)
        return
    metric = node["metric"]
    attributes = {
        "class": "portfolio-metric",
        "role": "img",
        "aria-label": spoken(metric, self.config.language),
        "title": badge_title(node, self.config.language),
        "data-metric-value": plain_number(metric["value"]),
        "data-metric-unit": metric["unit"],
        "data-metric-label": metric["label"],
        "data-metric-direction": metric["direction"],
        "data-metric-sentiment": metric["sentiment"],
    }
    # starttag escapes every attribute value; the text child is escaped by visit_Text.
    self.body.append(self.starttag(node, "span", "", **attributes))
    # No glyph in titles: Sphinx also renders them as the page's <title> text.
    if node["arrow"] and not has_ancestor(node, nodes.title):
        append_arrow(self, node)


def visit_repeat_html(self: Any, node: metric_badge) -> None:
    """A summary row's copy: the look of the badge without its contract.

    The row is hidden from screen readers and search (its badges are the
    bullets' again), so the copy carries no name, tooltip or data-metric-*
    attributes: tools that count ``[data-metric-value]`` count each figure
    once, and the page is lighter. Its sentiment is a class, for the colour."""
    classes = ["portfolio-metric"]
    sentiment = node["metric"]["sentiment"]
    if node["arrow"] and sentiment in ("good", "bad"):
        classes.append(f"portfolio-metric-{sentiment}")
    self.body.append(f'<span class="{" ".join(classes)}">')
    if node["arrow"]:
        append_arrow(self, node)


def append_arrow(self: Any, node: metric_badge) -> None:
    self.body.append(
        f'<span class="portfolio-metric-arrow {" ".join(UNINDEXED)}" aria-hidden="true">'
        f"{node['arrow']}</span>"
    )


def depart_badge_html(self: Any, node: metric_badge) -> None:
    self.body.append("</span>")


def badge_title(node: metric_badge, language: str | None = None) -> str:
    """The tooltip: the spoken form, then any facts given about the figure.
    Worded here, at write time, in the build's language."""
    parts = [spoken(node["metric"], language)]
    parts += [f"{fact_name(key)}: {value}" for key, value in node["facts"].items()]
    return "; ".join(parts)


def visit_badge_latex(self: Any, node: metric_badge) -> None:
    metric = node["metric"]
    direction = metric.get("direction") if metric.get("direction") in DIRECTIONS else "none"
    sentiment = metric.get("sentiment") if metric.get("sentiment") in SENTIMENTS else "neutral"
    self.body.append(rf"\sphinxportfoliobadge{{{direction}}}{{{sentiment}}}{{")


def depart_badge_latex(self: Any, node: metric_badge) -> None:
    self.body.append("}")


def setup_badges(app: Sphinx) -> None:
    passthrough = (ignore, ignore)  # text builders: the figure as written reads well
    app.add_node(
        metric_badge,
        html=(visit_badge_html, depart_badge_html),
        latex=(visit_badge_latex, depart_badge_latex),
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    app.add_role("metric-badge", MetricBadgeRole())
    app.add_transform(RecordBadges)
    app.connect("env-check-consistency", warn_duplicate_names)
    app.add_directive("metric-badge", MetricBadgeDirective)
