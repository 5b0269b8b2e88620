"""Bicep/JSON parity over the corpus (skipped without ../shared): each Azure Verified Module's
main.bicep, lowered by armlint, against the official compiler's main.json beside it. The resources
(type, API version, deployment path) and the findings (rule, resource type, deployment path) of
every rule that judges resources are compared per module; the report lists the share of modules
that agree and every module that does not, and the test fails when parity falls below the floor
measured when it was written (bench/parity.py prints the causes)."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO, shared_path

# measured over the corpus when the test was written (524 modules: resources identical in 520,
# 99.2%; findings of the rules of both languages in 392, 74.8%; most differences are AL4001 and
# AL3008, bench/parity.py shows the causes): a change that lowers Bicep or runs rules
# differently on one side must not bring them lower
RESOURCES_FLOOR = 0.98
FINDINGS_FLOOR = 0.70


def _parity_module():
    name = "armlint_bench_parity"
    if name not in sys.modules:  # bench/ is no package; its dataclasses need the module known
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "parity.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def parity(catalogue):
    corpus = shared_path("corpus")
    bench = _parity_module()
    folders = bench.module_folders(corpus)
    if not folders:
        pytest.skip("the corpus has no module with both main.bicep and main.json")
    rules = bench.parity_rules(catalogue)
    loader = bench.module_loader(corpus)
    return corpus, [bench.compare(folder, rules, loader) for folder in folders]


def test_bicep_and_json_agree_per_module(parity, capsys):
    corpus, modules = parity
    same_resources = [m for m in modules if m.same_resources]
    same_findings = [m for m in modules if m.same_findings]
    lines = [f"Bicep/JSON parity over {len(modules)} modules: resources identical in "
             f"{len(same_resources)} ({len(same_resources) / len(modules):.1%}), findings "
             f"identical in {len(same_findings)} ({len(same_findings) / len(modules):.1%})"]
    for m in modules:
        if m.same_resources and m.same_findings:
            continue
        only_json = sorted({rule for rule, _, _ in m.json_findings - m.bicep_findings})
        only_bicep = sorted({rule for rule, _, _ in m.bicep_findings - m.json_findings})
        lines.append(f"  {m.folder.relative_to(corpus)}: resources "
                     f"{'same' if m.same_resources else 'differ'}; findings only in main.json "
                     f"{','.join(only_json) or '-'}, only in main.bicep "
                     f"{','.join(only_bicep) or '-'}")
    shown = lines[:41] + ([f"  ... and {len(lines) - 41} more (python bench/parity.py)"]
                          if len(lines) > 41 else [])
    with capsys.disabled():  # the report is the point: shown in every run, not only on failure
        print("\n" + "\n".join(shown))
    assert len(same_resources) / len(modules) >= RESOURCES_FLOOR, "\n".join(lines)
    assert len(same_findings) / len(modules) >= FINDINGS_FLOOR, "\n".join(lines)
