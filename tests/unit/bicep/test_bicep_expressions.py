"""Bicep parser: expressions (literals, strings, arrays, objects, operators, access, calls, lambdas,
loops) with their tree shapes and spans."""
from __future__ import annotations

import pytest

from armlint.bicep import syntax as S
from armlint.bicep.parser import parse

from .helpers import only, span, src, value_of


def shape(node) -> str:
    """A compact rendering of an expression tree, to assert precedence and nesting."""
    if isinstance(node, S.Binary):
        return f"({shape(node.left)} {node.op} {shape(node.right)})"
    if isinstance(node, S.Unary):
        return f"({node.op}{shape(node.operand)})"
    if isinstance(node, S.Ternary):
        return f"({shape(node.condition)} ? {shape(node.if_true)} : {shape(node.if_false)})"
    if isinstance(node, S.Variable):
        return node.name
    if isinstance(node, S.IntLit):
        return str(node.value)
    if isinstance(node, S.Paren):
        return f"[{shape(node.expression)}]"
    if isinstance(node, S.Call):
        base = f"{shape(node.base)}." if node.base is not None else ""
        return f"{base}{node.name.name}({', '.join(shape(a) for a in node.args)})"
    if isinstance(node, S.PropertyAccess):
        return f"{shape(node.base)}{'.?' if node.safe else '.'}{node.name.name}"
    if isinstance(node, S.IndexAccess):
        return (f"{shape(node.base)}[{'?' if node.safe else ''}{'^' if node.from_end else ''}"
                f"{shape(node.index)}]")
    if isinstance(node, S.NonNull):
        return f"{shape(node.expression)}!"
    if isinstance(node, S.ResourceAccess):
        return f"{shape(node.base)}::{node.name.name}"
    if isinstance(node, S.String):
        return repr(node.value)
    if isinstance(node, S.BoolLit):
        return str(node.value).lower()
    if isinstance(node, S.NullLit):
        return "null"
    if isinstance(node, S.Lambda):
        return f"<{','.join(p.name for p in node.params)} => {shape(node.body)}>"
    return type(node).__name__


def test_literals():
    assert value_of("42").value == 42
    assert value_of("true").value is True
    assert value_of("false").value is False
    assert isinstance(value_of("null"), S.NullLit)
    negative = value_of("-1")
    assert isinstance(negative, S.Unary) and negative.op == "-" and negative.operand.value == 1


@pytest.mark.parametrize("source, decoded", [
    (r"'a\nb'", "a\nb"),
    (r"'tab\there'", "tab\there"),
    (r"'cr\r'", "cr\r"),
    (r"'back\\slash'", "back\\slash"),
    (r"'it\'s'", "it's"),
    (r"'\${not}'", "${not}"),
    (r"'\u{1F600} \u{41}'", "\U0001F600 A"),
    ("''", ""),
])
def test_string_escapes(source, decoded):
    assert value_of(source).value == decoded


def test_interpolated_string_parts_and_spans():
    text = "var x = 'pre-${name}-mid\\n${sub.id}-post'\n"
    value = only(text).value
    assert isinstance(value, S.String) and value.is_interpolated and value.value is None
    assert value.segments == ["pre-", "-mid\n", "-post"]
    assert [shape(e) for e in value.expressions] == ["name", "sub.id"]
    assert [text[a:b] for a, b in value.segment_spans] == ["pre-", "-mid\\n", "-post"]
    assert src(text, value.expressions[1]) == "sub.id"


def test_interpolation_holding_a_nested_string_and_ternary():
    value = value_of("'${https ? 'https' : 'http'}://${host}'")
    assert value.segments == ["", "://", ""]
    assert shape(value.expressions[0]) == "(https ? 'https' : 'http')"


def test_multiline_string_strips_leading_newline_and_keeps_escapes_raw():
    text = "var x = '''\nline1\\n\n  line2'''\n"
    value = only(text).value
    assert value.multiline and value.value == "line1\\n\n  line2"
    assert text[slice(*value.segment_spans[0])] == value.value


def test_interpolated_multiline_string():
    value = value_of("$'''\nHello ${name}!\nBye ${x.y}\n'''")
    assert value.multiline
    assert value.segments == ["Hello ", "!\nBye ", "\n"]
    assert [shape(e) for e in value.expressions] == ["name", "x.y"]


def test_interpolated_multiline_string_with_custom_marker():
    value = value_of("$$'''a ${kept} $${x} b'''")
    assert value.segments == ["a ${kept} ", " b"]
    assert shape(value.expressions[0]) == "x"


