"""``rendercv.yaml``: the site's facts as a RenderCV input file (RenderCV 2.x).

Written beside ``resume.json`` by every HTML build, from the same JSON Resume
document (:func:`outputs.resume.build_resume`), so a user can render RenderCV's
Typst CV designs (``rendercv render rendercv.yaml``) from the one source.

Sections: by default ``experience`` and ``volunteer`` (experience entries),
``education``, ``projects``, ``awards`` and ``certificates`` (normal entries),
``publications``, ``skills``, ``languages`` and ``interests`` (one-line entries).
A page whose front matter says ``rendercv: KEY`` puts what it shows (its cards, its
keyword groups, the papers of its publication list) in the section ``KEY``; a page
that also says ``rendercv-entries: bullet`` (or text, number, reversed_number) is
that section's entries. ``sphinx-portfolio new --from cv.yaml`` writes these, so a
RenderCV file comes back with its section names, and in its order: sections follow
the reading order of their pages. The authors the site shows in bold
(``portfolio_owner``) come back as ``**Name**``. Profiles on a network RenderCV
does not know are left out (RenderCV would refuse them). The YAML is written here
(every string JSON-quoted, which YAML reads as is): no dependency.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes

from ..core.base import warn
from ..core.jsonresume import RENDERCV
from .resume_sections import markdown

# The networks RenderCV 2.x accepts (its SocialNetworkName); others it refuses.
NETWORKS = ("LinkedIn", "GitHub", "GitLab", "IMDB", "Instagram", "ORCID", "Mastodon",
            "StackOverflow", "ResearchGate", "YouTube", "Google Scholar", "Telegram",
            "Leetcode", "X")  # fmt: skip
PAGE_KEY, ENTRIES_KEY = "rendercv", "rendercv-entries"
# A page's own entries (front matter rendercv-entries: KIND): RenderCV's entry types
# that have no JSON Resume place.
LIST_KINDS = ("text", "bullet", "number", "reversed_number")


@dataclass
class Places:
    """Where the site shows each exported item, and the sections that gives back.

    ``pages``: id of a resume.json item -> the page that shows it; ``keys``: page ->
    the section its front matter names (``rendercv: teaching``); ``order``: the pages'
    reading order; ``extras``: sections of text, bullet or numbered entries, with
    their pages; ``sections``: key -> [rank, entry type, entries], as they are filled."""

    pages: dict[int, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    extras: list[tuple[str, str, list[str], str]] = field(default_factory=list)
    sections: dict[str, list] = field(default_factory=dict)
    warned: set[tuple[str, str]] = field(default_factory=set)

    def rank(self, docname: str, number: int) -> tuple[int, int]:
        """A page's place in reading order (no page: last), then the default order."""
        return (self.order.get(docname, len(self.order)), number)

    def place(self, key: str, kind: str, rank: tuple[int, int], entries: list) -> bool:
        """Add ``entries`` to section ``key``; False if it holds another entry type,
        which RenderCV refuses in one section."""
        found = self.sections.setdefault(key, [rank, kind, []])
        if found[1] != kind:
            return False
        found[0] = min(found[0], rank)
        found[2].extend(entries)
        return True

    def mixed(self, key: str, kind: str, docname: str, instead: str) -> None:
        """Say once per page that its entries cannot join the section it names."""
        if (docname, key) in self.warned:
            return
        self.warned.add((docname, key))
        other = self.sections[key][1]
        where = f"in {instead!r}" if instead else "left out"
        message = f"front matter rendercv: {key!r}: {kind} entries cannot join the section's "
        message += f"{other} entries (RenderCV takes one entry type per section); {where} "
        warn(message + "in rendercv.yaml", docname or None, "export")


def dates(item: dict) -> dict[str, str]:
    if item.get("startDate"):
        return {"start_date": item["startDate"], "end_date": item.get("endDate") or "present"}
    date = item.get("date") or item.get("releaseDate") or ""
    return {"date": date} if date else {}


def entry(item: dict, names: dict[str, str], highlights: str = "highlights") -> dict:
    """The fields of ``item`` renamed for RenderCV, its dates and highlights."""
    found = {target: item[key] for key, target in names.items() if item.get(key)}
    found.update(dates(item))
    if item.get("location"):
        found["location"] = item["location"]
    summary = " ".join(item[k] for k in ("summary", "description") if item.get(k))
    if summary:
        found["summary"] = summary
    if item.get(highlights):
        found["highlights"] = list(item[highlights])
    return found


def education(item: dict) -> dict:
    names = {"institution": "institution", "area": "area", "studyType": "degree"}
    found = entry(item, {**names, "score": "grade"}, "courses")
    if "area" not in found:  # RenderCV needs an area
        found["area"] = found.pop("degree", "")
    return found


