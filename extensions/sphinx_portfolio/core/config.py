"""Every ``portfolio_*`` config value in one table: name, default, what it rebuilds.

Sphinx checks each value's type against :data:`CONFIG` at ``config-inited`` and
warns about a wrong one; the parts that read a value check what is inside it
(profiles, the person, ``portfolio_cv``) and warn with the line of conf.py.
The publication values are declared by :func:`setup_config` with ``papers=True``,
when the publications extension is set up: a site without papers gets no
``portfolio_owner``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .base import conf_location, warn
from .text import orcid_id


class Value(NamedTuple):
    name: str
    default: Any
    rebuild: str  # "env": every page is read again; "html": written again; "": neither
    types: frozenset[type]


CONFIG = (
    Value("portfolio_metric_polarity", {}, "env", frozenset({dict})),
    Value("portfolio_cv", {}, "", frozenset({dict})),
    Value("portfolio_profiles", [], "html", frozenset({list})),
    Value("portfolio_contact", {}, "html", frozenset({dict})),
    Value("portfolio_search_entries", True, "html", frozenset({bool})),
    Value("portfolio_person", {}, "html", frozenset({dict})),
    Value("portfolio_same_as", [], "html", frozenset({list, tuple})),
    Value("portfolio_robots_txt", True, "html", frozenset({bool})),
    Value("portfolio_social_images", None, "html", frozenset({bool, type(None)})),
)
PAPERS_CONFIG = (
    Value("portfolio_owner", [], "env", frozenset({list, tuple, str})),
    Value("portfolio_max_authors", 8, "env", frozenset({int})),
    Value("portfolio_venue_badges", {}, "env", frozenset({dict})),
    Value("portfolio_orcid", None, "env", frozenset({str, type(None)})),
    Value("portfolio_paper_pages", "papers", "env", frozenset({str, type(None)})),
)
#: Declared only with the publications: that it is there says they are on.
PAPERS_MARKER = "portfolio_paper_pages"


def setup_config(app: Any, papers: bool = False) -> None:
    for value in PAPERS_CONFIG if papers else CONFIG:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)
    if papers:
        app.connect("config-inited", check_orcid)


def publications_on(config: Any) -> bool:
    """Whether this build lists papers (``sphinx_portfolio.publications`` is set up)."""
    return PAPERS_MARKER in config


def orcid(config: Any) -> str | None:
    """The owner's ORCID iD, or None when it is unset or not an ORCID iD."""
    return orcid_id(str(getattr(config, "portfolio_orcid", "") or ""))


def check_orcid(app: Any, config: Any) -> None:
    value = str(config.portfolio_orcid or "").strip()
    if value and orcid_id(value) is None:
        warn(
            f"portfolio_orcid {value!r} is not an ORCID iD",
            conf_location(app, "portfolio_orcid"),
            "orcid",
        )
