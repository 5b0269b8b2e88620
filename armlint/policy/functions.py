"""The functions of policy rules: the template functions of expr/, plus the policy-only ones.

Owns: `PolicyScope` (what `parameters()` means in one applied policy: the assignment's value, else
the initiative's, else the definition's default) and the functions only policy rules have:
`field()`, `current()`, `requestContext()`, `policy()`, `utcNow()` (usable anywhere in a rule),
`addDays()` and `ipRangeContains()`. Template functions a policy rule may not call (reference(),
resourceId(), variables(), copyIndex()...) are listed in NOT_IN_POLICIES.

`field()` returns a field's value as is: an array of the selected values for a `[*]` alias (inside
a count's `where`, of the current member only), and "" for an absent property, as the policy
language reference shows.
"""
from __future__ import annotations

import datetime as _dt
import ipaddress
from typing import Any

from ..expr.ast import Call
from ..expr.evaluate import EvalContext, EvalError, TemplateScope, evaluate, unknown_of
from ..expr.values import Arr, Obj, Unknown

# Template functions the policy language leaves out (Azure rejects a rule that calls them).
NOT_IN_POLICIES = frozenset((
    "copyindex", "datetimeadd", "datetimefromepoch", "datetimetoepoch", "deployment",
    "environment", "extensionresourceid", "lambda", "filter", "map", "reduce", "sort",
    "toobject", "groupby", "mapvalues", "lambdavariables", "managementgroup", "newguid",
    "pickzones", "providers", "reference", "references", "resourceid", "subscriptionresourceid",
    "tenantresourceid", "managementgroupresourceid", "tenant", "variables", "deployer",
    "tologicalzone", "tologicalzones", "tophysicalzone", "tophysicalzones"))
# Functions whose value depends on the resource being evaluated (never computed ahead).
RESOURCE_FUNCTIONS = frozenset(("field", "current", "requestcontext"))


class PolicyScope(TemplateScope):
    """The names a policy rule's expressions see. `state` is the evaluation in progress (the
    resource and the count iterations), set by the evaluator around each evaluation."""

    def __init__(self, declared: dict, values: dict, info: dict | None = None):
        # declarations, case-insensitive by name (shallow: the values come with defaults filled)
        params = Obj((k, Obj(v)) for k, v in (declared or {}).items() if isinstance(v, dict))
        super().__init__(Obj(parameters=params), None, values)
        self.info = info or {}
        self.state: Any = None


def _arg(node: Call, ctx: EvalContext, i: int) -> Any:
    return evaluate(node.args[i], ctx) if len(node.args) > i else None


def _state(ctx: EvalContext):
    return getattr(ctx.scope, "state", None)


def _field(node: Call, ctx: EvalContext) -> Any:
    from .fields import Undecided, select
    state = _state(ctx)
    name = _arg(node, ctx, 0)
    if state is None or state.subject is None:
        return unknown_of(node, "field() is evaluated against a resource")
    if not isinstance(name, str) or isinstance(name, Unknown):
        return unknown_of(node, "the field name is unknown")
    spec = state.field_spec(name)
    sel = select(state.field_subject, spec, state.bindings)
    if isinstance(sel, Undecided):
        return Unknown("", None, sel.reason, node)
    if sel.many:
        return Arr(v for v, _ in sel.items)
    value = sel.items[0][0] if sel.items else None
    return "" if value is None else value


def _current(node: Call, ctx: EvalContext) -> Any:
    from .fields import STAR, Undecided, walk
    state = _state(ctx)
    bindings = state.bindings if state is not None else ()
    if not bindings:
        return unknown_of(node, "current() is only available inside a count's where")
    if not node.args:
        return bindings[0].value
    key = _arg(node, ctx, 0)
    if not isinstance(key, str) or isinstance(key, Unknown):
        return unknown_of(node, "the argument of current() is unknown")
    low = key.strip().lower()
    for b in bindings:
        if b.kind == "value" and b.key == low:
            return b.value
        if b.kind == "field" and b.alias.lower() == low:
            return b.value
    # a property of the current member: current('Microsoft.X/y/arr[*].property')
    spec = state.field_spec(key)
    if spec.kind == "alias":
        path = state.subject.alias_path(spec.alias)
        if isinstance(path, tuple):
            low_path = tuple(s.lower() if isinstance(s, str) else s for s in path)
            for b in bindings:
                if b.kind == "field" and low_path[:len(b.key)] == b.key:
                    sel = walk(b.value, path[len(b.key):], key, b.origin)
                    if isinstance(sel, Undecided):
                        return Unknown("", None, sel.reason, node)
                    if STAR in path[len(b.key):]:
                        return Arr(v for v, _ in sel.items)
                    value = sel.items[0][0] if sel.items else None
                    return "" if value is None else value
    return unknown_of(node, f"current('{key}') names no count around it")


