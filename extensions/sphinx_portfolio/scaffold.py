"""A new portfolio site from a JSON Resume: the pages, ``conf.py`` and a .bib file.

Pure functions from a resume (a dict) to file texts, so the command line
(:mod:`sphinx_portfolio.cli`) only reads, reports and writes. The pages use only
what :mod:`sphinx_portfolio.exports` reads back, so building the new site writes a
``resume.json`` equal to the input for every field the site shows; every other
field is returned in :attr:`Site.left_out`, never dropped in silence.

Every string from the resume is escaped for where it goes: MyST inline text,
directive options (as YAML, i.e. JSON strings), Python literals, BibTeX fields.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from . import __version__, metrics
from .metrics import MetricError, parse_metric, polarity_for
from .shared import is_safe_url, looks_like_html

FALLBACK_TITLE = "Portfolio"  # a page needs a title; only used when basics.name is absent
SECTIONS = ("basics", "work", "volunteer", "education", "publications", "skills", "interests")
LIST_SECTIONS = SECTIONS[1:]
CONTACT_KEYS = ("url", "email", "phone", "location")
LOCATION_KEYS = ("address", "postalCode", "city", "countryCode", "region")
PROFILE_KEYS = ("network", "username", "url")
CARD_TEXTS = ("summary", "description")  # paragraphs of a card, exported back by class
# MyST inline syntax characters; a backslash makes each one literal (CommonMark).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&{}!|$~%^])")
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([#+\-=:>%.])")
_FIGURE_IN_TEXT = re.compile(
    r"(?<![\w.])"
    + metrics._FIGURE.pattern.replace(r"(?=[\s,;:)]|$)", r"(?=[\s,;:)!?]|\.(?:\s|$)|$)")
)
_LABEL_WORD = re.compile(r"\s+([^\W\d][\w'’/&+-]*)")
_WORDS_BEFORE_A_LABEL = """cut grew drove won built made led hit and or with through by while
across via to from in at for on over of after as per during within into than which that
the a an"""
STOP_WORDS = frozenset(_WORDS_BEFORE_A_LABEL.split())
_ISO_DATE = re.compile(r"^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$")
ROLE_UNSAFE = re.compile(r"[`<>]| \| |;")


class ResumeError(ValueError):
    """The input is not a JSON Resume the generator can read; names the field."""

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path}: {message}" if field_path else message)
        self.field = field_path


@dataclass
class Site:
    """What ``sphinx-portfolio new`` writes, and what it could not place."""

    files: dict[str, str] = field(default_factory=dict)
    left_out: dict[str, Any] = field(default_factory=dict)  # field path -> value
    notes: list[str] = field(default_factory=list)  # one line per thing to know
    suppress: set[str] = field(default_factory=set)

    def leave_out(self, path: str, value: Any, why: str = "not shown on the site") -> None:
        self.left_out[path] = value
        self.notes.append(f"{path}: {why}")


# -- checking the input ----------------------------------------------------------------


def check_resume(data: Any) -> None:
    """Raise :class:`ResumeError` unless ``data`` has the JSON Resume shape read here."""
    if not isinstance(data, dict):
        raise ResumeError("", f"not a JSON Resume: the top level is a {json_type(data)}")
    known = set(SECTIONS) | {"awards", "certificates", "languages", "references", "projects"}
    if data and not known & set(data) and "meta" not in data:
        raise ResumeError("", "not a JSON Resume: none of basics, work, education, … is present")
    expect(data, "basics", dict, "basics")
    for name in LIST_SECTIONS:
        items = expect(data, name, list, name) or []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise ResumeError(f"{name}[{index}]", f"expected an object, got {json_type(item)}")
            check_strings(item, f"{name}[{index}]")
    basics = data.get("basics") or {}
    check_strings(basics, "basics")
    expect(basics, "location", dict, "basics.location")
    for index, profile in enumerate(expect(basics, "profiles", list, "basics.profiles") or []):
        if not isinstance(profile, dict):
            raise ResumeError(f"basics.profiles[{index}]", "expected an object")
        check_strings(profile, f"basics.profiles[{index}]")


def expect(mapping: dict, key: str, kind: type, path: str) -> Any:
    value = mapping.get(key)
    if value is not None and not isinstance(value, kind):
        wanted = "an object" if kind is dict else "a list"
        raise ResumeError(path, f"expected {wanted}, got {json_type(value)}")
    return value


_STRING_FIELDS = """name position url startDate endDate summary description location
organization institution area studyType score publisher releaseDate label email phone image
network username level x-kind"""
STRING_FIELDS = frozenset(_STRING_FIELDS.split())
STRING_LISTS = frozenset({"highlights", "courses", "keywords", "x-authors"})
OBJECT_LISTS = frozenset({"x-metrics", "x-theses"})  # what this site's own export adds


def check_strings(item: dict, path: str) -> None:
    for key, value in item.items():
        if key in STRING_FIELDS and value is not None and not isinstance(value, str | dict):
            raise ResumeError(f"{path}.{key}", f"expected a string, got {json_type(value)}")
        if key in OBJECT_LISTS and value is not None and not is_object_list(value):
            raise ResumeError(f"{path}.{key}", "expected a list of objects")
        if key in STRING_LISTS and value is not None and not is_string_list(value):
            raise ResumeError(f"{path}.{key}", "expected a list of strings")


def is_object_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def is_string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


# -- escaping --------------------------------------------------------------------------


def text(value: Any) -> str:
    """One line of the resume's text: whitespace folded, as the site shows it."""
    return " ".join(str(value or "").split())


