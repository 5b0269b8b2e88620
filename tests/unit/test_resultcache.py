"""The result cache: each thing a file's result depends on invalidates its entry (and only what
depends on it is linted again), a hit replays exactly what linting gives, and the cache is safe:
plain JSON, corrupt entries ignored and rewritten, concurrent writers, a bounded folder, a
folder that cannot be used means no cache."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from armlint import resultcache
from armlint.api import Linter, LintOptions, lint_paths
from armlint.reporters import json as json_report

pytestmark = pytest.mark.skipif(os.environ.get("ARMLINT_NO_CACHE", "") not in ("", "0"),
                                reason="ARMLINT_NO_CACHE turns the cache off")

MODULE = """\
param name string
var cfg = loadJsonContent('cfg.json')
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    supportsHttpsTrafficOnly: cfg.https
  }
}
"""

MAIN = """\
param location string = resourceGroup().location
module m 'mod.bicep' = {
  name: 'm'
  params: { name: 'abc' }
}
"""

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
PARAMS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"


def vm_template(agent: str = "[parameters('agent')]") -> str:
    return json.dumps({
        "$schema": SCHEMA, "contentVersion": "1.0.0.0",
        "parameters": {"agent": {"type": "string", "defaultValue": "true"},
                       "location": {"type": "string", "defaultValue": "[resourceGroup().location]"}},
        "resources": [{
            "name": "vm", "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01",
            "location": "[parameters('location')]",
            "properties": {"osProfile": {"computerName": "vm", "adminUsername": "u",
                                         "windowsConfiguration": {"provisionVmAgent": agent}}},
            "resources": [{"type": "extensions", "apiVersion": "2024-07-01", "name": "cse",
                           "location": "[parameters('location')]", "dependsOn": ["vm"],
                           "properties": {"publisher": "Microsoft.Compute",
                                          "type": "CustomScriptExtension",
                                          "typeHandlerVersion": "1.10"}}]}]}, indent=2)


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    root.mkdir()
    (root / ".git").mkdir()
    (root / "mod.bicep").write_text(MODULE)
    (root / "cfg.json").write_text('{"https": true}')
    (root / "main.bicep").write_text(MAIN)
    (root / "other.bicep").write_text(MAIN.replace("'m'", "'m2'"))
    (root / "vm.json").write_text(vm_template())
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def run(monkeypatch):
    """run(*paths, **options) -> (names of the files linted, JSON report); serial, so that the
    files linted can be counted."""
    calls: list[str] = []
    original = Linter._lint_file

    def counting(self, path, explicit):
        calls.append(Path(path).name)
        return original(self, path, explicit)
    monkeypatch.setattr(Linter, "_lint_file", counting)

    def go(*paths, **options):
        calls.clear()
        options.setdefault("jobs", 1)
        result = lint_paths(list(paths) or ["."], LintOptions(**options))
        return sorted(set(calls)), json_report.render(result)
    return go


def uncached(*paths, **options) -> str:
    options.setdefault("jobs", 1)
    return json_report.render(lint_paths(list(paths) or ["."], LintOptions(cache=False,
                                                                            **options)))


def entries() -> list[Path]:
    root = Path(os.environ["XDG_CACHE_HOME"]) / "armlint" / "results"
    return sorted(root.glob("*/*.json")) if root.is_dir() else []


def test_an_unchanged_run_lints_nothing_and_reports_the_same(project, run):
    first, report = run()
    assert first == ["cfg.json", "main.bicep", "mod.bicep", "other.bicep", "vm.json"]
    assert "AL6101" not in report and "AL5001" not in report  # https true, agent true
    again, cached = run()
    assert again == []
    assert cached == report == uncached()
    assert len(entries()) == 5


def test_template_bytes(project, run):
    run()
    (project / "vm.json").write_text(vm_template("false"))
    linted, report = run()
    assert linted == ["vm.json"]
    assert '"AL5001"' in report and report == uncached()


def test_module_bytes_invalidate_every_file_using_the_module(project, run):
    run()
    (project / "mod.bicep").write_text(MODULE.replace("param name string",
                                                      "param name string\nparam extra int = 1"))
    linted, report = run()
    # other.bicep took the module from the run's module cache: it depends on it all the same
    assert linted == ["main.bicep", "mod.bicep", "other.bicep"]
    assert report == uncached()


def test_a_module_used_only_through_the_module_cache_is_a_dependency(project, run):
    """Lint main.bicep and other.bicep only: the second reads mod.bicep from the run's module
    cache, never from disk, and must still depend on its bytes and its loaded file."""
    run("main.bicep", "other.bicep")
    (project / "cfg.json").write_text('{"https": false}')
    linted, report = run("main.bicep", "other.bicep")
    assert {"main.bicep", "other.bicep"} <= set(linted)
    assert report == uncached("main.bicep", "other.bicep")


def test_a_loaded_file(project, run):
    run()
    (project / "cfg.json").write_text('{"https": false}')
    linted, report = run()
    assert {"mod.bicep", "main.bicep", "other.bicep"} <= set(linted)
    assert '"AL6101"' in report and report == uncached()


def test_a_parameter_file_and_its_appearance(project, run):
    run(auto_parameters=True)
    params = {"$schema": PARAMS_SCHEMA, "contentVersion": "1.0.0.0",
              "parameters": {"agent": {"value": "false"}}}
    (project / "vm.parameters.json").write_text(json.dumps(params))
    linted, report = run(auto_parameters=True)  # a file that was not there before
    assert linted == ["vm.json", "vm.parameters.json"]
    assert '"AL5001"' in report and report == uncached(auto_parameters=True)
    params["parameters"]["agent"]["value"] = "true"
    (project / "vm.parameters.json").write_text(json.dumps(params))
    linted, report = run(auto_parameters=True)
    assert linted == ["vm.json", "vm.parameters.json"]
    assert '"AL5001"' not in report and report == uncached(auto_parameters=True)


def test_the_using_target_of_a_bicepparam_file(project, run):
    (project / "app.bicep").write_text("param size int\n")
    (project / "app.bicepparam").write_text("using 'app.bicep'\nparam size = 1\n")
    run()
    (project / "app.bicep").write_text("param size string\n")
    linted, report = run()
    assert {"app.bicep", "app.bicepparam"} <= set(linted)
    assert report == uncached()


def test_configuration(project, run):
    run()
    (project / ".armlint.yaml").write_text("ignore: [AL2001]\n")
    linted, report = run()
    assert linted == ["cfg.json", "main.bicep", "mod.bicep", "other.bicep", "vm.json"]
    assert '"AL2001"' not in report and report == uncached()
    (project / ".armlint.yaml").write_text("ignore: [AL4004]\n")
    linted, report = run()
    assert "main.bicep" in linted and report == uncached()


def test_bicepconfig(project, run):
    _, before = run()
    assert '"AL2001"' in before
    (project / "bicepconfig.json").write_text(
        '{"analyzers": {"core": {"rules": {"no-unused-params": {"level": "off"}}}}}')
    linted, report = run()
    assert {"main.bicep", "other.bicep", "mod.bicep"} <= set(linted) and "vm.json" not in linted
    assert '"AL2001"' not in report and report == uncached()


def test_a_rule_file(project, run, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    rule = (rules / "AL9001.yaml")
    text = """\
