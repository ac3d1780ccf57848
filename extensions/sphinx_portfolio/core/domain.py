"""The ``portfolio`` domain: where cards, metrics and other objects are stored.

Entries are keyed by docname so that a re-read page replaces exactly its own
entries (``clear_doc``) and a parallel read merges exactly the pages each worker
read (``merge_domaindata``). The entries themselves (plain NamedTuples, cheap to
pickle) are defined in :mod:`entries`.
This module owns the domain: storing, selecting for tailored builds, merging
parallel reads and resolving references.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Set
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from . import compat
from .entries import CardEntry, MetricEntry, ObjectEntry, documents_in_reading_order
from .text import slugify
from .words import _

logger = logging.getLogger(__name__)


# Keys of whole-site search state (outputs/search.py makes the entries once all
# pages are read; a page read or removed marks them stale).
SEARCH_ENTRIES = "search-entries"
SEARCH_STALE = "search-stale"
SEARCH_SETTINGS = "search-settings"


class PortfolioDomain(Domain):
    """Experience cards, metric badges and other portfolio objects."""

    name = "portfolio"
    label = _("Portfolio")
    object_types = {  # noqa: RUF012 - Sphinx reads these class attributes
        "card": ObjType(_("experience card"), "card", "ref"),
        "metric": ObjType(_("metric"), "metric", "ref"),
        "paper": ObjType(_("paper"), "paper", "ref"),
    }
    roles = {  # noqa: RUF012
        "card": XRefRole(),
        "metric": XRefRole(),
        "paper": XRefRole(),
    }
    initial_data = {  # noqa: RUF012
        "cards": {},
        "metrics": {},
        "objects": {},
        "collectors": {},
        "tags": {},
        "referrers": {},
        "destinations": {},
        # Whole-site state, set once every page is read (never per page):
        "selection": (),  # tags of a tailored build (tailor.py)
        "impact-digest": "",  # what collector pages last showed (impact.py)
        SEARCH_ENTRIES: {},  # docname -> ((phrase, anchor), ...) (outputs/search.py)
        SEARCH_STALE: True,  # a page was read or removed since the entries were made
        SEARCH_SETTINGS: None,  # what the entries were made with
    }
    # 6: every node class and entry moved into subpackages (pickles name their modules)
    data_version = 6
    dangling_warnings = {  # noqa: RUF012
        "card": "unknown experience card: %(target)s",
        "metric": "unknown metric: %(target)s",
        "paper": "unknown paper: %(target)s",
    }

    @property
    def cards(self) -> dict[str, CardEntry]:
        return self.data["cards"]

    @property
    def metrics(self) -> dict[str, MetricEntry]:
        return self.data["metrics"]

    @property
    def objects(self) -> dict[tuple[str, str], ObjectEntry]:
        return self.data["objects"]

    @property
    def referrers(self) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """Docname -> its references that may lead to a card, badge or paper."""
        return self.data["referrers"]

    @property
    def collectors(self) -> dict[str, int]:
        """Docnames holding a collector directive (impact summary, index…)."""
        return self.data["collectors"]

    # -- storing --------------------------------------------------------

    def note_card(self, entry: CardEntry) -> CardEntry | None:
        """Store a card; return the entry it clashes with (same name), if any."""
        other = self.cards.get(entry.name)
        if other is not None:
            return other
        self.cards[entry.name] = entry
        return None

    def note_metric(self, entry: MetricEntry) -> None:
        self.metrics[entry.key] = entry

    def note_object(
        self,
        objtype: str,
        name: str,
        dispname: str,
        docname: str,
        anchor: str,
        lineno: int | None = None,
    ) -> None:
        """Store a generic searchable, linkable object (e.g. a paper)."""
        self.objects[objtype, name] = ObjectEntry(objtype, name, dispname, docname, anchor, lineno)

    def note_collector(self, docname: str) -> None:
        self.collectors[docname] = 1

    def note_tags(self, docname: str, tags: Iterable[str]) -> None:
        """Tags used on bullets of ``docname``: part of the tailoring vocabulary."""
        self.data["tags"][docname] = tuple(sorted({*self.data["tags"].get(docname, ()), *tags}))

    # -- tailored builds (see tailor.py) -----------------------------------

    def vocabulary(self) -> set[str]:
        """Every tag any card or bullet of the site uses."""
        words = {tag for card in self.cards.values() for tag in card.tags}
        return words.union(*map(set, self.data["tags"].values()))

    def settle_selection(self, active: Iterable[str]) -> None:
        """Of the tags given to the build, keep those the site uses."""
        self.data["selection"] = tuple(sorted(set(active) & self.vocabulary()))

    def selected(self, tags: Iterable[str]) -> bool:
        """Untagged content, or any content when no selection is active, is kept."""
        selection = self.data["selection"]
        tags = tuple(tags)
        return not selection or not tags or bool(set(tags) & set(selection))

    def selected_cards(self, doc_order: dict[str, int]) -> list[CardEntry]:
        return [card for card in self.cards_in_order(doc_order) if self.selected(card.tags)]

    def selected_metrics(self, doc_order: dict[str, int]) -> list[MetricEntry]:
        return [
            metric
            for metric in self.metrics_in_order(doc_order)
            if self.selected(metric.tags) and self.selected(metric.bullet_tags)
        ]

    def selected_highlights(self, card: CardEntry) -> list[str]:
        """The card's bullet texts that the selection keeps."""
        tags = card.highlight_tags or ((),) * len(card.highlights)
        return [text for text, t in zip(card.highlights, tags, strict=False) if self.selected(t)]

    # -- keeping the data exact across rebuilds ---------------------------

    def clear_doc(self, docname: str) -> None:
        for table in (self.cards, self.metrics, self.objects):
            for key in [k for k, v in table.items() if v.docname == docname]:
                del table[key]
        self.collectors.pop(docname, None)
        self.data["tags"].pop(docname, None)
        self.referrers.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for table in ("metrics", "objects"):
            for key, entry in otherdata[table].items():
                if entry.docname in docnames:
                    self.data[table][key] = entry
        for entry in otherdata["cards"].values():
            if entry.docname in docnames:
                self.merge_card(entry)
        for docname in otherdata["collectors"]:
            if docname in docnames:
                self.collectors[docname] = 1
        for docname, tags in otherdata["tags"].items():
            if docname in docnames:
                self.data["tags"][docname] = tags
        for docname, references in otherdata["referrers"].items():
            if docname in docnames:
                self.referrers[docname] = references

    def merge_card(self, entry: CardEntry) -> None:
        """A card from a worker; of two with one name, the first a serial build reads wins.

        A serial build reads pages in sorted order and warns at the later card, whose
        badges then belong to no card. Workers finish in any order, so the same rule
        is applied here, whichever worker's data comes first.
        """
        other = self.cards.get(entry.name)
        if other is None or other.docname == entry.docname:
            self.cards[entry.name] = entry
            return
        winner, loser = sorted((other, entry), key=lambda card: (card.docname, card.order))
        warn_duplicate_card(loser, winner)
        self.cards[entry.name] = winner
        for key, metric in list(self.metrics.items()):
            if metric.card == loser.name and metric.docname == loser.docname:
                self.metrics[key] = metric._replace(card="")
        # The worker that read the losing card also made its label: point it back.
        std = self.env.get_domain("std")
        compat.point_label(std, winner.name, winner.docname, winner.anchor, winner.title)

    def process_doc(self, env: Any, docname: str, document: nodes.document) -> None:
        references = {
            (node["refdomain"], node["reftype"], node["reftarget"])
            for node in document.findall(addnodes.pending_xref)
            if node.get("refdomain") == self.name
            or (node.get("refdomain"), node.get("reftype")) in (("std", "ref"), ("", "any"))
        }
        if references:
            self.referrers[docname] = tuple(sorted(references))

    def destinations(self, builder: Any, docname: str) -> str:
        """Where the page's references to portfolio objects lead, as one string."""
        found = []
        for domain, typ, target in self.referrers.get(docname, ()):
            if domain == self.name:
                found.append(self._label_group(builder, typ, target) or self.target(typ, target))
            else:  # {ref} or {any}: only a card's label (or any object) is ours to follow
                types = self.object_types if typ == "any" else ("card",)
                found.append([self.target(objtype, target) for objtype in types])
        return json.dumps(found)

    def digest(self) -> str:
        """A fingerprint of everything a collector page shows.

        Card bodies are left out: editing a bullet's prose must not rewrite
        every summary page, only changing a card's heading or its figures.
        """
        cards = sorted(
            (c.name, c.docname, c.anchor, c.title, c.org, c.order) for c in self.cards.values()
        )
        selection = self.data["selection"]
        payload = json.dumps(
            [cards, sorted(self.metrics.items()), selection], sort_keys=True, default=list
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    # -- reading back -----------------------------------------------------

    def cards_in_order(self, doc_order: dict[str, int]) -> list[CardEntry]:
        """Cards in reading order: pages in toctree order, cards in page order."""
        return sorted(
            self.cards.values(),
            key=lambda c: (doc_order.get(c.docname, len(doc_order)), c.docname, c.order),
        )

    def metrics_in_order(self, doc_order: dict[str, int]) -> list[MetricEntry]:
        return sorted(
            self.metrics.values(),
            key=lambda m: (doc_order.get(m.docname, len(doc_order)), m.docname, m.order),
        )

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for card in self.cards.values():
            if not self.selected(card.tags):
                continue
            yield card.name, f"{card.title}, {card.org}", "card", card.docname, card.anchor, 0
        for metric in self.metrics.values():
            if metric.name:
                yield metric.name, metric.text, "metric", metric.docname, metric.anchor, 1
        for obj in self.objects.values():
            # Papers: in the inventory, not in the search index (-1), where a
            # thousand titles would outweigh the whole site; a paper's page is
            # what search finds (see search.py).
            prio = -1 if obj.objtype == "paper" else 1
            yield obj.name, obj.dispname, obj.objtype, obj.docname, obj.anchor, prio

    # -- resolving references ----------------------------------------------

    def target(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """(docname, anchor, title) of a target of one object type."""
        if typ == "card" and target in self.cards:
            card = self.cards[target]
            return card.docname, card.anchor, f"{card.title}, {card.org}"
        if typ == "metric":
            return self._metric_target(target)
        obj = self.objects.get((typ, target))
        if obj is not None:
            return obj.docname, obj.anchor, obj.dispname
        return None

    def _metric_target(self, target: str) -> tuple[str, str, str] | None:
        """A badge by its name (or key), else the first badge with that label.

        In reading order, so that the answer does not depend on which page was
        read last (a duplicate name is warned about when it is read).
        """
        metrics = self.metrics_in_order(documents_in_reading_order(self.env))
        for metric in metrics:
            if target in (metric.name, metric.key):
                return metric.docname, metric.anchor, metric.text
        label = target.lower()
        for metric in metrics:
            if metric.metric["label"].lower() == label:
                return metric.docname, metric.anchor, metric.text
        return None

    def _label_group(self, builder: Any, typ: str, target: str) -> tuple[str, str, str] | None:
        """A metric label names its group in the impact index, where the builder has one."""
        indices = [entry[0] for entry in getattr(builder, "domain_indices", [])]
        if typ != "metric" or "portfolio-impact" not in indices:
            return None
        labels = {m.metric["label"].lower(): m.metric["label"] for m in self.metrics.values()}
        label = labels.get(target.lower())
        if label is None or any(target in (m.name, m.key) for m in self.metrics.values()):
            return None
        return "portfolio-impact", label_anchor(label), f"{label} results"

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        found = self._label_group(builder, typ, target) or self.target(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            # Like {ref}: without an explicit title, show the object's own.
            contnode = nodes.inline(title, title, classes=contnode.get("classes", []))
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        results = []
        for typ in self.object_types:
            found = self.target(typ, target)
            if found is not None:
                docname, anchor, title = found
                refnode = make_refnode(builder, fromdocname, docname, anchor, contnode, title)
                results.append((f"portfolio:{self.role_for_objtype(typ)}", refnode))
        return results


def stale_referrers(app: Any, env: Any) -> list[str]:
    """Pages whose links to cards, badges or papers now lead elsewhere: write them again.

    Sphinx writes only the pages it re-read (and their toctree parents): an
    unchanged page linking to a card that moved to another page, or to a badge
    whose anchor changed, would keep the old link until a clean build.
    """
    domain: PortfolioDomain = env.get_domain("portfolio")
    before = domain.data["destinations"]
    now = {docname: domain.destinations(app.builder, docname) for docname in domain.referrers}
    domain.data["destinations"] = now
    return sorted(docname for docname, found in now.items() if before.get(docname) != found)


def warn_duplicate_card(entry: CardEntry, other: CardEntry) -> None:
    logger.warning(
        "duplicate experience card name %r, other instance in %s (set a unique :name:)",
        entry.name,
        other.docname,
        location=(entry.docname, entry.lineno),
        type="portfolio",
        subtype="duplicate",
    )


def label_anchor(label: str) -> str:
    """The id of a label's group in the impact index."""
    return f"metric-label-{slugify(label) or 'figure'}"


def setup_domain(app: Any) -> None:
    app.add_domain(PortfolioDomain)
    app.connect("env-updated", stale_referrers)
