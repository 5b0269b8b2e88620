"""Policy rule conditions: compiled once from JSON, then evaluated per resource, three-valued.

Owns: the `Compiler` (a policy rule's `if` or `existenceCondition` JSON -> a tree of condition
nodes; every construct it cannot evaluate becomes a `Broken` node and a problem with the JSON
pointer where it is written), the condition nodes (`allOf`, `anyOf`, `not`, field, value and
count conditions) and their evaluation over an `Env` (the resource, the count iterations in
force, the applied policy's parameter values).

An evaluation gives an `Outcome`: `state` True, False or None (undetermined: it depends on what
the template cannot say, and `reasons` says what), and `evidence`, the field values that decided
it, which the effect turns into the finding's position and message. Unknown never decides:
allOf is False as soon as one part is False, anyOf True as soon as one part is True, and only
what is left undetermined makes the whole undetermined.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..expr import parser
from ..expr.ast import Call, Member, Node, walk
from ..expr.evaluate import EvalContext, evaluate
from ..expr.values import Origin, Unknown
from .aliases import STAR
from .fields import (RUNTIME_ONLY, Binding, FieldSpec, Subject, Undecided, parse_field,
                     runtime_gap, select)
from .functions import RESOURCE_FUNCTIONS, known_function
from .operators import OPERATORS, SPELLING, Unsure, compare, normalize_location


@dataclass(frozen=True)
class Evidence:
    """One value a condition looked at: where it is and what the condition said about it."""

    kind: str  # "field" | "value" | "count"
    field: str  # the field or expression as the policy writes it
    path: str  # the property path in the resource ("" for values)
    value: Any  # the value found (None: absent)
    origin: Origin | None
    op: str  # the operator, lower case
    operand: Any
    holds: bool  # the condition held for this value


@dataclass(frozen=True)
class Outcome:
    state: bool | None
    evidence: tuple = ()
    reasons: tuple = ()


UNDETERMINED = None


class Env:
    """An evaluation in progress: the resource conditions look at (`subject`), the resource
    field() reads (`field_subject`: the evaluated resource, also inside an existenceCondition),
    the count iterations in force, innermost first, and the applied policy (`applied`:
    its PolicyScope, computed constants and field specs)."""

    __slots__ = ("subject", "field_subject", "bindings", "applied")

    def __init__(self, subject: Subject | None, applied, bindings: tuple = (),
                 field_subject: Subject | None = None):
        self.subject = subject
        self.field_subject = field_subject or subject
        self.bindings = bindings
        self.applied = applied

    def bound(self, bindings: tuple) -> "Env":
        return Env(self.subject, self.applied, bindings, self.field_subject)

    def field_spec(self, text: str) -> FieldSpec:
        return self.applied.field_spec(text)


# --- values -----------------------------------------------------------------------------------

class Const:
    __slots__ = ("value",)
    dynamic = False

    def __init__(self, value: Any):
        self.value = value

    def evaluate(self, env: Env) -> Any:
        return self.value

    def text(self) -> str:
        return _show(self.value)


class Expr:
    """A template-language expression; `dynamic` when it reads the resource (field(), current(),
    requestContext()), else computed once per applied policy."""

    __slots__ = ("tree", "source", "dynamic")

    def __init__(self, tree: Node, source: str, dynamic: bool):
        self.tree, self.source, self.dynamic = tree, source, dynamic

    def evaluate(self, env: Env) -> Any:
        if not self.dynamic:
            consts = env.applied.consts
            key = id(self)
            if key in consts:
                return consts[key]
            value = consts[key] = self._run(env)
            return value
        return self._run(env)

    def _run(self, env: Env) -> Any:
        scope = env.applied.scope
        previous = scope.state
        scope.state = env
        try:
            return evaluate(self.tree, EvalContext(scope))
        except RecursionError:
            return Unknown(self.source, None, "the expression nests too deeply")
        finally:
            scope.state = previous

    def text(self) -> str:
        return self.source


class Container:
    """A literal array or object with expressions inside."""

    __slots__ = ("items", "is_list", "dynamic")

    def __init__(self, items, is_list: bool, dynamic: bool):
        self.items, self.is_list, self.dynamic = items, is_list, dynamic

    def evaluate(self, env: Env) -> Any:
        from ..expr.values import Arr, Obj
        if self.is_list:
            return Arr(v.evaluate(env) for v in self.items)
        return Obj((k, v.evaluate(env)) for k, v in self.items)

    def text(self) -> str:
        if self.is_list:
            return "[" + ", ".join(v.text() for v in self.items) + "]"
        return "{" + ", ".join(f"{k}: {v.text()}" for k, v in self.items) + "}"


def _show(value: Any) -> str:
    import json
    if isinstance(value, str):
        return f"'{value}'"
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


# --- nodes ------------------------------------------------------------------------------------

class AllOf:
    __slots__ = ("children",)

    def __init__(self, children: list):
        self.children = children

    def evaluate(self, env: Env) -> Outcome:
        evidence: list = []
        reasons: list = []
        unsure = False
        for child in self.children:
            out = child.evaluate(env)
            if out.state is False:
                return Outcome(False, out.evidence, ())
            if out.state is None:
                unsure = True
                reasons.extend(out.reasons)
            else:
                evidence.extend(out.evidence)
        if unsure:
            return Outcome(None, tuple(evidence), tuple(reasons))
        return Outcome(True, tuple(evidence))


class AnyOf:
    __slots__ = ("children",)

    def __init__(self, children: list):
        self.children = children

    def evaluate(self, env: Env) -> Outcome:
        evidence: list = []
        reasons: list = []
        unsure = False
        for child in self.children:
            out = child.evaluate(env)
            if out.state is True:
                return Outcome(True, out.evidence, ())
            if out.state is None:
                unsure = True
                reasons.extend(out.reasons)
            else:
                evidence.extend(out.evidence)
        if unsure:
            return Outcome(None, tuple(evidence), tuple(reasons))
        return Outcome(False, tuple(evidence))


class Not:
    __slots__ = ("child",)

    def __init__(self, child):
        self.child = child

    def evaluate(self, env: Env) -> Outcome:
        out = self.child.evaluate(env)
        if out.state is None:
            return out
        return Outcome(not out.state, out.evidence, ())


class Broken:
    """A construct armlint cannot evaluate: always undetermined, with the reason."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason

    def evaluate(self, env: Env) -> Outcome:
        return Outcome(None, (), (self.reason,))


