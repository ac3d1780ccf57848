"""Glossary links: the first badge of each label in a card links to its term.

Definitions live in one place, the site's own ``glossary`` directive; a label
without a term stays a plain badge. Done as a post-transform, when every page has
been read, so the glossary may be any page of the site.
"""

from __future__ import annotations

from typing import Any

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.base import has_ancestor
from ..core.order import BEFORE_REFERENCES
from .badges import metric_badge
from .experience import experience_card, experience_summary


class LinkFirstUseToGlossary(SphinxPostTransform):
    default_priority = BEFORE_REFERENCES

    def run(self, **kwargs: Any) -> None:
        terms = glossary_terms(self.env)
        if not terms:
            return
        for card in self.document.findall(experience_card):
            seen: set[str] = set()
            for badge in list(card.findall(metric_badge)):
                label = badge["metric"]["label"].lower()
                if label in seen or label not in terms or has_ancestor(badge, experience_summary):
                    continue
                seen.add(label)
                reference = term_reference(badge, terms[label])
                badge.replace_self(reference)
                # replace_self copies the badge's ids onto the link: one element keeps them.
                reference["ids"] = []


def glossary_terms(env: Any) -> dict[str, str]:
    """Lower-cased term -> the term as the glossary writes it."""
    std = env.get_domain("std")
    return {name.lower(): name for kind, name in std.objects if kind == "term"}


def term_reference(badge: metric_badge, term: str) -> addnodes.pending_xref:
    """A reference to the glossary entry, wrapping the badge."""
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="term", reftarget=term, refexplicit=True, refwarn=True
    )
    ref["classes"] = ["portfolio-term"]
    ref += badge.deepcopy()
    return ref


def setup_glossary(app: Sphinx) -> None:
    app.add_post_transform(LinkFirstUseToGlossary)
