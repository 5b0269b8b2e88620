"""AL8004 prefer-interpolation: `concat()` used to build a string in Bicep.

As the Bicep linter: a call to `concat` (or `sys.concat`) with two or more arguments whose result
is a string, reported once for the outermost such call. Without Bicep's type checker, the result
counts as a string when an argument is known to be one: a string literal, a string-returning
function (`format`, `uniqueString`, `toLower`, ...), a parameter declared `string`, a variable
whose value is a string, a resource's `name` or `id`, or a nested string `concat`. A call with an
array argument, or whose arguments are all of unknown type, is left alone (concat also joins
arrays)."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts, is_sys_call, walk

STRING_FUNCTIONS = frozenset({
    "format", "uniqueString", "toLower", "toUpper", "substring", "replace", "trim", "string",
    "guid", "newGuid", "base64", "base64ToString", "uri", "uriComponent",
    "uriComponentToString", "padLeft", "dataUri", "dataUriToString", "utcNow", "dateTimeAdd",
    "dateTimeFromEpoch", "join", "loadTextContent", "loadFileAsBase64", "subscriptionResourceId",
    "resourceId", "tenantResourceId", "extensionResourceId", "managementGroupResourceId",
})
CONTEXT_STRINGS = {
    "resourceGroup": {"id", "name", "location", "type"},
    "subscription": {"id", "subscriptionId", "tenantId", "displayName"},
    "tenant": {"tenantId", "displayName", "countryCode"},
    "deployment": {"name", "location"},
    "managementGroup": {"id", "name", "type"},
}
MAX_SUGGESTION = 100


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    resources = {r.node.name.name for r in f.resources if not r.nested}
    found = [call for call in f.of(S.Call)
             if is_sys_call(call, "concat") and _string_concat(call, f, resources, set())]
    found.sort(key=lambda c: (c.start, -c.end))
    last_end = -1
    for call in found:
        if call.start < last_end:
            continue  # inside a concat already reported
        if any(isinstance(n, S.ErrorExpr) for n in walk(call)):
            continue
        last_end = call.end
        suggestion = _suggestion(f.doc, call)
        hint = f": {suggestion}" if suggestion else ""
        yield Hit(at=at(f.doc, call), bind={"suggestion": hint})


def _string_concat(call: S.Call, f, resources: set, seen: set) -> bool:
    if len(call.args) < 2 or any(isinstance(a, (S.Array, S.Spread)) for a in call.args):
        return False
    return any(_is_string(a, f, resources, seen) for a in call.args)


def _is_string(e, f, resources: set, seen: set) -> bool:
    if isinstance(e, S.String):
        return True
    if isinstance(e, S.Paren):
        return _is_string(e.expression, f, resources, seen)
    if isinstance(e, S.Ternary):
        return _is_string(e.if_true, f, resources, seen) and \
            _is_string(e.if_false, f, resources, seen)
    if isinstance(e, S.Call):
        if e.base is not None and not (isinstance(e.base, S.Variable) and e.base.name == "sys"):
            return False
        if e.name.name == "concat":
            return _string_concat(e, f, resources, seen)
        return e.name.name in STRING_FUNCTIONS
    if isinstance(e, S.PropertyAccess):
        base = e.base
        if isinstance(base, S.Variable) and base.name in resources:
            return e.name.name in ("name", "id", "type", "apiVersion")
        if isinstance(base, S.Call) and base.base is None and not base.args:
            return e.name.name in CONTEXT_STRINGS.get(base.name.name, ())
        return False
    if isinstance(e, S.Variable):
        name = e.name
        if name in f.local_names or name in seen:
            return False
        param = f.params.get(name)
        if param is not None:
            return isinstance(param.type, S.TypeRef) and param.type.name == "string"
        var = f.variables.get(name)
        if var is not None:
            if var.type is not None:
                return isinstance(var.type, S.TypeRef) and var.type.name == "string"
            return _is_string(var.value, f, resources, seen | {name})
    return False


def _suggestion(doc, call: S.Call) -> str | None:
    parts: list[str] = []
    if not _parts(doc, call, parts):
        return None
    text = "'" + "".join(parts) + "'"
    return text if len(text) <= MAX_SUGGESTION and "\n" not in text else None


def _parts(doc, call: S.Call, out: list) -> bool:
    for arg in call.args:
        if isinstance(arg, S.String):
            if arg.multiline:
                return False
            out.append(doc.text[arg.start + 1:arg.end - 1])
        elif isinstance(arg, S.Call) and is_sys_call(arg, "concat"):
            if not _parts(doc, arg, out):
                return False
        else:
            out.append("${" + doc.text[arg.start:arg.end].strip() + "}")
    return True
