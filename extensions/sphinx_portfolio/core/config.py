"""Every ``portfolio_*`` config value in one table: name, default, what it rebuilds.

Sphinx checks each value's type against :data:`CONFIG` at ``config-inited`` and
warns about a wrong one; the parts that read a value check what is inside it
(profiles, the person, ``portfolio_cv``) and warn with the line of conf.py.
The publication values are declared by :func:`setup_config` with ``papers=True``,
when the publications extension is set up: a site without papers gets no
``portfolio_owner``.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    Value("portfolio_languages", [], "html", frozenset({list, tuple})),
)
PAPERS_CONFIG = (
    Value("portfolio_owner", [], "env", frozenset({list, tuple, str})),
    Value("portfolio_max_authors", 8, "env", frozenset({int})),
    Value("portfolio_venue_badges", {}, "env", frozenset({dict})),
    Value("portfolio_orcid", None, "env", frozenset({str, type(None)})),
    Value("portfolio_paper_pages", "papers", "env", frozenset({str, type(None)})),
    # al-folio's folders (papers/files.py)
    Value("portfolio_bib_files", "assets/pdf", "env", frozenset({str, type(None)})),
    Value(
        "portfolio_bib_previews",
        "assets/img/publication_preview",
        "env",
        frozenset({str, type(None)}),
    ),
)
#: Declared only with the publications: that it is there says they are on.
PAPERS_MARKER = "portfolio_paper_pages"


def setup_config(app: Any, papers: bool = False) -> None:
    for value in PAPERS_CONFIG if papers else CONFIG:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)
    if papers:
        app.connect("config-inited", check_orcid)


def publications_on(config: Any) -> bool:
    """Whether ``sphinx_portfolio.publications`` is set up (lists, pages, the CV's list)."""
    return PAPERS_MARKER in config


def has_papers(env: Any) -> bool:
    """Whether this build reads .bib files: sphinxcontrib-bibtex is loaded, by the
    publications or on its own. resume.json and JSON-LD then carry the papers."""
    return "cite" in env.domains


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


# -- portfolio_cv: what the PDF CV includes (read here: the CV's layout, its
# selection and the papers' compact list all ask) -------------------------------

CV_PARTS = ("eyebrows", "glossaries", "impact-summaries", "paper-links", "export-links")
CV_PAPER_LAYOUTS = ("compact", "full")
CV_DEFAULTS: dict[str, Any] = {"exclude": [], "omit": list(CV_PARTS), "papers": "compact"}


@dataclass(frozen=True)
class CvSettings:
    exclude: tuple[str, ...]
    omit: frozenset[str]
    papers: str


def cv_settings(config: Any) -> CvSettings:
    """The configured choices, defaults filled in for what is missing or bad."""
    return read_cv_settings(config.portfolio_cv)[0]


def read_cv_settings(value: Any) -> tuple[CvSettings, list[str]]:
    """The settings, and a message for each bad value (replaced by its default)."""
    problems: list[str] = []
    if not isinstance(value, dict):
        problems.append("portfolio_cv must be a dict; using the defaults")
        value = {}
    for key in sorted(set(value) - set(CV_DEFAULTS)):
        problems.append(f"portfolio_cv: unknown key {key!r} (known: exclude, omit, papers)")
    exclude = cv_names(value, "exclude", (), problems)
    omit = cv_names(value, "omit", CV_PARTS, problems)
    papers = value.get("papers", CV_DEFAULTS["papers"])
    if papers not in CV_PAPER_LAYOUTS:
        problems.append(f"portfolio_cv['papers']: {papers!r} is not 'compact' or 'full'")
        papers = CV_DEFAULTS["papers"]
    return CvSettings(tuple(exclude), frozenset(omit), papers), problems


def cv_names(given: dict, key: str, known: tuple[str, ...], problems: list[str]) -> list[str]:
    """The strings of ``portfolio_cv[key]``; only ``known`` ones when a list is given."""
    value = given.get(key, CV_DEFAULTS[key])
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        problems.append(f"portfolio_cv[{key!r}] must be a list of strings; using the default")
        return list(CV_DEFAULTS[key])
    for item in value:
        if known and item not in known:
            problems.append(f"portfolio_cv[{key!r}]: unknown {item!r} (known: {', '.join(known)})")
    return [item for item in value if not known or item in known]
