"""Messages insert values, never format them (issue 16), and every placeholder is bound (issue 15).

Values come from the templates being linted, so braces in them are text: they are never parsed,
formatted or measured. Templates come from rule authors and are checked when the rule loads.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armlint.engine.catalogue import Rule
from armlint.engine.messages import (MessageTemplateError, UnboundPlaceholder, placeholders,
                                     render)
from armlint.engine.run import format_message, run_rules
from armlint.model.build import build_template_model
from armlint.source.jsonc import load


@pytest.mark.parametrize("value", ["{name.__class__.__mro__}", "{x.y}", "{type:>300000000}",
                                   "{0}", "{}", "}{", "{{name}}", "{name!r}"])
def test_values_are_inserted_as_written(value):
    assert render("Resource '{name}' is old", {"name": value}) == f"Resource '{value}' is old"


def test_a_huge_format_spec_in_a_value_costs_nothing():
    out = format_message("VM '{name}' of {type}", {"name": "{type:>300000000}", "type": "t"}, {})
    assert out == "VM '{type:>300000000}' of t" and len(out) < 40


def test_escaped_braces_and_repeats():
    assert render("{{literal}} {a} and {a}", {"a": "x"}) == "{literal} x and x"
    assert placeholders("{a} {b} {a} {{c}}") == ["a", "b"]


@pytest.mark.parametrize("template", ["{name:>10}", "{name.__class__}", "{name[0]}", "{0}", "{}",
                                      "a { b", "a } b", "{name!r}"])
def test_a_template_that_formats_is_an_error(template):
    with pytest.raises(MessageTemplateError, match="is not a placeholder"):
        placeholders(template)
    with pytest.raises(MessageTemplateError):
        render(template, {"name": "x"})


def test_an_unbound_placeholder_raises_rather_than_showing_braces():
    with pytest.raises(UnboundPlaceholder) as info:
        render("Parameter '{param}'", {})
    assert str(info.value) == "the message uses {param}, which the rule does not bind"


SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _vm_model(name: str):
    doc = load(json.dumps({
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "resources": [{"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01",
                       "name": name, "location": "westeurope", "properties": {}}]}))
    return build_template_model(doc, doc.value)


def _python_rule(check, message="m {value}", bound=("value",), kind="resources") -> Rule:
    return Rule(id="AL9998", name="r", title="t", level="error", scope_kind=kind,
                message=message, docs={}, source=Path("x"), implementation="python", module="x",
                resource_types=("Microsoft.Compute/virtualMachines",), bound=bound, _check=check)


@pytest.mark.parametrize("name", ["{name.__class__.__mro__}", "{x.y}", "{type:>300000000}"])
def test_a_python_rule_message_shows_template_text_as_written(name):
    def check(ctx, report):
        report.at_path("resource", message="VM '{name}' has {value}", value=ctx.resource.name)

    (finding,) = run_rules(_vm_model(name), [_python_rule(check)])
    assert finding.rule != "AL0003"
    assert finding.message == f"VM '{name}' has {name}"


@pytest.mark.parametrize("name", ["{name.__class__.__mro__}", "{x.y}", "{type:>300000000}"])
def test_the_builtin_location_rule_reports_a_name_with_braces(lint, name):
    template = json.dumps({
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
                       "name": name, "location": "westeurope", "kind": "StorageV2",
                       "sku": {"name": "Standard_LRS"}}]})
    result = lint(template, select=["AL4004", "AL0003"])
    assert [f.rule_id for f in result.findings] == ["AL4004"]
    assert result.findings[0].message.startswith(f"Resource '{name}' is deployed to the fixed")


def test_a_python_rule_with_an_unbound_placeholder_is_a_rule_error_not_a_message():
    def check(ctx, report):
        report.at_path("resource", message="VM '{name}' has {what}")

    (finding,) = run_rules(_vm_model("vm"), [_python_rule(check)])
    assert finding.rule == "AL0003"
    assert "the message uses {what}, which the rule does not bind" in finding.message


def test_a_python_rule_binding_an_undeclared_value_is_a_rule_error():
    def check(ctx, report):
        report.at_path("resource", value="x", extra="y")

    (finding,) = run_rules(_vm_model("vm"), [_python_rule(check)])
    assert finding.rule == "AL0003"
    assert "binds extra, which the rule file does not list in `bind`" in finding.message


def test_standard_values_exist_only_where_the_item_has_them():
    def check(ctx, report):
        report.at_text(0, 0, message="this file has {name}")

    doc_rule = _python_rule(check, kind="document", bound=())
    (finding,) = run_rules(_vm_model("vm"), [doc_rule])
    assert finding.rule == "AL0003" and "{name}" in finding.message
