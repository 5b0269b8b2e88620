"""One file's problems stay that file's: odd text in findings and bugs in armlint itself."""

from armlint.api import Linter, LintOptions

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def test_a_lone_surrogate_in_a_key_is_escaped_in_findings(catalogue, tmp_path):
    # JSON allows "\ud800"; UTF-8 cannot hold it, so messages, fingerprints and reports escape it
    (tmp_path / "t.json").write_text('{"$schema": "%s", "resources": [], '
                                     '"variables": {"a\\ud800": "x"}}' % SCHEMA)
    linter = Linter(catalogue, LintOptions(select=["AL2002"], use_config=False), root=tmp_path)
    result = linter.lint_file(tmp_path / "t.json")
    assert [f.message for f in result.findings] == [
        "Variable 'a\\ud800' is declared but no expression uses it; remove it"]
    result.findings[0].message.encode("utf-8")


def test_a_bug_on_one_file_is_a_finding_on_that_file(catalogue, tmp_path, monkeypatch):
    (tmp_path / "t.json").write_text('{"$schema": "%s", "resources": []}' % SCHEMA)
    linter = Linter(catalogue, LintOptions(use_config=False), root=tmp_path)

    def broken(*args, **kwargs):
        raise KeyError("boom")
    monkeypatch.setattr(linter, "lint_bytes", broken)
    result = linter.lint_file(tmp_path / "t.json")
    assert [(f.rule_id, f.location.span.start_line, f.message) for f in result.findings] == [
        ("AL0003", 1, "armlint failed on this file: KeyError: 'boom'; please report this")]
