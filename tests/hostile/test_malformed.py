"""Malformed input gives a located finding or a clear usage error, never a traceback or a silent
value: huge numbers, deep nesting, broken configuration and rule files."""
from __future__ import annotations

import json

import pytest

from tests.hostile.harness import armlint

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def template(outputs: str) -> str:
    return (f'{{"$schema": "{SCHEMA}", "contentVersion": "1.0.0.0", "resources": [], '
            f'"outputs": {{{outputs}}}}}')


def test_a_bicep_integer_of_thousands_of_digits_is_a_located_parse_error(lint):
    result = lint(f"param p int = {'9' * 5000}\noutput o int = p\n", name="t.bicep")
    assert [(f.rule_id, f.location.span.start_line, f.location.span.start_col, f.message)
            for f in result.findings] == \
        [("AL0001", 1, 15, "expected a valid 64-bit signed integer, but the literal has 5,000 "
                           "digits")]


def test_a_bicep_integer_just_past_64_bits_is_an_error_and_the_largest_is_not(lint):
    assert [f.rule_id for f in lint("output o int = 9223372036854775809\n", name="t.bicep",
                                    select=["AL0001"]).findings] == ["AL0001"]
    assert lint("output o int = 9223372036854775807\n", name="t.bicep",
                select=["AL0001"]).findings == []


@pytest.mark.parametrize("number", ["1e400", "-1e400", "9" * 5000])
def test_a_json_number_out_of_range_is_a_located_parse_error_not_infinity(lint, number):
    text = template(f'"f": {{"type": "int", "value": {number}}}')
    result = lint(text)
    assert [(f.rule_id, f.location.span.start_col) for f in result.findings] == \
        [("AL0001", text.index(number) + 1)]
    assert "out of range" in result.findings[0].message


def test_an_expression_number_of_thousands_of_digits_is_an_invalid_expression(lint):
    text = template(f'"o": {{"type": "int", "value": "[add(1, {"9" * 5000})]"}}')
    result = lint(text, select=["AL3001"])
    assert [f.rule_id for f in result.findings] == ["AL3001"]
    assert "5,000 digits" in result.findings[0].message


def test_a_deeply_nested_param_value_is_a_usage_error(tmp_path):
    (tmp_path / "t.json").write_text(template(""))
    for value in ("[" * 100_000, "[" * 5000 + "]" * 5000):
        run = armlint("check", "t.json", "--param", f"a={value}", cwd=tmp_path)
        assert run.returncode == 2 and "--param a: the value nests too deeply" in run.stderr


BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(f"*{chr(97 + i)}" for _ in range(9)) + "]\n"
    for i in range(9))

RULE = """id: ORG001
name: storage-rule
title: A rule
level: warning
scope: {kind: resources, resource_types: [Microsoft.Storage/storageAccounts]}
violation: "%s"
report_at: [resource]
message: "Storage account '{name}'"
docs: {what: x, why: y}
"""


@pytest.mark.parametrize("text, line, words", [
    (BOMB, 1, "YAML anchors on lists and mappings (&a) are not allowed"),
    ("select: &x [AL5001]\nignore: *x\n", 1, "YAML anchors on lists and mappings (&x)"),
    ("select: [AL5001]\nignore: *x\n", 2, "the YAML alias *x names no plain value"),
    ("select: !!python/object:os.system [AL5001]\n", 1, "YAML tags (!!python/object:os.system)"),
    ("fail-level: !!binary ZXJyb3I=\n", 1, "YAML tags (!!binary)"),
    ("rules:\n  AL5001: ! warning\n", 2, "YAML tags (!)"),
    ("x: " + "[" * 200 + "]" * 200 + "\n", 1, "nests more than 64 levels deep"),
    ("select: [AL5001]\x00\n", 1, "NUL byte"),
    ("select: [AL5001\n", 2, "invalid YAML"),
])
def test_a_hostile_configuration_is_exit_2_with_file_line_and_plain_words(tmp_path, text, line,
                                                                          words):
    (tmp_path / ".armlint.yaml").write_text(text)
    (tmp_path / "t.json").write_text(template(""))
    run = armlint("check", "t.json", cwd=tmp_path)
    assert run.returncode == 2, run.output()
    assert f".armlint.yaml:{line}:" in run.stderr and words in run.stderr, run.stderr


