"""The sections of a new site beyond cards: awards, certificates, languages and
references as pages of entries, projects as cards, and any other field of an entry
as a field list (``:Study type: Bachelor``).

Each page carries ``resume: SECTION`` in its front matter and each entry is a
heading (the entry's name), a field list and a paragraph, so that
:mod:`sphinx_portfolio.outputs.resume_sections` reads it back into the same
JSON. References are private: they are written only when asked for
(``--with-references``).
"""

from __future__ import annotations

import json
from typing import Any

from ..core.jsonresume import ENTRY_SECTIONS, field_word, is_field_key
from ..core.text import is_safe_url
from .text import Site, inline, link_target, text

SECTION_TITLES = {
    "awards": "Awards",
    "certificates": "Certificates",
    "languages": "Languages",
    "references": "References",
    "projects": "Projects",
}


def is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def field_lines(item: dict, keys: list[str], path: str, site: Site) -> list[str]:
    """A field list of ``keys`` of ``item``: a string on the field's line, a list of
    strings as bullets under it; anything else is left out by its path."""
    lines: list[str] = []
    for key in keys:
        value = item.get(key)
        if value in (None, "", []):
            continue
        if not is_field_key(key):
            site.leave_out(f"{path}.{key}", value)
        elif isinstance(value, str) and text(value):
            lines.append(f":{field_word(key)}: {field_value(key, value, path, site)}")
        elif is_strings(value) and all(text(v) for v in value):
            lines.append(f":{field_word(key)}:")
            lines += [f"  - {inline(v)}" for v in value]
        elif not isinstance(value, str):  # a string of spaces says nothing
            site.leave_out(f"{path}.{key}", value, "not a string or a list of strings")
    return [*lines, ""] if lines else []


def field_value(key: str, value: str, path: str, site: Site) -> str:
    if key == "url":
        if is_safe_url(text(value)):
            return f"[{inline(value)}](<{link_target(text(value))}>)"
        site.notes.append(f"{path}.url: not an http(s) URL; shown as text, not a link")
    return inline(value)


def entry_page(resume: dict, section: str, site: Site) -> str:
    """``awards.md`` and the like: a heading per entry, its fields, its paragraph."""
    name_key, paragraph_key = ENTRY_SECTIONS[section]
    lines = ["---", f"resume: {section}", "---", "", f"# {SECTION_TITLES[section]}", ""]
    count = 0
    for index, item in enumerate(resume.get(section) or []):
        path = f"{section}[{index}]"
        name = text(item.get(name_key))
        if not name:
            site.leave_out(path, item, f"has no {name_key}; an entry needs one")
            continue
        count += 1
        lines += [f"## {inline(name)}", ""]
        keys = [k for k in item if k not in (name_key, paragraph_key)]
        lines += field_lines(item, keys, path, site)
        paragraph = item.get(paragraph_key)
        if isinstance(paragraph, str) and text(paragraph):
            lines += [inline(paragraph), ""]
        elif paragraph not in (None, "", []):
            site.leave_out(f"{path}.{paragraph_key}", paragraph, "not a string")
    return "\n".join(lines) if count else ""


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
        lines += [f"## {inline(name)}", ""]
        lines += field_lines(group, sorted(set(group) - {"name", "keywords"}), path, site)
        lines += [*(f"- {inline(k)}" for k in keywords), ""]
    return "\n".join(lines)


def section_title(key: str) -> str:
    """'welcome_to_RenderCV!' -> 'Welcome To RenderCV!': a RenderCV key as a heading."""
    return " ".join(w[:1].upper() + w[1:] for w in key.replace("_", " ").split()) or key


def extra_page(key: str, kind: str, entries: list[str], site: Site) -> str:
    """A RenderCV section with no JSON Resume place (text, bullet or numbered entries):
    a page of its own; its front matter keeps the section's key and entry type."""
    title = section_title(key)
    lines = ["---", f"rendercv: {json.dumps(key, ensure_ascii=False)}", f"rendercv-entries: {kind}"]
    lines += ["---", "", f"# {inline(title)}", ""]
    for number, entry in enumerate(entries, start=1):
        if not text(entry):
            continue
        if kind == "text":
            lines += [inline(entry), ""]
        elif kind == "bullet":
            lines.append(f"- {inline(entry)}")
        else:
            lines.append(f"{number}. {inline(entry)}")
    return "\n".join(lines) + "\n"