def inline(value: str, fragment: bool = False) -> str:
    """MyST inline text that reads back as exactly ``value`` (whitespace folded); a
    ``fragment`` of a line keeps its spaces at either end."""
    folded = re.sub(r"\s+", " ", value) if fragment else text(value)
    escaped = _INLINE_SPECIAL.sub(r"\\\1", folded)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped, count=1)


def option(value: str) -> str:
    """A directive option value: a JSON string is a YAML string too (quotes, colons, …)."""
    return json.dumps(text(value), ensure_ascii=False)


def fence_argument(value: str) -> str:
    """A directive argument: one line, no backticks (a backtick fence forbids them)."""
    return text(value).replace("`", "'")


# -- pages ----------------------------------------------------------------------------


def scaffold(resume: dict, bib: str | None = None) -> Site:
    """The new site's files for ``resume``; ``bib`` (a .bib file's text) replaces its
    publications."""
    site = Site()
    basics = resume.get("basics") or {}
    name = text(basics.get("name")) or FALLBACK_TITLE
    pages: list[str] = []
    badges = 0
    cards = CardWriter(site)
    experience, count = experience_page(resume, cards)
    badges += count
    if experience:
        site.files["experience.md"] = experience
        pages.append("experience")
    education_text, count = education_page(resume, cards)
    badges += count
    if education_text:
        site.files["education.md"] = education_text
        pages.append("education")
    papers = bib if bib is not None else papers_bib(resume, site)
    if bib is not None and resume.get("publications"):
        site.leave_out("publications", resume["publications"], "replaced by the --bib file")
    if papers:
        site.files["papers.bib"] = papers
        site.files["papers.md"] = "# Papers\n\n```{publications}\n```\n"
        pages.append("papers")
    for section, title in (("skills", "Skills"), ("interests", "Interests")):
        page = keyword_page(resume, section, title, site)
        if page:
            site.files[f"{section}.md"] = page
            pages.append(section)
    site.files["index.md"] = home_page(basics, name, pages, badges, site)
    site.files["conf.py"] = conf_py(basics, name, bool(papers), site)
    site.files[".readthedocs.yaml"] = READTHEDOCS
    site.files["requirements.txt"] = REQUIREMENTS
    leave_out_other_sections(resume, site)
    return site


def home_page(basics: dict, name: str, pages: list[str], badges: int, site: Site) -> str:
    lines = [f"# {inline(name)}", ""]
    if text(basics.get("label")):
        lines += ["{.portfolio-subtitle}", inline(basics["label"]), ""]
    if text(basics.get("summary")):
        lines += ["{.portfolio-summary}", inline(basics["summary"]), ""]
    contact = contact_line(basics, site)
    if contact:
        lines += ["{.portfolio-contact}", contact, ""]
    links = profile_line(basics, site)
    if links:
        lines += ["{.portfolio-profiles}", links, ""]
    for key in sorted(set(basics) - {"name", "label", "summary", "profiles", *CONTACT_KEYS}):
        if basics[key] not in ("", None, [], {}):
            site.leave_out(f"basics.{key}", basics[key])
    lines += [
        "{.portfolio-exports}",
        "Also as data: {portfolio-export}`JSON Resume <resume.json>`.",
        "",
    ]
    lines += ["```{toctree}", ":hidden:", "", *pages, "```", ""]
    if badges:
        lines += ["## Impact at a glance", "", "```{impact-summary}", "```", ""]
    return "\n".join(lines)


