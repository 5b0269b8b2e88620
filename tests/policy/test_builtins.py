"""Real built-in definitions, through the bundled tables, on pass and fail templates in JSON and
Bicep: tests/policy/builtins/<service>/ holds `policies.txt` (the definitions, one name per line)
and `pass_*`/`fail_*` fixtures; a fail fixture's `.golden` is the source with a
`//@ line:col-line:col ID level: message` line under each finding (rewrite with
--update-goldens and review the diff). A pass fixture must give no finding and leave none of its
definitions undetermined, so it passes because the policies decided, not because they could not.
Every listed definition fires at least once in each language's fail fixtures."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from armlint.ruletests import render_golden
from tests.conftest import REPO

HERE = Path(__file__).parent / "builtins"
SERVICES = sorted(p for p in HERE.iterdir() if p.is_dir())


def definitions(service: Path) -> list[str]:
    return [line.split()[0] for line in (service / "policies.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def linter(service: Path):
    from armlint import policy
    from armlint.engine.catalogue import Catalogue
    from armlint.linter import Linter, LintOptions
    names = definitions(service)
    policies = policy.load([f"builtin:{n}" for n in names], show_undetermined=True)
    rules = policies.rule_list()
    assert sorted(r.id for r in rules) == sorted(names), "every listed definition loads"
    result = Linter(Catalogue(rules), LintOptions(use_config=False), root=REPO)
    result.policies = policies
    return result


def cases():
    for service in SERVICES:
        for path in sorted(service.iterdir()):
            if path.name.startswith(("pass_", "fail_")) and path.suffix in (".json", ".bicep"):
                yield pytest.param(service, path, id=f"{service.name}/{path.name}")


@pytest.mark.parametrize("service, path", list(cases()))
def test_fixture(service, path, request):
    result = linter(service).lint_file(path)
    found = [f for f in result.findings if f.kind == "fail"]
    open_ = [f for f in result.findings if f.kind == "open"]
    assert not [f for f in result.findings if f.rule_id.startswith("AL")], result.findings
    if path.name.startswith("pass_"):
        assert not found, [(f.rule_id, str(f.location.span), f.message) for f in found]
        assert not open_, [(f.rule_id, f.message) for f in open_]
        return
    text = path.read_text(encoding="utf-8")
    rendered = render_golden(text, found)
    golden = path.with_name(path.name + ".golden")
    if request.config.getoption("--update-goldens"):
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"missing {golden.name} (run with --update-goldens)"
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("service", SERVICES, ids=[s.name for s in SERVICES])
def test_each_definition_fails_in_json_and_bicep(service):
    for suffix in (".json", ".bicep"):
        fired = set()
        for path in service.glob(f"fail_*{suffix}"):
            fired |= {f.rule_id for f in linter(service).lint_file(path).findings
                      if f.kind == "fail"}
        assert fired == set(definitions(service)), suffix
    assert list(service.glob("pass_*.json")) and list(service.glob("pass_*.bicep"))


def test_forty_definitions_across_ten_services():
    names = {n for s in SERVICES for n in definitions(s)}
    namespaces = set()
    from armlint.policy.library import Library
    for n in names:
        d = Library.builtin_definition(n)
        assert d is not None and not d.deprecated, n
        rule_if = str(d.rule["if"])
        namespaces |= {ns for ns in ("Microsoft.Storage", "Microsoft.KeyVault", "Microsoft.Sql",
                                     "Microsoft.Web", "Microsoft.Network",
                                     "Microsoft.ContainerRegistry", "Microsoft.DocumentDB",
                                     "Microsoft.ContainerService", "Microsoft.EventHub",
                                     "Microsoft.ServiceBus", "Microsoft.EventGrid",
                                     "Microsoft.Cache", "Microsoft.DBforMySQL",
                                     "Microsoft.DBforPostgreSQL", "Microsoft.Automation",
                                     "Microsoft.Search", "Microsoft.CognitiveServices",
                                     "Microsoft.MachineLearningServices",
                                     "Microsoft.Databricks") if f"'{ns}/" in rule_if}
    assert len(names) >= 40 and len(namespaces) >= 10, (len(names), sorted(namespaces))
