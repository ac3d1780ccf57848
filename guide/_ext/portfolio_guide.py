"""The guide's own directives: built examples and reference tables read from the code.

* ``portfolio-example``: shows its content as MyST source, then parses the very
  same text and shows what the extension renders. An example that warns fails
  the guide's ``-W`` build, so a change that breaks an example fails CI.
* ``portfolio-new-example``: an input file of ``examples/``, the page
  ``sphinx-portfolio new`` writes from it, and that page built.
* ``portfolio-options``, ``portfolio-config``, ``portfolio-warnings`` and
  ``portfolio-markup``: tables generated from the extension's registrations
  (option specs, ``portfolio_*`` config values, ``WARNING_SUBTYPES``, the
  directives and roles it registers), so they cannot drift from the code. The
  words that describe each row live in ``guide_words.py``; a row without words,
  or words without a row, is a warning (and so a failed ``-W`` build).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives, roles
from guide_words import CONFIG_WORDS, MARKUP_WORDS, OPTION_WORDS
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_portfolio.core.base import WARNING_SUBTYPES

logger = logging.getLogger(__name__)
PACKAGE = "sphinx_portfolio"


def warn(message: str, location: Any) -> None:
    logger.warning(message, location=location, type="guide", subtype="reference")


def inline(text: str) -> list[nodes.Node]:
    """Plain words with ``literal`` parts, as the descriptions are written."""
    parts = re.split(r"``(.+?)``", text)
    return [
        nodes.literal(part, part) if index % 2 else nodes.Text(part)
        for index, part in enumerate(parts)
        if part
    ]


def table(header: list[str], rows: list[list[list[nodes.Node]]], name: str) -> nodes.table:
    """A docutils table; each cell is a list of inline nodes."""
    result = nodes.table(classes=["guide-reference", f"guide-{name}"])
    group = nodes.tgroup(cols=len(header))
    result += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph("", h)) for h in header))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *c)) for c in cells))
    group += head
    group += body
    return result


# -- examples -----------------------------------------------------------------------


class PortfolioExample(SphinxDirective):
    """````{portfolio-example}```` with MyST source as content: source, then result."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content)
        number = self.env.new_serialno("portfolio-example")
        example = nodes.container(classes=["guide-example"], ids=[f"example-{number}"], names=[])
        shown = nodes.literal_block(source, source, language="markdown")
        shown["classes"].append("guide-example-source")
        self.set_source_info(shown)
        result = nodes.container(classes=["guide-example-result"])
        self.state.nested_parse(self.content, self.content_offset, result)
        if not result.children:
            warn("portfolio-example: the example renders nothing", self.get_location())
        if self.arguments:
            caption = nodes.paragraph("", "", classes=["guide-example-caption"])
            caption += inline(self.arguments[0])
            example += caption
        example += [shown, result]
        return [example]


class PortfolioNewExample(SphinxDirective):
    """``{portfolio-new-example} examples/FILE`` with ``:page: NAME.md``: the input
    file, the page ``sphinx-portfolio new`` writes from it, and that page built."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"page": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from sphinx_portfolio.new import cli
        from sphinx_portfolio.new.scaffold import scaffold
        from sphinx_portfolio.new.text import MARKDOWN

        path = Path(self.env.srcdir) / self.arguments[0]
        self.env.note_dependency(str(path))
        rendercv = path.suffix in (".yaml", ".yml")
        try:
            if rendercv:
                resume, layout, _kept = cli.read_rendercv(path)
            else:
                (resume, _renamed), layout = cli.read_resume(path), None
        except cli.InputError as error:
            warn(f"portfolio-new-example: {error}", self.get_location())
            return []
        token = MARKDOWN.set(rendercv)
        try:
            site = scaffold(resume, None, None, False, layout)
        finally:
            MARKDOWN.reset(token)
        page = site.files.get(self.options.get("page", ""), "")
        if not isinstance(page, str) or not page:
            warn(
                f"portfolio-new-example: no page {self.options.get('page')!r}", self.get_location()
            )
            return []
        given = path.read_text(encoding="utf-8")
        example = nodes.container(classes=["guide-new-example"])
        example += nodes.literal_block(given, given, language="yaml" if rendercv else "json")
        example += nodes.literal_block(page, page, language="markdown")
        body = [line for line in page.splitlines() if not line.startswith("# ")]
        result = nodes.container(classes=["guide-example-result"])
        result += self.parse_text_to_nodes("\n".join(body))
        example += result
        return [example]


# -- reference tables ---------------------------------------------------------------


def option_value(converter: Any) -> str:
    """What an option takes, from its converter."""
    if getattr(converter, "values", None):
        return "one of " + ", ".join(converter.values)
    words = {
        directives.unchanged: "text",
        directives.unchanged_required: "text (required)",
        directives.nonnegative_int: "a whole number, 0 or more",
        directives.flag: "no value",
    }
    return words.get(converter, getattr(converter, "__name__", "text"))


class PortfolioOptions(SphinxDirective):
    """The options of one directive, from its ``option_spec``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        directive, _ = directives.directive(name, None, None)
        if directive is None:
            warn(f"portfolio-options: no directive {name!r}", self.get_location())
            return []
        spec = dict(directive.option_spec or {})
        words = OPTION_WORDS.get(name, {})
        for option in sorted(set(words) - set(spec)):
            warn(f"{name}: words for an option the code lacks: {option}", self.get_location())
        rows = []
        for option in sorted(spec):
            if option not in words:
                warn(f"{name}: option :{option}: is not described", self.get_location())
            text = f":{option}:"
            rows.append(
                [
                    [nodes.literal(text, text)],
                    [nodes.Text(option_value(spec[option]))],
                    inline(words.get(option, "")),
                ]
            )
        if not rows:
            return [nodes.paragraph("", f"{name} takes no options.")]
        return [table(["option", "value", "what it does"], rows, "options")]