@pytest.mark.parametrize("text, words", [
    (BOMB + RULE % "false", "YAML anchors on lists and mappings (&a) are not allowed"),
    (RULE % ("(" * 3000 + "a" + ")" * 3000), "nests too deeply"),
    (RULE % ("!" * 500 + "a"), "nests"),
    (RULE.replace("level: warning", "level: warning\nimplementation: builtin") % "a",
     "`implementation: builtin` is only for built-in rules"),
])
def test_a_hostile_rule_file_is_exit_2_with_its_name(tmp_path, text, words):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ORG001.yaml").write_text(text)
    (tmp_path / "t.json").write_text(template(""))
    run = armlint("check", "t.json", "--rules-dir", "rules", cwd=tmp_path)
    assert run.returncode == 2, run.output()
    assert "ORG001.yaml:" in run.stderr and words in run.stderr, run.stderr


def test_a_pyproject_nested_too_deeply_is_exit_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.armlint]\nx = " + "[" * 100 + "]" * 100 + "\n")
    (tmp_path / "t.json").write_text(template(""))
    run = armlint("check", "t.json", cwd=tmp_path)
    assert run.returncode == 2 and "pyproject.toml:1:1: [tool.armlint] nests too deeply" in \
        run.stderr, run.stderr


@pytest.mark.parametrize("setting, words", [
    ('{"analyzers": {"core": {"rules": {"no-unused-params": {"level": "loud"}}}}}',
     '`analyzers.core.rules.no-unused-params.level` is "loud", not a level'),
    (b'{"analyzers": {"core": {"enabled": "caf\xe9"}}}', "not valid UTF-8"),
])
def test_a_bicepconfig_that_armlint_cannot_use_is_reported(tmp_path, setting, words):
    path = tmp_path / "bicepconfig.json"
    path.write_bytes(setting if isinstance(setting, bytes) else setting.encode())
    (tmp_path / "main.bicep").write_text("param p string\noutput o string = p\n")
    run = armlint("check", "main.bicep", cwd=tmp_path)
    assert run.returncode == 2 and "bicepconfig.json:1:" in run.stderr and words in run.stderr, \
        run.stderr


@pytest.mark.parametrize("pattern, words", [
    ("(a|aa)+$", "backtracks too much to use"),
    ("(x+x+)+y", "backtracks too much to use"),
])
def test_a_rule_pattern_that_backtracks_is_a_rule_error_not_a_hang(tmp_path, pattern, words):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ORG001.yaml").write_text(RULE % f"matches(name, '{pattern}')")
    resources = ",".join(
        f'{{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", '
        f'"name": "{"a" * 3000 + "b" if "a" in pattern else "x" * 3000}{i}", "location": "x"}}'
        for i in range(20))
    (tmp_path / "t.json").write_text(template("").replace('"resources": []',
                                                          f'"resources": [{resources}]'))
    run = armlint("check", "t.json", "--rules-dir", "rules", "--select", "ORG001", "--format",
                  "json", cwd=tmp_path)
    errors = [f for f in json.loads(run.stdout)["findings"] if f["rule_id"] == "AL0003"]
    assert errors and all(words in f["message"] and "ORG001" in f["message"] for f in errors)


def test_an_invalid_rule_pattern_is_a_rule_file_error(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ORG001.yaml").write_text(RULE % "matches(name, '(unclosed')")
    (tmp_path / "t.json").write_text(template(""))
    run = armlint("check", "t.json", "--rules-dir", "rules", cwd=tmp_path)
    assert run.returncode == 2 and "ORG001.yaml:" in run.stderr and \
        "invalid regular expression" in run.stderr, run.stderr


def _resource_named(name: str, variables: dict | None = None) -> str:
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", "variables": variables or {},
                       "resources": [{"type": "Microsoft.Storage/storageAccounts",
                                      "apiVersion": "2023-01-01", "name": name,
                                      "location": "westeurope"}]})


