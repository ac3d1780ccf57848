"""impact-summary: every badge of the site, grouped by card, each linking back.

The directive leaves a placeholder; ``doctree-resolved`` fills it from the
domain, so it sees badges of every page. Unlike ``todolist``, a summary page
never goes stale: ``env-updated`` returns the collector pages whenever the
data they show has changed, so Sphinx writes them again.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from ..core.directive import LenientOptions, PortfolioDirective
from ..core.domain import PortfolioDomain
from ..core.entries import CardEntry, MetricEntry, documents_in_reading_order
from ..core.metrics import Metric
from ..core.words import _
from .badges import badge_node

DIGEST_KEY = "impact-digest"


class impact_summary(nodes.General, nodes.Element):
    """Placeholder replaced once every page has been read."""


class ImpactSummary(PortfolioDirective):
    has_content = False
    option_spec = LenientOptions()

    def run(self) -> list[nodes.Node]:
        self.checked_options()
        domain: PortfolioDomain = self.env.get_domain("portfolio")
        domain.note_collector(self.env.docname)
        node = impact_summary("")
        self.set_source_info(node)
        return [node]


def fill_summaries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    summaries = list(doctree.findall(impact_summary))
    if not summaries:
        return
    env = app.env
    groups = grouped_metrics(env)
    for summary in summaries:
        summary.replace_self(summary_list(app.builder, docname, groups))


def grouped_metrics(env: BuildEnvironment) -> list[tuple[CardEntry | None, list[MetricEntry]]]:
    """Cards in reading order with their metrics; loose metrics last, under None."""
    domain: PortfolioDomain = env.get_domain("portfolio")
    order = documents_in_reading_order(env)
    metrics = domain.selected_metrics(order)
    by_card: dict[str, list[MetricEntry]] = {}
    for metric in metrics:
        by_card.setdefault(metric.card, []).append(metric)
    groups: list[tuple[CardEntry | None, list[MetricEntry]]] = [
        (card, by_card[card.name]) for card in domain.selected_cards(order) if card.name in by_card
    ]
    loose = [metric for metric in metrics if metric.card not in domain.cards]
    if loose:
        groups.append((None, loose))
    return groups


def summary_list(builder: Any, fromdoc: str, groups: list) -> nodes.Element:
    if not groups:
        empty = _("No metric badges yet.")
        return nodes.paragraph("", empty, classes=["portfolio-impact-empty"])
    items = nodes.bullet_list(classes=["portfolio-impact"])
    for card, metrics in groups:
        items += group_item(builder, fromdoc, card, metrics)
    return items


def group_item(builder: Any, fromdoc: str, card: CardEntry | None, metrics: list) -> nodes.Node:
    heading = nodes.paragraph(classes=["portfolio-impact-role"])
    if card is None:
        elsewhere = _("Elsewhere on the site")
        heading += nodes.strong(elsewhere, elsewhere)
    else:
        label = f"{card.title}, {card.org}" if card.org else card.title
        heading += make_refnode(
            builder, fromdoc, card.docname, card.anchor, nodes.strong(label, label), label
        )
    row = nodes.paragraph(classes=["portfolio-impact-badges"])
    for index, metric in enumerate(metrics):
        if index:
            row += nodes.Text(" ")
        target = card.anchor if card else metric.anchor
        docname = card.docname if card else metric.docname
        row += make_refnode(builder, fromdoc, docname, target, rebuilt_badge(metric))
    return nodes.list_item("", heading, row)


def rebuilt_badge(entry: MetricEntry) -> nodes.Node:
    """A fresh badge node from stored fields: the summary shows the same contract."""
    fields = {key: entry.metric[key] for key in Metric.__dataclass_fields__ if key in entry.metric}
    return badge_node(Metric(**fields), entry.text, facts=entry.facts)


def refresh_collectors(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Collector pages to write again because the data they show has changed."""
    domain: PortfolioDomain = env.get_domain("portfolio")
    order = documents_in_reading_order(env)
    digest = domain.digest() + str(sorted(order.items()))
    if domain.data[DIGEST_KEY] == digest:
        return []
    domain.data[DIGEST_KEY] = digest
    return sorted(domain.collectors)


def setup_impact(app: Sphinx) -> None:
    app.add_node(impact_summary)
    app.add_directive("impact-summary", ImpactSummary)
    app.connect("doctree-resolved", fill_summaries)
    app.connect("env-updated", refresh_collectors)
