"""The words the extension writes by itself, in the reader's language.

Headings, labels, tooltips and accessible names follow Sphinx's ``language``
through the ``sphinx_portfolio`` message catalog shipped in ``locale/``. What the
author wrote (titles, labels of figures, organisations) is never translated, and
warnings stay in English like Sphinx's own console messages of extensions.

Messages are marked with ``_`` (translated when called) or ``N_`` (only marked;
translated where used). ``pybabel extract`` collects both; see the guide's
"Translations" page for the commands.
"""

from __future__ import annotations

import hashlib
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from sphinx import locale

CATALOG = "sphinx_portfolio"
# Beside the package's code, found from this file: words.py imports nothing of the
# package, so that every module, however low, may use it.
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

_ = locale.get_translation(CATALOG)


def is_translated() -> bool:
    """Whether the catalog has the build's language (else every word is English)."""
    if not locale.is_translator_registered(CATALOG):
        return False
    return type(locale.get_translator(CATALOG)) is not NullTranslations


def decimal_separator(language: str | None) -> str:
    """',' for pt_BR; '.' for English and for languages without a catalog, so an
    untranslated build reads wholly in English ('1.34 percent', not '1,34 percent')."""
    return separators(language)[0]


def separators(language: str | None) -> tuple[str, str]:
    """The language's decimal and thousands separators: (',', '.') for pt_BR;
    English's for a language without a catalog (see :func:`decimal_separator`)."""
    if not language or not is_translated():
        return ".", ","
    from babel.core import UnknownLocaleError  # babel is a dependency of Sphinx itself
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        name = language.replace("-", "_")
        return get_decimal_symbol(name), get_group_symbol(name)
    except (UnknownLocaleError, ValueError):
        return ".", ","


def words_stamp(language: str | None) -> str:
    """What a cached rendering depends on for its words: the language and the
    compiled catalogs (so a new translation shows without a clean build)."""
    catalogs = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"))
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in catalogs)).hexdigest()
    return f"{language or ''};{digest}"


def setup_words(app: Any) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
