"""AL8002 unused-import: a symbol imported with `import {...} from` or a namespace imported with
`import * as ns from` that the file never uses.

An imported name is used when it appears as a value, a type or a function call anywhere in the
file; a namespace when it qualifies anything (`ns.myType`, `ns.myFunc()`, `ns.myVar`). Extension
imports (`extension`, the old `import 'az@1.0.0'`) are not imports of symbols and are not
checked. The finding is on the local name (the alias when there is one)."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    from ..bicep import syntax as S
    st, semantic = ctx.node, ctx.semantic
    source = st.source.value or "?"
    if isinstance(st, S.ImportSymbols):
        for item in st.items:
            ident = item.alias or (item.name if isinstance(item.name, S.Identifier) else None)
            if ident is not None and not semantic.used(ident.name):
                report.at_node(ident, symbol=ident.name, source=source)
    elif not semantic.used(st.alias.name):
        report.at_node(st.alias, symbol=st.alias.name, source=source)
