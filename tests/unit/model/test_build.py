"""The template model: flattened resources with full types and names, linked parents, children,
attached resources and nested deployments."""
import json

from armlint.model.build import build_template_model, parse_resource_id
from armlint.source.jsonc import load

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def model_of(text: str, values=None):
    doc = load(text)
    assert doc.ok, doc.error
    return build_template_model(doc, doc.value, values)


def by_type(model, rtype):
    return [r for r in model.resources if r.type == rtype]


def test_short_and_full_nested_children_get_full_types_and_names():
    m = model_of("""{"$schema": "%s", "resources": [
      {"type": "Microsoft.Compute/virtualMachines", "name": "vm1", "resources": [
        {"type": "extensions", "name": "a"},
        {"type": "Microsoft.Compute/virtualMachines/extensions", "name": "vm1/b"}]}]}""" % SCHEMA)
    exts = by_type(m, "Microsoft.Compute/virtualMachines/extensions")
    assert [e.name for e in exts] == ["vm1/a", "vm1/b"]
    vm = by_type(m, "Microsoft.Compute/virtualMachines")[0]
    assert vm.children == exts and all(e.parent is vm for e in exts)


def test_top_level_children_link_by_evaluated_or_symbolic_name():
    m = model_of("""{"$schema": "%s",
      "parameters": {"vmName": {"type": "string"}, "other": {"type": "string", "defaultValue": "vm9"}},
      "resources": [
      {"type": "Microsoft.Compute/virtualMachines", "name": "[parameters('vmName')]"},
      {"type": "Microsoft.Compute/virtualMachines", "name": "[parameters('other')]"},
      {"type": "Microsoft.Compute/virtualMachines/extensions", "name": "[concat(parameters('VMNAME'), '/x')]"},
      {"type": "Microsoft.Compute/virtualMachines/extensions", "name": "[format('{0}/{1}', parameters('vmName'), 'y')]"},
      {"type": "Microsoft.Compute/virtualMachines/extensions", "name": "vm9/z"},
      {"type": "Microsoft.Compute/virtualMachines/extensions", "name": "vm99/z"}]}""" % SCHEMA)
    vm, vm9 = by_type(m, "Microsoft.Compute/virtualMachines")
    assert [c.display_name for c in vm.children] == ["[concat(parameters('VMNAME'), '/x')]",
                                                      "[format('{0}/{1}', parameters('vmName'), 'y')]"]
    assert [c.name for c in vm9.children] == ["vm9/z"]
    assert by_type(m, "Microsoft.Compute/virtualMachines/extensions")[-1].parent is None


def test_language_version_2_symbolic_resources_parent_and_existing():
    m = model_of("""{"$schema": "%s", "languageVersion": "2.0", "resources": {
      "vm": {"type": "Microsoft.Compute/virtualMachines", "name": "vm1", "existing": true},
      "ext": {"type": "Microsoft.Compute/virtualMachines/extensions", "parent": "vm", "name": "e"}}}""" % SCHEMA)
    vm = by_type(m, "Microsoft.Compute/virtualMachines")[0]
    ext = by_type(m, "Microsoft.Compute/virtualMachines/extensions")[0]
    assert vm.existing and not vm.deployed and vm.symbolic_name == "vm"
    assert ext.parent is vm and ext.name == "vm1/e"


def test_nested_deployments_inner_and_outer_scope():
    m = model_of("""{"$schema": "%s",
      "parameters": {"name": {"type": "string", "defaultValue": "outer"}},
      "resources": [
      {"type": "Microsoft.Resources/deployments", "name": "inner", "properties": {
        "expressionEvaluationOptions": {"scope": "inner"},
        "parameters": {"name": {"value": "[concat(parameters('name'), '-in')]"}},
        "template": {"parameters": {"name": {"type": "string"}},
                     "resources": [{"type": "Microsoft.Storage/storageAccounts", "name": "[parameters('name')]"}]}}},
      {"type": "Microsoft.Resources/deployments", "name": "outer", "properties": {
        "template": {"parameters": {"name": {"type": "string", "defaultValue": "ignored"}},
                     "resources": [{"type": "Microsoft.Storage/storageAccounts", "name": "[parameters('name')]"}]}}}
      ]}""" % SCHEMA)
    names = [r.name for r in by_type(m, "Microsoft.Storage/storageAccounts")]
    assert names == ["outer-in", "outer"]
    assert len(m.templates) == 3
    assert m.templates[1].deployment.name == "inner"


def test_conditions_and_deployment_scope():
    m = model_of("""{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
      "parameters": {"on": {"type": "bool", "defaultValue": false}, "x": {"type": "bool"}},
      "resources": [
      {"type": "Microsoft.Resources/resourceGroups", "name": "a", "condition": "[parameters('on')]"},
      {"type": "Microsoft.Resources/resourceGroups", "name": "b", "condition": "[parameters('x')]"},
      {"type": "Microsoft.Resources/resourceGroups", "name": "c"}]}""")
    assert m.root.deployment_scope == "subscription"
    a, b, c = m.resources
    assert a.condition is False and not a.deployed
    assert not isinstance(b.condition, bool) and b.deployed
    assert c.condition is True


