"""`armlint check` read without click (command.py) gives exactly what click gives, hands click
every command line it could not read the same way, and a small file served from the result
cache loads neither click nor the model, the rules or JMESPath."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import click
import pytest

from armlint.cli import check
from armlint.command import DEFAULTS, OPTIONS, parse_check_args
from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "vm-agent-disabled.json"  # three findings


def click_params(args: list[str]) -> dict | None:
    try:
        ctx = check.make_context("check", list(args))
    except click.exceptions.Exit:  # --help
        return None
    except click.ClickException:
        return None
    return ctx.params


def test_the_table_is_clicks_declaration():
    declared = {}
    for param in check.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                declared[opt] = param.name
            for opt in param.secondary_opts:
                declared[opt] = param.name
    assert {name: spec[0] for name, spec in OPTIONS.items()} == declared
    defaults = click_params(["x"])
    assert {k: v for k, v in defaults.items() if not isinstance(v, tuple)} == DEFAULTS


READ_ALIKE = [
    ["a.json"],
    ["a.json", "b.bicep", "-"],
    ["-f", "json", "-o", "out.json", "--format=sarif", "--output=o.sarif", "x"],
    ["-fjson", "-oout.json", "-j2", "x", "--jobs", "3"],
    ["--select", "AL1001,AL1002", "--select=AL2", "--ignore", "AL3", "--enable", "AL9", "x"],
    ["--fail-level", "warning", "--fail-level=note", "x"],
    ["--no-config", "--no-cache", "--statistics", "--show-suppressed", "--show-skipped", "x"],
    ["--auto-parameters", "x", "--no-auto-parameters"],
    ["--progress", "--no-progress", "--progress", "x"],
    ["--param", "a=1", "--param", 'b={"c": [1]}', "--parameters", "p.json", "x"],
    ["--color", "never", "--max-file-size", "8", "--max-file-size=+9", "x"],
    ["--baseline", "b.sarif", "--report-fixed", "--sarif-category", "cat",
     "--write-baseline", "w.sarif", "x"],
    ["--exclude", "*.json", "--no-gitignore", "--include-generated", "x"],
    ["--policy", "builtin:MCSB", "--policy-aliases", "al.json", "--show-undetermined", "x"],
    ["--rules-dir", "rules-that-do-not-exist", "--root", "tests", "--config", "c.yaml", "x"],
    ["--select", "--no-cache", "x"],  # an option's value may look like an option
    ["x", "--", "--no-cache", "-f"],  # after --, paths
    ["--output", "", "x"],
]

CLICK_ONLY = [
    [],  # no path
    ["--no-cache"],
    ["-h"], ["x", "--help"],
    ["--bogus", "x"], ["-x", "x"], ["-5", "x"],
    ["--format", "xml", "x"], ["-f=json", "x"], ["--fail-level", "ERROR", "x"],
    ["--jobs", "0", "x"], ["-j", "two", "x"], ["--max-file-size", "-1", "x"],
    ["--no-cache=1", "x"], ["x", "--select"],
    ["--output", "tests", "x"],  # a folder where a file belongs
    ["--config", "tests", "x"], ["--root", "pyproject.toml", "x"],
]


@pytest.mark.parametrize("args", READ_ALIKE, ids=lambda a: " ".join(a) or "nothing")
def test_read_alike(args, monkeypatch):
    monkeypatch.chdir(REPO)
    expected = click_params(args)
    assert expected is not None
    assert parse_check_args(args) == expected


@pytest.mark.parametrize("args", CLICK_ONLY, ids=lambda a: " ".join(a) or "nothing")
def test_click_reads_the_rest(args, monkeypatch):
    monkeypatch.chdir(REPO)
    assert click_params(args) is None  # click reports these
    assert parse_check_args(args) is None


def _run(*args, cwd, env):
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "armlint", "check", *args],
                          cwd=cwd, env=env, capture_output=True, text=True)


def _imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines()
            if line.startswith("import time:")}


def test_a_cache_hit_loads_no_click_model_or_rules(tmp_path):
    (tmp_path / "small.json").write_bytes(EXAMPLE.read_bytes())
    env = dict(os.environ, ARMLINT_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("ARMLINT_NO_CACHE", None)
    first = _run("small.json", "-f", "json", cwd=tmp_path, env=env)
    again = _run("small.json", "-f", "json", cwd=tmp_path, env=env)
    assert first.returncode == again.returncode == 1, again.stderr[-2000:]
    assert json.loads(first.stdout)["findings"] == json.loads(again.stdout)["findings"] != []
    loaded = _imported(first.stderr)
    assert {"armlint.engine.run", "armlint.model.build"} <= loaded  # the first run lints
    assert "click" not in loaded
    hit = _imported(again.stderr)
    for module in ("click", "armlint.engine.run", "armlint.model.build", "armlint.engine.jmes",
                   "jmespath", "jsonschema", "yaml", "armlint.bicep.syntax",
                   "armlint.engine.defaults", "armlint.engine.readings",
                   # a third of a hit's CPU: dataclasses imports inspect and compiles each
                   # class's methods, typing is large, hashlib loads OpenSSL (issue 12)
                   "dataclasses", "inspect", "typing"):
        assert module not in hit, module
    if importlib.util.find_spec("_sha256") or importlib.util.find_spec("_sha2"):
        assert "_hashlib" not in hit  # source/hashes.py: CPython's own SHA-256 and BLAKE2b


def test_a_usage_error_is_still_clicks(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "armlint", "check", "--format", "xml", "x"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Invalid value for '--format' / '-f'" in proc.stderr
