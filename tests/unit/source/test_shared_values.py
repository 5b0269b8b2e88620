"""A large document's repeated values are made once (source/jsonc.py `_Sharing`), and every value
a rule sees still knows its own place (the evaluator copies a shared literal where it places it)."""
import json

import pytest

from armlint.engine.locate import locate, pin
from armlint.expr.values import origin_of
from armlint.model.build import build_template_model
from armlint.model.views import resource_view
from armlint.source import jsonc
from armlint.source.cidict import Arr, CIDict, Frozen, FrozenArr

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def _vm(i: int) -> dict:
    return {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01",
            "name": f"vm{i}", "location": "[resourceGroup().location]",
            "properties": {"osProfile": {
                "computerName": f"vm{i}", "adminUsername": "[parameters('admin')]",
                "linuxConfiguration": {"disablePasswordAuthentication": False}},
                "storageProfile": {"imageReference": {"publisher": "Canonical",
                                                      "sku": "22_04-lts"}},
                "tags": ["a", "b"]}}


def _template(count: int, pad: int = 0) -> str:
    template = {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
                "parameters": {"admin": {"type": "string"}},
                "resources": [_vm(i) for i in range(count)]}
    if pad:
        template["metadata"] = {"pad": "x" * pad}
    return json.dumps(template, indent=2)


LARGE = _template(3, pad=jsonc._SHARE_FROM)


def test_a_large_documents_literal_objects_and_arrays_are_made_once():
    first, second, third = jsonc.load(LARGE).value["resources"]
    image = first["properties"]["storageProfile"]
    assert type(image) is Frozen and type(image["imageReference"]) is Frozen
    assert image is second["properties"]["storageProfile"] is third["properties"]["storageProfile"]
    assert type(first["properties"]["tags"]) is FrozenArr
    assert first["properties"]["tags"] is third["properties"]["tags"] == ["a", "b"]
    linux = first["properties"]["osProfile"]["linuxConfiguration"]
    assert linux is second["properties"]["osProfile"]["linuxConfiguration"]
    # an object with an expression in it, or unlike the others, is its own
    assert type(first["properties"]["osProfile"]) is CIDict
    assert first["properties"]["osProfile"] is not second["properties"]["osProfile"]
    assert type(first) is CIDict and first != second


def test_a_small_document_is_made_as_the_decoder_reads_it():
    first, second, _ = jsonc.load(_template(3)).value["resources"]
    image = first["properties"]["storageProfile"]
    assert type(image) is CIDict and image is not second["properties"]["storageProfile"]
    assert type(first["properties"]["tags"]) is Arr


@pytest.mark.parametrize("a, b", [
    ('{"x": true}', '{"x": 1}'),  # equal in Python (True == 1), not in JSON
    ('{"x": [false]}', '{"x": [0]}'),
    ('[1, true]', '[1, 1]'),
    ('{"x": "1"}', '{"x": 1}'),
    ('{"x": null}', '{"x": "null"}'),
    ('{"x": {"y": 1}}', '{"x": [1]}'),
])
def test_values_equal_in_python_but_not_in_json_are_not_shared(a, b):
    doc = jsonc.load('{"a": %s, "b": %s, "pad": "%s"}' % (a, b, "x" * jsonc._SHARE_FROM))
    assert doc.value["a"] is not doc.value["b"]
    assert json.dumps(doc.value["a"]) == a and json.dumps(doc.value["b"]) == b


@pytest.mark.parametrize("value", [
    '{"x": "[parameters(\'p\')]"}',  # an expression
    '{"x": "[[literal"}',  # a `[[` string the evaluator unescapes
    '{"[concat(\'a\')]": 1}',  # an expression key
    '{"copy": [{"name": "n", "count": 2, "input": 1}]}',  # a property loop
    '{"x": 0.5}',  # a fraction (0.0 == -0.0)
    '["[variables(\'v\')]"]',
    '[{"x": "[e()]"}]',
])
def test_a_value_the_evaluator_changes_is_never_shared(value):
    doc = jsonc.load('{"a": %s, "b": %s, "pad": "%s"}' % (value, value, "x" * jsonc._SHARE_FROM))
    a, b = doc.value["a"], doc.value["b"]
    assert a == b and a is not b and type(a) in (CIDict, Arr)


