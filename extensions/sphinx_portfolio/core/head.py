"""JSON-LD in a page: the one way the extension writes a ``<script>`` of data.

Search engines and tools read schema.org data from ``application/ld+json`` script
elements. Their text is raw to the HTML parser, so ``<``, ``>`` and ``&`` are written
as JSON escapes: no label or title can close the element or start markup.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_tag(data: Any) -> str:
    """``data`` as a JSON-LD script element, on a line of its own."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'\n<script type="application/ld+json">{text.translate(_ESCAPES)}</script>'


def add_to_page(context: dict, *blocks: Any) -> None:
    """Append JSON-LD blocks to the page's ``metatags`` (Sphinx's head slot)."""
    context["metatags"] = context.get("metatags", "") + "".join(map(script_tag, blocks))
