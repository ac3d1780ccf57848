"""``rendercv.yaml``: the site's facts as a RenderCV input file (RenderCV 2.x).

Written beside ``resume.json`` by every HTML build, from the same JSON Resume
document (:func:`outputs.resume.build_resume`), so a user can render RenderCV's
Typst CV designs (``rendercv render rendercv.yaml``) from the one source. Pages
that ``sphinx-portfolio new`` wrote from a RenderCV section of text, bullet or
numbered entries (front matter ``rendercv: KEY``) come back as that section.

Sections: ``experience`` and ``volunteer`` (experience entries), ``education``,
``projects``, ``awards`` and ``certificates`` (normal entries), ``publications``,
``skills``, ``languages`` and ``interests`` (one-line entries). Profiles on a
network RenderCV does not know are left out (RenderCV would refuse them). The YAML
is written here (every string JSON-quoted, which YAML reads as is): no dependency.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes

from ..core.jsonresume import RENDERCV
from .resume_sections import markdown

# The networks RenderCV 2.x accepts (its SocialNetworkName); others it refuses.
NETWORKS = ("LinkedIn", "GitHub", "GitLab", "IMDB", "Instagram", "ORCID", "Mastodon",
            "StackOverflow", "ResearchGate", "YouTube", "Google Scholar", "Telegram",
            "Leetcode", "X")  # fmt: skip
PAGE_KEY, ENTRIES_KEY = "rendercv", "rendercv-entries"


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


def publication(item: dict) -> dict:
    found: dict[str, Any] = {"title": item["name"], "authors": list(item.get("x-authors") or [])}
    for key, target in (("x-doi", "doi"), ("url", "url"), ("publisher", "journal")):
        if item.get(key) and not (target == "url" and item.get("x-doi")):
            found[target] = item[key]
    if item.get("releaseDate"):
        found["date"] = item["releaseDate"]
    return found


def one_line(label: str, details: str) -> dict:
    return {"label": label, "details": details}


def with_markup(resume: dict, markup: dict[int, dict]) -> dict:
    """``resume`` with each card's texts as Markdown where the pages give them (a
    tailored build's fewer highlights stay as they are)."""
    sections = {}
    for name in ("work", "volunteer", "education", "projects"):
        items = []
        for item in resume.get(name, []):
            marked = dict(markup.get(id(item), {}))
            texts = "courses" if name == "education" else "highlights"
            if len(marked.pop("highlights", [])) == len(item.get(texts, [])) and item.get(texts):
                marked[texts] = markup[id(item)]["highlights"]
            items.append({**item, **{k: v for k, v in marked.items() if item.get(k)}})
        sections[name] = items
    return {**resume, **sections}


def build_rendercv(resume: dict, extras: list[tuple[str, str, list[str]]]) -> dict:
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
    sections: dict[str, list] = {
        "experience": [
            entry(w, {"name": "company", "position": "position"}) for w in resume.get("work", [])
        ],
        "volunteer": [
            entry(v, {"organization": "company", "position": "position"})
            for v in resume.get("volunteer", [])
        ],
        "education": [education(e) for e in resume.get("education", [])],
        "projects": [project(p) for p in resume.get("projects", [])],
        "publications": [publication(p) for p in resume.get("publications", [])],
        "awards": [
            {"name": a["title"], **entry(a, {"awarder": "awarder"})}
            for a in resume.get("awards", [])
        ],
        "certificates": [
            {"name": c["name"], **entry(c, {"issuer": "issuer"})}
            for c in resume.get("certificates", [])
        ],
        "skills": [one_line(s["name"], ", ".join(s["keywords"])) for s in resume["skills"]],
        "languages": [
            one_line(lang["language"], lang.get("fluency", ""))
            for lang in resume.get("languages", [])
        ],
        "interests": [
            one_line(i["name"], ", ".join(i["keywords"])) for i in resume.get("interests", [])
        ],
    }
    for key, kind, entries in extras:
        sections[key] = entries if kind == "text" else [{kind: e} for e in entries]
    cv["sections"] = {key: value for key, value in sections.items() if value}
    return {"cv": cv}


def extra_sections(env: Any, order: dict[str, int]) -> list[tuple[str, str, list[str]]]:
    """Pages written from a RenderCV section of text, bullet or numbered entries."""
    found = []
    for docname in sorted(env.found_docs, key=lambda d: (order.get(d, len(order)), d)):
        meta = env.metadata.get(docname, {})
        key, kind = str(meta.get(PAGE_KEY, "")), str(meta.get(ENTRIES_KEY, ""))
        if not key or kind not in ("text", "bullet", "number", "reversed_number"):
            continue
        top = next(iter(env.get_doctree(docname).findall(nodes.section)), None)
        parts = top.children[1:] if top is not None else []
        if kind == "text":
            entries = [markdown(p) for p in parts if isinstance(p, nodes.paragraph)]
        else:
            lists = (nodes.bullet_list, nodes.enumerated_list)
            entries = [markdown(i) for p in parts if isinstance(p, lists) for i in p.children]
        found.append((key, kind, entries))
    return found


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
    outdir: str, resume: dict, markup: dict[int, dict], env: Any, order: dict[str, int]
) -> None:
    data = build_rendercv(with_markup(resume, markup), extra_sections(env, order))
    header = "# RenderCV input (https://rendercv.com), written by sphinx-portfolio from the site\n"
    text = header + to_yaml(data) + "\n"
    path = Path(outdir) / RENDERCV
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
