"""Shared helpers for the Bicep parser tests."""
from __future__ import annotations

import dataclasses

from armlint.bicep import syntax as S
from armlint.bicep.parser import parse
from armlint.source.text import LineIndex


def parse_ok(text: str) -> S.BicepFile:
    """Parse text and fail the test when there is any diagnostic."""
    tree = parse(text)
    assert tree.diagnostics == [], [(d.message, pos(text, d.start)) for d in tree.diagnostics]
    return tree


def only(text: str) -> S.Statement:
    """The single statement of a clean parse."""
    tree = parse_ok(text)
    assert len(tree.statements) == 1, tree.statements
    return tree.statements[0]


def value_of(expression_text: str) -> S.Expr:
    """Parse `var x = <expression_text>` and return the expression."""
    stmt = only(f"var x = {expression_text}\n")
    assert isinstance(stmt, S.Var)
    return stmt.value


def type_of(type_text: str) -> S.TypeExpr:
    """Parse `type t = <type_text>` and return the type expression."""
    stmt = only(f"type t = {type_text}\n")
    assert isinstance(stmt, S.TypeDecl)
    return stmt.value


def src(text: str, node) -> str:
    """The source text a node spans."""
    return text[node.start:node.end]


def pos(text: str, offset: int) -> tuple[int, int]:
    return LineIndex(text).position(offset)


def span(text: str, node) -> str:
    """'line:col-line:col' of a node, 1-based, end exclusive."""
    return str(LineIndex(text).span(node.start, node.end))


def children(node):
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if isinstance(value, S.Node):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, S.Node):
                    yield item


def check_spans(node, text: str) -> list[str]:
    """Span invariants: inside the text, children inside parents, names match their text."""
    problems = []
    if not 0 <= node.start <= node.end <= len(text):
        return [f"{type(node).__name__} has a bad span {node.start}-{node.end}"]
    for child in children(node):
        if not (node.start <= child.start and child.end <= node.end):
            problems.append(f"{type(child).__name__} {child.start}-{child.end} lies outside "
                            f"{type(node).__name__} {node.start}-{node.end}")
        problems.extend(check_spans(child, text))
    if isinstance(node, (S.Identifier, S.Variable)) and text[node.start:node.end] != node.name:
        problems.append(f"{type(node).__name__} {node.name!r} spans {src(text, node)!r}")
    return problems
