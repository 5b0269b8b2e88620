"""AL8005 simplify-interpolation: a string that is nothing but one interpolated parameter or
variable of type string (`'${name}'`).

As the Bicep linter: the value of an object property, a variable, an output or a parameter
default, whose only content is `${x}` where `x` is a parameter or variable whose type is a
string. The type is taken from the declaration: a parameter or variable declared `string` (or a
user type that is a string or a union of string literals), or a variable whose value is a
string. Interpolating a value of another type converts it to a string, which is useful, so those
are not reported; nor are loop variables and lambda parameters, whose type armlint cannot see."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    candidates = [p.value for p in f.of(S.Property)]
    for st in f.tree.statements:
        if isinstance(st, (S.Var, S.Output)):
            candidates.append(st.value)
        elif isinstance(st, S.Param) and st.default is not None:
            candidates.append(st.default)
    for value in candidates:
        if not isinstance(value, S.String) or len(value.expressions) != 1 or \
                any(value.segments):
            continue
        inner = value.expressions[0]
        if isinstance(inner, S.Variable) and _is_string_symbol(inner.name, f, set()):
            yield Hit(at=at(f.doc, value), bind={"symbol": inner.name,
                                                "written": f.doc.text[value.start:value.end]})


def _is_string_symbol(name: str, f, seen: set) -> bool:
    if name in f.local_names or name in seen:
        return False
    param = f.params.get(name)
    if param is not None:
        return param.type is not None and _is_string_type(param.type, f, set())
    var = f.variables.get(name)
    if var is not None:
        if var.type is not None:
            return _is_string_type(var.type, f, set())
        value = var.value
        if isinstance(value, S.String):
            return True
        if isinstance(value, S.Variable):
            return _is_string_symbol(value.name, f, seen | {name})
    return False


def _is_string_type(t, f, seen: set) -> bool:
    if isinstance(t, S.TypeRef):
        if t.name == "string":
            return True
        decl = f.types.get(t.name)
        if decl is None or t.name in seen:
            return False
        return _is_string_type(decl.value, f, seen | {t.name})
    if isinstance(t, S.TypePropertyAccess):
        return isinstance(t.base, S.TypeRef) and t.base.name == "sys" and t.name.name == "string"
    if isinstance(t, S.TypeLiteral):
        return isinstance(t.value, S.String)
    if isinstance(t, S.TypeUnion):
        return bool(t.members) and all(_is_string_type(m, f, seen) for m in t.members)
    if isinstance(t, S.TypeParen):
        return _is_string_type(t.inner, f, seen)
    return False
