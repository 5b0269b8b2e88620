"""Findings inside a local module: each file answers for its own problems, and a module
declaration answers for what the values it binds bring about."""
import os

from armlint.api import Linter, LintOptions

MODULE = """// A VM whose agent setting comes from its caller; its admin name is a literal.
param agentOn bool = true

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      windowsConfiguration: { provisionVMAgent: agentOn }
    }
  }
  resource dsc 'extensions' = {
    name: 'dsc'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.Powershell', type: 'DSC', typeHandlerVersion: '2.77' }
  }
}
"""

MAIN = """// Turns the module's agent off.
module vm 'modules/vm.bicep' = {
  name: 'vm'
  params: {
    agentOn: false
  }
}
"""


def findings(catalogue, root, path):
    linter = Linter(catalogue, LintOptions(select=["AL5001", "AL6001"], use_config=False), root=root)
    return [(f.rule_id, f.location.span.start_line, f.location.span.start_col)
            for f in linter.lint_file(root / path).findings]


def test_bound_values_report_at_the_module_and_module_problems_stay_in_the_module(catalogue, tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "vm.bicep").write_text(MODULE)
    (tmp_path / "main.bicep").write_text(MAIN)
    assert findings(catalogue, tmp_path, "main.bicep") == [("AL5001", 2, 1)]
    assert findings(catalogue, tmp_path, "modules/vm.bicep") == [("AL6001", 10, 22)]


def _linted_in_order(catalogue, root, order):
    """Lint `order` with one linter, counting the times each file is read from disk."""
    import armlint.linter as linter_module
    reads: dict = {}
    original = linter_module.read_file

    def counting(path, *args, **kwargs):
        reads[path.name] = reads.get(path.name, 0) + 1
        return original(path, *args, **kwargs)

    linter = Linter(catalogue, LintOptions(select=["AL5001", "AL6001"], use_config=False), root=root)
    linter_module.read_file = counting
    try:
        results = [linter.lint_file(root / p) for p in order]
    finally:
        linter_module.read_file = original
    out = {r.path: [(f.rule_id, f.location.path, f.location.span.start_line,
                     f.location.span.start_col, f.fingerprint) for f in r.findings]
           for r in results}
    return out, reads


def test_a_module_is_linted_once_per_run_whichever_file_comes_first(catalogue, tmp_path):
    # The module's own findings decide what its caller reports; a run that lints both files
    # lints the module once, and the results are those of linting each file on its own.
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "vm.bicep").write_text(MODULE)
    (tmp_path / "main.bicep").write_text(MAIN)
    alone = {}
    for p in ("main.bicep", "modules/vm.bicep"):
        alone.update(_linted_in_order(catalogue, tmp_path, [p])[0])
    assert alone == {"main.bicep": [("AL5001", "main.bicep", 2, 1, alone["main.bicep"][0][4])],
                     "modules/vm.bicep": [("AL6001", "modules/vm.bicep", 10, 22,
                                           alone["modules/vm.bicep"][0][4])]}
    for order in (["main.bicep", "modules/vm.bicep"], ["modules/vm.bicep", "main.bicep"]):
        results, reads = _linted_in_order(catalogue, tmp_path, order)
        assert results == alone
        assert reads.get("vm.bicep") == 1, order


REGISTRY = """// The access setting is optional: left out, the registry keeps the provider's default.
param publicNetworkAccess string?

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: {
    publicNetworkAccess: publicNetworkAccess
  }
}
"""


def test_a_nullable_parameter_the_caller_leaves_out_is_null(catalogue, tmp_path):
    # On its own the module says nothing (a deployment may pass any value); called without the
    # value, the parameter is null and the registry is open (AVM e2e tests of module defaults).
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "acr.bicep").write_text(REGISTRY)
    (tmp_path / "main.bicep").write_text("module acr 'modules/acr.bicep' = {\n  name: 'acr'\n}\n")
    (tmp_path / "given.bicep").write_text(
        "param access string\nmodule acr 'modules/acr.bicep' = {\n  name: 'acr'\n"
        "  params: { publicNetworkAccess: access }\n}\n")
    linter = Linter(catalogue, LintOptions(select=["AL6642"], use_config=False), root=tmp_path)

    def found(path):
        return [(f.rule_id, f.location.span.start_line) for f in linter.lint_file(tmp_path / path).findings]
    assert found("modules/acr.bicep") == []
    assert found("main.bicep") == [("AL6642", 1)]
    assert found("given.bicep") == []


