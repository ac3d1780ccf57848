"""experience-card: one role (or degree) as an article with its badges.

The doctree is builder-neutral: a ``experience_card`` around a title node, a
meta line of ordinary nodes, the body as written, and a summary row that only
HTML shows (elsewhere the inline badges already carry the figures). This module
owns the three nodes and all their visitors; LaTeX draws them with the
environments of the PDF CV's style file (``sphinxportfoliocard`` in ``texinputs/``).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import make_id

from ..core.base import add_node_only_for, ignore
from ..core.directive import LenientOptions, PortfolioDirective
from ..core.domain import PortfolioDomain, warn_duplicate_card
from ..core.entries import CardEntry
from ..core.jsonresume import CARD_TEXTS, PROJECT_KINDS, period_in
from ..core.order import TRANSLATED_SUMMARIES
from ..core.text import UNINDEXED, VISUALLY_HIDDEN, is_safe_url, slugify, split_list
from ..core.words import _
from .badges import CARD_CONTEXT, copy_badge, metric_badge
from .tailor import apply_bullet_tags, badge_row, enclosing_tags, tagged_card


class experience_card(tagged_card):
    """An article for one role (or degree); a tailored build keeps it by its tags."""


class experience_title(nodes.General, nodes.TextElement):
    """The card's heading; its level follows the surrounding sections."""


class experience_summary(badge_row):
    """The row of the card's badges, repeated at the top for skimming."""


