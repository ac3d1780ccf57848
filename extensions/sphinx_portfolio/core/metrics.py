"""Parse quantified results such as ``−1.34% CPC`` into typed :class:`Metric` values.

Pure Python on purpose: no Sphinx import, so exporters, tests and other tools can
reuse the parser and the wording of badges without a build.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .text import N_

#: Label words whose figures are better when lower or higher. Matched as whole
#: words (case-insensitive) anywhere in a label; the first match in this order wins,
#: so more specific words come first.
DEFAULT_POLARITY: dict[str, str] = {
    "savings": "higher",
    "saving": "higher",
    "cpc": "lower",
    "cpa": "lower",
    "cpm": "lower",
    "cost": "lower",
    "costs": "lower",
    "latency": "lower",
    "downtime": "lower",
    "error": "lower",
    "errors": "lower",
    "loss": "lower",
    "bias": "lower",
    "ctr": "higher",
    "cvr": "higher",
    "engagement": "higher",
    "success": "higher",
    "revenue": "higher",
    "efficiency": "higher",
    "conversion": "higher",
    "conversions": "higher",
    "accuracy": "higher",
    "precision": "higher",
    "recall": "higher",
    "auc": "higher",
    "throughput": "higher",
    "retention": "higher",
}

CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
SCALES = {"K": 1e3, "M": 1e6, "B": 1e9}
SCALE_WORDS = {"K": "thousand", "M": "million", "B": "billion"}


CURRENCY_WORDS = {"USD": N_("dollars"), "EUR": N_("euros"), "GBP": N_("pounds")}
UNIT_WORDS = {"%": N_("percent"), "pp": N_("percentage points"), "x": N_("times")}
#: A unit after exactly 1 (with no scale word): "1 percentage point", "1 dollar".
ONE_UNIT_WORDS = {
    "USD": N_("dollar"),
    "EUR": N_("euro"),
    "GBP": N_("pound"),
    "%": N_("percent"),
    "pp": N_("percentage point"),
    "x": N_("times"),
}
#: How an amount reads: (scale, has a unit) -> template. Whole phrases, so a
#: language can reorder them or add words ("5 milhões de dólares").
AMOUNTS = {
    ("", False): N_("{number}"),
    ("", True): N_("{number} {unit}"),
    ("K", False): N_("{number} thousand"),
    ("K", True): N_("{number} thousand {unit}"),
    ("M", False): N_("{number} million"),
    ("M", True): N_("{number} million {unit}"),
    ("B", False): N_("{number} billion"),
    ("B", True): N_("{number} billion {unit}"),
}
#: The same when the number's whole part is 0 or 1 ("1,5 milhão" but "2 milhões";
#: English says "million" either way). ``{one}`` is that number.
AMOUNTS_ONE = {
    ("M", False): N_("{one} million"),
    ("M", True): N_("{one} million {unit}"),
    ("B", False): N_("{one} billion"),
    ("B", True): N_("{one} billion {unit}"),
}
#: The accessible name: (direction, sentiment) -> template.
SPOKEN = {
    ("up", "good"): N_("{label} up {amount}, an improvement"),
    ("up", "bad"): N_("{label} up {amount}, a regression"),
    ("up", "neutral"): N_("{label} up {amount}"),
    ("down", "good"): N_("{label} down {amount}, an improvement"),
    ("down", "bad"): N_("{label} down {amount}, a regression"),
    ("down", "neutral"): N_("{label} down {amount}"),
    ("none", "good"): N_("{label}: {amount}, an improvement"),
    ("none", "bad"): N_("{label}: {amount}, a regression"),
    ("none", "neutral"): N_("{label}: {amount}"),
    ("flat", "neutral"): N_("{label}: neutral, no change"),
}
ARROWS = {"up": "▲", "down": "▼", "flat": "→", "none": ""}
QUALITATIVE_NUMBERS = [
    N_("one"),
    N_("two"),
    N_("three"),
    N_("four"),
    N_("five"),
    N_("six"),
    N_("seven"),
    N_("eight"),
    N_("nine"),
    N_("ten"),
    N_("eleven"),
    N_("twelve"),
]
#: "six-figures savings" spoken: the number word and this template, both translated.
FIGURES = N_("{number} figures")
#: The same figure written alone (the impact index's Value column), and a figure
#: that says nothing changed ("neutral latency"). Translations agree with no label's
#: gender: "latência" and "custo" are both "estável".
WRITTEN_FIGURES = N_("{number}-figures")
NO_CHANGE = N_("neutral")

_MINUS = "-−–"
_SIGN = r"[+\-−–]"
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
#: A figure without its end: sign, currency, number, scale, unit. Shared with
#: scaffold_figures, which finds figures inside prose and ends them its own way.
FIGURE_BODY = (
    rf"(?P<sign>{_SIGN})?\s*(?P<currency>[$€£])?{_NUMBER}"
    r"(?:\s*(?P<scale>[KMB])\b|(?P<scale2>[KMB])(?=\s|$))?"
    r"\s*(?P<unit>%|pp\b|×|x\b)?"
)
# The figure ends here: "1e400 CTR" is not the number 1 with a label "e400 CTR".
_FIGURE = re.compile(FIGURE_BODY + r"(?=[\s,;:)]|$)")
_LEADING = re.compile(rf"^{_FIGURE.pattern}\s*(?P<label>.*)$", re.DOTALL)
_TRAILING = re.compile(rf"^(?P<label>.+?)\s+by\s+{_FIGURE.pattern}$", re.DOTALL)
_QUALITATIVE = re.compile(
    rf"^(?P<qual>(?:{'|'.join(QUALITATIVE_NUMBERS)})[- ]figures?)\s+(?P<label>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_NEUTRAL = re.compile(r"^(?P<flat>neutral|flat|unchanged)\s+(?P<label>.+)$", re.IGNORECASE)


class MetricError(ValueError):
    """The text is not a metric; the message says what was expected."""


@dataclass(frozen=True)
class Metric:
    """A quantified result as written, with its machine-readable parts."""

    text: str
    label: str
    value: float | None = None
    unit: str = ""
    sign: str = ""
    magnitude: str = ""
    direction: str = "none"
    better: str | None = None
    sentiment: str = "neutral"
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def arrow(self) -> str:
        """A glyph for the direction, so colour is never the only cue."""
        return ARROWS[self.direction]

    @property
    def amount(self) -> str:
        """The figure alone, spoken: '1.34 percent', '5 million dollars', 'six figures'."""
        return self.amount_in()

    def amount_in(self, gettext: Callable[[str], str] = N_, decimal: str = ".") -> str:
        """The amount in a language: ``gettext`` translates the words, ``decimal``
        is the decimal separator ('1,34 por cento')."""
        if self.value is None:
            word, _dash, rest = self.magnitude.partition("-")
            if rest == "figures" and word in QUALITATIVE_NUMBERS:
                return gettext(FIGURES).format(number=gettext(word))
            # Other words of the author's ("neutral"), kept as written.
            return self.magnitude.replace("-", " ")
        scale = _scale_of(self.magnitude)
        number = plain_digits(abs(self.value) / scale).replace(".", decimal)
        unit = CURRENCY_WORDS.get(self.unit) or UNIT_WORDS.get(self.unit)
        if unit and number == "1" and not self.magnitude:
            unit = ONE_UNIT_WORDS[self.unit]
        key = self.magnitude if self.magnitude in SCALE_WORDS else "", bool(unit)
        template = AMOUNTS[key]
        if key in AMOUNTS_ONE and abs(self.value) / scale < 2:
            template = AMOUNTS_ONE[key]
        unit_words = gettext(unit) if unit else ""
        return gettext(template).format(number=number, one=number, unit=unit_words)

    def spoken(self, gettext: Callable[[str], str] = N_, decimal: str = ".") -> str:
        """An accessible name that reads well aloud, in English unless ``gettext``
        and ``decimal`` say otherwise."""
        direction = self.direction if self.direction in ("up", "down", "flat") else "none"
        verdict = self.sentiment if self.sentiment in ("good", "bad") else "neutral"
        template = SPOKEN["flat", "neutral"] if direction == "flat" else SPOKEN[direction, verdict]
        return gettext(template).format(label=self.label, amount=self.amount_in(gettext, decimal))

    def as_dict(self) -> dict[str, object]:
        """The fields exporters publish (JSON Resume, JSON-LD, the impact index)."""
        return {
            "text": self.text,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "magnitude": self.magnitude,
            "direction": self.direction,
            "better": self.better,
            "sentiment": self.sentiment,
        }


def parse_metric(
    text: str,
    better: str | None = None,
    polarity: Mapping[str, str] | None = None,
) -> Metric:
    """Parse ``text``; ``better`` (higher/lower) overrides the label's polarity."""
    written = " ".join(text.split())
    if not written:
        raise MetricError("empty metric: expected a figure and a label, e.g. '+2.6% CTR'")
    if better not in (None, "higher", "lower"):
        raise MetricError(f"better must be 'higher' or 'lower', not {better!r}")
    parts = _parse_parts(written)
    label = parts.pop("label").strip(" ,;:")
    if not label:
        raise MetricError(f"metric {written!r} has no label: write e.g. '+2.6% CTR'")
    better = better or polarity_for(label, polarity)
    direction = parts.pop("direction")
    return Metric(
        text=written,
        label=label,
        better=better,
        direction=direction,
        sentiment=_sentiment(direction, better),
        **parts,
    )


