"""The PDF CV: `sphinx-build -M latexpdf` on the real site, read back with pdftotext.

Needs TeX and poppler (Debian: texlive-xetex latexmk texlive-latex-recommended
texlive-fonts-recommended fonts-dejavu-core poppler-utils make). Skips without
them on a developer's machine; fails under CI=true, where .ci/run installs them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_site import seed_facts

from conftest import REPO, build_site, copy_root, missing_tool, warnings_of

TOOLS = ("xelatex", "latexmk", "make", "pdftotext", "pdfinfo")
PDF_NAME = "paulo-soares-cv"
MAX_PAGES = 2
# Text that only makes sense on the web: eyebrows, the glossary and the impact
# summary (with their introductions), BibTeX blocks, author-count disclosures.
WEB_ONLY = (
    "· introduction", "· chronology", "· formation", "· themes", "· papers", "· toolkit",
    "Glossary", "A badge's label links here", "Impact at a glance", "links to",
    "BibTeX", "authors)", "Listed on",
)  # fmt: skip
# Fixed timestamps make the PDF byte-for-byte reproducible (TeX honours it).
REPRODUCIBLE = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def build_pdf(builddir: Path, *extra: str) -> Path:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        missing_tool(f"no {', '.join(missing)}: install TeX and poppler-utils (see README)")
    command = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(REPO / "docs"),
               str(builddir), "-W", "-n", "--keep-going", "-q", *extra]  # fmt: skip
    run = subprocess.run(
        command, capture_output=True, text=True, env=REPRODUCIBLE, timeout=600, check=False
    )
    assert run.returncode == 0, (run.stdout[-4000:], run.stderr[-4000:])
    return builddir / "latex" / f"{PDF_NAME}.pdf"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return build_pdf(tmp_path_factory.mktemp("pdf"))


def pdf_text(path: Path, *options: str) -> str:
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, check=True
    )
    return run.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """Without spaces, hyphens and badge arrows: line breaks, hyphenation and the
    arrows drawn before a figure do not change what the text states."""
    return re.sub(r"[\s\-\u00ad▲▼→]+", "", text)


# The seed's section kickers ("02 · chronology") are web decoration, not facts: a CV
# leaves them out (issue 16), and says everything else.
EYEBROW = re.compile(r"^\d\d · [a-z]+$")


def test_pdf_states_every_seed_fact(pdf):
    text = squeezed(pdf_text(pdf))
    facts = [(fact, is_paper) for fact, is_paper in seed_facts() if not EYEBROW.match(fact)]
    assert len(seed_facts()) - len(facts) == 6  # only the six kickers
    missing = []
    for fact, is_paper in facts:
        found = squeezed(fact).lower() in text.lower() if is_paper else squeezed(fact) in text
        if not found:
            missing.append(fact)
    assert missing == []


def test_pdf_is_a_short_cv(pdf):
    assert 1 <= pdf_pages(pdf) <= MAX_PAGES


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])


def web_only_strings(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [words for words in WEB_ONLY if words in flat]


def test_pdf_has_nothing_web_only(pdf):
    assert web_only_strings(pdf_text(pdf)) == []
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert r"\sphinxportfolioeyebrow" not in tex


def test_pdf_opens_with_the_header_and_has_no_manual_parts(pdf):
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    assert lines[:2] == ["Paulo Soares", "Senior ML Engineer · Ph.D."]
    assert "Contents" not in lines
    assert "Index" not in lines
    assert not any(line.startswith("Release") for line in lines)


def test_every_glyph_is_in_the_fonts(pdf):
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    text = pdf_text(pdf)
    for glyph in ("−1.34% CPC", "➜ cat manifesto.txt", "Prudêncio", "▲", "▼", "→"):
        assert glyph in text


def test_badges_show_sign_number_label_and_arrow(pdf):
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert r"\sphinxportfoliobadge{down}{good}{−1.34\% CPC}" in tex
    assert r"\sphinxportfoliobadge{flat}{neutral}{neutral latency}" in tex
    text = " ".join(pdf_text(pdf).split())
    assert "▼ −1.34% CPC" in text
    assert "▲ +2.6% CTR" in text
    # One typeset for every figure: none is a link (the glossary's would be blue italics).
    assert not re.search(r"\\(sphinxcrossref|sphinxtermref)\{\\sphinxportfoliobadge", tex)


def test_cards_are_blocks_and_pages_are_top_level_parts(pdf):
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert tex.count(r"\begin{sphinxportfoliocard}") == 6
    # role, organisation on one line
    assert "Sr. Machine Learning Engineer · Pinterest" in pdf_text(pdf).splitlines()
    for title in ("Experience", "Education", "Interests \\& research", "Papers", "Skills"):
        assert "\\section{" + title + "}" in tex, title
    assert r"\subsection{" not in tex.split(r"\section")[1]  # nothing nested under the first


def test_owner_is_highlighted_in_the_papers(pdf):
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    papers = tex[tex.index("Decoupled Entity Representation") :]
    assert r"\sphinxstylestrong{Paulo Soares}" in papers


def test_each_paper_is_one_entry_of_at_most_two_lines(pdf):
    """Title, authors shortened around the owner, venue and year, DOI or arXiv id."""
    from pybtex.database import parse_file

    from sphinx_portfolio.core.bibtex import plain

    bib = parse_file(str(REPO / "docs" / "papers.bib"))
    titles = [plain(entry.fields["title"]) for entry in bib.entries.values()]
    text = pdf_text(pdf, "-layout")  # one line of text per printed line
    section = text[text.index("Also indexed on ORCID.") : text.index("\nSkills\n")]
    lines = [line.strip() for line in section.splitlines()[1:] if line.strip()]
    starts = [n for n, line in enumerate(lines) if any(line.startswith(t) for t in titles)]
    assert len(starts) == len(titles)
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        assert end - start <= 2, lines[start:end]
    flat = " ".join(section.replace("-\n", "").split())
    assert "…, Paulo Soares, …, Prathibha Deshikachar. ACM Digital Library, 2025." in flat
    assert "Zhifang Liu" not in flat  # hidden as on the web; the owner never is
    assert "DOI 10.1145/3705328.3748098" in flat
    assert "arXiv 2310.12929" in flat
    assert "In Proceedings of" not in flat  # the venue once, in its short form


def test_two_builds_give_the_same_pdf(pdf, tmp_path):
    again = build_pdf(tmp_path)
    assert again.read_bytes() == pdf.read_bytes()
    assert again.with_suffix(".tex").read_bytes() == pdf.with_suffix(".tex").read_bytes()


# -- the LaTeX source of a small site (no TeX needed) -------------------------------


@pytest.mark.sphinx(
    "latex", testroot="resume", confoverrides={"html_baseurl": "https://ada.example/"}
)
def test_header_replaces_the_title_page(app):
    app.build()
    assert warnings_of(app) == []
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    links = (
        r"\sphinxhref{https://ada.example/}{ada.example} \textperiodcentered{} "
        r"\sphinxhref{https://example.org/ada}{example.org/ada}"
    )
    # the eyebrow above the name is for the web
    assert rf"\sphinxportfolioheader[]{{Ada Example}}{{Analyst · Ph.D.}}{{{links}}}" in tex
    assert r"\sphinxmaketitle" not in tex
    assert r"\usepackage{sphinxportfolio}" in tex
    assert (Path(app.outdir) / "sphinxportfolio.sty").is_file()
    assert "JSON Resume" not in tex  # the link to resume.json is for HTML readers


@pytest.mark.sphinx("latex", testroot="resume")
def test_skills_and_interests_read_as_lines(app):
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Careful reading · Writing" in tex
    assert r"\sphinxstylestrong{Poetry}: metre" in tex
    assert r"\begin{itemize}" in tex  # the cards keep their bullets
    assert tex.count(r"\begin{sphinxportfoliocard}") == 3


def test_tagged_pdf_keeps_only_the_selected_roles(tmp_path):
    """sphinx-build -t ads: the ads-ranking CV drops the roles tagged otherwise."""
    pdf = build_pdf(tmp_path, "-t", "ads")
    assert 1 <= pdf_pages(pdf) <= MAX_PAGES
    text = pdf_text(pdf)
    assert web_only_strings(text) == []
    assert "Sr. Machine Learning Engineer" in text
    assert "Pinterest Labs Research Intern" in text
    assert "Tetricus Labs" not in text
    assert "Petrobras" not in text
    assert "University of Arizona" in text  # untagged content always stays


# -- what a CV includes: portfolio_cv (LaTeX source of a small site) -------------------


def cv_tex(app) -> str:
    app.build()
    return next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")


@pytest.mark.sphinx("latex", testroot="cv")
def test_cv_leaves_web_only_parts_out_by_default(app):
    tex = cv_tex(app)
    assert warnings_of(app) == []
    for words in ("01 · intro", "02 · chronology", "Glossary", "Badges link here"):
        assert words not in tex
    assert "Figures at a glance" not in tex  # the section of the impact summary
    assert "Each links to its card" not in tex
    assert "glossary:" not in tex  # no link into what was left out
    assert r"\sphinxportfoliobadge{down}{good}{−1.34\% CPC}" in tex
    assert not re.search(r"\\sphinxcrossref\{\\sphinxportfoliobadge", tex)
    assert "example2019thesis-entry}]" not in tex  # the thesis line is text, not a link
    assert "On Engines (Example, 2019)" in tex
    assert "Working notes" in tex  # a page stays unless excluded
    assert "Also as data" not in tex  # a link to the web's exports


@pytest.mark.sphinx("latex", testroot="cv", confoverrides={"portfolio_cv": {"exclude": ["not*"]}})
def test_cv_leaves_out_excluded_pages_and_links_to_them(app):
    tex = cv_tex(app)
    assert warnings_of(app) == []
    assert "Working notes" not in tex
    assert "my notes are in" in tex
    assert "notes::doc" not in tex
    assert "Glossary" not in tex  # the other defaults hold


@pytest.mark.sphinx(
    "latex", testroot="cv", confoverrides={"portfolio_cv": {"omit": [], "papers": "full"}}
)
def test_cv_can_keep_every_part(app):
    tex = cv_tex(app)
    assert warnings_of(app) == []
    assert r"\sphinxportfolioheader[01 · intro]{Ada Example}" in tex
    assert "Also as data: JSON Resume" in tex
    assert r"\sphinxportfolioeyebrow{02 · chronology}Work" in tex
    assert "Glossary" in tex
    assert "Figures at a glance" in tex
    assert "example2019thesis-entry}]" in tex
    assert r"\begin{sphinxportfoliopaper}" not in tex
    assert "Proceedings of the Example Conference" in tex  # the full citation
    # the glossary stays, but a figure in a card is not a (blue, italic) link to it
    assert r"\label{\detokenize{glossary:term-CPC}}" in tex
    assert r"\hyperref[\detokenize{glossary:term-CPC}]" not in tex
    assert r"\sphinxportfoliobadge{down}{good}{−1.34\% CPC}" in tex


@pytest.mark.sphinx("latex", testroot="cv")
def test_cv_papers_are_one_short_paragraph_each(app):
    tex = cv_tex(app)
    assert tex.count(r"\begin{sphinxportfoliopaper}") == 3
    assert (
        r"\sphinxhref{https://doi.org/10.1234/many.2021}{\sphinxstylestrong{Many Hands}}. "
        r"Bea One, Cal Two, Dee Three, …, \sphinxstylestrong{Ada Example}, Fay Six. "
        r"\sphinxstyleemphasis{ExConf, 2021}. "
        r"\sphinxhref{https://doi.org/10.1234/many.2021}{DOI 10.1234/many.2021}"
    ) in tex
    assert "Eve Four" not in tex
    assert r"{arXiv 2001.00002}" in tex
    assert (
        r"\sphinxhref{https://example.org/thesis}{\sphinxstylestrong{On Engines}}. "
        r"\sphinxstylestrong{Ada Example}. "
        r"\sphinxstyleemphasis{Ph.D. thesis, University of Example, 2019}"
    ) in tex
    assert "Proceedings of the Example Conference" not in tex
    assert not re.search(r"\\(chapter|section)\{20\d\d\}", tex)  # no year headings
    assert r"\label{\detokenize{papers:example2021many}}" in tex  # citations still land


@pytest.mark.sphinx("latex", testroot="cv")
def test_cv_role_is_one_line_with_the_period_flush_right(app):
    tex = cv_tex(app)
    line = tex[tex.index(r"\sphinxportfoliocardtitle{Staff Engineer}") :].split("\n\\begin")[0]
    assert " ".join(line.split()) == (
        r"\sphinxportfoliocardtitle{Staff Engineer} · Acme · "
        r"\DUrole{portfolio-experience-location}{Remote}"
        r"\sphinxportfoliodate{2020\textendash{}2024}"
    )


def test_bad_cv_settings_are_located_warnings(tmp_path):
    """Each bad key or value is named at the line of conf.py that sets portfolio_cv."""
    srcdir = copy_root("cv", tmp_path)
    conf = srcdir / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    bad = {"omit": ["glossary"], "colour": "red", "papers": "short"}
    conf.write_text("\n".join([*lines, f"portfolio_cv = {bad!r}"]), encoding="utf-8")
    app = build_site(srcdir, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    warnings = warnings_of(app)
    assert len(warnings) == 3, warnings
    assert all(f"conf.py:{len(lines) + 1}: WARNING" in line for line in warnings), warnings
    assert all("[portfolio.cv]" in line for line in warnings)
    assert any("unknown key 'colour'" in line for line in warnings)
    assert any("unknown 'glossary' (known: eyebrows, glossaries" in line for line in warnings)
    assert any("'short' is not 'compact' or 'full'" in line for line in warnings)
    assert r"\begin{sphinxportfoliopaper}" in tex  # a bad value falls back to its default
