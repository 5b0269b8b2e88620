"""AL4015 api-version-missing: a resource without `apiVersion` in a template without
`apiProfile`: ARM cannot tell which version of the resource type's API to call. An `apiVersion`
that is not a date string is reported too: a boolean, number or object (Resource Manager rejects
the template), a string that is not a date (`latest`), and, as a warning, an expression (accepted,
but no reader or tool can tell which API the resource is written against)."""
from __future__ import annotations


from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr import parser
from ..source.lazy import pattern

_DATE = pattern(r"\d{4}-\d{2}-\d{2}(-[A-Za-z0-9.]+)*")
NOT_A_DATE = "Resource '{symbol}' has an apiVersion that {problem}; write the API version as a " \
    "fixed date string (YYYY-MM-DD, with its suffix such as -preview)"


def _profiled(t) -> bool:
    while t is not None:
        if isinstance(t.raw, dict) and t.raw.get("apiProfile"):
            return True
        t = t.parent
    return False


def _resource_type(rtype: str) -> bool:
    """A type of the form Namespace.Provider/type (anything else is a schema problem)."""
    head, sep, rest = rtype.partition("/")
    return bool(sep and rest and "." in head)


def _problem(value) -> tuple[str, str | None] | None:
    """(what is wrong, a milder level) with an `apiVersion` that is written, or None."""
    if isinstance(value, bool):
        return "is a boolean, not a date", None
    if isinstance(value, (int, float)):
        return "is a number, not a date", None
    if isinstance(value, (dict, list)):
        return f"is {'an object' if isinstance(value, dict) else 'an array'}, not a date", None
    if not isinstance(value, str):
        return None
    if parser.is_expression(value):
        return "is an expression, not a fixed date", "warning"
    if not _DATE.fullmatch(value.strip()):
        return f"is '{value}', not a date", None
    return None


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not isinstance(res.raw, dict):
        return
    if "apiVersion" in res.raw and res.raw["apiVersion"] not in (None, ""):
        if res.template.is_bicep:  # the Bicep type string's version, checked by the compiler
            return
        found = _problem(res.raw["apiVersion"])
        if found is not None:
            problem, level = found
            key = res.raw.actual_key("apiVersion")
            report.at_origin(res.origin.child(key), message=NOT_A_DATE, level=level,
                             symbol=res.label, problem=problem)
        return
    if _profiled(res.template) or not _resource_type(res.type):
        return
    key = res.raw.actual_key("type") if "type" in res.raw else None
    report.at_origin(res.origin.child(key) if key else res.origin, symbol=res.label)
