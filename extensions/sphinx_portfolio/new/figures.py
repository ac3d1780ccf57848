"""Figures as badges: where a highlight states a figure, and the ``{metric-badge}``
role that reads back as a figure exported in ``x-metrics``.

A plain highlight ("cut costs by 12%") is searched for figures with a sign, a
currency or a unit next to a label; an exported record is written back as the
role that parses to exactly that record, or not at all.
"""

from __future__ import annotations

import re

from ..core import metrics
from ..core.metrics import MetricError, parse_metric, polarity_for
from ..core.text import looks_like_html
from .text import inline, text

_FIGURE_IN_TEXT = re.compile(
    r"(?<![\w.])"
    + metrics.FIGURE_BODY
    # In prose a figure may also end a sentence: "grew 12%." or "by 3x!"
    + r"(?=[\s,;:)!?]|\.(?:\s|$)|$)"
)
_LABEL_WORD = re.compile(r"\s+([^\W\d][\w'’/&+-]*)")
_WORDS_BEFORE_A_LABEL = """cut grew drove won built made led hit and or with through by while
across via to from in at for on over of after as per during within into than which that
the a an"""
STOP_WORDS = frozenset(_WORDS_BEFORE_A_LABEL.split())
ROLE_UNSAFE = re.compile(r"[`<>]| \| |;")


def figures_in(source: str) -> list[tuple[int, int, str]]:
    """(start, end, problem) of each figure with a sign, currency or unit in ``source``;
    ``problem`` is empty when the span reads as a metric."""
    found = []
    for match in _FIGURE_IN_TEXT.finditer(source):
        if not (match["sign"] or match["currency"] or match["unit"] or match["scale"]):
            continue  # a bare number (a year, a count) is not a figure
        figure_start = match.start() + len(match[0]) - len(match[0].lstrip())
        end = label_after(source, match.end())
        start = figure_start if end > match.end() else label_before(source, match.start())
        end = max(end, match.end())
        if start == figure_start and end == match.end():
            found.append((start, end, "no label next to the figure"))
            continue
        try:
            parse_metric(source[start:end])
        except MetricError as error:
            found.append((start, end, str(error)))
            continue
        found.append((start, end, ""))
    return found


def label_after(source: str, position: int) -> int:
    end = position
    for _ in range(4):
        match = _LABEL_WORD.match(source, end)
        if not match or match[1].lower() in STOP_WORDS:
            break
        end = match.end()
    return end


def label_before(source: str, position: int) -> int:
    """'engagement by +4.6%': the words before 'by', up to a stop word or a verb."""
    head = source[:position]
    match = re.search(r"((?:[^\W\d][\w'’/&-]*\s+){1,3})by\s+$", head)
    if not match:
        return position
    words = match[1].split()
    while words and (words[0].lower() in STOP_WORDS or re.search(r"(ing|ed)$", words[0])):
        words.pop(0)
    if not words:
        return position
    return head.rindex(" ".join(words), match.start())


def record_role(record: dict) -> str | None:
    """The badge markup that parses back to exactly ``record``; None if there is none."""
    shown = text(record.get("text"))
    if not shown or ROLE_UNSAFE.search(shown) or looks_like_html(shown):
        return None
    for spec in dict.fromkeys((shown, written_spec(record))):
        options = [] if record.get("better") == polarity_for(record.get("label", "")) else None
        if options is None and record.get("better") in ("higher", "lower"):
            options = [f"better: {record['better']}"]
        if spec and options is not None and same_figure(spec, record, options):
            return role_markup(shown, spec, options, record.get("facts") or {})
    return None


def same_figure(spec: str, record: dict, options: list[str]) -> bool:
    better = options[0].split(": ")[1] if options else None
    try:
        parsed = parse_metric(spec, better=better).as_dict()
    except MetricError:
        return False
    return all(parsed[key] == record.get(key) for key in parsed if key != "text")


def written_spec(record: dict) -> str:
    """The metric as the parser reads it: '+15% operational efficiency'."""
    label, value, magnitude = (
        text(record.get("label")),
        record.get("value"),
        record.get("magnitude"),
    )
    if magnitude == "neutral":
        return f"neutral {label}"
    if value is None:
        return f"{magnitude} {label}" if magnitude else ""
    sign = {"up": "+", "down": "-"}.get(record.get("direction"), "")
    if record.get("direction") == "flat":
        sign = "+"
    currency = {v: k for k, v in metrics.CURRENCIES.items()}.get(record.get("unit"), "")
    unit = "" if currency else record.get("unit") or ""
    number = metrics.plain_digits(abs(value) / metrics.SCALES.get(magnitude or "", 1))
    return f"{sign}{currency}{number}{magnitude or ''}{unit} {label}"


def role_markup(shown: str, spec: str, options: list[str], facts: dict) -> str | None:
    content = shown if spec == shown else f"{shown} <{spec}>"
    for key, value in facts.items():
        if ROLE_UNSAFE.search(str(value)) or looks_like_html(str(value)):
            return None
        options.append(f"{key}: {text(value)}")
    if options:
        content += " | " + "; ".join(options)
    return f"{{metric-badge}}`{content}`"


def find_from(texts: list[str], needle: str, line: int, cursor: int):
    for index in range(line, len(texts)):
        start = texts[index].find(needle, cursor if index == line else 0) if needle else -1
        if start >= 0:
            return index, start, start + len(needle)
    return None


def splice(source: str, spans: list[tuple[int, int, str]]) -> str:
    out, cursor = [], 0
    for start, end, role in spans:
        out += [inline(source[cursor:start], True), role]
        cursor = end
    out.append(inline(source[cursor:], True))
    return "".join(out)