def project(item: dict) -> dict:
    name = item.get("name", "")
    found = entry(item, {})
    url = item.get("url")
    return {"name": f"[{name}]({url})" if url else name, **found}


def publication(item: dict, owners: tuple[re.Pattern, ...] = ()) -> dict:
    """A paper; the authors the site shows in bold (``portfolio_owner``) in bold."""
    authors = [bold(a) if any(p.fullmatch(a) for p in owners) else a for a in item["x-authors"]]
    found: dict[str, Any] = {"title": item["name"], "authors": authors}
    for key, target in (("x-doi", "doi"), ("url", "url"), ("publisher", "journal")):
        if item.get(key) and not (target == "url" and item.get("x-doi")):
            found[target] = item[key]
    if item.get("releaseDate"):
        found["date"] = item["releaseDate"]
    return found


def bold(name: str) -> str:
    return f"**{name}**"


def one_line(label: str, details: str) -> dict:
    return {"label": label, "details": details}


def with_markup(resume: dict, markup: dict[int, dict], places: Places) -> dict:
    """``resume`` with each card's texts as Markdown where the pages give them (a
    tailored build's fewer highlights stay as they are); each copy keeps its page."""
    sections = {}
    for name in ("work", "volunteer", "education", "projects"):
        items = []
        for item in resume.get(name, []):
            marked = dict(markup.get(id(item), {}))
            texts = "courses" if name == "education" else "highlights"
            if len(marked.pop("highlights", [])) == len(item.get(texts, [])) and item.get(texts):
                marked[texts] = markup[id(item)]["highlights"]
            items.append({**item, **{k: v for k, v in marked.items() if item.get(k)}})
            places.pages[id(items[-1])] = places.pages.get(id(item), "")
        sections[name] = items
    return {**resume, **sections}


def build_rendercv(resume: dict, places: Places, owners: tuple[re.Pattern, ...] = ()) -> dict:
    """RenderCV's ``cv``: the person, and the sections in the site's reading order."""
    basics = resume.get("basics") or {}
    cv: dict[str, Any] = {"name": basics.get("name", "")}
    location = basics.get("location") or {}
    if location:
        cv["location"] = ", ".join(str(v) for v in location.values())
    for key, target in (("email", "email"), ("phone", "phone"), ("url", "website")):
        if basics.get(key):
            cv[target] = basics[key]
    networks = [
        {"network": p["network"], "username": p["username"]}
        for p in basics.get("profiles") or []
        if p.get("network") in NETWORKS and p.get("username")
    ]
    if networks:
        cv["social_networks"] = networks
    converters = {**CONVERTERS, "publications": lambda item: publication(item, owners)}
    place_items(resume, places, converters)
    for key, kind, entries, docname in places.extras:
        entries = entries if kind == "text" else [{kind: e} for e in entries]
        if not places.place(key, kind, places.rank(docname, len(CONVERTERS)), entries):
            places.mixed(key, kind, docname, "")
    ordered = sorted(places.sections.items(), key=lambda pair: pair[1][0])
    cv["sections"] = {key: entries for key, (_, _, entries) in ordered if entries}
    return {"cv": cv}


# RenderCV's default section for each JSON Resume section, in the order a site without
# ``rendercv:`` front matter gives them, and how an item becomes its entry.
CONVERTERS: dict[str, Callable[[dict], dict]] = {
    "work": lambda w: entry(w, {"name": "company", "position": "position"}),
    "volunteer": lambda v: entry(v, {"organization": "company", "position": "position"}),
    "education": education,
    "projects": project,
    "publications": publication,
    "awards": lambda a: {"name": a["title"], **entry(a, {"awarder": "awarder"})},
    "certificates": lambda c: {"name": c["name"], **entry(c, {"issuer": "issuer"})},
    "skills": lambda s: one_line(s["name"], ", ".join(s["keywords"])),
    "languages": lambda lang: one_line(lang["language"], lang.get("fluency", "")),
    "interests": lambda i: one_line(i["name"], ", ".join(i["keywords"])),
}
SECTIONS = {"work": "experience", "volunteer": "volunteer"}  # else RenderCV's key is the same
# The RenderCV entry type each JSON Resume section is written as.
ENTRY_TYPES = {"work": "experience", "volunteer": "experience", "education": "education"}
ENTRY_TYPES |= dict.fromkeys(("projects", "awards", "certificates"), "normal")
ENTRY_TYPES |= {"publications": "publication"}
ENTRY_TYPES |= dict.fromkeys(("skills", "languages", "interests"), "one-line")


