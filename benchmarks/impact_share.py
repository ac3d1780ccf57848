"""The impact index page's share of a clean build of the card-heavy site.

The impact index lists every figure of the site in a table per label; on a site
of N cards with ten badges each it has 10·N rows. This builds the card-heavy
portfolio of ``generate.py`` (``--cards-only``, variant ``ours``) at each size,
cleanly, in this process, timing the rendering of the index page
(``impact_index.cached_body``) inside the whole build. Each size is built
``--reps`` times; the medians are printed. The page's cost should grow
linearly with N (ratio about b/a between sizes a and b) and stay a small part
of the build.

Python's cyclic garbage collector pauses now and then; a full collection walks
every object of the build (the whole environment), about 0.3 s at 400 cards,
and lands wherever allocation happens to trigger it. When one lands inside the
index page's rendering, that page looks two or three times slower at that size
only. So the time the collector spent inside the rendering is measured too,
and the growth is also given without it.

    python benchmarks/impact_share.py --sizes 200 400 --reps 3
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate


class CollectorClock:
    """Seconds the garbage collector spends while ``running`` is set."""

    def __init__(self) -> None:
        self.running = False
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        elif self.running:
            self.seconds += time.perf_counter() - self._start


def build_once(srcdir: Path, outdir: Path) -> tuple[float, float, float]:
    """(seconds of the whole clean build, seconds spent rendering the index page,
    seconds of garbage collection during that rendering)."""
    from sphinx.application import Sphinx

    from sphinx_portfolio.cards import impact_index

    shutil.rmtree(outdir, ignore_errors=True)
    spent = []
    render = impact_index.cached_body
    collector = CollectorClock()

    def timed(app):
        collector.running = True
        start = time.perf_counter()
        try:
            return render(app)
        finally:
            spent.append(time.perf_counter() - start)
            collector.running = False

    impact_index.cached_body = timed
    gc.callbacks.append(collector)
    try:
        start = time.perf_counter()
        app = Sphinx(srcdir, srcdir, outdir / "html", outdir / "doctrees", "html",
                     status=io.StringIO(), warning=io.StringIO())  # fmt: skip
        app.build()
        total = time.perf_counter() - start
    finally:
        impact_index.cached_body = render
        gc.callbacks.remove(collector)
    return total, sum(spent), collector.seconds


def measure(sizes: list[int], reps: int, workdir: Path) -> dict[int, dict[str, float]]:
    results = {n: {"build": [], "index": [], "gc": [], "index_without_gc": []} for n in sizes}
    for size in sizes:
        generate(workdir / f"src-{size}", size, "ours", cards_only=True)
    for _ in range(reps):
        for size in sizes:  # interleaved: load from elsewhere hits every size alike
            total, index, collecting = build_once(workdir / f"src-{size}", workdir / f"out-{size}")
            results[size]["build"].append(total)
            results[size]["index"].append(index)
            results[size]["gc"].append(collecting)
            results[size]["index_without_gc"].append(index - collecting)
    return {
        size: {name: statistics.median(values) for name, values in found.items()}
        for size, found in results.items()
    }


def report(medians: dict[int, dict[str, float]]) -> None:
    print(
        "| cards | figures | clean build (s) | index page (s) | of which GC (s) | share |"
        " ms a figure | ms a figure without GC |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, m in medians.items():
        figures = 10 * size
        share = m["index"] / m["build"]
        per = 1000 * m["index"] / figures
        per_without = 1000 * m["index_without_gc"] / figures
        cells = [size, figures, f"{m['build']:.2f}", f"{m['index']:.3f}", f"{m['gc']:.3f}"]
        cells += [f"{share:.1%}", f"{per:.3f}", f"{per_without:.3f}"]
        print("| " + " | ".join(map(str, cells)) + " |")
    sizes = list(medians)
    for small, big in itertools.pairwise(sizes):
        growth = medians[big]["index"] / medians[small]["index"]
        without = medians[big]["index_without_gc"] / medians[small]["index_without_gc"]
        print(
            f"\nIndex page {small} → {big} cards: {growth:.2f}×, without GC {without:.2f}×"
            f" (linear: {big / small:.2f}×)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 400])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the medians here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        medians = measure(sorted(set(args.sizes)), args.reps, Path(tmp))
    if args.json:
        args.json.write_text(json.dumps(medians, indent=1), encoding="utf-8")
    report(medians)


if __name__ == "__main__":
    main()
