"""Walking and comparing Bicep syntax trees.

Owns: `walk` (every node under a node in source order, parents first, names not visited, the
fields to visit per node class found once), `same_syntax` (two subtrees written alike, offsets
aside), and the small questions rules and the semantic model ask of a node: is it a `sys.` call
or decorator, the deployment's location, a `reference()`/`list*()` call with its arguments.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from armlint.bicep import syntax as S

# Fields that never hold a syntax node worth visiting: names, payloads.
_SKIPPED = frozenset({"start", "end", "name", "alias", "segments", "segment_spans", "multiline",
                      "safe", "from_end", "existing", "codes", "kind", "value_text"})
_SCALARS = (str, int, float, bool)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in _SKIPPED)
        if cls is S.ForExpr:
            names = ("iterable", "body")
        _FIELDS[cls] = names
    return names


_SCOPED_FIELDS = frozenset({"body"})


def _unparen(e: Any) -> Any:
    while isinstance(e, S.Paren):
        e = e.expression
    return e


def _is_sys(call: S.Call, name: str) -> bool:
    return call.name.name == name and (
        call.base is None or (isinstance(call.base, S.Variable) and call.base.name == "sys"))


def walk(node: Any) -> Iterator[Any]:
    """Every syntax node under `node` (itself included), in source order, parents first. Names
    (Identifiers: declaration, property and member names) are not visited. A field is followed
    only when it is truthy: no syntax node is false, and None, an empty list (a string's holes,
    a call without arguments...) and scalars hold nothing to visit."""
    stack = [node]
    pop, extend = stack.pop, stack.extend
    fields = _FIELDS
    while stack:
        n = pop()
        cls = n.__class__
        if cls is list:
            extend(reversed(n))
            continue
        if cls is S.Identifier or not hasattr(n, "__dataclass_fields__"):
            continue
        yield n
        children = [value for name in (fields.get(cls) or _fields(cls))
                    if (value := getattr(n, name)) and not isinstance(value, _SCALARS)]
        extend(reversed(children))


def is_deployment_location(node: Any) -> bool:
    """`resourceGroup().location` or `deployment().location` (also with `az.`)."""
    if not (isinstance(node, S.PropertyAccess) and node.name.name.lower() == "location"):
        return False
    call = node.base
    return isinstance(call, S.Call) and call.name.name in ("resourceGroup", "deployment") and \
        (call.base is None or (isinstance(call.base, S.Variable) and call.base.name == "az"))


def reference_call(call: S.Call, names: tuple[str, ...], lists: bool) -> tuple | None:
    """(function as written, resource type or None, API version, version argument) of a call of
    `names` (lower case), or of a list*() function when `lists`, with a literal API version."""
    if call.base is not None or len(call.args) < 2:
        return None
    name = call.name.name
    low = name.lower()
    if not (low in names or (lists and low.startswith("list"))):
        return None
    arg = call.args[1]
    version = arg.value if isinstance(arg, S.String) else None
    if not version:
        return None
    rtype = None
    first = call.args[0]
    if isinstance(first, S.Call):
        for a in first.args:
            if isinstance(a, S.String) and a.value and "/" in a.value and \
                    "." in a.value.split("/")[0]:
                rtype = a.value
                break
    return name, rtype, version, arg


def sys_decorator(node: Any, name: str) -> S.Decorator | None:
    """The decorator `@name(...)` or `@sys.name(...)` of a declaration (or type property), or
    None. Another namespace's decorator of the same name does not count."""
    for dec in getattr(node, "decorators", None) or ():
        if dec.name == name and dec.namespace in (None, "sys"):
            return dec
    return None


def is_sys_call(call: S.Call, name: str) -> bool:
    """`name(...)` or `sys.name(...)` (not a method call on a value, not a user function of
    another namespace)."""
    return _is_sys(call, name)


def same_syntax(a: Any, b: Any) -> bool:
    """Whether two syntax trees are the same, ignoring positions, whitespace and comments."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same_syntax(x, y) for x, y in zip(a, b))
    if not hasattr(a, "__dataclass_fields__"):
        return a == b
    for f in dataclasses.fields(a):
        if f.name in ("start", "end", "segment_spans"):
            continue
        if not same_syntax(getattr(a, f.name), getattr(b, f.name)):
            return False
    return True
