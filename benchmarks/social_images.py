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
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

REPO = Path(__file__).parents[1]


def sphinx_build(srcdir: Path, outdir: Path) -> tuple[float, float]:
    """One ``sphinx-build -b html`` in a child process: (wall seconds, CPU seconds).
    The CPU time (user and system, of the build's process tree) is what the
    pictures add whatever else the machine runs; wall time moves with its load."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html"]
    command += ["-d", str(outdir / ".doctrees"), str(srcdir), str(outdir / "html")]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"sphinx-build failed in {srcdir}:\n{child.stderr.read().decode()}")
    child.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


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


def measure(reps: int, workdir: Path) -> dict[str, dict[str, dict[str, list]]]:
    """{site: {"on"/"off": {step: [(wall, cpu), ...]}}}, the variants interleaved."""
    seconds: dict[str, dict[str, dict[str, list]]] = {}
    for label, srcdir in sites(workdir).items():
        pairs = {name: variant(srcdir, name == "on") for name in ("on", "off")}
        for _ in range(reps):
            for name, src in pairs.items():
                out = workdir / "out" / f"{srcdir.name}-{name}"
                shutil.rmtree(out, ignore_errors=True)
                times = seconds.setdefault(label, {}).setdefault(name, {})
                times.setdefault("clean", []).append(sphinx_build(src, out))
                times.setdefault("no-change", []).append(sphinx_build(src, out))
                shutil.rmtree(out / ".doctrees")  # every page written again, pictures kept
                times.setdefault("clean, pictures kept", []).append(sphinx_build(src, out))
        pictures = len(
            list((workdir / "out" / f"{srcdir.name}-on" / "html").glob("_images/social/*"))
        )
        seconds[label]["pictures"] = pictures
    return seconds


def report(seconds: dict, reps: int) -> str:
    lines = [
        f"Preview pictures on / off, CPU time (wall time) ratios, medians of {reps},"
        " interleaved in one run; CPU seconds with them on",
        "",
        "| site | pictures | " + " | ".join(STEPS) + " |",
        "|---" * (len(STEPS) + 2) + "|",
    ]
    for label, variants in seconds.items():
        cells = []
        for step in STEPS:
            on, off = variants["on"][step], variants["off"][step]
            wall = statistics.median(w for w, _ in on) / statistics.median(w for w, _ in off)
            cpu_on = statistics.median(c for _, c in on)
            cpu = cpu_on / statistics.median(c for _, c in off)
            cells.append(f"{cpu:.2f}× ({wall:.2f}×), {cpu_on:.2f} s")
        lines.append(f"| {label} | {variants['pictures']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(report(measure(args.reps, Path(tmp)), args.reps))


if __name__ == "__main__":
    main()
