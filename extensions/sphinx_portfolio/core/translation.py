"""The site's own text in another language: what Sphinx's catalogs may translate.

Sphinx translates a page by its message catalog (``locale_dirs``, ``-D language=…``)
and the ``gettext`` builder writes the templates. This module adds what Sphinx does
not know about a portfolio:

- bibliographic text (titles, authors, venues, DOIs) is a fact: :func:`keep_as_written`
  marks it so no catalog translates it and ``gettext`` leaves it out of the templates;
  a page left with nothing to translate gets no template at all;
- front-matter descriptions (``og:description``) are looked up in the page's catalog,
  so a description written twice (front matter and ``html_meta``) is translated once;
- a literal block (``gettext_additional_targets``) takes its translation verbatim;
- the mark Sphinx leaves on a translated ``<meta>`` is not printed as an attribute.

Links between the languages of a site are in :mod:`..outputs.languages`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from .base import logger
from .order import TRANSLATE_LITERALS

AS_WRITTEN = "portfolio_as_written"
#: Page metadata looked up in the page's catalog.
TRANSLATED_FIELDS = ("og:description", "og:title", "description")


def keep_as_written(node: nodes.Element) -> None:
    """No catalog translates ``node``'s text, and ``gettext`` does not extract it."""
    node[AS_WRITTEN] = True
    for element in node.findall(nodes.TextElement):
        # Inline nodes are never messages by themselves; and Sphinx unwraps an
        # ``inline`` that has a "translatable" attribute (RemoveTranslatableInline).
        if not isinstance(element, nodes.Inline):
            element["translatable"] = False


def drop_facts_from_templates(app: Any, doctree: nodes.document, docname: str) -> None:
    """For the gettext builder only: what is kept as written is not a message."""
    if app.builder.name != "gettext":
        return
    for node in list(doctree.findall(_as_written)):
        node.parent.remove(node)


def _as_written(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and bool(node.get(AS_WRITTEN))


def drop_empty_templates(app: Any, exception: Exception | None) -> None:
    """A page with nothing to translate gets no ``.pot`` (so no empty ``.po``)."""
    if exception is not None or app.builder.name != "gettext":
        return
    outdir = Path(app.builder.outdir)
    for domain, catalog in app.builder.catalogs.items():
        if not any(True for _message in catalog):
            (outdir / f"{domain}.pot").unlink(missing_ok=True)
            folder = (outdir / domain).parent
            if folder != outdir and not any(folder.iterdir()):
                folder.rmdir()  # papers/ once every paper page is left out


def catalog_domain(docname: str, compact: Any) -> str:
    """The catalog a page's messages are in (Sphinx's ``gettext_compact`` rule)."""
    if isinstance(compact, str):
        return compact
    return docname.split("/", 1)[0] if compact else docname


def page_catalog(env: Any, config: Any) -> Any | None:
    """The translations of the page being read, or None (no language, no catalog)."""
    if not config.language or not config.locale_dirs:
        return None
    dirs = [str(Path(env.srcdir) / folder) for folder in config.locale_dirs]
    domain = catalog_domain(env.docname, config.gettext_compact)
    catalog, found = init_locale(dirs, config.language, domain)
    return catalog if found else None


class TranslateLiteralBlocks(SphinxTransform):
    """A literal block listed in ``gettext_additional_targets`` takes its translation
    as it is. Sphinx's Locale transform would parse ``::`` + the message as reST,
    which MyST reads as a paragraph: the block came out as ``::``."""

    default_priority = TRANSLATE_LITERALS

    def apply(self, **kwargs: Any) -> None:
        for root in list(self.document.findall(_as_written)):
            # ExtraTranslatableNodes (10) marked every literal block, BibTeX ones too.
            for block in root.findall(nodes.literal_block):
                block["translatable"] = False
        blocks = [n for n in self.document.findall(nodes.literal_block) if n.get("translatable")]
        catalog = page_catalog(self.env, self.config) if blocks else None
        if catalog is None:
            return
        for block in blocks:
            message = block.rawsource or block.astext()
            translation = catalog.gettext(message)
            if translation and translation != message:
                block.children = []
                block += nodes.Text(translation)
                block.rawsource = translation
            block["translated"] = bool(translation)  # counted by report_translated
            block["translatable"] = False  # done: Locale leaves it alone


def translate_metadata(app: Any, doctree: nodes.document) -> None:
    """Front-matter descriptions through the page's own catalog (at read time, so
    serial and parallel builds agree)."""
    config, env = app.config, app.env
    for meta in doctree.findall(nodes.meta):
        # Sphinx's Locale transform marks what it translated; on a <meta> the HTML
        # writer would print that mark as an attribute.
        meta.attributes.pop("translated", None)
    metadata = env.metadata.get(env.docname)
    catalog = page_catalog(env, config) if metadata else None
    if catalog is None:
        return
    for field in TRANSLATED_FIELDS:
        value = metadata.get(field)
        if isinstance(value, str) and value:
            metadata[field] = catalog.gettext(value)


def report_translated(app: Any, exception: Exception | None) -> None:
    """One line per build in another language: how much of the site its catalogs
    translated ("pt_BR: 79 of 79 messages translated (100%)"); Sphinx's Locale marks
    each message it looked up. A page's messages are counted once, from its doctree."""
    config = app.config
    if exception is not None or app.builder.name == "gettext" or not config.locale_dirs:
        return
    if not config.language or not Path(app.srcdir, config.locale_dirs[0], config.language).is_dir():
        return
    done = total = 0
    for docname in sorted(app.env.found_docs):
        doctree = app.env.get_doctree(docname)
        for node, _message in extract_messages(doctree):
            if not isinstance(node, nodes.meta):  # their mark is dropped (translate_metadata)
                total += 1
                done += node.get("translated") is True
        for block in doctree.findall(nodes.literal_block):
            if "translated" in block.attributes:  # TranslateLiteralBlocks' own
                total += 1
                done += bool(block["translated"])
    if total:
        share = 100 * done // total
        logger.info(f"{config.language}: {done} of {total} messages translated ({share}%)")


def setup_translation(app: Any) -> None:
    app.connect("build-finished", report_translated)
    app.add_transform(TranslateLiteralBlocks)
    app.connect("doctree-read", translate_metadata)
    app.connect("doctree-resolved", drop_facts_from_templates)
    app.connect("build-finished", drop_empty_templates)
