"""Described truthfully: what a page says about itself to search engines and link
previews (meta description, OpenGraph, schema.org) is made from its own facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_docs, build_site, copy_root, soup

PRONOUNS = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)


def descriptions(page: BeautifulSoup) -> tuple[str, str]:
    meta = page.find("meta", attrs={"name": "description"})
    og = page.find("meta", attrs={"property": "og:description"})
    return meta["content"], og["content"]


@pytest.fixture(scope="module")
def seo_site(tmp_path_factory):
    return build_site(copy_root("seo", tmp_path_factory.mktemp("seo")))


def json_ld(app, docname: str) -> list[dict]:
    tags = soup(app, docname).select('script[type="application/ld+json"]')
    return [json.loads(tag.string) for tag in tags]


def test_a_thesis_is_a_thesis_of_its_university(seo_site):
    (thesis,) = [d for d in json_ld(seo_site, "papers") if d["name"] == "On Engines That Weave"]
    assert thesis["@type"] == "Thesis"
    assert thesis["inSupportOf"] == "Ph.D."
    university = {"@type": "CollegeOrUniversity", "name": "University of Somewhere"}
    assert thesis["sourceOrganization"] == university
    assert thesis["publisher"] == university
    assert "isPartOf" not in thesis
    (article,) = [d for d in json_ld(seo_site, "papers") if d["name"] == "Sketch of an Engine"]
    assert article["@type"] == "ScholarlyArticle"
    assert article["isPartOf"] == {"@type": "CreativeWork", "name": "Proceedings of Engines"}
    assert "inSupportOf" not in article and "sourceOrganization" not in article


def test_a_paper_page_is_described_from_its_fields(seo_site):
    expected = {
        "lovelace1843notes": "Notes on the Analytical Engine. Ada Lovelace, Charles Babbage. "
        "Scientific Memoirs, 1843.",
        "lovelace1842sketch": "Sketch of an Engine. Ada Lovelace. Proceedings of Engines, 1842.",
        "lovelace1844thesis": "On Engines That Weave. Ada Lovelace. "
        "Ph.D. thesis, University of Somewhere, 1844.",
    }
    for key, text in expected.items():
        assert descriptions(soup(seo_site, f"papers/{key}")) == (text, text)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_docs(out)
    return out


def test_the_real_sites_descriptions_are_whole_and_pronoun_free(site):
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0][0] != "_")
    assert len(pages) > 10
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"name": "description"}) is None:
            continue  # search, genindex: nothing to describe
        if page.find("meta", attrs={"name": "robots", "content": "noindex"}):
            # 404: kept out of search engines. (Its own og:description would be lost
            # under -j: sphinx-notfound-page's merge_other overwrites its metadata.)
            continue
        meta, og = descriptions(page)
        assert meta == og, path
        assert not PRONOUNS.search(meta), (path, meta)  # the seed never gives one
        assert not meta.endswith(("...", "…")), (path, meta)  # never cut mid-word
        assert "BibTeX" not in meta and "( " not in meta and "Listed on" not in meta, path


def test_the_real_thesis_is_a_thesis(site):
    page = BeautifulSoup((site / "papers.html").read_text(encoding="utf-8"), "html.parser")
    blocks = [json.loads(t.string) for t in page.select('script[type="application/ld+json"]')]
    (thesis,) = [d for d in blocks if d["@type"] == "Thesis"]
    assert thesis["sourceOrganization"]["name"] == "University of Arizona"
    assert thesis["inSupportOf"] == "Ph.D."
