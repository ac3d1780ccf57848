"""The metric parser: a table of what authors write and what a tool reads."""

from __future__ import annotations

import pytest

from sphinx_portfolio.core.metrics import MetricError, parse_metric, plain_number, polarity_for

CASES = [
    # text, value, unit, magnitude, label, direction, sentiment
    ("−1.34% CPC", -1.34, "%", "", "CPC", "down", "good"),
    ("-1.34% CPC", -1.34, "%", "", "CPC", "down", "good"),
    ("–0.54% CPC", -0.54, "%", "", "CPC", "down", "good"),
    ("+2.6% CTR", 2.6, "%", "", "CTR", "up", "good"),
    ("+1.32% CTR", 1.32, "%", "", "CTR", "up", "good"),
    ("-2.6% CTR", -2.6, "%", "", "CTR", "down", "bad"),
    ("+8% latency", 8.0, "%", "", "latency", "up", "bad"),
    ("15% operational efficiency", 15.0, "%", "", "operational efficiency", "none", "good"),
    ("$5M project", 5e6, "USD", "M", "project", "none", "neutral"),
    ("$15M annual savings", 15e6, "USD", "M", "annual savings", "none", "good"),
    ("€2.5K cost", 2500.0, "EUR", "K", "cost", "none", "neutral"),
    (
        "six-figures annual infra savings",
        None,
        "",
        "six-figures",
        "annual infra savings",
        "none",
        "good",
    ),
    (
        "seven-figures annual infra savings",
        None,
        "",
        "seven-figures",
        "annual infra savings",
        "none",
        "good",
    ),
    ("neutral latency", None, "", "neutral", "latency", "flat", "neutral"),
    ("engagement by +4.6%", 4.6, "%", "", "engagement", "up", "good"),
    ("session success by +0.24%", 0.24, "%", "", "session success", "up", "good"),
    ("+3pp recall", 3.0, "pp", "", "recall", "up", "good"),
    ("2.5× throughput", 2.5, "x", "", "throughput", "none", "good"),
    ("3x faster builds", 3.0, "x", "", "faster builds", "none", "neutral"),
    ("1,200 users", 1200.0, "", "", "users", "none", "neutral"),
    ("+0% CTR", 0.0, "%", "", "CTR", "flat", "neutral"),
]


@pytest.mark.parametrize(
    ("text", "value", "unit", "magnitude", "label", "direction", "sentiment"), CASES
)
def test_parse(text, value, unit, magnitude, label, direction, sentiment):
    metric = parse_metric(text)
    assert (metric.value, metric.unit, metric.magnitude, metric.label) == (
        value,
        unit,
        magnitude,
        label,
    )
    assert (metric.direction, metric.sentiment) == (direction, sentiment)
    assert metric.text == text


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("−1.34% CPC", "CPC down 1.34 percent, an improvement"),
        ("+2.6% CTR", "CTR up 2.6 percent, an improvement"),
        ("-2.6% CTR", "CTR down 2.6 percent, a regression"),
        ("neutral latency", "latency: neutral, no change"),
        ("$15M annual savings", "annual savings: 15 million dollars, an improvement"),
        ("six-figures annual infra savings", "annual infra savings: six figures, an improvement"),
        ("$5M project", "project: 5 million dollars"),
    ],
)
def test_spoken_form_reads_well(text, spoken):
    assert parse_metric(text).spoken() == spoken


def test_better_option_overrides_the_label():
    assert parse_metric("+5% widgets", better="lower").sentiment == "bad"
    assert parse_metric("+5% widgets", better="higher").sentiment == "good"
    assert parse_metric("+5% widgets").sentiment == "neutral"


def test_config_polarity_extends_and_overrides_defaults():
    table = {"widgets": "lower", "CTR": "lower"}
    assert parse_metric("+5% widgets", polarity=table).sentiment == "bad"
    assert parse_metric("+2% CTR", polarity=table).sentiment == "bad"
    assert polarity_for("p95 latency") == "lower"
    assert polarity_for("annual infra savings") == "higher"
    assert polarity_for("widgets") is None


def test_arrows_give_a_cue_beyond_colour():
    assert parse_metric("+2.6% CTR").arrow == "▲"
    assert parse_metric("−1.34% CPC").arrow == "▼"
    assert parse_metric("neutral latency").arrow == "→"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty metric"),
        ("   ", "empty metric"),
        ("great results", "cannot read a figure"),
        ("+2.6%", "has no label"),
        ("<b>x</b>", "cannot read a figure"),
        ("1e400 CTR", "cannot read a figure"),
        ("9" * 400 + " CTR", "too large to be a number"),
    ],
)
def test_malformed_metrics_say_what_is_expected(text, message):
    with pytest.raises(MetricError, match=message):
        parse_metric(text)


def test_bad_better_value_is_an_error():
    with pytest.raises(MetricError, match="higher"):
        parse_metric("+2% CTR", better="sideways")


@pytest.mark.parametrize(
    ("value", "plain"), [(-1.34, "-1.34"), (5e6, "5000000"), (0.24, "0.24"), (None, "")]
)
def test_plain_number(value, plain):
    assert plain_number(value) == plain
