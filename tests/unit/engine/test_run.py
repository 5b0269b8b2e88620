"""engine/run.py: which items a JMESPath rule visits, `let`/`where`/`each`/`violation`/`bind`,
options, languages, and that an unknown value never fires a rule."""
import textwrap

import pytest

from armlint.engine.loader import load_rule_file
from armlint.engine.run import RunOptions, run_rules
from armlint.model.build import build_template_model
from armlint.source.jsonc import load

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

RULE = """\
id: XX9001
name: open-ports
title: t
level: warning
scope: {kind: resources, resource_types: [Microsoft.Network/networkSecurityGroups]}
options:
  Ports: {type: array, default: ["22"], description: d}
let:
  rules: resource.properties.securityRules
where: "length(rules) > `0`"
each: "rules[?properties.access == 'Allow']"
violation: "contains(options.Ports, item.properties.destinationPortRange)"
report_at: [item.properties.destinationPortRange]
bind:
  port: item.properties.destinationPortRange
message: "NSG '{name}' opens port {port}"
docs: {what: w, why: y}
"""

TEMPLATE = """{
  "$schema": "%s",
  "parameters": {"port": {"type": "string"}, "rdp": {"type": "string", "defaultValue": "3389"}},
  "resources": [
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": "nsg1",
     "properties": {"securityRules": [
        {"name": "a", "properties": {"access": "Allow", "destinationPortRange": "22"}},
        {"name": "b", "properties": {"access": "Deny", "destinationPortRange": "22"}},
        {"name": "c", "properties": {"access": "Allow",
                                     "destinationPortRange": "[parameters('port')]"}},
        {"name": "d", "properties": {"access": "Allow",
                                     "destinationPortRange": "[parameters('rdp')]"}}]}},
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": "nsg2",
     "properties": {"securityRules": []}},
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "nsg3",
     "properties": {"securityRules": [
        {"name": "a", "properties": {"access": "Allow", "destinationPortRange": "22"}}]}}
  ]
}""" % SCHEMA


def rule_of(tmp_path, text=RULE):
    path = tmp_path / "XX9001-rule.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rule_file(path, validate=True)


def model_of(text=TEMPLATE, values=None, language="json"):
    doc = load(text)
    return build_template_model(doc, doc.value, values, language=language)


def messages(raw):
    return [r.message for r in raw]


def test_each_item_is_judged_and_bound(tmp_path):
    # rule b is denied, c's port is unknown (no value): only a fires; nsg2 has no rules (`where`)
    # and nsg3 is of another type, so neither is visited
    assert messages(run_rules(model_of(), [rule_of(tmp_path)])) == ["NSG 'nsg1' opens port 22"]


def test_options_from_the_configuration_replace_the_default(tmp_path):
    options = RunOptions(rule_options={"XX9001": {"Ports": ["3389"]}})
    assert messages(run_rules(model_of(), [rule_of(tmp_path)], options)) == [
        "NSG 'nsg1' opens port 3389"]


def test_a_value_known_from_a_parameter_file_fires_and_an_unknown_one_never(tmp_path):
    rule = rule_of(tmp_path)
    assert "NSG 'nsg1' opens port 22" in messages(run_rules(model_of(), [rule]))
    given = run_rules(model_of(values={"port": "22"}), [rule])
    assert messages(given) == ["NSG 'nsg1' opens port 22", "NSG 'nsg1' opens port 22"]
    # an unknown violation (`contains` of an unknown port) is not a finding, nor is a negated one
    negated = rule_of(tmp_path, RULE.replace(
        'violation: "contains(options.Ports, item.properties.destinationPortRange)"',
        'violation: "!contains(options.Ports, item.properties.destinationPortRange)"'))
    assert messages(run_rules(model_of(), [negated])) == ["NSG 'nsg1' opens port 3389"]


def test_a_rule_runs_only_on_its_languages(tmp_path):
    rule = rule_of(tmp_path, RULE.replace(
        "resource_types: [Microsoft.Network/networkSecurityGroups]}",
        "resource_types: [Microsoft.Network/networkSecurityGroups], languages: [bicep]}"))
    assert run_rules(model_of(), [rule]) == []


def test_a_crash_on_one_item_is_an_al0003_there_and_the_others_still_run(tmp_path):
    rule = rule_of(tmp_path)
    real = rule.violation

    class Fragile:
        """The rule's expression, failing on one NSG's items."""

        def search(self, scoped):
            if scoped["name"] == "nsg1" and scoped["item"]["name"] == "d":
                raise KeyError("boom")
            return real.search(scoped)
    rule.violation = Fragile()
    text = TEMPLATE.replace('"name": "nsg2",\n     "properties": {"securityRules": []}',
                            '"name": "nsg2",\n     "properties": {"securityRules": [\n'
                            '        {"name": "a", "properties": {"access": "Allow", '
                            '"destinationPortRange": "22"}}]}')
    raw = run_rules(model_of(text), [rule])
    kinds = [r.rule if isinstance(r.rule, str) else r.message for r in raw]
    assert kinds == ["AL0003", "NSG 'nsg2' opens port 22"]
    assert "rule XX9001 (open-ports) failed on this item: KeyError: 'boom'" in raw[0].message



