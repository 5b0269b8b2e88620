"""A linted file's model is freed by reference counting as soon as its lint is done, not left in
reference cycles for the cyclic collector (which would traverse every object of the file: a third
of a million in 94 Bicep files of the corpus). What is checked: weak references to the model's
templates, resources, declarations and uses index, and to the file's documents, are dead once
the lint returns with the collector paused; in a run (runner.lint_all) the collections between
files find nothing to free; an editor's session frees each lint's model too."""
from __future__ import annotations

import gc
import json
import weakref

import pytest

from armlint.api import Linter, LintOptions

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

# Everything that links objects of a model to one another: a nested deployment with an inner-scoped
# template (parameters handed in, evaluated lazily) and one with the outer scope, a parent and its
# children (nested and short-form), an extension resource scoped to another, a loop whose copies
# are judged one by one, parameters with allowed values (evaluation tells the document's own
# arrays their place), variables, outputs and a user function.
TEMPLATE = {
    "$schema": SCHEMA, "contentVersion": "1.0.0.0",
    "functions": [{"namespace": "my", "members": {"name": {
        "parameters": [{"name": "p", "type": "string"}],
        "output": {"type": "string", "value": "[concat('x', parameters('p'))]"}}}}],
    "parameters": {
        "location": {"type": "string", "defaultValue": "westeurope",
                     "allowedValues": ["westeurope", "northeurope"]},
        "adminPassword": {"type": "securestring"}},
    "variables": {"prefix": "[my.name('st')]", "names": ["a", "b"]},
    "resources": [
        {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-05-01",
         "name": "vnet", "location": "[parameters('location')]",
         "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}},
         "resources": [{"type": "subnets", "apiVersion": "2023-05-01", "name": "s1",
                        "dependsOn": ["vnet"], "properties": {"addressPrefix": "10.0.0.0/24"}}]},
        {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
         "name": "[concat(variables('prefix'), variables('names')[copyIndex()])]",
         "location": "[parameters('location')]", "kind": "StorageV2",
         "sku": {"name": "Standard_LRS"}, "copy": {"name": "loop", "count": 2},
         "properties": {"minimumTlsVersion": "TLS1_0", "tag": "[copyIndex()]"}},
        {"type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01", "name": "lock",
         "scope": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]",
         "properties": {"level": "CanNotDelete"}},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
         "properties": {
             "mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
             "parameters": {"pw": {"value": "[parameters('adminPassword')]"}},
             "template": {
                 "$schema": SCHEMA, "contentVersion": "1.0.0.0",
                 "parameters": {"pw": {"type": "securestring"}},
                 "resources": [{"type": "Microsoft.Compute/virtualMachines",
                                "apiVersion": "2023-03-01", "name": "vm",
                                "location": "westeurope",
                                "properties": {"osProfile": {"adminUsername": "azureuser",
                                                             "adminPassword": "[parameters('pw')]"}}}],
                 "outputs": {"o": {"type": "string", "value": "[parameters('pw')]"}}}}},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "outer",
         "properties": {"mode": "Incremental", "template": {
             "$schema": SCHEMA, "contentVersion": "1.0.0.0",
             "resources": [{"type": "Microsoft.Network/publicIPAddresses",
                            "apiVersion": "2023-05-01", "name": "ip",
                            "location": "[parameters('location')]"}]}}}],
    "outputs": {"where": {"type": "string", "value": "[parameters('location')]"}},
}

MODULE = """param name string
param location string = resourceGroup().location
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { minimumTlsVersion: 'TLS1_0' }
}
output id string = st.id
"""

MAIN = """param location string = resourceGroup().location
@secure()
param adminPassword string
var names = ['a', 'b']
resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' = {
  name: 'vnet'
  location: location
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
  resource subnet 'subnets' = {
    name: 's1'
    properties: { addressPrefix: '10.0.0.0/24' }
  }
}
resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'lock'
  scope: vnet
  properties: { level: 'CanNotDelete' }
}
module st 'st.bicep' = [for (n, i) in names: {
  name: 'st${i}'
  params: { name: 'st${n}', location: location }
}]
resource vm 'Microsoft.Compute/virtualMachines@2023-03-01' = {
  name: 'vm'
  location: location
  properties: { osProfile: { adminUsername: 'azureuser', adminPassword: adminPassword } }
}
output ids array = [for i in range(0, 2): st[i].outputs.id]
"""


