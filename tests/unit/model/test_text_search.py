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


def _template(text: str):
    from armlint.model.build import build_template_model
    from armlint.source.jsonc import load
    doc = load(text)
    assert doc.ok, doc.error
    return build_template_model(doc, doc.value).root


_READS = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {"Site": {"type": "string"}, "Other": {"type": "string"}},
  "variables": {"v": "[PARAMETERS( 'SITE' )]", "note": "parameters('other') in a note"},
  "resources": [],
  "outputs": {"o": {"type": "string", "value": "[concat(Parameters('Site'), variables('V'))]"}}
}"""


def test_reads_are_counted_alike_on_the_lowered_copy_and_in_any_casing(monkeypatch):
    t = _template(_READS)
    assert t.folded_search_text == _READS.lower()
    lowered = (t.uses.text_reads("parameters"), t.uses.text_reads("variables"))
    assert lowered == ({"site": 2}, {"v": 1})
    monkeypatch.setattr(template, "_CHUNK", 16)  # too large to copy: matched in any casing
    t = _template(_READS)
    assert t.folded_search_text is None
    assert (t.uses.text_reads("parameters"), t.uses.text_reads("variables")) == lowered


def test_a_text_whose_lowering_moves_characters_is_not_folded():
    assert template.folded("Ab\u0130c") is None  # U+0130 lowers to two characters
    assert template.folded("AbC") == "abc"


def test_search_and_mentions_answer_alike_on_both_paths(monkeypatch):
    pattern = re.compile(r"concat\s*\(\s*parameters")
    answers = []
    for chunk in (1 << 20, 16):
        monkeypatch.setattr(template, "_CHUNK", chunk)
        t = _template(_READS)
        answers.append((t.search(pattern), t.mentions(("variables('v')",)),
                        t.mentions(("nothing",))))
    assert answers == [(True, True, False)] * 2
