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

from conftest import REPO, missing_tool, warnings_of

TOOLS = ("xelatex", "latexmk", "make", "pdftotext", "pdfinfo")
PDF_NAME = "paulo-soares-cv"
MAX_PAGES = 4
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


def pdf_text(path: Path) -> str:
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return run.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """Without spaces, hyphens and badge arrows: line breaks, hyphenation and the
    arrows drawn before a figure do not change what the text states."""
    return re.sub(r"[\s\-\u00ad▲▼→]+", "", text)


def test_pdf_states_every_seed_fact(pdf):
    text = squeezed(pdf_text(pdf))
    missing = []
    for fact, is_paper in seed_facts():
        found = squeezed(fact).lower() in text.lower() if is_paper else squeezed(fact) in text
        if not found:
            missing.append(fact)
    assert missing == []


def test_pdf_is_a_short_cv(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])
    assert 1 <= pages <= MAX_PAGES


def test_pdf_opens_with_the_header_and_has_no_manual_parts(pdf):
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    assert lines[:3] == ["01 · introduction", "Paulo Soares", "Senior ML Engineer · Ph.D."]
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


def test_cards_are_blocks_and_pages_are_top_level_parts(pdf):
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert tex.count(r"\begin{sphinxportfoliocard}") == 6
    assert r"\sphinxportfoliocardtitle{Sr. Machine Learning Engineer}" in tex
    # the page's eyebrow is a small kicker inside its title
    assert r"\section{\sphinxportfolioeyebrow{02 · chronology}Experience}" in tex
    for title in ("Experience", "Education", "Interests \\& research", "Papers", "Skills"):
        heading = r"\\section\{(\\sphinxportfolioeyebrow\{[^}]*\})?" + re.escape(title) + "}"
        assert re.search(heading, tex), title
    assert r"\subsection{" not in tex.split(r"\section")[1]  # nothing nested under the first


def test_owner_is_highlighted_in_the_papers(pdf):
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    papers = tex[tex.index("Decoupled Entity Representation") :]
    assert r"\sphinxstylestrong{Paulo Soares}" in papers


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
    assert (
        rf"\sphinxportfolioheader[01 · intro]{{Ada Example}}{{Analyst · Ph.D.}}{{{links}}}" in tex
    )
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
    text = pdf_text(build_pdf(tmp_path, "-t", "ads"))
    assert "Sr. Machine Learning Engineer" in text
    assert "Pinterest Labs Research Intern" in text
    assert "Tetricus Labs" not in text
    assert "Petrobras" not in text
    assert "University of Arizona" in text  # untagged content always stays
