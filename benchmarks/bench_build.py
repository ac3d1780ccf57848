"""Build benchmark: sphinx-portfolio against the same site written with stock parts.

For each size N and each variant (see ``generate.py``) it times, interleaved and
repeated: a clean build, a rebuild with nothing changed, a rebuild after editing
one experience page, and a clean build with ``-j 2``; and it records the peak
memory of the clean build and which pages Sphinx re-read and re-wrote after the
edit (from Sphinx's own log). At the largest size it also measures the search
index and how long Sphinx's search page takes to show results in headless
Chromium. It prints Markdown tables of medians and ratios: ours / stock at each
size, and the cost of doubling N, ``(t(b)/t(a)) ** (log 2 / log(b/a))``, which is
exactly ``t(2N)/t(N)`` when b = 2a.

    python benchmarks/bench_build.py --sizes 50 200 --reps 3
    python benchmarks/bench_build.py --sizes 500 1000 --reps 3 --json results.json

Every figure is a ratio against stock Sphinx measured in the same run, on the
same machine, so the machine's own speed cancels out; absolute seconds are
printed for context only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import VARIANTS, edit_one_page, generate

STEPS = ("clean", "no-change", "edit", "clean -j 2")
QUERIES = ("ranking", "CTR", "latency budget", "journal")
READ = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
WRITTEN = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)


@dataclass
class Build:
    seconds: float
    peak_mib: float
    read: list[str]
    written: list[str]
    warnings: int


@dataclass
class Results:
    sizes: list[int]
    reps: int
    card_sizes: list[int] = field(default_factory=list)  # the card-heavy site, no papers
    # (size, variant, step) flattened as "size/variant/step" for JSON
    seconds: dict[str, list[float]] = field(default_factory=dict)
    peak_mib: dict[str, list[float]] = field(default_factory=dict)
    edit_read: dict[str, list[str]] = field(default_factory=dict)
    edit_written: dict[str, list[str]] = field(default_factory=dict)
    noop_written: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    search: dict[str, dict] = field(default_factory=dict)

    def labels(self) -> list[str]:
        """Each workload as its tables name it: "1000" (papers) or "200 cards"."""
        return [str(size) for size in self.sizes] + [f"{n} cards" for n in self.card_sizes]

    def add(self, size: int | str, variant: str, step: str, build: Build) -> None:
        self.seconds.setdefault(key(size, variant, step), []).append(build.seconds)
        self.warnings[key(size, variant, step)] = build.warnings

    def median(self, size: int | str, variant: str, step: str) -> float:
        return statistics.median(self.seconds[key(size, variant, step)])


def key(*parts: object) -> str:
    return "/".join(str(part) for part in parts)


def sphinx_build(srcdir: Path, outdir: Path, jobs: int = 1) -> Build:
    """One ``sphinx-build -b html`` in a child process: wall time, peak RSS, its log."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-j", str(jobs)]
    command += ["-d", str(outdir / ".doctrees"), str(srcdir), str(outdir / "html")]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if child.returncode:
        raise RuntimeError(f"sphinx-build failed in {srcdir}:\n{text[-3000:]}")
    return Build(
        seconds=seconds,
        peak_mib=usage.ru_maxrss / 1024,  # KiB on Linux; the largest of the process tree
        read=READ.findall(text),
        written=WRITTEN.findall(text),
        warnings=text.count("WARNING"),
    )


