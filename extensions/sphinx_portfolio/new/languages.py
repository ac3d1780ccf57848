"""``--languages en,pt_BR``: a new site ready for a second language.

The first language is the one the resume is written in (Sphinx's ``language``); each
other one gets a catalog folder to fill, ``locale/<code>/LC_MESSAGES/``. ``conf.py``
gets the catalog settings and ``portfolio_languages`` (so every page links its
translations), ``.readthedocs.yaml`` the steps for a Read the Docs translation
project, and ``locale/README.txt`` the commands from extraction to a build of each
language side by side (the guide's Translations page explains each).
"""

from __future__ import annotations

import re

from .text import Site

CODE = re.compile(r"^[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*$")


def parse_languages(value: str) -> list[str]:
    """'en,pt_BR' -> ['en', 'pt_BR']; ValueError names the code that is not one."""
    codes = [part.strip() for part in value.split(",") if part.strip()]
    if not codes:
        raise ValueError("--languages: no language code (e.g. en,pt_BR)")
    for code in codes:
        if not CODE.match(code):
            raise ValueError(f"--languages: {code!r} is not a language code (e.g. en, pt_BR)")
    if len(set(codes)) != len(codes):
        raise ValueError(f"--languages: a code is listed twice in {value!r}")
    return codes


def url_slug(code: str) -> str:
    """The folder (and Read the Docs URL segment) of a language: pt_BR -> pt-br."""
    return code.replace("_", "-").lower()


def add_languages(site: Site, languages: list[str]) -> None:
    source, others = languages[0], languages[1:]
    conf = site.files["conf.py"].replace('language = "en"\n', f"language = {source!r}\n", 1)
    if others:
        conf += (
            "# Translations: one catalog a page in locale/<code>/LC_MESSAGES (locale/README.txt)\n"
            'locale_dirs = ["locale/"]\n'
            "gettext_compact = False\n"
            "gettext_location = False\n"
            f"portfolio_languages = {languages!r}  # every page links its translations\n"
        )
        site.files["locale/.gitignore"] = "# compiled by sphinx-build from the .po files\n*.mo\n"
        for code in others:
            site.files[f"locale/{code}/LC_MESSAGES/.gitkeep"] = ""
        site.files["locale/README.txt"] = readme(source, others)
        site.files[".readthedocs.yaml"] = (
            rtd_notes(source, others) + site.files[".readthedocs.yaml"]
        )
    site.files["conf.py"] = conf


def readme(source: str, others: list[str]) -> str:
    codes = " ".join(f"-l {code}" for code in others)
    builds = "\n".join(
        f"sphinx-build -W -n -b html -D language={code} . _build/site/{url_slug(code)}"
        for code in others
    )
    return f"""\
Translations of this site: {source} (the pages as written), {", ".join(others)}.

1. Collect the pages' sentences and start (or update) each catalog:

   pip install sphinx-intl
   sphinx-build -b gettext . _build/gettext
   sphinx-intl update -p _build/gettext -d locale {codes}

2. Fill in every msgstr of locale/<code>/LC_MESSAGES/*.po. Keep roles and links;
   a metric badge keeps its figure as data with the `shown <figure>` form:
   {{metric-badge}}`engajamento em +4,6% <+4.6% engajamento>`
   (add the translated label's polarity to portfolio_metric_polarity in conf.py).
   Names, organisations, dates, DOIs and paper titles stay as they are.

3. Build each language into folders side by side; the pages link each other:

   sphinx-build -W -n -b html -D language={source} . _build/site/{url_slug(source)}
{builds}

   `sphinx-intl stat -d locale` counts what is translated, fuzzy and untranslated.

Read the Docs: see .readthedocs.yaml.
"""


def rtd_notes(source: str, others: list[str]) -> str:
    lines = [
        "# Translations on Read the Docs: this project is the "
        f"{source} site; for each other language",
        "# (" + ", ".join(others) + "), import this repository again as a new project, set its",
        "# Language in its Settings, and add it under this project's Settings -> Translations.",
        "# Both use this file; each is served at /<language>/ (e.g. /"
        + url_slug(others[0])
        + "/latest/).",
    ]
    return "\n".join(lines) + "\n"
