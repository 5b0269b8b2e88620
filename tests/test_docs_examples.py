"""Every rule's documentation examples behave as the page says: the example (and its Bicep twin)
gives a finding of the rule, and `use_instead` gives none. Examples are complete files."""
from __future__ import annotations

import pytest

EXAMPLES = [("example", "json", True), ("use_instead", "json", False),
            ("example_bicep", "bicep", True), ("use_instead_bicep", "bicep", False)]


def _cases():
    from armlint.engine.loader import load_catalogue
    for rule in load_catalogue().rules:
        for key, language, fires in EXAMPLES:
            text = rule.docs.get(key)
            if text and _is_document(text, language):
                yield pytest.param(rule.id, key, language, fires, id=f"{rule.id}-{key}")


def _is_document(text: str, language: str) -> bool:
    if language == "json":
        return text.lstrip().startswith("{") and "$schema" in text
    return True


@pytest.mark.parametrize("rule_id, key, language, fires", list(_cases()))
def test_example(rule_id, key, language, fires, lint, catalogue):
    rule = catalogue.find(rule_id)
    result = lint(rule.docs[key], select=[rule_id], name=f"example.{language}")
    found = [f for f in result.findings if f.rule_id == rule_id]
    if fires:
        assert found, f"the {key} of {rule_id} gives no finding"
    else:
        assert not found, f"the {key} of {rule_id} gives findings: {[f.message for f in found]}"


def test_rules_outside_the_tool_category_have_complete_examples(catalogue):
    missing = []
    for rule in catalogue.rules:
        if rule.category == "0":
            continue
        docs = rule.docs
        if not (_is_document(docs.get("example", ""), "json") or docs.get("example_bicep")):
            missing.append(rule.id)
    assert missing == []