NAMED = """\
id: %s
name: named-%s
title: t
level: warning
scope: {kind: resources%s}
violation: "`true`"
report_at: [resource]
message: "{name}"
docs: {what: w, why: y}
"""

MIXED = """{
  "$schema": "%s",
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1"},
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": "nsg1"},
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st2"},
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": "nsg2"}
  ]
}""" % SCHEMA


def named_rule(tmp_path, rule_id, *types):
    """A rule reporting every resource of `types` (all without) by name."""
    path = tmp_path / f"{rule_id}-rule.yaml"
    shown = f", resource_types: [{', '.join(types)}]" if types else ""
    path.write_text(NAMED % (rule_id, rule_id.lower(), shown), encoding="utf-8")
    return load_rule_file(path, validate=True)


@pytest.mark.parametrize("block", [256, 2, 1])
def test_rules_of_resources_keep_their_order_and_each_rule_its_items_order(tmp_path, monkeypatch,
                                                                             block):
    # resources are judged a block at a time by every rule (engine/run.py _in_blocks), yet each
    # rule reports in its own items' order (type by type for a rule of two types, which is not
    # the template's order) and the rules' findings come in the order of the rules
    from armlint.engine import run
    monkeypatch.setattr(run, "BLOCK", block)
    both = named_rule(tmp_path, "XX9002", "Microsoft.Network/networkSecurityGroups",
                      "Microsoft.Storage/storageAccounts")
    one = named_rule(tmp_path, "XX9003", "Microsoft.Storage/storageAccounts")
    every = named_rule(tmp_path, "XX9004")
    raw = run_rules(model_of(MIXED), [both, one, every])
    assert [(r.rule.id, r.message) for r in raw] == [
        ("XX9002", "nsg1"), ("XX9002", "nsg2"), ("XX9002", "st1"), ("XX9002", "st2"),
        ("XX9003", "st1"), ("XX9003", "st2"),
        ("XX9004", "st1"), ("XX9004", "nsg1"), ("XX9004", "st2"), ("XX9004", "nsg2")]


def test_resource_contexts_are_dropped_once_every_rule_judged_their_block(tmp_path, monkeypatch):
    from armlint.engine import contexts, run
    monkeypatch.setattr(run, "BLOCK", 2)
    first, second = named_rule(tmp_path, "XX9002"), named_rule(tmp_path, "XX9003")
    held = []
    made = contexts.Contexts.resource

    def resource(self, res):
        held.append(sum(1 for key in self._cache if key[0] == "resource"))
        return made(self, res)
    monkeypatch.setattr(contexts.Contexts, "resource", resource)
    raw = run_rules(model_of(MIXED), [first, second])
    assert len(raw) == 8
    # each rule over the first two resources, whose contexts are then dropped, then the next two
    assert held == [0, 1, 2, 2, 0, 1, 2, 2]


def test_resource_views_are_dropped_once_every_rule_judged_their_block(tmp_path, monkeypatch):
    # the evaluated views (model/views.py) go with the contexts of their block: kept until every
    # rule had run, a large template's took 0.6 times its size
    from armlint.engine import contexts, run
    monkeypatch.setattr(run, "BLOCK", 2)
    first, second = named_rule(tmp_path, "XX9002"), named_rule(tmp_path, "XX9003")
    model = model_of(MIXED)
    held = []
    made = contexts.Contexts.resource

    def resource(self, res):
        held.append(sum(1 for one in model.resources if one._view is not None))
        return made(self, res)
    monkeypatch.setattr(contexts.Contexts, "resource", resource)
    raw = run_rules(model, [first, second])
    assert len(raw) == 8
    assert held == [0, 1, 2, 2, 0, 1, 2, 2]
    assert all(one._view is None for one in model.resources)


def test_a_python_rule_reporting_at_an_origin_builds_no_context_of_its_resource(monkeypatch):
    # a finding placed by an origin has no path to walk in the item's JMESPath context: building
    # it (view, effective values, settings) only to report at an origin cost a large template's
    # rule that reports on every resource a view of each
    from pathlib import Path
    from armlint.engine import contexts
    from armlint.engine.catalogue import Rule

    def check(ctx, report):
        res = ctx.resource
        if res.name == "st2":
            report.at_path("resource.name")
        else:
            report.at_origin(res.origin.child("name"))
    rule = Rule(id="AL9998", name="origins", title="t", level="warning", scope_kind="resources",
                message="m", docs={}, source=Path("x"), implementation="python", module="x",
                _check=check)
    built = []
    made = contexts.Contexts.resource

    def resource(self, res):
        built.append(res.name)
        return made(self, res)
    monkeypatch.setattr(contexts.Contexts, "resource", resource)
    model = model_of(MIXED)
    raw = run_rules(model, [rule])
    assert built == ["st2"]
    # each finding still knows its resource, as one placed by a path does
    assert len(raw) == 4 and all(r.item is res.origin for r, res in zip(raw, model.resources))
    assert [r.origin is None for r in raw] == [False, False, True, False]
