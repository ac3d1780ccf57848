"""How Read the Docs' server-side search sees a built page, and how it ranks it.

Our own implementation of the rules of ``readthedocs/search/parsers.py``
(GenericParser) and of the scoring of ``readthedocs/search/faceted_search.py``
(PageSearch), written from reading them, on BeautifulSoup instead of selectolax:

- the main node is ``[role=main]`` (else ``<main>``, else the body);
- script, style, template, noscript, nav, [role=navigation], [role=search],
  .headerlink, .linenos, .lineno and .toctree-wrapper are removed (aria-hidden is
  not looked at);
- each ``<dt id>`` with its ``<dd>`` is a section, then removed; content before the
  first heading (looking three levels down) is a section with an empty id; each
  h1-h6 starts a section whose id is the heading's id or its parent's and whose
  content runs to the next heading (looking two levels down); block elements are
  separated by a space, inline ones are glued;
- a page scores ``title^1.5`` plus its matching sections' scores averaged, each
  section ``title^2 + content``; BM25 per field, lower-cased words, no stemming;
  the page's ``search.ranking`` rank multiplies the score.
"""

from __future__ import annotations

import fnmatch
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

REMOVED = (
    "script, style, template, noscript, nav, [role=navigation], [role=search], "
    ".headerlink, .linenos, .lineno, .toctree-wrapper"
)
BLOCK_NAMES = "address article aside blockquote canvas dd div dl dt fieldset figcaption figure"
BLOCK_NAMES += " footer form h1 h2 h3 h4 h5 h6 header hr li main nav noscript ol p pre section"
BLOCKS = frozenset((BLOCK_NAMES + " table tfoot ul video").split())
# faceted_search.PageSearch._get_script_score: rank -10..10 -> a score factor.
RANK_FACTORS = (0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1)
RANK_FACTORS += (1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.93, 1.96, 2)


@dataclass
class Section:
    id: str
    title: str
    content: str


@dataclass
class Page:
    path: str
    title: str
    sections: list[Section] = field(default_factory=list)
    rank: int = 0


# -- parsing ----------------------------------------------------------------------


def words(text: str) -> str:
    return " ".join(text.split())


def is_heading(node) -> bool:
    return isinstance(node, Tag) and bool(re.fullmatch(r"h\d|header", node.name))


def text_of(node) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return str(node)
    return node.get_text()


def is_code(node) -> bool:
    classes = node.get("class") or [] if isinstance(node, Tag) else []
    return bool(node.find("pre")) and any(c.startswith("highlight") for c in classes)


def content_from(node, depth: int) -> tuple[str, bool]:
    """The text from ``node`` and its next siblings up to a heading."""
    parts, found = [], False
    while node is not None:
        if found or is_heading(node):
            found = True
            break
        if isinstance(node, Tag) and is_code(node):
            text = " ".join(words(pre.get_text()) for pre in node.find_all("pre"))
        elif depth <= 0 or not isinstance(node, Tag) or not node.contents:
            text = text_of(node)
        else:
            text, found = content_from(node.contents[0], depth - 1)
        if text:
            block = isinstance(node, Tag) and node.name in BLOCKS
            parts.append(f"\n{text}\n" if block else text)
        node = node.next_sibling
    return words("".join(parts)), found


def heading_container(tag: Tag) -> Tag:
    return tag.parent if tag.parent is not None and tag.parent.name == "header" else tag


def parse_page(path: str, markup: str) -> Page:
    html = BeautifulSoup(markup, "html.parser")
    main = html.select_one("[role=main]") or html.find("main") or html.body
    for node in main.select(REMOVED):
        node.decompose()
    first = main.find("h1")
    title = words(first.get_text()) if first else words(html.title.get_text() if html.title else "")
    page = Page(path, title or path)
    page.sections += definition_sections(main)
    content, _ = content_from(main.contents[0] if main.contents else None, 3)
    if content:
        page.sections.append(Section("", page.title, content))
    for level in range(1, 7):
        for tag in main.find_all(f"h{level}"):
            section_id = tag.get("id") or (tag.parent.get("id") if tag.parent else "") or ""
            content, _ = content_from(heading_container(tag).next_sibling, 2)
            page.sections.append(Section(section_id, words(tag.get_text()), content))
    return page


