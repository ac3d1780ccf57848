"""What the preview pictures (og:image, ``portfolio_social_images``) cost a build.

The same site built with the pictures on and off, interleaved, in one run: a clean
build (every picture drawn), a rebuild with nothing changed, and a clean build over
pictures left from an earlier build of the same output folder (nothing drawn: what
a rebuild after an edit that changes no title costs). Sites: the synthetic
portfolio of ``generate.py`` (200 papers and 40 cards; 200 cards, no papers) and
the real site (docs/, with a page per paper). Prints medians and on / off ratios.

    python benchmarks/social_images.py --reps 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_build import sphinx_build
from generate import generate

REPO = Path(__file__).parents[1]
STEPS = ("clean", "no-change", "clean, pictures kept")


def sites(workdir: Path) -> dict[str, Path]:
    """Each site once; its variants are copies with the switch appended to conf.py."""
    made = {}
    generate(workdir / "papers-200", 200, "ours")
    made["200 papers, 40 cards"] = workdir / "papers-200"
    generate(workdir / "cards-200", 200, "ours", cards_only=True)
    made["200 cards, no papers"] = workdir / "cards-200"
    shutil.copytree(REPO / "docs", workdir / "docs", ignore=shutil.ignore_patterns("_build"))
    made["the real site (docs/)"] = workdir / "docs"
    return made


def variant(srcdir: Path, on: bool) -> Path:
    target = srcdir.with_name(f"{srcdir.name}-{'on' if on else 'off'}")
    if not target.exists():
        shutil.copytree(srcdir, target)
        with (target / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(f"\nportfolio_social_images = {on}\n")
    return target


def measure(reps: int, workdir: Path) -> dict[str, dict[str, dict[str, list[float]]]]:
    seconds: dict[str, dict[str, dict[str, list[float]]]] = {}
    for label, srcdir in sites(workdir).items():
        pairs = {name: variant(srcdir, name == "on") for name in ("on", "off")}
        for _ in range(reps):
            for name, src in pairs.items():
                out = workdir / "out" / f"{srcdir.name}-{name}"
                shutil.rmtree(out, ignore_errors=True)
                times = seconds.setdefault(label, {}).setdefault(name, {})
                times.setdefault("clean", []).append(sphinx_build(src, out).seconds)
                times.setdefault("no-change", []).append(sphinx_build(src, out).seconds)
                shutil.rmtree(out / ".doctrees")  # every page written again, pictures kept
                kept = sphinx_build(src, out).seconds
                times.setdefault("clean, pictures kept", []).append(kept)
    return seconds


def report(seconds: dict, reps: int) -> str:
    lines = [
        f"Preview pictures on / off (medians of {reps}; seconds with them on)",
        "",
        "| site | " + " | ".join(STEPS) + " |",
        "|---" * (len(STEPS) + 1) + "|",
    ]
    for label, variants in seconds.items():
        cells = []
        for step in STEPS:
            on = statistics.median(variants["on"][step])
            off = statistics.median(variants["off"][step])
            cells.append(f"{on / off:.2f}× ({on:.2f} s)")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(report(measure(args.reps, Path(tmp)), args.reps))


if __name__ == "__main__":
    main()
