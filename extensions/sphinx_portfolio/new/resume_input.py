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