def test_arrays_multiline_single_line_and_mixed_separators():
    multi = value_of("[\n  1\n  'two'\n  [3]\n]")
    assert isinstance(multi, S.Array) and len(multi.items) == 3
    single = value_of("[1, 2, 3]")
    assert [i.value for i in single.items] == [1, 2, 3]
    mixed = value_of("[\n  1,\n  2\n  3,\n]")
    assert [i.value for i in mixed.items] == [1, 2, 3]
    assert value_of("[]").items == []


def test_objects_single_line_multiline_and_keys():
    text = "var x = {\n  a: 1\n  'b-c': 2, d: 3\n  '${k}': 4\n  resource: 5\n}\n"
    obj = only(text).value
    assert isinstance(obj, S.Object)
    keys = [p.key for p in obj.properties]
    assert [p.name for p in obj.properties] == ["a", "b-c", "d", None, "resource"]
    assert isinstance(keys[0], S.Identifier) and isinstance(keys[1], S.String)
    assert keys[3].is_interpolated
    prop = obj.properties[1]
    assert span(text, prop) == "3:3-3:11"
    assert span(text, prop.key) == "3:3-3:8" and span(text, prop.value) == "3:10-3:11"
    assert value_of("{ a: 1, b: 2 }").get("b").value.value == 2
    assert value_of("{}").items == []


def test_spread_in_objects_and_arrays():
    obj = value_of("{\n  ...base\n  a: 1\n}")
    assert isinstance(obj.items[0], S.Spread) and shape(obj.items[0].expression) == "base"
    arr = value_of("[...first, 2, ...second]")
    assert [type(i).__name__ for i in arr.items] == ["Spread", "IntLit", "Spread"]


@pytest.mark.parametrize("source, expected", [
    ("a + b * c", "(a + (b * c))"),
    ("a * b + c", "((a * b) + c)"),
    ("a - b - c", "((a - b) - c)"),
    ("a % b / c", "((a % b) / c)"),
    ("a + b > c - d", "((a + b) > (c - d))"),
    ("a < b == c >= d", "((a < b) == (c >= d))"),
    ("a == b && c != d", "((a == b) && (c != d))"),
    ("a =~ b || c !~ d", "((a =~ b) || (c !~ d))"),
    ("a && b || c && d", "((a && b) || (c && d))"),
    ("a || b ?? c", "((a || b) ?? c)"),
    ("a ?? b ?? c", "((a ?? b) ?? c)"),
    ("!a && -b", "((!a) && (-b))"),
    ("!!a", "(!(!a))"),
    ("+a", "(+a)"),
    ("(a + b) * c", "([(a + b)] * c)"),
    ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
    ("a || b ? c + 1 : d", "((a || b) ? (c + 1) : d)"),
    ("a ?? b ? c : d", "((a ?? b) ? c : d)"),
])
def test_operator_precedence(source, expected):
    assert shape(value_of(source)) == expected


def test_ternary_across_lines():
    text = "var x = !empty(uri)\n  ? uri\n  : empty(other)\n      ? 'a'\n      : 'b'\nvar y = 1\n"
    tree = parse(text)
    assert tree.diagnostics == []
    assert shape(tree.statements[0].value) == "((!empty(uri)) ? uri : (empty(other) ? 'a' : 'b'))"
    assert len(tree.statements) == 2


@pytest.mark.parametrize("text, expected", [
    # a name, number or string alone before a newline: the expression goes on when a `?` or,
    # inside parentheses, an operator starts the next line (the parser reads a lone operand
    # without its general path only when nothing follows it)
    ("var x = (a\n  && b)\n", "[(a && b)]"),
    ("var x = (1\n  + 2 * 3)\n", "[(1 + (2 * 3))]"),
    ("var x = ('s'\n  == t)\n", "[('s' == t)]"),
    ("var x = (true\n  || null)\n", "[(true || null)]"),
    ("var x = f(a\n  ?? b, 2\n)\n", "f((a ?? b), 2)"),
    ("var x = a\n  ? 1\n  : b\n", "(a ? 1 : b)"),
    ("var x = (a\n  ? 'y'\n  : 2)\n", "[(a ? 'y' : 2)]"),
    ("var x = [\n  a\n  'b'\n  3\n]\n", "[a, 'b', 3]"),
])
def test_a_lone_operand_and_what_follows_it_on_the_next_line(text, expected):
    tree = parse(text)
    assert tree.diagnostics == []
    value = tree.statements[0].value
    if isinstance(value, S.Array):
        assert "[" + ", ".join(shape(item) for item in value.items) + "]" == expected
    else:
        assert shape(value) == expected


def test_an_operator_on_the_next_line_outside_parentheses_is_not_part_of_the_value():
    tree = parse("var x = a\n  && b\n")
    assert isinstance(tree.statements[0].value, S.Variable)
    assert len(tree.diagnostics) == 1 and tree.diagnostics[0].start == len("var x = a\n  ")


