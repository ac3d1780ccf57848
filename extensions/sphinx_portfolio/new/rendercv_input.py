"""Reading a RenderCV input file (``cv.yaml``) for ``sphinx-portfolio new``.

RenderCV (https://rendercv.com, 2.x) keeps a CV as ``cv:`` with name, location,
email, phone, website, photo, social networks and ``sections:``, each a list of
entries of one of its types. Each entry becomes what the site already shows:

======================  ===============================================
RenderCV entry          on the site (as JSON Resume)
======================  ===============================================
experience              a card on the experience page (``work``)
education               a card on the education page (``education``)
normal (``name``)       a project card (``projects``)
publication             a paper in ``papers.bib`` (``publications``)
one-line (label)        a group on the skills page (``skills``)
text, bullet, numbered  a page of its own, named by the section
======================  ===============================================

Strings are RenderCV's Markdown; :data:`text.MARKDOWN` makes the pages keep its
emphasis and links. Bad input raises :class:`RenderCVError` naming the field and
its line in the file. PyYAML is imported only here, when a .yaml file is read.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .text import Layout, Section, plain_markdown

LIST_KINDS = {"bullet": "bullet", "number": "number", "reversed_number": "reversed_number"}
LEFT_AS_IS = ("design", "locale", "rendercv_settings", "settings")


class RenderCVError(ValueError):
    """Names the field, and its line in the YAML file."""


def load(text: str) -> tuple[Any, dict[str, int]]:
    """The YAML document, and the line (1-based) of each field path in it."""
    import yaml  # the `all` extra; only RenderCV input needs it

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RenderCVError(f"{where}not YAML ({problem})") from None
    lines: dict[str, int] = {}
    walk(node, "", lines)
    return data, lines


def walk(node: Any, path: str, lines: dict[str, int]) -> None:
    if node is None:
        return
    lines.setdefault(path, node.start_mark.line + 1)
    if node.id == "mapping":
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            lines[child] = key.start_mark.line + 1
            walk(value, child, lines)
    elif node.id == "sequence":
        for index, value in enumerate(node.value):
            walk(value, f"{path}[{index}]", lines)


def is_rendercv(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("cv"), dict)


def to_resume(data: Any, lines: dict[str, int]) -> tuple[dict, Layout, dict]:
    """JSON Resume for the scaffold; the file's sections in order (with the pages of
    sections JSON Resume has no place for) and its bold authors; what is left as is."""

    def fail(path: str, message: str) -> RenderCVError:
        line = lines.get(path)
        return RenderCVError(f"line {line}: {path}: {message}" if line else f"{path}: {message}")

    if not is_rendercv(data):
        raise fail("cv", "not a RenderCV file: no 'cv:' mapping at the top")
    cv = data["cv"]
    for key in CV_KEYS[:-2]:  # name, email, …: one value each
        if isinstance(cv.get(key), dict | list):
            raise fail(f"cv.{key}", "expected one value, not a list or mapping")
    basics = {"name": s(cv.get("name"))}
    for key, target in (("email", "email"), ("phone", "phone"), ("website", "url")):
        if s(cv.get(key)):
            basics[target] = s(cv[key])
    if s(cv.get("photo")):
        basics["image"] = s(cv["photo"])
    if s(cv.get("location")):
        basics["location"] = {"city": s(cv["location"])}
    networks = cv.get("social_networks") or []
    if not isinstance(networks, list):
        raise fail("cv.social_networks", "expected a list")
    basics["profiles"] = [
        {"network": s(n.get("network")), "username": s(n.get("username"))}
        for n in networks
        if isinstance(n, dict)
    ]
    resume: dict[str, Any] = {"basics": {k: v for k, v in basics.items() if v}}
    layout = Layout()
    sections = cv.get("sections") or {}
    if not isinstance(sections, dict):
        raise fail("cv.sections", "expected a mapping of section titles to lists of entries")
    for title, entries in sections.items():
        path = f"cv.sections.{title}"
        if not isinstance(entries, list):
            raise fail(path, "expected a list of entries")
        kind = entry_kind(entries[0]) if entries else "text"
        for index, entry in enumerate(entries):
            other = entry_kind(entry)
            if other != kind:
                message = f"a {other} entry; the section's first is {kind}"
                raise fail(f"{path}[{index}]", message)
        if kind in LIST_KINDS or kind == "text":
            key = LIST_KINDS.get(kind)
            texts = tuple(s(e[key]) if key else s(e) for e in entries)
            layout.sections.append(Section(str(title), kind, texts=texts))
            continue
        if kind == "unknown":
            raise fail(f"{path}[0]", "not a RenderCV entry (no company, institution, name, …)")
        for index, entry in enumerate(entries):
            for key in ("highlights", "authors"):
                if entry.get(key) is not None and not isinstance(entry[key], list):
                    raise fail(f"{path}[{index}].{key}", "expected a list")
        section, convert = CONVERTERS[kind]
        start = len(resume.setdefault(section, []))
        resume[section].extend(convert(e) for e in entries)
        places = range(start, len(resume[section]))
        layout.sections.append(Section(str(title), kind, section, places))
        if kind == "publication":
            add_owners(layout.owners, entries)
    left = {k: v for k, v in cv.items() if k not in CV_KEYS}
    left.update({k: data[k] for k in LEFT_AS_IS if k in data})
    return resume, layout, left


def add_owners(owners: list[str], papers: list[dict]) -> None:
    """The authors a paper marks in bold, once each: RenderCV's way to show the CV's
    owner among them (the site shows ``portfolio_owner`` in bold)."""
    for paper in papers:
        for author in paper.get("authors") or []:
            name = plain_markdown(s(author))
            if BOLD.fullmatch(s(author).strip()) and name and name not in owners:
                owners.append(name)


# A whole author in bold (or bold italic): "**Jane Doe**", "***Jane Doe***".
BOLD = re.compile(r"(\*\*\*?)[^*]+\1")
CV_KEYS = ("name", "email", "phone", "website", "photo", "location", "social_networks")
CV_KEYS += ("sections",)


def entry_kind(entry: Any) -> str:
    if isinstance(entry, str):
        return "text"
    if not isinstance(entry, dict):
        return "unknown"
    for key, kind in (
        ("company", "experience"),
        ("institution", "education"),
        ("authors", "publication"),
        ("label", "one_line"),
        ("bullet", "bullet"),
        ("reversed_number", "reversed_number"),
        ("number", "number"),
        ("name", "normal"),
        ("title", "publication"),  # a paper whose authors are not given
    ):
        if key in entry:
            return kind
    return "unknown"


def s(value: Any) -> str:
    """A YAML scalar as text: a date YAML read as one is written back in ISO."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def dates(entry: dict) -> dict[str, str]:
    found = {}
    start, end, date = s(entry.get("start_date")), s(entry.get("end_date")), s(entry.get("date"))
    if start:
        found["startDate"] = start
        if end and end.strip().lower() != "present":
            found["endDate"] = end
    elif date:
        found["date"] = date
    return found


