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


def test_a_rule_off_by_default_in_bicep_only(catalogue, tmp_path):
    # AL4004 stands for arm-ttk's test (on) and the Bicep linter's no-hardcoded-location (off)
    (tmp_path / "t.json").write_text(
        '{"$schema": "%s", "resources": [{"type": "Microsoft.Storage/storageAccounts", '
        '"apiVersion": "2023-01-01", "name": "st", "location": "westeurope"}]}' % SCHEMA)
    (tmp_path / "t.bicep").write_text(
        "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n"
        "  name: 'st'\n  location: 'westeurope'\n}\n")
    linter = Linter(catalogue, LintOptions(), root=tmp_path)

    def ids(name):
        return [f.rule_id for f in linter.lint_file(tmp_path / name).findings
                if f.rule_id == "AL4004"]
    assert ids("t.json") == ["AL4004"]
    assert ids("t.bicep") == []
    assert [f.rule_id for f in Linter(catalogue, LintOptions(enable=["AL4004"]), root=tmp_path)
            .lint_file(tmp_path / "t.bicep").findings if f.rule_id == "AL4004"] == ["AL4004"]
    (tmp_path / "bicepconfig.json").write_text(
        '{"analyzers": {"core": {"rules": {"no-hardcoded-location": {"level": "warning"}}}}}')
    linter = Linter(catalogue, LintOptions(), root=tmp_path)
    assert ids("t.bicep") == ["AL4004"]


def test_settings_of_json_and_bicep_files_are_not_confused(catalogue, tmp_path, monkeypatch):
    # The settings cache was keyed on id() of the bicepconfig levels; with no Bicep code mapped,
    # each call made a new empty dict whose id the next call reused, so a Bicep file got the rules
    # cached for a JSON file (AL4004 on) depending on what ran before.
    from armlint.config import BicepConfigFinder
    monkeypatch.setattr(BicepConfigFinder, "levels_for", lambda self, path: {})
    linter = Linter(catalogue, LintOptions(), root=tmp_path)
    for _ in range(20):
        assert "AL4004" in {r.id for r in linter.settings(tmp_path / "t.json").rules}
        assert "AL4004" not in {r.id for r in linter.settings(tmp_path / "t.bicep").rules}


def test_the_bytes_of_a_file_are_not_kept_while_its_text_is_linted(catalogue, tmp_path):
    import tracemalloc
    size = 4 << 20
    (tmp_path / "t.json").write_text('{"$schema": "%s", "resources": [], "x": "%s"}'
                                     % (SCHEMA, "a" * size))
    linter = Linter(catalogue, LintOptions(select=["AL2002"], use_config=False), root=tmp_path)
    held = []

    def lint_source(text, *args):
        held.append(tracemalloc.get_traced_memory()[0] - before)
        return real(text, *args)
    real, linter.lint_source = linter.lint_source, lint_source
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        linter.lint_file(tmp_path / "t.json")
    finally:
        tracemalloc.stop()
    assert size < held[0] < 1.5 * size  # the text; the bytes (another 4 MB) are gone
