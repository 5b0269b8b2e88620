"""Bicep parser: every kind of declaration, decorators, .bicepparam syntax, file-level records."""
from __future__ import annotations

from armlint.bicep import syntax as S

from .helpers import check_spans, only, parse_ok, span, src


def test_target_scope():
    text = "targetScope = 'subscription'\n"
    stmt = only(text)
    assert isinstance(stmt, S.TargetScope)
    assert stmt.value.value == "subscription"
    assert src(text, stmt) == "targetScope = 'subscription'"


def test_metadata():
    text = "metadata name = 'Virtual Machines'"
    stmt = only(text)
    assert isinstance(stmt, S.Metadata)
    assert stmt.name.name == "name" and src(text, stmt.name) == "name"
    assert stmt.value.value == "Virtual Machines"


def test_param_with_type_and_default_and_decorators():
    text = ("@description('The location.')\n"
            "@sys.minLength(2)\n"
            "@allowed([\n  'a'\n  'b'\n])\n"
            "param location string = 'a'\n")
    stmt = only(text)
    assert isinstance(stmt, S.Param)
    assert stmt.name.name == "location"
    assert isinstance(stmt.type, S.TypeRef) and stmt.type.name == "string"
    assert stmt.default.value == "a"
    assert [d.name for d in stmt.decorators] == ["description", "minLength", "allowed"]
    assert [d.namespace for d in stmt.decorators] == [None, "sys", None]
    assert stmt.decorators[0].args[0].value == "The location."
    assert span(text, stmt.decorators[0]) == "1:1-1:30"
    assert span(text, stmt.decorators[2]) == "3:1-6:3"
    assert stmt.decorator("allowed") is stmt.decorators[2]
    allowed = stmt.decorators[2].args[0]
    assert isinstance(allowed, S.Array) and [i.value for i in allowed.items] == ["a", "b"]
    # the statement spans its decorators; the name has its own span
    assert stmt.start == 0 and span(text, stmt.name) == "7:7-7:15"


def test_param_without_default_and_nullable_type():
    stmt = only("param tags object?")
    assert stmt.default is None
    assert isinstance(stmt.type, S.TypeNullable) and stmt.type.base.name == "object"


def test_param_resource_type():
    text = "param sa resource 'Microsoft.Storage/storageAccounts@2023-01-01'"
    stmt = only(text)
    assert isinstance(stmt.type, S.TypeResource)
    assert stmt.type.type.value == "Microsoft.Storage/storageAccounts@2023-01-01"
    assert src(text, stmt.type) == "resource 'Microsoft.Storage/storageAccounts@2023-01-01'"


def test_param_union_type_on_following_lines():
    text = "param mode\n  | 'Default'\n  | 'Copy'\nparam next int\n"
    tree = parse_ok(text)
    assert len(tree.statements) == 2
    union = tree.statements[0].type
    assert isinstance(union, S.TypeUnion)
    assert [m.value.value for m in union.members] == ["Default", "Copy"]


def test_var_with_and_without_type():
    plain = only("var a = 1")
    assert isinstance(plain, S.Var) and plain.type is None and plain.value.value == 1
    typed = only("var b string = 'x'")
    assert typed.type.name == "string" and typed.value.value == "x"


def test_type_declaration_with_sealed_and_discriminator():
    text = ("@export()\n@sealed()\ntype a = { kind: 'a' }\n"
            "@discriminator('kind')\ntype u = a | { kind: 'b' }\n")
    tree = parse_ok(text)
    a, u = tree.statements
    assert isinstance(a, S.TypeDecl) and [d.name for d in a.decorators] == ["export", "sealed"]
    assert isinstance(a.value, S.TypeObject)
    assert u.decorator("discriminator").args[0].value == "kind"
    assert isinstance(u.value, S.TypeUnion) and len(u.value.members) == 2


def test_func_declaration():
    text = "func greet(name string, times int) string => '${name}${times}'"
    stmt = only(text)
    assert isinstance(stmt, S.Func)
    assert [(p.name.name, p.type.name) for p in stmt.params] == [("name", "string"),
                                                                   ("times", "int")]
    assert stmt.return_type.name == "string"
    assert isinstance(stmt.body, S.String) and stmt.body.is_interpolated
    assert src(text, stmt.lambda_) == text[text.index("("):]


def test_func_declaration_with_multiline_parameters():
    stmt = only("func f(\n  a bool,\n  b string\n) string => a ? b : ''\n")
    assert [p.name.name for p in stmt.params] == ["a", "b"]
    assert isinstance(stmt.body, S.Ternary)


