"""Malformed input gives a located finding or a clear usage error, never a traceback or a silent
value: huge numbers, deep nesting, broken configuration and rule files."""
from __future__ import annotations

import json

import pytest

from tests.hostile.harness import armlint

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def template(outputs: str) -> str:
    return (f'{{"$schema": "{SCHEMA}", "contentVersion": "1.0.0.0", "resources": [], '
            f'"outputs": {{{outputs}}}}}')


def test_a_bicep_integer_of_thousands_of_digits_is_a_located_parse_error(lint):
    result = lint(f"param p int = {'9' * 5000}\noutput o int = p\n", name="t.bicep")
    assert [(f.rule_id, f.location.span.start_line, f.location.span.start_col, f.message)
            for f in result.findings] == \
        [("AL0001", 1, 15, "expected a valid 64-bit signed integer, but the literal has 5,000 "
                           "digits")]


def test_a_bicep_integer_just_past_64_bits_is_an_error_and_the_largest_is_not(lint):
    assert [f.rule_id for f in lint("output o int = 9223372036854775809\n", name="t.bicep",
                                    select=["AL0001"]).findings] == ["AL0001"]
    assert lint("output o int = 9223372036854775807\n", name="t.bicep",
                select=["AL0001"]).findings == []


@pytest.mark.parametrize("number", ["1e400", "-1e400", "9" * 5000])
def test_a_json_number_out_of_range_is_a_located_parse_error_not_infinity(lint, number):
    text = template(f'"f": {{"type": "int", "value": {number}}}')
    result = lint(text)
    assert [(f.rule_id, f.location.span.start_col) for f in result.findings] == \
        [("AL0001", text.index(number) + 1)]
    assert "out of range" in result.findings[0].message


def test_an_expression_number_of_thousands_of_digits_is_an_invalid_expression(lint):
    text = template(f'"o": {{"type": "int", "value": "[add(1, {"9" * 5000})]"}}')
    result = lint(text, select=["AL3001"])
    assert [f.rule_id for f in result.findings] == ["AL3001"]
    assert "5,000 digits" in result.findings[0].message


def test_a_deeply_nested_param_value_is_a_usage_error(tmp_path):
    (tmp_path / "t.json").write_text(template(""))
    for value in ("[" * 100_000, "[" * 5000 + "]" * 5000):
        run = armlint("check", "t.json", "--param", f"a={value}", cwd=tmp_path)
        assert run.returncode == 2 and "--param a: the value nests too deeply" in run.stderr