class ExperienceCard(PortfolioDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = LenientOptions(
        {
            "org": directives.unchanged,
            "period": directives.unchanged,
            "location": directives.unchanged,
            "kind": directives.unchanged,
            "url": directives.unchanged,
            "tags": directives.unchanged,
            "name": directives.unchanged,
        }
    )

    def run(self) -> list[nodes.Node]:
        options = self.checked_options()
        title = " ".join(self.arguments[0].split())
        if CARD_CONTEXT in self.env.temp_data:
            self.warn("a card cannot be nested in another card; its content is kept", "nested")
            return self.parse_content_to_nodes(allow_section_headings=False)
        org = " ".join(options.get("org", "").split())
        if not org and options.get("kind", "").strip().lower() not in PROJECT_KINDS:
            self.warn(f"{title!r} has no :org: option (the organisation is required)", "option")
        entry = self.make_entry(title, org, options)
        card = self.card_node(entry)
        items = bullets(self.fill(card, entry))
        registered = self.register(
            entry._replace(
                highlights=tuple(" ".join(item.astext().split()) for item in items),
                highlight_tags=tuple(tuple(item.get("portfolio_tags", ())) for item in items),
            )
        )
        # Badges find their card through this (badges.RecordBadges); a card that lost
        # a name clash keeps its badges out of the other card's list.
        card["portfolio_name"] = entry.name if registered else ""
        return [card]

    def make_entry(self, title: str, org: str, options: dict[str, str]) -> CardEntry:
        url = options.get("url", "").strip()
        if url and not is_safe_url(url):
            self.warn(f":url: {url!r} is not an http(s) URL and is left out", "url")
            url = ""
        order = self.env.new_serialno("portfolio-card")
        name = nodes.fully_normalize_name(options.get("name") or default_name(org, title))
        if not name:
            # A title with no letters a slug keeps (say, only CJK): still a unique name.
            name = f"{slugify(self.env.docname)}-card-{order}"
        anchor = make_id(self.env, self.state.document, "", name)
        return CardEntry(
            name=name,
            docname=self.env.docname,
            lineno=self.lineno,
            anchor=anchor,
            title=title,
            org=org,
            period=options.get("period", "").strip(),
            location=options.get("location", "").strip(),
            kind=options.get("kind", "").strip().lower(),
            url=url,
            tags=tuple(tag.lower() for tag in split_list(options.get("tags"))),
            order=order,
        )

    def card_node(self, entry: CardEntry) -> experience_card:
        card = experience_card(
            "",
            ids=[entry.anchor],
            org=entry.org,
            role=entry.title,
            kind=entry.kind,
            tags=list(entry.tags),
            classes=["portfolio-experience"],
        )
        self.set_source_info(card)
        card += experience_title(entry.title, entry.title)
        card += meta_line(entry)
        return card

    def fill(self, card: experience_card, entry: CardEntry) -> list[nodes.Node]:
        """Parse the body with the card as context, so badges know their card."""
        self.env.temp_data[CARD_CONTEXT] = entry
        try:
            body = self.parse_content_to_nodes(allow_section_headings=False)
        finally:
            del self.env.temp_data[CARD_CONTEXT]
        tags = set().union(*(apply_bullet_tags(part) for part in body))
        if tags:
            self.env.get_domain("portfolio").note_tags(self.env.docname, tags)
        badges = [node for part in body for node in part.findall(metric_badge)]
        if badges:
            card += experience_summary("", *summary_copies(badges))
        card.extend(body)
        return body

    def register(self, entry: CardEntry) -> bool:
        """Store the card and its reference target; False if the name is taken."""
        domain: PortfolioDomain = self.env.get_domain("portfolio")
        other = domain.note_card(entry)
        if other is not None:
            warn_duplicate_card(entry, other)
            return False
        std = self.env.get_domain("std")
        std.note_hyperlink_target(entry.name, entry.docname, entry.anchor, entry.title)
        return True


def default_name(org: str, title: str) -> str:
    """'Pinterest', 'Sr. ML Engineer' -> 'pinterest-sr-ml-engineer' (letters of any script)."""
    return re.sub(r"[\W_]+", "-", f"{org} {title}".lower()).strip("-")


def bullets(body: list[nodes.Node]) -> list[nodes.list_item]:
    """The card's top-level bullet points: what an exporter calls highlights."""
    return [
        item
        for part in body
        if isinstance(part, nodes.bullet_list | nodes.enumerated_list)
        for item in part.children
    ]


def meta_line(entry: CardEntry) -> nodes.paragraph:
    """'Org · period · location' in ordinary nodes, so every builder can render it."""
    line = nodes.paragraph(classes=["portfolio-experience-meta"])
    parts: list[nodes.Node] = []
    if entry.org:
        org: nodes.Node = nodes.strong(entry.org, entry.org, classes=["portfolio-experience-org"])
        if entry.url:
            org = nodes.reference("", "", org, refuri=entry.url, internal=False)
        parts.append(org)
    parts += [
        nodes.inline(value, value, classes=[f"portfolio-experience-{key}"])
        for key, value in (("period", period_in(entry.period, _)), ("location", entry.location))
        if value
    ]
    for index, part in enumerate(parts):
        if index:
            line += nodes.Text(" · ")
        line += part
    return line


# -- builders -----------------------------------------------------------------


def visit_card_html(self: Any, node: experience_card) -> None:
    attributes = {"data-org": node["org"], "data-role": node["role"]}
    if node["kind"]:
        attributes["data-kind"] = node["kind"]
    if node["tags"]:
        attributes["data-tags"] = " ".join(node["tags"])
    self.body.append(self.starttag(node, "article", **attributes))


def depart_card_html(self: Any, node: experience_card) -> None:
    self.body.append("</article>\n")


def visit_title_html(self: Any, node: experience_title) -> None:
    # One level below the enclosing section keeps the page outline in order.
    level = min(self.section_level + 1, 6)
    self.body.append(self.starttag(node, f"h{level}", "", CLASS="portfolio-experience-title"))
    node["level"] = level


def depart_title_html(self: Any, node: experience_title) -> None:
    # The heading names the card in full, "Role, Organisation", for a screen
    # reader's list of headings and for search engines that index by heading
    # (Read the Docs); the eye reads the organisation on the line below.
    org = node.parent.get("org", "") if node.parent is not None else ""
    if org:
        hidden = f'<span class="{VISUALLY_HIDDEN}">, {self.encode(org)}</span>'
        self.body.append(hidden)
    self.body.append(f"</h{node['level']}>\n")


def visit_summary_html(self: Any, node: experience_summary) -> None:
    # The row repeats the card's figures for the eye; indexed, it is noise, and
    # heard, it is each figure twice: hidden from both (badges.visit_repeat_html).
    classes = " ".join(("portfolio-experience-summary", *UNINDEXED))
    self.body.append(self.starttag(node, "p", "", CLASS=classes, **{"aria-hidden": "true"}))


def depart_summary_html(self: Any, node: experience_summary) -> None:
    self.body.append("</p>\n")


def visit_card_latex(self: Any, node: experience_card) -> None:
    self.body.append("\n\\begin{sphinxportfoliocard}" + self.hypertarget_to(node))


def depart_card_latex(self: Any, node: experience_card) -> None:
    self.body.append("\\end{sphinxportfoliocard}\n")


def visit_title_latex(self: Any, node: experience_title) -> None:
    self.body.append(r"\sphinxportfoliocardtitle{")


def depart_title_latex(self: Any, node: experience_title) -> None:
    self.body.append("}\n")


def visit_title_text(self: Any, node: experience_title) -> None:
    self.new_state(0)


def depart_title_text(self: Any, node: experience_title) -> None:
    # As the text writer does for section titles: the text, then an underline.
    title = "".join(text for indent, text in self.states.pop() if indent == -1)
    self.stateindent.pop()
    self.states[-1].append((0, ["", title, "-" * len(title), ""]))


def visit_title_texinfo(self: Any, node: experience_title) -> None:
    # A blank line first: Info would otherwise run the title into the line before.
    self.body.append("\n\n@strong{")


def depart_title_texinfo(self: Any, node: experience_title) -> None:
    self.body.append("}\n\n")


def visit_title_man(self: Any, node: experience_title) -> None:
    self.body.append(self.defs["strong"][0])


def depart_title_man(self: Any, node: experience_title) -> None:
    self.body.append(self.defs["strong"][1] + "\n.sp\n")


def note_card_texts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep each card's summary and description paragraphs (``{.portfolio-summary}``,
    ``{.portfolio-description}``), and translated bullets, with its entry, as read
    after every transform.

    resume.json exports them; stored here, an export never loads a doctree.
    """
    domain: PortfolioDomain = app.env.get_domain("portfolio")
    for card in doctree.findall(experience_card):
        entry = domain.cards.get(card.get("portfolio_name", ""))
        if entry is None or entry.docname != app.env.docname:
            continue  # a card that lost a name clash is not exported
        found: dict[str, str] = {}
        for paragraph in card.findall(nodes.paragraph):
            for key in CARD_TEXTS:
                if f"portfolio-{key}" in paragraph["classes"] and key not in found:
                    found[key] = " ".join(paragraph.astext().split())
        if found:
            entry = entry._replace(texts=tuple(found.items()))
        if any(node.get("translated") for node in card.findall(nodes.Element)):
            # The directive kept its bullets as written; a translated page exports
            # them as translated (Sphinx's Locale runs after the directive).
            items = bullets(list(card.children))
            entry = entry._replace(highlights=tuple(" ".join(i.astext().split()) for i in items))
        domain.cards[entry.name] = entry


def summary_copies(badges: list[metric_badge]) -> list[nodes.Node]:
    """The summary row's copies of the body's badges, a space between each: the
    row's text (search excerpts, page descriptions) then reads "−1.34% CPC +2.6% CTR"."""
    spaced: list[nodes.Node] = []
    for badge in badges:
        # The copy remembers its bullets' tags: a tailored build drops it with them.
        copy = copy_badge(badge)
        copy["portfolio_tags"] = list(enclosing_tags(badge))
        spaced += [copy, nodes.Text(" ")]
    return spaced[:-1]


