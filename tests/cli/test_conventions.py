"""What users of ruff and cfn-lint expect: --statistics, --format grouped, --color with
FORCE_COLOR and NO_COLOR, --version, configuration errors in plain words with file, line and the
offending value, problem matchers that pass over suppressed and baseline lines, and each rule's
page at the end of text output."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLE = (REPO / "examples" / "vm-agent-disabled.json").read_text()
NAMES = {"AL5001": "extensions-without-vm-agent", "AL5006": "vm-agent-flag-not-boolean"}


def run(*args, cwd: Path, **env):
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], capture_output=True,
                          text=True, cwd=cwd, env={**environ, **env})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def project(tmp_path):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "vm.json").write_text(EXAMPLE)
    (tmp_path / "infra" / "vm2.json").write_text(EXAMPLE)
    return tmp_path


def test_statistics_counts_per_rule(project):
    (project / "infra" / "vm3.json").write_text(
        (REPO / "tests" / "rules" / "AL5006" / "fail_string_true_and_allow.json").read_text())
    proc = run("check", "infra", "--statistics", "--select", "AL5001,AL5006", cwd=project)
    lines = proc.stdout.splitlines()
    assert lines[:2] == ["4  AL5006  [warning] vm-agent-flag-not-boolean",
                         "2  AL5001  [error] extensions-without-vm-agent"]
    assert not any(re.match(r"^infra/", l) for l in lines)  # counts instead of findings
    assert lines[-1] == "Linted 3 files (0 skipped): 2 errors, 4 warnings, 0 notes."
    assert proc.returncode == 1


def test_grouped_format_has_a_heading_per_file(project):
    proc = run("check", "infra", "-f", "grouped", "--select", "AL5001,AL5006", cwd=project)
    lines = proc.stdout.splitlines()
    assert lines[:4] == ["infra/vm.json:",
                         f"  32:33 AL5001 [error] {lines[1].split('[error] ')[1]}",
                         f"  32:33 AL5006 [warning] {lines[2].split('[warning] ')[1]}", ""]
    assert lines[4] == "infra/vm2.json:" and lines[1].endswith("(extensions-without-vm-agent)")
    assert lines[-1].startswith("Linted 2 files") and proc.returncode == 1


def test_color_always_never_auto_and_the_environment(project):
    args = ("check", "infra/vm.json", "--select", "AL5001")
    colored = "\033[31merror\033[0m"
    assert colored in run(*args, "--color", "always", cwd=project).stdout
    assert colored in run(*args, "-f", "grouped", "--color", "always", cwd=project).stdout
    assert "\033[" not in run(*args, "--color", "never", cwd=project, FORCE_COLOR="1").stdout
    # auto: standard output is a pipe here, so only FORCE_COLOR turns colour on
    assert "\033[" not in run(*args, cwd=project).stdout
    assert colored in run(*args, cwd=project, FORCE_COLOR="1").stdout
    assert "\033[" not in run(*args, cwd=project, FORCE_COLOR="0").stdout
    assert "\033[" not in run(*args, cwd=project, FORCE_COLOR="1", NO_COLOR="1").stdout
    # a report written to a file never has colour
    run(*args, "--color", "always", "-o", "out.txt", cwd=project)
    assert "\033[" not in (project / "out.txt").read_text()


def test_version(project):
    from armlint import __version__
    proc = run("--version", cwd=project)
    assert proc.returncode == 0 and proc.stdout.strip() == f"armlint, version {__version__}"


@pytest.mark.parametrize("text, where, message", [
    ("select: [AL5]\nrules:\n  AL5001: warnin\n", "3:11",
     "`rules.AL5001`: 'warnin' is not a level; use error, warning, note or off"),
    ("rules:\n  AL5001:\n    level: eror\n", "3:12",
     "`rules.AL5001.level`: 'eror' is not a level; use error, warning, note or off"),
    ("fail-level: warnin\n", "1:13", "`fail-level`: 'warnin' is not a level; use error, "
                                     "warning or note"),
    ("ignore: [AL5OO2]\n", "1:10", "unknown rule in `ignore`: 'AL5OO2' is not a rule ID, ID "
                                   "prefix, rule name or tag:NAME (see 'armlint rules')"),
    ("select: [AL5001, tag:nope]\n", "1:18", "unknown rule in `select`: 'tag:nope': no rule has "
                                             "the tag 'nope'"),
    ("rules:\n  vm-agnet: off\n", "2:3", "unknown rule in `rules`: 'vm-agnet' is not a rule ID"),
    ("overrides:\n  - files: ['*']\n    suppress: [AL5001, AL9x]\n", "3:24",
     "unknown rule in `overrides.suppress`: 'AL9x' is not a rule ID"),
])
def test_config_errors_name_file_line_and_value(project, text, where, message):
    (project / ".armlint.yaml").write_text(text)
    proc = run("check", "infra", cwd=project)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"armlint: {project / '.armlint.yaml'}:{where}: {message}")


def test_config_error_in_pyproject_names_the_file_and_line(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.armlint]\n'
                                            'ignore = ["AL5OO2"]\n')
    proc = run("check", "infra", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"armlint: {project / 'pyproject.toml'}:5:1: unknown rule in "
                                  f"`ignore`: 'AL5OO2'")


MATCHER_FILES = [REPO / "editors" / "vscode" / "problem-matchers.json"]


def matcher_patterns() -> list[re.Pattern]:
    patterns = []
    for file in MATCHER_FILES:
        for m in json.loads(file.read_text())["problemMatcher"]:
            patterns.append(re.compile(m["pattern"]["regexp"]))
    package = json.loads((REPO / "editors" / "vscode" / "package.json").read_text())
    contributed = package["contributes"]["problemMatchers"]
    assert [m["pattern"]["regexp"] for m in contributed] == [p.pattern for p in patterns]
    return patterns


@pytest.mark.parametrize("line, matched", [
    ("infra/vm.json:32:33: AL5001 [error] Virtual machine 'vm' ... (extensions-without-vm-agent)",
     True),
    ("infra/vm.json:32:33: AL5002 [note] Virtual machine (x) 'vm' (agent-disabled)", True),
    ("infra/vm.json:32:33: AL5001 [error] Virtual machine (extensions-without-vm-agent) "
     "[suppressed]", False),
    ("infra/vm.json:32:33: AL5006 [warning] provisionVMAgent is the string (vm-agent-flag) "
     "[in baseline]", False),
    ("infra/vm.json:1:1: AL9001 [undetermined] policy (p)", False),
    ("see https://github.com/armlint/armlint/blob/main/docs/rules/AL5001.md for AL5001 "
     "(extensions-without-vm-agent)", False),
    ("Linted 3 files (0 skipped): 2 errors, 2 warnings, 1 note.", False),
])
def test_problem_matchers_skip_suppressed_and_baseline_lines(line, matched):
    assert any(p.match(line) for p in matcher_patterns()) is matched


def test_problem_matchers_on_real_output_with_show_suppressed(project):
    (project / ".armlint.yaml").write_text(
        "overrides:\n  - files: ['infra/vm2.json']\n    suppress: [AL5001]\n    reason: r\n")
    proc = run("check", "infra", "--show-suppressed", "--select", "AL5001", cwd=project)
    lines = proc.stdout.splitlines()
    assert sum(l.endswith("[suppressed]") for l in lines) == 1
    hits = [l for l in lines if any(p.match(l) for p in matcher_patterns())]
    assert hits == [l for l in lines if l.startswith("infra/vm.json:32:33: AL5001 [error]")]
    assert len(hits) == 1


def test_each_rule_seen_has_its_page_at_the_end(project, tmp_path):
    proc = run("check", "infra", "--select", "AL5001,AL5006,AL5002", cwd=project)
    lines = proc.stdout.splitlines()
    pages = [l for l in lines if l.startswith("see ")]
    assert pages == [f"see https://github.com/armlint/armlint/blob/main/docs/rules/{rid}.md for "
                     f"{rid} ({name})" for rid, name in sorted(
                         {**NAMES, "AL5002": "agent-disabled-without-extension-operations"}.items())]
    assert lines.index(pages[0]) == len(lines) - 4  # after the findings, before the summary
    for rid in ("AL5001", "AL5006"):
        assert (REPO / "docs" / "rules" / f"{rid}.md").is_file()  # the page the line names
    # only rules with a finding listed: none when nothing is found
    clean = run("check", "infra", "--select", "AL1004", cwd=project).stdout
    assert "see " not in clean