def _decide(op: str, items: tuple, operand: Any, many: bool, kind: str, field: str, path: str,
            location: bool = False) -> Outcome:
    """A condition over selected values: a single value, or every value of a [*] field."""
    if location:
        operand = normalize_location(operand)
    evidence = []
    reasons = []
    for value, origin in items:
        result = compare(op, normalize_location(value) if location else value, operand)
        if isinstance(result, Unsure):
            reasons.append(result.reason if kind == "value" else f"{field}: {result.reason}")
            continue
        ev = Evidence(kind, field, path, value, origin, op, operand, result)
        if not result:
            return Outcome(False, (ev,))
        evidence.append(ev)
    if reasons:
        return Outcome(None, tuple(evidence), tuple(reasons))
    if many and not items:
        # an empty collection: the condition holds for each of its (no) members
        evidence.append(Evidence(kind, field, path, None, None, op, operand, True))
    return Outcome(True, tuple(evidence))


class FieldCond:
    __slots__ = ("field", "op", "operand")

    def __init__(self, field, op: str, operand):
        self.field, self.op, self.operand = field, op, operand

    def spec(self, env: Env) -> FieldSpec | str:
        if isinstance(self.field, FieldSpec):
            return self.field
        name = self.field.evaluate(env)
        if isinstance(name, Unknown):
            return f"the field name {self.field.text()} is not known: " \
                   f"{name.reason or 'it depends on the assignment'}"
        if not isinstance(name, str):
            return f"the field name {self.field.text()} is not a string"
        return env.field_spec(name)

    def evaluate(self, env: Env) -> Outcome:
        spec = self.spec(env)
        if isinstance(spec, str):
            return Outcome(None, (), (spec,))
        sel = select(env.subject, spec, env.bindings)
        if isinstance(sel, Undecided):
            return Outcome(None, (), (sel.reason,))
        operand = self.operand.evaluate(env)
        return _decide(self.op, sel.items, operand, sel.many, "field", spec.text, sel.path,
                       spec.kind == "special" and spec.special == "location")