def test_attached_resources_by_scope_and_source_id():
    m = model_of("""{"$schema": "%s", "resources": [
      {"type": "Microsoft.Compute/virtualMachines", "name": "vm1"},
      {"type": "Microsoft.Insights/dataCollectionRuleAssociations", "name": "a",
       "scope": "[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]"},
      {"type": "Microsoft.GuestConfiguration/guestConfigurationAssignments", "name": "g",
       "scope": "[format('Microsoft.Compute/virtualMachines/{0}', 'vm1')]"},
      {"type": "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
       "name": "v/Azure/c/i", "properties": {"sourceResourceId":
       "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/VM1"}}]}""" % SCHEMA)
    vm = m.resources[0]
    assert [a.name for a in vm.attached] == ["a", "g", "v/Azure/c/i"]


def test_parse_resource_id_forms():
    assert parse_resource_id("/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/"
                             "virtualNetworks/v/subnets/s1") == \
        ("microsoft.network/virtualnetworks/subnets", ("v", "s1"))
    assert parse_resource_id("Microsoft.Compute/virtualMachines/vm1") == \
        ("microsoft.compute/virtualmachines", ("vm1",))
    assert parse_resource_id("not/an/id") is None
    assert parse_resource_id(None) is None


def test_parameter_context_keeps_the_declared_default_beside_the_deployed_value():
    from armlint.engine.contexts import Contexts
    m = model_of("""{"$schema": "%s", "parameters": {
      "size": {"type": "string", "defaultValue": "[toLower('Small')]"}}, "resources": []}""" % SCHEMA,
                 {"size": "large"})
    t = m.templates[0]
    ctx = Contexts(m).declaration(t, t.parameters[0])
    assert (ctx["default"], ctx["has_default"]) == ("small", True)
    assert t.scope.parameter("size") == "large"


def test_a_parent_or_child_name_that_is_not_a_string_joins_as_an_unknown_part():
    # found by the fuzz campaign: a parent named [null()] and a child named by a number crashed the
    # model build (AttributeError in PartialString) instead of linking nothing
    m = model_of("""{"$schema": "%s", "languageVersion": "2.0",
      "parameters": {"name": {"type": "string", "defaultValue": "[null()]"}},
      "resources": {
      "vm": {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "[parameters('name')]"},
      "ext": {"type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2024-07-01",
              "parent": "vm", "name": "[-1187117415]"}}}""" % SCHEMA)
    vm = by_type(m, "Microsoft.Compute/virtualMachines")[0]
    ext = by_type(m, "Microsoft.Compute/virtualMachines/extensions")[0]
    assert ext.parent is vm
    assert ext.name.text == "{null}/{-1187117415}"


def test_a_loop_is_judged_per_copy_only_when_its_body_beyond_name_copy_and_children_uses_copyindex():
    def copies(body: dict) -> int:
        res = {"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-04-01",
               "name": "[concat('ip', copyIndex())]", "copy": {"name": "ips", "count": 3},
               **body}
        model = model_of(json.dumps({"$schema": SCHEMA, "resources": [res]}))
        return len(by_type(model, "Microsoft.Network/publicIPAddresses")[0].copies)
    assert copies({}) == 1  # the name and the copy loop do not count
    assert copies({"resources": [{"type": "x", "name": "[copyIndex()]"}]}) == 1
    assert copies({"properties": {"tags": [{"k": "[CopyIndex('ips')]"}]}}) == 3
    assert copies({"properties": {"[copyIndex()]": "a key"}}) == 1  # keys are not read


def test_a_forgotten_view_of_a_resource_and_of_its_copies_is_made_again_equal():
    from armlint.model.views import resource_view
    m = model_of("""{"$schema": "%s", "parameters": {"p": {"type": "string", "defaultValue": "x"}},
      "resources": [{"type": "Microsoft.Storage/storageAccounts", "name": "[concat('st', copyIndex())]",
        "copy": {"name": "loop", "count": 2},
        "properties": {"label": "[concat(parameters('p'), copyIndex())]"}}]}""" % SCHEMA)
    res = m.resources[0]
    copies = res.copies
    assert len(copies) == 2
    first = resource_view(res)
    firsts = [resource_view(one) for one in copies]
    assert resource_view(res) is first and resource_view(copies[1]) is firsts[1]  # kept
    res.forget_view()
    again = resource_view(res)
    agains = [resource_view(one) for one in copies]
    assert again is not first and repr(again) == repr(first)  # unknowns equal by identity only
    assert all(a is not f for a, f in zip(agains, firsts)) and agains == firsts
    assert [v["properties"]["label"] for v in agains] == ["x0", "x1"]


def test_forgotten_dependson_trees_of_a_resource_are_made_again_equal():
    m = model_of("""{"$schema": "%s", "resources": [
      {"type": "Microsoft.Storage/storageAccounts", "name": "st", "apiVersion": "2023-01-01"},
      {"type": "Microsoft.Web/sites", "name": "app", "apiVersion": "2023-01-01",
       "dependsOn": ["[resourceId('Microsoft.Storage/storageAccounts', 'st')]", "st"]}]}""" % SCHEMA)
    res = m.resources[1]
    first = res.depends_on_expressions
    assert res.depends_on_expressions is first  # kept while the rules are at the resource
    res.forget_view()
    again = res.depends_on_expressions
    assert again is not first
    assert [(tuple(o.pointer), text) for o, text, _ in again] == \
        [(tuple(o.pointer), text) for o, text, _ in first] == \
        [(("resources", 1, "dependsOn", 0), "[resourceId('Microsoft.Storage/storageAccounts', 'st')]")]