id: AL9001
name: storage-https-own
title: Storage account allows plain HTTP
level: warning
scope: {kind: resources, resource_types: [Microsoft.Storage/storageAccounts]}
violation: "is_false(resource.properties.supportsHttpsTrafficOnly)"
report_at: [resource.properties.supportsHttpsTrafficOnly]
message: "Storage account '{name}' accepts HTTP"
docs: {what: w, why: y}
"""
    rule.write_text(text)
    (project / "cfg.json").write_text('{"https": false}')
    _, report = run(rules_dirs=[str(rules)])
    assert "accepts HTTP" in report
    rule.write_text(text.replace("accepts HTTP", "takes plain HTTP"))
    linted, report = run(rules_dirs=[str(rules)])
    assert "mod.bicep" in linted
    assert "takes plain HTTP" in report and report == uncached(rules_dirs=[str(rules)])


def test_a_policy_file(project, run, tmp_path):
    policy = tmp_path / "deny-westeurope.json"
    definition = {"properties": {
        "displayName": "No West Europe", "mode": "All",
        "policyRule": {"if": {"field": "location", "equals": "westeurope"},
                       "then": {"effect": "deny"}}}}
    policy.write_text(json.dumps(definition))
    _, before = run(policies=[str(policy)])
    definition["properties"]["policyRule"]["then"]["effect"] = "disabled"
    policy.write_text(json.dumps(definition) + "\n")
    linted, report = run(policies=[str(policy)])
    assert "mod.bicep" in linted
    assert report != before and report == uncached(policies=[str(policy)])


def test_a_policy_alias_file(project, run, tmp_path):
    policy = tmp_path / "p.json"
    policy.write_text(json.dumps({"properties": {
        "displayName": "p", "mode": "All",
        "policyRule": {"if": {"field": "location", "equals": "westeurope"},
                       "then": {"effect": "audit"}}}}))
    aliases = tmp_path / "aliases.json"
    aliases.write_text("[]")
    run(policies=[str(policy)], policy_aliases=[str(aliases)])
    aliases.write_text("[ ]\n")
    linted, _ = run(policies=[str(policy)], policy_aliases=[str(aliases)])
    assert "vm.json" in linted


def test_armlint_version_and_code(project, run, monkeypatch):
    import armlint
    from armlint import resultcache
    run()
    monkeypatch.setattr(armlint, "__version__", "99.0.0")
    linted, _ = run()
    assert "vm.json" in linted
    assert run()[0] == []
    monkeypatch.setattr(resultcache, "_CODE_STAMP", "an edited checkout")
    assert "vm.json" in run()[0]


def test_the_code_stamp_of_an_installed_package_covers_its_rules_once(tmp_path, monkeypatch):
    """Installed, the rules and schemas are folders of the package: the code stamp walks each
    file once, and a rule file edited in place is a different armlint."""
    from armlint import resultcache
    from armlint.engine import loader
    from armlint.source import cachedir
    package = tmp_path / "armlint"
    for name in ("__init__.py", "rules/a/AL1-x.yaml", "schemas/rule.schema.json"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("x")
    monkeypatch.setattr(loader, "PACKAGE_DIR", package)
    monkeypatch.setattr(loader, "BUILTIN_RULES_DIR", package / "rules")
    monkeypatch.setattr(loader, "SCHEMAS_DIR", package / "schemas")

    def stamp() -> tuple[str, list]:
        monkeypatch.setattr(resultcache, "_CODE_STAMP", None)
        monkeypatch.setattr(cachedir, "_CODE_STAMPS", {})
        found = resultcache.code_stamp()
        return found, [p for lines in cachedir._CODE_STAMPS.values() for p in lines]
    first, lines = stamp()
    assert sorted(line.split("|")[0] for line in lines) == sorted(
        str(package / n) for n in ("__init__.py", "rules/a/AL1-x.yaml", "schemas/rule.schema.json"))
    (package / "rules/a/AL1-x.yaml").write_text("xy")
    assert stamp()[0] != first


def test_the_paths_named_do_not_change_the_key(project, run):
    """pre-commit names the changed files, a different list each time."""
    run("vm.json", "main.bicep")
    assert run("main.bicep")[0] == []
    assert run("main.bicep", "vm.json")[0] == []
    # the Bicep files a run lints are part of the key (a JSON file generated from one is
    # skipped): another Bicep file named means the JSON files are linted again
    assert run("other.bicep", "vm.json")[0] == ["mod.bicep", "other.bicep", "vm.json"]


def test_command_line_options_are_part_of_the_key(project, run):
    run()
    linted, report = run(select=["AL2001"])
    assert "vm.json" in linted and report == uncached(select=["AL2001"])
    assert run(select=["AL2001"])[0] == []


@pytest.mark.parametrize("content", [b"", b"\x80garbage", b"[]", b'{"format": 1}', b"null",
                                     b'{"format": 999}'])
def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(project, run, content):
    _, report = run("vm.json")
    [entry] = entries()
    entry.write_bytes(content)
    linted, again = run("vm.json")
    assert linted == ["vm.json"] and again == report
    assert json.loads(entry.read_bytes())["format"] == resultcache.FORMAT  # written again
    assert run("vm.json")[0] == []


def test_an_entry_with_a_wrong_field_type_is_a_miss(project, run):
    (project / "vm.json").write_text(vm_template("false"))
    _, report = run("vm.json")
    [entry] = entries()
    data = json.loads(entry.read_bytes())
    data["result"]["findings"][0][5][0] = "1"  # a line that is not a number
    entry.write_text(json.dumps(data))
    linted, again = run("vm.json")
    assert linted == ["vm.json"] and again == report


@pytest.mark.parametrize("bad", [[1], ["AL1001", None], [["AL1001"]], [{"a": 1}], "AL1001"])
def test_rule_ids_that_are_not_strings_are_a_miss_after_good_ones(bad):
    """decode_result checks a list of rule IDs once per run (resultcache._shared): a list not
    seen before is checked, however many good ones came first."""
    good = {"path": "t.json", "kind": "template", "rules": ["AL1001", "AL1002"],
            "source": "/x/t.json", "findings": []}
    assert resultcache.decode_result(good).rules == ("AL1001", "AL1002")
    assert resultcache.decode_result(dict(good)).rules is resultcache.decode_result(good).rules
    with pytest.raises((ValueError, TypeError)):
        resultcache.decode_result(dict(good, rules=bad))


def test_a_pickle_in_the_cache_folder_is_never_loaded(project, run):
    import pickle

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('pickle ran')",))
    _, report = run("vm.json")
    [entry] = entries()
    entry.write_bytes(pickle.dumps(Boom()))
    assert run("vm.json")[1] == report


def test_no_cache_option_and_environment(project, run, monkeypatch):
    linted, report = run(cache=False)
    assert entries() == []
    monkeypatch.setenv("ARMLINT_NO_CACHE", "1")
    run()
    assert entries() == []
    assert run()[0] != []  # linted again: nothing was cached
    monkeypatch.delenv("ARMLINT_NO_CACHE")
    run()
    assert len(entries()) == 5


def test_armlint_cache_dir(project, run, monkeypatch, tmp_path):
    own = tmp_path / "elsewhere"
    monkeypatch.setenv("ARMLINT_CACHE_DIR", str(own))
    run()
    assert entries() == []
    assert len(list((own / "results").glob("*/*.json"))) == 5
    assert run()[0] == []


def test_an_unusable_cache_folder_means_no_cache_not_a_failure(project, run, monkeypatch,
                                                                 tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("ARMLINT_CACHE_DIR", str(blocker / "cache"))
    linted, report = run()
    assert report == uncached()
    assert run()[0] == linted  # nothing could be cached: everything is linted again


def test_the_folder_stays_within_its_bound_evicting_the_least_recently_used(project, run,
                                                                             monkeypatch):
    run()
    assert run()[0] == []  # every entry used now
    stale = next(e for e in entries() if json.loads(e.read_bytes())["result"]["path"] ==
                 "other.bicep")
    os.utime(stale, ns=(10**18, 10**18))  # used long ago
    total = sum(e.stat().st_size for e in entries())
    bound = total - 1
    monkeypatch.setenv("ARMLINT_CACHE_MAX_MB", str(bound / 1024 / 1024))
    (project / "vm.json").write_text(vm_template("false"))
    # writes an entry, so the folder is looked at (a hit would make an entry recently used)
    assert run("vm.json")[0] == ["vm.json"]
    left = entries()
    assert stale not in left and left
    assert sum(e.stat().st_size for e in left) <= bound


def test_entries_are_plain_json_with_their_observations(project, run):
    run("main.bicep")
    [entry] = [e for e in entries()]
    data = json.loads(entry.read_bytes())
    kinds = {o[0] for o in data["observed"]}
    paths = {Path(o[1]).name for o in data["observed"]}
    assert {"read", "text", "roots", "real"} <= kinds
    assert {"main.bicep", "mod.bicep", "cfg.json"} <= paths


def test_parallel_workers_write_and_use_the_cache(tmp_path, monkeypatch, run):
    for i in range(60):
        (tmp_path / f"t{i:02}.json").write_text(vm_template("false" if i % 2 else "true"))
    monkeypatch.chdir(tmp_path)
    linted, report = run(jobs=2)
    assert len(entries()) == 60  # written by the workers
    assert run(jobs=1) == ([], report)
    from armlint import runner

    def no_workers(*args):
        raise AssertionError("workers started for files the cache holds")
    with monkeypatch.context() as patch:
        patch.setattr(runner, "_parallel", no_workers)
        assert run(jobs=2) == ([], report)  # every file a hit: taken by the parent
    for i in range(0, 60, 2):  # half the files change: the workers lint those only
        (tmp_path / f"t{i:02}.json").write_text(vm_template("false"))
    linted, after = run(jobs=2)
    assert after == uncached() and after != report
    # fewer than a pool is worth: the parent lints them itself, and nothing else
    assert linted == [f"t{i:02}.json" for i in range(0, 60, 2)]
    assert run(jobs=2)[1] == after


def test_concurrent_runs_share_one_folder(tmp_path, monkeypatch):
    import subprocess
    import sys
    work = tmp_path / "work"
    work.mkdir()
    for i in range(30):
        (work / f"t{i:02}.json").write_text(vm_template("false" if i % 2 else "true"))
    env = dict(os.environ, ARMLINT_CACHE_DIR=str(tmp_path / "shared-cache"))
    cmd = [sys.executable, "-m", "armlint", "check", ".", "-f", "json", "--jobs", "1",
           "--no-progress"]
    procs = [subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(b"Traceback" not in err for _, err in outputs)
    assert len({out for out, _ in outputs}) == 1
    results = list((tmp_path / "shared-cache" / "results").glob("*/*"))
    assert len(results) == 30 and all(p.suffix == ".json" for p in results)
    for p in results:
        assert json.loads(p.read_bytes())["format"] == resultcache.FORMAT
    again = subprocess.run(cmd, cwd=work, env=env, capture_output=True)
    assert again.stdout == outputs[0][0]


def test_an_editor_linter_never_uses_the_cache(project):
    from armlint.api import lint_text, open_linter
    linter = open_linter(LintOptions(), root=str(project))
    assert linter.cache is None
    lint_text((project / "vm.json").read_text(), str(project / "vm.json"), linter=linter)
    assert entries() == []


def test_unsaved_buffers_are_never_served_from_or_put_into_the_cache(project, run):
    from armlint.resultcache import ResultCache
    run()
    linter = lint_paths_linter(project)
    linter.cache = ResultCache(linter)
    linter.unsaved[str(project / "mod.bicep")] = MODULE.replace("cfg.https", "false")
    before = {e: e.read_bytes() for e in entries()}
    result = linter.lint_file(project / "main.bicep")
    assert result is not None
    assert {e: e.read_bytes() for e in entries()} == before


def lint_paths_linter(root: Path) -> Linter:
    from armlint.api import open_linter
    return open_linter(LintOptions(), root=str(root))


def test_baseline_and_suppressions_apply_to_replayed_findings(project, run, tmp_path):
    (project / "vm.json").write_text(vm_template("false"))
    baseline = tmp_path / "base.sarif"
    result = lint_paths(["."], LintOptions(jobs=1, cache=False))
    from armlint.engine.baseline import from_findings
    from armlint.reporters import sarif
    baseline.write_text(sarif.render_baseline(from_findings(result.findings), result.root))
    _, first = run(baseline=str(baseline))
    linted, second = run(baseline=str(baseline))
    assert linted == [] and second == first == uncached(baseline=str(baseline))
    assert '"unchanged"' in second


@pytest.mark.parametrize("order", [("main.bicep",), ("sub/mod.bicep", "main.bicep"),
                                   ("main.bicep", "sub/mod.bicep")])
def test_the_configuration_of_a_module_s_folder(tmp_path, monkeypatch, run, order):
    """A file reports at a module only what linting the module on its own does not: that
    depends on the module's own configuration, whether the module was linted on its own first
    (as a file of the run), inside the caller's lint, or after it."""
    root = tmp_path / "project"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "sub" / "mod.bicep").write_text(MODULE.replace("cfg.https", "false"))
    (root / "sub" / "cfg.json").write_text('{"https": true}')
    (root / "main.bicep").write_text(MAIN.replace("mod.bicep", "sub/mod.bicep"))
    monkeypatch.chdir(root)
    _, before = run(*order)
    assert before == uncached(*order)
    (root / "sub" / ".armlint.yaml").write_text("ignore: [AL6101, AL4004]\n")
    linted, after = run(*order)
    assert "main.bicep" in linted
    assert after == uncached(*order)
    assert run(*order)[0] == []