class ValueCond:
    __slots__ = ("value", "op", "operand")

    def __init__(self, value, op: str, operand):
        self.value, self.op, self.operand = value, op, operand

    def evaluate(self, env: Env) -> Outcome:
        value = self.value.evaluate(env)
        operand = self.operand.evaluate(env)
        return _decide(self.op, ((value, None),), operand, False, "value", self.value.text(), "")


class CountCond:
    __slots__ = ("counter", "op", "operand")

    def __init__(self, counter, op: str, operand):
        self.counter, self.op, self.operand = counter, op, operand

    def evaluate(self, env: Env) -> Outcome:
        counted = self.counter.count(env)
        if isinstance(counted, str):
            return Outcome(None, (), (counted,))
        sure, unsure, evidence, reasons, where, label = counted
        operand = self.operand.evaluate(env)
        results = set()
        why = []
        for n in range(sure, sure + unsure + 1):
            r = compare(self.op, n, operand)
            if isinstance(r, Unsure):
                why.append(r.reason)
                break
            results.add(r)
        if why or len(results) != 1:
            return Outcome(None, (), tuple(reasons) + tuple(why))
        holds = results.pop()
        ev = Evidence("count", label, label, sure, where, self.op, operand, holds)
        # what the matching members say decides where a finding points (e.g. the open port)
        return Outcome(holds, tuple(evidence) + (ev,))


class FieldCount:
    __slots__ = ("field", "where")

    def __init__(self, field: FieldSpec, where):
        self.field, self.where = field, where

    def count(self, env: Env):
        spec = self.field
        subject = env.subject
        path = subject.alias_path(spec.alias)
        label = f"count of {spec.text}"
        if isinstance(path, str) or path is None:
            sel = select(subject, spec, env.bindings)
            if isinstance(sel, Undecided):
                return sel.reason
            return len(sel.items), 0, (), (), None, label  # absent: no members
        if not env.bindings and any(isinstance(s, str) and s.lower() in RUNTIME_ONLY
                                    for s in path):
            gap = runtime_gap(subject.view, path, spec.text)
            if gap is not None:
                return gap.reason
        members = _members(env, path, spec.text)
        if isinstance(members, str):
            return members
        array_origin = members[1]
        members = members[0]
        if self.where is None:
            return len(members), 0, (), (), array_origin, label
        sure = unsure = 0
        evidence: list = []
        reasons: list = []
        for chain in members:
            bindings = tuple(Binding("field", key, spec.text, value, origin)
                             for key, value, origin in reversed(chain)) + env.bindings
            out = self.where.evaluate(env.bound(bindings))
            if out.state is True:
                sure += 1
                if not evidence:  # the first matching member: what its where condition saw,
                    member = chain[-1][2]  # an absent property reported at the member
                    evidence.extend(e if e.origin is not None or member is None else
                                    Evidence(e.kind, e.field, e.path, e.value, member, e.op,
                                             e.operand, e.holds) for e in out.evidence)
                    if not evidence and member is not None:
                        evidence.append(Evidence("field", spec.text, spec.text, chain[-1][1],
                                                 member, "count", None, True))
            elif out.state is None:
                unsure += 1
                reasons.extend(out.reasons)
        return sure, unsure, tuple(evidence), tuple(reasons), array_origin, label


