"""The built wheel, installed (not editable) with its extras into a fresh virtual
environment, makes a site with every directive, the publications and the exports.

Slow (it builds a wheel and installs Sphinx from the package index, which pip
caches); without network it skips, except under CI=true, where it fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, missing_tool

pytestmark = pytest.mark.slow

RESUME = {
    "basics": {"name": "Ada Example", "label": "Analyst", "summary": "I measure.", "profiles": []},
    "work": [
        {
            "name": "Acme",
            "position": "Staff Engineer",
            "startDate": "2020-01",
            "highlights": ["Cut costs by −1.34% CPC and raised engagement by +4.6%."],
        }
    ],
    "education": [{"institution": "University of Example", "studyType": "Ph.D.", "area": "Math"}],
    "publications": [
        {
            "name": "Notes on Engines",
            "publisher": "Journal of Examples",
            "releaseDate": "2020-05-01",
            "url": "https://doi.org/10.1234/example.5678",
            "x-authors": ["Ada Example", "Charles Babbage"],
            "x-doi": "10.1234/example.5678",
        }
    ],
    "skills": [{"name": "Craft", "keywords": ["Reading", "Writing"]}],
    "interests": [{"name": "Engines", "keywords": ["analytical"]}],
}
MORE = """\
---
orphan: true
---

# More

```{metric-badge} -12% p95 latency
:better: lower
:name: p95
:method: A/B test
```

See {portfolio:metric}`p95`, the card {portfolio:card}`acme-staff-engineer`, the paper
{portfolio:paper}`example-2020-notes` and {cite:p}`example-2020-notes`; the data as
{portfolio-export}`JSON Resume <resume.json>`.

- A bullet for a tailored build {tagged}`ads`.

```{paper} example-2020-notes
```
"""


def run(*command, cwd: Path | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel and its [all] extra installed."""
    work = tmp_path_factory.mktemp("package")
    source = work / "source"  # a clean copy: the build leaves nothing in the checkout
    ignore = shutil.ignore_patterns(".git", ".venv", "_build", "build", "*.egg-info", "__pycache__")
    shutil.copytree(REPO, source, ignore=ignore)
    wheels = work / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, source)
    [wheel] = wheels.glob("sphinx_portfolio-*.whl")
    env = work / "venv"
    run(sys.executable, "-m", "venv", env)  # no system site packages
    install = subprocess.run(
        [env / "bin" / "pip", "install", "-q", f"{wheel}[all]"],
        capture_output=True,
        text=True,
        check=False,
    )
    if install.returncode != 0:
        missing_tool(f"pip could not install the wheel's dependencies: {install.stderr[-500:]}")
    return env


def test_the_installed_wheel_builds_a_site_with_every_part(venv, tmp_path):
    bin_ = venv / "bin"
    where = run(bin_ / "python", "-c", "import sphinx_portfolio; print(sphinx_portfolio.__file__)")
    assert str(venv) in where.stdout  # the wheel, not this checkout
    version = run(bin_ / "sphinx-portfolio", "--version").stdout.split()[-1]
    metadata = "import importlib.metadata as m; print(m.version('sphinx-portfolio'))"
    assert run(bin_ / "python", "-c", metadata).stdout.strip() == version
    # The package index shows the description: no picture or link that only
    # resolves inside the repository.
    described = (
        "import importlib.metadata as m; print(m.metadata('sphinx-portfolio').get_payload())"
    )
    description = run(bin_ / "python", "-c", described).stdout
    assert "sphinx-portfolio new mysite --from resume.json" in description
    assert re.findall(r"\]\((?!https?://)[^)]*\)", description) == []
    (tmp_path / "resume.json").write_text(json.dumps(RESUME), encoding="utf-8")
    command = ("new", "mysite", "--from", "resume.json", "--languages", "en,pt_BR")
    run(bin_ / "sphinx-portfolio", *command, cwd=tmp_path)
    site = tmp_path / "mysite"
    (site / "more.md").write_text(MORE, encoding="utf-8")
    out = site / "_build" / "html"
    run(bin_ / "sphinx-build", "-q", "-W", "-n", "-b", "html", site, out)
    exported = json.loads((out / "resume.json").read_text(encoding="utf-8"))
    for section in ("basics", "education", "publications", "skills", "interests"):
        assert exported[section] == RESUME[section], section
    assert [m["text"] for m in exported["work"][0]["x-metrics"]] == [
        "−1.34% CPC",
        "engagement by +4.6%",
    ]
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(home.select(".portfolio-impact a")) >= 3  # the impact summary's links
    more = BeautifulSoup((out / "more.html").read_text(encoding="utf-8"), "html.parser")
    assert "p95 latency" in more.get_text()
    assert (out / "papers.html").is_file()
    assert (out / "portfolio-impact.html").is_file()
    # The package's page template (the language switch on pages without a body).
    search = BeautifulSoup((out / "search.html").read_text(encoding="utf-8"), "html.parser")
    assert search.select_one('[role="main"] nav.portfolio-languages a[hreflang="pt-BR"]')