def test_import_symbols_single_and_multiline():
    text = ("import { roleAssignmentType, lockType as lt } from 'br/public:avm/utl/types:0.5.1'\n"
            "import {\n  a\n  'not-an-identifier' as b\n} from './types.bicep'\n")
    first, second = parse_ok(text).statements
    assert isinstance(first, S.ImportSymbols)
    assert [(i.name.name, i.alias and i.alias.name) for i in first.items] == [
        ("roleAssignmentType", None), ("lockType", "lt")]
    assert first.source.value == "br/public:avm/utl/types:0.5.1"
    assert src(text, first.items[1]) == "lockType as lt"
    assert isinstance(second.items[1].name, S.String)
    assert second.items[1].name.value == "not-an-identifier" and second.items[1].alias.name == "b"


def test_import_wildcard_and_legacy():
    wild, legacy = parse_ok("import * as types from './t.bicep'\n"
                            "import 'az@1.0.0' with { foo: 1 } as az2\n").statements
    assert isinstance(wild, S.ImportWildcard) and wild.alias.name == "types"
    assert wild.source.value == "./t.bicep"
    assert isinstance(legacy, S.ImportLegacy) and legacy.spec.value == "az@1.0.0"
    assert legacy.config.get("foo").value.value == 1 and legacy.alias.name == "az2"


def test_extension_forms():
    text = ("extension microsoftGraphV1\n"
            "extension kubernetes as k8s\n"
            "extension 'br:mcr.microsoft.com/bicep/ext:1.2.3' with {\n"
            "  kubeConfig: 'x'\n"
            "} as ext\n")
    a, b, c = parse_ok(text).statements
    assert isinstance(a, S.Extension) and a.spec.name == "microsoftGraphV1"
    assert a.config is None and a.alias is None
    assert b.alias.name == "k8s"
    assert c.spec.value == "br:mcr.microsoft.com/bicep/ext:1.2.3"
    assert c.config.get("kubeConfig").value.value == "x" and c.alias.name == "ext"
    assert src(text, c).endswith("as ext")


def test_bicepparam_file():
    text = ("using './main.bicep'\n\n"
            "param name = 'vm1'\n"
            "param count = 2 + 1\n"
            "var suffix = 'x'\n")
    using, name, count, var = parse_ok(text).statements
    assert isinstance(using, S.Using) and using.path.value == "./main.bicep"
    assert isinstance(name, S.Param) and name.type is None and name.default.value == "vm1"
    assert isinstance(count.default, S.Binary)
    assert isinstance(var, S.Var)


def test_using_none_and_extends():
    using, extends = parse_ok("using none\nextends './base.bicepparam'\n").statements
    assert isinstance(using, S.Using) and using.path is None
    assert isinstance(extends, S.Extends) and extends.path.value == "./base.bicepparam"


def test_resource_with_object_body():
    text = ("resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {\n"
            "  name: vmName\n"
            "  location: location\n"
            "  properties: {\n"
            "    osProfile: { provisionVMAgent: false }\n"
            "  }\n"
            "}\n")
    stmt = only(text)
    assert isinstance(stmt, S.Resource)
    assert stmt.name.name == "vm" and not stmt.existing
    assert stmt.type.value == "Microsoft.Compute/virtualMachines@2024-07-01"
    body = stmt.object
    assert isinstance(body, S.Object) and stmt.condition is None and stmt.loop is None
    assert [p.name for p in body.properties] == ["name", "location", "properties"]
    agent = body.get("properties").value.get("osProfile").value.get("provisionVMAgent")
    assert span(text, agent.key) == "5:18-5:34"
    assert span(text, agent.value) == "5:36-5:41"
    assert agent.value.value is False
    assert span(text, stmt) == "1:1-7:2"


def test_existing_resource():
    stmt = only("resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n"
                "  name: 'kv'\n  scope: resourceGroup('rg')\n}")
    assert stmt.existing
    assert stmt.object.get("scope").value.name.name == "resourceGroup"


def test_conditional_resource():
    text = "resource r 'A.B/c@2020-01-01' = if (deploy && !empty(x)) {\n  name: 'r'\n}\n"
    stmt = only(text)
    assert isinstance(stmt.body, S.IfCondition)
    assert isinstance(stmt.condition, S.Binary) and stmt.condition.op == "&&"
    assert stmt.object.get("name").value.value == "r"
    assert src(text, stmt.body).startswith("if (deploy")


def test_resource_loop_with_index_and_filter():
    text = ("resource r 'A.B/c@2020-01-01' = [for (item, i) in items: if (item.enabled) {\n"
            "  name: '${item.name}-${i}'\n"
            "}]\n")
    stmt = only(text)
    loop = stmt.loop
    assert isinstance(loop, S.ForExpr)
    assert loop.item.name == "item" and loop.index.name == "i"
    assert isinstance(loop.iterable, S.Variable) and loop.iterable.name == "items"
    assert isinstance(loop.body, S.IfCondition)
    assert isinstance(stmt.condition, S.PropertyAccess)
    assert stmt.object.get("name").value.segments == ["", "-", ""]