def _members(env: Env, path: tuple, text: str):
    """Each member a field count iterates: a chain of (path prefix, value, origin), one per [*]
    of the path; and the origin of the outermost array. Paths under a count in force start
    from its current member."""
    from ..expr.values import origin_of
    low = tuple(s.lower() if isinstance(s, str) else s for s in path)
    root, start, root_origin = env.subject.view, 0, env.subject.res.origin
    base: tuple = ()
    for b in env.bindings:
        if b.kind == "field" and low[:len(b.key)] == b.key:
            root, start, root_origin = b.value, len(b.key), b.origin
            base = ((b.key, b.value, b.origin),)
            break
    chains = [(root, origin_of(root) or root_origin, base)]
    array_origin = None
    for i in range(start, len(path)):
        seg = path[i]
        nxt = []
        for node, origin, chain in chains:
            if isinstance(node, Unknown):
                return f"'{text}': {node.reason or 'the array depends on the deployment'}"
            if seg == STAR:
                if isinstance(node, list):
                    if array_origin is None:
                        array_origin = origin
                    prefix = low[:i + 1]
                    for j, item in enumerate(node):
                        o = origin_of(item) or (origin.child(j) if origin else None)
                        nxt.append((item, o, chain + ((prefix, item, o),)))
                continue
            if isinstance(node, dict):
                actual = node.actual_key(seg) if hasattr(node, "actual_key") else seg
                if actual is not None and actual in node:
                    item = node[actual]
                    nxt.append((item, origin_of(item) or (origin.child(actual) if origin else None),
                                chain))
        chains = nxt
    out = []
    for node, origin, chain in chains:  # an unknown member still counts (where decides)
        out.append(chain[len(base):] if base else chain)
    # a member is the innermost element; its chain binds every [*] on the way to it
    return [c if c else ((low, None, None),) for c in out], array_origin


class ValueCount:
    __slots__ = ("value", "name", "where")

    def __init__(self, value, name: str, where):
        self.value, self.name, self.where = value, name, where

    def count(self, env: Env):
        array = self.value.evaluate(env)
        label = f"count of {self.value.text()}"
        if isinstance(array, Unknown):
            return f"{label}: {array.reason or 'the array is not known'}"
        if not isinstance(array, list):
            return f"{label}: a value count needs an array"
        if self.where is None:
            return len(array), 0, (), (), None, label
        sure = unsure = 0
        reasons: list = []
        evidence: list = []
        for item in array:
            out = self.where.evaluate(env.bound((Binding("value", self.name, "", item),)
                                                + env.bindings))
            if out.state is True:
                sure += 1
                if not evidence:
                    evidence.extend(e for e in out.evidence if e.origin is not None)
            elif out.state is None:
                unsure += 1
                reasons.extend(out.reasons)
        return sure, unsure, tuple(evidence), tuple(reasons), None, label


# --- compiling --------------------------------------------------------------------------------

_LOGICAL = ("allof", "anyof", "not")
_SUBJECTS = ("field", "value", "count")


