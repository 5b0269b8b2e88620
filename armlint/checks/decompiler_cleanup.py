"""AL8010 decompiler-cleanup: symbol names that the Bicep decompiler made up to resolve a name
clash, left in the file.

As the Bicep linter: a resource symbol ending in `<letters or digits>_resource` and a variable
ending in `<letters or digits>_var` (the suffixes the decompiler appends when a resource or a
variable has the same name as a parameter). The finding is on the symbol name, the text to
rename."""
from __future__ import annotations


from ..engine.items import BicepNodeContext
from ..engine.report import Report
from ..source.lazy import pattern

# one character before the suffix says the same as `+` for a search, in linear time
_RESOURCE = pattern(r"[a-zA-Z0-9]_resource\Z")
_VARIABLE = pattern(r"[a-zA-Z0-9]_var\Z")


def check(ctx: BicepNodeContext, report: Report) -> None:
    from ..bicep import syntax as S
    node = ctx.node
    name = node.name.name
    if isinstance(node, S.Resource):
        declared = ctx.semantic.declared_resource(node)
        if declared is not None and "/" in declared.full_type and _RESOURCE.search(name):
            report.at_node(node.name, kind="resource", symbol=name, suffix="_resource")
    elif _VARIABLE.search(name):
        report.at_node(node.name, kind="variable", symbol=name, suffix="_var")
