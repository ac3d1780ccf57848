"""``sphinx-portfolio new … --languages en,pt_BR``: a new site ready for a second
language, followed end to end as its locale/README.txt says (extract, sphinx-intl,
translate, build both side by side)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from conftest import missing_tool
from sphinx_portfolio.new.cli import main

RESUME = {
    "basics": {"name": "Ada Lovelace", "label": "Analyst"},
    "work": [
        {
            "name": "Engine Works",
            "position": "Analyst",
            "highlights": ["Launched the engine with +2.6% CTR."],
        }
    ],
}
PORTUGUESE = {
    "Experience": "Experiência",
    # `new` escapes the highlight's full stop for MyST: the message keeps it.
    "Launched the engine with {metric-badge}`+2.6% CTR`\\.":
        "Lançou o motor com {metric-badge}`+2,6% CTR <+2.6% CTR>`\\.",
}  # fmt: skip


def new(tmp_path: Path, *options: str) -> tuple[int, Path]:
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(RESUME), encoding="utf-8")
    site = tmp_path / "site"
    return main(["new", str(site), "--from", str(source), "-q", *options]), site


def sphinx(*arguments: str) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-n", *arguments]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stderr == "", run.stderr


def test_the_scaffold_of_a_second_language(tmp_path):
    code, site = new(tmp_path, "--languages", "en,pt_BR")
    assert code == 0
    conf = (site / "conf.py").read_text(encoding="utf-8")
    assert 'language = "en"' in conf.replace("'", '"')
    assert "portfolio_languages = ['en', 'pt_BR']" in conf
    assert 'locale_dirs = ["locale/"]' in conf and "gettext_compact = False" in conf
    assert (site / "locale" / "pt_BR" / "LC_MESSAGES").is_dir()
    assert (site / "locale" / ".gitignore").read_text(encoding="utf-8").endswith("*.mo\n")
    readme = (site / "locale" / "README.txt").read_text(encoding="utf-8")
    assert "sphinx-intl update -p _build/gettext -d locale -l pt_BR" in readme
    assert "-D language=pt_BR . _build/site/pt-br" in readme
    rtd = (site / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert "Settings -> Translations" in rtd and "/pt-br/latest/" in rtd


@pytest.mark.parametrize("value", ["en,<b>", "en,en", ",", "en;pt"])
def test_a_bad_list_is_one_line_and_nothing_is_written(tmp_path, capsys, value):
    code, site = new(tmp_path, "--languages", value)
    assert code == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("sphinx-portfolio: error: --languages:")
    assert "<b>" not in line or "'" in line
    assert not site.exists()


def test_without_languages_nothing_changes(tmp_path):
    code, site = new(tmp_path)
    assert code == 0
    assert not (site / "locale").exists()
    assert "portfolio_languages" not in (site / "conf.py").read_text(encoding="utf-8")


def test_the_workflow_end_to_end(tmp_path):
    intl = shutil.which("sphinx-intl") or str(Path(sys.executable).with_name("sphinx-intl"))
    if not Path(intl).exists():
        missing_tool("sphinx-intl is not installed (pip install -e '.[test]')")
    code, site = new(tmp_path, "--languages", "en,pt_BR")
    assert code == 0
    templates = tmp_path / "gettext"
    sphinx("-b", "gettext", str(site), str(templates))
    run = subprocess.run(
        [intl, "update", "-p", str(templates), "-d", str(site / "locale"), "-l", "pt_BR"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    for path in (site / "locale" / "pt_BR" / "LC_MESSAGES").glob("*.po"):
        with path.open("rb") as file:
            catalog = read_po(file, locale="pt_BR")
        for message in catalog:
            if message.id:
                message.string = PORTUGUESE.get(message.id, message.id)
        with path.open("wb") as file:
            write_po(file, catalog)
    out = tmp_path / "out"
    sphinx("-b", "html", str(site), str(out / "en"))
    sphinx("-b", "html", "-D", "language=pt_BR", str(site), str(out / "pt-br"))
    page = BeautifulSoup((out / "pt-br" / "experience.html").read_text("utf-8"), "html.parser")
    assert "Experiência" in page.select_one("h1").get_text()
    assert "Lançou o motor" in page.get_text()
    assert page.select_one("[data-metric-value]")["data-metric-value"] == "2.6"
    link = page.select_one("nav.portfolio-languages a")
    assert (out / "pt-br" / link["href"]).resolve() == (out / "en" / "experience.html")
