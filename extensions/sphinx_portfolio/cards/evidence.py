"""Evidence behind a figure: a bib key, a page, a label, a card, or an http(s) URL.

Checked once every page is read (``env-check-consistency``), so a dangling key is a
located warning like any broken reference, and ``-W -n`` fails the build.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from ..core import compat
from ..core.base import warn
from ..core.text import is_safe_url


class Target(NamedTuple):
    """Where evidence points: an external URL, or a page and an anchor in the site."""

    title: str
    url: str = ""
    docname: str = ""
    anchor: str = ""


def resolve(env: BuildEnvironment, evidence: str) -> Target | None:
    """The target of ``evidence``, or None when nothing in the site has that name."""
    if is_safe_url(evidence):
        return Target(evidence, url=evidence)
    for finder in (_paper, _citation, _document, _label, _portfolio_object):
        found = finder(env, evidence)
        if found is not None:
            return found
    return None


def _paper(env: BuildEnvironment, key: str) -> Target | None:
    obj = env.get_domain("portfolio").objects.get(("paper", key))
    return obj and Target(obj.dispname, docname=obj.docname, anchor=obj.anchor)


def _citation(env: BuildEnvironment, key: str) -> Target | None:
    """A key of sphinxcontrib-bibtex, where a bibliography on some page lists it."""
    if "cite" not in env.domains:
        return None
    for cited, docname, anchor in compat.cite_targets(env):
        if cited == key:
            return Target(key, docname=docname, anchor=anchor)
    return None


def _document(env: BuildEnvironment, name: str) -> Target | None:
    docname = name.removesuffix(".md").removesuffix(".rst").lstrip("/")
    if docname in env.found_docs:
        return Target(
            env.titles[docname].astext() if docname in env.titles else docname, docname=docname
        )
    return None


def _label(env: BuildEnvironment, name: str) -> Target | None:
    std = env.get_domain("std")
    label = name.lower()
    if label in std.labels:
        docname, anchor, title = std.labels[label]
        return Target(title or label, docname=docname, anchor=anchor)
    if label in std.anonlabels:
        docname, anchor = std.anonlabels[label]
        return Target(label, docname=docname, anchor=anchor)
    return None


def _portfolio_object(env: BuildEnvironment, name: str) -> Target | None:
    domain = env.get_domain("portfolio")
    for typ in ("card", "metric"):
        found = domain.target(typ, name)
        if found is not None:
            docname, anchor, title = found
            return Target(title, docname=docname, anchor=anchor)
    return None


def check_evidence(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn, at the badge's line, about evidence that names nothing in the site."""
    for metric in env.get_domain("portfolio").metrics.values():
        evidence = metric.facts.get("evidence")
        if evidence and resolve(env, evidence) is None:
            warn(
                f"metric-badge: evidence {evidence!r} is not a bib key, page, label or "
                "http(s) URL of this site",
                (metric.docname, metric.lineno),
                "evidence",
            )


def evidence_link(env: Any, builder: Any, fromdoc: str, evidence: str) -> nodes.Node | None:
    """A reference node to the evidence, for pages that list figures."""
    target = resolve(env, evidence)
    if target is None:
        return None
    text = nodes.inline(target.title, target.title)
    if target.url:
        return nodes.reference("", "", text, refuri=target.url, internal=False)
    return make_refnode(builder, fromdoc, target.docname, target.anchor, text, target.title)


def setup_evidence(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_evidence)
