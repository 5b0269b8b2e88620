"""Every output format is read by its consumer whatever the templates hold: a template full of
control characters, ANSI escapes, GitHub's `::` and `%0A` sequences and bidirectional controls,
under a file name that is not UTF-8, gives JSON that parses, SARIF valid against the vendored
OASIS schema, JUnit XML that parses, GitHub commands that stay one line each, and text without a
raw control character."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import REPO, SARIF_SCHEMA

HOSTILE = ("vm\x1b[31mRED\x1b[0m\x07\x01b\nline2\r::error file=x::forged%0A%0D\u202egnp\u2028"
           "\x85\x7f\ud800 end")


@pytest.fixture
def hostile(tmp_path):
    template = json.loads((REPO / "examples" / "vm-agent-disabled.json").read_text())
    text = json.dumps(template, ensure_ascii=True)
    text = text.replace('"vm-agentless"', json.dumps(HOSTILE, ensure_ascii=True))
    assert json.dumps(HOSTILE, ensure_ascii=True) in text
    name = os.fsdecode(b"bad\xff\x1b[2Jname.json")
    (tmp_path / name).write_text(text)
    (tmp_path / "plain.json").write_text(text)
    return tmp_path


RAW = [chr(c) for c in list(range(0, 9)) + list(range(10, 32)) + [0x7F, 0x85, 0x202E, 0x2028]]


def run(*args, cwd):
    proc = subprocess.run([sys.executable, "-m", "armlint", "check", ".", *args], cwd=cwd,
                          capture_output=True)
    assert b"Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1
    return proc.stdout.decode("utf-8")


def test_every_format_parses_for_hostile_names_and_messages(hostile):
    data = json.loads(run("-f", "json", cwd=hostile))
    messages = [f["message"] for f in data["findings"] if f["rule_id"] == "AL5001"]
    # JSON keeps the text as it is, but a lone surrogate (which UTF-8 cannot hold) as an escape
    kept = HOSTILE.replace("\ud800", "\\ud800")
    assert len(messages) == 2 and all(kept in m for m in messages)

    import jsonschema
    log = json.loads(run("-f", "sarif", cwd=hostile))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert len(uris) == 2 and "plain.json" in uris
    assert all(u.isascii() and u.isprintable() for u in uris)  # percent-encoded, no raw ESC

    root = ET.fromstring(run("-f", "junit", cwd=hostile).encode("utf-8"))
    failures = root.findall("testsuite/testcase/failure")
    assert failures and int(root.get("failures")) == len(failures)

    for fmt in ("text", "grouped", "github"):
        out = run("-f", fmt, cwd=hostile)
        lines = out.split("\n")[:-1]
        for line in lines:
            assert not any(ch in line for ch in RAW), (fmt, line)
        if fmt == "github":
            commands = [l for l in lines if l.startswith("::")]
            assert len(commands) == 2 * 4  # one line per finding: no forged or split command
            # the command's own part ends at the first '::' after it: the file name cannot end
            # it early (':' and ',' are escaped in properties), the message holds the rest
            props = [l.split("::", 2)[1] for l in commands]
            assert all(p.startswith(("error file=", "notice file=", "warning file=")) for p in props)
            assert all("title=AL50" in p and "forged" not in p for p in props)
            assert all("%250A%250D" in l for l in commands if "AL5001" in l)
