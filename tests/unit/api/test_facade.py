"""The public facade: what `armlint` and `armlint.api` export, and lint_text by file name."""
from pathlib import Path

import armlint
from armlint import api

REPO = Path(__file__).resolve().parents[3]
BICEP_VM = (REPO / "tests" / "rules" / "AL5001" / "fail_parent_property.bicep").read_text()
JSON_VM = (REPO / "examples" / "vm-agent-disabled.json").read_text()


def test_the_package_re_exports_the_api_facade():
    assert set(api.__all__) <= set(dir(api))
    for name in ("lint_paths", "lint_text", "LintOptions", "RunResult"):
        assert name in armlint.__all__ and getattr(armlint, name) is getattr(api, name)


def test_lint_text_lints_bicep_as_bicep(catalogue):
    result = api.lint_text(BICEP_VM, "main.bicep", select=["AL5001"], catalogue=catalogue)
    assert result.kind == "bicep"
    assert [(f.rule_id, f.location.path, f.location.span.start_line) for f in result.findings] == [
        ("AL5001", "main.bicep", 14)]


def test_lint_text_lints_json_by_its_schema(catalogue):
    result = api.lint_text(JSON_VM, "vm.json", select=["AL5001"], catalogue=catalogue)
    assert result.kind == "template"
    assert [(f.rule_id, f.location.span.start_line) for f in result.findings] == [("AL5001", 32)]
    assert api.lint_text("{}", "other.json", catalogue=catalogue).kind == "skipped"


def test_json_shaped_like_a_template_without_schema_is_linted_as_one(catalogue):
    def kind(text):
        return api.lint_text(text, "x.json", select=["AL1002"], catalogue=catalogue)
    lost = kind('{"parameters": {}, "resources": []}')
    assert lost.kind == "template"
    assert [(f.rule_id, f.location.span.start_line) for f in lost.findings] == [("AL1002", 1)]
    assert kind('{"contentVersion": "1.0.0.0", "Resources": []}').kind == "template"
    # resources alone, or with another tool's $schema, is some other JSON
    assert kind('{"resources": [], "name": "x"}').kind == "skipped"
    assert kind('{"$schema": "https://json.schemastore.org/x.json", "contentVersion": "1",'
                ' "resources": []}').kind == "skipped"