DOUBLING = {"v0": "[padLeft('', 1000, 'x')]",
            **{f"v{i}": f"[concat(variables('v{i - 1}'), variables('v{i - 1}'))]"
               for i in range(1, 40)}}
ARRAY_DOUBLING = {"a0": ["x" * 100], **{f"a{i}": f"[createArray(variables('a{i - 1}'), "
                                                  f"variables('a{i - 1}'))]" for i in range(1, 40)}}
BIG = {"a": "[padLeft('', 1000000, 'a')]"}
EVALUATION_BOMBS = [
    ("[padLeft('a', 2000000000, 'x')]", {}),
    ("[format('{0,2000000000}', 'a')]", {}),
    ("[format('{0:D2000000000}', 1)]", {}),
    ("[format('{0:N999999999}', 1)]", {}),
    ("[replace(variables('a'), 'a', 'aaaaaaaaaa')]", BIG),
    ("[variables('v39')]", DOUBLING),
    ("[string(variables('a39'))]", ARRAY_DOUBLING),
    ("[string(map(range(0, 10000), lambda('i', padLeft('', 100000, 'x'))))]", {}),
    ("[concat(" + ",".join(["variables('a')"] * 500) + ")]", BIG),
    ("[join(map(range(0, 1000), lambda('i', variables('a'))), ',')]", BIG),
    ("[string(variables('c'))]", {"copy": [{"name": "c", "count": 800,
                                            "input": "[padLeft('', 1000000, 'x')]"}]}),
    ("[concat(variables('u39'), '-x')]",
     {"u0": "[concat(reference('r').x, '-')]",
      **{f"u{i}": f"[concat(variables('u{i - 1}'), variables('u{i - 1}'))]" for i in range(1, 40)}}),
]


def test_evaluation_bombs_are_unknown_with_a_note_under_a_memory_limit(tmp_path):
    """Each bomb alone asks for gigabytes or hours; under the harness's memory limit and timeout
    the run ends, every file linted, with no crash."""
    for n, (name, variables) in enumerate(EVALUATION_BOMBS):
        (tmp_path / f"bomb{n:02}.json").write_text(_resource_named(name, variables))
    run = armlint("check", ".", "--select", "ALL", "--format", "json", "--jobs", "1",
                  cwd=tmp_path)
    assert run.returncode in (0, 1), run.output()
    data = json.loads(run.stdout)
    assert data["files_linted"] == len(EVALUATION_BOMBS)
    assert [f for f in data["findings"] if f["rule_id"] in ("AL0003", "AL0001")] == []


def test_the_note_of_a_value_past_the_cap_says_why():
    from armlint.expr.evaluate import EvalContext, TemplateScope, evaluate_string
    value = evaluate_string("[padLeft('a', 2000000000, 'x')]", EvalContext(TemplateScope(None, None)))
    assert "over armlint's limit of 1,048,576" in value.reason


def test_an_index_chain_of_950_is_no_crash(lint):
    chain = "[variables('a')" + "[0]" * 950 + "]"
    result = lint(template(f'"o": {{"type": "int", "value": "{chain}"}}').replace(
        '"resources"', '"variables": {"a": [1]}, "resources"'), select=["ALL"])
    assert [f for f in result.findings if f.rule_id == "AL0003"] == []


def test_a_bicep_resource_and_parameter_of_one_name_is_no_crash(lint):
    result = lint("param st string = 'x'\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01'"
                  " = {\n  name: st\n  location: 'westeurope'\n}\noutput o string = st.id\n",
                  name="t.bicep", select=["ALL"])
    assert [f for f in result.findings if f.rule_id == "AL0003"] == []
    # Bicep's BCP028: a parse error at the second declaration
    assert [(f.location.span.start_line, f.location.span.start_col) for f in result.findings
            if f.rule_id == "AL0001"] == [(2, 10)]
