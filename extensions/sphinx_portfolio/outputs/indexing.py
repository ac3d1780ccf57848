"""Search engines that index the HTML: what they should leave out.

Read the Docs builds its server-side search from each page's HTML (its own
parser, not Sphinx's ``searchindex.js``): every heading starts a section, and
everything up to the next heading is that section's content. Text that is
there for the eye only, such as an eyebrow above a page title ("02 · chronology"),
a card's row of repeated figures or a BibTeX block, would become content (or
a section of its own) and crowd out the words a reader searches for.

Such elements carry :data:`~sphinx_portfolio.core.text.UNINDEXED`; the nodes of
this package add it in their own visitors, and this module adds it to the
site's eyebrow paragraphs, which are ordinary paragraphs with a class.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.order import LAST
from ..core.text import EYEBROW_CLASS, UNINDEXED


class UnindexEyebrows(SphinxPostTransform):
    """HTML only: an eyebrow paragraph keeps its look and leaves search indexes."""

    default_priority = LAST
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for node in self.document.findall(nodes.paragraph):
            if EYEBROW_CLASS in node["classes"]:
                node["classes"] += [cls for cls in UNINDEXED if cls not in node["classes"]]


def setup_indexing(app: Sphinx) -> None:
    app.add_post_transform(UnindexEyebrows)
