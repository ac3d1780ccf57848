"""Make the README's picture: the built experience page, 1280 px wide, light mode.

    python -m sphinx -q -b html docs docs/_build/html
    python tests/browser/make_screenshot.py docs/_build/html assets/screenshot-experience.png

Uses Debian's chromium through Playwright, as the browser tests do.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHROMIUM, CHROMIUM_FLAGS


def main(site: Path, target: Path) -> None:
    page_url = (site / "experience.html").resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 1000}, color_scheme="light", device_scale_factor=1
        )
        page = context.new_page()
        page.goto(page_url)
        page.wait_for_load_state("networkidle")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=target)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