@pytest.fixture
def no_cyclic_collector():
    """Nothing may be left to the cyclic collector: it is paused, and whatever it would find
    afterwards is collected first so the test starts clean."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    yield
    if enabled:
        gc.enable()


@pytest.fixture
def built(monkeypatch):
    """Weak references to every model built (its templates, resources, declarations and uses
    index, and its documents), taken when the model is first read."""
    from armlint.engine import run
    refs: list = []
    real = run.run_rules

    def recording(model, *args, **kwargs):
        try:
            return real(model, *args, **kwargs)
        finally:  # after the rules: the uses index and what else they computed exist by now
            refs.append(("model", weakref.ref(model)))
            for t in model.templates:
                refs.append(("template", weakref.ref(t)))
                refs.append(("scope", weakref.ref(t.scope)))
                refs.extend(("declaration", weakref.ref(d))
                            for d in t.parameters + t.variables + t.outputs + t.functions)
                if "uses" in vars(t):
                    refs.append(("uses", weakref.ref(t.uses)))
            # resources take no weak references (slots): found among all objects instead
            refs.extend(("resource", _Found(r)) for r in model.resources)
            refs.extend(("copy", _Found(c)) for r in model.resources
                        for c in (r._copies or ()) if c is not r)
    monkeypatch.setattr(run, "run_rules", recording)
    return refs


class _Found:
    """Like a weak reference to an object that takes none: whether an object of its type with
    its id is still among the objects the cyclic collector tracks (all of them, in cycles too:
    the collector is paused)."""

    def __init__(self, obj):
        self.type, self.id = type(obj), id(obj)

    def __call__(self):
        return next((o for o in gc.get_objects() if type(o) is self.type and id(o) == self.id),
                    None)


def _alive(refs: list) -> list:
    return sorted({kind for kind, ref in refs if ref() is not None})


def test_a_json_template_s_model_is_freed_when_its_lint_returns(catalogue, tmp_path, built,
                                                                no_cyclic_collector):
    (tmp_path / "t.json").write_text(json.dumps(TEMPLATE, indent=2))
    linter = Linter(catalogue, LintOptions(use_config=False), root=tmp_path)
    result = linter.lint_file(tmp_path / "t.json")
    assert {"AL6001", "AL6102"} <= {f.rule_id for f in result.findings}  # the rules ran
    kinds = {kind for kind, _ in built}
    assert {"template", "resource", "declaration", "uses", "copy", "scope"} <= kinds
    assert sum(kind == "template" for kind, _ in built) == 3
    assert _alive(built) == []


def test_a_bicep_file_s_model_is_freed_and_its_module_kept_for_later_files(
        catalogue, tmp_path, built, no_cyclic_collector):
    (tmp_path / "st.bicep").write_text(MODULE)
    (tmp_path / "main.bicep").write_text(MAIN)
    linter = Linter(catalogue, LintOptions(use_config=False), root=tmp_path)  # no plan
    first = linter.lint_file(tmp_path / "main.bicep")
    assert "AL6001" in {f.rule_id for f in first.findings}
    assert sum(kind == "template" for kind, _ in built) >= 2  # main and its module
    assert _alive(built) == []
    # the module's lowered template is the loader's (kept without a plan), still whole
    module = linter.modules._cache[str(tmp_path / "st.bicep")]
    assert module["resources"]["st"]["properties"]["minimumTlsVersion"] == "TLS1_0"
    again = linter.lint_file(tmp_path / "main.bicep")
    assert [(f.rule_id, f.location.span) for f in again.findings] == \
        [(f.rule_id, f.location.span) for f in first.findings]
    assert _alive(built) == []


def test_a_run_leaves_nothing_for_the_collections_between_files(catalogue, tmp_path, built,
                                                                no_cyclic_collector):
    from armlint.discover import discover
    from armlint.runner import lint_all
    (tmp_path / "st.bicep").write_text(MODULE)
    (tmp_path / "main.bicep").write_text(MAIN)
    (tmp_path / "t.json").write_text(json.dumps(TEMPLATE, indent=2))
    (tmp_path / "t.parameters.json").write_text(json.dumps({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                   "deploymentParameters.json#", "contentVersion": "1.0.0.0",
        "parameters": {"location": {"value": "northeurope"}}}))
    (tmp_path / "broken.json").write_text('{"$schema": "%s", "resources": [' % SCHEMA)
    found: list = []

    def collected(phase, info):
        if phase == "stop":
            found.append(info["collected"])
    candidates = discover([str(tmp_path)])
    linter = Linter(catalogue, LintOptions(use_config=False, auto_parameters=True),
                    root=tmp_path)
    gc.collect()  # what setting up the test left
    gc.callbacks.append(collected)
    try:
        results = lint_all(linter, candidates, 1)
    finally:
        gc.callbacks.remove(collected)
    assert [r.kind for r in results] == ["template", "bicep", "bicep", "template", "parameters"]
    assert [sorted({f.rule_id for f in r.findings}) for r in results][1:3] == \
        [["AL6001", "AL6601"], ["AL6102", "AL6105"]]
    assert sum(kind == "template" for kind, _ in built) >= 5
    assert _alive(built) == []
    assert sum(found) == 0, f"the collections between files freed {found} objects"


def test_an_editor_session_frees_each_lint_s_model_and_each_old_text(tmp_path, built,
                                                                     no_cyclic_collector):
    from armlint.server.session import Session
    (tmp_path / "st.bicep").write_text(MODULE)
    session = Session(str(tmp_path))
    main = str(tmp_path / "main.bicep")
    docs = []
    for version in range(4):  # the user types: each change is linted
        session.open(main, MAIN.replace("'vm'", f"'vm{version}'"), version)
        assert "AL6001" in {f.rule_id for f in session.lint(main).result.findings}
        docs.append(weakref.ref(session.linter().modules._cache[main].origin.doc))
    assert sum(kind == "template" for kind, _ in built) >= 8  # main and its module, each time
    assert _alive(built) == []
    # the loader keeps the last text's document and lowered template (the next lint of an
    # unchanged buffer reuses them), not one for every change the user made
    assert [ref() is not None for ref in docs] == [False, False, False, True]
