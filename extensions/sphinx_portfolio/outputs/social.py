"""A preview picture for every HTML page, shown where a link to it is shared.

LinkedIn, Slack, Mastodon and the rest show a page's ``og:image``; each page gets
one, a 1200×630 PNG, with ``twitter:card`` ``summary_large_image``. The picture
shows the person's name (``portfolio_person``'s, else ``author``), the page's
title and, on a page with experience cards, the role line of its first card.

- Drawn with Pillow when a page is written, into ``_images/social/``, named by a
  digest of everything it shows and of how it is drawn (font, Pillow, this code):
  a picture already there is not drawn again, so a rebuild with nothing changed
  draws none, and parallel writers can only write the same bytes to one name.
  PNG output carries no timestamp: the same build gives the same bytes.
- ``portfolio_social_images``: ``None`` (the default) draws them when Pillow is
  installed (the ``social`` extra); ``True`` also warns when it is not; ``False``
  draws none.
- A page that already has an ``og:image`` (sphinxext-opengraph's ``ogp_image`` or
  its own social cards) keeps it; a site's own ``twitter:card`` stays too.
- After a build that wrote pages, pictures no page names any more are removed.
- The address is absolute from ``ogp_site_url`` or ``html_baseurl`` (as services
  require); without either, relative to the page.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sphinx.application import Sphinx

from ..core.base import conf_location, warn
from ..core.order import AFTER_OPENGRAPH
from ..core.version import package_stamp

WIDTH, HEIGHT = 1200, 630
FOLDER = "_images/social"
SETTING = "portfolio_social_images"
#: Where DejaVu (Debian's fonts-dejavu-core, and elsewhere) is looked for; without
#: it Pillow's own font is used.
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)
ACCENT, NAME, TITLE, ROLE = 1, 190, 255, 160  # palette entries (see draw)
TAGS = re.compile(r"<[^>]+>")


def wanted(app: Sphinx) -> bool:
    """Whether this build draws pictures (an HTML builder, the setting, Pillow)."""
    builder = app.builder
    setting = getattr(app.config, SETTING)
    if setting is False or builder.format != "html" or getattr(builder, "embedded", False):
        return False
    try:
        import PIL  # noqa: F401
    except ImportError:
        if setting is True:
            warn(
                f"{SETTING}: Pillow is not installed (pip install 'sphinx-portfolio[social]'); "
                "pages get no preview picture",
                conf_location(app, SETTING),
                "config",
            )
        return False
    return True


def check_setting(app: Sphinx) -> None:
    app.builder.portfolio_social = wanted(app)


def add_picture(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Draw the page's picture (unless it is there) and name it in the page's <head>."""
    if not getattr(app.builder, "portfolio_social", False):
        return
    tags = context.get("metatags", "")
    if 'property="og:image"' in tags:
        return  # the site's own (ogp_image, sphinxext-opengraph's cards)
    name, title, role = picture_text(app, pagename, context)
    filename = f"{FOLDER}/{digest(name, title, role)}.png"
    path = Path(app.builder.outdir, filename)
    if not path.exists():
        draw(path, name, title, role)
    app.builder.portfolio_social_written = True
    base = getattr(app.config, "ogp_site_url", "") or app.config.html_baseurl or ""
    url = urljoin(base, filename) if base else context["pathto"](filename, 1)
    alt = " · ".join(part for part in (name, title, role) if part)
    lines = [
        ("property", "og:image", url),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:alt", alt),
    ]
    if 'name="twitter:card"' not in tags:
        lines.append(("name", "twitter:card", "summary_large_image"))
    added = "".join(
        f'\n<meta {kind}="{key}" content="{html.escape(value)}" />' for kind, key, value in lines
    )
    context["metatags"] = tags + added


def picture_text(app: Sphinx, pagename: str, context: dict) -> tuple[str, str, str]:
    """(the person's name, the page's title, the first card's role line or '')."""
    config = app.config
    person = (config.portfolio_person or {}).get("name") or config.author or config.project
    title = html.unescape(TAGS.sub("", str(context.get("title") or ""))).strip()
    cards = [c for c in app.env.get_domain("portfolio").cards.values() if c.docname == pagename]
    role = ""
    if cards:
        first = min(cards, key=lambda card: (card.order, card.lineno))
        role = ", ".join(part for part in (first.title, first.org) if part)
    return str(person), title, role


def digest(*text: str) -> str:
    stamp = [text, [str(p) for p in fonts()], pillow_version(), package_stamp(), WIDTH, HEIGHT]
    return hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:20]


