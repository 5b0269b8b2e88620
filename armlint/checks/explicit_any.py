"""AL8011 no-explicit-any: the type `any` written in a declaration.

As the Bicep linter: every type position that names the built-in `any` type, as `any` or
`sys.any` (parameters, outputs, typed variables, user-defined types and their properties,
function parameters and results). The `any()` function, which converts a value, is not a type
and is not reported."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    shadowed = "any" in f.types
    qualified = set()
    for access in f.of(S.TypePropertyAccess):
        if isinstance(access.base, S.TypeRef) and access.base.name == "sys" and \
                access.name.name == "any":
            qualified.add(id(access.base))
            yield Hit(at=at(f.doc, access))
    if shadowed:
        return
    for ref in f.of(S.TypeRef):
        if ref.name == "any" and id(ref) not in qualified:
            yield Hit(at=at(f.doc, ref))
