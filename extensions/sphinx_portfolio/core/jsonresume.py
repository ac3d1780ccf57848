"""The JSON Resume vocabulary both directions share: the exporter (:mod:`exports`)
writes it, the importer (:mod:`scaffold`, behind ``sphinx-portfolio new``) reads it.

Names and patterns only, no Sphinx: the file name, the keys of ``basics`` and its
profiles, the classes and front matter that mark what a page says as data, and the
dates JSON Resume writes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import DATE, N_

RESUME = "resume.json"
RENDERCV = "rendercv.yaml"  # the same facts as RenderCV input (outputs/rendercv.py)
LABEL_CLASSES = ("portfolio-label", "portfolio-subtitle")
SUMMARY_CLASS = "portfolio-summary"
PAGE_KEY = "resume"  # front matter key: ``resume: skills`` or ``resume: interests``
PAGE_SECTIONS = ("skills", "interests")
EDUCATION_KINDS = ("education",)
VOLUNTEER_KINDS = ("volunteer",)
PROFILE_KEYS = ("network", "username", "url")
CONTACT_KEYS = ("url", "email", "phone", "location")  # ``portfolio_contact``: basics as given
CARD_TEXTS = ("summary", "description")  # a card's paragraph of class portfolio-<key>
_PERIOD = re.compile(
    rf"^(?P<start>{DATE})\s*(?:[-–—]|to)\s*(?:(?P<end>{DATE})|(?P<ongoing>present|now|today))?$",
    re.IGNORECASE,
)
#: The end of a period that has not ended ("2021 – present"), in the reader's language.
PRESENT = N_("present")


def parse_period(period: str) -> dict[str, str]:
    """'2019–2024' or '2021-06 – present' to JSON Resume dates; anything else: none."""
    match = _PERIOD.match(period.strip())
    if not match:
        return {}
    dates = {"startDate": match["start"]}
    if match["end"]:
        dates["endDate"] = match["end"]
    return dates


def period_in(period: str, gettext: Callable[[str], str]) -> str:
    """A period as a reader sees it: the dates as written, an ongoing end
    ("present", "now", "today") in the reader's language, capitalised as written."""
    match = _PERIOD.match(period.strip())
    if not match or not match["ongoing"]:
        return period
    word = str(gettext(PRESENT))
    if match["ongoing"][:1].isupper():
        word = word[:1].upper() + word[1:]
    start, end = match.span("ongoing")
    offset = len(period) - len(period.lstrip())
    return period[: start + offset] + word + period[end + offset :]


# -- the sections shown as pages of entries (``resume: awards``) and as fields --------
# section -> (the key its heading shows, the key its plain paragraph shows)
ENTRY_SECTIONS = {
    "awards": ("title", "summary"),
    "certificates": ("name", "summary"),
    "languages": ("language", "summary"),
    "references": ("name", "reference"),
}
PROJECT_KINDS = ("project",)
PORTRAIT_CLASS = "portfolio-portrait"
_FIELD_KEY = re.compile(r"^[a-z]+(?:[A-Z][a-z]*)*$")


def field_word(key: str) -> str:
    """'releaseDate' -> 'Release date': how a field list names a JSON key."""
    if key == "url":
        return "URL"
    words = re.findall(r"[A-Z]?[a-z]+", key)
    return " ".join([words[0].capitalize(), *(w.lower() for w in words[1:])]) if words else key


def field_key(word: str) -> str:
    """'Release date' -> 'releaseDate': the JSON key a field list's name stands for."""
    first, *rest = word.split() or [""]
    return first.lower() + "".join(w.capitalize() for w in rest)


def is_field_key(key: str) -> bool:
    """A key a field list can carry and give back: plain camelCase words."""
    return bool(_FIELD_KEY.match(key)) and field_key(field_word(key)) == key
