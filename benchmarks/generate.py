"""Synthetic portfolios for the build benchmark, in two variants with the same content.

A portfolio of size N has N papers in a .bib file, N/5 experience cards spread
over N/50 pages (ten cards a page), ten badges a card and one impact summary.
The card-heavy portfolio of size N (``cards_only``) has N cards (N/10 pages),
ten badges a card, the impact summary, and no papers.

- ``ours`` writes cards, badges and the summary with the sphinx-portfolio
  directives (the summary is filled by the extension);
- ``stock`` writes the same visible content with stock parts only:
  sphinx-design cards and badges, a label per card, and a summary page written
  out by hand (what an author without the extension would have to maintain).

Both load MyST and sphinxcontrib-bibtex and the same theme (Furo); only
``stock``, which uses it, loads sphinx-design (loaded unused, it would add its
stylesheet and script to every page of ``ours``, as it would to a real site's).
The papers page lists every entry of the .bib file: with our ``publications``
directive (no page per paper, so the content stays the same) or with
sphinxcontrib-bibtex's ``bibliography :all:``. The text is made from a fixed
word list by a seeded generator, so every run writes the same bytes. None of it
is about a real person.

Run ``python benchmarks/generate.py --size 200 --variant ours /tmp/site`` to
look at one.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

VARIANTS = ("ours", "stock")
CARDS_PER_PAGE = 10
BADGES_PER_CARD = 10
BULLETS_PER_CARD = 5

VOCABULARY = """
ranking retrieval embedding feature pipeline model training inference serving
latency throughput experiment ablation baseline cohort launch rollout metric
dashboard calibration distillation adaptation sampling candidate feed ads auction
bidding budget pacing signal graph cluster shard cache index query storage
streaming batch offline online evaluation holdout variance bias fairness
migration refactor platform tooling review mentoring roadmap design spec
"""
WORDS = tuple(VOCABULARY.split())
LABELS = (
    ("CTR", "+"),
    ("CPC", "−"),
    ("engagement", "+"),
    ("latency", "−"),
    ("recall", "+"),
    ("cost", "−"),
    ("session success", "+"),
    ("revenue", "+"),
    ("error rate", "−"),
    ("coverage", "+"),
)
KINDS = ("job", "internship", "research", "education")
ORGS = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne")

CONF = """\
project = "Synthetic portfolio"
author = "Benchmark"
copyright = "Benchmark"
version = release = "1"
extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
{extra}]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "furo"
html_show_sourcelink = False
html_copy_source = False
bibtex_bibfiles = ["papers.bib"]
bibtex_reference_style = "author_year"
"""


@dataclass(frozen=True)
class Card:
    number: int
    role: str
    org: str
    period: str
    kind: str
    tags: tuple[str, ...]
    bullets: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def name(self) -> str:
        return f"card-{self.number}"

    @property
    def badges(self) -> list[str]:
        return [badge for _, badges in self.bullets for badge in badges]


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def make_badge(rng: random.Random) -> str:
    label, sign = rng.choice(LABELS)
    value = f"{rng.randint(1, 40) / 10:.1f}"
    return f"{sign}{value}% {label}"


def make_card(rng: random.Random, number: int) -> Card:
    per_bullet = BADGES_PER_CARD // BULLETS_PER_CARD
    bullets = tuple(
        (words(rng, 14).capitalize(), tuple(make_badge(rng) for _ in range(per_bullet)))
        for _ in range(BULLETS_PER_CARD)
    )
    start = 1990 + number % 30
    return Card(
        number=number,
        role=f"{words(rng, 2).title()} Engineer {number}",
        org=f"{rng.choice(ORGS)} {number}",
        period=f"{start}–{start + rng.randint(1, 5)}",
        kind=rng.choice(KINDS),
        tags=tuple(sorted({rng.choice(WORDS) for _ in range(3)})),
        bullets=bullets,
    )


def make_cards(count: int, seed: int) -> list[Card]:
    rng = random.Random(seed)
    return [make_card(rng, number) for number in range(1, max(count, 1) + 1)]


def pages_of(cards: list[Card]) -> list[list[Card]]:
    return [cards[i : i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]


# -- the two ways to write a card ----------------------------------------------


def card_ours(card: Card) -> str:
    lines = [
        f"````{{experience-card}} {card.role}",
        f":org: {card.org}",
        f":period: {card.period}",
        f":kind: {card.kind}",
        f":tags: {', '.join(card.tags)}",
        f":name: {card.name}",
        "",
    ]
    for text, badges in card.bullets:
        shown = ", ".join(f"{{metric-badge}}`{badge}`" for badge in badges)
        lines.append(f"- {text}, with {shown}.")
    lines += ["````", ""]
    return "\n".join(lines)


def stock_badge(badge: str) -> str:
    return f"{{bdg-success}}`{badge}`"


def card_stock(card: Card) -> str:
    """The same card with sphinx-design: a label, a card, badges as sphinx-design roles."""
    lines = [
        f"({card.name})=",
        f"````{{card}} {card.role}",
        f":class-card: experience {card.kind}",
        "",
        f"**{card.org}** · {card.period}",
        "",
        " ".join(stock_badge(badge) for badge in card.badges),
        "",
    ]
    for text, badges in card.bullets:
        shown = ", ".join(stock_badge(badge) for badge in badges)
        lines.append(f"- {text}, with {shown}.")
    lines += ["", f"Tags: {', '.join(card.tags)}", "````", ""]
    return "\n".join(lines)


def summary_stock(cards: list[Card]) -> str:
    """The impact summary written out by hand: each card's badges, linking back."""
    lines = []
    for card in cards:
        badges = " ".join(f"{{bdg-ref-success}}`{b} <{card.name}>`" for b in card.badges)
        lines += [f"- {{ref}}`{card.role}, {card.org} <{card.name}>`", "", f"  {badges}", ""]
    return "\n".join(lines)