class Compiler:
    """Compiles conditions; `problems` lists (JSON pointer, message) of what cannot be evaluated
    (those parts evaluate as undetermined). `specs` collects the parsed literal fields."""

    def __init__(self, aliases):
        self.aliases = aliases
        self.problems: list[tuple[tuple, str]] = []
        self.specs: dict[str, FieldSpec] = {}
        self.count_depth = 0
        # what the rule reads that only the deployment knows (resourceGroup(), the id field...)
        self.runtime: set[str] = set()

    def problem(self, pointer: tuple, message: str) -> Broken:
        self.problems.append((pointer, message))
        return Broken(message)

    def field_spec(self, text: str) -> FieldSpec:
        key = text.strip().lower()
        spec = self.specs.get(key)
        if spec is None:
            spec = self.specs[key] = parse_field(text, self.aliases)
            if spec.kind == "special" and spec.special == "id":
                self.runtime.add("the resource id (its subscription and resource group)")
            elif spec.kind == "alias" and spec.alias is not None:
                for seg in _runtime_segments(spec.alias):
                    self.runtime.add(f"{seg} (a property Azure sets after deployment)")
        return spec

    def condition(self, raw: Any, pointer: tuple = ()) -> Any:
        if not isinstance(raw, dict):
            return self.problem(pointer, "a condition must be an object")
        keys = {k.lower(): k for k in raw}
        logical = [k for k in keys if k in _LOGICAL]
        if logical:
            if len(raw) != 1:
                return self.problem(pointer, f"'{keys[logical[0]]}' must stand alone in its object")
            key = keys[logical[0]]
            body = raw[key]
            if logical[0] == "not":
                return Not(self.condition(body, pointer + (key,)))
            if not isinstance(body, list) or not body:
                return self.problem(pointer + (key,), f"'{key}' takes a non-empty array of "
                                                      "conditions")
            children = [self.condition(c, pointer + (key, i)) for i, c in enumerate(body)]
            return AllOf(children) if logical[0] == "allof" else AnyOf(children)
        subjects = [k for k in keys if k in _SUBJECTS]
        ops = [k for k in keys if k in OPERATORS]
        other = [keys[k] for k in keys if k not in _SUBJECTS and k not in OPERATORS]
        if "source" in keys:
            return self.problem(pointer, "'source' conditions are no longer part of the policy "
                                         "language")
        if len(subjects) != 1:
            return self.problem(pointer, "a condition needs exactly one of field, value or count")
        if len(ops) != 1:
            return self.problem(pointer, "a condition needs exactly one operator "
                                         f"({', '.join(SPELLING.values())})")
        if other:
            return self.problem(pointer, f"unknown key '{other[0]}' in a condition")
        op = ops[0]
        operand = self.value(raw[keys[op]], pointer + (keys[op],))
        subject = subjects[0]
        body = raw[keys[subject]]
        where = pointer + (keys[subject],)
        if subject == "field":
            if not isinstance(body, str) or not body.strip():
                return self.problem(where, "'field' takes a field name or alias")
            if parser.is_expression(body):
                field = self.value(body, where)
            else:
                field = self.field_spec(parser.unescape_literal(body))
            return FieldCond(field, op, operand)
        if subject == "value":
            return ValueCond(self.value(body, where), op, operand)
        counter = self.count(body, where)
        if isinstance(counter, Broken):
            return counter
        return CountCond(counter, op, operand)

    def count(self, raw: Any, pointer: tuple) -> Any:
        if not isinstance(raw, dict):
            return self.problem(pointer, "'count' takes an object")
        keys = {k.lower(): k for k in raw}
        unknown = [keys[k] for k in keys if k not in ("field", "value", "name", "where")]
        if unknown:
            return self.problem(pointer, f"unknown key '{unknown[0]}' in a count")
        self.count_depth += 1
        try:
            where = None
            if "where" in keys:
                where = self.condition(raw[keys["where"]], pointer + (keys["where"],))
            if "field" in keys and "value" not in keys:
                text = raw[keys["field"]]
                if not isinstance(text, str) or parser.is_expression(text):
                    return self.problem(pointer + (keys["field"],),
                                        "a field count takes an array alias ([*])")
                spec = self.field_spec(text)
                if spec.kind != "alias" or "[*]" not in text:
                    return self.problem(pointer + (keys["field"],),
                                        f"'{text}' is not an array alias ([*]) to count")
                return FieldCount(spec, where)
            if "value" in keys and "field" not in keys:
                name = raw.get(keys["name"], "default") if "name" in keys else "default"
                if not isinstance(name, str) or not name:
                    return self.problem(pointer + (keys.get("name", "count"),),
                                        "a count's name must be a string")
                return ValueCount(self.value(raw[keys["value"]], pointer + (keys["value"],)),
                                  name.lower(), where)
            return self.problem(pointer, "a count needs either field or value")
        finally:
            self.count_depth -= 1

    def value(self, raw: Any, pointer: tuple) -> Any:
        """A condition value: a literal, an expression, or a container holding expressions."""
        if isinstance(raw, str):
            if not parser.is_expression(raw):
                return Const(parser.unescape_literal(raw))
            try:
                tree = parser.parse(raw, positions=False)
            except parser.ExpressionSyntaxError as exc:
                self.problem(pointer, f"expression syntax error: {exc}")
                return Const(Unknown(raw, None, "the expression has a syntax error"))
            except RecursionError:
                self.problem(pointer, "the expression nests too deeply")
                return Const(Unknown(raw, None, "the expression nests too deeply"))
            dynamic = False
            for call in (n for n in walk(tree) if isinstance(n, Call)):
                low = call.name.lower()
                if call.namespace:
                    self.problem(pointer, f"user-defined function {call.namespace}.{call.name}() "
                                          "is not available in policy rules")
                elif not known_function(low):
                    self.problem(pointer, f"{call.name}() is not available in policy rules")
                elif low in ("field", "current") and call.args:
                    self._literal_field(call)
                elif low == "current" and self.count_depth > 1:
                    self.problem(pointer, "current() without an index name is only allowed in "
                                          "a count that is not inside another count")
                if low in RESOURCE_FUNCTIONS:
                    dynamic = True
                if low in _DEPLOYMENT_FUNCTIONS:
                    self.runtime.add(f"{_DEPLOYMENT_FUNCTIONS[low]}")
            if _reads_identity(tree):
                self.runtime.add("requestContext().identity (the caller)")
            return Expr(tree, raw, dynamic)
        if isinstance(raw, list):
            items = [self.value(v, pointer + (i,)) for i, v in enumerate(raw)]
            if all(isinstance(i, Const) for i in items):
                return Const(_plain(raw))
            return Container(items, True, any(i.dynamic for i in items))
        if isinstance(raw, dict):
            items = [(k, self.value(v, pointer + (k,))) for k, v in raw.items()]
            if all(isinstance(i, Const) for _, i in items):
                return Const(_plain(raw))
            return Container(items, False, any(i.dynamic for _, i in items))
        return Const(raw)

    def _literal_field(self, call: Call) -> None:
        from ..expr.ast import Literal
        arg = call.args[0]
        if isinstance(arg, Literal) and isinstance(arg.value, str):
            self.field_spec(arg.value)


