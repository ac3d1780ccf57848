"""Tailored builds: ``sphinx-build -t ads`` keeps only the cards and bullets tagged ``ads``.

Cards carry ``:tags:``; a bullet is tagged with the ``{tagged}`ads, ranking``` role
anywhere in its text. A tag given with ``-t`` selects content only if some card or
bullet of the site uses it, so unrelated tags (``-t draft``) change nothing.
Untagged content is always kept. The selection is applied when pages are written,
so the same environment serves every variant, and exporters ask the domain.
What it prunes is recognised by its own base classes (:class:`tagged_card`,
:class:`badge_row`), so this module imports neither cards nor badges.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxRole

from ..core.base import nearest, warn
from ..core.order import BULLET_TAGS, SELECTION
from ..core.text import split_list


class bullet_tags(nodes.Invisible, nodes.Inline, nodes.Element):
    """Marker left by the role; moved onto its list item and removed while reading."""


class tagged_card(nodes.General, nodes.Element):
    """A block kept or dropped whole by its ``tags`` (``experience.experience_card``).

    A base class, so that the selection is applied here without knowing the
    modules whose nodes it prunes."""


class badge_row(nodes.General, nodes.Element):
    """A row of copied badges (``experience.experience_summary``): a tailored build
    keeps the copies whose ``portfolio_tags`` it selects, and the row only if any."""


class TaggedRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        tags = tuple(tag.lower() for tag in split_list(self.text))
        if not tags:
            warn("tagged: no tags given", self.get_location(), "tags")
            return [], []
        marker = bullet_tags(tags=tags)
        self.set_source_info(marker)
        return [marker], []


def apply_bullet_tags(root: nodes.Node) -> set[str]:
    """Move each marker's tags onto its list item; return every tag seen."""
    seen: set[str] = set()
    for marker in list(root.findall(bullet_tags)):
        item = nearest(marker, nodes.list_item)
        if item is None:
            warn("tagged: tags apply to a bullet point; put the role inside one", marker, "tags")
        else:
            item["portfolio_tags"] = sorted({*item.get("portfolio_tags", ()), *marker["tags"]})
            seen.update(marker["tags"])
        marker.parent.remove(marker)
    return seen


def enclosing_tags(node: nodes.Node) -> tuple[str, ...]:
    """Tags of every bullet around ``node``: a sub-bullet goes when its bullet goes."""
    tags: set[str] = set()
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.list_item):
            tags.update(parent.get("portfolio_tags", ()))
        parent = parent.parent
    return tuple(sorted(tags))


class CollectBulletTags(SphinxTransform):
    """Tagged bullets outside cards (cards handle their own while parsing)."""

    default_priority = BULLET_TAGS

    def apply(self, **kwargs: Any) -> None:
        seen = apply_bullet_tags(self.document)
        if seen:
            self.env.get_domain("portfolio").note_tags(self.env.docname, seen)


def user_tags(app: Sphinx) -> set[str]:
    """Tags given with -t (or in conf.py), not the ones Sphinx adds for the builder."""
    builder = app.builder
    automatic = {
        builder.format,
        builder.name,
        f"format_{builder.format}",
        f"builder_{builder.name}",
    }
    return {tag for tag in app.tags if tag not in automatic}


def settle_selection(app: Sphinx, env: Any) -> None:
    """Once every page is read, the site's tags are known: fix the selection."""
    env.get_domain("portfolio").settle_selection(user_tags(app))


def drop_unselected(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Remove cards and bullets whose tags miss the selection, before writing."""
    remove_unselected(doctree, app.env.get_domain("portfolio"))


def remove_unselected(doctree: nodes.Element, domain: Any) -> None:
    """The tree as the build shows it: cards, bullets and summary-row badges whose
    tags miss the selection are gone (also for what reads a stored doctree: search)."""
    for node in list(doctree.findall(tagged_card)) + list(doctree.findall(nodes.list_item)):
        tags = node.get("tags") if isinstance(node, tagged_card) else None
        tags = tags if tags is not None else node.get("portfolio_tags", ())
        if not domain.selected(tags) and node.parent is not None:
            node.parent.remove(node)
    for row in list(doctree.findall(badge_row)):
        keep_selected_copies(row, domain)


def keep_selected_copies(summary: nodes.Element, domain: Any) -> None:
    """A card's summary row shows only the badges of the bullets that stay."""
    # The row holds badges and the spaces between them (experience.ExperienceCard.fill).
    kept = [
        badge
        for badge in summary.children
        if isinstance(badge, nodes.Element) and domain.selected(badge.get("portfolio_tags", ()))
    ]
    if not kept:
        summary.parent.remove(summary)
        return
    spaced: list[nodes.Node] = []
    for badge in kept:
        spaced += [badge, nodes.Text(" ")]
    summary.children = []
    summary.extend(spaced[:-1])


def setup_tailor(app: Sphinx) -> None:
    app.add_node(bullet_tags)
    app.add_role("tagged", TaggedRole())
    app.add_transform(CollectBulletTags)
    app.connect("env-updated", settle_selection, priority=SELECTION)
    app.connect("doctree-resolved", drop_unselected, priority=SELECTION)
