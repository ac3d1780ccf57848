"""Every table of issue 12 from one command, into benchmarks/results/<commit>.md/.json.

Runs, one after the other (each is a script of this folder, run as its own
process exactly as benchmarks/README.md shows it):

1. ``bench_build.py``: build times at 200 and 1000 papers and of the card-heavy
   site at 200 and 400 cards, ours against stock, interleaved; the search index
   and the search page's timings at N = 1000 (``--rev HEAD``: the committed
   extension);
2. ``impact_share.py``: the impact index page's share of a clean build of the
   card-heavy site, and how it grows, at 200, 400 and 800 cards;
3. ``page_weight.py``: gzip bytes and requests a page, ours against stock;
4. ``lighthouse.py``: Lighthouse on every indexable page, and performance
   against stock.

It writes ``results/<short commit>.md`` (each script's tables, the commands, how
long each took and how loaded the machine was) and ``.json`` (every script's raw
figures), and prints which of issue 12's goals were kept. Commit first: the
files are named by ``HEAD``, and a dirty tree is noted in them.

    python benchmarks/run_all.py                 # reps 3: 19 min on 2 shared cores
    python benchmarks/run_all.py --reps 1 --skip lighthouse    # a quick look
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
STEPS = ("bench_build", "impact_share", "page_weight", "lighthouse")


def commands(reps: int, tmp: Path) -> dict[str, list[str]]:
    """Each step's command line (the .json it writes is tmp/<step>.json)."""
    return {
        "bench_build": [
            *("bench_build.py", "--sizes", "200", "1000", "--cards", "200", "400"),
            *("--reps", str(reps), "--rev", "HEAD", "--workdir", str(tmp / "bench")),
        ],
        "impact_share": ["impact_share.py", "--sizes", "200", "400", "800", "--reps", str(reps)],
        "page_weight": ["page_weight.py", "--size", "200"],
        "lighthouse": ["lighthouse.py", "--reps", str(reps)],
    }


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True).stdout


def load() -> str:
    """The 1, 5 and 15 minute load averages (2 cores: above 2 means waiting)."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def run_step(name: str, command: list[str], tmp: Path) -> dict:
    output = tmp / f"{name}.json"
    line = [sys.executable, str(HERE / command[0]), *command[1:], "--json", str(output)]
    shown = "python benchmarks/" + " ".join(command) + f" --json {name}.json"
    print(f"{time.strftime('%H:%M:%S')} {shown}", file=sys.stderr, flush=True)
    before = load()
    start = time.perf_counter()
    run = subprocess.run(line, capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - start
    if run.returncode and not run.stdout.strip():
        print(run.stderr[-3000:], file=sys.stderr)
    figures = json.loads(output.read_text(encoding="utf-8")) if output.exists() else None
    return {
        "command": shown,
        "seconds": round(seconds, 1),
        "exit": run.returncode,  # page_weight and lighthouse: 1 when a goal is missed
        "load_before": before,
        "load_after": load(),
        "tables": run.stdout,
        "figures": figures,
    }


def goals(results: dict) -> list[tuple[str, str, bool | None]]:
    """Issue 12's goals, each (goal, what was measured, kept?); None: not measured."""
    found = []
    build = (results.get("bench_build") or {}).get("figures")
    if build:
        found += build_goals(build)
    share = (results.get("impact_share") or {}).get("figures")
    if share:
        sizes = sorted(share, key=int)
        worst = max(share[s]["index"] / share[s]["build"] for s in sizes)
        found.append(("impact index < 10% of a clean build", f"at most {worst:.1%}", worst < 0.10))
        for small, big in itertools.pairwise(sizes):
            growth = share[big]["index"] / share[small]["index"]
            # A full garbage collection (the whole build's objects) that lands in the
            # page is not the page's cost: judged without it (impact_share.py).
            without = share[big]["index_without_gc"] / share[small]["index_without_gc"]
            linear = int(big) / int(small)
            found.append(
                (
                    f"impact index grows linearly ({small} → {big} cards)",
                    f"{without:.2f}× without GC, {growth:.2f}× with (linear {linear:.2f}×)",
                    without <= linear * 1.15,  # within the noise of a shared machine
                )
            )
    for step, goal in (
        ("page_weight", "no page heavier than stock's (requests, gzip bytes)"),
        ("lighthouse", "Lighthouse 100 a11y/BP/SEO; performance >= stock"),
    ):
        if step in results:
            kept = results[step]["exit"] == 0
            found.append((goal, "see its table", kept))
    return found


