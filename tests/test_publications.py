"""The papers page, paper pages, citations and search, as a reader and a tool see them."""

from __future__ import annotations

import json
import re
import runpy
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, build_site, copy_root, visible_text, warnings_of


def inventory(path: Path, role: str) -> dict[str, str]:
    """{name: uri} of one object type in objects.inv, read as any tool reads it."""
    header_and_body = path.read_bytes().split(b"\n", 4)
    body = zlib.decompress(header_and_body[4]).decode("utf-8")
    entries = (line.split(" ", 4) for line in body.splitlines())
    return {name: uri.replace("$", name) for name, kind, _, uri, _ in entries if kind == role}


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = copy_root("publications", tmp_path_factory.mktemp("pub"))
    app = build_site(srcdir, confoverrides={"nitpicky": True})
    assert warnings_of(app) == []
    return Path(app.outdir)


def entries(html: BeautifulSoup) -> list[tuple[str, str]]:
    """(year heading, entry id) in page order."""
    return [
        (section.find(["h2"]).get_text().strip("¶ "), item["id"])
        for section in html.select("section[id^=year-]")
        for item in section.select(".portfolio-paper")
    ]


def test_grouped_by_year_newest_first_ties_in_bib_order(site):
    assert entries(page(site, "papers")) == [
        ("2025", "newest2025"),
        ("2024", "tie2024a"),
        ("2024", "tie2024b"),
        ("2019", "older2019"),
    ]


def test_owner_highlighted_in_every_spelling(site):
    owners = [s.get_text() for s in page(site, "papers").select("p .portfolio-owner")]
    assert owners == ["Ada M. Lovelace", "Ada Lovelace", "Ada Lovelace", "Augusta Ada King"]


def test_links_are_real_http_anchors(site):
    html = page(site, "papers")
    links = {
        item["id"]: [a["href"] for a in item.select(".portfolio-paper-links a")]
        for item in html.select(".portfolio-paper")
    }
    assert links == {
        "newest2025": ["https://example.org/newest.pdf"],
        "tie2024a": ["https://arxiv.org/abs/2401.00001"],
        "tie2024b": ["https://example.org/second"],
        "older2019": ["https://doi.org/10.1000/eswa.2019.1"],
    }


def test_venue_badges_derived_from_entries(site):
    html = page(site, "papers")
    badges = {
        item["id"]: item.select_one(".portfolio-venue-badge").get_text()
        for item in html.select(".portfolio-paper")
    }
    assert badges == {
        "newest2025": "RecSys",
        "tie2024a": "ICML",
        "tie2024b": "NeurIPS",
        "older2019": "ESWA",
    }


def test_bibtex_disclosure_without_javascript(site):
    item = page(site, "papers").select_one("#older2019")
    details = item.select_one("details.portfolio-bibtex")
    assert details.summary.get_text() == "BibTeX"
    source = details.pre.get_text()
    assert source.startswith("@article{older2019,\n")
    assert "doi = {10.1000/eswa.2019.1}" in source


def test_long_author_list_collapses_around_the_owner(site):
    item = page(site, "papers").select_one("#newest2025")
    details = item.select_one("details.portfolio-paper-authors")
    shown = "Alan Turing, Grace Hopper, Edsger Dijkstra, …, Ada M. Lovelace, …, Frances Allen"
    assert visible_text(details.summary) == f"{shown} (7 authors)"
    assert details.summary.select_one(".portfolio-owner").get_text() == "Ada M. Lovelace"
    assert len(details.p.get_text().split(", ")) == 7
    # short lists are shown whole, with no disclosure
    assert page(site, "papers").select("#tie2024a details.portfolio-paper-authors") == []


def test_seed_venue_text_shown_beside_citation(site):
    item = page(site, "papers").select_one("#newest2025")
    assert item.select_one(".portfolio-paper-venue").get_text() == "ACM Digital Library"


def test_citations_link_to_stable_anchors(site):
    hrefs = [a["href"] for a in page(site, "interests").select(".bibtex-citation a")]
    assert hrefs == ["papers.html#newest2025", "papers.html#older2019"]


def test_titles_open_generated_paper_pages(site):
    title = page(site, "papers").select_one("#tie2024a .portfolio-paper-title a")
    assert title["href"] == "papers/tie2024a.html"
    assert title.get_text() == "First of Two in 2024"
    paper = page(site, "papers/tie2024a")
    assert paper.select_one("h1").get_text().strip("¶ ") == "First of Two in 2024"
    backlink = paper.select_one(".portfolio-paper-backlink a")
    assert backlink["href"] == "../papers.html#tie2024a"


