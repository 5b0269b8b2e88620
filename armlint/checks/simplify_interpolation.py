"""AL8005 simplify-interpolation: a string that is nothing but one interpolated parameter or
variable of type string (`'${name}'`).

As the Bicep linter: the value of an object property, a variable, an output or a parameter
default, whose only content is `${x}` where `x` is a parameter or variable whose type is a
string. The type is the one the file states (bicep/semantic): a parameter or variable declared
`string` (or a user type that is a string or a union of string literals), a variable whose value
is a string, a loop variable or lambda parameter ranging over an array of strings. Interpolating
a value of another type (or of a type the file does not say) converts it to a string, which is
useful, so those are not reported."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    node = ctx.node
    value = node.default if isinstance(node, S.Param) else node.value
    if not isinstance(value, S.String) or len(value.expressions) != 1 or any(value.segments):
        return
    inner = value.expressions[0]
    if not isinstance(inner, S.Variable):
        return
    symbol = ctx.semantic.resolve(inner)
    found = ctx.semantic.type_of(inner) if symbol is not None and \
        symbol.kind in ("param", "var", "loop-item", "lambda-param", "func-param") else None
    if found is not None and found.is_string:
        report.at_node(value, symbol=inner.name, written=ctx.source(value))
