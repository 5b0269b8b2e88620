"""Helpers Python rules share: walking a template's raw values, recognising literals and
parameter references, secret-looking names, the API version table, the Bicep syntax tree.

Owns nothing a rule decides; only the small facts many rules need, written once.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
from pathlib import Path
from typing import Any, Iterator

from ..expr import parser
from ..expr.ast import Call, Literal

# Names that say a value is a secret (arm-ttk and the Bicep linter look for these words).
SECRET_NAME = re.compile(r"password|passwd|pwd|secret|token|connectionstring|accountkey|"
                         r"primarykey|secondarykey|sharedkey|sastoken|privatekey|credential",
                         re.IGNORECASE)


def walk_values(value: Any, pointer: tuple = (), skip: set | None = None) -> Iterator[tuple]:
    """(pointer, value) of every value under `value`, parents first; objects whose id() is in
    `skip` (e.g. nested templates that are linted on their own) are not entered."""
    stack = [(value, pointer)]
    while stack:
        node, ptr = stack.pop()
        yield ptr, node
        if isinstance(node, dict):
            if skip and id(node) in skip and ptr != pointer:
                continue
            stack.extend((child, ptr + (key,)) for key, child in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((child, ptr + (i,)) for i, child in reversed(list(enumerate(node))))


def is_expression(value: Any) -> bool:
    return parser.is_expression(value)


def is_literal(value: Any) -> bool:
    """A value written as is: not an expression string (objects and arrays count if every value
    in them is literal)."""
    if isinstance(value, str):
        return not parser.is_expression(value)
    if isinstance(value, dict):
        return all(is_literal(v) for v in value.values())
    if isinstance(value, list):
        return all(is_literal(v) for v in value)
    return True


def expression_tree(value: Any):
    """The parsed expression of a string, or None (not an expression, or a syntax error)."""
    if not parser.is_expression(value):
        return None
    try:
        return parser.parse(value)
    except parser.ExpressionSyntaxError:
        return None


def parameter_reference(value: Any) -> str | None:
    """`x` when the value is exactly `[parameters('x')]`."""
    tree = expression_tree(value)
    if isinstance(tree, Call) and tree.name.lower() == "parameters" and len(tree.args) == 1 and \
            isinstance(tree.args[0], Literal) and isinstance(tree.args[0].value, str):
        return tree.args[0].value
    return None


def template_declarations(raw: dict, section: str) -> dict:
    body = raw.get(section) if isinstance(raw, dict) else None
    return body if isinstance(body, dict) else {}


# --- API versions ----------------------------------------------------------------------------

DATA = Path(__file__).resolve().parent.parent / "data" / "api-versions.json"


@functools.lru_cache(maxsize=1)
def api_version_table() -> dict:
    """{"generated": date, "types": {lower-case type: [versions, ascending]}}."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return {"generated": data["generated"],
            "types": {t.lower(): v for t, v in data["types"].items()}}


def published_versions(rtype: str) -> list[str] | None:
    """The published API versions of a resource type (None: the type is not in the table)."""
    return api_version_table()["types"].get(rtype.lower())


def version_date(version: str) -> datetime.date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", version or "")
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def is_preview(version: str) -> bool:
    return "-" in (version or "")[10:]


def table_date() -> datetime.date:
    """The date the API version table was generated: ages are measured from it, so results do
    not change with the day the linter runs."""
    return version_date(api_version_table()["generated"]) or datetime.date.today()


# --- Bicep -----------------------------------------------------------------------------------

def bicep_tree(model) -> Any:
    """The Bicep syntax tree of the linted file, or None for JSON."""
    if model is None or model.root is None:
        return None
    return getattr(model.root.origin.doc, "tree", None)


_CHILD_FIELDS: dict = {}
_LEAVES = (str, int, float, bool, tuple)


def _child_fields(cls) -> tuple:
    found = _CHILD_FIELDS.get(cls)
    if found is None:
        import dataclasses
        found = _CHILD_FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.name not in ("start", "end"))
    return found


def document_nodes(doc) -> list:
    """Every syntax node of a Bicep document, parents first (walked once per document)."""
    found = getattr(doc, "_all_nodes", None)
    if found is None:
        found = doc._all_nodes = list(bicep_nodes(doc.tree))
    return found


def bicep_nodes(node: Any) -> Iterator[Any]:
    """Every syntax node under `node` (itself included), parents first, in source order."""
    stack = [node]
    pop, extend = stack.pop, stack.extend
    while stack:
        n = pop()
        if isinstance(n, list):
            extend(reversed(n))
            continue
        if n is None or isinstance(n, _LEAVES) or isinstance(n, type):
            continue
        yield n
        children = []
        for name in _child_fields(type(n)):
            value = getattr(n, name)
            if value is not None and not isinstance(value, _LEAVES):
                children.append(value)
        extend(reversed(children))
