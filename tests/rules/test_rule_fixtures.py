"""Every rule fixture: `pass_*` files give no finding of their rule; `fail_*` files give exactly
the findings in their `.golden` file (armlint/ruletests.py has the conventions). Each fixture runs
with only its rule selected. Run `pytest tests/rules --update-goldens` to rewrite the goldens, then
review the diff."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from armlint.ruletests import fixtures, run_fixture

HERE = Path(__file__).resolve().parent


def _params():
    for rule_dir in sorted(HERE.iterdir()):
        if rule_dir.is_dir() and re.fullmatch(r"AL\d{4}", rule_dir.name):
            for path in fixtures(rule_dir):
                yield pytest.param(rule_dir.name, path, id=f"{rule_dir.name}/{path.name}")


@pytest.mark.parametrize("rule_id, path", list(_params()))
def test_fixture(rule_id, path, catalogue, request):
    from tests.conftest import REPO
    outcome = run_fixture(catalogue, rule_id, path, REPO,
                          update=request.config.getoption("--update-goldens"))
    assert outcome.ok, "\n".join(outcome.problems)
