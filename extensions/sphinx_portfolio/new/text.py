"""What every writer of a new site shares: the :class:`Site` it fills, and the
escaping of a resume's strings for where they go in MyST.

Each function returns text that reads back as exactly the resume's string
(whitespace folded): inline text, a directive option (as YAML, i.e. a JSON
string), a directive argument, a link destination, a reference name.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..core.text import is_safe_url

# MyST inline syntax characters; a backslash makes each one literal (CommonMark).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&{}!|$~%^])")
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([#+\-=:>%.])")


class Section(NamedTuple):
    """A section of a RenderCV file, in the file's order: its key (the title RenderCV
    shows), its entry type, and where its entries went: ``items``, their positions in
    the JSON Resume section ``place`` they joined, or ``texts`` for a section of text,
    bullet or numbered entries, which has no JSON Resume place."""

    key: str
    kind: str
    place: str = ""
    items: range = range(0)
    texts: tuple[str, ...] = ()


@dataclass
class Layout:
    """What a RenderCV file says beyond the JSON Resume it is read as: its sections
    in order (each becomes a page whose front matter keeps the key), and the authors
    its papers mark in bold (``**Name**``), which become ``portfolio_owner``."""

    sections: list[Section] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)


@dataclass
class Site:
    """What ``sphinx-portfolio new`` writes, and what it could not place."""

    files: dict[str, str | bytes] = field(default_factory=dict)  # bytes: the portrait
    left_out: dict[str, Any] = field(default_factory=dict)  # field path -> value
    notes: list[str] = field(default_factory=list)  # one line per thing to know
    suppress: set[str] = field(default_factory=set)

    def leave_out(self, path: str, value: Any, why: str = "not shown on the site") -> None:
        self.left_out[path] = value
        self.notes.append(f"{path}: {why}")


def text(value: Any) -> str:
    """One line of the resume's text: whitespace folded, as the site shows it."""
    return " ".join(str(value or "").split())


# Set while writing from a RenderCV file, whose strings are Markdown: **bold**,
# *italic* and [links](https://…) then become the same MyST; all else stays text.
MARKDOWN: ContextVar[bool] = ContextVar("MARKDOWN", default=False)
_MARKDOWN_SPAN = re.compile(
    r"\*\*\*(?P<both>[^*]+)\*\*\*|\*\*(?P<bold>[^*]+)\*\*|\*(?P<em>[^*\s][^*]*)\*"
    r"|\[(?P<link>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)


def inline(value: str, fragment: bool = False) -> str:
    """MyST inline text that reads back as exactly ``value`` (whitespace folded); a
    ``fragment`` of a line keeps its spaces at either end."""
    folded = re.sub(r"\s+", " ", value) if fragment else text(value)
    if MARKDOWN.get():
        return markdown(folded)
    escaped = _INLINE_SPECIAL.sub(r"\\\1", folded)
    if escaped.endswith("#"):  # in a heading, "## C #" would lose its closing "#"
        escaped = escaped[:-1] + "\\#"
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped, count=1)


def markdown(value: str) -> str:
    """RenderCV's Markdown as MyST: its emphasis and http(s) links kept, the rest text."""
    token = MARKDOWN.set(False)
    try:
        out, cursor = [], 0
        for match in _MARKDOWN_SPAN.finditer(value):
            out.append(inline(value[cursor : match.start()], True))
            if match["link"] and is_safe_url(match["url"]):
                out.append(f"[{inline(match['link'], True)}](<{link_target(match['url'])}>)")
            elif match["link"]:
                out.append(inline(match[0], True))
            else:
                inner = match["both"] or match["bold"] or match["em"]
                mark = "***" if match["both"] else "**" if match["bold"] else "*"
                out.append(f"{mark}{inline(inner, True)}{mark}")
            cursor = match.end()
        out.append(inline(value[cursor:], True))
        return "".join(out)
    finally:
        MARKDOWN.reset(token)


def plain_markdown(value: str) -> str:
    """The words a reader sees of RenderCV's Markdown: '[X](u)' is 'X', '**b**' is 'b'."""
    return text(_MARKDOWN_SPAN.sub(lambda m: next(g for g in m.groups() if g), value))


def option(value: str) -> str:
    """A directive option value: a JSON string is a YAML string too (quotes, colons, …)."""
    return json.dumps(text(value), ensure_ascii=False)


def fence_argument(value: str) -> str:
    """A directive argument: one line, no backticks (a backtick fence forbids them)."""
    return text(value).replace("`", "'")


def link_target(url: str) -> str:
    """A link destination in angle brackets: no spaces, no brackets, escaped."""
    return re.sub(r"([<>\\])", r"\\\1", url.replace(" ", "%20"))


def unique_name(words: str, taken: set[str]) -> str:
    base = re.sub(r"[\W_]+", "-", words.lower()).strip("-") or "card"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    return name
