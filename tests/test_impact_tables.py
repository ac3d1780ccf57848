"""The impact index as a reader sees its tables: one set of columns for every table,
values written as the badges write them, in the page's language, numbers first.

(The tables' rendered widths and alignment are checked in Chromium:
tests/browser/test_reader_view.py.)
"""

from __future__ import annotations

import re

import pytest

from conftest import copy_root, soup, visible_text

EXTRA = """

```{experience-card} Analyst
:org: Beta

- Won {metric-badge}`six-figures savings` and {metric-badge}`$1M savings`.
- Saved {metric-badge}`$1.5M savings` and {metric-badge}`$20K savings`; reached
  {metric-badge}`12000 users` and {metric-badge}`+1.5K users`.
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """test-language with a card of mixed figures, built in pt_BR and in English."""
    from sphinx.testing.util import SphinxTestApp

    apps = {}
    for language in ("pt_BR", "en"):
        srcdir = copy_root("language", tmp_path_factory.mktemp(language))
        with (srcdir / "work.md").open("a", encoding="utf-8") as page:
            page.write(EXTRA)
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": language})
        try:
            app.build()
        finally:
            app.cleanup()
        apps[language] = app
    return apps


def tables(app) -> dict[str, list[list[str]]]:
    """{label: rows of cell text} from the impact index."""
    page = soup(app, "portfolio-impact")
    return {
        visible_text(section.find("h2")).rstrip("¶"): [
            [visible_text(td) for td in tr.select("td")] for tr in section.select("tbody tr")
        ]
        for section in page.select("section section")
    }


def values(app) -> dict[str, list[str]]:
    return {label: [row[1] for row in rows] for label, rows in tables(app).items()}


def test_values_are_written_as_the_badges_write_them(built):
    shown = values(built["en"])
    assert shown["CPC"] == ["−1.34%"]  # a true minus, and the unit
    assert shown["engagement"] == ["−0.5%"]
    assert shown["recall"] == ["+3pp"]
    assert shown["users"] == ["12,000", "+1.5K"]
    assert shown["annual infra cost"] == ["$5M"]


def test_figures_without_a_number_come_last_and_look_different(built):
    assert values(built["en"])["savings"] == ["$1.5M", "$1M", "$20K", "six-figures"]
    page = soup(built["en"], "portfolio-impact")
    last = page.select_one("#metric-label-savings tbody tr:last-child td.portfolio-number")
    assert "portfolio-no-number" in last["class"]
    header = page.select_one("#metric-label-savings thead th.portfolio-number")
    assert header["aria-sort"] == "descending"  # the order, said before any script runs
    intro = visible_text(page.select_one("#impact-index > p"))
    assert "figures without a number last" in intro


def test_portuguese_values_use_a_decimal_comma(built):
    shown = values(built["pt_BR"])
    assert shown["CPC"] == ["−1,34%"]
    assert shown["throughput"] == ["+12,5%"]
    assert shown["users"] == ["12.000", "+1,5K"]
    # A figure without a number in Portuguese words too (the author's "six-figures").
    assert shown["savings"] == ["$1,5M", "$1M", "$20K", "seis dígitos"]
    every = [value for column in shown.values() for value in column]
    # A point only groups thousands ("12.000"); never a decimal point.
    assert [value for value in every if re.search(r"\.(?!\d{3}(\D|$))", value)] == []


def test_portuguese_scale_words_agree_in_number(built):
    page = soup(built["pt_BR"], "work")
    names = [badge["aria-label"] for badge in page.select("li .portfolio-metric[aria-label]")]
    assert "savings: 1 milhão de dólares, uma melhora" in names
    assert "savings: 1,5 milhão de dólares, uma melhora" in names
    assert "annual infra cost: 5 milhões de dólares" in names
    assert not [name for name in names if "1 milhões" in name or "1,5 milhões" in name]


@pytest.mark.parametrize("language", ["en", "pt_BR"])
def test_every_table_has_the_same_columns_and_a_numeric_value_column(built, language):
    page = soup(built[language], "portfolio-impact")
    shapes = {
        tuple(" ".join(col["class"]) for col in table.select("colgroup col"))
        for table in page.select("table.portfolio-index-table")
    }
    assert len(shapes) == 1
    (shape,) = shapes
    assert shape[:3] == ("portfolio-col-figure", "portfolio-col-value", "portfolio-col-role")
    for table in page.select("table.portfolio-index-table"):
        heads = table.select("thead th")
        assert len(heads) == len(shape)
        assert all(
            "portfolio-number" in row.select("td")[1]["class"] for row in table.select("tbody tr")
        )