def place_items(
    resume: dict, places: Places, converters: dict[str, Callable[[dict], dict]]
) -> None:
    """Each item in the section its page names (front matter ``rendercv: KEY``), else
    in its default one; each section ranked by its first page in reading order, which
    also decides, when two pages name one section, whose entry type it takes."""
    found = []
    for number, source in enumerate(converters):
        for item in resume.get(source) or []:
            docname = places.pages.get(id(item), "")
            found.append((places.rank(docname, number), docname, source, item))
    for rank, docname, source, item in sorted(found, key=lambda one: one[0]):
        default, kind = SECTIONS.get(source, source), ENTRY_TYPES[source]
        key, entries = places.keys.get(docname) or default, [converters[source](item)]
        if not places.place(key, kind, rank, entries):
            places.mixed(key, kind, docname, default)
            places.place(default, kind, rank, entries)


def page_keys(env: Any) -> dict[str, str]:
    """Page -> the RenderCV section its front matter names (``rendercv: KEY``); a value
    that cannot be a section's key is named in a warning and not used."""
    keys = {}
    for docname in sorted(env.found_docs):
        meta = env.metadata.get(docname, {})
        if PAGE_KEY not in meta:
            continue
        key = str(meta[PAGE_KEY]).strip()
        problem = key_problem(key)
        if problem:
            warn(f"front matter rendercv: {key!r}: {problem}", docname, "export")
        else:
            keys[docname] = key
    return keys


def key_problem(key: str) -> str:
    if not key:
        return "empty; give the page's RenderCV section, e.g. rendercv: teaching"
    if key[0] in "[{":  # MyST gives a list or mapping in front matter as JSON
        try:
            json.loads(key)
        except ValueError:
            return ""
        return "expected one section key, not a list or mapping"
    return ""


def extra_sections(env: Any, keys: dict[str, str]) -> list[tuple[str, str, list[str], str]]:
    """Pages written from a RenderCV section of text, bullet or numbered entries."""
    found = []
    for docname, key in sorted(keys.items()):
        kind = str(env.metadata[docname].get(ENTRIES_KEY, "")).strip()
        if kind not in LIST_KINDS:
            if kind:
                message = f"front matter {ENTRIES_KEY}: {kind!r}: expected one of "
                warn(message + ", ".join(LIST_KINDS), docname, "export")
            continue
        top = next(iter(env.get_doctree(docname).findall(nodes.section)), None)
        parts = top.children[1:] if top is not None else []
        if kind == "text":
            entries = [markdown(p) for p in parts if isinstance(p, nodes.paragraph)]
        else:
            lists = (nodes.bullet_list, nodes.enumerated_list)
            entries = [markdown(i) for p in parts if isinstance(p, lists) for i in p.children]
        found.append((key, kind, entries, docname))
    return found


def papers_page(env: Any, keys: dict[str, str], order: dict[str, int]) -> str:
    """The page whose publication list places the papers: the first in reading order
    with a ``rendercv:`` key, else the first of all."""
    pages = sorted(env.found_docs, key=lambda d: (d not in keys, order.get(d, len(order)), d))
    for docname in pages:
        if any(n.tagname == "paper_item" for n in env.get_doctree(docname).findall(nodes.Element)):
            return docname  # papers/ is not imported here: its node by name
    return ""


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML; every scalar a JSON string or number, which YAML reads as is."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            head = f"{pad}{json.dumps(str(key), ensure_ascii=False)}:"
            if isinstance(item, dict | list) and item:
                lines.append(f"{head}\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{head} {scalar(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict | list) and item:
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {body.lstrip()}")
            else:
                lines.append(f"{pad}- {scalar(item)}")
        return "\n".join(lines)
    return f"{pad}{scalar(value)}"


def scalar(value: Any) -> str:
    if value in ({}, []):
        return "{}" if value == {} else "[]"
    return json.dumps(value if isinstance(value, int | float) else str(value), ensure_ascii=False)


def write_rendercv(
    outdir: str,
    resume: dict,
    markup: dict[int, dict],
    places: Places,
    env: Any,
    owners: tuple[re.Pattern, ...] = (),
) -> None:
    places.keys = page_keys(env)
    places.extras = extra_sections(env, places.keys)
    if resume.get("publications"):  # else no page is read for a list of papers
        papers = papers_page(env, places.keys, places.order)
        places.pages.update((id(p), papers) for p in resume["publications"])
    data = build_rendercv(with_markup(resume, markup, places), places, owners)
    header = "# RenderCV input (https://rendercv.com), written by sphinx-portfolio from the site\n"
    text = header + to_yaml(data) + "\n"
    path = Path(outdir) / RENDERCV
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
