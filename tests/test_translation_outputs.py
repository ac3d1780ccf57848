"""The PDF CV of the Brazilian Portuguese build: in Portuguese, with the English CV's
figures, two pages, nothing web-only (the LaTeX is compared without TeX; the PDF needs
TeX and poppler, as tests/test_pdf.py)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from test_pdf import WEB_ONLY, build_pdf, pdf_pages, pdf_text
from test_translation import FIGURE, figures

from conftest import REPO

#: The Portuguese words of what only the web shows (test_pdf.WEB_ONLY in English).
WEB_ONLY_PT = (
    "· introdução", "· cronologia", "· formação", "· temas", "· artigos", "· ferramentas",
    "Glossário", "O rótulo de um selo", "Impacto em resumo", "leva ao seu cartão",
    "BibTeX", "autores)", "Listado em",
)  # fmt: skip


def latex(out: Path, *options: str) -> str:
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-n", "--keep-going", "-b", "latex"]
    run = subprocess.run(
        [*command, *options, str(REPO / "docs"), str(out)], capture_output=True, text=True
    )
    assert run.returncode == 0 and run.stderr == "", run.stderr
    tex = (out / "paulo-soares-cv.tex").read_text(encoding="utf-8")
    return tex[tex.index(r"\begin{document}") :]


def test_the_cv_latex_is_portuguese_with_the_same_figures(tmp_path):
    english = latex(tmp_path / "en")
    portuguese = latex(tmp_path / "pt", "-D", "language=pt_BR")
    head = (tmp_path / "pt" / "paulo-soares-cv.tex").read_text(encoding="utf-8")
    assert r"\setmainlanguage{brazil}" in head
    for word in ("Experiência", "Formação", "Habilidades", "Otimizei um modelo"):
        assert word in portuguese
    assert "Experience" not in portuguese
    unescaped = [tex.replace(r"\%", "%").replace(r"\$", "$") for tex in (english, portuguese)]
    assert figures(unescaped[1]) == figures(unescaped[0])


def test_the_pdf_cv_in_portuguese(tmp_path):
    pdf = build_pdf(tmp_path, "-D", "language=pt_BR")
    assert 1 <= pdf_pages(pdf) <= 2
    text = " ".join(pdf_text(pdf).split())
    assert [w for w in (*WEB_ONLY, *WEB_ONLY_PT) if w in text] == []
    assert text.startswith("Paulo Soares Senior ML Engineer · Ph.D. Trabalho como")
    assert "Experiência" in text and "−1,34% CPC" in text
    assert Counter(FIGURE.findall(text))  # figures survive TeX (the arrows apart)
