"""Lighthouse (mobile) on a page of each kind: accessibility, best practices and SEO
score 100 (benchmarks/lighthouse.py runs every indexable page, and performance
against stock). Lighthouse comes from npm (.ci/run installs it beside axe-core)
and drives the same Debian chromium with the team's headless flags.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from .conftest import CHROMIUM, CHROMIUM_FLAGS, NPM_PREFIX, unavailable

PERFECT = ("accessibility", "best-practices", "seo")
# The home page, a generated page (the impact index) and a generated paper page.
PAGES = ("index.html", "portfolio-impact.html", "papers/pyarelal2023tomcat.html")


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
    command = [
        lighthouse,
        server + page,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(PERFECT)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    for name in PERFECT:
        category = report["categories"][name]
        failing = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        ]
        assert category["score"] == 1, f"{page}: {name} {category['score']}, failing {failing}"
