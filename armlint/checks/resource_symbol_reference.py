"""AL8009 use-resource-symbol-reference: `reference()` or a `list*()` function called on a
resource that the file declares, where the resource's symbol says the same thing.

As the Bicep linter: the first argument identifies a declared resource (its `.id` or `.name`, or
`resourceId('Type', name...)` whose type and name arguments are exactly those of one declared
resource and its parents), and the API version argument is absent (one candidate), that
resource's `.apiVersion`, or a string equal to its declared API version. `reference()` takes one
to three arguments, `list*()` two or three. The finding is on the call, with the symbol form to
write instead."""
from __future__ import annotations

from ..bicep import syntax as S
from ..bicep.semantic import same_syntax
from ..engine.items import BicepNodeContext
from ..engine.report import Report

MAX_SUGGESTION = 100


def check(ctx: BicepNodeContext, report: Report) -> None:
    call, semantic = ctx.node, ctx.semantic
    name = call.name.name
    base = call.base
    if base is not None and not (isinstance(base, S.Variable) and base.name == "az"):
        return
    if base is None:
        symbol = semantic.symbols.get(name)
        if symbol is not None and symbol.kind == "func":
            return
    n = len(call.args)
    if name == "reference":
        if not 1 <= n <= 3:
            return
    elif name.startswith("list"):
        if not 2 <= n <= 3:
            return
    else:
        return
    found = _match_api_version(semantic, _candidates(semantic, call.args[0]),
                               call.args[1] if n > 1 else None)
    if found is None:
        return
    symbol = semantic.resource_symbol(found)
    if name == "reference":
        full = n > 2 and isinstance(call.args[2], S.String) and \
            (call.args[2].value or "").lower() == "full"
        replacement = symbol if full else f"{symbol}.properties"
    else:
        extra = "" if n == 2 else ", ".join(ctx.source(a).strip() for a in call.args[1:])
        replacement = f"{symbol}.{name}({extra})"
    shown = replacement if len(replacement) <= MAX_SUGGESTION and "\n" not in replacement \
        else f"{symbol}..."
    report.at_node(call, function=name, symbol=symbol, replacement=shown)


def _candidates(semantic, arg) -> list:
    """The declared resources the first argument may identify."""
    if isinstance(arg, S.PropertyAccess) and arg.name.name in ("id", "name"):
        found = semantic.resource_named(arg.base)
        return [found] if found is not None else []
    if not (isinstance(arg, S.Call) and arg.name.name == "resourceId" and
            (arg.base is None or (isinstance(arg.base, S.Variable) and
                                  arg.base.name == "az")) and len(arg.args) > 1):
        return []
    first = arg.args[0]
    rtype = first.value if isinstance(first, S.String) else None
    if not rtype or "/" not in rtype:
        return []
    names = arg.args[1:]
    out = []
    for res in semantic.resources:
        if res.full_type.lower() != rtype.lower():
            continue
        chain = semantic.name_chain(res)
        if chain is not None and len(chain) == len(names) and \
                all(same_syntax(a, b) for a, b in zip(chain, names)):
            out.append(res)
    return out


def _match_api_version(semantic, candidates: list, arg):
    if not candidates:
        return None
    if arg is None:
        return candidates[0] if len(candidates) == 1 else None
    if isinstance(arg, S.PropertyAccess) and arg.name.name == "apiVersion":
        found = semantic.resource_named(arg.base)
        return found if found is not None and found in candidates else None
    if isinstance(arg, S.String) and arg.value is not None:
        for res in candidates:
            if (res.api_version or "").lower() == arg.value.lower():
                return res
    return None
