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
