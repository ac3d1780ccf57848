"""Reading a JSON Resume for ``sphinx-portfolio new``: its shape, checked before
anything is written.

:func:`check_resume` raises :class:`ResumeError`, which names the field
(``work[0].highlights``), for input the scaffold cannot read; the command line
prints it as one line. What is read: the sections in :data:`SECTIONS` and, in their items, the
string fields and lists below (including what this site's own export adds).
"""

from __future__ import annotations

from typing import Any

SECTIONS = ("basics", "work", "volunteer", "education", "publications", "skills", "interests")
SECTIONS += ("projects", "awards", "certificates", "languages", "references")
LIST_SECTIONS = SECTIONS[1:]


class ResumeError(ValueError):
    """The input is not a JSON Resume the generator can read; names the field."""

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path}: {message}" if field_path else message)
        self.field = field_path


def check_resume(data: Any) -> None:
    """Raise :class:`ResumeError` unless ``data`` has the JSON Resume shape read here."""
    if not isinstance(data, dict):
        raise ResumeError("", f"not a JSON Resume: the top level is a {json_type(data)}")
    known = set(SECTIONS)
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
network username level x-kind title date awarder issuer language fluency reference entity
type"""
STRING_FIELDS = frozenset(_STRING_FIELDS.split())
STRING_LISTS = frozenset({"highlights", "courses", "keywords", "x-authors", "roles"})
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


# -- older and looser resumes: JSON Resume 0.x names, years as numbers, "Present" ------

RENAMED = {  # section -> {old key: the 1.x key}
    "basics": {"website": "url", "picture": "image"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "publications": {"website": "url"},
    "awards": {"website": "url"},
    "projects": {"website": "url"},
}
DATE_KEYS = ("startDate", "endDate", "date", "releaseDate")
ONGOING = frozenset({"", "present", "current", "now", "today", "ongoing"})


def normalize(data: Any) -> tuple[Any, list[str]]:
    """A copy of ``data`` in JSON Resume 1.x names, and one note per change made."""
    if not isinstance(data, dict):
        return data, []
    data, notes = dict(data), []
    if isinstance(data.get("basics"), dict):
        data["basics"] = renamed(data["basics"], "basics", RENAMED["basics"], notes)
    for section in LIST_SECTIONS:
        items = data.get(section)
        if not isinstance(items, list):
            continue
        data[section] = [
            renamed(item, f"{section}[{i}]", RENAMED.get(section, {}), notes)
            if isinstance(item, dict)
            else item
            for i, item in enumerate(items)
        ]
    return data, notes


def renamed(item: dict, path: str, names: dict[str, str], notes: list[str]) -> dict:
    item = dict(item)
    for old, new in names.items():
        if old in item and item.get(new) in (None, ""):
            item[new] = item.pop(old)
            notes.append(f"{path}.{old}: read as {new} (its JSON Resume 1.x name)")
    for key in DATE_KEYS:
        value = item.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            item[key] = str(value)
            notes.append(f"{path}.{key}: the number {value} read as the year {value}")
        elif key == "endDate" and isinstance(value, str) and value.strip().lower() in ONGOING:
            del item[key]
            if value.strip():
                notes.append(f"{path}.endDate: {value!r} read as no end date (ongoing)")
    return item