def test_a_finding_at_the_module_names_where_in_the_module_it_lies(catalogue, tmp_path):
    """The module declaration's finding has a related location: the value in the module's file
    (line 11, `agentOn` at columns 49-56); the module's own findings have none. SARIF carries it
    as relatedLocations."""
    import json

    from armlint.engine.results import RunResult
    from armlint.reporters import sarif
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "vm.bicep").write_text(MODULE)
    (tmp_path / "main.bicep").write_text(MAIN)
    linter = Linter(catalogue, LintOptions(select=["AL5001", "AL6001"], use_config=False),
                    root=tmp_path)
    result = linter.lint_file(tmp_path / "main.bicep")
    [finding] = result.findings
    [related] = finding.related
    s = related.location.span
    assert (related.location.path, s.start_line, s.start_col, s.end_line, s.end_col) == \
        ("modules/vm.bicep", 11, 49, 11, 56)
    assert related.source == str(tmp_path / "modules" / "vm.bicep")
    assert related.message == "here in the module's file vm.bicep"
    own = linter.lint_file(tmp_path / "modules" / "vm.bicep").findings
    assert [f.related for f in own] == [()]

    log = json.loads(sarif.render(RunResult([result], [], root=str(tmp_path))))
    [item] = log["runs"][0]["results"]
    assert item["relatedLocations"] == [{
        "id": 0, "message": {"text": "here in the module's file vm.bicep"},
        "physicalLocation": {"artifactLocation": {"uri": "modules/vm.bicep", "uriBaseId": "ROOT"},
                             "region": {"startLine": 11, "startColumn": 49, "endLine": 11,
                                        "endColumn": 56}}}]


SHARED = "param tags object = {}\noutput t object = tags\n"
USES_SHARED = "module s '{path}' = {{\n  name: 's'\n}}\nmodule vm '{vm}' = {{\n  name: 'vm'\n}}\n"


def test_a_run_lowers_a_shared_module_once_and_keeps_nothing_after_its_last_user(catalogue,
                                                                                tmp_path):
    # the walk: a/one.bicep, a/shared.bicep, b/t.json, c/two.bicep, c/vm.bicep, solo.bicep
    from armlint.bicep.lower import lowerer
    from armlint.discover import discover
    from armlint.runner import lint_all
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "shared.bicep").write_text(SHARED)
    (tmp_path / "a" / "one.bicep").write_text(USES_SHARED.format(path="shared.bicep",
                                                                 vm="../c/vm.bicep"))
    (tmp_path / "b" / "t.json").write_text('{"$schema": "https://schema.management.azure.com/'
                                           'schemas/2019-04-01/deploymentTemplate.json#", '
                                           '"contentVersion": "1.0.0.0", "resources": []}')
    (tmp_path / "c" / "two.bicep").write_text(USES_SHARED.format(path="../a/shared.bicep",
                                                                 vm="vm.bicep"))
    (tmp_path / "c" / "vm.bicep").write_text(MODULE)
    (tmp_path / "solo.bicep").write_text(MAIN.replace("modules/vm.bicep", "c/vm.bicep"))
    candidates = discover([str(tmp_path)])
    assert [c.path.name for c in candidates] == ["solo.bicep", "one.bicep", "shared.bicep",
                                                 "t.json", "two.bicep", "vm.bicep"]
    options = LintOptions(select=["AL5001", "AL6001"], use_config=False)

    alone = Linter(catalogue, options, root=tmp_path)  # no plan: keeps every file
    expected = [[(f.rule_id, f.location.span.start_line, f.fingerprint) for f in r.findings]
                for r in (alone.lint_file(c.path) for c in candidates)]
    assert expected[0] == [("AL5001", 2, expected[0][0][2])]  # solo.bicep binds the agent off

    lowered: list = []
    original = lowerer.lower_template

    def counting(doc, loader=None):
        lowered.append(doc.path.name)
        return original(doc, loader)

    kept: list = []
    linter = Linter(catalogue, options, root=tmp_path)
    lowerer.lower_template = counting
    try:
        results = lint_all(linter, candidates, 1,
                           lambda done, total: kept.append(sorted(
                               os.path.basename(k) for k in linter.modules._cache)))
    finally:
        lowerer.lower_template = original
    assert [[(f.rule_id, f.location.span.start_line, f.fingerprint) for f in r.findings]
            for r in results] == expected
    assert sorted(lowered) == sorted(["solo.bicep", "vm.bicep", "one.bicep", "shared.bicep",
                                      "two.bicep"])  # each once
    # after each file: what a later file names (shared.bicep until two.bicep, vm.bicep until
    # its own turn), nothing else
    assert kept == [["vm.bicep"], ["shared.bicep", "vm.bicep"], ["shared.bicep", "vm.bicep"],
                    ["shared.bicep", "vm.bicep"], ["vm.bicep"], []]
    assert linter.modules._cache == {} and linter._module_findings == {}
    assert results[0].rules is results[1].rules  # one tuple of rule IDs for the run
