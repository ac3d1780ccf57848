"""Screenshots of the site as a reader sees it, compared with stored references.

Five pages (home, experience, papers, the impact index, a search for "CTR"), each
at 390 and 1280 px wide, in light and dark mode: the first screen of each, as
Chromium draws it (Debian's chromium, DejaVu fonts). tests/browser/test_visual.py
compares them with the references in tests/browser/visual/; after an intended
change of the look, regenerate the references and the README's picture:

    python -m sphinx -q -b html docs docs/_build/html
    python tests/browser/visual.py docs/_build/html        # then look at the diff

Two pictures are "the same" when at most ``TOLERANCE`` of their pixels differ by
more than ``NOISE`` in a colour channel: antialiasing and font hinting move a few
pixels from machine to machine; a CSS change moves many.
"""

from __future__ import annotations

import functools
import http.server
import io
import sys
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
REFERENCES = HERE / "visual"
README_PICTURE = HERE.parents[1] / "assets" / "screenshot-experience.png"
PAGES = {
    "home": "index.html",
    "experience": "experience.html",
    "papers": "papers.html",
    "impact-index": "portfolio-impact.html",
    "search": "search.html?q=CTR",
}
SIZES = {390: 844, 1280: 900}  # width: height of the first screen
SCHEMES = ("light", "dark")
NOISE = 48  # of 255, in any channel
TOLERANCE = 0.005  # of the pixels
SHOTS = [(page, width, scheme) for page in PAGES for width in SIZES for scheme in SCHEMES]


def reference(page: str, width: int, scheme: str) -> Path:
    return REFERENCES / f"{page}-{width}-{scheme}.png"


def shoot(browser, server: str, page: str, width: int, scheme: str) -> bytes:
    """The first screen of ``page`` as a PNG."""
    context = browser.new_context(
        viewport={"width": width, "height": SIZES[width]},
        color_scheme=scheme,
        device_scale_factor=1,
        reduced_motion="reduce",
    )
    try:
        tab = context.new_page()
        tab.goto(server + PAGES[page])
        if page == "search":
            tab.wait_for_function(
                "() => /finished|did not match/.test("
                "document.querySelector('#search-results .search-summary')?.textContent || '')"
            )
        tab.wait_for_load_state("networkidle")
        tab.evaluate("document.fonts.ready")
        return tab.screenshot(animations="disabled", caret="hide")
    finally:
        context.close()


def difference(actual: bytes, expected: bytes) -> tuple[float, Any]:
    """(the share of pixels that differ beyond NOISE, a picture of where), or
    (1.0, None) when the sizes differ."""
    from PIL import Image, ImageChops

    with Image.open(io.BytesIO(actual)) as a, Image.open(io.BytesIO(expected)) as b:
        first, second = a.convert("RGB"), b.convert("RGB")
    if first.size != second.size:
        return 1.0, None
    channels = ImageChops.difference(first, second).split()
    worst = functools.reduce(ImageChops.lighter, channels)
    mask = worst.point(lambda value: 255 if value > NOISE else 0)
    changed = mask.histogram()[255]
    return changed / (first.width * first.height), mask


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_port}/", httpd


def update(site: Path) -> None:
    """Write every reference, and the README's picture (experience, 1280, light)."""
    from playwright.sync_api import sync_playwright

    from browser.conftest import CHROMIUM, CHROMIUM_FLAGS  # tests/ is on sys.path

    server, httpd = serve(site)
    REFERENCES.mkdir(exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for shot in SHOTS:
                reference(*shot).write_bytes(shoot(browser, server, *shot))
                print(reference(*shot).relative_to(HERE.parents[1]))
            browser.close()
    finally:
        httpd.shutdown()
    README_PICTURE.write_bytes(reference("experience", 1280, "light").read_bytes())
    print(README_PICTURE.relative_to(HERE.parents[1]))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    update(Path(sys.argv[1]))