def contact(basics: dict, site: Site) -> dict[str, Any]:
    """The contact fields conf.py gives the export (``portfolio_contact``)."""
    found: dict[str, Any] = {}
    for key in ("url", "email", "phone"):
        value = text(basics.get(key))
        if key == "url" and value and not is_safe_url(value):
            site.leave_out("basics.url", basics[key], "not an http(s) URL")
        elif value:
            found[key] = value
    location = basics.get("location") or {}
    place = {k: text(location[k]) for k in LOCATION_KEYS if text(location.get(k))}
    for key in sorted(set(location) - set(LOCATION_KEYS)):
        site.leave_out(f"basics.location.{key}", location[key])
    if place:
        found["location"] = place
    return found


def contact_line(basics: dict, site: Site) -> str:
    found = contact(basics, site)
    parts = []
    if "email" in found:
        parts.append(f"[{inline(found['email'])}](<mailto:{link_target(found['email'])}>)")
    if "url" in found:
        parts.append(f"[{inline(found['url'])}](<{link_target(found['url'])}>)")
    if "phone" in found:
        parts.append(inline(found["phone"]))
    if "location" in found:
        parts.append(inline(", ".join(found["location"].values())))
    return " · ".join(parts)


def link_target(url: str) -> str:
    """A link destination in angle brackets: no spaces, no brackets, escaped."""
    return re.sub(r"([<>\\])", r"\\\1", url.replace(" ", "%20"))


def profiles(basics: dict, site: Site) -> list[dict[str, str]]:
    found = []
    for index, profile in enumerate(basics.get("profiles") or []):
        item = {k: text(profile[k]) for k in PROFILE_KEYS if text(profile.get(k))}
        if "url" in item and not is_safe_url(item["url"]):
            site.leave_out(f"basics.profiles[{index}].url", item.pop("url"), "not an http(s) URL")
        for key in sorted(set(profile) - set(PROFILE_KEYS)):
            site.leave_out(f"basics.profiles[{index}].{key}", profile[key])
        if item:
            found.append(item)
    return found


def profile_line(basics: dict, site: Site) -> str:
    parts = []
    for item in profiles(basics, site):
        words = inline(" ".join(v for k, v in item.items() if k != "url"))
        if "url" in item:
            words = f"[{words or inline(item['url'])}](<{link_target(item['url'])}>)"
        parts.append(words)
    return " · ".join(parts)


# -- cards -----------------------------------------------------------------------------


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


def find_from(texts: list[str], needle: str, line: int, cursor: int):
    for index in range(line, len(texts)):
        start = texts[index].find(needle, cursor if index == line else 0) if needle else -1
        if start >= 0:
            return index, start, start + len(needle)
    return None


def splice(source: str, spans: list[tuple[int, int, str]]) -> str:
    out, cursor = [], 0
    for start, end, role in spans:
        out += [inline(source[cursor:start], True), role]
        cursor = end
    out.append(inline(source[cursor:], True))
    return "".join(out)


def unique_name(words: str, taken: set[str]) -> str:
    base = re.sub(r"[\W_]+", "-", words.lower()).strip("-") or "card"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    return name


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


def experience_page(resume: dict, cards: CardWriter) -> tuple[str, int]:
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
    return "\n".join(["# Experience", "", *parts]), cards.badges


def work_card(path: str, item: dict, org_key: str, kind: str, cards: CardWriter) -> str:
    org, title = text(item.get(org_key)), text(item.get("position"))
    if not org or not title:
        missing = org_key if not org else "position"
        cards.site.leave_out(path, item, f"has no {missing}; a card needs both")
        return ""
    for key in sorted(set(item) - WORK_KEYS):
        cards.site.leave_out(f"{path}.{key}", item[key])
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
    body += cards.bullets(f"{path}.highlights", item.get("highlights") or [], item.get("x-metrics"))
    return cards.card(path, title, org, options, body)