class TranslatedSummaries(SphinxTransform):
    """A translated card's summary row repeats the translated badges: the row was
    copied when the directive ran, before Sphinx's Locale transform (20)."""

    default_priority = TRANSLATED_SUMMARIES

    def apply(self, **kwargs: Any) -> None:
        for card in self.document.findall(experience_card):
            translated = any(node.get("translated") for node in card.findall(nodes.Element))
            summary = next(iter(card.findall(experience_summary)), None)
            if not translated or summary is None:
                continue
            badges = [node for node in card.findall(metric_badge) if not node.get("repeat")]
            del summary[:]
            summary.extend(summary_copies(badges))


def setup_experience(app: Sphinx) -> None:
    app.add_node(
        experience_card,
        html=(visit_card_html, depart_card_html),
        latex=(visit_card_latex, depart_card_latex),
        text=(ignore, ignore),
        man=(ignore, ignore),
        texinfo=(ignore, ignore),
    )
    app.add_node(
        experience_title,
        html=(visit_title_html, depart_title_html),
        latex=(visit_title_latex, depart_title_latex),
        text=(visit_title_text, depart_title_text),
        man=(visit_title_man, depart_title_man),
        texinfo=(visit_title_texinfo, depart_title_texinfo),
    )
    # Elsewhere the inline badges already carry the figures.
    add_node_only_for(app, experience_summary, html=(visit_summary_html, depart_summary_html))
    app.add_directive("experience-card", ExperienceCard)
    app.add_transform(TranslatedSummaries)
    app.connect("doctree-read", note_card_texts)
