"""Lighthouse (mobile) on every indexable page of the site, and against stock.

Two parts, in one run:

1. The real site (docs/), built as the README says, served on 127.0.0.1: every
   page a search engine should index (all but search, genindex and 404) must
   score 100 in accessibility, best practices and SEO.
2. The synthetic portfolio of ``generate.py`` in both variants (``ours`` with the
   extension, ``stock`` with sphinx-design parts): the home page and an
   experience page, interleaved, ``--reps`` times each. Our performance score's
   median must be at least stock's.

Lighthouse comes from npm (``npm install --prefix ~/.cache/sphinx-portfolio/npm
lighthouse@12``, as .ci/run does) and drives Debian's chromium (``CHROME_PATH``)
with the team's headless flags. It is not a test: scores move with the load of
the machine, so the comparison is made in the same run. Both parts are served
gzip-compressed (``serve.py --gzip``), as Read the Docs serves pages. The script
exits non-zero when a goal is missed.

    python benchmarks/lighthouse.py                    # ~5 min on 2 cores
    python benchmarks/lighthouse.py --reps 3 --json /tmp/lighthouse.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate
from search_timing import find_chromium, served

REPO = Path(__file__).parents[1]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PERFECT = ("accessibility", "best-practices", "seo")
NOT_INDEXED = {"search.html", "genindex.html", "404.html"}  # the sitemap leaves them out
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
    " --disable-component-update --disable-sync"
)


def find_lighthouse() -> str | None:
    """The lighthouse CLI: on PATH, or where .ci/run installs the npm packages."""
    prefixes = [os.environ.get("PORTFOLIO_NPM_PREFIX", ""), "~/.cache/sphinx-portfolio/npm"]
    for prefix in filter(None, prefixes):
        path = Path(prefix).expanduser() / "node_modules" / ".bin" / "lighthouse"
        if path.is_file():
            return str(path)
    return shutil.which("lighthouse")


def build(srcdir: Path, outdir: Path, *options: str) -> None:
    command = [sys.executable, "-m", "sphinx", "-q", *options, "-b", "html", str(srcdir)]
    subprocess.run([*command, str(outdir)], check=True, capture_output=True)


def indexable_pages(outdir: Path) -> list[str]:
    pages = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html"))
    return [p for p in pages if p not in NOT_INDEXED and not p.startswith("_")]


def audit(
    lighthouse: str, chromium: str, url: str, categories: tuple[str, ...] = CATEGORIES
) -> dict:
    """One Lighthouse run (mobile, its default) with the team's headless flags: each
    category's score 0-100, and the audits that kept a category of PERFECT below 100.
    The one Lighthouse invocation of the repository (tests/browser/test_lighthouse.py
    uses it too). Raises RuntimeError when Lighthouse fails."""
    command = [
        lighthouse,
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if run.returncode:
        raise RuntimeError(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in categories}
    failing = sorted(
        audit_id
        for name in PERFECT
        if name in categories
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and (report["audits"][(audit_id := ref["id"])]["score"] or 0) < 1
    )
    return {"scores": scores, "failing": failing}


def site_part(lighthouse: str, chromium: str, workdir: Path) -> dict[str, dict]:
    outdir = workdir / "site"
    build(REPO / "docs", outdir, "-W", "-n", "--keep-going")
    with served(outdir, compress=True) as base:
        return {
            page: audit(lighthouse, chromium, f"{base}/{page}") for page in indexable_pages(outdir)
        }


def stock_part(lighthouse: str, chromium: str, workdir: Path, size: int, reps: int) -> dict:
    outdirs, pages = {}, {}
    for variant in ("stock", "ours"):
        src, outdirs[variant] = workdir / f"{variant}-src", workdir / f"{variant}-html"
        experience = generate(src, size, variant)[0]
        build(src, outdirs[variant])
        pages = {"home": "index.html", "experience": f"{experience}.html"}
    scores: dict = {variant: {page: [] for page in pages} for variant in outdirs}
    with (
        served(outdirs["stock"], compress=True) as stock,
        served(outdirs["ours"], compress=True) as ours,
    ):
        bases = {"stock": stock, "ours": ours}
        for rep in range(reps):
            order = ("stock", "ours") if rep % 2 == 0 else ("ours", "stock")
            for page, path in pages.items():
                for variant in order:
                    found = audit(lighthouse, chromium, f"{bases[variant]}/{path}")
                    scores[variant][page].append(found["scores"])
    return scores


def report(site: dict[str, dict], stock: dict, size: int) -> bool:
    print("## The site: Lighthouse (mobile), every indexable page\n")
    print("| page | performance | accessibility | best practices | SEO | below 100 |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    ok = True
    for page, found in site.items():
        s = found["scores"]
        cells = " | ".join(str(s[name]) for name in CATEGORIES)
        print(f"| {page} | {cells} | {', '.join(found['failing']) or '—'} |")
        ok = ok and all(s[name] == 100 for name in PERFECT)
    print(f"\n## Synthetic portfolio, size {size}: performance, ours against stock\n")
    print("| page | stock (median) | ours (median) | runs (stock; ours) |")
    print("| --- | ---: | ---: | --- |")
    for page in stock["ours"]:
        medians = {}
        for variant in ("stock", "ours"):
            runs = [r["performance"] for r in stock[variant][page]]
            medians[variant] = statistics.median(runs)
        runs = "; ".join(
            ", ".join(str(r["performance"]) for r in stock[v][page]) for v in ("stock", "ours")
        )
        print(f"| {page} | {medians['stock']:g} | {medians['ours']:g} | {runs} |")
        ok = ok and medians["ours"] >= medians["stock"]
    print(f"\nGoals (100 on every page; performance >= stock): {'kept' if ok else 'MISSED'}.")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50, help="synthetic portfolio size")
    parser.add_argument("--reps", type=int, default=3, help="runs per synthetic page")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    args = parser.parse_args()
    lighthouse, chromium = find_lighthouse(), find_chromium()
    if lighthouse is None or chromium is None:
        sys.exit("needs lighthouse (npm) and chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        site = site_part(lighthouse, chromium, Path(tmp))
        stock = stock_part(lighthouse, chromium, Path(tmp), args.size, args.reps)
    if args.json:
        data = {"site": site, "synthetic": stock, "size": args.size}
        args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    sys.exit(0 if report(site, stock, args.size) else 1)


if __name__ == "__main__":
    main()