def build_goals(build: dict) -> list[tuple[str, str, bool | None]]:
    def median(size: str, variant: str, step: str) -> float:
        values = sorted(build["seconds"][f"{size}/{variant}/{step}"])
        return values[len(values) // 2]

    found = []
    cards = [f"{n} cards" for n in build["card_sizes"]]
    for label in cards:
        ratio = median(label, "ours", "clean") / median(label, "stock", "clean")
        found.append((f"{label}: clean build <= 1.10× stock", f"{ratio:.2f}×", ratio <= 1.10))
    if len(cards) > 1:
        growth = median(cards[-1], "ours", "clean") / median(cards[0], "ours", "clean")
        found.append((f"{cards[0]} → {cards[-1]}: growth <= 2.1×", f"{growth:.2f}×", growth <= 2.1))
    search = build.get("search") or {}
    if "ours" in search and "stock" in search:
        ours, stock = search["ours"], search["stock"]
        size = ours["index_bytes"] / stock["index_bytes"]
        found.append(("searchindex.js <= 3× stock", f"{size:.2f}×", size <= 3))
        for query in ours.get("queries", {}):
            o, s = ours["queries"][query], stock["queries"][query]
            for step, name in (("first_ms", "first hit"), ("done_ms", "full list")):
                ratio = o[step] / s[step] if o[step] and s[step] else None
                shown = "not reached" if ratio is None else f"{ratio:.2f}×"
                kept = None if ratio is None else ratio <= 1.3
                found.append((f"search “{query}”: {name} <= 1.3× stock", shown, kept))
    return found


def markdown(commit: str, dirty: bool, results: dict, total: float) -> str:
    import sphinx

    lines = [
        f"# Benchmarks at commit {commit}",
        "",
        f"One run of `python benchmarks/run_all.py` ({total / 60:.0f} min), Python "
        f"{platform.python_version()}, Sphinx {sphinx.__version__}, {os.cpu_count()} cores"
        + (" (the working tree had uncommitted changes)." if dirty else "."),
        "",
        "| step | command | time | load before → after (1, 5, 15 min) | exit |",
        "| --- | --- | ---: | --- | ---: |",
    ]
    for name, step in results.items():
        lines.append(
            f"| {name} | `{step['command']}` | {step['seconds']:.0f} s | "
            f"{step['load_before']} → {step['load_after']} | {step['exit']} |"
        )
    lines += ["", "## Issue 12's goals", "", "| goal | measured | kept |", "| --- | --- | --- |"]
    for goal, measured, kept in goals(results):
        mark = {True: "yes", False: "**no**", None: "not measured"}[kept]
        lines.append(f"| {goal} | {measured} | {mark} |")
    for name, step in results.items():
        lines += ["", f"## {name}.py", "", step["tables"].strip()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--skip", nargs="*", choices=STEPS, default=[])
    parser.add_argument("--out", type=Path, default=HERE / "results", help="results folder")
    args = parser.parse_args()
    commit = git("rev-parse", "--short", "HEAD").strip()
    dirty = bool(git("status", "--porcelain", "--untracked-files=no").strip())
    if dirty:
        print("warning: uncommitted changes; results are named by HEAD", file=sys.stderr)
    results = {}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name, command in commands(args.reps, Path(tmp)).items():
            if name not in args.skip:
                results[name] = run_step(name, command, Path(tmp))
    total = time.perf_counter() - start
    args.out.mkdir(parents=True, exist_ok=True)
    data = {"commit": commit, "dirty": dirty, "seconds": round(total, 1)}
    data |= {
        name: {k: v for k, v in step.items() if k != "tables"} for name, step in results.items()
    }
    (args.out / f"{commit}.json").write_text(
        json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    text = markdown(commit, dirty, results, total)
    (args.out / f"{commit}.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {args.out / commit}.md and .json", file=sys.stderr)


if __name__ == "__main__":
    main()
