"""Full-text search that finds the card, badge or paper a reader means.

Sphinx's search ranks whole pages by the words they contain, so a search for
"CTR" or "distillation" lands on the Experience page, not on the card that holds
the figure. Its index does have one finer grain: entries of ``index`` nodes,
each pointing at an element id, scored by how much of the entry the query covers
(at least half of it). So, for HTML builders with a search index, every card,
every badge outside a card and every paper gets hidden index entries pointing at
its own id: its name, organisation, kind, tags, metric labels, and the words and
word pairs of its text. The search page then links to the card itself and shows
an excerpt of the card.

The entries are added to the resolved doctree of the HTML write only: the
general index (genindex), LaTeX and the other builders never see them. Two
repairs make the results read well: each object's search-index anchor is
spelled out (Sphinx would otherwise link "#<display name>"), and a small
``html_search_scorer`` (static/portfolio-search.js, on the search page only)
lists a hit under the card's or paper's name rather than the page title.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from .badges import metric_badge
from .experience import experience_card
from .shared import has_ancestor

SCORER = Path(__file__).parent / "static" / "portfolio-search.js"
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
CLAUSE = re.compile(r"[,;:()·|]|\.(?:\s|$)")  # a pair never spans these
SEPARATORS = re.compile(r";+")
NAME_PARTS = re.compile(r"[(),·]|\s(?:in|at|of|for|and|&)\s")


def add_search_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point hidden index entries at every card, lone badge and paper of the page."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or not app.config.portfolio_search_entries:
        return
    stopwords = set(getattr(indexer.lang, "stopwords", ()))
    for node, anchor, names in search_targets(app, doctree, docname):
        phrases = set(name_parts(names)) | words_and_pairs(node.astext(), stopwords)
        # "main" entries rank with the other results; the rest would be listed last.
        entries = [("single", phrase, anchor, "main", None) for phrase in sorted(phrases) if phrase]
        node.insert(0, addnodes.index(entries=entries, inline=False))


def search_targets(
    app: Sphinx, doctree: nodes.document, docname: str
) -> Iterator[tuple[nodes.Element, str, list[str]]]:
    """(node, its id, the names a reader may search it by) for each searchable thing."""
    for card in doctree.findall(experience_card):
        if card["ids"]:
            yield card, card["ids"][0], card_names(card)
    for badge in doctree.findall(metric_badge):
        if badge["ids"] and not has_ancestor(badge, experience_card):
            yield badge, badge["ids"][0], badge_names(badge)
    domain = app.env.get_domain("portfolio")
    papers = {
        obj.anchor: obj.dispname
        for obj in getattr(domain, "objects", {}).values()
        if obj.objtype == "paper" and obj.docname == docname
    }
    if papers:
        for node in doctree.findall(nodes.Element):
            anchor = next((i for i in node.get("ids", ()) if i in papers), None)
            if anchor is not None:
                # ids[0] is the element's own id; HTML writes the others as empty
                # <span>s, whose excerpt on the search page would be empty.
                yield node, node["ids"][0], [papers.pop(anchor)]


def card_names(card: experience_card) -> list[str]:
    role, org = card["role"], card["org"]
    names = [role, org, f"{role} {org}", card["kind"], *card["tags"]]
    for badge in card.findall(metric_badge):
        names += badge_names(badge)
    return [clean(name) for name in names]


def badge_names(badge: metric_badge) -> list[str]:
    """The metric's label ("CTR") and the figure as written ("+2.6% CTR")."""
    return [clean(badge["metric"].get("label", "")), clean(badge.astext())]


def name_parts(names: Iterable[str]) -> Iterator[str]:
    """Each name whole, and its parts: "Ph.D. in Computer Science" gives "ph.d."."""
    for name in names:
        name = name.lower()
        yield name
        yield from (part.strip() for part in NAME_PARTS.split(name))


def words_and_pairs(text: str, stopwords: Iterable[str]) -> set[str]:
    """Each word of two letters or more, and each pair of neighbouring words.

    A pair ("domain adaptation") lets a two-word query match; stopwords neither
    count as words nor join pairs ("distillation and domain" is no pair). A
    hyphenated word counts whole ("cross-domain") and by its parts ("domain").
    """
    stop = set(stopwords)
    found: set[str] = set()
    for clause in CLAUSE.split(text.lower()):
        previous = ""
        for token in WORD.findall(clause):
            if "-" in token:
                found.add(token)
            for word in token.split("-"):
                if word in stop or len(word) < 2 or word.isdigit():
                    previous = ""
                    continue
                found.add(word)
                if previous:
                    found.add(f"{previous} {word}")
                previous = word
    return found


def clean(text: str) -> str:
    """One line, no semicolons (they split an index entry into parts)."""
    return " ".join(SEPARATORS.sub(" ", str(text)).split())


