"""Reading back what a page shows beyond cards and keyword lists, for ``resume.json``.

- pages whose front matter says ``resume: awards`` (certificates, languages,
  references): each section is an entry, its heading the entry's name, its field list
  the other fields, its plain paragraph the summary (a reference's text);
- a field list inside a card (``:Study type:``, a project's ``:Roles:``) or under a
  skill's heading: ``Release date`` is the key ``releaseDate``; a bullet list in a
  field is a list of strings;
- the home page's portrait (an image or a link of class ``portfolio-portrait``).

What :mod:`sphinx_portfolio.new.sections` writes, this reads; no Sphinx application state is
kept between builds.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ..core.jsonresume import CARD_TEXTS, ENTRY_SECTIONS, PAGE_KEY, PORTRAIT_CLASS, field_key


def plain(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def field_values(container: nodes.Element) -> dict[str, Any]:
    """The field lists that are direct children of ``container``, as JSON fields."""
    found: dict[str, Any] = {}
    for child in container.children:
        if not isinstance(child, nodes.field_list):
            continue
        for field in child.findall(nodes.field):
            name, body = field[0], field[1]
            lists = [n for n in body.children if isinstance(n, nodes.bullet_list)]
            value: Any = [plain(item) for item in lists[0].children] if lists else plain(body)
            found[field_key(plain(name))] = value
    return found


def card_node(env: Any, docname: str, anchor: str, cache: dict) -> nodes.Element | None:
    if docname not in cache:
        cache[docname] = env.get_doctree(docname)
    for node in cache[docname].findall(nodes.Element):  # cards/ is not imported here
        if node.tagname == "experience_card" and anchor in node["ids"]:
            return node
    return None


def card_fields(env: Any, docname: str, anchor: str, cache: dict) -> dict[str, Any]:
    """The fields of the card ``anchor`` on ``docname``."""
    card = card_node(env, docname, anchor, cache)
    return field_values(card) if card is not None else {}


def card_markdown(env: Any, docname: str, anchor: str, cache: dict) -> dict[str, Any]:
    """A card's summary, description and highlights as Markdown (for rendercv.yaml)."""
    card = card_node(env, docname, anchor, cache)
    found: dict[str, Any] = {}
    for child in card.children if card is not None else ():
        if isinstance(child, nodes.paragraph):
            for key in CARD_TEXTS:
                if f"portfolio-{key}" in child["classes"]:
                    found[key] = markdown(child)
        elif isinstance(child, nodes.bullet_list | nodes.enumerated_list):
            found.setdefault("highlights", []).extend(markdown(i) for i in child.children)
    return found


def markdown(node: nodes.Node) -> str:
    """The text of ``node`` with its emphasis and links written in Markdown."""
    return " ".join(_markdown(node).split())


def _markdown(node: nodes.Node) -> str:
    if isinstance(node, nodes.Text):
        return node.astext()
    inner = "".join(_markdown(child) for child in node.children)
    if isinstance(node, nodes.strong):
        return f"**{inner}**"
    if isinstance(node, nodes.emphasis):
        return f"*{inner}*"
    if isinstance(node, nodes.reference) and node.get("refuri"):
        return f"[{inner}]({node['refuri']})"
    if isinstance(node, nodes.paragraph | nodes.list_item) and node.parent is not None:
        return inner + " "
    return inner


def entry_sections(
    env: Any, order: dict[str, int], pages: dict[int, str]
) -> dict[str, list[dict[str, Any]]]:
    """Awards, certificates, languages, references: one entry per section of their
    pages, each entry's page noted in ``pages`` (for rendercv.yaml)."""
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in ENTRY_SECTIONS}
    for docname in sorted(env.found_docs, key=lambda d: (order.get(d, len(order)), d)):
        section = str(env.metadata.get(docname, {}).get(PAGE_KEY, "")).strip().lower()
        if section not in found:
            continue
        name_key, paragraph_key = ENTRY_SECTIONS[section]
        top = next(iter(env.get_doctree(docname).findall(nodes.section)), None)
        for part in top.children if top is not None else ():
            if not isinstance(part, nodes.section):
                continue
            entry: dict[str, Any] = {name_key: plain(part[0])}
            entry.update(field_values(part))
            paragraphs = [
                plain(p)
                for p in part.children
                if isinstance(p, nodes.paragraph) and not p["classes"]
            ]
            if paragraphs:
                entry[paragraph_key] = " ".join(paragraphs)
            found[section].append(entry)
            pages[id(entry)] = docname
    return found


def portrait(doctree: nodes.document, images: dict[str, str]) -> str:
    """The home page's portrait: a linked URL, or the image as the build copied it."""
    for node in doctree.findall(nodes.Element):
        if PORTRAIT_CLASS not in node.get("classes", ()):
            continue
        if isinstance(node, nodes.image):
            uri = node["uri"]
            return f"_images/{images[uri]}" if uri in images else uri
        ref = next(iter(node.findall(nodes.reference)), None)
        if ref is not None and ref.get("refuri"):
            return ref["refuri"]
    return ""
