"""Bicep parser: syntax errors give one diagnostic at the exact position, and parsing goes on."""
from __future__ import annotations

import pytest

from armlint.bicep import syntax as S
from armlint.bicep.parser import parse

from .helpers import check_spans, pos


def names(tree: S.BicepFile) -> list[str]:
    return [f"{type(s).__name__}:{s.name.name}" if hasattr(s, "name") else type(s).__name__
            for s in tree.statements]


def one_error(text: str) -> tuple[S.Diagnostic, tuple[int, int]]:
    tree = parse(text)
    assert len(tree.diagnostics) == 1, [d.message for d in tree.diagnostics]
    assert check_spans(tree, text) == []
    diag = tree.diagnostics[0]
    return diag, pos(text, diag.start)


MAIN = ("param location string = resourceGroup().location\n"
        "\n"
        "resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {\n"
        "  name: 'vm'\n"
        "  location: location\n"
        "  properties: {\n"
        "    osProfile: {\n"
        "      provisionVMAgent: false\n"
        "    }\n"
        "  }\n"
        "}\n"
        "\n"
        "output id string = vm.id\n")


def test_clean_file_has_no_diagnostics():
    assert parse(MAIN).diagnostics == []


def test_missing_value_in_resource_body_keeps_the_rest():
    text = MAIN.replace("  location: location\n", "  location:\n")
    diag, where = one_error(text)
    assert where == (5, 12)
    assert diag.message == "expected an expression but found the end of the line"
    tree = parse(text)
    assert names(tree) == ["Param:location", "Resource:vm", "Output:id"]
    vm = tree.statements[1].object
    assert [p.name for p in vm.properties] == ["name", "properties"]
    agent = vm.get("properties").value.get("osProfile").value.get("provisionVMAgent")
    assert agent.value.value is False


def test_garbage_line_between_declarations():
    text = "param a string\nthis is not bicep\nvar b = 1\n"
    diag, where = one_error(text)
    assert where == (2, 1)
    assert diag.message.startswith("expected a declaration")
    assert diag.message.endswith("but found 'this'")
    assert names(parse(text)) == ["Param:a", "Var:b"]


def test_missing_value_of_a_variable_keeps_the_declaration():
    text = "var a = \nvar b = 2\n"
    diag, where = one_error(text)
    assert where == (1, 9)
    tree = parse(text)
    assert names(tree) == ["Var:a", "Var:b"]
    assert isinstance(tree.statements[0].value, S.ErrorExpr)


def test_unclosed_object_before_next_declaration():
    text = ("resource r 'A.B/c@2020-01-01' = {\n"
            "  name: 'x'\n"
            "  properties: {\n"
            "    a: 1\n"
            "}\n"
            "output o string = r.name\n")
    diag, where = one_error(text)
    assert where == (6, 1)
    assert diag.message == "expected '}' to close the object opened at line 1"
    assert names(parse(text)) == ["Resource:r", "Output:o"]


def test_unclosed_object_at_end_of_file():
    diag, where = one_error("var a = {\n  b: 1\n")
    assert where == (3, 1)
    assert diag.message == ("expected '}' to close the object opened at line 1 "
                            "but found the end of the file")


def test_bad_argument_list():
    text = "var a = concat(x, , y)\nvar b = 2\n"
    diag, where = one_error(text)
    assert where == (1, 19)
    assert diag.message == "expected an expression but found ','"
    assert names(parse(text)) == ["Var:a", "Var:b"]


def test_unclosed_parenthesis_before_next_declaration():
    text = "var a = foo(1, 2\nvar b = 1\n"
    diag, where = one_error(text)
    assert where == (2, 1)
    assert diag.message == "expected ')' to close the '(' opened at line 1 but found 'var'"
    assert names(parse(text)) == ["Var:a", "Var:b"]


def test_error_inside_multiline_call_in_object():
    text = "var a = {\n  x: concat(p,\n    q r)\n  y: 1\n}\nvar b = 2\n"
    diag, where = one_error(text)
    assert where == (3, 7)
    tree = parse(text)
    assert names(tree) == ["Var:a", "Var:b"]
    assert [p.name for p in tree.statements[0].value.properties] == ["y"]


def test_trailing_tokens_after_declaration():
    text = "var a = 1 2\nvar b = 2\n"
    diag, where = one_error(text)
    assert where == (1, 11)
    assert diag.message == "expected a newline after the declaration but found the number 2"
    assert names(parse(text)) == ["Var:a", "Var:b"]


def test_missing_colon_in_object_property():
    text = "var a = {\n  b 1\n  c: 2\n}\nvar d = 3\n"
    diag, where = one_error(text)
    assert where == (2, 5)
    assert diag.message == "expected ':' after the property name 'b' but found the number 1"
    tree = parse(text)
    assert [p.name for p in tree.statements[0].value.properties] == ["c"]
    assert names(tree) == ["Var:a", "Var:d"]


def test_two_items_on_one_line_without_separator():
    diag, where = one_error("var a = [\n  1 2\n  3\n]\n")
    assert where == (2, 5)
    assert "expected a newline, ',' or ']'" in diag.message


def test_missing_parameter_type():
    text = "param a\nparam b string\n"
    diag, where = one_error(text)
    assert where == (1, 8)
    assert diag.message == "expected the parameter's type but found the end of the line"
    assert names(parse(text)) == ["Param:b"]


def test_missing_resource_type_string():
    text = "resource r = {\n  name: 'r'\n}\nvar b = 1\n"
    diag, where = one_error(text)
    assert where == (1, 12)
    assert diag.message.startswith("expected the resource type string")
    assert names(parse(text)) == ["Var:b"]


def test_decorator_without_declaration_at_end():
    diag, where = one_error("var a = 1\n@description('x')\n")
    assert where == (3, 1)
    assert diag.message == ("expected a declaration after the decorators "
                            "but found the end of the file")


def test_lexical_errors_are_reported_once_and_parsing_continues():
    text = "var a = \"text\"\nvar b = 'unterminated\nvar c = 3\n"
    tree = parse(text)
    assert [pos(text, d.start) for d in tree.diagnostics] == [(1, 9), (2, 9)]
    assert names(tree) == ["Var:a", "Var:b", "Var:c"]


def test_invalid_escape_is_reported_at_the_escape():
    text = "var a = 'x\\qy'\n"
    diag, where = one_error(text)
    assert where == (1, 11)
    assert "unknown escape sequence '\\q'" in diag.message


def test_unexpected_comma():
    diag, where = one_error("var a = [1,,2]\n")
    assert where == (1, 12)
    assert diag.message == "unexpected ','"


@pytest.mark.parametrize("broken", [
    "var = 1",
    "param 1 string",
    "resource r 'A/b@1' = 5",
    "module m = {}",
    "output o string",
    "import {a from 'x'",
    "type t = ",
    "func f(a) string => a",
    "var x = [for in xs: x]",
    "var x = a ? b",
    "var x = 'a${b'",
])
def test_many_broken_lines_never_crash_and_later_code_parses(broken):
    text = f"param first string\n{broken}\nvar last = 1\n"
    tree = parse(text)
    assert tree.diagnostics, broken
    assert tree.statements[0].name.name == "first"
    assert tree.statements[-1].name.name == "last", names(tree)
    assert check_spans(tree, text) == []
    for diag in tree.diagnostics:
        assert 0 <= diag.start <= diag.end <= len(text)