def test_paper_page_has_highwire_meta_tags(site):
    def tags(name):
        return [
            (m["name"], m["content"])
            for m in page(site, f"papers/{name}").find_all("meta")
            if m.get("name", "").startswith("citation_")
        ]

    assert tags("older2019") == [
        ("citation_title", "Notes on the Analytical Engine"),
        ("citation_author", "Augusta Ada King"),
        ("citation_author", "Charles Babbage"),
        ("citation_publication_date", "2019"),
        ("citation_journal_title", "Expert Systems with Applications"),
        ("citation_volume", "12"),
        ("citation_issue", "3"),
        ("citation_firstpage", "1"),
        ("citation_lastpage", "10"),
        ("citation_doi", "10.1000/eswa.2019.1"),
    ]
    newest = dict(tags("newest2025"))
    assert newest["citation_conference_title"] == (
        "Proceedings of the ACM Conference on Recommender Systems (RecSys '25)"
    )
    assert newest["citation_publication_date"] == "2025/09"
    assert newest["citation_pdf_url"] == "https://example.org/newest.pdf"
    assert len([t for t in tags("newest2025") if t[0] == "citation_author"]) == 7


def search_objects(site: Path) -> list[str]:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return [obj[4] for objs in index["objects"].values() for obj in objs]


def test_papers_are_linkable_objects_found_by_search_as_text(site):
    """In objects.inv for cross-references; out of the search index (priority -1),
    where a thousand titles would outweigh the site: search finds a paper by the
    words of its list entry or of its own page (search.py)."""
    names = search_objects(site)
    assert not [name for name in names if "babbage" in name.lower()]
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(text[text.index("(") + 1 : text.rindex(")")])["terms"]
    assert "babbag" in terms  # the co-author's name, stemmed, on the papers page
    papers = inventory(site / "objects.inv", "portfolio:paper")
    assert papers == {
        "newest2025": "papers.html#newest2025-entry",
        "older2019": "papers.html#older2019-entry",
        "tie2024a": "papers.html#tie2024a-entry",
        "tie2024b": "papers.html#tie2024b-entry",
    }


def test_orcid_link_only_when_configured(site, tmp_path):
    assert page(site, "papers").select("a.portfolio-orcid") == []
    srcdir = copy_root("publications", tmp_path)
    app = build_site(srcdir, confoverrides={"portfolio_orcid": "0000-0002-1825-0097"})
    link = page(Path(app.outdir), "papers").select_one("a.portfolio-orcid")
    assert link["href"] == "https://orcid.org/0000-0002-1825-0097"
    assert link.get_text() == "ORCID"


def test_a_bad_orcid_is_one_located_warning_and_no_link_anywhere(tmp_path):
    """Read once (core.config.orcid): the role, the warning and resume.json agree."""
    srcdir = copy_root("publications", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + 'portfolio_orcid = "0000-0002-1825"\n')
    app = build_site(srcdir)
    warnings = [w for w in warnings_of(app) if "ORCID" in w]
    line = len(conf.read_text().splitlines())
    assert len(warnings) == 1, warnings
    assert f"conf.py:{line}" in warnings[0] and "[portfolio.orcid]" in warnings[0]
    html = page(Path(app.outdir), "papers")
    assert html.select("a.portfolio-orcid") == []
    assert "Also indexed on ORCID." in visible_text(html)
    resume = json.loads((Path(app.outdir) / "resume.json").read_text())
    assert "ORCID" not in [p.get("network") for p in resume["basics"].get("profiles", [])]


def test_a_good_orcid_url_gives_one_id_to_the_role_and_resume_json(tmp_path):
    srcdir = copy_root("publications", tmp_path)
    given = "https://orcid.org/0000-0002-1825-0097/"
    app = build_site(srcdir, confoverrides={"portfolio_orcid": given})
    link = page(Path(app.outdir), "papers").select_one("a.portfolio-orcid")
    assert link["href"] == "https://orcid.org/0000-0002-1825-0097"
    resume = json.loads((Path(app.outdir) / "resume.json").read_text())
    assert {
        "network": "ORCID",
        "username": "0000-0002-1825-0097",
        "url": "https://orcid.org/0000-0002-1825-0097",
    } in resume["basics"]["profiles"]
    assert not [w for w in warnings_of(app) if "ORCID" in w]