def test_loop_starting_on_the_next_line():
    text = ("module m './m.bicep' = [\n"
            "  for (x, index) in (xs ?? []): {\n"
            "    name: 'm-${index}'\n"
            "  }\n"
            "]\n")
    stmt = only(text)
    assert isinstance(stmt, S.Module) and isinstance(stmt.loop, S.ForExpr)
    assert isinstance(stmt.loop.iterable, S.Paren)


def test_nested_resources_and_accessor():
    text = ("resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n"
            "  name: 'vnet'\n"
            "  @batchSize(1)\n"
            "  resource subnet 'subnets' = {\n"
            "    name: 'default'\n"
            "  }\n"
            "  resource peer 'virtualNetworkPeerings@2024-03-01' existing = {\n"
            "    name: 'p'\n"
            "  }\n"
            "}\n"
            "output id string = vnet::subnet.id\n")
    vnet, out = parse_ok(text).statements
    subnet, peer = vnet.object.resources
    assert subnet.name.name == "subnet" and subnet.type.value == "subnets"
    assert [d.name for d in subnet.decorators] == ["batchSize"]
    assert span(text, subnet) == "3:3-6:4"
    assert peer.existing and peer.type.value == "virtualNetworkPeerings@2024-03-01"
    assert [p.name for p in vnet.object.properties] == ["name"]
    access = out.value
    assert isinstance(access, S.PropertyAccess)
    assert isinstance(access.base, S.ResourceAccess) and access.base.name.name == "subnet"


def test_module_references():
    text = ("module a './mod.bicep' = { name: 'a' }\n"
            "module b 'br:contoso.azurecr.io/bicep/mod:1.0' = { name: 'b' }\n"
            "module c 'br/public:avm/res/x:0.1.0' = if (on) { name: 'c' }\n"
            "module d 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = { name: 'd' }\n")
    stmts = parse_ok(text).statements
    assert [s.path.value for s in stmts] == [
        "./mod.bicep", "br:contoso.azurecr.io/bicep/mod:1.0", "br/public:avm/res/x:0.1.0",
        "ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0"]
    assert stmts[2].condition.name == "on"


def test_outputs():
    text = ("output name string = vm.name\n"
            "output res resource 'Microsoft.Storage/storageAccounts@2023-01-01' = sa\n"
            "@secure()\noutput secret object = { a: 1 }\n")
    name, res, secret = parse_ok(text).statements
    assert isinstance(name, S.Output) and name.type.name == "string"
    assert isinstance(res.type, S.TypeResource)
    assert secret.decorators[0].name == "secure" and isinstance(secret.value, S.Object)


def test_assert_and_test():
    text = "assert ok = length(name) < 24\ntest t './main.bicep' = {\n  params: {}\n}\n"
    asserted, test = parse_ok(text).statements
    assert isinstance(asserted, S.Assert) and asserted.value.op == "<"
    assert isinstance(test, S.Test) and test.path.value == "./main.bicep"
    assert isinstance(test.body, S.Object)


def test_blank_lines_and_comments_between_decorator_and_declaration():
    stmt = only("@description('x')\n\n// note\nparam p int\n")
    assert stmt.decorators[0].name == "description"


def test_file_records_comments_and_directives():
    text = ("// armlint-disable-next-line AL5001 -- agent is managed elsewhere\n"
            "#disable-next-line BCP081\n"
            "resource r 'A.B/c@2020-01-01' = {\n"
            "  /* inline */ name: 'r' // trailing\n"
            "}\n")
    tree = parse_ok(text)
    assert [c.text for c in tree.comments] == [
        "// armlint-disable-next-line AL5001 -- agent is managed elsewhere",
        "/* inline */", "// trailing"]
    assert span(text, tree.comments[0]) == "1:1-1:66"
    assert [(d.kind, d.codes) for d in tree.directives] == [("disable-next-line", ["BCP081"])]
    assert span(text, tree.directives[0]) == "2:1-2:26"
    assert tree.start == 0 and tree.end == len(text)


def test_statements_in_order_with_valid_spans():
    text = ("targetScope = 'resourceGroup'\n"
            "param a int = 1\n"
            "var b = a * 2\n"
            "resource r 'A.B/c@2020-01-01' = {\n  name: 'r${b}'\n}\n"
            "output o int = b\n")
    tree = parse_ok(text)
    kinds = [type(s).__name__ for s in tree.statements]
    assert kinds == ["TargetScope", "Param", "Var", "Resource", "Output"]
    starts = [s.start for s in tree.statements]
    assert starts == sorted(starts)
    assert check_spans(tree, text) == []


def test_crlf_file():
    text = "param a string\r\nvar b = {\r\n  c: a\r\n}\r\n"
    tree = parse_ok(text)
    assert tree.statements[1].value.get("c").value.name == "a"
