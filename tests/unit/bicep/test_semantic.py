"""The Bicep semantic layer: symbols, scopes, references, declared resources and stated types."""
from __future__ import annotations

from armlint.bicep import syntax as S
from armlint.bicep.document import BicepDocument
from armlint.bicep.semantic import (SemanticModel, analyze, declarations, is_sys_call,
                                    same_syntax, sys_decorator, walk)

from .helpers import parse_ok


def model(text: str, module_outputs=None) -> SemanticModel:
    return SemanticModel(parse_ok(text), text, module_outputs)


def var(sm: SemanticModel, name: str) -> S.Expr:
    return sm.symbols[name].node.value


def variables_named(sm: SemanticModel, name: str) -> list:
    return [v for v in sm.of(S.Variable) if v.name == name]


# -- symbols and scopes --------------------------------------------------------------------------

def test_file_level_symbols_by_kind():
    sm = model("""
param p string
var v = 1
type t = string
func f() string => 'x'
resource r 'Microsoft.Storage/storageAccounts@2023-01-01' = { name: 'a' }
module m 'm.bicep' = { name: 'm' }
import { a as b } from 'x.bicep'
import * as ns from 'y.bicep'
output o string = p
""")
    kinds = {name: s.kind for name, s in sm.symbols.items()}
    assert kinds == {"p": "param", "v": "var", "t": "type", "f": "func", "r": "resource",
                     "m": "module", "b": "import", "ns": "namespace"}
    assert list(sm.outputs) == ["o"]  # outputs are not referenced, so not symbols
    assert sm.declared("param") == {"p": sm.symbols["p"].node}


def test_a_loop_variable_hides_a_file_level_variable_of_the_same_name():
    sm = model("""
var zone = 'a'
var zones = [for zone in range(1, 3): 'z-${zone}']
output o array = zones
""")
    inner = variables_named(sm, "zone")
    assert len(inner) == 1
    assert sm.resolve(inner[0]).kind == "loop-item"
    assert sm.symbols["zone"].references == []
    assert not sm.used("zone") and sm.used("zones")
    assert sm.read_names == {"zones"}


def test_the_loop_iterable_is_read_outside_the_loop_scope():
    sm = model("""
var items = [1, 2]
var out = [for items in items: items]
output o array = out
""")
    first, second = variables_named(sm, "items")  # source order: the iterable, then the body
    assert sm.resolve(first).kind == "var"
    assert sm.resolve(second).kind == "loop-item"


def test_a_lambda_parameter_and_a_loop_index_are_local():
    sm = model("""
var name = 'x'
var i = 0
var upper = map(['a'], name => toUpper(name))
var indexed = [for (item, i) in ['a']: '${item}${i}']
output o array = concat(upper, indexed)
""")
    assert not sm.used("name") and not sm.used("i")
    kinds = sorted(s.kind for s in sm.locals)
    assert kinds == ["lambda-param", "loop-index", "loop-item"]


def test_function_parameters_are_local_and_their_types_are_type_uses():
    sm = model("""
type label = string
var x = 'unused'
func greet(x label) string => 'hi ${x}'
output o string = greet('a')
""")
    assert not sm.used("x")  # the function's own parameter is read, not the variable
    assert sm.used("label") and sm.used("greet")  # a type use and a call


def test_nested_resources_are_visible_inside_their_parent_only():
    sm = model("""
resource child 'Microsoft.Storage/storageAccounts@2023-01-01' existing = { name: 'top' }
resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'a'
  resource child 'blobServices' = { name: 'default' }
  resource other 'queueServices' = {
    name: 'default'
    properties: { note: child.id }
  }
}
""")
    (ref,) = variables_named(sm, "child")
    assert sm.resolve(ref).local and sm.resolve(ref).node is not sm.symbols["child"].node
    assert sm.symbols["child"].references == []


def test_namespaces_and_builtins_resolve_to_nothing():
    sm = model("var x = sys.concat('a', 'b')\nvar y = az.resourceGroup().id\n")
    assert [sm.resolve(v) for v in sm.of(S.Variable)] == [None, None]
    assert sm.calls["concat"] == 1 and sm.calls["resourceGroup"] == 1


