"""The owner's contact and profiles as conf.py gives them, checked once per run.

Owns the config values ``portfolio_profiles`` and ``portfolio_contact``: each bad
entry or URL is named (with conf.py's location) and left out at ``config-inited``,
so every reader after that sees clean values. Two exports read them: ``resume.json``
(``outputs/resume.py``) and the PDF CV's header (``outputs/latex.py``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx

from ..core.base import conf_location, warn
from ..core.config import orcid
from ..core.jsonresume import CONTACT_KEYS, PROFILE_KEYS
from ..core.text import is_safe_url


def read_contact(config: Any) -> dict[str, Any]:
    """The basics a page cannot say as data (email, phone, url, location), from conf.py."""
    given = getattr(config, "portfolio_contact", None) or {}  # checked at config-inited
    return {key: given[key] for key in CONTACT_KEYS if given.get(key)}


def read_profiles(config: Any) -> list[dict[str, str]]:
    """``portfolio_profiles`` entries (network, username, url), then the ORCID iD and the
    ``portfolio_same_as`` URLs that other parts of the extension read, each URL once."""
    profiles = list(config.portfolio_profiles)  # checked at config-inited
    identifier = orcid(config)  # None when unset or not an iD (warned at config-inited)
    if identifier:
        profiles.append(
            {"network": "ORCID", "username": identifier, "url": f"https://orcid.org/{identifier}"}
        )
    known = {profile.get("url") for profile in profiles}
    for url in getattr(config, "portfolio_same_as", None) or []:
        if isinstance(url, str) and is_safe_url(url) and url not in known:
            known.add(url)
            profiles.append({"network": urlsplit(url).hostname or "", "url": url})
    return profiles


def check_profiles(app: Sphinx, config: Any) -> None:
    """Once per run, before any page: each bad entry or URL is named and left out."""
    where = conf_location(app, "portfolio_profiles")
    profiles = []
    for index, item in enumerate(config.portfolio_profiles):
        profile = checked_profile(item, index, where)
        if profile:
            profiles.append(profile)
    config.portfolio_profiles = profiles


def check_contact(app: Sphinx, config: Any) -> None:
    """Once per run, before any page: a ``portfolio_contact`` url that is not http(s)
    is named and left out, so even a rebuild that writes no page says so."""
    given = config.portfolio_contact
    url = given.get("url") if isinstance(given, dict) else None
    if url and not is_safe_url(str(url)):
        where = conf_location(app, "portfolio_contact")
        warn(f"portfolio_contact['url']: {url!r} is not an http(s) URL; left out", where, "url")
        config.portfolio_contact = {key: value for key, value in given.items() if key != "url"}


def checked_profile(item: Any, index: int, where: str | None) -> dict[str, str] | None:
    if not isinstance(item, dict) or not all(isinstance(v, str) for v in item.values()):
        message = (
            f"portfolio_profiles[{index}] is not a mapping of strings "
            "(network, username, url); left out"
        )
        warn(message, where, "config")
        return None
    profile = {key: item[key].strip() for key in PROFILE_KEYS if item.get(key, "").strip()}
    if "url" in profile and not is_safe_url(profile["url"]):
        url = profile.pop("url")
        warn(f"portfolio_profiles[{index}]['url']: {url!r} is not an http(s) URL; left out",
             where, "url")  # fmt: skip
    return profile or None


def setup_profiles(app: Sphinx) -> None:
    app.connect("config-inited", check_profiles)
    app.connect("config-inited", check_contact)
