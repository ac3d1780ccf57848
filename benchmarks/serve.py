"""A static file server for the benchmarks, optionally gzip-compressing text.

Read the Docs serves pages, stylesheets and scripts gzip-compressed; Python's
``http.server`` sends them as they are. Page-load figures (Lighthouse's first
paint) depend on it, so ``lighthouse.py`` serves both variants through this
server with ``--gzip``: the same server for both, as a reader would get them.

    python benchmarks/serve.py DIRECTORY PORT [--gzip]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import shutil
from pathlib import Path
from typing import ClassVar

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class Handler(http.server.SimpleHTTPRequestHandler):
    compress = False
    _cache: ClassVar[dict[tuple[str, float], bytes]] = {}  # shared by every request

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wanted and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = self.gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def gzipped(self, path: Path) -> bytes:
        key = (str(path), path.stat().st_mtime)
        if key not in self._cache:  # level 6, as nginx and most CDNs use
            self._cache[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        return self._cache[key]

    def copyfile(self, source, outputfile) -> None:
        shutil.copyfileobj(source, outputfile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("port", type=int)
    parser.add_argument("--gzip", action="store_true", help="compress text files")
    args = parser.parse_args()
    handler = functools.partial(
        type("Served", (Handler,), {"compress": args.gzip}), directory=str(args.directory)
    )
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
