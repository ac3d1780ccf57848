"""Full-text search that finds the card or badge a reader means, at the size of stock's index.

Sphinx's search ranks whole pages by the words they contain, so a search for
"CTR" or "distillation" would land on the Experience page, not on the card that
holds the figure. Its index has three finer grains, and each is used for what it
is good at:

- **objects**: every card is a ``portfolio:card`` object named "Role, Org", so
  Sphinx's object search finds it by any word of its role or organisation;
- **index entries**: a card (or a badge outside a card) gets hidden entries
  pointing at its own id for the phrases that tell it apart: words, word pairs,
  metric labels, tags and name parts that at most ``RARE`` cards or badges of
  the whole site share and that its name does not already hold. A word that
  many cards share ("ranking" on a site of two hundred cards) gets no entry:
  the page-level hits of stock Sphinx answer it, one per page, and the index
  stays about the size of stock's;
- **pages**: a paper with its own page (``portfolio_paper_pages``) is found as
  that page, by its title and text; paper objects stay out of the search index
  (priority -1), in the inventory only.

The entries are computed once every page is read, from the whole site (a
phrase's rarity depends on every other card), kept in the domain, and a page
whose entries changed is written again, so an incremental build gives the
same index as a clean one. They are added to the resolved doctree of the HTML
write only: the general index (genindex), LaTeX and the other builders never see
them. Two repairs make the results read well: each object's search-index anchor
is spelled out (Sphinx would otherwise link "#<display name>"), and a small
``html_search_scorer`` (static/portfolio-search.js, on the search page only)
lists a hit under the card's name rather than the page title.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..cards import experience_card, metric_badge, remove_unselected
from ..core import compat
from ..core.base import has_ancestor
from ..core.domain import SEARCH_ENTRIES, SEARCH_SETTINGS, SEARCH_STALE
from ..core.head import add_to_head
from ..core.version import PACKAGE_DIR

SCORER = PACKAGE_DIR / "static" / "portfolio-search.js"
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
CLAUSE = re.compile(r"[,;:()·|\n]|\.(?:\s|$)")  # a pair never spans these (nor paragraphs)
PLAIN_WORD = re.compile(r"[^\W_]+")
SEPARATORS = re.compile(r";+")
NAME_PARTS = re.compile(r"[(),·]|\s(?:in|at|of|for|and|&)\s")
RARE = 3  # a phrase shared by more cards or badges than this gets no entry


class Target:
    """A card or lone badge: its id, its name (found by object search) and its phrases."""

    def __init__(self, anchor: str, name: str, names: list[str], text: str, stop: set[str]):
        self.anchor = anchor
        self.name = f" {plain(name)} "
        self.names = {phrase for phrase in name_parts(names) if phrase}
        self.words, self.pairs = words_and_pairs(text, stop, split=True)

    def phrases(self) -> set[str]:
        return self.names | self.words | self.pairs


def note_change(app: Sphinx, env: Any, docname: str) -> None:
    """A page is read again or removed: the entries are worked out again."""
    env.get_domain("portfolio").data[SEARCH_STALE] = True


def refresh_entries(app: Sphinx, env: Any) -> list[str]:
    """Work out every page's entries from the whole site; return the pages they changed.

    Skipped when no page was read or removed and the settings are the same: a
    rebuild with nothing changed then loads no doctree.
    """
    domain = env.get_domain("portfolio")
    before = domain.data[SEARCH_ENTRIES]
    config = app.config
    settings = [
        config.portfolio_search_entries and getattr(app.builder, "search", False),
        config.html_search_language or config.language,
        list(domain.data.get("selection", ())),  # a tailored build (-t) shows less
    ]
    if not domain.data[SEARCH_STALE] and domain.data[SEARCH_SETTINGS] == settings:
        return []
    domain.data[SEARCH_STALE] = False
    domain.data[SEARCH_SETTINGS] = settings
    if not settings[0]:
        domain.data[SEARCH_ENTRIES] = {}
        return sorted(d for d in before if d in env.all_docs)
    stop = stopwords(app, env)
    pages = {d: list(targets_of(env, d, stop)) for d in sorted(pages_with_targets(domain))}
    counts = Counter(p for targets in pages.values() for t in targets for p in t.phrases())
    now = {}
    for docname, targets in pages.items():
        entries = sorted({(p, t.anchor) for t in targets for p in telling(t, counts)})
        if entries:
            now[docname] = tuple(entries)
    domain.data[SEARCH_ENTRIES] = now
    changed = now.keys() | before.keys()
    return sorted(d for d in changed if now.get(d) != before.get(d) and d in env.all_docs)


def stopwords(app: Sphinx, env: Any) -> set[str]:
    """The stopwords of the search language (the builder makes its indexer later)."""
    config = app.config
    language = config.html_search_language or config.language
    return compat.search_stopwords(
        env, language, config.html_search_options, config.html_search_scorer
    )


def pages_with_targets(domain: Any) -> set[str]:
    return {card.docname for card in domain.cards.values()} | {
        metric.docname for metric in domain.metrics.values() if not metric.card
    }


def telling(target: Target, counts: Counter) -> Iterator[str]:
    """The phrases of ``target`` that few others share and its name does not hold."""
    rare = {phrase for phrase in target.phrases() if counts[phrase] <= RARE}
    for phrase in rare:
        if f" {plain(phrase)} " in target.name:
            continue  # Sphinx's object search finds the card by its name
        if phrase in target.pairs and not any(word in rare for word in phrase.split()):
            continue  # a pair of common words: chance, not a term
        yield phrase


def plain(text: str) -> str:
    """Lower-case words only: "Ph.D. in CS (ML), Org" -> "ph d in cs ml org"."""
    return " ".join(PLAIN_WORD.findall(text.lower()))


def targets_of(env: Any, docname: str, stop: set[str]) -> Iterator[Target]:
    """The cards of the page that the build shows, and its badges outside cards."""
    domain = env.get_domain("portfolio")
    shown = {
        card.anchor: f"{card.title}, {card.org}"
        for card in domain.cards.values()
        if card.docname == docname
    }
    try:
        doctree = env.get_doctree(docname)
    except OSError:  # a page removed since (FileNotFoundError is one)
        return
    remove_unselected(doctree, domain)  # a dropped card or bullet: its words find nothing
    for card in doctree.findall(experience_card):
        if card["ids"] and card["ids"][0] in shown:
            anchor = card["ids"][0]
            yield Target(anchor, shown[anchor], card_names(card), card.astext(), stop)
    for badge in doctree.findall(metric_badge):
        if badge["ids"] and not has_ancestor(badge, experience_card):
            yield Target(badge["ids"][0], "", badge_names(badge), badge.astext(), stop)


def add_search_entries(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Hidden index entries of the page, for the search index of HTML builders only."""
    if getattr(app.builder, "indexer", None) is None:
        return
    found = app.env.get_domain("portfolio").data[SEARCH_ENTRIES].get(docname, ())
    if found:
        # "main" entries rank with the other results; the rest would be listed last.
        entries = [("single", phrase, anchor, "main", None) for phrase, anchor in found]
        doctree.insert(0, addnodes.index(entries=entries, inline=False))


