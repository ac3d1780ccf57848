"""Every use of a private API of Sphinx or sphinxcontrib-bibtex, in one place.

Each wrapper names the versions it was checked against. tests/test_compat.py runs
each one against the installed packages; CI runs it at the lowest supported
versions (.ci/run) and at the newest. When an upgrade breaks one of these, this
is the file to change, and the test says which wrapper.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def search_index_entries(indexer: Any) -> dict[str, list[tuple[str, str, str]]]:
    """The search index builder's index entries, docname -> (entry, anchor, main).

    No public API gives them; the dict is the builder's own, so changing it
    changes what the index writes. Checked: Sphinx 7.4.0 and 9.0.4 (both alias
    ``env._search_index_index_entries``).
    """
    return indexer._index_entries


def search_stopwords(env: Any, language: str, options: dict, scorer: str) -> set[str]:
    """The stopwords of the search language the HTML builder's index will use.

    Sphinx chooses the language (``html_search_language``, a class named in
    ``html_search_options``, a fallback) inside ``IndexBuilder``, and no public
    function does it; one is built, before the builder makes its own, for its
    ``lang``. Checked: Sphinx 7.4.0 and 9.0.4 (same signature).
    """
    from sphinx.search import IndexBuilder

    indexer = IndexBuilder(env, language, options, scorer)
    return set(getattr(indexer.lang, "stopwords", ()))


def read_search_index(path: Path) -> tuple[str, dict[str, Any]] | None:
    """searchindex.js as (the text before its JSON, the JSON), None if unreadable.

    Sphinx writes ``Search.setIndex(<json>)``; the format is not an API.
    Checked: Sphinx 7.4.0 and 9.0.4 (``sphinx.search._JavaScriptIndex``).
    """
    try:
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("(")
        index = json.loads(body[: body.rindex(")")])
    except (OSError, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    return (head, index) if isinstance(index, dict) else None


def write_search_index(path: Path, head: str, index: dict[str, Any]) -> None:
    """Write back what :func:`read_search_index` read, compact as Sphinx 8+ writes it.

    Checked: Sphinx 7.4.0 and 9.0.4 (their searchtools.js read either spacing).
    """
    path.write_text(f"{head}({json.dumps(index, separators=(',', ':'))})", encoding="utf-8")


def render_fragment(builder: Any, node: Any) -> str:
    """The HTML of a doctree node that is on no page, as the HTML builder writes it.

    The HTML translator reads the builder's per-page tables of figure and section
    numbers, which Sphinx sets only while writing a page; left over from the last
    page, they would number this node's sections. Checked: Sphinx 7.4.0 and 9.0.4
    (``fignumbers``, ``secnumbers``, ``render_partial``).
    """
    builder.fignumbers = {}
    builder.secnumbers = {}
    return builder.render_partial(node)["fragment"]


def config_given(config: Any, name: str) -> bool:
    """Whether the user set config value ``name`` (conf.py or ``-D``), not its default.

    Sphinx has no public test; a value left out reads as its default. Checked:
    Sphinx 7.4.0 and 9.0.4 (``Config._raw_config``; ``-D`` values in ``_overrides``,
    ``overrides`` before 7.3).
    """
    overrides = getattr(config, "_overrides", None) or getattr(config, "overrides", {})
    return name in config._raw_config or name in overrides


def point_label(std: Any, name: str, docname: str, anchor: str, title: str) -> None:
    """Make the std domain's label ``name`` lead to (docname, anchor), silently.

    ``note_hyperlink_target`` would warn that the label exists (it does: a parallel
    worker made it for the card that lost a name clash); the tables are written
    directly instead. Checked: Sphinx 7.4.0 and 9.0.4 (``StandardDomain.labels``
    and ``anonlabels``, properties over ``data``).
    """
    std.anonlabels[name] = docname, anchor
    std.labels[name] = docname, anchor, title


def cite_targets(env: Any) -> Iterator[tuple[str, str, str]]:
    """(key, docname, id) of each entry a sphinxcontrib-bibtex bibliography lists.

    Read from the cite domain's data, which has no other reader API. Checked:
    sphinxcontrib-bibtex 2.7.0 (``BibtexDomain.citations``, ``Citation``).
    """
    for citation in env.get_domain("cite").citations:
        yield citation.key, citation.bibliography_key.docname, citation.citation_id


def bibtex_files(env: Any) -> dict[Any, list[str]]:
    """The configured .bib files, each with the keys of its entries in file order.

    Read from the cite domain's ``bibdata``, which has no other reader API.
    Checked: sphinxcontrib-bibtex 2.7.0 (``BibtexDomain.bibdata``, ``BibData.bibfiles``,
    ``BibFile.keys``; a file is named by a ``Path``).
    """
    bibfiles = env.get_domain("cite").bibdata.bibfiles
    return {path: list(bibfile.keys) for path, bibfile in bibfiles.items()}


def bibtex_entries(env: Any) -> Any:
    """Every entry of the configured .bib files, by key (pybtex's case-insensitive dict).

    Checked: sphinxcontrib-bibtex 2.7.0 (``BibData.data``, a pybtex ``BibliographyData``).
    """
    return env.get_domain("cite").bibdata.data.entries


def add_bibliography(
    env: Any,
    list_id: str,
    lineno: int,
    bibfiles: list[str],
    style: str,
    anchors: list[tuple[str, str]],
) -> None:
    """Register a list of papers as a sphinxcontrib-bibtex bibliography, so that
    ``{cite:p}`` resolves to its entries: ``anchors`` is (key, the entry's id).

    sphinxcontrib-bibtex has no API for bibliographies made elsewhere; its
    ``BibliographyValue`` is written into the cite domain as its own directive
    does. Checked: sphinxcontrib-bibtex 2.7.0 (the lowest and newest supported).
    """
    import ast

    from docutils import nodes
    from sphinxcontrib.bibtex.directives import BibliographyKey, BibliographyValue

    env.get_domain("cite").bibliographies[BibliographyKey(env.docname, list_id)] = (
        BibliographyValue(
            line=lineno,
            bibfiles=bibfiles,
            style=style,
            list_="citation",
            enumtype="arabic",
            start=1,
            labelprefix="",
            keyprefix="",
            filter_=ast.parse("False"),  # only the keys below
            citation_nodes={key: nodes.Element(ids=[anchor]) for key, anchor in anchors},
            keys=[key for key, _ in anchors],
        )
    )