def test_a_shared_value_is_never_changed_in_place():
    doc = jsonc.load(LARGE)
    res = doc.value["resources"][0]["properties"]
    with pytest.raises(TypeError):
        res["storageProfile"]["imageReference"]["sku"] = "other"
    with pytest.raises(TypeError):
        res["tags"].append("c")
    assert res["storageProfile"].copy() == res["storageProfile"]  # a copy is the caller's
    assert doc.value["resources"][1]["properties"]["tags"] == ["a", "b"]


def test_the_root_and_repeated_keys_of_a_large_literal_document():
    # a document with nothing to evaluate is literal from the top: its root is still its own
    text = '{"a": {"k": 1, "K": 2}, "b": {"k": 1, "K": 2}, "pad": "%s"}' % ("x" * jsonc._SHARE_FROM)
    doc = jsonc.load(text)
    assert type(doc.value) is CIDict and doc.value["a"] is doc.value["b"]
    assert doc.has_duplicates and len(doc.duplicates()) == 2
    arrays = jsonc.load('[[1], [1], "%s"]' % ("x" * jsonc._SHARE_FROM)).value
    assert type(arrays) is Arr and arrays[0] is arrays[1] and type(arrays[0]) is FrozenArr


def test_deeply_nested_arrays_are_shared_without_recursion():
    depth = 900
    text = '{"a": %s1%s, "pad": "%s"}' % ("[" * depth, "]" * depth, "x" * jsonc._SHARE_FROM)
    doc = jsonc.load(text)
    assert doc.ok
    inner = doc.value["a"]
    for _ in range(depth - 1):
        inner = inner[0]
    assert inner == [1] and type(inner) is FrozenArr


def test_each_place_of_a_shared_value_is_told_to_rules_and_the_raw_value_knows_none():
    doc = jsonc.load(LARGE)
    model = build_template_model(doc, doc.value)
    views = [resource_view(res) for res in model.resources]
    shared = doc.value["resources"][0]["properties"]["osProfile"]["linuxConfiguration"]
    seen = [view["properties"]["osProfile"]["linuxConfiguration"] for view in views]
    assert seen[0] == seen[1] == seen[2] == shared
    assert [origin_of(v).pointer for v in seen] == [
        ("resources", i, "properties", "osProfile", "linuxConfiguration") for i in range(3)]
    sku = [view["properties"]["storageProfile"] for view in views]
    assert [origin_of(v).pointer[:2] for v in sku] == [("resources", i) for i in range(3)]
    # the document's own object was placed nowhere, so a rule reading the raw resource (the
    # `raw` of its context) finds each resource's own place, whichever view was made first
    assert origin_of(shared) is None
    for i, res in enumerate(model.resources):
        origin, trail, _ = pin(_with_origin(res), ("properties.osProfile.linuxConfiguration",))
        assert tuple(origin.pointer) + tuple(trail) == (
            "resources", i, "properties", "osProfile", "linuxConfiguration")
        located = locate(_with_origin(res), ("properties.storageProfile.imageReference.sku",))
        assert located is not None and located[2] == \
            f"/resources/{i}/properties/storageProfile/imageReference/sku"


def _with_origin(res):
    from armlint.engine.contexts import with_origin
    return with_origin(res.raw, res.origin)


def test_findings_are_where_they_are_with_or_without_sharing(lint, monkeypatch):
    text = _template(3)
    alone = _where(lint(text, select=["ALL"]))
    monkeypatch.setattr(jsonc, "_SHARE_FROM", 0)
    assert type(jsonc.load(text).value["resources"][0]["properties"]["tags"]) is FrozenArr
    shared = _where(lint(text, select=["ALL"]))
    assert shared == alone
    # the rule judging the shared object reports on each resource's own line
    lines = [line for rule, line, _ in shared if rule == "AL6600"]
    assert len(set(lines)) == 3


def _where(result) -> list:
    return sorted((f.rule_id, f.location.span.start_line, f.location.span.start_col)
                  for f in result.findings)
