"""Bicep parser: type expressions."""
from __future__ import annotations

from armlint.bicep import syntax as S

from .helpers import only, parse_ok, span, src, type_of


def test_primitive_and_named_types():
    for name in ("string", "int", "bool", "array", "object", "myImportedType"):
        t = type_of(name)
        assert isinstance(t, S.TypeRef) and t.name == name


def test_qualified_type_name():
    t = type_of("sys.string")
    assert isinstance(t, S.TypePropertyAccess)
    assert t.base.name == "sys" and t.name.name == "string"


def test_literal_types_and_union():
    text = "type t = 'a' | 'b' | 1 | -1 | true | null | !false\n"
    t = only(text).value
    assert isinstance(t, S.TypeUnion) and len(t.members) == 7
    values = [m.value for m in t.members]
    assert [type(v).__name__ for v in values] == ["String", "String", "IntLit", "Unary",
                                                  "BoolLit", "NullLit", "Unary"]
    assert span(text, t.members[1]) == "1:16-1:19"


def test_leading_bar_and_multiline_union():
    single = type_of("| 'alone'")
    assert isinstance(single, S.TypeUnion) and len(single.members) == 1
    multi = only("type t =\n  | 'a'\n  | 'b'\n").value
    assert [m.value.value for m in multi.members] == ["a", "b"]
    tuples = parse_ok("type t = ['a', 'b']\n|['c']\ntype u = int\n").statements
    assert len(tuples) == 2 and len(tuples[0].value.members) == 2


def test_array_nullable_and_nonnull_types():
    t = type_of("string[]?")
    assert isinstance(t, S.TypeNullable) and isinstance(t.base, S.TypeArray)
    assert t.base.item.name == "string"
    nested = type_of("int [] [] ?")
    assert isinstance(nested.base.item, S.TypeArray)
    nonnull = type_of("nullable!")
    assert isinstance(nonnull, S.TypeNonNull) and nonnull.base.name == "nullable"
    paren = type_of("('a' | 'b')[]")
    assert isinstance(paren, S.TypeArray) and isinstance(paren.item, S.TypeParen)
    assert isinstance(paren.item.inner, S.TypeUnion)


def test_object_type_with_decorated_properties_and_additional_properties():
    text = ("type t = {\n"
            "  @description('The name.')\n"
            "  @minLength(1)\n"
            "  name: string\n"
            "  'quoted-key': int?\n"
            "  nested: {\n"
            "    inner: bool\n"
            "  }\n"
            "  @description('Anything else.')\n"
            "  *: string\n"
            "}\n")
    t = only(text).value
    assert isinstance(t, S.TypeObject)
    names = [p.name for p in t.properties]
    assert names == ["name", "quoted-key", "nested"]
    name = t.properties[0]
    assert [d.name for d in name.decorators] == ["description", "minLength"]
    assert span(text, name) == "2:3-4:15"
    assert span(text, name.key) == "4:3-4:7"
    assert isinstance(t.properties[2].value, S.TypeObject)
    extra = t.additional
    assert isinstance(extra, S.ObjectTypeAdditional) and extra.value.name == "string"
    assert extra.decorators[0].args[0].value == "Anything else."


def test_single_line_object_type():
    t = type_of("{ kind: 'a', *: int }")
    assert [p.name for p in t.properties] == ["kind"] and t.additional.value.name == "int"


def test_tuple_type_with_decorators():
    t = type_of("[\n  @description('first')\n  string\n\n  int\n]")
    assert isinstance(t, S.TypeTuple) and len(t.items) == 2
    assert t.items[0].decorators[0].name == "description"
    assert t.items[1].value.name == "int"
    assert [i.value.name for i in type_of("[string, int]").items] == ["string", "int"]


def test_resource_input_and_output_with_access():
    text = ("param ref resourceInput<'Microsoft.Compute/virtualMachines@2025-04-01'>"
            ".properties.storageProfile.imageReference?\n")
    t = only(text).type
    assert isinstance(t, S.TypeNullable)
    access = t.base
    assert isinstance(access, S.TypePropertyAccess) and access.name.name == "imageReference"
    generic = access.base.base.base
    assert isinstance(generic, S.TypeGeneric) and generic.name.name == "resourceInput"
    assert generic.args[0].value.value == "Microsoft.Compute/virtualMachines@2025-04-01"
    assert src(text, generic) == "resourceInput<'Microsoft.Compute/virtualMachines@2025-04-01'>"
    items = type_of("resourceOutput<'A.B/c@2020-01-01'>.properties.rules[*]")
    assert isinstance(items, S.TypeItemsAccess)
    first = type_of("resourceOutput<'A.B/c@2020-01-01'>.properties.rules[0]")
    assert isinstance(first, S.TypeIndexAccess) and first.index == 0
    qualified = type_of("sys.resourceInput<'A.B/c@2020-01-01'>")
    assert isinstance(qualified, S.TypeGeneric) and qualified.base.name == "sys"


def test_type_member_access():
    assert isinstance(type_of("foo.objectProp.intProp"), S.TypePropertyAccess)
    assert isinstance(type_of("bar[*]"), S.TypeItemsAccess)
    assert isinstance(type_of("dict.*"), S.TypeAdditionalAccess)
    assert type_of("tuple[1]").index == 1


def test_inline_param_object_type_with_default():
    stmt = only("param p {\n  foo: string\n  bar: 1 | 2\n} = {\n  foo: 'x'\n  bar: 1\n}\n")
    assert isinstance(stmt.type, S.TypeObject) and isinstance(stmt.default, S.Object)
