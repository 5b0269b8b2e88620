"""Lowering Bicep to the template model: the cases the compiler writes differently from a plain
reading of the syntax (checked against `bicep build` output in the AVM corpus)."""
from armlint.bicep.lower import ModuleLoader


def lowered(text: str):
    return ModuleLoader().lowered(None, text)[1]


def test_secure_outputs_get_the_secure_types_the_compiler_writes():
    t = lowered("@secure()\noutput key string = 'x'\n@secure()\noutput cfg object = {}\n"
                "output plain string = 'y'\n")
    assert [t["outputs"][n]["type"] for n in ("key", "cfg", "plain")] == \
        ["securestring", "secureObject", "string"]


def test_list_calls_on_a_resource_keep_their_arguments():
    t = lowered("resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: 'st' }\n"
                "output a object = st.listKeys()\n"
                "output b object = st.listAccountSas('2021-04-01', { signedExpiry: 'x' })\n")
    a, b = (t["outputs"][n]["value"] for n in ("a", "b"))
    assert a.startswith("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-05-01')")
    assert b.startswith("[listAccountSas(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2021-04-01', ")
    assert "signedExpiry" in b


def test_target_scope_parameters_and_their_decorators():
    t = lowered("targetScope = 'subscription'\n"
                "@allowed(['a', 'b'])\n@minLength(1)\nparam p string = 'a'\n"
                "@secure()\nparam s string\nparam n string?\n"
                "@minValue(1)\n@maxValue(5)\nparam i int = 2\n")
    assert t["$schema"].endswith("/2018-05-01/subscriptionDeploymentTemplate.json#")
    assert t["parameters"]["p"] == {"type": "string", "defaultValue": "a",
                                    "allowedValues": ["a", "b"], "minLength": 1}
    assert t["parameters"]["s"] == {"type": "securestring"}
    assert t["parameters"]["n"] == {"type": "string", "nullable": True}
    assert t["parameters"]["i"] == {"type": "int", "defaultValue": 2, "minValue": 1,
                                    "maxValue": 5}


def test_interpolation_conditions_and_resource_loops():
    t = lowered("param p string = 'a'\nparam i int = 2\nvar v = '${p}-x'\n"
                "resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = if (i > 1) {\n"
                "  name: 'rg-${p}'\n  location: 'westeurope'\n}\n"
                "resource locks 'Microsoft.Authorization/locks@2020-05-01' = "
                "[for (x, k) in ['a', 'b']: {\n  name: 'lock-${x}'\n"
                "  properties: { level: 'CanNotDelete' }\n}]\n")
    assert t["variables"]["v"] == "[format('{0}-x', parameters('p'))]"
    rg = t["resources"]["rg"]
    assert (rg["condition"], rg["name"]) == ("[greater(parameters('i'), 1)]",
                                             "[format('rg-{0}', parameters('p'))]")
    locks = t["resources"]["locks"]
    assert locks["copy"] == {"name": "locks", "count": "[length(createArray('a', 'b'))]"}
    # the loop item is the element at the copy index: each copy gets its own
    assert locks["name"] == "[format('lock-{0}', createArray('a', 'b')[copyIndex()])]"


def test_a_value_loop_maps_every_element():
    from armlint.expr.evaluate import EvalContext, TemplateScope, resolve
    from armlint.expr.values import literal_value
    t = lowered("output o array = [for (x, k) in ['a', 'b']: { name: x, at: k }]\n")
    value = t["outputs"]["o"]["value"]
    assert value.startswith("[map(range(0, length(createArray('a', 'b'))), lambda('__i0', ")
    scope = TemplateScope(literal_value(dict(t)), None, None)
    assert resolve(value, None, EvalContext(scope)) == [{"name": "a", "at": 0},
                                                         {"name": "b", "at": 1}]


def test_nested_parent_and_existing_resources():
    t = lowered("param vnetName string = 'vnet'\n"
                "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n"
                "  name: vnetName\n  location: resourceGroup().location\n  properties: {}\n"
                "  resource snet 'subnets' = {\n    name: 'default'\n"
                "    properties: { addressPrefix: '10.0.0.0/24' }\n  }\n}\n"
                "resource snet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n"
                "  parent: vnet\n  name: 'second'\n}\n"
                "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv'\n}\n"
                "output id string = vnet::snet.id\n"
                "output uri string = kv.properties.vaultUri\n")
    resources = t["resources"]
    assert t["languageVersion"] == "2.0" and list(resources) == ["vnet", "vnet::snet", "snet2",
                                                                 "kv"]
    assert (resources["vnet::snet"]["type"], resources["vnet::snet"]["name"]) == (
        "Microsoft.Network/virtualNetworks/subnets",
        "[format('{0}/{1}', parameters('vnetName'), 'default')]")
    assert resources["snet2"]["name"] == "[format('{0}/{1}', parameters('vnetName'), 'second')]"
    assert resources["kv"]["existing"] is True
    assert t["outputs"]["id"]["value"] == ("[resourceId('Microsoft.Network/virtualNetworks/subnets'"
                                           ", parameters('vnetName'), 'default')]")
    assert t["outputs"]["uri"]["value"] == \
        "[reference('kv', '2023-07-01', 'full').properties.vaultUri]"
