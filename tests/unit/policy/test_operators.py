"""Each condition operator with the policy language's case and type rules, on one value."""
from __future__ import annotations

import pytest

from armlint.expr.values import Unknown
from armlint.policy.operators import Unsure, compare, equals, like, match


@pytest.mark.parametrize("value, operand, expected", [
    ("Standard_LRS", "standard_lrs", True),  # strings ignore case
    ("a", "b", False),
    (False, "false", True),  # a boolean compares as its text
    (True, "True", True),
    (True, False, False),
    (443, "443", True),  # a number compares as its text
    (1.0, 1, True),
    (None, "x", False),  # absent
    ({"A": 1}, {"a": 1}, True),  # objects: keys ignore case
    ([1, "X"], [1, "x"], True),
    ([1, 2], [2, 1], False),  # arrays keep their order
])
def test_equals(value, operand, expected):
    assert compare("equals", value, operand) is expected
    assert compare("notequals", value, operand) is (not expected)


@pytest.mark.parametrize("value, pattern, expected", [
    ("Microsoft.Network/virtualNetworks", "microsoft.network/*", True),
    ("myVault", "*VAULT", True),
    ("abc", "a*c", True),
    ("abc", "a*d", False),
    ("abc", "abc", True),
    ("a.c", "a?c", False),  # only * is a wildcard; ? is a character
    ("a?c", "a?c", True),
    ("a+b", "a+*", True),  # regular-expression characters are literal
    ("", "*", True),
    (None, "*", False),  # absent is like nothing
])
def test_like(value, pattern, expected):
    assert like(value, pattern) is expected
    assert compare("notlike", value, pattern) is (not expected)


@pytest.mark.parametrize("value, pattern, sensitive, insensitive", [
    ("ab12", "??##", True, True),  # ? a letter, # a digit
    ("a1", "?#", True, True),
    ("1a", "?#", False, False),
    ("a-b", "a.b", True, True),  # . any character
    ("AB", "ab", False, True),  # literal characters: match is case-sensitive
    ("abc", "ab", False, False),  # the whole value
    ("ab", "ab.", False, False),
])
def test_match(value, pattern, sensitive, insensitive):
    assert match(value, pattern, False) is sensitive
    assert match(value, pattern, True) is insensitive
    assert compare("notmatch", value, pattern) is (not sensitive)
    assert compare("notmatchinsensitively", value, pattern) is (not insensitive)


def test_contains_strings_arrays_and_objects():
    assert compare("contains", "Hello World", "WORLD") is True  # substring, any case
    assert compare("contains", ["a", "B"], "b") is True  # an array member
    assert compare("contains", ["ab"], "a") is False
    assert compare("contains", {"Key": 1}, "key") is True
    assert compare("contains", None, "a") is False
    assert compare("notcontains", None, "a") is True


def test_in_needs_an_array():
    assert compare("in", "eastus", ["EastUS", "westus"]) is True
    assert compare("notin", "northeurope", ["eastus"]) is True
    assert compare("in", None, ["x"]) is False
    assert compare("notin", None, ["x"]) is True
    assert isinstance(compare("in", "x", "x"), Unsure)


def test_contains_key():
    assert compare("containskey", {"Environment": "x"}, "environment") is True
    assert compare("containskey", {"a": 1}, "b") is False
    assert compare("notcontainskey", None, "b") is True
    assert compare("containskey", "text", "t") is False


@pytest.mark.parametrize("op, value, operand, expected", [
    ("less", 1, 2, True), ("less", 2, 2, False), ("lessorequals", 2, 2, True),
    ("greater", 3, 2, True), ("greaterorequals", 2, 2, True), ("greater", 2.5, 2, True),
    ("less", "2021-01-01", "2022-01-01T00:00:00Z", True),  # dates compare as dates
    ("greater", "2022-06-01T10:00:00.1234567Z", "2022-06-01T10:00:00Z", True),
    ("less", "apple", "Banana", True),  # strings ignore case
    ("greater", "b", "A", True),
    ("less", None, 3, False),  # absent
])
def test_ordering(op, value, operand, expected):
    assert compare(op, value, operand) is expected


def test_ordering_other_types_is_undetermined():
    # Azure fails an evaluation that orders a string against a number: never a finding
    assert isinstance(compare("less", "1", 2), Unsure)
    assert isinstance(compare("greater", True, 0), Unsure)


def test_exists():
    assert compare("exists", "x", "true") is True
    assert compare("exists", None, True) is False
    assert compare("exists", None, "FALSE") is True
    assert compare("exists", "", "true") is True  # an empty string is there
    assert isinstance(compare("exists", "x", "maybe"), Unsure)


def test_unknown_values_are_undetermined_but_exist():
    u = Unknown("parameters('tls')", "string", "no value")
    for op in ("equals", "notequals", "like", "in", "contains", "less"):
        assert isinstance(compare(op, u, ["x"] if op == "in" else "x"), Unsure), op
    assert compare("exists", u, True) is True
    assert isinstance(compare("equals", "x", u), Unsure)  # an unknown policy value too
    assert isinstance(compare("equals", {"a": u}, {"a": 1}), Unsure)  # inside containers


def test_equals_numbers_and_strings():
    assert equals(0, "0")
    assert not equals(0, False)
    assert not equals(None, "")
