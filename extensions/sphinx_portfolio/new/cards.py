"""The experience and education pages of a new site: one ``experience-card`` per
work, volunteer and education entry, its highlights as bullets with badges.

Every option is written so that :mod:`exports` reads it back as the resume gave
it; fields a card cannot show are left out by name (:meth:`Site.leave_out`).
"""

from __future__ import annotations

from ..core.jsonresume import CARD_TEXTS
from ..core.text import is_safe_url, looks_like_html
from .figures import ROLE_UNSAFE, figures_in, find_from, record_role, splice
from .sections import field_lines
from .text import Site, fence_argument, inline, option, text, unique_name


class CardWriter:
    """Cards with unique reference names, their highlights turned into badges."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.names: set[str] = set()
        self.badges = 0

    def card(self, path: str, title: str, org: str, options: dict, body: list[str]) -> str:
        name = unique_name(f"{org} {title}", self.names)
        if "`" in title:
            self.site.notes.append(f"{path}: backticks shown as ' (a card's title cannot hold one)")
        for value in (title, org, *options.values()):
            if looks_like_html(value):
                # The text is shown escaped; the warning is for authors who type HTML.
                self.site.suppress.add("portfolio.html")
        lines = [f"````{{experience-card}} {fence_argument(title)}", "---"]
        if org:  # a project may have none
            lines.append(f"org: {option(org)}")
        lines += [f"{key}: {option(value)}" for key, value in options.items() if text(value)]
        lines += [f"name: {option(name)}", "---", "", *body, "````", ""]
        return "\n".join(lines)

    def bullets(self, path: str, highlights: list[str], records: list[dict] | None) -> list[str]:
        """One bullet per highlight; figures become badges (from ``x-metrics`` if given)."""
        if records is None:
            marked = [self.find_badges(f"{path}[{i}]", h) for i, h in enumerate(highlights)]
        else:
            marked = self.place_records(path, highlights, records)
        return [f"- {line}" for line in marked if line]

    def find_badges(self, path: str, highlight: str) -> str:
        """Badges for the figures a plain highlight states; the rest escaped as text."""
        source = text(highlight)
        out, cursor = [], 0
        for start, end, problem in figures_in(source):
            spec = source[start:end]
            if problem or ROLE_UNSAFE.search(spec) or looks_like_html(spec):
                self.site.notes.append(f"{path}: {spec!r} kept as text ({problem or 'syntax'})")
                continue
            out += [inline(source[cursor:start], True), f"{{metric-badge}}`{spec}`"]
            self.badges += 1
            cursor = end
        out.append(inline(source[cursor:], True))
        return "".join(out)

    def place_records(self, path: str, highlights: list[str], records: list[dict]) -> list[str]:
        """Each exported figure back in its bullet, in order, as the badge it was."""
        texts = [text(h) for h in highlights]
        spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        line, cursor = 0, 0
        for number, record in enumerate(records):
            role = record_role(record)
            found = find_from(texts, text(record.get("text")), line, cursor)
            if role is None or found is None:
                why = "cannot be written as a badge" if role is None else "not in any highlight"
                self.site.leave_out(f"{path.rsplit('.', 1)[0]}.x-metrics[{number}]", record, why)
                continue
            line, start, cursor = found
            spans[line].append((start, cursor, role))
            self.badges += 1
        return [splice(source, found) for source, found in zip(texts, spans, strict=True)]


def period(item: dict) -> str:
    start, end = text(item.get("startDate")), text(item.get("endDate"))
    if start:
        return f"{start} – {end or 'present'}"
    return end


def card_paragraphs(item: dict) -> list[str]:
    lines = []
    for key in CARD_TEXTS:
        if text(item.get(key)):
            lines += [f"{{.portfolio-{key}}}", inline(item[key]), ""]
    return lines


WORK_KEYS = {"name", "organization", "position", "url", "location", "startDate", "endDate"}
WORK_KEYS |= {"highlights", "x-kind", "x-metrics", *CARD_TEXTS}


def experience_page(
    resume: dict, cards: CardWriter, heading: str = "Experience"
) -> tuple[str, int]:
    parts = []
    for section, org_key, kind in (
        ("work", "name", ""),
        ("volunteer", "organization", "volunteer"),
    ):
        entries = [
            work_card(f"{section}[{i}]", item, org_key, kind, cards)
            for i, item in enumerate(resume.get(section) or [])
        ]
        entries = [entry for entry in entries if entry]
        if entries and section == "volunteer":
            parts += ["## Volunteering", ""]
        parts += entries
    if not parts:
        return "", 0
    return "\n".join([f"# {heading}", "", *parts]), cards.badges


def work_card(path: str, item: dict, org_key: str, kind: str, cards: CardWriter) -> str:
    org, title = text(item.get(org_key)), text(item.get("position"))
    if not org or not title:
        missing = org_key if not org else "position"
        cards.site.leave_out(path, item, f"has no {missing}; a card needs both")
        return ""
    url = text(item.get("url"))
    if url and not is_safe_url(url):
        cards.site.leave_out(f"{path}.url", url, "not an http(s) URL")
        url = ""
    options = {
        "period": period(item),
        "location": text(item.get("location")),
        "kind": text(item.get("x-kind")) or kind,
        "url": url,
    }
    body = card_paragraphs(item)
    body += field_lines(item, sorted(set(item) - WORK_KEYS), path, cards.site)
    body += cards.bullets(f"{path}.highlights", item.get("highlights") or [], item.get("x-metrics"))
    return cards.card(path, title, org, options, body)


PROJECT_KEYS = {"name", "entity", "url", "startDate", "endDate", "highlights", "x-metrics"}
PROJECT_KEYS |= {"x-kind", *CARD_TEXTS}
PROJECT_FIELDS = ["type", "roles", "keywords"]  # first, in this order; then the rest


def project_page(resume: dict, cards: CardWriter, heading: str = "Projects") -> tuple[str, int]:
    """A card per project: entity as its organisation, roles, type and keywords as
    fields, highlights as bullets with badges."""
    before, parts = cards.badges, []
    for index, item in enumerate(resume.get("projects") or []):
        path, title = f"projects[{index}]", text(item.get("name"))
        if not title:
            cards.site.leave_out(path, item, "has no name; a card needs one")
            continue
        url = text(item.get("url"))
        if url and not is_safe_url(url):
            cards.site.leave_out(f"{path}.url", url, "not an http(s) URL")
            url = ""
        options = {"period": period(item), "kind": "project", "url": url}
        rest = sorted(set(item) - PROJECT_KEYS - set(PROJECT_FIELDS))
        body = card_paragraphs(item)
        body += field_lines(item, [*PROJECT_FIELDS, *rest], path, cards.site)
        records = item.get("x-metrics")
        body += cards.bullets(f"{path}.highlights", item.get("highlights") or [], records)
        parts.append(cards.card(path, title, text(item.get("entity")), options, body))
    if not parts:
        return "", 0
    return "\n".join([f"# {heading}", "", *parts]), cards.badges - before


EDUCATION_KEYS = {"institution", "studyType", "area", "url", "startDate", "endDate", "courses"}
EDUCATION_KEYS |= {"x-theses", "x-metrics"}


def education_page(resume: dict, cards: CardWriter, heading: str = "Education") -> tuple[str, int]:
    before = cards.badges
    parts = []
    for index, item in enumerate(resume.get("education") or []):
        path = f"education[{index}]"
        org = text(item.get("institution"))
        title = " in ".join(p for p in (text(item.get("studyType")), text(item.get("area"))) if p)
        if not org or not title:
            cards.site.leave_out(path, item, "has no institution, or neither studyType nor area")
            continue
        if not text(item.get("studyType")):
            cards.site.notes.append(f"{path}: no studyType; resume.json reads the area as one")
        url = text(item.get("url"))
        if url and not is_safe_url(url):
            cards.site.leave_out(f"{path}.url", url, "not an http(s) URL")
            url = ""
        options = {"period": period(item), "kind": "education", "url": url}
        body = field_lines(item, sorted(set(item) - EDUCATION_KEYS), path, cards.site)
        body += cards.bullets(f"{path}.courses", item.get("courses") or [], item.get("x-metrics"))
        parts.append(cards.card(path, title, org, options, body))
    if not parts:
        return "", 0
    return "\n".join([f"# {heading}", "", *parts]), cards.badges - before