EDUCATION_KEYS = {"institution", "studyType", "area", "url", "startDate", "endDate", "courses"}
EDUCATION_KEYS |= {"x-theses", "x-metrics"}


def education_page(resume: dict, cards: CardWriter) -> tuple[str, int]:
    before = cards.badges
    parts = []
    for index, item in enumerate(resume.get("education") or []):
        path = f"education[{index}]"
        org = text(item.get("institution"))
        title = " in ".join(p for p in (text(item.get("studyType")), text(item.get("area"))) if p)
        if not org or not title:
            cards.site.leave_out(path, item, "has no institution, or neither studyType nor area")
            continue
        for key in sorted(set(item) - EDUCATION_KEYS):
            cards.site.leave_out(f"{path}.{key}", item[key])
        if not text(item.get("studyType")):
            cards.site.notes.append(f"{path}: no studyType; resume.json reads the area as one")
        url = text(item.get("url"))
        if url and not is_safe_url(url):
            cards.site.leave_out(f"{path}.url", url, "not an http(s) URL")
            url = ""
        options = {"period": period(item), "kind": "education", "url": url}
        body = cards.bullets(f"{path}.courses", item.get("courses") or [], item.get("x-metrics"))
        parts.append(cards.card(path, title, org, options, body))
    if not parts:
        return "", 0
    return "\n".join(["# Education", "", *parts]), cards.badges - before


# -- figures in prose ----------------------------------------------------------------------


def figures_in(source: str) -> list[tuple[int, int, str]]:
    """(start, end, problem) of each figure with a sign, currency or unit in ``source``;
    ``problem`` is empty when the span reads as a metric."""
    found = []
    for match in _FIGURE_IN_TEXT.finditer(source):
        if not (match["sign"] or match["currency"] or match["unit"] or match["scale"]):
            continue  # a bare number (a year, a count) is not a figure
        figure_start = match.start() + len(match[0]) - len(match[0].lstrip())
        end = label_after(source, match.end())
        start = figure_start if end > match.end() else label_before(source, match.start())
        end = max(end, match.end())
        if start == figure_start and end == match.end():
            found.append((start, end, "no label next to the figure"))
            continue
        try:
            parse_metric(source[start:end])
        except MetricError as error:
            found.append((start, end, str(error)))
            continue
        found.append((start, end, ""))
    return found


def label_after(source: str, position: int) -> int:
    end = position
    for _ in range(4):
        match = _LABEL_WORD.match(source, end)
        if not match or match[1].lower() in STOP_WORDS:
            break
        end = match.end()
    return end


def label_before(source: str, position: int) -> int:
    """'engagement by +4.6%': the words before 'by', up to a stop word or a verb."""
    head = source[:position]
    match = re.search(r"((?:[^\W\d][\w'’/&-]*\s+){1,3})by\s+$", head)
    if not match:
        return position
    words = match[1].split()
    while words and (words[0].lower() in STOP_WORDS or re.search(r"(ing|ed)$", words[0])):
        words.pop(0)
    if not words:
        return position
    return head.rindex(" ".join(words), match.start())


def record_role(record: dict) -> str | None:
    """The badge markup that parses back to exactly ``record``; None if there is none."""
    shown = text(record.get("text"))
    if not shown or ROLE_UNSAFE.search(shown) or looks_like_html(shown):
        return None
    for spec in dict.fromkeys((shown, written_spec(record))):
        options = [] if record.get("better") == polarity_for(record.get("label", "")) else None
        if options is None and record.get("better") in ("higher", "lower"):
            options = [f"better: {record['better']}"]
        if spec and options is not None and same_figure(spec, record, options):
            return role_markup(shown, spec, options, record.get("facts") or {})
    return None


def same_figure(spec: str, record: dict, options: list[str]) -> bool:
    better = options[0].split(": ")[1] if options else None
    try:
        parsed = parse_metric(spec, better=better).as_dict()
    except MetricError:
        return False
    return all(parsed[key] == record.get(key) for key in parsed if key != "text")