def common(entry: dict) -> dict[str, Any]:
    item: dict[str, Any] = dates(entry)
    if s(entry.get("location")):
        item["location"] = plain_markdown(s(entry["location"]))
    if s(entry.get("summary")):
        item["summary"] = s(entry["summary"])
    highlights = [s(h) for h in entry.get("highlights") or [] if s(h)]
    if highlights:
        item["highlights"] = highlights
    return item


def experience(entry: dict) -> dict[str, Any]:
    item = {"name": plain_markdown(s(entry["company"])), "position": s(entry.get("position"))}
    item["position"] = plain_markdown(item["position"])
    return {**item, **common(entry)}


def education(entry: dict) -> dict[str, Any]:
    item = {"institution": plain_markdown(s(entry["institution"]))}
    for key, target in (("degree", "studyType"), ("area", "area"), ("grade", "score")):
        if s(entry.get(key)):
            item[target] = plain_markdown(s(entry[key]))
    rest = common(entry)
    if "highlights" in rest:
        rest["courses"] = rest.pop("highlights")
    return {**item, **rest}


def normal(entry: dict) -> dict[str, Any]:
    name = s(entry["name"])
    item: dict[str, Any] = {"name": plain_markdown(name)}
    link = name.strip()
    if link.startswith("[") and link.endswith(")") and "](" in link:
        item["url"] = link[link.index("](") + 2 : -1]
    item.update(common(entry))
    if "summary" in item:
        item["description"] = item.pop("summary")
    return item


def publication(entry: dict) -> dict[str, Any]:
    item: dict[str, Any] = {"name": plain_markdown(s(entry.get("title")))}
    if s(entry.get("journal")):
        item["publisher"] = plain_markdown(s(entry["journal"]))
    if s(entry.get("date")):
        item["releaseDate"] = s(entry["date"])
    if s(entry.get("url")):
        item["url"] = s(entry["url"])
    if s(entry.get("doi")):
        item["x-doi"] = s(entry["doi"])
    item["x-authors"] = [plain_markdown(s(a)) for a in entry.get("authors") or []]
    return item


def one_line(entry: dict) -> dict[str, Any]:
    return {"name": plain_markdown(s(entry["label"])), "keywords": [s(entry.get("details"))]}


CONVERTERS = {
    "experience": ("work", experience),
    "education": ("education", education),
    "normal": ("projects", normal),
    "publication": ("publications", publication),
    "one_line": ("skills", one_line),
}