def test_nodes_by_class_in_source_order_with_parents():
    sm = model("var a = concat('x', concat('y', 'z'))\n")
    outer, inner = sm.of(S.Call)
    assert outer.start < inner.start
    assert sm.parent(inner) is outer
    assert list(sm.ancestors(inner)) == [outer, sm.symbols["a"].node]
    assert [type(n).__name__ for n in walk(outer)] == ["Call", "String", "Call", "String",
                                                        "String"]


def test_statement_at_and_index_span():
    text = "param p object\nvar v = p['key']\n"
    sm = model(text)
    (access,) = sm.of(S.IndexAccess)
    assert isinstance(sm.statement_at(access.start), S.Var)
    span = sm.index_span(access)
    assert text[span.start:span.end] == "['key']"


# -- declared resources ----------------------------------------------------------------------------

def test_declared_resources_get_full_types_and_their_symbols():
    text = """
resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'acct'
  resource blobs 'blobServices' = {
    name: 'default'
  }
}
resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: account::blobs
  name: 'c'
}
"""
    sm = model(text)
    account, blobs, container = sm.resources
    assert (blobs.full_type, blobs.api_version, blobs.nested) == (
        "Microsoft.Storage/storageAccounts/blobServices", "2023-01-01", True)
    assert text[account.version_span.start:account.version_span.end] == "2023-01-01"
    assert sm.resource_symbol(blobs) == "account::blobs"
    access = container.node.object.get("parent").value
    assert sm.resource_named(access) is blobs
    assert sm.declared_resource(blobs.node) is blobs
    assert [getattr(n, "value", None) for n in sm.name_chain(blobs)] == ["acct", "default"]


# -- types -----------------------------------------------------------------------------------------------

def test_types_of_literals_and_operators():
    sm = model("""
var s = 'a'
var i = 1
var b = !true
var n = null
var o = {}
var arr = ['a', 'b']
var mixed = ['a', 1]
var cmp = 1 < 2
var sum = 1 + 2
var t = true ? 'a' : 'b'
var u = true ? 'a' : 1
""")
    kind = {name: sm.type_of(var(sm, name)) for name in sm.symbols}
    assert [kind[n].kind for n in ("s", "i", "b", "n", "o", "cmp", "sum", "t")] == [
        "string", "int", "bool", "null", "object", "bool", "int", "string"]
    assert kind["arr"].item.kind == "string" and kind["mixed"].item is None
    assert kind["u"] is None


def test_declared_types_follow_user_types_and_say_nullable_and_secure():
    sm = model("""
type name = 'a' | 'b'
type alias = name
@secure()
param secret string
param maybe string?
param named alias
param list string[]
var typed int = 3
output x string = secret
""")
    ref = {v.name: v for v in sm.of(S.Variable)}
    secret = sm.type_of(ref["secret"])
    assert secret.is_string and secret.secure
    assert not sm._symbol_type(sm.symbols["maybe"]).is_string  # nullable
    assert sm._symbol_type(sm.symbols["named"]).is_string
    assert sm._symbol_type(sm.symbols["list"]).item.is_string
    assert sm._symbol_type(sm.symbols["typed"]).kind == "int"


def test_loop_items_lambda_parameters_and_function_results():
    sm = model("""
param regions string[]
param anything array
func label(x string) string => x
var a = [for r in regions: r]
var b = [for r in anything: r]
var c = map(regions, x => x)
var d = filter(anything, y => y)
var e = reduce(regions, '', (acc, item) => item)
var f = [for i in range(0, 3): i]
var g = label('x')
var h = regions[0]
""")
    def body_type(name):
        value = var(sm, name)
        if isinstance(value, S.ForExpr):
            return sm.type_of(value.body)
        if isinstance(value, S.Call) and value.args and isinstance(value.args[-1], S.Lambda):
            return sm.type_of(value.args[-1].body)
        return sm.type_of(value)
    assert body_type("a").is_string and body_type("b") is None
    assert body_type("c").is_string and body_type("d") is None
    assert body_type("e").is_string  # reduce's second lambda parameter is the element
    assert body_type("f").kind == "int"
    assert body_type("g").is_string and body_type("h").is_string


