"""AL8012 use-user-defined-types: the loose types `object` and `array` written in a declaration.

As the Bicep linter: every type position that names `object` or `array` directly (parameters,
outputs, typed variables, user-defined types, function signatures). Qualified `sys.object` and
`sys.array` are not reported, as in the Bicep linter. Off by default, like the Bicep rule."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts

LOOSE = ("object", "array")


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    for ref in f.of(S.TypeRef):
        if ref.name in LOOSE and ref.name not in f.types:
            yield Hit(at=at(f.doc, ref), bind={"type": ref.name})
