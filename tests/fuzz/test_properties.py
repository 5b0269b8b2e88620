"""Property-based campaign (hypothesis): any input of each kind gives a value or a located error,
never an exception or a rule crash. In CI each property runs a bounded number of examples (a
few seconds); a long local campaign sets ARMLINT_FUZZ_EXAMPLES (scripts/fuzz_campaign.py runs them
without stopping at a failure and counts the inputs)."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings, strategies as st

from tests.fuzz import properties as P
from tests.fuzz import strategies as S

EXAMPLES = int(os.environ.get("ARMLINT_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES < 1000,
                suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.one_of(st.text(), S.mutated(S.fixtures(".json"), ['"', "{", "}", "[", "]", ",", ":",
                                                            "//", "/*", "*/"])))
def test_jsonc_reader(text):
    P.jsonc_reads(text)


@FUZZ
@given(S.expressions() | st.text().map(lambda s: "[" + s + "]"))
def test_expression_parser(text):
    P.expression_parses(text)


@FUZZ
@given(S.bicep_files() | st.text())
def test_bicep_parser(text):
    P.bicep_parses(text)


@FUZZ
@given(S.templates())
def test_templates_lint(text):
    P.lints(text, "fuzz.json")


@FUZZ
@given(S.bicep_files())
def test_bicep_lints(text):
    P.lints(text, "fuzz.bicep")


@FUZZ
@given(S.bicep_files())
def test_bicepparam_lints(text):
    P.lints(text, "fuzz.bicepparam")


@FUZZ
@given(S.configurations())
def test_configuration_files(text):
    P.configuration_loads(text)


@FUZZ
@given(S.rule_texts())
def test_rule_files(text):
    P.rule_file_loads(text)