def fix_object_links(app: Sphinx, exception: Exception | None) -> None:
    """Write the real anchor of each portfolio object into the search index.

    Sphinx stores an anchor equal to the object's name (or "type-name") as "same as
    the name", and its search page then rebuilds it from the *display* name:
    "#Sr. Machine Learning Engineer, Pinterest", an id no page has. Spelling the
    anchor out makes the link land on the card (or paper) itself. An anchor that is
    an element's second id (HTML writes it as an empty <span>) becomes the element's
    own id, so the search page can show an excerpt of it.
    """
    indexer = getattr(app.builder, "indexer", None)
    path = Path(app.builder.outdir) / getattr(app.builder, "searchindex_filename", "")
    if exception or indexer is None or not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("(")
    index = json.loads(body[: body.rindex(")")])
    objects = list(app.env.get_domain("portfolio").get_objects())
    own_ids = first_ids(app.env, {obj[3] for obj in objects})
    if spell_out_anchors(index, objects, own_ids):
        path.write_text(f"{head}({json.dumps(index, separators=(',', ':'))})", encoding="utf-8")


def first_ids(env: Any, docnames: Iterable[str]) -> dict[tuple[str, str], str]:
    """(docname, a second id of an element) -> the element's own (first) id."""
    found = {}
    for docname in docnames:
        try:
            doctree = env.get_doctree(docname)
        except (FileNotFoundError, OSError):
            continue
        for node in doctree.findall(nodes.Element):
            for other in node.get("ids", [])[1:]:
                found[docname, other] = node["ids"][0]
    return found


def spell_out_anchors(
    index: dict[str, Any], objects: Iterable[tuple], own_ids: dict[tuple[str, str], str]
) -> int:
    """Write the anchor each of our objects should link to; return how many changed."""
    docs = {docname: number for number, docname in enumerate(index["docnames"])}
    types = {name: int(number) for number, name in index["objtypes"].items()}
    wanted = {}
    for fullname, dispname, objtype, docname, anchor, _prio in objects:
        implicit = {html.escape(fullname): "", f"{objtype}-{html.escape(fullname)}": "-"}
        written = implicit.get(anchor, anchor)  # what Sphinx put in the index
        target = own_ids.get((docname, anchor), anchor)
        if written != target and docname in docs:
            prefix, _, name = html.escape(dispname).rpartition(".")
            key = (prefix, docs[docname], types.get(f"portfolio:{objtype}"), written, name)
            wanted[key] = target
    fixed = 0
    for prefix, entries in index["objects"].items():
        for entry in entries:
            anchor = wanted.get((prefix, entry[0], entry[1], entry[3], entry[4]))
            if anchor is not None:
                entry[3] = anchor
                fixed += 1
    return fixed


def keep_index_entries(app: Sphinx) -> list:
    """Carry over the index entries of the pages this build did not write.

    Sphinx (9.0 and earlier) rebuilds the search index's ``indexentries`` from
    the pages it writes only (sphinx-doc/sphinx#12599), so after an incremental
    build the entries above, for every unchanged page, were gone: a search for
    a card found nothing until a clean build. ``html-collect-pages`` runs before
    the index is written, while the previous searchindex.js is still on disk.
    """
    indexer = getattr(app.builder, "indexer", None)
    path = Path(app.builder.outdir) / getattr(app.builder, "searchindex_filename", "")
    if indexer is None or not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        previous = json.loads(text[text.index("(") + 1 : text.rindex(")")])
        docnames = previous["docnames"]
        old_entries = previous["indexentries"]
    except (ValueError, KeyError, TypeError):
        return []
    kept: dict[str, list[tuple[str, str, str]]] = {}
    for entry, places in old_entries.items():
        for number, anchor, main in places:
            kept.setdefault(docnames[number], []).append((entry, anchor, "main" if main else ""))
    entries = indexer._index_entries  # no public API; a dict of docname -> entries
    for docname, found in kept.items():
        if docname in app.env.all_docs and docname not in entries:
            entries[docname] = sorted(found)
    # A clean build feeds pages in sorted order; keep the index in that order too.
    ordered = sorted(entries.items())
    entries.clear()
    entries.update(ordered)
    return []


def use_our_scorer(app: Sphinx, config: Any) -> None:
    """Name our hits on the search page (see static/portfolio-search.js), unless the
    site brings a scorer of its own."""
    if config.portfolio_search_entries and not config.html_search_scorer:
        config.html_search_scorer = str(SCORER)


def setup_search(app: Sphinx) -> None:
    app.add_config_value("portfolio_search_entries", True, "html", types=frozenset({bool}))
    app.connect("config-inited", use_our_scorer)
    app.connect("doctree-resolved", add_search_entries)
    app.connect("html-collect-pages", keep_index_entries)
    app.connect("build-finished", fix_object_links)
