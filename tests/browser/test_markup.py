"""The Nu HTML checker (vnu-jar from npm, run by Debian's java) finds no error in
any page of the site: our extension's markup, the pages and the theme around them.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from .conftest import pages_of


def test_nu_html_checker_finds_no_errors(site, vnu_jar):
    pages = [str(site / page) for page in pages_of(site)]
    result = subprocess.run(
        [shutil.which("java"), "-jar", str(vnu_jar), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [
        f"{m.get('url', '').rpartition('/')[2]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr[-2000:]
