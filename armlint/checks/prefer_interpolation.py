"""AL8004 prefer-interpolation: `concat()` used to build a string in Bicep.

As the Bicep linter: a call to `concat` (or `sys.concat`) with two or more arguments whose result
is a string, reported once for the outermost such call. The result counts as a string when an
argument's type, as the file states it (bicep/semantic), is a string: a string literal, a
string-returning function (`format`, `uniqueString`, `toLower`, ...), a parameter or function
declared `string`, a variable whose value is a string, a resource's `name` or `id`, a loop
variable or lambda parameter ranging over an array of strings, a module output declared `string`,
or a nested string `concat`. A call with an array argument, or whose arguments are all of unknown
type, is left alone (concat also joins arrays)."""
from __future__ import annotations

from ..bicep import syntax as S
from ..bicep.semantic import is_sys_call, walk
from ..engine.items import BicepNodeContext
from ..engine.report import Report

MAX_SUGGESTION = 100


def check(ctx: BicepNodeContext, report: Report) -> None:
    call, semantic = ctx.node, ctx.semantic
    if not _reported(call, semantic):
        return
    if any(_reported(outer, semantic) for outer in semantic.ancestors(call)):
        return  # inside a concat that is reported already
    suggestion = _suggestion(ctx.doc, call)
    report.at_node(call, suggestion=f": {suggestion}" if suggestion else "")


def _reported(node, semantic) -> bool:
    """A string-valued concat() call that parsed without errors."""
    if not (isinstance(node, S.Call) and is_sys_call(node, "concat")):
        return False
    found = semantic.type_of(node)
    if found is None or not found.is_string:
        return False
    return not any(isinstance(n, S.ErrorExpr) for n in walk(node))


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
