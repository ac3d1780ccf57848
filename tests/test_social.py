"""Each page's preview picture for shared links (outputs/social.py), as a service
that unfurls a link reads it: og:image, its size, twitter:card."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_root, warnings_of

PIL = pytest.importorskip("PIL.Image", reason="Pillow (the social extra) is not installed")
BASE = "https://example.org/ada/"


def build(srcdir: Path, **overrides):
    from sphinx.testing.util import SphinxTestApp

    overrides.setdefault("ogp_custom_meta_tags", [])
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides=overrides)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def pages(app) -> dict[str, BeautifulSoup]:
    out = Path(app.outdir)
    return {
        path.relative_to(out).as_posix(): BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for path in out.rglob("*.html")
        if not path.relative_to(out).parts[0].startswith("_")
    }


def meta(page: BeautifulSoup, key: str) -> list[str]:
    found = page.select(f'meta[property="{key}"]') + page.select(f'meta[name="{key}"]')
    return [tag["content"] for tag in found]


def pictures(app) -> dict[str, bytes]:
    folder = Path(app.outdir, "_images", "social")
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.png"))} if folder.is_dir() else {}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(copy_root("seo", tmp_path_factory.mktemp("social")))


def test_every_page_has_a_1200_by_630_png_preview(site):
    from PIL import Image

    found = pages(site)
    assert {"index.html", "work.html", "papers.html", "portfolio-impact.html"} <= set(found)
    for name, page in found.items():
        (url,) = meta(page, "og:image")
        assert url.startswith(BASE + "_images/social/"), (name, url)
        with Image.open(Path(site.outdir, url.removeprefix(BASE))) as picture:
            assert (picture.format, picture.size) == ("PNG", (1200, 630)), name
        assert meta(page, "og:image:width") == ["1200"] and meta(page, "og:image:height") == ["630"]
        assert meta(page, "twitter:card") == ["summary_large_image"], name
    assert not [w for w in warnings_of(site) if "social_images" in w or "Pillow" in w]


def test_the_picture_says_who_what_and_the_role(site):
    found = pages(site)
    (work,) = meta(found["work.html"], "og:image:alt")
    assert work == "Ada Lovelace · Work · Analyst, Engine Works"  # a card page: its role line
    assert meta(found["index.html"], "og:image:alt")[0].startswith("Ada Lovelace · ")
    assert meta(found["work.html"], "og:image") != meta(found["index.html"], "og:image")


def test_a_rebuild_with_nothing_changed_draws_nothing(tmp_path, monkeypatch):
    from sphinx_portfolio.outputs import social

    drawn = []
    draw = social.draw
    monkeypatch.setattr(social, "draw", lambda path, *text: drawn.append(text) or draw(path, *text))
    srcdir = copy_root("seo", tmp_path)
    build(srcdir)
    assert drawn
    drawn.clear()
    # Every page written again (what it shows unchanged): no picture is drawn again.
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"ogp_custom_meta_tags": []})
    try:
        app.build(force_all=True)
    finally:
        app.cleanup()
    assert "work" in app.env.all_docs and drawn == []


def test_the_same_build_gives_the_same_pictures_serial_or_parallel(site, tmp_path):
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(
        "html", srcdir=copy_root("seo", tmp_path), parallel=2,
        confoverrides={"ogp_custom_meta_tags": []},
    )  # fmt: skip
    try:
        app.build()
    finally:
        app.cleanup()
    assert pictures(app) == pictures(site)


def test_the_switch_turns_them_off(tmp_path):
    app = build(copy_root("seo", tmp_path), portfolio_social_images=False)
    assert not any(meta(page, "og:image") for page in pages(app).values())
    assert pictures(app) == {}


def test_a_sites_own_og_image_and_twitter_card_stay(tmp_path):
    own = "https://example.org/own.png"
    card = '<meta name="twitter:card" content="summary">'
    app = build(copy_root("seo", tmp_path), ogp_image=own, ogp_custom_meta_tags=[card])
    page = pages(app)["work.html"]
    assert meta(page, "og:image") == [own]
    assert meta(page, "twitter:card") == ["summary"]


def test_without_pillow_true_warns_at_its_line_and_none_is_quiet(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "PIL", None)  # import PIL raises ImportError
    srcdir = copy_root("seo", tmp_path / "quiet")
    assert not [w for w in warnings_of(build(srcdir)) if "Pillow" in w]
    srcdir = copy_root("seo", tmp_path / "asked")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nportfolio_social_images = True\n")
    app = build(srcdir)
    (warning,) = [w for w in warnings_of(app) if "Pillow" in w]
    assert "conf.py:" in warning and "Pillow is not installed" in warning
    assert "[portfolio.config]" in warning
    assert not any(meta(page, "og:image") for page in pages(app).values())


def test_a_picture_no_page_names_is_removed(tmp_path):
    srcdir = copy_root("seo", tmp_path / "edited")
    before = pictures(build(srcdir))
    page = srcdir / "work.md"
    page.write_text(page.read_text(encoding="utf-8").replace("# Work", "# Works", 1), "utf-8")
    after = build(srcdir)
    (alt,) = meta(pages(after)["work.html"], "og:image:alt")
    assert alt.startswith("Ada Lovelace · Works")
    fresh = copy_root("seo", tmp_path / "clean")
    (fresh / "work.md").write_text(page.read_text("utf-8"), "utf-8")
    clean = build(fresh)
    assert pictures(after) == pictures(clean)  # the incremental build as the clean one
    assert len(set(before) - set(pictures(after))) == 1  # the old "Work" picture went
