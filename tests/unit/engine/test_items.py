"""engine/items.py: which items a Python rule is handed: expressions filtered by the functions
they name, the inner-scoped nested templates, and resource filters found once per file."""
import json
from pathlib import Path

from armlint.engine.catalogue import Rule
from armlint.engine.run import run_rules
from armlint.model.build import build_template_model
from armlint.source.jsonc import load

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

TEMPLATE = {
    "$schema": SCHEMA,
    "parameters": {"p": {"type": "string", "defaultValue": "x"}},
    "variables": {"a": "[concat('a', 'b')]", "b": "[CONCAT(parameters('p'))]",
                  "c": "[parameters('p')]", "d": "[format('{0}', 'x')]",
                  "e": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 's'), '2023-01-01')]"},
    "resources": [
        {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "s1"},
        {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "s0",
         "existing": True},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
         "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                        "template": {"$schema": SCHEMA, "variables": {"n": "[toLower('N')]"},
                                     "resources": []}}},
    ],
}


def model_of(template=None):
    doc = load(json.dumps(template or TEMPLATE))
    return build_template_model(doc, doc.value)


def seen_by(model, **scope):
    """What a Python rule of `scope` is handed, one entry per item."""
    seen = []

    def check(ctx, report):
        if hasattr(ctx, "node"):
            seen.append(ctx.source(ctx.node))
        else:
            seen.append(ctx.expression.text if hasattr(ctx, "expression") else ctx.resource.name)
    kind = scope.pop("scope_kind", "expressions")
    rule = Rule(id="XX9002", name="sees", title="t", level="warning", scope_kind=kind,
                message="m", docs={}, source=Path("x"), implementation="python", module="x",
                _check=check, **scope)
    assert run_rules(model, [rule]) == []
    return seen


def test_an_expression_rule_with_functions_is_handed_the_expressions_naming_one():
    model = model_of()
    assert sorted(seen_by(model, functions=("concat",))) == [
        "[CONCAT(parameters('p'))]", "[concat('a', 'b')]"]
    assert sorted(seen_by(model, functions=("concat", "format"))) == [
        "[CONCAT(parameters('p'))]", "[concat('a', 'b')]", "[format('{0}', 'x')]"]
    assert seen_by(model, functions=("list*",)) == [TEMPLATE["variables"]["e"]]
    # the inner template calls none of them: not visited; without functions, every expression
    assert seen_by(model, functions=("tolower",)) == ["[toLower('N')]"]
    assert len(seen_by(model)) == 6


def test_templates_inner_hands_only_the_inner_scoped_nested_templates():
    model = model_of()
    assert seen_by(model, templates="inner") == ["[toLower('N')]"]
    assert "[toLower('N')]" in seen_by(model, templates="declaring")
    flat = dict(TEMPLATE, resources=TEMPLATE["resources"][:2])
    assert seen_by(model_of(flat), templates="inner") == []


def test_rules_with_the_same_resource_filter_share_it_and_other_filters_get_their_own():
    model = model_of()
    storage = ("Microsoft.Storage/storageAccounts",)
    first = seen_by(model, scope_kind="resources", resource_types=storage)
    assert first == ["s1"]
    assert seen_by(model, scope_kind="resources", resource_types=storage,
                   include_existing=True) == ["s1", "s0"]
    assert seen_by(model, scope_kind="resources") == ["s1", "inner"]
    # two rules of one run with one filter: both are handed the same resources
    seen = []

    def check(ctx, report):
        seen.append(ctx.resource.name)
    rules = [Rule(id=f"XX900{i}", name=f"r{i}", title="t", level="warning",
                  scope_kind="resources", message="m", docs={}, source=Path("x"),
                  implementation="python", module="x", resource_types=storage, _check=check)
             for i in (3, 4)]
    run_rules(model, rules)
    assert seen == ["s1", "s1"]


def test_a_rule_of_call_nodes_with_functions_is_handed_the_calls_of_those_functions_in_bicep():
    from armlint.bicep.lower import ModuleLoader
    text = ("resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = { name: 's' }\n"
            "var a = reference(st.id, '2023-01-01')\nvar b = st.listKeys('2023-01-01')\n"
            "var c = toLower(listSecrets(st.id, '2023-01-01').x)\nvar d = Reference(st.id)\n")
    doc, value = ModuleLoader().lowered(None, text)
    model = build_template_model(doc, value, language="bicep")
    calls = sorted(seen_by(model, nodes=("Call",), functions=("reference", "list*")))
    assert calls == ["Reference(st.id)", "listSecrets(st.id, '2023-01-01')",
                     "reference(st.id, '2023-01-01')", "st.listKeys('2023-01-01')"]
    assert len(seen_by(model, nodes=("Call",))) == 5  # toLower too, without functions


def test_bicep_calls_of_several_functions_come_in_source_order_and_once_each():
    """The file's calls are grouped by name once (FileItems.calls); a rule naming several
    functions, or a prefix matching several names, is still handed them in source order, and a
    call two of its functions name only once."""
    from armlint.bicep.lower import ModuleLoader
    text = ("resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = { name: 's' }\n"
            "var a = listSecrets(st.id, '2023-01-01')\nvar b = reference(st.id)\n"
            "var c = st.listKeys('2023-01-01')\nvar d = ListSecrets(st.id, '2023-01-01')\n"
            "var e = concat(reference(st.id, '2023-01-01').x, 'y')\n")
    doc, value = ModuleLoader().lowered(None, text)
    model = build_template_model(doc, value, language="bicep")
    in_order = ["listSecrets(st.id, '2023-01-01')", "reference(st.id)",
                "st.listKeys('2023-01-01')", "ListSecrets(st.id, '2023-01-01')",
                "reference(st.id, '2023-01-01')"]
    assert seen_by(model, nodes=("Call",), functions=("listkeys", "list*", "reference")) == \
        in_order
    assert seen_by(model, nodes=("Call",), functions=("list*",)) == \
        [c for c in in_order if "ist" in c]
    assert seen_by(model, nodes=("Call",), functions=("concat", "nothing")) == \
        ["concat(reference(st.id, '2023-01-01').x, 'y')"]
