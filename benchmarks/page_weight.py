"""Page weight: what sphinx-portfolio adds to what a reader downloads.

Builds, in the same run, the same synthetic portfolio twice (``generate.py``):
``ours`` (cards, badges and summary by the extension) and ``stock`` (the same
visible content with sphinx-design cards and badges). For each build it sums what
a browser fetches for an experience page and for the home page: the HTML plus
every stylesheet and script the page links, each gzip-compressed (level 6, as a
web server would). It also builds the real site (docs/) and measures the
extension's own stylesheets and scripts there.

Budget (issue 4): the extension adds at most 4 KB of CSS (gzip) and no script of
its own; (issue 12) no synthetic page has more requests or gzip bytes than
stock's. The script exits non-zero when either is broken.

    python benchmarks/page_weight.py            # size 50: a handful of pages
    python benchmarks/page_weight.py --size 200 --json weight.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate

REPO = Path(__file__).parents[1]
EXTENSION_STATIC = REPO / "extensions" / "sphinx_portfolio" / "static"
CSS_BUDGET = 4096  # bytes, gzip
LINKED = re.compile(r'<(?:link[^>]+href|script[^>]+src)="([^"?#]+)')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def build(srcdir: Path, outdir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
        check=True,
        capture_output=True,
    )


def assets_of(outdir: Path, page: str) -> list[Path]:
    """The local stylesheets and scripts a page links."""
    html = (outdir / page).read_text(encoding="utf-8")
    found = []
    for href in LINKED.findall(html):
        path = (outdir / page).parent / href
        if path.suffix in (".css", ".js") and path.is_file():
            found.append(path.resolve())
    return found


def page_weight(outdir: Path, page: str) -> dict[str, int]:
    """gzip bytes a reader downloads for ``page``: HTML, CSS, JS, the search index."""
    assets = assets_of(outdir, page)
    scripts = [p for p in assets if p.suffix == ".js"]
    weight = {
        "html": gz((outdir / page).read_bytes()),
        "css": sum(gz(p.read_bytes()) for p in assets if p.suffix == ".css"),
        "js": sum(gz(p.read_bytes()) for p in scripts if p.name != "searchindex.js"),
        "index": sum(gz(p.read_bytes()) for p in scripts if p.name == "searchindex.js"),
    }
    weight["total"] = sum(weight.values())
    # The page, each stylesheet and script it links (the search index among them).
    weight["requests"] = 1 + len(assets)
    return weight


def extension_assets(outdir: Path, page: str) -> dict[str, int]:
    """The extension's own files among a page's assets, by name, gzip bytes."""
    ours = {p.name for p in EXTENSION_STATIC.iterdir()}
    return {p.name: gz(p.read_bytes()) for p in assets_of(outdir, page) if p.name in ours}


def measure(size: int, workdir: Path) -> dict:
    result: dict = {"size": size, "synthetic": {}}
    for variant in ("stock", "ours"):
        src, out = workdir / f"{variant}-src", workdir / f"{variant}-html"
        pages = generate(src, size, variant)
        build(src, out)
        result["synthetic"][variant] = {
            "experience": page_weight(out, f"{pages[0]}.html"),
            "home": page_weight(out, "index.html"),
            "search": page_weight(out, "search.html"),
        }
    site = workdir / "site"
    build(REPO / "docs", site)
    result["site"] = {
        page: {"weight": page_weight(site, page), "extension": extension_assets(site, page)}
        for page in (
            "index.html",
            "experience.html",
            "papers.html",
            "portfolio-impact.html",
            "glossary.html",
        )
        if (site / page).exists()
    }
    return result


def report(result: dict) -> bool:
    """Print Markdown tables; return whether the budget holds."""
    stock, ours = result["synthetic"]["stock"], result["synthetic"]["ours"]
    print(f"## Synthetic portfolio, size {result['size']} (gzip bytes, requests; ours / stock)\n")
    print("| page | part | stock | ours | ratio |\n| --- | --- | ---: | ---: | ---: |")
    for page in ("experience", "home", "search"):
        for part in ("html", "css", "js", "index", "total", "requests"):
            a, b = stock[page][part], ours[page][part]
            if a or b:
                print(f"| {page} | {part} | {a} | {b} | {b / a if a else float('inf'):.3f} |")
    print("\n## The real site: the extension's own assets (gzip bytes)\n")
    print("| page | total | requests | extension CSS | extension JS | files |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    ok = True
    for page, data in result["site"].items():
        css = sum(v for k, v in data["extension"].items() if k.endswith(".css"))
        js = sum(v for k, v in data["extension"].items() if k.endswith(".js"))
        names = ", ".join(sorted(data["extension"])) or "none"
        requests = data["weight"]["requests"]
        print(f"| {page} | {data['weight']['total']} | {requests} | {css} | {js} | {names} |")
        # A script only where a feature needs it: the impact index's filter.
        ok = ok and css <= CSS_BUDGET and (js == 0 or page == "portfolio-impact.html")
    # Within ours: stock loads sphinx-design's script, ours does not, so a
    # difference against stock would hide a script of our own.
    extra_js = ours["experience"]["js"] - ours["home"]["js"]
    scorer_js = (ours["search"]["js"] - ours["home"]["js"]) - (
        stock["search"]["js"] - stock["home"]["js"]
    )
    index_ratio = ours["search"]["index"] / stock["search"]["index"]
    ok = ok and extra_js <= 0
    print(
        f"\nBudget: extension CSS <= {CSS_BUDGET} B gzip and no script of its own on"
        f" content pages (ours: experience page JS - home page JS = {extra_js} B):"
        f" {'kept' if ok else 'BROKEN'}. The search page's scorer (names our hits)"
        f" adds {scorer_js} B gzip there only; the search index is {index_ratio:.2f}x stock's"
        " (cards as objects; entries only for the phrases few cards share)."
    )
    heavier = [
        page
        for page in ("experience", "home", "search")
        if ours[page]["total"] > stock[page]["total"]
        or ours[page]["requests"] > stock[page]["requests"]
    ]
    print(
        "\nIssue 12: no page heavier than stock's (requests and gzip bytes):"
        f" {'kept' if not heavier else 'BROKEN by ' + ', '.join(heavier)}."
    )
    return ok and not heavier


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50, help="papers; cards = size / 5")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = measure(args.size, Path(tmp))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    sys.exit(0 if report(result) else 1)


if __name__ == "__main__":
    main()