def one_round(
    workdir: Path, size: int, order: tuple[str, ...], results: Results, cards_only: bool = False
) -> Path:
    """The four steps on freshly generated sites, each step run for every variant
    in turn, so that a burst of load from elsewhere hits both variants alike.
    Returns the folder holding each variant's HTML output."""
    sites = {variant: (workdir / variant / "src", workdir / variant / "out") for variant in order}
    pages = {}
    label = f"{size} cards" if cards_only else size
    for variant, (srcdir, outdir) in sites.items():
        shutil.rmtree(outdir, ignore_errors=True)
        pages[variant] = generate(srcdir, size, variant, cards_only)
    for variant, (srcdir, outdir) in sites.items():
        clean = sphinx_build(srcdir, outdir)
        results.add(label, variant, "clean", clean)
        results.peak_mib.setdefault(key(label, variant), []).append(clean.peak_mib)
    for variant, (srcdir, outdir) in sites.items():
        noop = sphinx_build(srcdir, outdir)
        results.add(label, variant, "no-change", noop)
        results.noop_written[key(label, variant)] = noop.written
    time.sleep(1)  # a later mtime than the last build, even on coarse file systems
    for variant, (srcdir, outdir) in sites.items():
        edit_one_page(srcdir, pages[variant][len(pages[variant]) // 2], variant)
        edit = sphinx_build(srcdir, outdir)
        results.add(label, variant, "edit", edit)
        results.edit_read[key(label, variant)] = edit.read
        results.edit_written[key(label, variant)] = edit.written
    for variant, (srcdir, outdir) in sites.items():
        shutil.rmtree(outdir)
        results.add(label, variant, "clean -j 2", sphinx_build(srcdir, outdir, jobs=2))
    return workdir


def run(
    sizes: list[int],
    reps: int,
    workdir: Path,
    search: bool,
    save: Path | None,
    card_sizes: list[int] = (),
) -> Results:
    results = Results(sizes=sizes, reps=reps, card_sizes=list(card_sizes))
    last = workdir
    # untimed: byte-compiles imports, warms the file cache
    one_round(workdir / "warmup", min(sizes), VARIANTS, Results(sizes, 1))
    workloads = [(size, False) for size in sizes] + [(size, True) for size in card_sizes]
    for rep in range(reps):
        for number, (size, cards_only) in enumerate(workloads):
            # Alternate which variant goes first so that drift hits both alike.
            order = VARIANTS if (rep + number) % 2 == 0 else VARIANTS[::-1]
            started = time.perf_counter()
            folder = workdir / (f"{size}-cards" if cards_only else str(size))
            done = one_round(folder, size, order, results, cards_only)
            last = last if cards_only else done
            if save:  # after every round: a long run that dies keeps what it measured
                save.write_text(json.dumps(asdict(results), indent=1, ensure_ascii=False))
            elapsed = time.perf_counter() - started
            name = f"{size} cards" if cards_only else f"N={size}"
            print(f"rep {rep + 1}/{reps} {name}: {elapsed:.1f} s", file=sys.stderr, flush=True)
    if search:
        html_dirs = {variant: last / variant / "out" / "html" for variant in VARIANTS}
        results.search = search_figures(html_dirs, max(reps, 5))
    return results


def search_figures(html_dirs: dict[str, Path], reps: int) -> dict[str, dict]:
    """Search index size and timings of each variant; the browser runs interleaved."""
    from search_timing import time_variants

    figures = {
        variant: {"index_bytes": (html_dir / "searchindex.js").stat().st_size}
        for variant, html_dir in html_dirs.items()
    }
    try:
        timings = time_variants(html_dirs, list(QUERIES), reps=reps)
    except (OSError, RuntimeError) as error:
        print(f"search timing skipped: {error}", file=sys.stderr)
        return figures
    for variant, by_query in timings.items():
        figures[variant]["queries"] = {
            query: {
                "first_ms": median_or_none(t["first"] for t in runs),
                "done_ms": median_or_none(t["done"] for t in runs),
                "hits": runs[-1]["hits"],
            }
            for query, runs in by_query.items()
        }
    return figures


def median_or_none(values) -> float | None:
    """The median; None (not reached in time) counts as slower than any time."""
    values = [math.inf if value is None else value for value in values]
    middle = statistics.median(values)
    return None if math.isinf(middle) else middle


# -- tables -----------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def times_table(results: Results) -> str:
    rows = []
    for size in results.labels():
        for step in STEPS:
            ours = results.median(size, "ours", step)
            stock = results.median(size, "stock", step)
            rows.append([str(size), step, f"{ours:.2f}", f"{stock:.2f}", f"{ours / stock:.3f}"])
        ours_mib = statistics.median(results.peak_mib[key(size, "ours")])
        stock_mib = statistics.median(results.peak_mib[key(size, "stock")])
        ratio = f"{ours_mib / stock_mib:.3f}"
        rows.append([str(size), "peak MiB", f"{ours_mib:.0f}", f"{stock_mib:.0f}", ratio])
    return table(["N", "step", "ours (s)", "stock (s)", "ours / stock"], rows)


def scaling_table(results: Results) -> str:
    rows = []
    for sizes, unit in ((results.sizes, ""), (results.card_sizes, " cards")):
        for small, big in itertools.pairwise(sizes):
            for step in ("clean", "clean -j 2"):
                cells = []
                for variant in VARIANTS:
                    a = results.median(f"{small}{unit}", variant, step)
                    b = results.median(f"{big}{unit}", variant, step)
                    cells.append(f"{(b / a) ** (math.log(2) / math.log(big / small)):.2f}")
                rows.append([f"{small} → {big}{unit}", step, *cells])
    return table(["N", "step", "ours t(2N)/t(N)", "stock t(2N)/t(N)"], rows)


def edit_table(results: Results) -> str:
    rows = []
    for size in results.labels():
        for variant in VARIANTS:
            edit = results.median(size, variant, "edit")
            clean = results.median(size, variant, "clean")
            rows.append(
                [
                    str(size),
                    variant,
                    ", ".join(results.edit_read[key(size, variant)]),
                    ", ".join(results.edit_written[key(size, variant)]),
                    ", ".join(results.noop_written[key(size, variant)]) or "none",
                    f"{edit / clean:.2f}",
                ]
            )
    header = ["N", "variant", "edit re-read", "edit re-wrote", "no-change re-wrote", "edit / clean"]
    return table(header, rows)


def search_table(results: Results) -> str:
    ours, stock = results.search["ours"], results.search["stock"]
    size = ours["index_bytes"] / stock["index_bytes"]
    rows = [
        [
            "searchindex.js (KiB)",
            f"{ours['index_bytes'] / 1024:.0f}",
            f"{stock['index_bytes'] / 1024:.0f}",
            f"{size:.2f}",
        ]
    ]
    for query in QUERIES if "queries" in ours and "queries" in stock else ():
        o, s = ours["queries"][query], stock["queries"][query]
        ratios = [
            ms(o[step] / s[step] if o[step] and s[step] else None, "{:.2f}")
            for step in ("first_ms", "done_ms")
        ]
        rows.append(
            [
                f"“{query}”: first hit, all listed (ms); hits",
                search_cell(o),
                search_cell(s),
                "; ".join(ratios),
            ]
        )
    title = f"Search at N = {max(results.sizes)}"
    return table([title, "ours", "stock", "ours / stock (first hit; all listed)"], rows)


def search_cell(figures: dict) -> str:
    return f"{ms(figures['first_ms'])}, {ms(figures['done_ms'])}; {figures['hits']}"


def ms(value: float | None, form: str = "{:.0f}") -> str:
    return "—" if value is None else form.format(value)


def report(results: Results) -> str:
    machine = f"{platform.python_version()}, {os.cpu_count()} cores, medians of {results.reps}"
    parts = [
        f"Build times (Python {machine}):",
        times_table(results),
        "Cost of doubling N (1.0 = free, 2.0 = linear):",
        scaling_table(results)
        if len(results.sizes) > 1 or len(results.card_sizes) > 1
        else "(one size only)",
        "What a one-page edit rebuilds (from Sphinx's log, last repetition):",
        edit_table(results),
    ]
    if len(results.search) == len(VARIANTS):
        parts.append(search_table(results))
    return "\n\n".join(parts) + "\n"


def use_revision(rev: str, target: Path) -> None:
    """Put the extension as of ``rev`` first on the builds' path: stable figures
    while the working tree is being edited."""
    repo = Path(__file__).resolve().parents[1]
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", rev, "extensions"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    path = [str(target / "extensions"), os.environ.get("PYTHONPATH", "")]
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, path))
    print(f"extension from {rev} ({target / 'extensions'})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument(
        "--cards", type=int, nargs="*", default=[], help="card-heavy sites: N cards, no papers"
    )
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="where to generate and build (kept)")
    parser.add_argument("--no-search", action="store_true", help="skip the Chromium part")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument(
        "--rev", help="benchmark the extension as committed at this git revision (e.g. HEAD)"
    )
    args = parser.parse_args()
    sizes = sorted(set(args.sizes))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="portfolio-bench-"))
    if args.rev:
        use_revision(args.rev, workdir / "extension")
    card_sizes = sorted(set(args.cards))
    search = not args.no_search
    results = run(sizes, args.reps, workdir, search, save=args.json, card_sizes=card_sizes)
    if args.json:
        args.json.write_text(json.dumps(asdict(results), indent=1, ensure_ascii=False))
    print(report(results))
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
