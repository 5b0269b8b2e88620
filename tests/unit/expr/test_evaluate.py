"""Static evaluation: parameters, variables, functions, and UNKNOWN propagation."""
import pytest

from armlint.expr.evaluate import EvalContext, TemplateScope, evaluate_string, resolve
from armlint.expr.values import Origin, PartialString, ResourceIdValue, Unknown
from armlint.source.jsonc import load


def scope_of(text: str, values=None) -> EvalContext:
    doc = load(text)
    return EvalContext(TemplateScope(doc.value, Origin(doc, ()), values))


TEMPLATE = """{
  "parameters": {
    "name": {"type": "string"},
    "agent": {"type": "bool", "defaultValue": false},
    "env": {"type": "string", "defaultValue": "[toUpper('dev')]"}
  },
  "variables": {
    "prefix": "[concat('vm-', parameters('env'))]",
    "profile": {"windowsConfiguration": {"provisionVMAgent": "[parameters('agent')]"}},
    "copy": [{"name": "disks", "count": 2, "input": {"lun": "[copyIndex('disks')]"}}]
  },
  "functions": [{"namespace": "ns", "members": {"full": {
    "parameters": [{"name": "n", "type": "string"}],
    "output": {"type": "string", "value": "[concat(parameters('n'), '-x')]"}}}}]
}"""


@pytest.fixture
def ctx():
    return scope_of(TEMPLATE)


def ev(ctx, text):
    return evaluate_string(text, ctx)


def test_parameters_defaults_variables_and_user_functions(ctx):
    assert ev(ctx, "[parameters('agent')]") is False
    assert ev(ctx, "[variables('prefix')]") == "vm-DEV"
    assert ev(ctx, "[variables('profile').windowsConfiguration.provisionVMAgent]") is False
    assert ev(ctx, "[variables('disks')[1].lun]") == 1
    assert ev(ctx, "[ns.full('a')]") == "a-x"


def test_a_variable_may_read_the_parameter_of_its_own_name():
    # found by the policy corpus run: variables('x') = parameters('x') was "refers to itself"
    ctx = scope_of('{"parameters": {"size": {"type": "string", "defaultValue": "Standard_D2"}},'
                   ' "variables": {"size": "[parameters(\'size\')]",'
                   ' "loop": "[variables(\'loop\')]"}}')
    assert evaluate_string("[variables('size')]", ctx) == "Standard_D2"
    assert isinstance(evaluate_string("[variables('loop')]", ctx), Unknown)


def test_given_values_win_over_defaults():
    ctx = scope_of(TEMPLATE, {"agent": True})
    assert ev(ctx, "[parameters('AGENT')]") is True


def test_a_null_value_deploys_the_default():
    """Resource Manager deploys a parameter's defaultValue when it is given null: a Bicep caller
    passes `settings.?retentionDays` (null when unset) to a module's `param retentionDays int =
    90`. Found by the policy hand check: the SQL auditing retention read as unset."""
    ctx = scope_of(TEMPLATE, {"agent": None, "name": None})
    assert ev(ctx, "[parameters('agent')]") is False  # the default, not null
    assert ev(ctx, "[parameters('env')]") == "DEV"
    assert ev(ctx, "[parameters('name')]") is None  # no default: null stays null


def test_parameter_without_value_is_unknown_and_propagates(ctx):
    value = ev(ctx, "[parameters('name')]")
    assert isinstance(value, Unknown) and value.text == "parameters('name')"
    assert isinstance(ev(ctx, "[toUpper(parameters('name'))]"), Unknown)
    assert isinstance(ev(ctx, "[equals(parameters('name'), 'x')]"), Unknown)
    assert isinstance(ev(ctx, "[resourceGroup().location]"), Unknown)
    assert isinstance(ev(ctx, "[reference('x').properties]"), Unknown)
    assert isinstance(ev(ctx, "[listKeys('x', '2020-01-01').keys[0].value]"), Unknown)


def test_partial_strings_split_at_slash(ctx):
    value = ev(ctx, "[format('{0}/{1}', parameters('name'), 'ext')]")
    assert isinstance(value, PartialString)
    assert [tuple(p if isinstance(p, str) else p.text for p in seg) for seg in value.split("/")] \
        == [("parameters('name')",), ("ext",)]


def test_logic_is_lazy_and_three_valued(ctx):
    assert ev(ctx, "[if(true(), 'a', parameters('name'))]") == "a"
    assert ev(ctx, "[if(false(), div(1, 0), 'b')]") == "b"
    assert ev(ctx, "[and(false(), parameters('name'))]") is False
    assert ev(ctx, "[or(true(), parameters('name'))]") is True
    assert isinstance(ev(ctx, "[and(true(), parameters('name'))]"), Unknown)
    assert isinstance(ev(ctx, "[if(parameters('name'), 'a', 'b')]"), Unknown)


