"""What the ``portfolio`` domain stores: one picklable NamedTuple per kind of object.

Also the order they are read in (pages in toctree order), which every list of
cards or figures follows. The domain itself (storing, merging, resolving) is in
:mod:`domain`.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class CardEntry(NamedTuple):
    name: str
    docname: str
    lineno: int
    anchor: str
    title: str
    org: str
    period: str = ""
    location: str = ""
    kind: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    highlights: tuple[str, ...] = ()
    order: int = 0
    highlight_tags: tuple[tuple[str, ...], ...] = ()
    # (key, text) of the card's paragraphs of class portfolio-<key>, for the export
    texts: tuple[tuple[str, str], ...] = ()


class MetricEntry(NamedTuple):
    key: str
    docname: str
    lineno: int
    anchor: str
    card: str
    text: str
    metric: dict[str, Any]
    facts: dict[str, str]
    order: int = 0
    name: str = ""
    tags: tuple[str, ...] = ()
    bullet_tags: tuple[str, ...] = ()


class ObjectEntry(NamedTuple):
    objtype: str
    name: str
    dispname: str
    docname: str
    anchor: str
    lineno: int | None = None


def documents_in_reading_order(env: Any) -> dict[str, int]:
    """Map each docname to its position in a depth-first walk of the toctree."""
    order: dict[str, int] = {}

    def walk(docname: str) -> None:
        if docname in order:
            return
        order[docname] = len(order)
        for child in env.toctree_includes.get(docname, ()):
            walk(child)

    walk(env.config.root_doc)
    for docname in sorted(env.found_docs):
        order.setdefault(docname, len(order))
    return order
