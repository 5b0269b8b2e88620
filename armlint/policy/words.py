"""Policy conditions and findings in plain words, for messages and `armlint policy explain`.

Owns: how an operator and its value read (`wants("notequals", "TLS1_2")` -> "not be 'TLS1_2'"),
how a found value reads, the message of a finding from its deciding evidence, and the
plain-words rendering of a whole condition tree.
"""
from __future__ import annotations

import json
from typing import Any

from ..expr.values import Unknown
from .operators import OPPOSITE

_PHRASES = {
    "equals": "be {v}", "notequals": "not be {v}", "like": "match the pattern {v}",
    "notlike": "not match the pattern {v}", "match": "match the pattern {v} (case-sensitive)",
    "notmatch": "not match the pattern {v} (case-sensitive)",
    "matchinsensitively": "match the pattern {v}", "notmatchinsensitively":
    "not match the pattern {v}", "contains": "contain {v}", "notcontains": "not contain {v}",
    "in": "be one of {v}", "notin": "not be one of {v}", "containskey": "have the key {v}",
    "notcontainskey": "not have the key {v}", "less": "be less than {v}",
    "lessorequals": "be at most {v}", "greater": "be greater than {v}",
    "greaterorequals": "be at least {v}",
}


def show(value: Any, limit: int = 80) -> str:
    """A value as a message shows it: strings quoted, the rest as compact JSON."""
    if isinstance(value, Unknown):
        return str(value)
    if isinstance(value, str):
        text = f"'{value}'"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)
        except (TypeError, ValueError):
            text = str(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def phrase(op: str, operand: Any) -> str:
    """What a value must do to meet `op` against `operand`, after 'must'."""
    if op == "exists":
        want = operand if isinstance(operand, bool) else str(operand).lower() == "true"
        return "be set" if want else "not be set"
    return _PHRASES.get(op, op + " {v}").format(v=show(operand))


def wants(op: str, operand: Any) -> str:
    """What a policy wants, given the operator its `if` fires on: the opposite of `op`."""
    if op == "exists":
        want = operand if isinstance(operand, bool) else str(operand).lower() == "true"
        return "not be set" if want else "be set"
    return phrase(OPPOSITE.get(op, op), operand)


def _to(verb_phrase: str) -> str:
    """'be x' -> 'to be x', 'not be x' -> 'not to be x' (after 'wants it')."""
    return "not to " + verb_phrase[4:] if verb_phrase.startswith("not ") else "to " + verb_phrase


def found(ev) -> str:
    """'properties.minimumTlsVersion is 'TLS1_0'' for one piece of evidence."""
    where = ev.path or ev.field
    if ev.kind == "count":
        return f"the {ev.field} is {ev.value}"
    if ev.kind == "value":
        return f"the value {ev.field} is {show(ev.value)}"
    if ev.value is None:
        return f"{where} has no members" if "[*]" in ev.field and ev.origin is None \
            else f"{where} is not set"
    return f"{where} is {show(ev.value)}"


def detail(ev) -> str:
    """The evidence's finding: what is there and what the policy wants instead."""
    want = wants(ev.op, ev.operand) if ev.holds else phrase(ev.op, ev.operand)
    alias = f" (field {ev.field})" if "/" in ev.field and ev.kind == "field" else ""
    if ev.op == "count" or ev.op is None:
        return found(ev) + alias
    return f"{found(ev)}; the policy wants it {_to(want)}{alias}"


def condition_text(node, indent: int = 0) -> list[str]:
    """A compiled condition tree in plain words, one line per condition."""
    from .conditions import (AllOf, AnyOf, Broken, CountCond, FieldCond, FieldCount, Not,
                             ValueCond)
    from .fields import FieldSpec
    pad = "  " * indent
    if isinstance(node, AllOf):
        lines = [f"{pad}all of:"]
        for c in node.children:
            lines += condition_text(c, indent + 1)
        return lines
    if isinstance(node, AnyOf):
        lines = [f"{pad}any of:"]
        for c in node.children:
            lines += condition_text(c, indent + 1)
        return lines
    if isinstance(node, Not):
        return [f"{pad}not:"] + condition_text(node.child, indent + 1)
    if isinstance(node, Broken):
        return [f"{pad}(cannot be evaluated: {node.reason})"]
    if isinstance(node, FieldCond):
        name = node.field.text if isinstance(node.field, FieldSpec) else node.field.text()
        every = "every value of " if isinstance(node.field, FieldSpec) and node.field.is_array \
            else ""
        return [f"{pad}{every}{name} must {_spec_phrase(node.op, node.operand)}"]
    if isinstance(node, ValueCond):
        return [f"{pad}the value {node.value.text()} must {_spec_phrase(node.op, node.operand)}"]
    if isinstance(node, CountCond):
        counter = node.counter
        what = counter.field.text if isinstance(counter, FieldCount) else counter.value.text()
        lines = [f"{pad}the number of members of {what}"
                 + (" for which" if counter.where is not None else "")]
        if counter.where is not None:
            lines += condition_text(counter.where, indent + 2)
        lines.append(f"{pad}  must {_spec_phrase(node.op, node.operand)}")
        return lines
    return [f"{pad}{node!r}"]


def _spec_phrase(op: str, spec) -> str:
    from .conditions import Const
    if isinstance(spec, Const):
        return phrase(op, spec.value)
    if op == "exists":
        return f"exist: {spec.text()}"
    return _PHRASES.get(op, op + " {v}").format(v=spec.text())
