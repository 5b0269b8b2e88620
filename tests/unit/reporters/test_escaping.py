"""Text from templates in human-facing formats: control characters, ANSI escapes, line breaks,
bidirectional controls and GitHub's own command syntax are written as visible escapes, so one
finding stays one line, nothing acts on a terminal, and JUnit is well-formed XML for any input."""
import xml.etree.ElementTree as ET

import pytest

from armlint.engine.results import FileResult, Finding, Location, RunResult
from armlint.reporters import github, junit, text
from armlint.reporters.escape import visible
from armlint.source.text import Span
from tests.conftest import REPO

HOSTILE = ("name \x1b[31mRED\x1b[0m\x07 a\u0001b\nsecond line\r\n::error::forged %0A"
           "%0D \u202egnp.exe \u2028\u2029\x85\x7f\ud800 \ufffe end")


@pytest.fixture
def result(catalogue):
    rule = catalogue.find("AL5001")
    path = "dir/x\x1b[2J\nevil.json"
    f = Finding("AL5001", rule.name, "error", HOSTILE, Location(path, Span(3, 5, 3, 10), "/r"),
                fingerprint="abc")
    return RunResult([FileResult(path, "template", [f], rules=["AL5001"])], catalogue.select(),
                     root=str(REPO))


def _clean(out: str) -> None:
    for bad in ("\x1b", "\x07", "\x01", "\u202e", "\u2028", "\u2029", "\x85", "\x7f", "\ud800",
                "\ufffe"):
        assert bad not in out


def test_visible_escapes_every_dangerous_character_and_keeps_the_rest():
    assert visible("a\x1b[31mb\nc\td é 中") == "a\\x1b[31mb\\nc\td é 中"
    assert visible("\u202e\u2066\x00\x9b") == "\\u202e\\u2066\\x00\\x9b"


def test_text_keeps_one_line_per_finding(result):
    out = text.render(result, color=True)
    for own in ("\x1b[1m", "\x1b[0m", "\x1b[31m"):  # armlint's own colours, around the text
        out = out.replace(own, "")
    _clean(out)
    lines = out.split("\n")[:-1]
    assert len(lines) == 3  # the finding, its rule's page and the summary
    assert "\\x1b[31mRED\\x1b[0m" in lines[0] and "\\nsecond line\\r\\n" in lines[0]
    plain = text.render(result)
    _clean(plain)
    assert plain.splitlines()[0].startswith("dir/x\\x1b[2J\\nevil.json:3:5: AL5001 [error] name ")


def test_github_commands_cannot_be_broken_or_forged(result):
    out = github.render(result)
    _clean(out)
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=dir/x\\x1b[2J\\nevil.json,")
    # the message part: '::' cannot end it early and '%0A' is not decoded into a line break
    message = lines[0].split("::", 2)[2]
    assert "::error::forged %250A%250D" in message


def test_junit_is_well_formed_xml_for_any_input(result):
    out = junit.render(result)
    root = ET.fromstring(out.encode("utf-8"))
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == visible(HOSTILE)
    assert root.find("./testsuite").get("name") == "dir/x\\x1b[2J\\nevil.json"


def test_junit_parses_for_every_character(catalogue):
    rule = catalogue.find("AL5001")
    every = "".join(chr(c) for c in range(0, 0x3000)) + "\ufffe\uffff\U0001f600"
    f = Finding("AL5001", rule.name, "error", every, Location(every, Span(1, 1, 1, 2), ""),
                fingerprint="x")
    out = junit.render(RunResult([FileResult(every, "template", [f], rules=["AL5001"])],
                                 catalogue.select(), root=str(REPO)))
    ET.fromstring(out.encode("utf-8"))
