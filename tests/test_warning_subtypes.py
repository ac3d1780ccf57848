"""The one list of warning subtypes covers every warning the code raises."""

from __future__ import annotations

import ast

from conftest import REPO
from sphinx_portfolio.core.base import WARNING_SUBTYPES

PACKAGE = REPO / "extensions" / "sphinx_portfolio"
OPTION_SUBTYPE = "unknown_option_subtype"  # core/directive.py's PortfolioDirective


def subtypes_used() -> dict[str, list[str]]:
    """Subtype -> places, read from the source: ``warn(..., "<subtype>")``,
    ``self.warn(..., "<subtype>")``, ``logger.warning(..., subtype="<subtype>")`` and a
    directive's ``unknown_option_subtype = "<subtype>"``."""
    used: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call, ast.Assign) and [
                getattr(target, "id", None) for target in call.targets
            ] == [OPTION_SUBTYPE]:
                assert isinstance(call.value, ast.Constant), f"{path.name}:{call.lineno}"
                used.setdefault(call.value.value, []).append(f"{path.name}:{call.lineno}")
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            values = [k.value for k in call.keywords if k.arg == "subtype"]
            if name == "warn" and len(call.args) >= 2:
                values.append(call.args[-1])
            for value in values:
                if isinstance(value, ast.Name) and value.id == "subtype":
                    continue  # a helper passing its caller's subtype on (base.warn)
                if isinstance(value, ast.Attribute) and value.attr == OPTION_SUBTYPE:
                    continue  # the directive's own, each assignment counted above
                where = f"{path.name}:{call.lineno}"
                assert isinstance(value, ast.Constant), f"{where}: subtype is not a literal"
                used.setdefault(value.value, []).append(where)
    return used


def test_every_subtype_in_the_code_is_listed():
    unlisted = {s: w for s, w in subtypes_used().items() if s not in WARNING_SUBTYPES}
    assert not unlisted


def test_every_listed_subtype_is_raised_somewhere():
    assert set(WARNING_SUBTYPES) <= set(subtypes_used())


def test_the_scan_sees_the_warnings_it_should():
    used = subtypes_used()
    assert "experience.py" in " ".join(used["nested"])
    assert "domain.py" in " ".join(used["duplicate"])  # logger.warning(subtype=...)
    assert "profiles.py" in " ".join(used["config"])
    assert "directive.py" in " ".join(used["option"])  # the class attribute's default
    assert "listing.py" in " ".join(used["bib"])  # a directive's own
