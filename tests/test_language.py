"""Generated words follow Sphinx's ``language``; what the author wrote does not.

The root ``test-language`` is built in Brazilian Portuguese (a shipped catalog),
in German (no catalog: English words) and in English, and read as a reader or
a screen reader would: visible text, accessible names, tooltips.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from conftest import REPO, soup, visible_text

LOCALE = REPO / "extensions" / "sphinx_portfolio" / "locale"
PO = LOCALE / "pt_BR" / "LC_MESSAGES" / "sphinx_portfolio.po"
MO = PO.with_suffix(".mo")
POT = LOCALE / "sphinx_portfolio.pot"

ENGLISH_NAMES = [
    "CPC down 1.34 percent, an improvement",
    "CTR up 2.6 percent, an improvement",
    "annual infra cost: 5 million dollars",
    "latency: neutral, no change",
    "recall up 3 percentage points, an improvement",
    "engagement down 0.5 percent, a regression",
    "throughput up 12.5 percent, an improvement",
]
PORTUGUESE_NAMES = [
    "CPC caiu 1,34 por cento, uma melhora",
    "CTR subiu 2,6 por cento, uma melhora",
    "annual infra cost: 5 milhões de dólares",
    "latency: estável, sem mudança",
    "recall subiu 3 pontos percentuais, uma melhora",
    "engagement caiu 0,5 por cento, uma piora",
    "throughput subiu 12,5 por cento, uma melhora",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One HTML build of the root per language, shared by the tests below."""
    from sphinx.testing.util import SphinxTestApp

    from conftest import copy_root

    apps = {}
    for language in ("pt_BR", "de", "en"):
        srcdir = copy_root("language", tmp_path_factory.mktemp(language))
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": language})
        try:
            app.build()
        finally:
            app.cleanup()
        apps[language] = app
    return apps


def badge_names(app, docname="work") -> list[str]:
    """Accessible names of the badges in the page body (not the card's summary row)."""
    page = soup(app, docname)
    row = {id(tag) for tag in page.select(".portfolio-experience-summary .portfolio-metric")}
    return [b["aria-label"] for b in page.select(".portfolio-metric") if id(b) not in row]


def test_accessible_names_are_in_portuguese_with_a_decimal_comma(built):
    assert badge_names(built["pt_BR"]) == PORTUGUESE_NAMES


def test_tooltips_name_the_facts_in_portuguese(built):
    badge = soup(built["pt_BR"], "work").select(".portfolio-metric")[-1]
    assert badge["title"] == (
        "throughput subiu 12,5 por cento, uma melhora; janela: 28 days; método: A/B test"
    )


def test_an_untranslated_language_falls_back_to_english(built):
    assert badge_names(built["de"]) == ENGLISH_NAMES
    assert badge_names(built["en"]) == ENGLISH_NAMES
    summary = soup(built["de"], "summary").select(".portfolio-impact-role")
    assert visible_text(summary[-1]) == "Elsewhere on the site"


def test_headings_and_labels_are_in_portuguese(built):
    app = built["pt_BR"]
    roles = [visible_text(p) for p in soup(app, "summary").select(".portfolio-impact-role")]
    assert roles == ["Staff Engineer, Acme", "Em outras partes do site"]
    index = soup(app, "portfolio-impact")
    assert visible_text(index.select_one("h1")).rstrip("¶") == "Índice de impacto"
    heads = [visible_text(th) for th in index.select("table")[-1].select("thead th")]
    assert heads == ["Número", "Valor", "Cargo", "Método", "Janela"]
    description = index.select_one('meta[name="description"]')["content"]
    assert description.startswith("Todos os números deste site, agrupados pelo que medem: ")
    papers = soup(app, "papers")
    assert visible_text(papers.select_one(".portfolio-bibtex summary")) == "BibTeX"
    authors = visible_text(papers.select_one(".portfolio-paper-authors summary"))
    assert authors.endswith("(6 autores)")
    citation = visible_text(papers.select_one(".portfolio-paper-citation"))
    assert citation.startswith("Em Proceedings of the ACM Conference")
    assert "páginas 10–20" in citation
    assert "setembro de 2024" in citation  # the .bib's "sep", a month in Portuguese
    backlink = soup(app, "papers/many2024").select_one(".portfolio-paper-backlink")
    assert visible_text(backlink) == "Listado em Papers"
    period = soup(app, "work").select_one(".portfolio-experience-period")
    assert visible_text(period) == "2021 – atual"  # the dates as written, "present" translated


