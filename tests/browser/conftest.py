"""Browser fixtures: the real site, built once, served over http, read by Chromium.

Debian's chromium is driven through Playwright (whose Python wheel carries its own
driver); no browser is downloaded. Without chromium (or Playwright, or npm for
axe-core) these tests skip with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import missing_tool

REPO = Path(__file__).parents[2]
DOCS = REPO / "docs"
CHROMIUM = os.environ.get("PORTFOLIO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NPM_PREFIX = Path(
    os.environ.get("PORTFOLIO_NPM_PREFIX", Path.home() / ".cache" / "sphinx-portfolio" / "npm")
)
NPM_PACKAGES = ("axe-core@4", "vnu-jar", "html_codesniffer@2", "lighthouse@12")  # as .ci/run
NPM_FLAGS = ("--no-save", "--no-audit", "--no-fund", "--no-package-lock")
WIDTHS = (360, 768, 1280)


def unavailable(reason: str) -> None:
    """Skip locally; under CI=true a missing tool is a failure (tests/conftest.py)."""
    missing_tool(f"browser tests: {reason}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


# -- the site -------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/ built once as HTML with -W -n; the 404 page's links made root-relative."""
    out = tmp_path_factory.mktemp("site") / "html"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-W",
        "-n",
        "--keep-going",
        "-b",
        "html",
        "-D",
        "notfound_urls_prefix=/",
        str(DOCS),
        str(out),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("READTHEDOCS")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return out


def pages_of(site: Path) -> list[str]:
    """Every page of the built site, as a path relative to its root."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).parts[0].startswith("_")
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; a missing page gets the site's 404.html, as Read the Docs does."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A built site at http://127.0.0.1:<free port>/ (search needs http, not file:)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    with serving(site) as url:
        yield url


# -- the browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Chromium for one test module. Not for the session: tests that run later fork
    (sphinx-sitemap's Manager, parallel builds), and a child holding Playwright's pipe
    would keep its driver from ever closing."""
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def open_tab(browser, init_script: str | None = None, **options) -> Iterator[object]:
    """A page at laptop width in a fresh context; its script errors gather in tab.errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    if init_script:
        context.add_init_script(init_script)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh light-mode page at laptop width; page errors are collected."""
    yield from open_tab(browser, color_scheme="light")


# -- npm tools (axe-core, the Nu HTML checker) -------------------------------------


def npm_file(relative: str) -> Path:
    """A file of an npm package in the cache, installed there on first use."""
    path = NPM_PREFIX / "node_modules" / relative
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            unavailable("npm is missing, so axe-core and vnu-jar cannot be installed")
        NPM_PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(NPM_PREFIX),
                *NPM_PACKAGES,
            ],
            check=False,
            capture_output=True,
        )
    if not path.exists():
        unavailable(f"could not install {relative.split('/')[0]} with npm into {NPM_PREFIX}")
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    return npm_file("axe-core/axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if shutil.which("java") is None:
        unavailable("java is missing (apt-get install default-jre-headless)")
    return npm_file("vnu-jar/build/dist/vnu.jar")