_DEPLOYMENT_FUNCTIONS = {"resourcegroup": "resourceGroup()", "subscription": "subscription()"}


def _runtime_segments(alias) -> list[str]:
    """The read-only properties (RUNTIME_ONLY) an alias's paths go through, as the path spells
    them: the alias reads what Azure sets after deployment."""
    found: dict[str, str] = {}
    for paths in alias.owners.values():
        for path in (paths.default,) + tuple(p for p, _ in paths.by_version):
            for seg in path:
                if isinstance(seg, str) and seg.lower() in RUNTIME_ONLY:
                    found.setdefault(seg.lower(), seg)
    return sorted(found.values(), key=str.lower)


def _reads_identity(node: Node) -> bool:
    return any(isinstance(n, Member) and n.name.lower() == "identity" and
               isinstance(n.target, Call) and n.target.name.lower() == "requestcontext"
               for n in walk(node))


def _plain(raw: Any) -> Any:
    from ..expr.values import literal_value
    if isinstance(raw, str):
        return parser.unescape_literal(raw)
    if isinstance(raw, list):
        return literal_value([_plain(v) for v in raw])
    if isinstance(raw, dict):
        return literal_value({k: _plain(v) for k, v in raw.items()})
    return raw


# --- which resource types a condition can hold for ---------------------------------------------

def type_filter(node: Any, env: Env):
    """(exact types lower case, like patterns) a condition can only hold for, or None when it may
    hold for any type. Taken from `type` conditions that every way to True passes through."""
    if isinstance(node, FieldCond) and isinstance(node.field, FieldSpec) and \
            node.field.kind == "special" and node.field.special == "type" and \
            node.op in ("equals", "in", "like"):
        operand = node.operand.evaluate(env)
        values = operand if node.op == "in" else [operand]
        if not isinstance(values, list) or \
                any(not isinstance(v, str) or isinstance(v, Unknown) for v in values):
            return None
        if node.op == "like":
            return frozenset(), tuple(v.lower() for v in values)
        return frozenset(v.lower() for v in values), ()
    if isinstance(node, AllOf):
        best = None
        for child in node.children:
            found = type_filter(child, env)
            if found is not None and (best is None or _narrower(found, best)):
                best = found
        return best
    if isinstance(node, AnyOf):
        exact: set = set()
        patterns: list = []
        for child in node.children:
            found = type_filter(child, env)
            if found is None:
                return None
            exact |= found[0]
            patterns.extend(found[1])
        return frozenset(exact), tuple(patterns)
    return None


def _narrower(a, b) -> bool:
    return (not a[1] and b[1]) or (not a[1] and not b[1] and len(a[0]) < len(b[0]))