def written_spec(record: dict) -> str:
    """The metric as the parser reads it: '+15% operational efficiency'."""
    label, value, magnitude = (
        text(record.get("label")),
        record.get("value"),
        record.get("magnitude"),
    )
    if magnitude == "neutral":
        return f"neutral {label}"
    if value is None:
        return f"{magnitude} {label}" if magnitude else ""
    sign = {"up": "+", "down": "-"}.get(record.get("direction"), "")
    if record.get("direction") == "flat":
        sign = "+"
    currency = {v: k for k, v in metrics.CURRENCIES.items()}.get(record.get("unit"), "")
    unit = "" if currency else record.get("unit") or ""
    number = metrics._plain(abs(value) / metrics.SCALES.get(magnitude or "", 1))
    return f"{sign}{currency}{number}{magnitude or ''}{unit} {label}"


def role_markup(shown: str, spec: str, options: list[str], facts: dict) -> str | None:
    content = shown if spec == shown else f"{shown} <{spec}>"
    for key, value in facts.items():
        if ROLE_UNSAFE.search(str(value)) or looks_like_html(str(value)):
            return None
        options.append(f"{key}: {text(value)}")
    if options:
        content += " | " + "; ".join(options)
    return f"{{metric-badge}}`{content}`"


# -- skills, interests -------------------------------------------------------------------


def keyword_page(resume: dict, section: str, title: str, site: Site) -> str:
    groups = resume.get(section) or []
    if not groups:
        return ""
    lines = ["---", f"resume: {section}", "---", "", f"# {title}", ""]
    for index, group in enumerate(groups):
        path = f"{section}[{index}]"
        name, keywords = text(group.get("name")), [text(k) for k in group.get("keywords") or []]
        keywords = [k for k in keywords if k]
        if not name or not keywords:
            site.leave_out(path, group, "a group needs a name and keywords")
            continue
        for key in sorted(set(group) - {"name", "keywords"}):
            site.leave_out(f"{path}.{key}", group[key])
        lines += [f"## {inline(name)}", "", *(f"- {inline(k)}" for k in keywords), ""]
    return "\n".join(lines)


# -- publications -------------------------------------------------------------------------


def papers_bib(resume: dict, site: Site) -> str:
    """A .bib file of the resume's publications, written so they read back as given."""
    theses = thesis_schools(resume)
    keys: set[str] = set()
    entries = []
    for index, paper in enumerate(resume.get("publications") or []):
        entry = bib_entry(f"publications[{index}]", paper, theses, keys, site)
        if entry:
            entries.append(entry)
    return "\n".join(entries)


def thesis_schools(resume: dict) -> dict[str, tuple[str, str]]:
    """Thesis title -> (entry type, school), from ``x-theses`` of education."""
    found = {}
    for item in resume.get("education") or []:
        kind = "mastersthesis" if "master" in text(item.get("studyType")).lower() else "phdthesis"
        for thesis in item.get("x-theses") or []:
            if isinstance(thesis, dict) and text(thesis.get("title")):
                found[text(thesis["title"])] = (kind, text(item.get("institution")))
    return found


PAPER_KEYS = {"name", "publisher", "releaseDate", "url", "x-authors", "x-doi", "x-arxiv"}
PAPER_KEYS |= {"x-shortvenue"}


def bib_entry(path: str, paper: dict, theses: dict, keys: set[str], site: Site) -> str:
    title, date = text(paper.get("name")), text(paper.get("releaseDate"))
    if not title or not _ISO_DATE.match(date):
        site.leave_out(path, paper, "a paper needs a name and a releaseDate (YYYY[-MM[-DD]])")
        return ""
    authors = [text(a) for a in paper.get("x-authors") or [] if text(a)]
    kind, school = theses.get(title, ("misc", ""))
    if kind != "misc" and not authors:
        kind = "misc"
    fields = {"author": " and ".join(f"{{{bib_text(a)}}}" for a in authors)}
    fields["title"] = bib_text(title)
    fields["school" if kind != "misc" else "publisher"] = bib_text(school or paper.get("publisher"))
    fields["year"] = date[:4]
    fields["date"] = date if len(date) > 4 else ""
    fields.update(paper_links(paper))
    fields["shortvenue"] = bib_text(paper.get("x-shortvenue"))
    if None in fields.values():
        site.leave_out(path, paper, "its text cannot be written in BibTeX (braces)")
        return ""
    for key in sorted(set(paper) - PAPER_KEYS):
        site.leave_out(f"{path}.{key}", paper[key])
    first_word = title.split()[0] if title.split() else ""
    key = unique_name(f"{(authors or ['paper'])[0].split()[-1]} {date[:4]} {first_word}", keys)
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items() if value)
    return f"@{kind}{{{key},\n{body}}}\n"


