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


def tagged(rid, name, tags, enabled=True):
    r = rule(rid, name, enabled)
    r.tags = tuple(tags)
    return r


TAGGED = Catalogue([tagged("AL4001", "plain", ["resources"]),
                    tagged("AL6101", "blob", ["security", "storage", "mcsb:NS-2"]),
                    tagged("AL6201", "vault", ["Security", "keyvault"]),
                    tagged("AL6202", "vault-off", ["security", "keyvault"], enabled=False)])


def test_select_ignore_and_enable_by_tag():
    assert ids(TAGGED.select(["tag:security"])) == ["AL6101", "AL6201", "AL6202"]
    assert ids(TAGGED.select(["TAG:Storage"])) == ["AL6101"]
    assert ids(TAGGED.select(["tag:mcsb:ns-2"])) == ["AL6101"]
    assert ids(TAGGED.select(ignore=["tag:security"])) == ["AL4001"]
    assert ids(TAGGED.select(ignore=["tag:keyvault"], enable=["tag:keyvault"])) == ["AL4001",
                                                                                    "AL6101"]
    assert ids(TAGGED.select(enable=["tag:keyvault"])) == ["AL4001", "AL6101", "AL6201", "AL6202"]


def test_a_tag_no_rule_has_is_a_selector_error():
    with pytest.raises(SelectorError, match="no rule has the tag 'nothing'"):
        TAGGED.select(["tag:nothing"])


def test_a_selector_is_read_once_into_a_test_of_rule_ids():
    cat = Catalogue([rule("AL5001", "a"), rule("AL5002", "b"), rule("AL6001", "c")])
    cat.rules[1].equivalents = ("bicep:no-b",)
    by_id, by_name = cat.selector_test("al5001"), cat.selector_test("c")
    assert (by_id("AL5001"), by_id("AL5002"), by_name("AL6001"), by_name("AL5001")) == (
        True, False, True, False)
    code = cat.selector_test("no-b")
    assert (code("AL5002"), code("AL5001")) == (True, False)
    prefix = cat.selector_test("AL50")
    assert (prefix("AL5001"), prefix("AL5002"), prefix("AL6001")) == (True, True, False)
    assert cat.selector_test("AL7") is None and cat.selector_test("no-such-rule") is None
    assert cat.selector_test("AL50") is prefix  # found once per selector
