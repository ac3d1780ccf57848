"""The home page of a new site: name, label, summary, contact and profiles.

The contact fields and profiles it reads are also what conf.py gives the export
(``portfolio_contact``, ``portfolio_profiles``; see :mod:`scaffold_files`).
"""

from __future__ import annotations

from typing import Any

from ..core.jsonresume import CONTACT_KEYS, PORTRAIT_CLASS, PROFILE_KEYS
from ..core.text import is_safe_url
from .text import Site, inline, link_target, option, text

LOCATION_KEYS = ("address", "postalCode", "city", "countryCode", "region")


def home_page(
    basics: dict, name: str, pages: list[str], badges: int, site: Site, portrait: str = ""
) -> str:
    lines = [f"# {inline(name)}", "", *portrait_lines(basics, name, portrait, site)]
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
    shown = {"name", "label", "summary", "profiles", "image", *CONTACT_KEYS}
    for key in sorted(set(basics) - shown):
        if basics[key] not in ("", None, [], {}):
            site.leave_out(f"basics.{key}", basics[key])
    lines += [
        "{.portfolio-exports}",
        "Also as data: {portfolio-export}`JSON Resume <resume.json>`,"
        " {portfolio-export}`RenderCV <rendercv.yaml>`.",
        "",
    ]
    lines += ["```{toctree}", ":hidden:", "", *pages, "```", ""]
    if badges:
        lines += ["## Impact at a glance", "", "```{impact-summary}", "```", ""]
    return "\n".join(lines)


def portrait_lines(basics: dict, name: str, portrait: str, site: Site) -> list[str]:
    """The portrait: an image copied into the site (``portrait``), or a link to a
    remote one (never fetched); the alt text is the person's name."""
    image = text(basics.get("image"))
    if portrait:
        return [
            "```{image} " + portrait,
            "---",
            f"alt: {option(name)}",
            f"class: {PORTRAIT_CLASS}",
            "width: 160px",
            "---",
            "```",
            "",
        ]
    if image and is_safe_url(image):
        link = f"[{inline('Portrait of ' + name)}](<{link_target(image)}>)"
        return [f"{{.{PORTRAIT_CLASS}}}", link, ""]
    if image:
        site.leave_out("basics.image", basics["image"], "neither an http(s) URL nor a file found")
    return []


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