def polarity_for(label: str, polarity: Mapping[str, str] | None = None) -> str | None:
    """'higher' or 'lower' for the first polarity word found in ``label``, else None."""
    table = {**DEFAULT_POLARITY, **{k.lower(): v for k, v in (polarity or {}).items()}}
    words = re.findall(r"[\w$€£%]+", label.lower())
    for key in sorted(table, key=lambda k: -len(k.split())):
        key_words = key.split()
        if _contains_run(words, key_words):
            return table[key]
    return None


def _contains_run(words: list[str], run: list[str]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))


def _parse_parts(written: str) -> dict[str, object]:
    if match := _NEUTRAL.match(written):
        return {"label": match["label"], "direction": "flat", "magnitude": "neutral"}
    if match := _QUALITATIVE.match(written):
        qual = match["qual"].lower().replace(" ", "-")
        return {"label": match["label"], "direction": "none", "magnitude": qual}
    match = _LEADING.match(written) or _TRAILING.match(written)
    if not match:
        raise MetricError(
            f"cannot read a figure in {written!r}: expected e.g. '−1.34% CPC', "
            "'$5M project', 'engagement by +4.6%', 'six-figures savings' or 'neutral latency'"
        )
    return _figure_parts(match)


def _figure_parts(match: re.Match[str]) -> dict[str, object]:
    sign = "-" if match["sign"] and match["sign"] in _MINUS else (match["sign"] or "")
    scale = match["scale"] or match["scale2"] or ""
    number = float(match["number"].replace(",", "")) * SCALES.get(scale, 1)
    if not math.isfinite(number):
        raise MetricError(f"the figure {match['number'][:12]}… is too large to be a number")
    unit = CURRENCIES.get(match["currency"] or "", "") or (match["unit"] or "")
    if unit == "×":
        unit = "x"
    direction = {"+": "up", "-": "down"}.get(sign, "none")
    if number == 0 and sign:
        direction = "flat"
    return {
        "label": match["label"],
        "value": -number if sign == "-" else number,
        "unit": unit,
        "sign": sign,
        "magnitude": scale,
        "direction": direction,
    }