def test_new_entry_lands_in_place_without_editing_the_page(tmp_path):
    srcdir = copy_root("publications", tmp_path)
    build_site(srcdir)
    with (srcdir / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@misc{middle2022, author = {Ada Lovelace}, title = {Added}, year = {2022}}\n")
    app = build_site(srcdir)
    assert [key for _, key in entries(page(Path(app.outdir), "papers"))] == [
        "newest2025",
        "tie2024a",
        "tie2024b",
        "middle2022",
        "older2019",
    ]
    assert (Path(app.outdir) / "papers" / "middle2022.html").exists()


def test_bad_input_warns_with_location_and_still_builds(tmp_path):
    srcdir = copy_root("publications-bad", tmp_path)
    app = build_site(srcdir)
    warnings = "\n".join(warnings_of(app))
    expected = [
        r"bad\.bib:16: WARNING: malformed BibTeX: syntax error",
        r"index\.md:3: WARNING: publications: unknown option :colour:",
        r"index\.md:3: WARNING: unknown bibliography style 'nosuchstyle'",
        r"bad\.bib:1: WARNING: entry 'nojournal' \(article\) has no 'journal' field",
        r"bad\.bib:7: WARNING: entry 'baddoi': 'not-a-doi' is not a DOI",
        r"bad\.bib:7: WARNING: entry 'baddoi': url 'javascript:alert\(1\)' is not an http",
    ]
    for pattern in expected:
        assert re.search(pattern, warnings), pattern
    assert "Traceback" not in warnings
    assert all(line.endswith("[portfolio.bib]") for line in warnings_of(app))
    html = page(Path(app.outdir), "index")
    assert html.select_one("#nojournal .portfolio-paper-title").get_text() == (
        "An Article Without Journal"
    )
    assert html.select("a[href^=javascript]") == []
    assert html.select("#baddoi .portfolio-paper-links") == []


def test_a_bib_file_in_another_encoding_is_a_located_warning(tmp_path):
    """sphinxcontrib-bibtex stops the build with a traceback naming no file; ours says
    which file and line, and the rest of the site builds."""
    srcdir = copy_root("publications", tmp_path)
    with (srcdir / "refs.bib").open("ab") as bib:
        bib.write(b"\n@article{latin1, title={Caf\xe9}, author={X, Y}, year={2020}, journal={J}}\n")
    line = (srcdir / "refs.bib").read_bytes().count(b"\n")
    app = build_site(srcdir)
    warnings = warnings_of(app)
    assert any(
        re.search(rf"refs\.bib:{line}: WARNING: refs\.bib is not utf-8-sig \(byte 0xe9", w)
        and w.endswith("[portfolio.bib]")
        for w in warnings
    ), warnings
    assert (Path(app.outdir) / "index.html").is_file()


def test_a_repeated_key_is_located_at_its_second_entry(tmp_path):
    srcdir = copy_root("publications", tmp_path)
    bib = srcdir / "refs.bib"
    line = bib.read_text(encoding="utf-8").count("\n") + 2
    with bib.open("a", encoding="utf-8") as out:
        out.write("\n@misc{ Older2019 ,\n  title = {Again},\n  year = {2019},\n}\n")
    warnings = warnings_of(build_site(srcdir))
    expected = f"refs.bib:{line}: WARNING: malformed BibTeX: repeated bibliography entry: "
    assert any(expected in w and w.endswith("[portfolio.bib]") for w in warnings), warnings


def test_a_bad_owner_pattern_is_named_once(tmp_path):
    """The papers and the exports (rendercv.yaml's bold authors) both read the
    pattern; the reader of the build's log hears of it once."""
    srcdir = copy_root("publications", tmp_path)
    warnings = warnings_of(build_site(srcdir, confoverrides={"portfolio_owner": ["Ada (L"]}))
    bad = [w for w in warnings if "bad pattern" in w]
    assert len(bad) == 1, warnings
    assert "portfolio_owner: bad pattern 'Ada (L'" in bad[0] and bad[0].endswith("[portfolio.bib]")


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "latex", "text", "epub", "man"])
def test_every_builder_is_clean(tmp_path, builder):
    srcdir = copy_root("publications", tmp_path)
    overrides = {"nitpicky": True, "version": "1", "copyright": "Test"}
    app = build_site(srcdir, builder, confoverrides=overrides)
    # The package's static folder holds a LaTeX .sty that EPUB does not know;
    # that is not this feature's concern.
    assert [w for w in warnings_of(app) if "sphinxportfolio.sty" not in w] == []
    if builder == "text":
        text = (Path(app.outdir) / "papers.txt").read_text(encoding="utf-8")
        assert "[ICML] First of Two in 2024" in text
        assert "**Ada Lovelace**, Grace Hopper" in text
        assert "BibTeX" not in text  # the disclosure is for screens
    if builder == "latex":
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
        assert r"\sphinxstylestrong{Ada Lovelace}" in tex
        assert r"\hypertarget{cite.papers:older2019}{}" in tex


