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
from ..engine.run import Hit
from ._bicep_util import at, facts, same_syntax

MAX_SUGGESTION = 100


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    user_functions = {st.name.name for st in f.tree.statements if isinstance(st, S.Func)}
    index = _Index(f)
    for call in f.of(S.Call):
        name = call.name.name
        base = call.base
        if base is not None and not (isinstance(base, S.Variable) and base.name == "az"):
            continue
        if base is None and name in user_functions:
            continue
        n = len(call.args)
        if name == "reference":
            if not 1 <= n <= 3:
                continue
        elif name.startswith("list"):
            if not 2 <= n <= 3:
                continue
        else:
            continue
        candidates = index.candidates(call.args[0])
        found = index.match_api_version(candidates, call.args[1] if n > 1 else None)
        if found is None:
            continue
        symbol = index.symbol(found)
        if name == "reference":
            full = n > 2 and isinstance(call.args[2], S.String) and \
                (call.args[2].value or "").lower() == "full"
            replacement = symbol if full else f"{symbol}.properties"
        else:
            extra = "" if n == 2 else ", ".join(
                f.doc.text[a.start:a.end].strip() for a in call.args[1:])
            replacement = f"{symbol}.{name}({extra})"
        shown = replacement if len(replacement) <= MAX_SUGGESTION and "\n" not in replacement \
            else f"{symbol}..."
        yield Hit(at=at(f.doc, call), bind={"function": name, "symbol": symbol,
                                            "replacement": shown})


class _Index:
    def __init__(self, f):
        self.f = f
        self.top = {r.node.name.name: r for r in f.resources if not r.nested}
        self.by_node = {id(r.node): r for r in f.resources}

    def parent_of(self, res):
        if res.parent is not None:
            return res.parent
        body = res.node.object
        prop = body.get("parent") if body is not None else None
        if prop is not None and isinstance(prop.value, S.Variable):
            return self.top.get(prop.value.name)
        return None

    def symbol(self, res) -> str:
        names = []
        cur = res
        while cur is not None:
            names.append(cur.node.name.name)
            cur = cur.parent  # only nesting makes `a::b`; `parent:` children have own symbols
        return "::".join(reversed(names))

    def resolve(self, e):
        """The declared resource an expression names: `x` or `x::child`."""
        if isinstance(e, S.Variable):
            return self.top.get(e.name)
        if isinstance(e, S.ResourceAccess):
            owner = self.resolve(e.base)
            if owner is None:
                return None
            for r in self.f.resources:
                if r.parent is owner and r.node.name.name == e.name.name:
                    return r
        return None

    def candidates(self, arg) -> list:
        if isinstance(arg, S.PropertyAccess) and arg.name.name in ("id", "name"):
            found = self.resolve(arg.base)
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
        for res in self.f.resources:
            if res.full_type.lower() != rtype.lower():
                continue
            chain = self.name_chain(res)
            if chain is not None and len(chain) == len(names) and \
                    all(same_syntax(a, b) for a, b in zip(chain, names)):
                out.append(res)
        return out

    def name_chain(self, res) -> list | None:
        chain = []
        cur, seen = res, set()
        while cur is not None:
            if id(cur) in seen:
                return None
            seen.add(id(cur))
            body = cur.node.object
            prop = body.get("name") if body is not None else None
            if prop is None:
                return None
            chain.append(prop.value)
            cur = self.parent_of(cur)
        chain.reverse()
        return chain

    def match_api_version(self, candidates: list, arg):
        if not candidates:
            return None
        if arg is None:
            return candidates[0] if len(candidates) == 1 else None
        if isinstance(arg, S.PropertyAccess) and arg.name.name == "apiVersion":
            found = self.resolve(arg.base)
            return found if found is not None and found in candidates else None
        if isinstance(arg, S.String) and arg.value is not None:
            for res in candidates:
                if (res.api_version or "").lower() == arg.value.lower():
                    return res
        return None