def paper_links(paper: dict) -> dict[str, str | None]:
    """DOI, URL and arXiv id: verbatim fields, so only characters BibTeX keeps as is."""
    links = {"doi": verbatim(paper.get("x-doi"))}
    url = text(paper.get("url"))
    links["url"] = verbatim(url) if not url or is_safe_url(url) else None
    if paper.get("x-arxiv"):
        links.update(eprint=verbatim(paper["x-arxiv"]), archiveprefix="arXiv")
    return links


def verbatim(value: Any) -> str | None:
    plain = text(value)
    return None if re.search(r"[{}\\\s]", plain) else plain


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}"}
_BIB_ESCAPES.update({c: "\\" + c for c in "&%#_"})


def bib_text(value: Any) -> str | None:
    """A BibTeX field value that reads back as ``value``; None if none can."""
    plain = text(value)
    if not plain:
        return ""
    if "{" in plain or "}" in plain:
        return None
    escaped = "".join(_BIB_ESCAPES.get(char, char) for char in plain)
    from .bibfields import plain as read_back  # pybtex: only when there are papers

    try:
        ok = read_back(escaped) == plain
    except Exception:  # pybtex raises several error types on odd LaTeX
        ok = False
    return escaped if ok else None


# -- what else -------------------------------------------------------------------------


def leave_out_other_sections(resume: dict, site: Site) -> None:
    for key in sorted(set(resume) - set(SECTIONS)):
        value = resume[key]
        if key == "meta" and isinstance(value, dict) and not value.get("x-metrics"):
            value = {k: v for k, v in value.items() if k != "x-metrics"}  # none to place
        if value not in ("", None, [], {}):
            site.leave_out(key, value)


def conf_py(basics: dict, name: str, papers: bool, site: Site) -> str:
    extensions = ["myst_parser", "sphinx_portfolio"]
    if papers:
        extensions += ["sphinxcontrib.bibtex", "sphinx_portfolio.publications"]
    lines = [
        '"""Sphinx configuration, written by `sphinx-portfolio new` from a JSON Resume."""',
        "",
        f"project = author = copyright = {name!r}",
        f"html_title = {html.escape(name)!r}  # themes insert it as HTML",
        'language = "en"',
        "smartquotes = False  # keep every character as the resume writes it",
        f"extensions = {extensions!r}",
        'myst_enable_extensions = ["attrs_block", "attrs_inline"]',
        'exclude_patterns = ["_build"]',
        'html_theme = "furo"',
        f"portfolio_profiles = {profiles(basics, Site())!r}",
        f"portfolio_contact = {contact(basics, Site())!r}",
    ]
    if papers:
        lines += ['bibtex_bibfiles = ["papers.bib"]', f"portfolio_owner = {[re.escape(name)]!r}"]
    if site.suppress:
        lines.append(f"suppress_warnings = {sorted(site.suppress)!r}  # HTML-like text, as text")
    return "\n".join(lines) + "\n"


READTHEDOCS = """\
# Read the Docs: https://docs.readthedocs.io/en/stable/config-file/v2.html
version: 2
build:
  os: ubuntu-24.04
  tools:
    python: "3.12"
sphinx:
  configuration: conf.py
  fail_on_warning: true
python:
  install:
    - requirements: requirements.txt
# Server-side search indexes the HTML: leave out pages that only repeat the cards
# (the list replaces Read the Docs' defaults, so they are repeated) and lift the
# pages that hold them.
search:
  ignore:
    - search.html
    - search/index.html
    - 404.html
    - 404/index.html
    - genindex.html
    - portfolio-impact.html
  ranking:
    experience.html: 2
    papers.html: 2
"""

# sphinx-portfolio is not on PyPI yet; a bare name would install whatever someone
# else might publish under it, so the file says so and pins the version it wrote.
REQUIREMENTS = f"""\
# What Read the Docs installs to build this site.
# sphinx-portfolio is not published on PyPI yet: replace the next line with where
# you install it from (a wheel's URL, or "sphinx-portfolio[all] @ git+https://…"
# of its repository), or keep it once that version is published.
sphinx-portfolio[all]=={__version__}
"""