def _sentiment(direction: str, better: str | None) -> str:
    if better is None or direction == "flat":
        return "neutral"
    if direction == "none":
        # An unsigned amount of a good thing ("$15M annual savings") is a gain;
        # an unsigned cost or latency says nothing about change, so stays neutral.
        return "good" if better == "higher" else "neutral"
    improved = (direction == "up") == (better == "higher")
    return "good" if improved else "bad"


def _scale_of(magnitude: str) -> float:
    return SCALES.get(magnitude, 1.0)


def plain_digits(number: float) -> str:
    """A number without float noise: 1.34, 5, 0.24."""
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text or "0"


CURRENCY_SYMBOLS = {code: symbol for symbol, code in CURRENCIES.items()}


def written_value(
    fields: Mapping[str, object],
    decimal: str = ".",
    group: str = ",",
    gettext: Callable[[str], str] = N_,
) -> str:
    """The figure alone as a badge writes it, with a language's separators:
    '−1.34%', '+3pp', '$5M', '2×', '12,000'; a figure without a number in words
    ('six-figures', 'neutral'), which ``gettext`` translates."""
    value = fields.get("value")
    magnitude = str(fields.get("magnitude") or "")
    if not isinstance(value, (int, float)):
        return written_magnitude(magnitude, gettext)
    scale = magnitude if magnitude in SCALES else ""
    whole, _, fraction = plain_digits(abs(value) / SCALES.get(scale, 1.0)).partition(".")
    if len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", group)
    number = whole + (decimal + fraction if fraction else "")
    sign = "−" if value < 0 else "+" if fields.get("direction") == "up" else ""
    unit = str(fields.get("unit") or "")
    currency = CURRENCY_SYMBOLS.get(unit, "")
    suffix = "" if currency else {"x": "×"}.get(unit, unit)
    return f"{sign}{currency}{number}{scale}{suffix}"


def written_magnitude(magnitude: str, gettext: Callable[[str], str] = N_) -> str:
    """'six-figures' and 'neutral' in a language; any other word of the author's as
    written."""
    word, _dash, rest = magnitude.partition("-")
    if rest == "figures" and word in QUALITATIVE_NUMBERS:
        return str(gettext(WRITTEN_FIGURES)).format(number=gettext(word))
    if magnitude == "neutral":
        return str(gettext(NO_CHANGE))
    return magnitude


def plain_number(value: float | None) -> str:
    """The ``data-metric-value`` form: '-1.34', '5000000', or '' when unknown."""
    if value is None:
        return ""
    return plain_digits(value) if value >= 0 else "-" + plain_digits(-value)
