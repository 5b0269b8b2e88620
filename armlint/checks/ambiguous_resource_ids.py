"""AL4009 resource-ambiguous: a resource ID function whose literal resource type and name
segments do not fit together: a type with an empty segment, or a number of name arguments other
than the type has levels (`resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')` has no
subnet name). A type whose only flaw is a trailing '/' is reported as a warning, whatever the rule's
level: Resource Manager accepts it (Microsoft's own samples deploy with
`resourceId('Microsoft.Storage/storageAccounts/', name)`), so it is untidy, not broken."""
from __future__ import annotations

from ..engine.items import ExpressionContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import call_name, literal_text

# function -> (index of the type when it is fixed, or None: the first literal with a '/')
_FUNCTIONS = {"resourceid": 2, "subscriptionresourceid": 1, "tenantresourceid": 0,
              "managementgroupresourceid": 1, "extensionresourceid": None}


def _problem(node) -> str | tuple[str, str] | None:
    """What is wrong with a resource ID call, with a level when milder than the rule's."""
    name = call_name(node)
    if name not in _FUNCTIONS:
        return None
    args = node.args
    if name == "extensionresourceid":
        type_index = 1
    else:
        # the type is the first argument that is a literal with a '/', within the leading ones
        type_index = None
        for i, arg in enumerate(args[:_FUNCTIONS[name] + 1]):
            text = literal_text(arg)
            if text is not None and "/" in text:
                type_index = i
                break
    if type_index is None or type_index >= len(args):
        return None
    rtype = literal_text(args[type_index])
    if rtype is None or "/" not in rtype:
        return None
    segments = rtype.split("/")
    trailing = len(segments) > 2 and not segments[-1] and all(s.strip() for s in segments[:-1])
    if trailing:
        segments.pop()
    elif any(not s.strip() for s in segments):
        return f"the resource type '{rtype}' has an empty segment (a stray '/')"
    names = args[type_index + 1:]
    if any(literal_text(a) is not None and "/" in literal_text(a) for a in names):
        return None  # names written as 'parent/child' in one argument
    expected = len(segments) - 1
    if names and (len(names) > expected or
                  (len(names) < expected and all(literal_text(a) is not None for a in names))):
        return (f"the resource type '{rtype}' has {expected} name segment"
                f"{'s' if expected != 1 else ''} but {len(names)} name"
                f"{'s are' if len(names) != 1 else ' is'} given")
    if trailing:
        return (f"the resource type '{rtype}' ends with '/'; Resource Manager ignores it, but the "
                "type is then written differently from everywhere else", "warning")
    return None


def check(ctx: ExpressionContext, report: Report) -> None:
    if not ctx.model.mentions("resourceid(") or "resourceid" not in ctx.expression.text.lower():
        return
    for node in walk(ctx.expression.tree):
        problem = _problem(node)
        if problem:
            message, level = problem if isinstance(problem, tuple) else (problem, None)
            report.at_node(node, level=level, func=node.name, problem=message)