def test_literal_escape_and_plain_strings(ctx):
    assert ev(ctx, "[[not an expression]") == "[not an expression]"
    assert ev(ctx, "plain") == "plain"


def test_resource_ids_are_structured(ctx):
    value = ev(ctx, "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'sn')]")
    assert isinstance(value, ResourceIdValue)
    assert value.rtype == "Microsoft.Network/virtualNetworks/subnets"
    assert value.names == ("vnet", "sn")
    assert value.endswith("/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sn")


def test_unique_string_is_exact(ctx):
    assert ev(ctx, "[uniqueString('test')]") == "rbgf3xv4ufgzg"
    assert ev(ctx, "[uniqueString('hello', 'world')]") == "a7wkljktk6wne"
    assert isinstance(ev(ctx, "[uniqueString(resourceGroup().id)]"), Unknown)


def test_resolve_keeps_origins_and_evaluates_deeply(ctx):
    doc = load('{"p": {"a": "[variables(\'profile\')]", "b": ["[add(1, 2)]"]}}')
    value = resolve(doc.value["p"], Origin(doc, ("p",)), ctx)
    assert value["b"][0] == 3
    assert value["a"].origin.pointer == ("variables", "profile")
    assert value["b"].origin.pointer == ("p", "b")


def test_resolve_hands_out_what_holds_no_expression_with_its_place(ctx):
    doc = load('{"r": {"sku": {"name": "S1", "tiers": [{"t": 1}]}, "tags": {"env": "[add(1, 2)]"},'
               ' "lit": {"x": "[[not]"}, "keys": {"[concat(\'a\', \'b\')]": 1}}}')
    raw = doc.value["r"]
    value = resolve(raw, Origin(doc, ("r",)), ctx)
    assert value is not raw and value["tags"] is not raw["tags"] and value["tags"]["env"] == 3
    # nothing to evaluate: the parsed object itself, every object and array in it placed
    assert value["sku"] is raw["sku"] and value["sku"]["tiers"] is raw["sku"]["tiers"]
    assert value["sku"].origin.pointer == ("r", "sku")
    assert value["sku"]["tiers"].origin.pointer == ("r", "sku", "tiers")
    assert value["sku"]["tiers"][0].origin.pointer == ("r", "sku", "tiers", 0)
    # a `[[` literal and an expression key are evaluated: new objects
    assert value["lit"] == {"x": "[not]"} and value["lit"] is not raw["lit"]
    assert value["keys"] == {"ab": 1} and value["keys"].origin.pointer == ("r", "keys")
    # resolved again at the same place: the same objects; at another place: a copy placed there
    assert resolve(raw, Origin(doc, ("r",)), ctx)["sku"] is raw["sku"]
    moved = resolve(raw["sku"], Origin(doc, ("elsewhere",)), ctx)
    assert moved == raw["sku"] and moved is not raw["sku"]
    assert moved.origin.pointer == ("elsewhere",) and raw["sku"].origin.pointer == ("r", "sku")


def test_a_documents_object_read_through_an_expression_without_a_place_is_placed_by_copy():
    # a user function's output is resolved without a place; where a template uses it, the value
    # says it is at the expression (as a fresh copy would), and the function's JSON is not told so
    ctx = scope_of('{"functions": [{"namespace": "ns", "members": {"cfg": {"parameters": [],'
                   ' "output": {"type": "object", "value": {"a": [1]}}}}}]}')
    doc = load('{"x": "[ns.cfg()]"}')
    value = resolve(doc.value["x"], Origin(doc, ("x",)), ctx)
    assert value == {"a": [1]} and value.origin.pointer == ("x",)
    assert getattr(ctx.scope.raw["functions"][0]["members"]["cfg"]["output"]["value"], "origin",
                   None) is None


def test_errors_in_expressions_become_unknown(ctx):
    assert isinstance(ev(ctx, "[div(1, 0)]"), Unknown)
    assert isinstance(ev(ctx, "[variables('missing')]"), Unknown)
    assert isinstance(ev(ctx, "[concat('a', ]"), Unknown)
    assert isinstance(ev(ctx, "[noSuchFunction()]"), Unknown)


def test_self_referencing_variables_do_not_loop():
    ctx = scope_of('{"variables": {"a": "[variables(\'b\')]", "b": "[variables(\'a\')]"}}')
    assert isinstance(ev(ctx, "[variables('a')]"), Unknown)
