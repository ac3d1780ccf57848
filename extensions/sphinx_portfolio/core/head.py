"""A page's ``<head>``: the one way the extension adds to it.

Sphinx's templates print ``metatags`` in the head; every part adds its tags
through :func:`add_to_head`, and JSON-LD through :func:`add_json_ld`.

Search engines and tools read schema.org data from ``application/ld+json`` script
elements. Their text is raw to the HTML parser, so ``<``, ``>`` and ``&`` are written
as JSON escapes: no label or title can close the element or start markup.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def add_to_head(context: dict, html: str) -> None:
    """Append ready HTML (each tag escaped by its maker) to the page's head."""
    context["metatags"] = context.get("metatags", "") + html


def script_tag(data: Any) -> str:
    """``data`` as a JSON-LD script element, on a line of its own."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'\n<script type="application/ld+json">{text.translate(_ESCAPES)}</script>'


def add_json_ld(context: dict, *blocks: Any) -> None:
    """Append JSON-LD blocks to the page's head."""
    add_to_head(context, "".join(map(script_tag, blocks)))