# -- the real site -------------------------------------------------------------------

VERIFIED_DOIS = {
    "liu2025decoupled": "10.1145/3705328.3748098",
    "soares2013proximity": "10.1016/j.eswa.2013.06.016",
}
SEED_TITLES = [
    "Decoupled Entity Representation Learning for Pinterest Ads Ranking",
    "Probabilistic modeling of interpersonal coordination processes",
    "The ToMCAT Dataset",
    "Probabilistic Modeling of Human Teams to Infer False Beliefs",
    "Proximity measures for link prediction based on temporal events",
    "Time Series Based Link Prediction",
]


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory):
    conf = runpy.run_path(str(REPO / "docs" / "conf.py"))
    overrides: dict[str, object] = {"nitpicky": True}
    if "sphinx_portfolio.publications" not in conf["extensions"]:
        overrides["extensions"] = [*conf["extensions"], "sphinx_portfolio.publications"]
    if "portfolio_owner" not in conf:
        overrides["portfolio_owner"] = [r"Paulo (R\. S\. |Ricardo da Silva )?Soares"]
    app = build_site(
        REPO / "docs", builddir=tmp_path_factory.mktemp("docs"), confoverrides=overrides
    )
    assert warnings_of(app) == []
    return Path(app.outdir)


def test_real_papers_page_lists_the_six_papers(docs_site):
    html = page(docs_site, "papers")
    text = visible_text(html.select_one("article[role=main]")).lower()
    for title in SEED_TITLES:
        assert title.lower() in text
    for key, doi in VERIFIED_DOIS.items():
        hrefs = [a["href"] for a in html.select(f"#{key} .portfolio-paper-links a")]
        assert f"https://doi.org/{doi}" in hrefs
    owners = {s.get_text() for s in html.select(".portfolio-paper-authors .portfolio-owner")}
    assert owners == {"Paulo Soares", "Paulo R. S. Soares", "Paulo Ricardo da Silva Soares"}
    badges = [b.get_text() for b in html.select(".portfolio-venue-badge")]
    assert badges == ["RecSys", "ICML", "Ph.D. thesis", "NeurIPS", "AAAI", "ESWA", "IJCNN"]
    assert "also indexed on orcid." in text


def test_types_option_filters_entries(tmp_path):
    srcdir = copy_root("publications", tmp_path)
    (srcdir / "papers.md").write_text("# Papers\n\n```{publications}\n:types: article\n```\n")
    (srcdir / "interests.md").write_text("# Interests\n\nNone cited.\n")
    app = build_site(srcdir, confoverrides={"nitpicky": True})
    assert warnings_of(app) == []
    assert entries(page(Path(app.outdir), "papers")) == [("2019", "older2019")]


def test_parallel_build_matches_serial(tmp_path):
    def build(parallel: int) -> str:
        srcdir = copy_root("publications", tmp_path / f"j{parallel}")
        app = build_site(srcdir, parallel=parallel)
        assert warnings_of(app) == []
        body = page(Path(app.outdir), "papers").select_one("div.body, article[role=main]")
        return str(body)

    assert build(2) == build(0)


# -- registration --------------------------------------------------------------------


def test_publications_alone_loads_the_package_with_its_one_version(tmp_path):
    import sphinx_portfolio

    srcdir = copy_root("publications", tmp_path)
    overrides = {"extensions": ["myst_parser", "sphinx_portfolio.publications"], "nitpicky": True}
    app = build_site(srcdir, confoverrides=overrides)
    assert warnings_of(app) == []
    assert entries(page(Path(app.outdir), "papers"))[0] == ("2025", "newest2025")
    package = app.extensions["sphinx_portfolio"]
    publications = app.extensions["sphinx_portfolio.publications"]
    assert package.version == publications.version == sphinx_portfolio.__version__
    envversion = app.registry.get_envversion(app)
    assert envversion["sphinx_portfolio.publications"] == envversion["sphinx_portfolio"]


def test_a_site_without_papers_needs_no_pybtex(tmp_path):
    """pybtex and sphinxcontrib-bibtex are the optional [publications] extra."""
    import subprocess
    import sys

    srcdir = copy_root("cards", tmp_path)
    blocked = "import sys\nfor name in ('pybtex', 'pybtex_docutils', 'sphinxcontrib.bibtex'):\n"
    script = blocked + (
        "    sys.modules[name] = None  # importing it raises ImportError\n"
        "from sphinx.cmd.build import main\n"
        "sys.exit(main(['-q', '-b', 'html', sys.argv[1], sys.argv[2]]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(srcdir), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "pybtex" not in run.stderr
    assert (tmp_path / "out" / "index.html").exists()
