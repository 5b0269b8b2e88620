"""`armlint new-rule` writes a rule that loads, with fixtures whose fail case fails until the
rule is written (so a scaffold can never pass as a finished rule), and never overwrites."""
from __future__ import annotations

import ast

import pytest
from click.testing import CliRunner

from armlint.cli import main
from armlint.engine.loader import load_rule_file
from armlint.scaffold import ScaffoldError, new_rule


def test_a_rule_of_your_own_loads_and_its_fail_fixture_fails_until_written(tmp_path):
    runner = CliRunner()
    made = runner.invoke(main, ["new-rule", "ORG100", "storage-thing", "--kind", "resources",
                                "--rules-dir", str(tmp_path)])
    assert made.exit_code == 0, made.output
    assert (tmp_path / "ORG100-storage-thing.yaml").exists()
    run = runner.invoke(main, ["test-rules", str(tmp_path)])
    assert "ok    ORG100 pass_example.json" in run.output
    assert "FAIL  ORG100 fail_example.json" in run.output and run.exit_code == 1
    again = runner.invoke(main, ["new-rule", "ORG100", "storage-thing",
                                 "--rules-dir", str(tmp_path)])
    assert again.exit_code == 2 and "exists already" in again.output


@pytest.mark.parametrize("kind", ["parameters", "bicep", "template"])
def test_a_builtin_python_rule_has_a_typed_check_and_a_yaml_that_loads(tmp_path, kind):
    written = new_rule("AL2099", "parameter-name-too-long", kind, True, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert names == {"rules/parameters/AL2099-parameter-name-too-long.yaml",
                     "armlint/checks/parameter_name_too_long.py",
                     "tests/rules/AL2099/pass_example.json",
                     "tests/rules/AL2099/fail_example.json"}
    rule = load_rule_file(tmp_path / "rules/parameters/AL2099-parameter-name-too-long.yaml",
                          builtin=True)
    assert (rule.implementation, rule.scope_kind) == ("python", kind)
    module = ast.parse((tmp_path / "armlint/checks/parameter_name_too_long.py").read_text())
    check = next(n for n in module.body if isinstance(n, ast.FunctionDef))
    assert [a.arg for a in check.args.args] == ["ctx", "report"]


def test_bad_names_are_refused():
    with pytest.raises(ScaffoldError, match="kebab-case"):
        new_rule("AL2099", "Bad_Name", "parameters", False, None)
    with pytest.raises(ScaffoldError, match="unknown scope kind"):
        new_rule("AL2099", "good-name", "everything", False, None)
