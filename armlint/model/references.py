"""What a template's expressions refer to: parameters, variables, functions.

Owns: one walk over every expression string of a template (its own expressions and those of
nested templates evaluated in its scope, not those of inner-scoped nested templates, whose
`parameters()` are their own), counting `parameters('x')` and `variables('x')` by name, noting
references whose name is computed (`variables(concat('a', ...))`), and the functions called.
Built once per template, on first use.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..expr import parser
from ..expr.ast import Call, Literal, walk


@dataclass
class References:
    parameters: Counter = field(default_factory=Counter)  # lower-case name -> uses
    variables: Counter = field(default_factory=Counter)
    functions: Counter = field(default_factory=Counter)  # lower-case function -> calls
    dynamic: list = field(default_factory=list)  # (section, pointer, text) of computed names
    expressions: list = field(default_factory=list)  # (pointer, text, tree) of every expression


def template_references(template: Any) -> References:
    found = getattr(template, "_references", None)
    if found is None:
        found = References()
        skip = {id(t.raw) for t in _inner_templates(template)}
        _walk(template.raw, (), skip, found)
        template._references = found
    return found


def _inner_templates(template: Any) -> list:
    """Nested templates inside this one that evaluate in their own (inner) scope."""
    out = []
    for res in template.resources:
        nested = res.nested_template
        if nested is not None and nested.scope is not template.scope:
            out.append(nested)
    return out


def _walk(value: Any, pointer: tuple, skip: set, out: References) -> None:
    stack = [(value, pointer)]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            if id(node) in skip and ptr:
                continue
            for key, child in node.items():
                if key[:1] == "[":
                    _expression(key, ptr + (key,), out)
                stack.append((child, ptr + (key,)))
        elif isinstance(node, list):
            stack.extend((child, ptr + (i,)) for i, child in enumerate(node))
        elif isinstance(node, str) and node[:1] == "[":
            _expression(node, ptr, out)


def _expression(text: str, pointer: tuple, out: References) -> None:
    if not parser.is_expression(text):
        return
    try:
        tree = parser.parse(text)
    except parser.ExpressionSyntaxError:
        return
    out.expressions.append((pointer, text, tree))
    for node in walk(tree):
        if not isinstance(node, Call) or node.namespace:
            continue
        name = node.name.lower()
        out.functions[name] += 1
        if name in ("parameters", "variables") and node.args:
            arg = node.args[0]
            table = out.parameters if name == "parameters" else out.variables
            if isinstance(arg, Literal) and isinstance(arg.value, str):
                table[arg.value.lower()] += 1
            else:
                out.dynamic.append((name, pointer, text))