def test_resource_properties_scope_objects_and_module_outputs():
    outputs = {"m": {"name": "string", "ids": "array", "key": "securestring"}}
    sm = model("""
resource r 'Microsoft.Storage/storageAccounts@2023-01-01' existing = { name: 'a' }
module m 'm.bicep' = { name: 'm' }
module missing 'br:x' = { name: 'x' }
var a = r.name
var b = r.properties
var c = resourceGroup().location
var d = m.outputs.name
var e = m.outputs.ids
var f = m.outputs.key
var g = missing.outputs.name
""", module_outputs=outputs.get)
    kinds = {n: sm.type_of(var(sm, n)) for n in "abcdefg"}
    assert kinds["a"].is_string and kinds["b"] is None and kinds["c"].is_string
    assert kinds["d"].is_string and kinds["e"].kind == "array" and kinds["f"].secure
    assert kinds["g"] is None


def test_concat_is_a_string_when_an_argument_is_one_and_none_is_an_array():
    sm = model("""
param names string[]
param things array
var a = concat(names[0], names[1])
var b = concat(things[0], things[1])
var c = concat(names, ['x'])
""")
    assert sm.type_of(var(sm, "a")).is_string
    assert sm.type_of(var(sm, "b")) is None and sm.type_of(var(sm, "c")) is None


def test_a_variable_defined_through_itself_has_no_type():
    sm = model("var a = b\nvar b = a\n")
    assert sm.type_of(var(sm, "a")) is None


def test_analyze_reads_module_outputs_from_the_lowered_template_and_is_kept():
    from armlint.source.cidict import CIDict
    text = "module m 'm.bicep' = { name: 'm' }\nvar d = m.outputs.name\n"
    doc = BicepDocument(text, parse_ok(text))
    doc.value = CIDict(resources=CIDict(m=CIDict(properties=CIDict(template=CIDict(
        outputs=CIDict(name=CIDict(type="String")))))))
    sm = analyze(doc)
    assert analyze(doc) is sm
    assert sm.type_of(var(sm, "d")).is_string


def test_declarations_are_read_without_building_the_model_and_are_the_models_once_built():
    text = "param a string\nvar a = 1\nvar b = [for a in range(0, 2): a]\noutput o int = 1\n" \
           "output o int = 2\n"
    doc = BicepDocument(text, parse_ok(text))
    found = declarations(doc)
    assert doc.semantic is None  # the statements alone: no model built, no expression walked
    assert [(first.name, again.name, text[:again.start].count("\n") + 1)
            for first, again in found.duplicates] == [("a", "a", 2), ("o", "o", 5)]
    assert sorted(found.symbols) == ["a", "b"]
    sm = analyze(doc)
    assert declarations(doc) is sm
    assert [(f.name, a.name) for f, a in sm.duplicates] == [("a", "a"), ("o", "o")]


def test_a_bicep_file_is_linted_without_its_semantic_model_when_no_selected_rule_asks(
        monkeypatch):
    from armlint import api
    from armlint.bicep.semantic import model as semantic_model
    text = "param st string\nvar st = 1\n"
    built = []
    real_walk = semantic_model.SemanticModel._walk
    monkeypatch.setattr(semantic_model.SemanticModel, "_walk",
                        lambda self: built.append(1) or real_walk(self))
    result = api.lint_text(text, "main.bicep", select=["AL0001"])
    assert [(f.rule_id, f.location.span.start_line, f.location.span.start_col)
            for f in result.findings] == [("AL0001", 2, 5)]
    assert built == []
    result = api.lint_text(text, "main.bicep", select=["AL0001", "AL8001"])  # asks for it
    assert ("AL0001", 2, 5) in [(f.rule_id, f.location.span.start_line,
                                 f.location.span.start_col) for f in result.findings]
    assert built == [1]


# -- syntax helpers --------------------------------------------------------------------------------

def test_syntax_helpers():
    sm = model("""
@sys.description('d')
@other.description('not sys')
param p string = sys.json('null')
var a = concat('x', 'y')
var b = concat( 'x' , 'y' )
""")
    p = sm.symbols["p"].node
    assert sys_decorator(p, "description") is p.decorators[0]
    assert is_sys_call(p.default, "json") and not is_sys_call(p.default, "concat")
    assert same_syntax(var(sm, "a"), var(sm, "b"))
    assert not same_syntax(var(sm, "a"), p.default)
