"""The uses index (model/uses.py): one pass over a template's expressions, made only when a
rule asks for what it finds; a lowered Bicep template's trees are the lowering's, not parsed
again."""
import sys
from array import array

from armlint.bicep.lower import ModuleLoader
import pytest

from armlint.expr import parser
from armlint.expr.bounded import Bounded
from armlint.model.build import build_template_model
from armlint.source.jsonc import load

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

_JSON = """{
  "$schema": "%s",
  "parameters": {"Used": {"type": "string"}, "unused": {"type": "string"}},
  "variables": {"v": "[toLower(PARAMETERS('used'))]"},
  "resources": [],
  "outputs": {"o": {"type": "string", "value": "[variables(concat('v', ''))]"}}
}""" % SCHEMA

_BICEP = """param used string
param unused string
var v = toLower(used)
output o string = concat(v, 'x')
"""


def _json():
    doc = load(_JSON)
    assert doc.ok, doc.error
    return build_template_model(doc, doc.value).root


def _bicep(tmp_path):
    path = tmp_path / "main.bicep"
    path.write_text(_BICEP)
    doc, value = ModuleLoader().lowered(path, _BICEP)
    return build_template_model(doc, value, {}, language="bicep").root


def _refuse(self, text):
    raise AssertionError(f"parsed: {text}")


@pytest.fixture
def no_parsing(monkeypatch):
    """A function: from when it is called, parsing an expression string fails the test."""
    monkeypatch.setattr(parser, "_cache", Bounded(16))  # no tree of an earlier test
    return lambda: monkeypatch.setattr(parser._Parser, "__init__", _refuse)


def test_unread_parameters_of_json_told_by_the_text_need_no_pass(no_parsing):
    t = _json()
    no_parsing()
    uses = t.uses
    assert uses.is_unread("parameters", "unused") and not uses.is_unread("parameters", "USED")


def test_the_pass_counts_calls_reads_and_computed_names_once_asked():
    uses = _json().uses
    assert uses.parameters == {"used": 1}
    assert uses.functions == {"tolower": 1, "parameters": 1, "variables": 1, "concat": 1}
    assert [(s, p) for s, p, _ in uses.dynamic] == [("variables", ("outputs", "o", "value"))]
    assert sorted(e.pointer for e in uses.expressions) == [("outputs", "o", "value"),
                                                           ("variables", "v")]
    assert uses.calls_any(("tolower",)) and not uses.calls_any(("list*",))


def test_unread_in_bicep_comes_from_the_symbols_without_a_pass(tmp_path, monkeypatch):
    t = _bicep(tmp_path)
    monkeypatch.setattr(parser, "_lowered", Bounded(16))  # a pass would have to parse
    monkeypatch.setattr(parser, "_cache", Bounded(16))
    monkeypatch.setattr(parser._Parser, "__init__", _refuse)
    uses = t.uses
    assert uses.is_unread("parameters", "unused") and not uses.is_unread("parameters", "used")


def test_bicep_expressions_are_the_lowered_trees_not_parsed_again(tmp_path, no_parsing):
    t = _bicep(tmp_path)
    no_parsing()
    uses = t.uses
    assert uses.parameters == {"used": 1} and uses.variables == {"v": 1}
    assert {e.text for e in uses.expressions} == {"[toLower(parameters('used'))]",
                                                  "[concat(variables('v'), 'x')]"}


def test_json_expressions_keep_no_tree_and_parse_it_again_when_asked(monkeypatch):
    uses = _json().uses
    expression = next(e for e in uses.expressions if e.pointer == ("variables", "v"))
    assert expression._tree is None  # a tree kept per expression took twice a large template
    monkeypatch.setattr(parser, "_cache", Bounded(16))  # gone from the cache: parsed again
    tree = expression.tree
    assert tree.name == "toLower" and tree.args[0].args[0].value == "used"
    assert (tree.start, tree.end) == (1, len(expression.text) - 1)
    assert expression.part == "value" and expression.property_name == "v"


def test_the_index_is_compact_call_positions_in_4_byte_arrays_json_expressions_in_4_slots(
        tmp_path):
    # a large template has an expression every 200 bytes and two calls in each: a list of ints
    # and a fifth slot (for a tree a JSON expression never keeps) took 0.3 times its size
    uses = _json().uses
    assert uses.calling(("parameters",))  # the pass is made
    calling = uses._index.calling
    assert calling and all(isinstance(v, array) and v.itemsize == 4 for v in calling.values())
    json_expression = uses.expressions[0]
    bicep_expression = _bicep(tmp_path).uses.expressions[0]
    assert not hasattr(json_expression, "__dict__") and "_tree" not in type(json_expression).__slots__
    assert sys.getsizeof(json_expression) < sys.getsizeof(bicep_expression)
    assert bicep_expression.tree is bicep_expression.tree  # the lowering's own, kept


def test_the_index_keeps_no_expression_object_but_makes_each_as_it_is_visited(tmp_path):
    # an Expression each, kept with the index for the file, took 0.4 times the size of a large
    # template: the index keeps the pointer, key and text, and a sequence makes each when asked
    import gc
    from armlint.model.uses import Expression
    for template in (_json(), _bicep(tmp_path)):
        uses = template.uses
        every, some = uses.expressions, uses.calling(("parameters", "tolower"))
        assert len(every) == 2 and len(some) == 1
        texts = [e.text for e in every]
        assert [e.text for e in some] == [t for t in texts if "oLower(" in t]
        assert [every[0].text, every[-1].text] == [every[-2].text, every[1].text] == texts
        assert every[0] is not every[0] and every[0].pointer == every[0].pointer
        assert not [one for one in gc.get_objects()
                    if isinstance(one, Expression) and one.template is template]


def test_an_expression_key_is_told_from_a_value():
    doc = load('{"resources": [], "variables": {"[concat(\'a\', \'b\')]": "[add(3, 4)]",'
               ' "list": ["[add(1, 2)]"]}}')
    uses = build_template_model(doc, doc.value).root.uses
    found = sorted((e.pointer, e.text, e.part, e.property_name) for e in uses.expressions)
    key = "[concat('a', 'b')]"
    assert found == [(("variables", key), "[add(3, 4)]", "value", key),
                     (("variables", key), key, "key", None),
                     (("variables", "list", 0), "[add(1, 2)]", "value", None)]


_CALLS = """{
  "$schema": "%s",
  "functions": [],
  "variables": {
    "a": "[concat('x', concat('y', 'z'))]",
    "b": "[ns.concat('x')]",
    "c": "[listKeys('r', '2020-01-01').keys[0]]",
    "d": "['concat is only named here']",
    "e": "[format('{0}', listSecrets('s', '2020-01-01'))]"
  },
  "resources": []
}""" % SCHEMA


def test_the_expressions_calling_functions_are_those_that_call_a_built_in_one_in_order():
    doc = load(_CALLS)
    assert doc.ok, doc.error
    uses = build_template_model(doc, doc.value).root.uses
    order = [e.pointer[-1] for e in uses.expressions]

    def calling(*functions):
        found = [e.pointer[-1] for e in uses.calling(functions)]
        assert found == sorted(found, key=order.index)  # in the order of the pass
        return sorted(found)

    # twice in one expression: handed once; a user function (namespace) or text is no call
    assert calling("concat") == ["a"]
    assert calling("list*") == ["c", "e"]
    assert calling("format", "concat", "listkeys") == ["a", "c", "e"]
    assert calling("reference") == [] and calling() == []