def _request_context(node: Call, ctx: EvalContext) -> Any:
    state = _state(ctx)
    api = state.subject.api_version if state is not None and state.subject is not None else None
    if api is None:
        api = Unknown("requestcontext().apiversion", "string", "the request's API version is "
                      "not known")
    return Obj(apiVersion=api, identity=Unknown("requestcontext().identity", "object",
                                                "the caller's identity is known at deployment"))


def _policy(node: Call, ctx: EvalContext) -> Any:
    info = getattr(ctx.scope, "info", {}) or {}
    out = Obj()
    for key in ("assignmentId", "definitionId", "setDefinitionId", "definitionReferenceId"):
        value = info.get(key)
        out[key] = value if value is not None else \
            Unknown(f"policy().{key.lower()}", "string", f"the policy's {key} is not known here")
    return out


def utc_now() -> _dt.datetime:
    from ..source.files import clock
    clock()  # a result that depends on the time is never reused (result cache, replay)
    return _dt.datetime.now(_dt.timezone.utc)


def format_time(moment: _dt.datetime) -> str:
    """Universal ISO 8601 with seven fraction digits, as Azure Policy writes times."""
    moment = moment.astimezone(_dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0Z"


def _utc_now(node: Call, ctx: EvalContext) -> Any:
    return format_time(utc_now())


def _add_days(node: Call, ctx: EvalContext) -> Any:
    from .operators import parse_date
    when, days = _arg(node, ctx, 0), _arg(node, ctx, 1)
    if isinstance(when, Unknown) or isinstance(days, Unknown):
        return unknown_of(node, "an argument of addDays() is unknown")
    if not isinstance(when, str) or not isinstance(days, int) or isinstance(days, bool):
        raise EvalError("addDays() takes a date-time string and a number of days")
    moment = parse_date(when)
    if moment is None:
        raise EvalError("addDays() takes an ISO 8601 date-time")
    return format_time(moment + _dt.timedelta(days=days))


def _ip_range(text: str):
    text = text.strip()
    if "-" in text:
        first, last = (ipaddress.ip_address(p.strip()) for p in text.split("-", 1))
        if first.version != last.version or int(last) < int(first):
            raise EvalError("an IP range's ends must be of one family, in order")
        return first.version, int(first), int(last)
    if "/" in text:
        net = ipaddress.ip_network(text, strict=False)
        return net.version, int(net.network_address), int(net.broadcast_address)
    addr = ipaddress.ip_address(text)
    return addr.version, int(addr), int(addr)


def _ip_range_contains(node: Call, ctx: EvalContext) -> Any:
    outer, inner = _arg(node, ctx, 0), _arg(node, ctx, 1)
    if isinstance(outer, Unknown) or isinstance(inner, Unknown):
        return unknown_of(node, "an argument of ipRangeContains() is unknown")
    if not isinstance(outer, str) or not isinstance(inner, str) or not outer or not inner:
        raise EvalError("ipRangeContains() takes two non-empty IP ranges")
    try:
        v1, lo1, hi1 = _ip_range(outer)
        v2, lo2, hi2 = _ip_range(inner)
    except ValueError:
        raise EvalError("not an IP address or range") from None
    if v1 != v2:
        raise EvalError("ipRangeContains() cannot compare IPv4 with IPv6")
    return lo1 <= lo2 and hi2 <= hi1


def _not_in_policies(node: Call, ctx: EvalContext) -> Any:
    return unknown_of(node, f"{node.name}() is not available in policy rules")


POLICY_FUNCTIONS: dict = {
    "field": _field, "current": _current, "requestcontext": _request_context,
    "policy": _policy, "utcnow": _utc_now, "adddays": _add_days,
    "iprangecontains": _ip_range_contains,
}
POLICY_FUNCTIONS.update({name: _not_in_policies for name in NOT_IN_POLICIES})
PolicyScope.own_functions = POLICY_FUNCTIONS


def known_function(name: str) -> bool:
    """A function a policy rule may call."""
    from ..expr.functions import FUNCTIONS, LAZY_FUNCTIONS
    low = name.lower()
    if low in NOT_IN_POLICIES or low.startswith("list"):  # listKeys(), listSecrets(), list*()
        return False
    return low in POLICY_FUNCTIONS or low in FUNCTIONS or low in LAZY_FUNCTIONS
