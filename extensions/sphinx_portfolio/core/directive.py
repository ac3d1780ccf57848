"""The base directive: unknown options and HTML in options are located warnings."""

from __future__ import annotations

from collections.abc import Callable

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .base import warn
from .text import looks_like_html


class UnknownOption(str):
    """The value of an option that the directive does not know."""


class LenientOptions(dict):
    """An option spec that accepts unknown keys, so the directive itself can warn.

    docutils and MyST both look converters up with ``spec[name]``; answering for an
    unknown name lets the directive run and report it with our warning type,
    instead of losing the whole block to a parser error.
    """

    def __missing__(self, name: str) -> Callable[[str | None], UnknownOption]:
        return lambda value: UnknownOption(value or "")

    def __bool__(self) -> bool:
        # An empty spec must still count as "takes options", or the parsers read
        # ":foo: bar" as content and the directive never sees it.
        return True


class PortfolioDirective(SphinxDirective):
    """Base directive: reports unknown options and HTML in option values."""

    #: The warning subtype of an unknown option (``suppress_warnings`` names it).
    unknown_option_subtype = "option"

    def checked_options(self) -> dict[str, str]:
        """The known options, with one located warning per problem found."""
        known = {}
        for name, value in self.options.items():
            if isinstance(value, UnknownOption):
                allowed = ", ".join(sorted(type(self).option_spec))
                self.warn(
                    f"unknown option :{name}: (allowed: {allowed})", self.unknown_option_subtype
                )
            elif isinstance(value, str) and looks_like_html(value):
                self.warn(f"HTML in option :{name}: is shown as plain text", "html")
                known[name] = value
            else:
                known[name] = value
        return known

    def warn(self, message: str, subtype: str) -> None:
        warn(f"{self.name}: {message}", self.get_location(), subtype)


def choice(values: tuple[str, ...]) -> Callable[[str | None], str]:
    """An option converter that accepts one of ``values`` (case-insensitive)."""

    def convert(argument: str | None) -> str:
        return directives.choice((argument or "").strip().lower(), values)

    convert.values = values  # read by the guide's option tables
    return convert
