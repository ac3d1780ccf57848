"""Time Sphinx's search page in headless Chromium: from loading search.html to results.

Chromium is driven over ``--remote-debugging-pipe`` (the DevTools protocol as
NUL-terminated JSON on file descriptors 3 and 4), so nothing beyond the
standard library and Debian's ``chromium`` is needed. The built site is served
by ``serve.py`` (``http.server``, uncompressed) on 127.0.0.1, as a reader's browser
would fetch it (the search page fetches each hit's page for its summary).

A script installed before the page's own records, with ``performance.now()``
(milliseconds since navigation started), when the first hit is shown and when
Sphinx reports the search finished.

    python benchmarks/search_timing.py path/to/_build/html ranking "CTR"
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
)

RECORDER = """
window.__bench = {first: null, done: null, hits: 0};
new MutationObserver(() => {
  const bench = window.__bench;
  const hits = document.querySelectorAll("#search-results ul.search > li").length;
  if (hits && bench.first === null) bench.first = performance.now();
  const summary = document.querySelector("#search-results .search-summary");
  if (bench.done === null && summary && summary.textContent.trim()) {
    bench.done = performance.now();
    bench.hits = hits;
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """A headless Chromium spoken to over a pipe; one page (target) at a time."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="bench-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # in the child: its fd 3 reads, its fd 4 writes
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_pipes,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def count_hits(self, session: str) -> int:
        expression = 'document.querySelectorAll("#search-results ul.search > li").length'
        reply = self.send("Runtime.evaluate", {"expression": expression}, session)
        return int(reply["result"].get("value", 0))

    def time_search(self, url: str, timeout: float = 20.0) -> dict:
        """Open ``url`` in a fresh page; first/done times (ms) and the hit count.

        ``done`` is None when Sphinx had not finished listing hits after ``timeout``.
        """
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        try:
            self.send("Page.enable", {}, session)
            self.send("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER}, session)
            self.send("Network.setCacheDisabled", {"cacheDisabled": True}, session)
            self.send("Page.navigate", {"url": url}, session)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                found = self.send(
                    "Runtime.evaluate",
                    {"expression": "JSON.stringify(window.__bench || null)", "returnByValue": True},
                    session,
                )["result"].get("value")
                bench = json.loads(found) if found else None
                if bench and bench["done"] is not None:
                    return bench
                time.sleep(0.05)
            # Sphinx shows hits one by one (5 ms apart, each fetching its page for an
            # excerpt): with a thousand hits "done" can take minutes. Keep what was seen.
            bench = bench or {"first": None, "done": None, "hits": 0}
            bench["hits"] = self.count_hits(session)
            return bench
        finally:
            self.send("Target.closeTarget", {"targetId": target})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(directory: Path, compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` on the loopback address (text gzip-compressed if
    ``compress``, as Read the Docs serves it; see serve.py); yield its base URL."""
    port = free_port()
    serve = Path(__file__).with_name("serve.py")
    command = [sys.executable, str(serve), str(Path(directory).resolve()), str(port)]
    server = subprocess.Popen(
        command + (["--gzip"] if compress else []),
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def time_queries(html_dir: Path, queries: list[str], reps: int = 3) -> dict[str, list[dict]]:
    """Each query ``reps`` times, in a fresh page each time: {query: [timings]}."""
    return time_variants({"site": html_dir}, queries, reps)["site"]


def time_variants(
    html_dirs: dict[str, Path], queries: list[str], reps: int = 3
) -> dict[str, dict[str, list[dict]]]:
    """Each query ``reps`` times on each site, interleaved: {variant: {query: [timings]}}.

    One browser, one server a site; for each query the variants take turns, and
    which goes first alternates, so a burst of load from elsewhere hits both alike.
    """
    executable = find_chromium()
    if executable is None:
        raise RuntimeError("chromium not found (apt-get install chromium)")
    results = {variant: {query: [] for query in queries} for variant in html_dirs}
    with contextlib.ExitStack() as stack:
        bases = {variant: stack.enter_context(served(path)) for variant, path in html_dirs.items()}
        browser = Browser(executable)
        stack.callback(browser.close)
        for base in bases.values():
            browser.time_search(f"{base}/search.html?q=warmup")  # first start is slow
        order = list(bases)
        for _ in range(reps):
            for query in queries:
                for variant in order:
                    url = f"{bases[variant]}/search.html?q={quote(query)}"
                    results[variant][query].append(browser.time_search(url))
                order.reverse()
    return results


def main() -> None:
    """``search_timing.py DIR QUERY...``, or ``--compare OURS STOCK [--reps N] QUERY...``:
    medians of first hit and whole list, ours / stock."""
    args = sys.argv[1:]
    reps = 3
    if "--reps" in args:
        at = args.index("--reps")
        reps = int(args[at + 1])
        del args[at : at + 2]
    if args[0] != "--compare":
        for query, timings in time_queries(Path(args[0]), args[1:] or ["ranking"], reps).items():
            print(query, timings)
        return
    dirs = {"ours": Path(args[1]), "stock": Path(args[2])}
    queries = args[3:] or ["ranking"]
    timed = time_variants(dirs, queries, reps)
    print("| query | ours first, all (ms) | stock first, all (ms) | first ratio | all ratio |")
    print("|---|---|---|---|---|")
    for query in queries:
        ours, stock = (medians(timed[variant][query]) for variant in dirs)
        ratios = [f"{o / s:.2f}" if o and s else "–" for o, s in zip(ours, stock, strict=True)]
        print(
            f"| {query} | {ours[0]:.0f}, {ours[1]:.0f} | {stock[0]:.0f}, {stock[1]:.0f} | "
            + " | ".join(ratios)
            + " |"
        )


def medians(runs: list[dict]) -> tuple[float, float]:
    """Median first-hit and done times (ms); a run that never finished counts as slowest."""
    first = [run["first"] if run["first"] is not None else float("inf") for run in runs]
    done = [run["done"] if run["done"] is not None else float("inf") for run in runs]
    return statistics.median(first), statistics.median(done)


if __name__ == "__main__":
    main()
