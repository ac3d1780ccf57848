""".bib files as al-folio, Google Scholar, DBLP, Zotero and ACM/IEEE write them
(tests/roots/test-bibtools, written for these tests), read as a reader sees them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_root, warnings_of

SPARSE = "Sparse Routing for Mixture-of-Experts at Scale"


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = copy_root("bibtools", tmp_path_factory.mktemp("bibtools"))
    app = build_site(srcdir, confoverrides={"nitpicky": True})
    assert warnings_of(app) == []  # front matter, @string, upper-case fields: all fine
    return Path(app.outdir)


@pytest.fixture(scope="module")
def papers(site):
    return page(site, "papers")


def item(html: BeautifulSoup, anchor: str):
    found = html.select_one(f"#{anchor}")
    assert found is not None, anchor
    return found


def test_every_exported_entry_is_listed_newest_first(papers):
    assert [node["id"] for node in papers.select(".portfolio-paper")] == [
        "quintero2025draft",  # @unpublished
        "quintero2024sparse",  # al-folio
        "halvorsen2023caches",
        "quintero2023preprint",  # @misc with eprint
        "quintero2022graph",  # Google Scholar
        "dblp-conf-kdd-quinteroh21",  # DBLP
        "quinterocostmodelsapproximate2020",  # Zotero
        "paper-9000001",  # IEEE's numeric key
        "paper-10-5555-3300001",  # ACM's DOI key
        "quintero2017report",
        "quintero2016book",
        "quintero2015chapter",
        "quintero2014inbook",
    ]


def test_abbr_is_the_badge_and_ours_the_fallback(papers):
    badges = {
        node["id"]: node.select_one(".portfolio-venue-badge").get_text()
        for node in papers.select(".portfolio-paper")
        if node.select_one(".portfolio-venue-badge")
    }
    assert badges == {"quintero2024sparse": "ICLR", "halvorsen2023caches": "TODS",
                      "quintero2022graph": "ICML"}  # fmt: skip


def test_link_fields_are_links_with_a_word_and_an_accessible_name(site, papers):
    links = item(papers, "quintero2024sparse").select(".portfolio-paper-links a")
    seen = [(a.get_text(), a.get("aria-label"), a["href"]) for a in links]
    assert seen[0] == (
        "2401.01234",
        None,
        "https://arxiv.org/abs/2401.01234",
    )  # al-folio's arxiv field
    words = ["HTML", "PDF", "Supplement", "Code", "Slides", "Poster", "Video", "Website", "Blog"]
    assert [word for word, _, _ in seen[1:]] == words
    assert [label for _, label, _ in seen[1:]] == [f"{word}: {SPARSE}" for word in words]
    hrefs = dict((word, href) for word, _, href in seen[1:])
    assert hrefs["Code"] == "https://github.com/example/sparse-routing"
    assert all(h.startswith("https://") for w, h in hrefs.items() if w != "PDF")
    # pdf={file name}: found in assets/pdf/ and copied into the build
    assert re.fullmatch(r"_downloads/[0-9a-f]+/quintero2024sparse\.pdf", hrefs["PDF"])
    assert (site / hrefs["PDF"]).read_bytes().startswith(b"%PDF")
    caches = item(papers, "halvorsen2023caches").select(".portfolio-paper-links a")
    assert [(a.get_text(), a["href"]) for a in caches] == [
        ("PDF", "https://example.org/caches.pdf")
    ]


def test_the_paper_page_links_the_copied_file_from_its_folder(site):
    html = page(site, "papers/quintero2024sparse")
    pdf = html.select_one('a[aria-label^="PDF:"]')
    assert pdf["href"].startswith("../_downloads/")
    assert (site / "papers" / pdf["href"]).resolve().is_file()


def test_preview_thumbnail_has_the_title_as_alt_text(site, papers):
    image = item(papers, "quintero2024sparse").select_one("img.portfolio-paper-preview")
    assert image["alt"] == SPARSE
    assert (site / image["src"]).is_file()
    assert item(papers, "halvorsen2023caches").select("img") == []


def test_award_is_shown(papers):
    award = item(papers, "quintero2024sparse").select_one(".portfolio-paper-award")
    assert text_of(award) == "Outstanding Paper : Outstanding Paper Award at ICLR 2024"


def test_abstract_on_the_paper_page_and_found_by_search(site):
    html = page(site, "papers/quintero2024sparse")
    assert text_of(html.select_one(".portfolio-paper-abstract")) == (
        "We route each token to few experts and study hypergraph partitions of the routing."
    )
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = index["terms"]["hypergraph"]
    docs = docs if isinstance(docs, list) else [docs]
    assert [index["docnames"][doc] for doc in docs] == ["papers/quintero2024sparse"]


def test_selected_option_lists_only_selected_papers(site, papers):
    home = page(site, "index")
    assert [node["id"] for node in home.select(".portfolio-paper")] == [
        "quintero2024sparse",
        "halvorsen2023caches",
    ]
    assert home.select(".portfolio-selected-mark") == []  # all are: no mark needed
    every = papers.select(".portfolio-paper")
    marked = [node["id"] for node in every if node.select(".portfolio-selected-mark")]
    assert marked == ["quintero2024sparse", "halvorsen2023caches"]
    assert text_of(item(papers, "quintero2024sparse").h3).startswith("ICLR Selected Sparse")


def test_owner_bold_from_portfolio_person_in_every_name_order(papers):
    owners = {
        node["id"]: [strong.get_text() for strong in node.select("p .portfolio-owner")]
        for node in papers.select(".portfolio-paper")
    }
    assert owners["quintero2024sparse"] == ["Marta Quintero"]  # "*Quintero, Marta"
    assert owners["dblp-conf-kdd-quinteroh21"] == ["Marta Quintero"]  # "Marta Quintero"
    assert owners["quinterocostmodelsapproximate2020"] == ["M. Quintero"]  # "Quintero, M."
    assert all(owners.values()), owners


def test_a_new_owner_name_is_highlighted_on_the_next_build(tmp_path):
    """portfolio_person rebuilds only HTML; the lists are read again all the same."""
    srcdir = copy_root("bibtools", tmp_path)
    build_site(srcdir)
    app = build_site(srcdir, confoverrides={"portfolio_person": {"name": "Ivo Halvorsen"}})
    html = page(Path(app.outdir), "papers")
    assert {node.get_text() for node in html.select("p .portfolio-owner")} == {"Ivo Halvorsen"}


def test_author_marks_are_marks_with_a_legend(papers):
    authors = item(papers, "quintero2024sparse").select_one(".portfolio-paper-authors")
    assert [sup.get_text() for sup in authors.select("sup")] == ["*", "*", "†"]
    for sup in authors.select("sup"):
        sup.decompose()
    assert text_of(authors) == "Marta Quintero , Ivo Halvorsen , Bisi Okafor"
    caches = item(papers, "halvorsen2023caches").select_one(".portfolio-paper-authors")
    assert [sup.get_text() for sup in caches.select("sup")] == ["\u2217", "\u2217"]
    names = [text_of(strong) for strong in papers.select(".portfolio-owner")]
    assert not [name for name in names if re.search("[*\u2217\u2020#]", name)]
    legend = papers.select_one(".portfolio-marks-legend")
    assert text_of(legend) == "* Equal contribution. † Corresponding author."


def test_exporters_quirks_are_read_as_meant(papers):
    ieee = text_of(item(papers, "paper-9000001"))
    assert ieee.startswith("Adaptive Sampling over L2 Sketches Marta Quintero")  # MathML
    assert "1–1" not in ieee and "page" not in ieee  # pages={1-1}: a placeholder
    assert "December 2019" in ieee  # MONTH = dec
    doi = item(papers, "paper-9000001").select(".portfolio-paper-links a")
    assert [(a.get_text(), a["href"]) for a in doi] == [
        ("10.5555/bigdata.2019.1", "https://doi.org/10.5555/bigdata.2019.1")
    ]
    acm = item(papers, "paper-10-5555-3300001")
    assert text_of(acm.h3) == "Schönfeld's Lemma and α-Approximate k-Joins"
    assert "pages 12–30" in text_of(acm) and "March 2018" in text_of(acm)
    # DBLP repeats the DOI as its url: one link, not two
    dblp = item(papers, "dblp-conf-kdd-quinteroh21").select(".portfolio-paper-links a")
    assert [a["href"] for a in dblp] == ["https://doi.org/10.5555/kdd.2021.1200"]


def test_other_entry_types_say_where_they_appeared(papers):
    said = {anchor: text_of(item(papers, anchor)) for anchor in (
        "quintero2023preprint", "quintero2025draft", "quintero2017report",
        "quintero2016book", "quintero2015chapter", "quintero2014inbook")}  # fmt: skip
    assert "arXiv: 2305.04321" in said["quintero2023preprint"]
    assert "2025. Manuscript." in said["quintero2025draft"]
    assert "Technical report TR-17-04, Example University. 2017." in said["quintero2017report"]
    assert "Example Press, 2016." in said["quintero2016book"]
    assert (
        "In Handbook of Example Data , pages 101–130. Example Press, 2015."
        in (said["quintero2015chapter"])
    )
    assert "chapter 5. Example Press, 2014." in said["quintero2014inbook"]


def test_copyable_bibtex_leaves_out_site_fields_and_local_paths(papers):
    zotero = item(papers, "quinterocostmodelsapproximate2020").select_one(".portfolio-bibtex pre")
    assert "/home/marta" not in zotero.get_text() and "keywords" in zotero.get_text()
    alfolio = item(papers, "quintero2024sparse").select_one(".portfolio-bibtex pre").get_text()
    for field in ("abbr", "selected", "pdf", "preview", "bibtex_show", "award"):
        assert not re.search(rf"^\s*{field}\s*=", alfolio, re.MULTILINE), field


def test_missing_files_and_unsafe_links_are_located_warnings(tmp_path):
    srcdir = copy_root("bibtools", tmp_path)
    (srcdir / "assets" / "pdf" / "quintero2024sparse.pdf").unlink()
    bib = srcdir / "scholar.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace(
            "organization={PMLR}", "organization={PMLR},\n  code={javascript:alert(1)}"
        ),
        encoding="utf-8",
    )
    app = build_site(srcdir)
    warnings = warnings_of(app)
    expected = [
        r"_bibliography/papers\.bib:6: WARNING: entry 'quintero2024sparse': pdf file "
        r"'quintero2024sparse\.pdf' not found in assets/pdf/ \[portfolio\.bib\]",
        r"scholar\.bib:1: WARNING: entry 'quintero2022graph': code 'javascript:alert\(1\)' "
        r"is not an http\(s\) URL \[portfolio\.bib\]",
    ]
    assert len(warnings) == 2, warnings
    for pattern, warning in zip(expected, warnings, strict=True):
        assert re.search(pattern, warning), warning
    html = page(Path(app.outdir), "papers")
    assert [a.get_text() for a in html.select("#quintero2024sparse .portfolio-paper-link")][:2] == [
        "HTML",
        "Supplement",
    ]  # no dead PDF link
    assert html.select("a[href^=javascript]") == []


def test_a_missing_preview_is_a_located_warning_and_no_image(tmp_path):
    srcdir = copy_root("bibtools", tmp_path)
    (srcdir / "assets" / "img" / "publication_preview" / "sparse.png").unlink()
    app = build_site(srcdir)
    assert [w for w in warnings_of(app) if "preview" in w] == [
        next(w for w in warnings_of(app) if "preview" in w)
    ]
    assert re.search(
        r"_bibliography/papers\.bib:6: WARNING: entry 'quintero2024sparse': preview 'sparse\.png' "
        r"not found \[portfolio\.bib\]",
        "\n".join(warnings_of(app)),
    )
    assert page(Path(app.outdir), "papers").select("img.portfolio-paper-preview") == []


def test_without_paper_pages_the_abstract_opens_in_the_list(tmp_path):
    app = build_site(copy_root("bibtools", tmp_path), confoverrides={"portfolio_paper_pages": None})
    details = item(page(Path(app.outdir), "papers"), "quintero2024sparse").select_one(
        "details.portfolio-paper-abstract"
    )
    assert details.summary.get_text() == "Abstract"
    assert "hypergraph partitions" in details.get_text()


def test_placeholder_pages_are_not_in_scholars_tags(site):
    html = page(site, "papers/paper-9000001")
    names = [meta.get("name") for meta in html.select("meta")]
    assert "citation_firstpage" not in names and "citation_lastpage" not in names
    acm = page(site, "papers/paper-10-5555-3300001")
    pages = [acm.select_one(f'meta[name="citation_{n}page"]')["content"] for n in ("first", "last")]
    assert pages == ["12", "30"]  # "12–30": an en dash


def test_hostile_fields_are_text_and_only_http_links(tmp_path):
    srcdir = copy_root("bibtools", tmp_path)
    bib = srcdir / "scholar.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        .replace("Graph sketches for streaming joins", 'Graph "><script>alert(1)</script>')
        .replace("organization={PMLR}", 'organization={PMLR},\n  keywords={a"b, <i>c</i>},\n'
                 "  video={https://example.org/v?a=1&b=\"2}")
        .replace("pages={2890--2902},", "pages={2890--2902}, abbr={<b>ML</b>},"),
        encoding="utf-8",
    )  # fmt: skip
    app = build_site(srcdir)
    html = (Path(app.outdir) / "papers.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>ML</b>" not in html and "<i>c</i>" not in html
    graph = item(BeautifulSoup(html, "html.parser"), "quintero2022graph")
    assert graph.select_one(".portfolio-venue-badge").get_text() == "<b>ML</b>"
    video = graph.select_one(".portfolio-paper-link")
    assert video["aria-label"] == 'Video: Graph "><script>alert(1)</script>'
    assert video["href"] == 'https://example.org/v?a=1&b="2'
    assert graph["data-keywords"] == 'a"b|<i>c</i>'


def test_words_follow_the_language(tmp_path):
    app = build_site(copy_root("bibtools", tmp_path), confoverrides={"language": "pt_BR"})
    html = page(Path(app.outdir), "papers")
    sparse = item(html, "quintero2024sparse")
    assert sparse.select_one(".portfolio-selected-mark").get_text() == "Selecionado"
    words = [a.get_text() for a in sparse.select(".portfolio-paper-link")]
    assert words == ["HTML", "PDF", "Material suplementar", "Código", "Slides", "Pôster",
                     "Vídeo", "Site", "Blog"]  # fmt: skip
    assert sparse.select_one('a[aria-label^="Código:"]') is not None
    form = html.select_one("form.portfolio-paper-filters")
    assert form["aria-label"] == "Filtrar publicações"
    assert [label.contents[0].strip() for label in form.select("label")] == [
        "Ano", "Tipo", "Palavra-chave"
    ]  # fmt: skip


def test_a_folder_of_ones_own(tmp_path):
    srcdir = copy_root("bibtools", tmp_path)
    (srcdir / "assets" / "pdf").rename(srcdir / "files")
    app = build_site(srcdir, confoverrides={"portfolio_bib_files": "files/"})
    assert warnings_of(app) == []
    html = page(Path(app.outdir), "papers")
    assert html.select_one('#quintero2024sparse a[aria-label^="PDF:"]')["href"].endswith(".pdf")


def test_resume_json_carries_links_abstract_award_and_the_selected_mark(site):
    resume = json.loads((site / "resume.json").read_text(encoding="utf-8"))
    papers = {paper["name"]: paper for paper in resume["publications"]}
    sparse = papers[SPARSE]
    assert sparse["summary"].startswith("We route each token")
    assert sparse["x-selected"] is True
    assert sparse["x-award"] == "Outstanding Paper Award at ICLR 2024"
    assert sparse["url"] == "https://openreview.example.org/forum?id=sparse"  # al-folio's html
    assert list(sparse["x-links"]) == [
        "html",
        "supp",
        "code",
        "slides",
        "poster",
        "video",
        "website",
        "blog",
    ]  # fmt: skip  (pdf is a file of the site: no address outside it)
    assert sparse["x-links"]["code"] == "https://github.com/example/sparse-routing"
    caches = papers["Caches That Forget on Purpose"]
    assert caches["x-links"] == {"pdf": "https://example.org/caches.pdf"}
    zotero = papers["Cost Models for Approximate Query Processing"]
    assert "x-selected" not in zotero and "x-links" not in zotero
    assert zotero["summary"].startswith("Approximate answers")


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "latex", "text", "epub", "man"])
def test_every_builder_is_clean(tmp_path, builder):
    srcdir = copy_root("bibtools", tmp_path)
    overrides = {"nitpicky": True, "version": "1", "copyright": "Test"}
    app = build_site(srcdir, builder, confoverrides=overrides)
    assert [w for w in warnings_of(app) if "sphinxportfolio.sty" not in w] == []
    if builder == "text":
        text = (Path(app.outdir) / "papers.txt").read_text(encoding="utf-8")
        assert f"[ICLR] [Selected] {SPARSE}" in text
        assert "HTML · PDF · Supplement · Code" in text
        assert "**Outstanding Paper**: Outstanding Paper Award at ICLR 2024" in text
    if builder == "latex":  # the CV: the mark, and the links a reader of paper can open
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
        line = tex[tex.index("[Selected]") :][:1500]
        assert "Sparse Routing" in line.split("[Selected]")[1]
        assert r"\sphinxhref{https://github.com/example/sparse-routing}{Code}" in line
        assert tex.count("[Selected]") == 2  # the full list; the home page's selection has no mark
    if builder in ("dirhtml", "singlehtml"):
        html = next(Path(app.outdir).rglob("*.html")).parent
        assert list(Path(app.outdir).rglob("quintero2024sparse.pdf")), html


def test_parallel_build_matches_serial(tmp_path):
    def build(parallel: int) -> dict[str, bytes]:
        srcdir = copy_root("bibtools", tmp_path / f"j{parallel}")
        out = Path(build_site(srcdir, parallel=parallel).outdir)
        names = ["papers.html", "index.html", "papers/quintero2024sparse.html", "resume.json"]
        return {name: (out / name).read_bytes() for name in names}

    assert build(1) == build(2)
