"""Every rule fixture: `pass_*` files give no finding of their rule; `fail_*` files give exactly
the findings in their `.golden` file (the source with a `//@ line:col-line:col ID level: message`
line under each finding). Each fixture runs with only its rule selected.
Run `pytest tests/rules --update-goldens` to rewrite the goldens, then review the diff."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURE = re.compile(r"^(pass|fail)_.+\.(json|jsonc|bicep|bicepparam)$")


def fixtures():
    for rule_dir in sorted(HERE.iterdir()):
        if rule_dir.is_dir() and re.fullmatch(r"AL\d{4}", rule_dir.name):
            for path in sorted(rule_dir.iterdir()):
                if FIXTURE.match(path.name) and ".parameters." not in path.name:
                    yield pytest.param(rule_dir.name, path, id=f"{rule_dir.name}/{path.name}")


def render_golden(text: str | None, findings) -> str:
    notes = defaultdict(list)
    for f in sorted(findings, key=lambda f: f.sort_key()):
        notes[f.location.span.start_line].append(
            f"//@ {f.location.span} {f.rule_id} {f.level}: {f.message}")
    if text is None:  # a source that is not text: the findings alone
        return "\n".join(n for line in sorted(notes) for n in notes[line]) + "\n"
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        out.append(line)
        out.extend(notes.get(number, ()))
    return "\n".join(out)


def extra_rules(path: Path) -> list[str]:
    """Rules a fixture asks to run beside its own (`// armlint-test-select: ID, ...`): needed
    only where the rule under test is about other rules' findings (suppressions)."""
    try:
        head = path.read_bytes().decode("utf-8").splitlines()[:3]
    except UnicodeDecodeError:
        return []
    for line in head:
        m = re.match(r"\s*//\s*armlint-test-select:\s*(.+)", line)
        if m:
            return [s.strip() for s in m.group(1).split(",") if s.strip()]
    return []


def lint_fixture(catalogue, rule_id: str, path: Path):
    from armlint.api import Linter, LintOptions
    from tests.conftest import REPO
    options = LintOptions(select=[rule_id] + extra_rules(path), use_config=False)
    stem = path.name[:-len(path.suffix)]
    for params in (path.with_name(stem + ".parameters.json"), path.with_name(stem + ".bicepparam")):
        if params.exists() and params != path:
            options.parameter_files = [str(params)]
    linter = Linter(catalogue, options, root=REPO)
    return linter.lint_file(path)


@pytest.mark.parametrize("rule_id, path", list(fixtures()))
def test_fixture(rule_id, path, catalogue, request):
    result = lint_fixture(catalogue, rule_id, path)
    findings = [f for f in result.findings if f.rule_id == rule_id]
    extras = {catalogue.find(s).id for s in extra_rules(path)}
    others = [f for f in result.findings if f.rule_id != rule_id and f.rule_id not in extras]
    assert not others, f"unexpected findings of other rules: {others}"
    if path.name.startswith("pass_"):
        assert findings == [], "a pass fixture gave findings:\n" + "\n".join(
            f"{f.location.span} {f.message}" for f in findings)
        # rules selected beside it are there to be silenced: each of their findings must be
        loud = [f for f in result.findings if f.rule_id in extras and f.suppression is None]
        assert not loud, f"findings the fixture should silence: {loud}"
        return
    assert findings, "a fail fixture gave no finding"
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        text = None
    golden_path = path.with_name(path.name + ".golden")
    rendered = render_golden(text, findings)
    if request.config.getoption("--update-goldens"):
        golden_path.write_text(rendered, encoding="utf-8")
    assert golden_path.exists(), f"missing {golden_path.name}: run pytest --update-goldens"
    assert rendered == golden_path.read_text(encoding="utf-8")
