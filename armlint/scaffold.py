"""`armlint new-rule`: the files a new rule needs, written once with TODOs to fill in.

Owns: the layout of a new rule: the YAML file (`rules/<category>/<ID>-<name>.yaml` for a
built-in rule, `<rules-dir>/<ID>-<name>.yaml` for your own), for a built-in Python rule the
module `armlint/checks/<name>.py` with a typed `check(ctx, report)`, and a pass and a fail
fixture (`tests/rules/<ID>/`, or `<rules-dir>/tests/<ID>/`). It never overwrites a file.
"""
from __future__ import annotations

import re
from pathlib import Path

CATEGORIES = {"0": "tool", "1": "structure", "2": "parameters", "3": "expressions",
              "4": "resources", "5": "compute", "6": "security", "7": "outputs", "8": "bicep"}
CONTEXTS = {"resources": "ResourceContext", "template": "TemplateContext",
            "parameters": "ParameterContext", "variables": "VariableContext",
            "outputs": "OutputContext", "parameter-file": "ParameterFileContext",
            "document": "DocumentContext", "expressions": "ExpressionContext",
            "bicep": "BicepNodeContext"}
_ID = re.compile(r"[A-Z]{2,10}[0-9]{3,6}\Z")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _kebab(name: str) -> bool:
    return all(part and set(part) <= _NAME_CHARS for part in name.split("-"))

_YAML = """\
id: {id}
name: {name}
title: TODO one line saying what is wrong
level: warning
scope: {{kind: {kind}}}
{body}message: "TODO what is wrong and what to do instead"
docs:
  what: TODO what the rule looks at and when it fires
  why: TODO why that is a problem
  example: TODO a template that fails
  use_instead: TODO the same template fixed
"""
_JMESPATH = ("violation: \"`false`\"  # TODO a JMESPath expression, truthy for a finding\n"
             "report_at: [raw]\n")
_PYTHON = "implementation: python\nmodule: {module}\nbind: []\n"
_MODULE = '''"""{id} {name}: TODO what the rule finds, and the cases it leaves alone."""
from __future__ import annotations

from ..engine.items import {context}
from ..engine.report import Report


def check(ctx: {context}, report: Report) -> None:
    # TODO: decide from ctx (see armlint/engine/items.py); report with report.at_path(),
    # at_origin() or at_node(), the message's values as keywords (listed in the YAML's bind).
    return
'''
_FIXTURE = """\
// TODO say why this case exists: {why}
{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}}
"""


class ScaffoldError(ValueError):
    pass


def new_rule(rule_id: str, name: str, kind: str, python: bool, repo: Path,
             rules_dir: Path | None = None) -> list[Path]:
    """Write the files of a new rule; returns their paths. Built-in rules go into the source
    checkout at `repo`; with `rules_dir`, a rule of your own goes there (JMESPath only)."""
    if not _ID.match(rule_id):
        raise ScaffoldError(f"'{rule_id}' is not a rule ID (capital letters, then digits)")
    if not _kebab(name):
        raise ScaffoldError(f"'{name}' is not a kebab-case name")
    if kind not in CONTEXTS:
        raise ScaffoldError(f"unknown scope kind '{kind}' ({', '.join(CONTEXTS)})")
    if rules_dir is not None and python:
        raise ScaffoldError("rules of your own are JMESPath rules; --python is for built-in rules")
    module = name.replace("-", "_")
    if rules_dir is None:
        category = CATEGORIES.get(rule_id[2:3], "resources") if rule_id.startswith("AL") else \
            "resources"
        yaml_path = repo / "rules" / category / f"{rule_id}-{name}.yaml"
        tests = repo / "tests" / "rules" / rule_id
    else:
        yaml_path = rules_dir / f"{rule_id}-{name}.yaml"
        tests = rules_dir / "tests" / rule_id
    files = {yaml_path: _YAML.format(id=rule_id, name=name, kind=kind, body=(
        _PYTHON.format(module=module) if python else _JMESPATH)),
        tests / "pass_example.json": _FIXTURE.format(why="no finding here"),
        tests / "fail_example.json": _FIXTURE.format(why="the rule must find this")}
    if python:
        files[repo / "armlint" / "checks" / f"{module}.py"] = _MODULE.format(
            id=rule_id, name=name, context=CONTEXTS[kind])
    existing = [p for p in files if p.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0]} exists already; nothing written")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
