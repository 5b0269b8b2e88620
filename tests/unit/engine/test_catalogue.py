"""Selecting rules by ID, prefix, name, ALL; off-by-default rules."""
from pathlib import Path

import pytest

from armlint.engine.catalogue import Catalogue, Rule, SelectorError


def rule(rid, name, enabled=True):
    return Rule(id=rid, name=name, title="t", level="warning", scope_kind="resources",
                message="m", docs={}, source=Path("x"), enabled=enabled)


CAT = Catalogue([rule("AL5001", "a"), rule("AL5002", "b"), rule("AL6001", "c", enabled=False)])


def ids(rules):
    return [r.id for r in rules]


def test_default_is_enabled_rules():
    assert ids(CAT.select()) == ["AL5001", "AL5002"]


def test_select_by_id_prefix_name_and_all():
    assert ids(CAT.select(["AL5001"])) == ["AL5001"]
    assert ids(CAT.select(["al50"])) == ["AL5001", "AL5002"]
    assert ids(CAT.select(["b"])) == ["AL5002"]
    assert ids(CAT.select(["ALL"])) == ["AL5001", "AL5002", "AL6001"]
    assert ids(CAT.select(["c"])) == ["AL6001"]


def test_ignore_and_unknown_selector():
    assert ids(CAT.select(ignore=["a"])) == ["AL5002"]
    with pytest.raises(SelectorError):
        CAT.select(["AL9"])
    with pytest.raises(SelectorError):
        CAT.select(ignore=["nope"])