def config_values(config: Any) -> list[tuple[str, Any, str, str]]:
    """(name, default, rebuild, types) of every ``portfolio_*`` value."""
    found = []
    for name in sorted(n for n in config.values if n.startswith("portfolio_")):
        option = config.values[name]
        if hasattr(option, "valid_types"):  # Sphinx 7.3+: a record, not a tuple
            default, rebuild, types = option.default, option.rebuild, option.valid_types
        else:
            default, rebuild, types = option[:3]
        kinds = getattr(types, "candidates", types) or ()
        type_names = ", ".join(sorted(getattr(t, "__name__", str(t)) for t in kinds))
        type_names = type_names.replace("NoneType", "None")
        found.append((name, default, str(rebuild), type_names))
    return found


class PortfolioConfig(SphinxDirective):
    """Every ``portfolio_*`` config value the extension registers."""

    def run(self) -> list[nodes.Node]:
        values = config_values(self.config)
        names = {name for name, *_ in values}
        for name in sorted(set(CONFIG_WORDS) - names):
            warn(f"words for a config value the code lacks: {name}", self.get_location())
        rows = []
        for name, default, rebuild, types in values:
            if name not in CONFIG_WORDS:
                warn(f"config value {name} is not described", self.get_location())
            rows.append(
                [
                    [nodes.literal(name, name)],
                    [nodes.literal(repr(default), repr(default))],
                    [nodes.Text(types)],
                    [nodes.Text(rebuild)],
                    inline(CONFIG_WORDS.get(name, "")),
                ]
            )
        header = ["name", "default", "type", "rebuilds", "what it does"]
        return [table(header, rows, "config")]


class PortfolioWarnings(SphinxDirective):
    """Every warning subtype, from ``sphinx_portfolio.core.base.WARNING_SUBTYPES``."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for subtype, raised_for in WARNING_SUBTYPES.items():
            name = f"portfolio.{subtype}"
            rows.append([[nodes.literal(name, name)], inline(raised_for)])
        return [table(["subtype", "raised for"], rows, "warnings")]


def own_markup() -> list[tuple[str, str]]:
    """(kind, name) of each directive and role the extension registers, read from
    docutils' registries (where ``app.add_directive`` and ``app.add_role`` put them)
    and from the portfolio domain."""
    from sphinx_portfolio.core.domain import PortfolioDomain

    found = [("role", f"portfolio:{name}") for name in PortfolioDomain.roles]
    for kind, registry in (("directive", directives._directives), ("role", roles._roles)):
        for name, item in registry.items():
            owner = item if isinstance(item, type) else type(item)
            if owner.__module__.split(".")[0] == PACKAGE:
                found.append((kind, name))
    return sorted(found)


class PortfolioMarkup(SphinxDirective):
    """Every directive and role, each linking to where the guide explains it."""

    def run(self) -> list[nodes.Node]:
        from sphinx import addnodes

        markup = own_markup()
        rows = []
        for kind, name in markup:
            key = f"{kind} {name}"
            if key not in MARKUP_WORDS:
                warn(f"{key} is not described", self.get_location())
            # A {ref} to the section that explains it: a missing one fails -n.
            label = f"{kind}-{name.replace(':', '-')}"
            ref = addnodes.pending_xref(
                "", refdomain="std", reftype="ref", reftarget=label, refexplicit=True
            )
            ref["refwarn"] = True
            ref += nodes.literal(name, name)
            rows.append([[ref], [nodes.Text(kind)], inline(MARKUP_WORDS.get(key, ""))])
        for key in sorted(set(MARKUP_WORDS) - {f"{k} {n}" for k, n in markup}):
            warn(f"words for markup the code lacks: {key}", self.get_location())
        return [table(["markup", "kind", "what it is"], rows, "markup")]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("portfolio-example", PortfolioExample)
    app.add_directive("portfolio-options", PortfolioOptions)
    app.add_directive("portfolio-config", PortfolioConfig)
    app.add_directive("portfolio-warnings", PortfolioWarnings)
    app.add_directive("portfolio-markup", PortfolioMarkup)
    app.add_directive("portfolio-new-example", PortfolioNewExample)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
