"""Lighthouse (mobile) on a page of each kind: accessibility, best practices and SEO
score 100 (benchmarks/lighthouse.py runs every indexable page, and performance
against stock). Lighthouse comes from npm (.ci/run installs it beside axe-core)
and drives the same Debian chromium with the team's headless flags, through the
benchmark's own ``audit``: one Lighthouse invocation for both.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

from .conftest import CHROMIUM, CHROMIUM_FLAGS, NPM_PREFIX, REPO, unavailable

PERFECT = ("accessibility", "best-practices", "seo")
# The home page, a generated page (the impact index) and a generated paper page.
PAGES = ("index.html", "portfolio-impact.html", "papers/pyarelal2023tomcat.html")


def load_benchmark():
    """benchmarks/lighthouse.py as a module (benchmarks/ is scripts, not a package)."""
    path = REPO / "benchmarks" / "lighthouse.py"
    spec = importlib.util.spec_from_file_location("portfolio_benchmark_lighthouse", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


benchmark = load_benchmark()


def test_the_benchmark_uses_the_team_flags():
    assert benchmark.CHROME_FLAGS.split() == CHROMIUM_FLAGS


@pytest.fixture(scope="module")
def lighthouse() -> str:
    path = NPM_PREFIX / "node_modules" / ".bin" / "lighthouse"
    if not path.exists():
        unavailable(f"lighthouse is not installed in {NPM_PREFIX} (npm install lighthouse@12)")
    if not os.path.exists(CHROMIUM):
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    return str(path)


@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores_100(lighthouse, server, page):
    found = benchmark.audit(lighthouse, CHROMIUM, server + page, categories=PERFECT)
    below = {name: score for name, score in found["scores"].items() if score < 100}
    assert not below, f"{page}: {below}, failing {found['failing']}"