def test_figures_without_a_number_are_written_in_portuguese_in_the_index(built):
    """The Value column: words, not the English ones, and of no gender ("latência")."""
    cells = {
        visible_text(row.select("td")[0]): visible_text(row.select("td")[1])
        for row in soup(built["pt_BR"], "portfolio-impact").select("tbody tr")
    }
    assert cells["neutral latency"] == "estável"
    english = {
        visible_text(row.select("td")[1])
        for row in soup(built["en"], "portfolio-impact").select("tbody tr")
    }
    assert "neutral" in english  # as the author wrote it


def test_english_words_are_unchanged(built):
    app = built["en"]
    heads = [visible_text(th) for th in soup(app, "portfolio-impact").select("thead th")][:5]
    assert heads == ["Figure", "Value", "Role", "Method", "Window"]
    papers = soup(app, "papers")
    assert visible_text(papers.select_one(".portfolio-paper-authors summary")).endswith(
        "(6 authors)"
    )
    citation = visible_text(papers.select_one(".portfolio-paper-citation"))
    assert citation.startswith("In Proceedings of the ACM Conference")
    assert "pages 10–20" in citation
    assert "September 2024" in citation
    period = soup(app, "work").select_one(".portfolio-experience-period")
    assert visible_text(period) == "2021 – present"
    backlink = soup(app, "papers/many2024").select_one(".portfolio-paper-backlink")
    assert visible_text(backlink) == "Listed on Papers"


@pytest.mark.parametrize("docname", ["work", "summary", "papers", "empty"])
def test_page_content_stays_as_the_author_wrote_it(built, docname):
    """Visible text of the page body is the same in both languages, except the
    generated words the summary adds."""

    generated = [
        ("Em outras partes do site", "Elsewhere on the site"),
        ("autores", "authors"),
        ("Em Proceedings", "In Proceedings"),
        ("páginas", "pages"),
        ("setembro de 2024", "September 2024"),
        ("2021 – atual", "2021 – present"),
    ]

    def body(language):
        text = visible_text(soup(built[language], docname).select_one("div.body"))
        for portuguese, english in generated:
            text = text.replace(portuguese, english)
        return text

    assert body("pt_BR") == body("en")
    assert "Cut −1.34% CPC and raised +2.6% CTR." in body("pt_BR") or docname != "work"