def definition_sections(main: Tag) -> list[Section]:
    """Each <dt id> and its <dd>; both leave the tree, as the parser does."""
    found, indexed = [], []
    for dl in main.find_all("dl"):
        for dt in dl.find_all("dt", id=True):
            dd = dt.find_next_sibling("dd")
            if dd is None or not dt["id"]:
                continue
            found.append(Section(dt["id"], words(dt.get_text()), words(dd.get_text())))
            indexed += [dt, dd]
    for node in indexed:
        node.decompose()
    return found


# -- the site ---------------------------------------------------------------------


def read_config(path: Path) -> dict:
    """The ``search`` mapping of a .readthedocs.yaml."""
    import yaml

    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("search") or {}


DEFAULT_IGNORE = ["search.html", "search/index.html", "404.html", "404/index.html"]


def parse_site(outdir: Path, search: dict) -> list[Page]:
    """Every HTML page Read the Docs would index, with its rank."""
    ignore = search.get("ignore", DEFAULT_IGNORE)
    ranking = search.get("ranking") or {}
    pages = []
    for file in sorted(outdir.rglob("*.html")):
        path = file.relative_to(outdir).as_posix()
        if path.startswith("_") or any(fnmatch.fnmatch(path, pattern) for pattern in ignore):
            continue
        page = parse_page(path, file.read_text(encoding="utf-8"))
        # The last pattern that matches wins (Read the Docs' documented rule).
        for pattern, rank in ranking.items():
            if fnmatch.fnmatch(path, pattern):
                page.rank = int(rank)
        pages.append(page)
    return pages


# -- ranking --------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


class BM25:
    """BM25 over one field of a set of documents (k1=1.2, b=0.75, as Elasticsearch)."""

    def __init__(self, documents: list[str]):
        self.docs = [Counter(tokens(doc)) for doc in documents]
        self.lengths = [sum(doc.values()) for doc in self.docs]
        self.average = (sum(self.lengths) / len(self.docs)) if self.docs else 0
        self.frequency = Counter(term for doc in self.docs for term in doc)

    def score(self, index: int, query: list[str]) -> float:
        total, doc, n = 0.0, self.docs[index], len(self.docs)
        for term in query:
            if not doc[term]:
                continue
            idf = math.log(1 + (n - self.frequency[term] + 0.5) / (self.frequency[term] + 0.5))
            norm = 1.2 * (1 - 0.75 + 0.75 * self.lengths[index] / (self.average or 1))
            total += idf * doc[term] * 2.2 / (doc[term] + norm)
        return total


@dataclass
class Hit:
    page: Page
    score: float
    sections: list[tuple[float, Section]]  # matching sections, best first


def rank(pages: list[Page], query: str) -> list[Hit]:
    """Pages best first, each with its matching sections best first."""
    terms = tokens(query)
    titles = BM25([page.title for page in pages])
    every = [section for page in pages for section in page.sections]
    section_titles = BM25([section.title for section in every])
    contents = BM25([section.content for section in every])
    hits, start = [], 0
    for number, page in enumerate(pages):
        scored = []
        for offset, section in enumerate(page.sections):
            index = start + offset
            score = 2 * section_titles.score(index, terms) + contents.score(index, terms)
            if score > 0:
                scored.append((score, section))
        start += len(page.sections)
        scored.sort(key=lambda pair: -pair[0])
        nested = sum(score for score, _ in scored) / len(scored) if scored else 0.0
        score = (1.5 * titles.score(number, terms) + nested) * RANK_FACTORS[page.rank + 10]
        if score > 0:
            hits.append(Hit(page, score, scored))
    hits.sort(key=lambda hit: -hit.score)
    return hits