# -- pages -----------------------------------------------------------------------


def experience_page(number: int, cards: list[Card], variant: str) -> str:
    write = card_ours if variant == "ours" else card_stock
    intro = f"# Experience {number}\n\nRoles {cards[0].number} to {cards[-1].number}.\n\n"
    return intro + "\n".join(write(card) for card in cards)


def impact_page(cards: list[Card], variant: str) -> str:
    body = "```{impact-summary}\n```\n" if variant == "ours" else summary_stock(cards)
    return f"# Impact\n\nEvery figure of the site, grouped by role.\n\n{body}"


def papers_page(variant: str) -> str:
    directive = "{publications}" if variant == "ours" else "{bibliography}\n:all:"
    return f"# Papers\n\n```{directive}\n```\n"


def bib_entry(rng: random.Random, number: int) -> str:
    authors = " and ".join(f"{rng.choice(ORGS)}, {chr(65 + rng.randint(0, 25))}." for _ in range(3))
    return (
        f"@article{{paper{number},\n"
        f"  author = {{{authors}}},\n"
        f"  title = {{{words(rng, 8).capitalize()}}},\n"
        f"  journal = {{Journal of {words(rng, 2).title()}}},\n"
        f"  year = {{{1990 + number % 35}}},\n"
        f"  volume = {{{number % 40 + 1}}},\n"
        f"  pages = {{{number}--{number + 9}}},\n"
        "}\n"
    )


def bibliography(size: int) -> str:
    rng = random.Random(-size)
    return "\n".join(bib_entry(rng, number) for number in range(1, size + 1))


def index_page(page_names: list[str], papers: bool = True) -> str:
    toctree = "\n".join(["impact", *page_names, *(["papers"] if papers else [])])
    return (
        "# Synthetic portfolio\n\nA generated site for the build benchmark.\n\n"
        f"```{{toctree}}\n:maxdepth: 2\n\n{toctree}\n```\n"
    )


def generate(target: Path, size: int, variant: str, cards_only: bool = False) -> list[str]:
    """Write a portfolio of ``size`` papers (and size / 5 cards) into ``target``;
    with ``cards_only``, ``size`` cards and no papers at all (the card-heavy site).
    Returns its experience pages."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    cards = make_cards(size, seed=-size) if cards_only else make_cards(size // 5, seed=size)
    names = []
    for number, page_cards in enumerate(pages_of(cards), start=1):
        name = f"experience-{number:03d}"
        names.append(name)
        (target / f"{name}.md").write_text(experience_page(number, page_cards, variant))
    ours = '    "sphinx_portfolio",\n    "sphinx_portfolio.publications",\n'
    conf = CONF.format(extra=ours if variant == "ours" else '    "sphinx_design",\n')
    if variant == "ours":
        # One papers page in both variants: the same content, not a page per paper.
        conf += "portfolio_paper_pages = None\n"
    (target / "conf.py").write_text(conf)
    (target / "index.md").write_text(index_page(names, papers=not cards_only))
    (target / "impact.md").write_text(impact_page(cards, variant))
    if cards_only:
        (target / "papers.bib").write_text("")  # bibtex_bibfiles names it
        return names
    (target / "papers.md").write_text(papers_page(variant))
    (target / "papers.bib").write_text(bibliography(size))
    return names


def edit_one_page(target: Path, page: str, variant: str) -> list[str]:
    """The author's everyday edit: the first badge of a page gets a new figure.

    With the extension that is one edit; without it, the author also edits the
    card's summary row and the hand-written summary page. Returns the files edited.
    """
    path = target / f"{page}.md"
    text = path.read_text()
    role = "{metric-badge}" if variant == "ours" else "{bdg-success}"
    start = text.index(role + "`") + len(role) + 1
    old = role + "`" + text[start : text.index("`", start)] + "`"
    new = role + "`+9.9% CTR`"
    if variant == "ours":
        path.write_text(text.replace(old, new, 1))
        return [path.name]
    path.write_text(text.replace(old, new, 2))  # the summary row and the bullet
    card = re.search(r"^\((card-\d+)\)=$", text, re.MULTILINE)[1]
    summary = target / "impact.md"
    lines = summary.read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.endswith(f"<{card}>`"))
    lines[at + 2] = lines[at + 2].replace(old, new, 1)
    summary.write_text("\n".join(lines))
    return [path.name, summary.name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--variant", choices=VARIANTS, default="ours")
    parser.add_argument("--cards-only", action="store_true", help="size cards, no papers")
    args = parser.parse_args()
    pages = generate(args.target, args.size, args.variant, args.cards_only)
    papers = 0 if args.cards_only else args.size
    print(f"wrote {len(pages)} experience pages and {papers} papers to {args.target}")


if __name__ == "__main__":
    main()