def test_results_from_the_cache_share_their_lists_of_rule_ids(project, run):
    # hundreds of IDs per file, a copy for each file of a big run would grow with the files
    run()
    result = lint_paths(["."], LintOptions(jobs=1))
    rules = [r.rules for r in result.files if r.kind != "skipped"]
    assert len(rules) == 4
    assert len({id(r) for r in rules}) == len({tuple(r) for r in rules}) < 4


VM_MODULE = """\
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


def test_a_hit_keeps_the_related_places_of_its_findings(project, run):
    """A finding at a module's declaration names where in the module's file the problem lies
    (SARIF relatedLocations); served from the cache it must say so too (entries once dropped it,
    so a cached run's SARIF lost relatedLocations)."""
    from armlint.reporters import sarif
    (project / "vmmod.bicep").write_text(VM_MODULE)
    (project / "caller.bicep").write_text(
        "module vm 'vmmod.bicep' = {\n  name: 'vm'\n  params: { agentOn: false }\n}\n")

    def report(**options):
        return sarif.render(lint_paths(["caller.bicep"], LintOptions(jobs=1, **options)))
    fresh = report(cache=False)
    [related] = [r.get("relatedLocations") for r in json.loads(fresh)["runs"][0]["results"]
                 if r["ruleId"] == "AL5001"]
    assert [(x["physicalLocation"]["artifactLocation"]["uri"],
             x["physicalLocation"]["region"]["startLine"]) for x in related] == [("vmmod.bicep", 9)]
    first = report()
    linted, _ = run("caller.bicep")
    assert linted == []  # served from the cache
    assert report() == first == fresh


def test_a_module_folder_replaced_by_a_link_out_of_the_project(project, run, tmp_path):
    """The run resolves each folder once (source.files.resolving): a folder that became a link
    out of the project between two runs is seen, and the module is refused, not replayed."""
    (project / "lib").mkdir()
    (project / "lib" / "mod.bicep").write_text(MODULE.replace("loadJsonContent('cfg.json')",
                                                              "{ https: true }"))
    (project / "uses.bicep").write_text(MAIN.replace("'mod.bicep'", "'lib/mod.bicep'"))
    linted, report = run("uses.bicep")
    assert linted == ["mod.bicep", "uses.bicep"] and "outside the project" not in report
    elsewhere = tmp_path / "elsewhere"
    (project / "lib").rename(elsewhere)  # the same bytes, now out of the project
    (project / "lib").symlink_to(elsewhere)
    linted, report = run("uses.bicep")
    assert linted == ["uses.bicep"]
    assert "outside the project" in report and report == uncached("uses.bicep")