def test_the_empty_summary_says_so_in_portuguese(tmp_path):
    from sphinx.testing.util import SphinxTestApp

    (tmp_path / "conf.py").write_text('extensions = ["sphinx_portfolio"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Home\n====\n\n.. impact-summary::\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path, confoverrides={"language": "pt_BR"})
    try:
        app.build()
    finally:
        app.cleanup()
    empty = soup(app, "index").select_one(".portfolio-impact-empty")
    assert visible_text(empty) == "Ainda não há selos de métricas."


# -- the catalogs -------------------------------------------------------------------


def extracted_messages() -> set[str]:
    """What ``pybabel extract`` finds in the code today (the guide's command)."""
    from babel.messages.extract import extract_from_dir

    package = REPO / "extensions" / "sphinx_portfolio"
    found = extract_from_dir(str(package), method_map=[("**.py", "python")])
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


def catalog_messages(path: Path) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert not any(message.fuzzy for message in catalog if message.id), f"fuzzy in {path}"
    return {message.id: message.string for message in catalog if message.id}


def test_the_template_lists_every_marked_message():
    assert set(catalog_messages(POT)) == extracted_messages()


def test_the_portuguese_catalog_is_complete_and_keeps_placeholders():
    import re

    translations = catalog_messages(PO)
    assert set(translations) == set(catalog_messages(POT))
    for source, target in translations.items():
        assert target, f"untranslated: {source!r}"
        assert sorted(re.findall(r"{\w+}", source)) == sorted(re.findall(r"{\w+}", target))


def test_the_compiled_catalog_matches_its_source():
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for source, target in catalog_messages(PO).items():
        assert compiled.gettext(source) == target


def test_the_package_data_ships_the_catalogs():
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["sphinx_portfolio"]
    package = REPO / "extensions" / "sphinx_portfolio"
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    assert {MO, PO, POT} <= shipped


def test_a_second_build_in_another_language_rewrites_every_generated_word(tmp_path):
    """The same sources and build folder, English then Portuguese: nothing English
    is left over from the first build (cached pages, pickled doctrees)."""
    from sphinx.testing.util import SphinxTestApp

    from conftest import copy_root

    srcdir = copy_root("language", tmp_path)
    for language in ("en", "pt_BR"):
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": language})
        try:
            app.build()
        finally:
            app.cleanup()
    index = soup(app, "portfolio-impact")
    assert visible_text(index.select_one("h1")).rstrip("¶") == "Índice de impacto"
    assert badge_names(app) == PORTUGUESE_NAMES
    summary = soup(app, "summary").select(".portfolio-impact-role")
    assert visible_text(summary[-1]) == "Em outras partes do site"
    citation = visible_text(soup(app, "papers").select_one(".portfolio-paper-citation"))
    assert citation.startswith("Em Proceedings")
    tooltip = soup(app, "papers").select_one("a[href='#many2024']")["title"]
    assert "Em Proceedings of the ACM Conference on Recommender Systems, páginas" in tooltip


@pytest.mark.parametrize(
    ("text", "english", "portuguese"),
    [
        ("+1pp recall", "recall up 1 percentage point, an improvement",
         "recall subiu 1 ponto percentual, uma melhora"),
        ("$1 fee", "fee: 1 dollar", "fee: 1 dólar"),
        ("+2.5pp recall", "recall up 2.5 percentage points, an improvement",
         "recall subiu 2,5 pontos percentuais, uma melhora"),
        ("$1.5M savings", "savings: 1.5 million dollars, an improvement",
         "savings: 1,5 milhão de dólares, uma melhora"),
        ("$1M budget", "budget: 1 million dollars", "budget: 1 milhão de dólares"),
        ("$2B budget", "budget: 2 billion dollars", "budget: 2 bilhões de dólares"),
        ("+1.2B views", "views up 1.2 billion", "views subiu 1,2 bilhão"),
        ("−€20K cost", "cost down 20 thousand euros, an improvement",
         "cost caiu 20 mil euros, uma melhora"),
        ("neutral latency", "latency: neutral, no change", "latency: estável, sem mudança"),
        ("six-figures savings", "savings: six figures, an improvement",
         "savings: seis dígitos, uma melhora"),  # the number word and "figures" translate
    ],
)  # fmt: skip
def test_spoken_names_in_both_languages(text, english, portuguese):
    from sphinx_portfolio.core.metrics import parse_metric

    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    metric = parse_metric(text)
    assert metric.spoken() == english
    assert metric.spoken(catalog.gettext, ",") == portuguese


@pytest.mark.parametrize("buildername", ["html", "latex"])
def test_a_thesis_is_named_in_the_language_everywhere(fresh_root, buildername):
    """The paper page's description and the PDF CV's entry say what a thesis is in
    the build's language, as the publication list does."""
    app = fresh_root("cv", buildername, language="pt_BR")
    if buildername == "html":
        page = soup(app, "papers/example2019thesis")
        described = page.select_one('meta[name="description"]')["content"]
    else:
        described = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Tese de doutorado, University of Example, 2019" in described
    assert "Ph.D. thesis" not in described


@pytest.mark.parametrize(
    ("period", "shown"),
    [
        ("2021 – present", "2021 – atual"),
        ("2021-06 – Present", "2021-06 – Atual"),
        ("2019 to now", "2019 to atual"),
        ("2019–2024", "2019–2024"),  # dates are facts: as written
        ("Summer 2019", "Summer 2019"),  # not a period we read: as written
        ("", ""),
    ],
)
def test_an_ongoing_period_ends_in_the_language(period, shown):
    from sphinx_portfolio.core.jsonresume import period_in

    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert period_in(period, catalog.gettext) == shown


@pytest.mark.parametrize(
    ("month", "name"),
    [("sep", "September"), ("Sep.", "September"), ("MAY", "May"), ("june", "June"),
     ("9", None), ("Spring", None), ("ma", None)],
)  # fmt: skip
def test_month_names_as_bibtex_files_write_them(month, name):
    from sphinx_portfolio.papers.style import month_name

    assert month_name(month) == name
