"""The shared corpus (../shared/corpus, skipped when absent): every ARM template and parameter
file is linted with every rule without a traceback or a rule crash, and every file that is valid
JSON with comments parses."""
from __future__ import annotations

import json

import pytest

from tests.conftest import shared_path


def arm_files():
    corpus = shared_path("corpus")
    rows = [line.split("\t") for line in
            (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [corpus / r[0] for r in rows if r[2] in ("arm-template", "arm-parameters")]


def independent_jsonc(text: str):
    """A deliberately different reader: strip comments and trailing commas character by
    character, then json.loads with raw control characters allowed."""
    out, i, n, in_string = [], 0, len(text), False
    while i < n:
        ch = text[i]
        if in_string:
            out.append(ch)
            if ch == "\\":
                out.append(text[i + 1:i + 2])
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        else:
            out.append(ch)
        i += 1
    stripped = "".join(out)
    import re
    stripped = re.sub(r",(\s*[}\]])", r"\1", stripped)
    return json.loads(stripped.lstrip("\ufeff"), strict=False)


@pytest.fixture(scope="module")
def results(catalogue):
    from armlint.api import Linter, LintOptions
    files = arm_files()
    # the corpus is no repository: its folder is the project the templates may read files from
    linter = Linter(catalogue, LintOptions(select=["ALL"], use_config=False,
                                           roots=[str(shared_path("corpus"))]))
    return [(path, linter.lint_file(path)) for path in files]


def test_no_rule_crash(results):
    crashes = [(p, f.message) for p, r in results for f in r.findings if f.rule_id == "AL0003"]
    assert crashes == []


def test_every_valid_jsonc_file_parses(results):
    from armlint.source.text import decode
    wrongly_rejected = []
    for path, result in results:
        if any(f.rule_id in ("AL0001", "AL0002") for f in result.findings):
            try:
                independent_jsonc(decode(path.read_bytes()).text)
            except ValueError:
                continue
            wrongly_rejected.append(path)
    assert wrongly_rejected == []


def test_every_template_is_linted(results):
    kinds = {r.kind for _, r in results}
    assert kinds <= {"template", "parameters"}
    assert sum(1 for _, r in results if r.kind == "template") >= 800


def bicep_files():
    corpus = shared_path("corpus")
    return sorted(corpus.rglob("*.bicep"))


@pytest.fixture(scope="module")
def bicep_results(catalogue):
    from armlint.api import Linter, LintOptions
    linter = Linter(catalogue, LintOptions(select=["ALL"], use_config=False,
                                           roots=[str(shared_path("corpus"))]))
    return [(path, linter.lint_file(path)) for path in bicep_files()]


def test_every_bicep_file_parses_and_lints_without_a_crash(bicep_results):
    assert len(bicep_results) >= 1800
    problems = [(p, f.rule_id, f.message) for p, r in bicep_results for f in r.findings
                if f.rule_id in ("AL0001", "AL0002", "AL0003")]
    assert problems == []
    assert {r.kind for _, r in bicep_results} == {"bicep"}


def test_every_output_format_parses_for_the_corpus(results, bicep_results, catalogue):
    """JSON, SARIF (against the vendored OASIS schema) and JUnit (a real XML parser) for the
    whole corpus, ARM and Bicep, with every rule; JUnit stays small (a test case per finding
    and per clean file, not per rule and file) and its failures are the failing findings."""
    import xml.etree.ElementTree as ET

    import jsonschema

    from armlint.engine.results import RunResult
    from armlint.reporters import json as json_reporter
    from armlint.reporters import junit, sarif
    from tests.conftest import SARIF_SCHEMA
    run = RunResult([r for _, r in results + bicep_results], catalogue.select(["ALL"]),
                    root=str(shared_path("corpus")))
    data = json.loads(json_reporter.render(run))
    assert len(data["findings"]) == len(run.findings) > 1000
    log = json.loads(sarif.render(run))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert len(log["runs"][0]["results"]) == len(run.findings)
    xml = junit.render(run)
    root = ET.fromstring(xml.encode("utf-8"))
    assert len(root.findall("testsuite")) == len(run.files)
    assert int(root.get("failures")) == len(run.failing())
    assert int(root.get("tests")) <= len(run.findings) + len(run.files)
    assert len(xml.encode("utf-8")) < 20 * 1024 * 1024  # it was 32 MB, 219,142 test cases
