"""A rule that raises becomes one AL0003 finding at the item; the other rules still run."""
from pathlib import Path

from armlint.engine.catalogue import Rule
from armlint.engine.run import run_rules
from armlint.model.build import build_template_model
from armlint.source.jsonc import load


def test_a_crashing_rule_is_reported_and_the_run_goes_on(catalogue):
    def broken_check(ctx, report):
        raise ZeroDivisionError("boom")

    crashing = Rule(id="AL9999", name="crashes", title="t", level="error", scope_kind="resources",
                    message="m", docs={}, source=Path("x"), implementation="python", module="x",
                    _check=broken_check)
    text = (catalogue.find("AL5001").source.parent.parent.parent / "tests" / "rules" / "AL5001" /
            "fail_nested_child.json").read_text()
    doc = load(text)
    model = build_template_model(doc, doc.value)
    raw = run_rules(model, [crashing, catalogue.find("AL5001")])
    rules = [r.rule if isinstance(r.rule, str) else r.rule.id for r in raw]
    assert rules.count("AL0003") == 2 and "AL5001" in rules  # the VM and its extension
    crash = next(r for r in raw if r.rule == "AL0003")
    assert "rule AL9999 (crashes) failed on this item: ZeroDivisionError: boom" in crash.message


TWO_ACCOUNTS = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "first",
     "location": "westeurope", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}},
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "second",
     "location": "westeurope", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}},
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "third",
     "location": "westeurope", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}}
  ]
}"""


def test_what_a_rule_reported_on_the_item_it_crashed_on_is_dropped_and_the_rest_kept():
    """A check that reports on an item and then raises there: that item's findings are replaced
    by the AL0003 (half a check's verdict is not a finding), the other items' findings stay."""
    def check(ctx, report):
        report.at_path("kind", message=f"seen {ctx.resource.name}")
        if ctx.resource.name == "second":
            report.at_path("sku", message="half-way")
            raise ValueError("boom")

    rule = Rule(id="AL9998", name="reports-then-crashes", title="t", level="error",
                scope_kind="resources", message="m", docs={}, source=Path("x"),
                implementation="python", module="x", _check=check)
    doc = load(TWO_ACCOUNTS)
    raw = run_rules(build_template_model(doc, doc.value), [rule])
    found = [(r.rule if isinstance(r.rule, str) else r.rule.id, r.message) for r in raw]
    assert found.count(("AL9998", "seen first")) == 1
    assert found.count(("AL9998", "seen third")) == 1
    assert not any(m in ("seen second", "half-way") for _, m in found)
    crash = [m for rule_id, m in found if rule_id == "AL0003"]
    assert len(crash) == 1 and "AL9998" in crash[0] and "ValueError: boom" in crash[0]