def card_names(card: experience_card) -> list[str]:
    role, org = card["role"], card["org"]
    names = [role, org, f"{role} {org}", card["kind"], *card["tags"]]
    for badge in card.findall(metric_badge):
        names += badge_names(badge)
    return [clean(name) for name in names]


def badge_names(badge: metric_badge) -> list[str]:
    """The metric's label ("CTR"); its words are also among the card's text."""
    return [clean(badge["metric"].get("label", ""))]


def name_parts(names: Iterable[str]) -> Iterator[str]:
    """Each name whole, and its parts: "Ph.D. in Computer Science" gives "ph.d."."""
    for name in names:
        name = name.lower()
        yield name
        yield from (part.strip() for part in NAME_PARTS.split(name))


def words_and_pairs(text: str, stopwords: Iterable[str], split: bool = False):
    """Each word of two letters or more, and each pair of neighbouring words.

    A pair ("domain adaptation") lets a two-word query match; stopwords neither
    count as words nor join pairs ("distillation and domain" is no pair). A
    hyphenated word counts whole ("cross-domain") and by its parts ("domain").
    One set of both, or (with ``split``) the words and the pairs apart.
    """
    stop = set(stopwords)
    found: set[str] = set()
    pairs: set[str] = set()
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
                    pairs.add(f"{previous} {word}")
                previous = word
    return (found, pairs) if split else found | pairs


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
    found = compat.read_search_index(path)
    if found is None:
        return
    head, index = found
    objects = [o for o in app.env.get_domain("portfolio").get_objects() if o[5] >= 0]
    # A card's anchor is always its element's own id (experience.py): only other
    # objects' pages need to be looked at.
    own_ids = first_ids(app.env, {obj[3] for obj in objects if obj[2] != "card"})
    if spell_out_anchors(index, objects, own_ids):
        compat.write_search_index(path, head, index)


def first_ids(env: Any, docnames: Iterable[str]) -> dict[tuple[str, str], str]:
    """(docname, a second id of an element) -> the element's own (first) id."""
    found = {}
    for docname in docnames:
        try:
            doctree = env.get_doctree(docname)
        except OSError:  # a page removed since (FileNotFoundError is one)
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
    previous = compat.read_search_index(path)
    if previous is None:
        return []
    try:
        docnames = previous[1]["docnames"]
        old_entries = previous[1]["indexentries"]
    except (KeyError, TypeError):
        return []
    kept: dict[str, list[tuple[str, str, str]]] = {}
    for entry, places in old_entries.items():
        for number, anchor, main in places:
            kept.setdefault(docnames[number], []).append((entry, anchor, "main" if main else ""))
    entries = compat.search_index_entries(indexer)
    for docname, found in kept.items():
        if docname in app.env.all_docs and docname not in entries:
            entries[docname] = sorted(found)
    # A clean build feeds pages in sorted order; keep the index in that order too.
    ordered = sorted(entries.items())
    entries.clear()
    entries.update(ordered)
    return []


def name_paper_pages(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """Tell the search page's scorer which folder holds a page per paper."""
    folder = (getattr(app.config, "portfolio_paper_pages", None) or "").strip("/")
    if pagename != "search" or not folder:
        return
    tag = f'<meta name="portfolio-paper-pages" content="{html.escape(folder)}/">\n'
    add_to_head(context, tag)


def use_our_scorer(app: Sphinx, config: Any) -> None:
    """Name our hits on the search page (see static/portfolio-search.js), unless the
    site brings a scorer of its own."""
    if config.portfolio_search_entries and not config.html_search_scorer:
        config.html_search_scorer = str(SCORER)


def setup_search(app: Sphinx) -> None:
    app.connect("config-inited", use_our_scorer)
    app.connect("env-purge-doc", note_change)
    app.connect("env-updated", refresh_entries)
    app.connect("doctree-resolved", add_search_entries)
    app.connect("html-collect-pages", keep_index_entries)
    app.connect("build-finished", fix_object_links)
    app.connect("html-page-context", name_paper_pages)
