"""Properties of the metric parser, over text Hypothesis makes up.

- On any text it either returns a Metric or raises MetricError (a located warning
  in a build), never anything else.
- A figure built from known parts parses back to those parts, and every accepted
  text re-parses to the same value, unit, direction and label.
- Whatever the text (markup, quotes, any script), the HTML badge shows it as text:
  one element, its attributes and words exactly what was written.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

from bs4 import BeautifulSoup
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from docutils.writers.html5_polyglot import HTMLTranslator, Writer
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_portfolio.cards.badges import badge_node, depart_badge_html, visit_badge_html
from sphinx_portfolio.core.metrics import MetricError, parse_metric, plain_number

SETTINGS = settings(max_examples=150, deadline=None)

# A label: words of letters (any script), none of them a word the grammar reads
# as part of a figure ("by" before a figure, a scale letter or unit alone).
WORD = st.text(st.characters(categories=("L",)), min_size=1, max_size=8).filter(
    lambda w: w.lower() not in {"by", "k", "m", "b", "x", "pp"}
)
LABEL = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.decimals(min_value=0, max_value=10**4, places=2, allow_nan=False).map(str),
)


@SETTINGS
@given(st.text(), st.sampled_from([None, "higher", "lower"]))
def test_never_raises_anything_but_a_metric_error(text, better):
    try:
        metric = parse_metric(text, better=better)
    except MetricError:
        return
    assert metric.label
    assert metric.value is None or math.isfinite(metric.value)


@SETTINGS
@given(
    sign=st.sampled_from(["", "+", "-", "−", "–"]),
    currency=st.sampled_from(["", "$", "€", "£"]),
    number=NUMBER,
    scale=st.sampled_from(["", "K", "M", "B"]),
    unit=st.sampled_from(["", "%", "pp", "x", "×"]),
    label=LABEL,
)
def test_a_figure_built_from_parts_reads_back_as_those_parts(
    sign, currency, number, scale, unit, label
):
    if currency or scale:
        unit = ""  # "$5M%" or "5Kpp" is not a figure anyone writes
    text = f"{sign}{currency}{number}{scale}{unit} {label}"
    metric = parse_metric(text)
    magnitude = float(number) * {"": 1, "K": 1e3, "M": 1e6, "B": 1e9}[scale]
    expected_value = -magnitude if sign and sign != "+" else magnitude
    assert math.isclose(metric.value, expected_value, rel_tol=1e-9, abs_tol=1e-12)
    assert metric.unit == (
        {"$": "USD", "€": "EUR", "£": "GBP"}.get(currency) or unit.replace("×", "x")
    )
    assert metric.label == label
    if magnitude == 0 and sign:
        assert metric.direction == "flat"
    else:
        assert metric.direction == {"": "none", "+": "up"}.get(sign, "down")


@SETTINGS
@given(st.text(max_size=40))
def test_an_accepted_text_reparses_to_the_same_figure(text):
    try:
        first = parse_metric(text)
    except MetricError:
        return
    again = parse_metric(first.text)
    assert (again.value, again.unit, again.direction, again.label) == (
        first.value,
        first.unit,
        first.direction,
        first.label,
    )


# Control characters are left out: HTML has no way to show them (a page source with
# NUL in it is not readable text either).
PRINTABLE = st.characters(exclude_categories=("Cc", "Cs"))
HOSTILE = st.sampled_from(
    [
        '<script>alert("x")</script>',
        "</span><b>",
        "a & b",
        "\"'><img src=x>",
        "«ñ» 数字 ☃",
        "\u202e",
    ]
)


@SETTINGS
@given(
    figure=st.sampled_from(["+2.6%", "−1.34%", "$5M", "3×", "neutral", "six-figures"]),
    label=st.one_of(st.text(PRINTABLE, min_size=1, max_size=20), HOSTILE).filter(str.strip),
)
def test_any_label_comes_out_escaped_in_html(figure, label):
    text = f"{figure} {label}"
    try:
        metric = parse_metric(text)
    except MetricError:
        return
    html = render(metric, metric.text)
    page = BeautifulSoup(html, "html.parser")
    (badge,) = page.find_all("span", class_="portfolio-metric")
    assert badge["data-metric-label"] == metric.label
    assert badge["data-metric-value"] == plain_number(metric.value)
    assert badge["aria-label"] == metric.spoken()
    assert [child.name for child in badge.find_all(True)] == (["span"] if metric.arrow else [])
    shown = badge.get_text()
    assert shown.removeprefix(metric.arrow) == metric.text


def render(metric, shown: str) -> str:
    """The badge as the HTML writer writes it (docutils' own translator and escaping)."""
    document = new_document("<badge>", get_default_settings(Writer))
    translator = HTMLTranslator(document)
    # Sphinx's translator carries the build's config; the badge words its name in
    # the build's language at write time.
    translator.config = SimpleNamespace(language="en")
    node = badge_node(metric, shown)
    document += node
    translator.body = []
    visit_badge_html(translator, node)
    for child in node.children:
        translator.visit_Text(child)
    depart_badge_html(translator, node)
    return "".join(translator.body)
