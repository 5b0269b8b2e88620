"""AL8002 unused-import: a symbol imported with `import {...} from` or a namespace imported with
`import * as ns from` that the file never uses.

An imported name is used when it appears as a value, a type or a function call anywhere in the
file; a namespace when it qualifies anything (`ns.myType`, `ns.myFunc()`, `ns.myVar`). Extension
imports (`extension`, the old `import 'az@1.0.0'`) are not imports of symbols and are not
checked. The finding is on the local name (the alias when there is one)."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    for st in f.tree.statements:
        if isinstance(st, S.ImportSymbols):
            for item in st.items:
                ident = item.alias or (item.name if isinstance(item.name, S.Identifier) else None)
                if ident is not None and not f.used(ident.name):
                    yield Hit(at=at(f.doc, ident), bind={"symbol": ident.name,
                                                         "source": st.source.value or "?"})
        elif isinstance(st, S.ImportWildcard):
            if not f.used(st.alias.name):
                yield Hit(at=at(f.doc, st.alias), bind={"symbol": st.alias.name,
                                                        "source": st.source.value or "?"})
