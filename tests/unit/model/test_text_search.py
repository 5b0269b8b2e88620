"""Searching a template's text in any casing without a lower-cased copy of it."""
import re

from armlint.model import template
from armlint.model.template import contains_folded, ignoring_case


def test_a_needle_across_the_boundary_of_two_chunks_is_found(monkeypatch):
    monkeypatch.setattr(template, "_CHUNK", 8)
    text = "xxxxxxRESOURCEid(zzzzzzzzzz"  # 'resourceid(' starts in the first chunk
    assert contains_folded(text, ("resourceid(",))
    assert contains_folded(text, ("nothing", "zzz"))
    assert not contains_folded(text, ("resourceid((",))
    assert contains_folded("Short", ("sh",)) and not contains_folded("Short", ("x",))


def test_a_lower_case_pattern_matches_in_any_casing():
    pattern = re.compile(r"resourcegroup\s*\(\s*\)\s*\.\s*location")
    assert ignoring_case(pattern).search('"[ResourceGroup().Location]"')
    assert ignoring_case(pattern) is ignoring_case(pattern)
    assert not ignoring_case(pattern).search('"[resourceGroup().id]"')