@pytest.mark.parametrize("source, expected", [
    ("a.b.c", "a.b.c"),
    ("a.?b", "a.?b"),
    ("a[0]", "a[0]"),
    ("a[?0]", "a[?0]"),
    ("a[^1]", "a[^1]"),
    ("a[?^1]", "a[?^1]"),
    ("a['k'].b", "a['k'].b"),
    ("a.?b!.c", "a.?b!.c"),
    ("vm::ext.name", "vm::ext.name"),
    ("parent::child::grandchild", "parent::child::grandchild"),
    ("resourceGroup().location", "resourceGroup().location"),
    ("sys.concat('a', 'b')", "sys.concat('a', 'b')"),
    ("az.resourceGroup()", "az.resourceGroup()"),
    ("kv.getSecret('s')", "kv.getSecret('s')"),
    ("split(x, '/')[2]", "split(x, '/')[2]"),
    ("list[length(list) - 1]", "list[(length(list) - 1)]"),
])
def test_member_index_and_call_access(source, expected):
    assert shape(value_of(source)) == expected


def test_call_node_fields():
    call = value_of("az.resourceGroup('rg')")
    assert isinstance(call, S.Call) and call.namespace == "az" and call.name.name == "resourceGroup"
    plain = value_of("concat(a, b)")
    assert plain.base is None and plain.namespace is None and len(plain.args) == 2


def test_multiline_call_arguments():
    text = ("var x = subscriptionResourceId(\n"
            "  'Microsoft.Authorization/roleDefinitions',\n"
            "  id\n"
            ")\n")
    call = only(text).value
    assert [shape(a) for a in call.args] == ["'Microsoft.Authorization/roleDefinitions'", "id"]
    assert span(text, call) == "1:9-4:2"


def test_safe_and_from_end_access_fields():
    access = value_of("xs[?^1]")
    assert isinstance(access, S.IndexAccess) and access.safe and access.from_end
    prop = value_of("x.?y")
    assert isinstance(prop, S.PropertyAccess) and prop.safe


def test_lambdas():
    assert shape(value_of("map(xs, x => x.name)")) == "map(xs, <x => x.name>)"
    assert shape(value_of("reduce(xs, 0, (acc, x) => acc + x)")) == \
        "reduce(xs, 0, <acc,x => (acc + x)>)"
    assert shape(value_of("map(xs, (x) => x)")) == "map(xs, <x => x>)"
    assert shape(value_of("() => 1")) == "< => 1>"
    lam = value_of("filter(xs, x => x.enabled)").args[1]
    assert isinstance(lam, S.Lambda) and lam.params[0].name == "x"


def test_lambda_with_object_body_across_lines():
    value = value_of("map(items, item => {\n  name: item.name\n  id: item.id\n})")
    body = value.args[1].body
    assert isinstance(body, S.Object) and [p.name for p in body.properties] == ["name", "id"]


def test_for_expressions():
    loop = value_of("[for x in xs: x.name]")
    assert isinstance(loop, S.ForExpr) and loop.item.name == "x" and loop.index is None
    assert shape(loop.body) == "x.name"
    indexed = value_of("[for (x, i) in range(0, 3): {\n  name: '${x}-${i}'\n}]")
    assert indexed.index.name == "i" and isinstance(indexed.body, S.Object)
    in_object = value_of("{\n  subnets: [for s in subnets: {\n    name: s\n  }]\n}")
    assert isinstance(in_object.get("subnets").value, S.ForExpr)


def test_ternary_with_objects_spanning_lines():
    value = value_of("cond ? {\n  a: 1\n} : {\n  b: 2\n}")
    assert isinstance(value, S.Ternary)
    assert isinstance(value.if_true, S.Object) and isinstance(value.if_false, S.Object)


def test_object_property_value_spans_in_resource_body():
    text = ("resource r 'A.B/c@2020-01-01' = {\n"
            "  properties: {\n"
            "    enabled: empty(x) ? true : false\n"
            "  }\n"
            "}\n")
    prop = only(text).object.get("properties").value.get("enabled")
    assert span(text, prop.value) == "3:14-3:37"
    assert src(text, prop.value) == "empty(x) ? true : false"


def test_parenthesised_expression_across_lines():
    value = value_of("(\n  a\n  && b\n)")
    assert shape(value) == "[(a && b)]"


def test_comments_inside_expressions():
    value = value_of("{\n  a: 1 // one\n  /* two */ b: [\n    1 // x\n  ]\n}")
    assert [p.name for p in value.properties] == ["a", "b"]
