"""What the code is: its version, and the digest of its source that caches are keyed by."""

from __future__ import annotations

import hashlib
from pathlib import Path

__version__ = "0.1.0"
#: The installed package: its code, static files, catalogs and LaTeX style.
PACKAGE_DIR = Path(__file__).resolve().parents[1]


def package_stamp() -> str:
    """A digest of the extension's code: its version and every module's source.

    A cache keyed by it is dropped by an upgrade or by any edit to any module,
    not only to the modules someone remembered to list.
    """
    if not _STAMP:
        digest = hashlib.sha256()
        for path in sorted(PACKAGE_DIR.rglob("*.py")):
            name = path.relative_to(PACKAGE_DIR).as_posix()  # subpackages too
            digest.update(name.encode() + b"\0" + path.read_bytes())
        _STAMP.append(digest.hexdigest())
    return _STAMP[0]


_STAMP: list[str] = []  # computed once a process: the code does not change under it