def pillow_version() -> str:
    import PIL

    return PIL.__version__


@functools.lru_cache(maxsize=1)
def fonts() -> tuple[Path, Path] | tuple[()]:
    """DejaVu Sans bold and regular, if found."""
    for folder in FONT_DIRS:
        bold, regular = Path(folder, "DejaVuSans-Bold.ttf"), Path(folder, "DejaVuSans.ttf")
        if bold.is_file() and regular.is_file():
            return bold, regular
    return ()


@functools.lru_cache(maxsize=16)
def font(size: int, bold: bool) -> Any:
    from PIL import ImageFont

    found = fonts()
    if not found:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(found[0] if bold else found[1]), size)


def draw(path: Path, name: str, title: str, role: str) -> None:
    """Draw the picture and put it at ``path`` whole (written aside, then renamed).

    Drawn in one channel whose values index a palette running from the background
    to white, so antialiased text blends along it; one entry (1) is the accent
    colour of the bars. A palette PNG encodes in a third of the time of RGB
    (20 ms a picture, 20 KB)."""
    from PIL import Image, ImageDraw

    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(canvas)
    pen.rectangle((0, 0, 23, HEIGHT), fill=ACCENT)
    left, right = 96, WIDTH - 96
    face = font(44, True)
    pen.text((left, 88), fit(pen, name, face, right - left, 1)[0], font=face, fill=NAME)
    for size in (72, 64, 56):
        face = font(size, True)
        lines = fit(pen, title, face, right - left, 3)
        if len(lines) <= 2 or size == 56:
            break
    top = 200
    for line in lines:
        pen.text((left, top), line, font=face, fill=TITLE)
        top += int(size * 1.22)
    if role:
        face = font(36, False)
        line = fit(pen, role, face, right - left, 1)[0]
        pen.text((left, max(top + 28, 470)), line, font=face, fill=ROLE)
    pen.rectangle((left, HEIGHT - 72, left + 160, HEIGHT - 64), fill=ACCENT)
    picture = Image.frombytes("P", canvas.size, canvas.tobytes())
    picture.putpalette(PALETTE)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    picture.save(partial, "PNG")
    os.replace(partial, path)


def palette(background: str, accent: str) -> list[int]:
    """256 colours from ``background`` (0) to white (255); 1 is ``accent``."""
    low = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    colours = [round(c + (255 - c) * step / 255) for step in range(256) for c in low]
    colours[3:6] = [int(accent[i : i + 2], 16) for i in (1, 3, 5)]
    return colours


PALETTE = palette("#10151f", "#4f8ff7")


def fit(pen: Any, text: str, face: Any, width: int, most: int) -> list[str]:
    """``text`` in at most ``most`` lines of ``width`` pixels, words whole; what
    does not fit ends the last line with an ellipsis."""
    lines: list[str] = []
    for word in text.split():
        if lines and pen.textlength(f"{lines[-1]} {word}", font=face) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if not lines:
        return [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += " …"
    for index, line in enumerate(lines):
        while pen.textlength(line, font=face) > width and len(line) > 1:
            line = line[:-2].rstrip() + "…"
        lines[index] = line
    return lines


def prune(app: Sphinx, exception: Exception | None) -> None:
    """Remove the pictures no page names any more (a title changed, a page went),
    so an incremental build leaves the same files as a clean one. Only after a
    build that wrote pages; each page's <head> is read, not its body."""
    builder = app.builder
    folder = Path(builder.outdir, FOLDER)
    if exception or not getattr(builder, "portfolio_social_written", False):
        return
    named = set()
    for page in Path(builder.outdir).rglob("*.html"):
        named.update(NAMED.findall(head_of(page)))
    for picture in folder.glob("*.png"):
        if picture.stem not in named:
            picture.unlink()


NAMED = re.compile(r'<meta property="og:image" content="[^"]*?/social/([0-9a-f]{20})\.png"')


def head_of(page: Path) -> str:
    """The page up to the end of its <head> (a papers page's JSON-LD can be long)."""
    text = b""
    with page.open("rb") as handle:
        while b"</head>" not in text and (chunk := handle.read(65536)):
            text += chunk
    return text.decode("utf-8", "replace")


def setup_social(app: Sphinx) -> None:
    app.connect("builder-inited", check_setting)
    app.connect("build-finished", prune)
    app.connect("html-page-context", add_picture, priority=AFTER_OPENGRAPH)
