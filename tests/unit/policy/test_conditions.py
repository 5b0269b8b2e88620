"""The policy language on templates: field kinds, logical operators, [*], count forms, value
conditions and functions, Unknown, with positions from the real pipeline."""
from __future__ import annotations

import json

import pytest

from armlint.policy.aliases import AliasTable
from tests.unit.policy.helpers import definition, fired, run, template, undetermined

ST = "Microsoft.Storage/storageAccounts"


def storage(props=None, **extra):
    res = {"type": ST, "apiVersion": "2023-05-01", "name": "st1", "location": "westeurope",
           "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": props or {}}
    res.update(extra)
    return res


@pytest.fixture(scope="module")
def test_aliases(tmp_path_factory):
    """Aliases of a made-up type, as `az provider list --expand resourceTypes/aliases` writes."""
    path = tmp_path_factory.mktemp("aliases") / "aliases.json"
    aliases = [
        ("stringArray", "properties.stringArray"), ("stringArray[*]", "properties.stringArray[*]"),
        ("objectArray", "properties.objectArray"), ("objectArray[*]", "properties.objectArray[*]"),
        ("objectArray[*].property", "properties.objectArray[*].property"),
        ("objectArray[*].nestedArray", "properties.objectArray[*].nestedArray"),
        ("objectArray[*].nestedArray[*]", "properties.objectArray[*].nestedArray[*]"),
        ("missingArray[*]", "properties.missingArray[*]"),
        ("missingArray[*].property", "properties.missingArray[*].property"),
        ("setting", "properties.setting"),
        ("objectArray[*].name", "properties.objectArray[*].name"),
    ]
    doc = [{"namespace": "Microsoft.Test", "resourceTypes": [{
        "resourceType": "resourceType",
        "aliases": [{"name": f"Microsoft.Test/resourceType/{n}", "defaultPath": p, "paths": []}
                    for n, p in aliases]
        + [{"name": "Microsoft.Test/resourceType/versioned", "defaultPath": "properties.newName",
            "paths": [{"path": "properties.oldName", "apiVersions": ["2019-01-01"]}]}]}]}]
    path.write_text(json.dumps(doc))
    return AliasTable([path])


def thing(props, api="2021-01-01"):
    return {"type": "Microsoft.Test/resourceType", "apiVersion": api, "name": "t1",
            "location": "westeurope", "tags": {"env": "prod"}, "properties": props}


SAMPLE = {"stringArray": ["a", "b", "c"],
          "objectArray": [{"property": "value1", "nestedArray": [1, 2]},
                          {"property": "value2", "nestedArray": [3, 4]}]}
A = "Microsoft.Test/resourceType/"


def hits(cond, props=SAMPLE, aliases=None, **kw):
    """Whether the condition holds for the sample resource: True, False or 'undetermined'."""
    text = template(thing(props))
    found = run(text, definition(cond, **kw), aliases=aliases)
    kinds = {k for _, _, k, _, _, _ in found}
    return True if "fail" in kinds else ("undetermined" if "open" in kinds else False)


# --- fields -------------------------------------------------------------------------------------

def test_alias_condition_points_at_the_property():
    text = template(storage({"minimumTlsVersion": "TLS1_0"}))
    cond = {"allOf": [{"field": "type", "equals": ST},
                      {"field": f"{ST}/minimumTlsVersion", "notEquals": "TLS1_2"}]}
    found = run(text, definition(cond))
    assert [(r, lvl, k, line, col) for r, lvl, k, line, col, _ in found] == \
        [("p1", "error", "fail", 16, 30)]
    assert "properties.minimumTlsVersion is 'TLS1_0'; the policy wants it to be 'TLS1_2'" \
        in found[0][5]


def test_absent_property_points_at_the_type():
    text = template(storage({}))
    cond = {"allOf": [{"field": "type", "equals": ST},
                      {"field": f"{ST}/minimumTlsVersion", "exists": "false"}]}
    found = run(text, definition(cond))
    assert [(line, col) for _, _, _, line, col, _ in found] == [(7, 15)]  # the type
    assert "properties.minimumTlsVersion is not set; the policy wants it to be set" in found[0][5]


def test_alias_of_another_type_is_absent():
    text = template(storage({}))
    assert fired(text, definition({"field": "Microsoft.Sql/servers/minimalTlsVersion",
                                   "exists": "false"})) == [("p1", 7, 15)]


def test_alias_missing_from_the_table_is_undetermined():
    text = template(storage({"newThing": True}))
    found = undetermined(text, definition({"field": f"{ST}/newThingNobodyKnows", "exists": "true"}))
    assert len(found) == 1 and "not in armlint's alias table" in found[0]


@pytest.mark.parametrize("cond, expected", [
    ({"field": "name", "equals": "T1"}, True),
    ({"field": "fullName", "equals": "t1"}, True),
    ({"field": "type", "equals": "microsoft.test/RESOURCETYPE"}, True),
    ({"field": "location", "equals": "West Europe"}, True),  # locations ignore spaces
    ({"field": "location", "in": ["eastus", "West Europe"]}, True),
    ({"field": "kind", "exists": "false"}, True),
    ({"field": "tags", "containsKey": "ENV"}, True),
    ({"field": "tags['env']", "equals": "prod"}, True),
    ({"field": "tags.env", "equals": "PROD"}, True),
    ({"field": "tags[env]", "equals": "prod"}, True),
    ({"field": "tags['owner']", "exists": "false"}, True),
    ({"field": "identity.type", "exists": "false"}, True),
    ({"field": "identity.userAssignedIdentities", "exists": "false"}, True),
    ({"field": "id", "exists": "true"}, "undetermined"),  # depends on the subscription
])
def test_special_fields(cond, expected, test_aliases):
    assert hits(cond, aliases=test_aliases) == expected


def test_name_and_full_name_of_a_child():
    child = {"type": "Microsoft.Sql/servers/databases", "apiVersion": "2023-05-01-preview",
             "name": "srv/db1", "location": "westeurope"}
    text = template(child)
    assert fired(text, definition({"allOf": [{"field": "name", "equals": "db1"},
                                             {"field": "fullName", "equals": "srv/db1"}]}))


def test_tag_with_apostrophes_and_dots():
    res = thing({})
    res["tags"] = {"My.Tag": "x", "it's": "y"}
    text = template(res)
    assert fired(text, definition({"allOf": [{"field": "tags['My.Tag']", "equals": "x"},
                                             {"field": "tags['it''s']", "equals": "y"}]}))


def test_field_name_from_an_expression(test_aliases):
    cond = {"field": "[concat('tags[', parameters('tagName'), ']')]", "exists": "false"}
    params = {"tagName": {"type": "String", "defaultValue": "costCenter"}}
    assert hits(cond, parameters=params, aliases=test_aliases) is True


def test_api_version_paths(test_aliases):
    cond = {"field": A + "versioned", "equals": "x"}
    old = template(thing({"oldName": "x"}, api="2019-01-01"))
    new = template(thing({"newName": "x"}, api="2021-01-01"))
    assert fired(old, definition(cond), aliases=test_aliases)
    assert fired(new, definition(cond), aliases=test_aliases)
    assert not fired(template(thing({"newName": "x"}, api="2019-01-01")), definition(cond),
                     aliases=test_aliases)


# --- logical operators and Unknown ---------------------------------------------------------

def test_allof_anyof_not(test_aliases):
    t, f = {"field": "name", "equals": "t1"}, {"field": "name", "equals": "other"}
    assert hits({"allOf": [t, t]}, aliases=test_aliases) is True
    assert hits({"allOf": [t, f]}, aliases=test_aliases) is False
    assert hits({"anyOf": [f, t]}, aliases=test_aliases) is True
    assert hits({"anyOf": [f, f]}, aliases=test_aliases) is False
    assert hits({"not": f}, aliases=test_aliases) is True
    assert hits({"not": {"anyOf": [t, f]}}, aliases=test_aliases) is False


def test_unknown_never_fires_but_false_and_true_still_decide(test_aliases):
    u = {"field": A + "setting", "equals": "x"}  # the setting comes from a parameter without value
    res = thing({"setting": "[parameters('s')]"})
    text = template(res, parameters={"s": {"type": "string"}})
    t, f = {"field": "name", "equals": "t1"}, {"field": "name", "equals": "other"}
    assert undetermined(text, definition({"allOf": [t, u]}), aliases=test_aliases)
    assert not run(text, definition({"allOf": [f, u]}), aliases=test_aliases)  # false decides
    assert fired(text, definition({"anyOf": [u, t]}), aliases=test_aliases)  # true decides
    assert undetermined(text, definition({"not": u}), aliases=test_aliases)
    found = undetermined(text, definition(u), aliases=test_aliases)
    assert "parameter 's' has no default value" in found[0]


def test_undetermined_only_when_asked(test_aliases):
    res = thing({"setting": "[parameters('s')]"})
    text = template(res, parameters={"s": {"type": "string"}})
    assert not run(text, definition({"field": A + "setting", "equals": "x"}),
                   aliases=test_aliases, show_undetermined=False)


def test_reference_is_undetermined(test_aliases):
    res = thing({"setting": "[reference('other').x]"})
    assert undetermined(template(res), definition({"field": A + "setting", "equals": "x"}),
                        aliases=test_aliases)


def test_parameter_value_from_the_template_decides(test_aliases):
    res = thing({"setting": "[parameters('s')]"})
    text = template(res, parameters={"s": {"type": "string", "defaultValue": "x"}})
    assert fired(text, definition({"field": A + "setting", "equals": "x"}), aliases=test_aliases)


# --- [*] ------------------------------------------------------------------------------------

@pytest.mark.parametrize("cond, expected", [
    ({"field": A + "stringArray[*]", "notEquals": "d"}, True),  # every member
    ({"field": A + "stringArray[*]", "equals": "a"}, False),  # not every member
    ({"not": {"field": A + "stringArray[*]", "notEquals": "a"}}, True),  # some member is "a"
    ({"field": A + "objectArray[*].property", "like": "value*"}, True),
    ({"field": A + "objectArray[*].nestedArray[*]", "less": 5}, True),
    ({"field": A + "objectArray[*].nestedArray[*]", "less": 4}, False),
    ({"field": A + "missingArray[*]", "equals": "anything"}, True),  # no members: holds
    ({"field": A + "missingArray[*].property", "exists": "true"}, True),
    ({"field": A + "stringArray", "equals": ["a", "b", "c"]}, True),  # the array itself
])
def test_array_alias(cond, expected, test_aliases):
    assert hits(cond, aliases=test_aliases) == expected


def test_array_member_finding_points_at_the_member(test_aliases):
    text = template(thing({"stringArray": ["a", "b"]}))
    cond = {"not": {"field": A + "stringArray[*]", "equals": "a"}}
    found = run(text, definition(cond), aliases=test_aliases)
    assert [(line, col) for _, _, _, line, col, _ in found] == [(17, 11)]  # the "b"


# --- count ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cond, expected", [
    ({"count": {"field": A + "stringArray[*]"}, "equals": 3}, True),
    ({"count": {"field": A + "objectArray[*].nestedArray[*]"}, "greaterOrEquals": 4}, True),
    ({"count": {"field": A + "missingArray[*]"}, "equals": 0}, True),
    ({"count": {"field": A + "stringArray[*]",
                "where": {"field": A + "stringArray[*]", "equals": "a"}}, "equals": 1}, True),
    # the where condition sees the entire resource, with only the current member of the array
    ({"count": {"field": A + "objectArray[*]",
                "where": {"allOf": [{"field": A + "objectArray[*].property", "equals": "value2"},
                                    {"field": A + "objectArray[*].nestedArray[*]",
                                     "greater": 2}]}}, "equals": 1}, True),
    ({"count": {"field": A + "objectArray[*]", "where": {"field": "tags.env", "equals": "prod"}},
      "equals": 2}, True),
    # nested count
    ({"count": {"field": A + "objectArray[*]",
                "where": {"allOf": [{"field": A + "objectArray[*].property", "equals": "value2"},
                                    {"count": {"field": A + "objectArray[*].nestedArray[*]",
                                               "where": {"field": A + "objectArray[*].nestedArray[*]",
                                                         "equals": 3}},
                                     "greater": 0}]}}, "equals": 1}, True),
    # field() of the counted array inside where is an array of the current member
    ({"count": {"field": A + "stringArray[*]",
                "where": {"field": A + "stringArray[*]",
                          "equals": f"[field('{A}stringArray[*]')]"}}, "equals": 0}, True),
    ({"count": {"field": A + "stringArray[*]",
                "where": {"field": A + "stringArray[*]",
                          "equals": f"[first(field('{A}stringArray[*]'))]"}}, "equals": 3}, True),
    # current() of the counted alias and of a property of its member
    ({"count": {"field": A + "objectArray[*]",
                "where": {"value": f"[current('{A}objectArray[*].property')]", "like": "value*"}},
      "equals": 2}, True),
    ({"count": {"field": A + "stringArray[*]",
                "where": {"value": "[current()]", "in": ["a", "b"]}}, "equals": 2}, True),
    # value count: a named index, current(name), and current() without a name
    ({"count": {"value": ["t*", "x*"], "name": "pattern",
                "where": {"field": "name", "like": "[current('pattern')]"}}, "greater": 0}, True),
    ({"count": {"value": ["t*", "x*"], "where": {"field": "name", "like": "[current()]"}},
      "equals": 1}, True),
    ({"count": {"value": [{"p": "value1"}, {"p": "nope"}], "name": "want",
                "where": {"count": {"field": A + "objectArray[*]",
                                    "where": {"field": A + "objectArray[*].property",
                                              "equals": "[current('want').p]"}},
                          "equals": 1}}, "equals": 1}, True),
    ({"count": {"value": "[parameters('list')]", "name": "x",
                "where": {"value": "[current('x')]", "equals": "b"}}, "equals": 1}, True),
    ({"count": {"field": A + "stringArray[*]"}, "equals": f"[length(field('{A}stringArray'))]"},
     True),
])
def test_count(cond, expected, test_aliases):
    params = {"list": {"type": "Array", "defaultValue": ["a", "b"]}}
    assert hits(cond, aliases=test_aliases, parameters=params) == expected


def test_count_with_unknown_members_decides_when_it_can(test_aliases):
    props = {"stringArray": ["a", "[parameters('p')]", "b"]}
    text = template(thing(props), parameters={"p": {"type": "string"}})
    where = {"field": A + "stringArray[*]", "equals": "a"}
    assert fired(text, definition({"count": {"field": A + "stringArray[*]", "where": where},
                                   "greater": 0}), aliases=test_aliases)
    assert undetermined(text, definition({"count": {"field": A + "stringArray[*]",
                                                    "where": where}, "equals": 1}),
                        aliases=test_aliases)
    assert not run(text, definition({"count": {"field": A + "stringArray[*]", "where": where},
                                     "greater": 2}), aliases=test_aliases)


def test_count_of_an_unknown_array_is_undetermined(test_aliases):
    text = template(thing({"stringArray": "[parameters('arr')]"}),
                    parameters={"arr": {"type": "array"}})
    assert undetermined(text, definition({"count": {"field": A + "stringArray[*]"},
                                          "equals": 0}), aliases=test_aliases)


def test_count_finding_points_at_the_matching_member(test_aliases):
    text = template(thing({"stringArray": ["a", "bad", "c"]}))
    cond = {"count": {"field": A + "stringArray[*]",
                      "where": {"field": A + "stringArray[*]", "equals": "bad"}}, "greater": 0}
    found = run(text, definition(cond), aliases=test_aliases)
    assert [(line, col) for _, _, _, line, col, _ in found] == [(17, 11)]  # "bad"


# --- value conditions and functions ---------------------------------------------------------

@pytest.mark.parametrize("cond, expected", [
    ({"value": "[concat(field('name'), '-x')]", "equals": "t1-x"}, True),
    ({"value": "[if(equals(field('location'), 'westeurope'), 'eu', 'other')]", "equals": "eu"},
     True),
    ({"value": "[length(field('tags'))]", "equals": 1}, True),
    ({"value": "[less(length(field('tags')), 3)]", "equals": "true"}, True),
    ({"value": "[first(split(field('name'), '1'))]", "equals": "t"}, True),
    ({"value": "[last(field('Microsoft.Test/resourceType/stringArray[*]'))]", "equals": "c"}, True),
    ({"value": "[field('Microsoft.Test/resourceType/missingArray[*]')]", "equals": []}, True),
    ({"value": "[field('Microsoft.Test/resourceType/setting')]", "equals": ""}, True),  # absent
    ({"value": "[toLower(substring(field('type'), 0, 14))]", "equals": "microsoft.test"}, True),
    ({"value": "[requestContext().apiVersion]", "equals": "2021-01-01"}, True),
    ({"value": "[ipRangeContains('10.0.0.0/8', '10.1.2.0/24')]", "equals": True}, True),
    ({"value": "[ipRangeContains('10.0.0.0/24', '10.0.1.1')]", "equals": False}, True),
    ({"value": "[ipRangeContains('192.168.0.1-192.168.0.9', '192.168.0.5')]", "equals": True},
     True),
    ({"value": "[addDays('2024-01-30T00:00:00Z', 3)]", "like": "2024-02-02T00:00:00*"}, True),
    ({"value": "[utcNow()]", "greater": "2020-01-01"}, True),
    ({"value": "[int(string(add(1, 2)))]", "equals": 3}, True),
    ({"value": "[empty(field('kind'))]", "equals": True}, True),
    ({"value": "[resourceGroup().name]", "equals": "rg1"}, "undetermined"),
    ({"value": "[resourceGroup().name]", "like": "*"}, True),  # whatever it is, it is a string
    ({"value": "[reference('x').y]", "equals": "z"}, "undetermined"),  # not in policy rules
])
def test_value_conditions(cond, expected, test_aliases):
    assert hits(cond, aliases=test_aliases) == expected


def test_parameters_in_conditions(test_aliases):
    params = {"allowed": {"type": "Array", "defaultValue": ["eastus", "westeurope"]},
              "names": {"type": "Array"}}
    assert hits({"not": {"field": "location", "in": "[parameters('allowed')]"}},
                aliases=test_aliases, parameters=params) is False
    assert hits({"field": "name", "in": "[parameters('names')]"}, aliases=test_aliases,
                parameters=params) == "undetermined"  # no default, no value given


def test_bad_conditions_are_undetermined_with_the_reason(test_aliases):
    found = undetermined(template(thing({})), definition({"field": "name", "equals": "x",
                                                          "like": "y"}), aliases=test_aliases)
    assert "exactly one operator" in found[0]
    found = undetermined(template(thing({})), definition({"field": "name", "resembles": "x"}),
                         aliases=test_aliases)
    assert found


def test_functions_the_policy_language_leaves_out_are_compile_problems():
    """The policy rule reference: every template function except copyIndex, deployment,
    reference, resourceId, variables, list*... (listKeys() is a template function, not a
    policy one)."""
    from armlint.policy.conditions import Compiler

    def compiled_problems(cond):
        compiler = Compiler(AliasTable())
        compiler.condition(cond)
        return [message for _, message in compiler.problems]
    assert compiled_problems({"value": "[listKeys('x', '2020-01-01').keys[0].value]",
                              "equals": "k"}) == ["listKeys() is not available in policy rules"]
    assert compiled_problems({"value": "[listSecrets('x', '2020-01-01').value]",
                              "equals": "k"}) == ["listSecrets() is not available in policy rules"]
    assert compiled_problems({"value": "[variables('v')]", "equals": "k"}) == \
        ["variables() is not available in policy rules"]
    assert compiled_problems({"value": "[last(split(toLower(field('name')), '-'))]",
                              "equals": "k"}) == []
    # current() without an index name: not inside a count nested in another count
    inner = {"count": {"value": ["a"], "where": {"value": "[current()]", "equals": "a"}},
             "equals": 1}
    assert compiled_problems({"count": {"value": ["x"], "where": inner}, "equals": 1}) == \
        ["current() without an index name is only allowed in a count that is not inside "
         "another count"]
    assert compiled_problems(inner) == []
    named = {"count": {"value": ["a"], "name": "n",
                       "where": {"value": "[current('n')]", "equals": "a"}}, "equals": 1}
    assert compiled_problems({"count": {"value": ["x"], "name": "o", "where": named},
                              "equals": 1}) == []


def test_string_literal_escape(test_aliases):
    res = thing({})
    res["name"] = "[[literal"
    assert hits({"field": "name", "equals": "[[literal"}, aliases=test_aliases) is False
    found = fired(template(res), definition({"field": "name", "equals": "[[literal"}),
                  aliases=test_aliases)
    assert found  # both sides unescape to "[literal"


def test_read_only_properties_azure_sets_are_undetermined_when_absent():
    cond = {"allOf": [{"field": "type", "equals": ST},
                      {"count": {"field": f"{ST}/privateEndpointConnections[*]"}, "less": 1}]}
    found = undetermined(template(storage({})), definition(cond))
    assert "privateEndpointConnections, which Azure sets after deployment" in found[0]
    cond = {"field": f"{ST}/privateEndpointConnections[*].privateLinkServiceConnectionState.status",
            "equals": "Approved"}
    assert undetermined(template(storage({})), definition(cond))
    written = storage({"privateEndpointConnections": [{"properties": {
        "privateLinkServiceConnectionState": {"status": "Approved"}}}]})
    assert fired(template(written), definition(cond))  # a template that writes it decides


def test_count_member_with_an_absent_property_is_reported_at_the_member(test_aliases):
    props = {"objectArray": [{"property": "ok", "nestedArray": [1]}, {"nestedArray": [2]}]}
    cond = {"count": {"field": A + "objectArray[*]",
                      "where": {"field": A + "objectArray[*].property", "exists": "false"}},
            "greater": 0}
    found = run(template(thing(props)), definition(cond), aliases=test_aliases)
    # the second member's object, where the property is missing
    assert [(line, col) for _, _, _, line, col, _ in found] == [(22, 11)]
    assert "properties.objectArray[*].property is not set" in found[0][5]


def test_a_finding_names_the_fault_not_the_exclusion_filter(test_aliases):
    # like ALZ's Deny-Subnet-Without-Udr: the member's missing property, not its name
    props = {"objectArray": [{"name": "a", "property": "x"}, {"name": "b"}]}
    cond = {"count": {"field": A + "objectArray[*]", "where": {"allOf": [
        {"field": A + "objectArray[*].property", "exists": "false"},
        {"field": A + "objectArray[*].name", "notIn": ["excluded"]}]}}, "greater": 0}
    found = run(template(thing(props)), definition(cond), aliases=test_aliases)
    assert "properties.objectArray[*].property is not set" in found[0][5]
    assert (found[0][3], found[0][4]) == (20, 11)  # the second member
    res = thing({})
    cond = {"allOf": [{"field": A + "setting", "exists": "false"},
                      {"field": "name", "notIn": ["excluded"]}]}
    found = run(template(res), definition(cond), aliases=test_aliases)
    assert "properties.setting is not set" in found[0][5]


def test_request_api_version_is_the_resource_api_version_in_bicep_too():
    cond = {"allOf": [{"field": "type", "equals": ST},
                      {"value": "[requestContext().apiVersion]", "less": "2019-04-01"},
                      {"field": f"{ST}/supportsHttpsTrafficOnly", "exists": "false"}]}
    bicep = ("resource st 'Microsoft.Storage/storageAccounts@{}' = {{\n  name: 'st1'\n"
             "  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: {{ name: 'Standard_LRS' }}\n"
             "  properties: {{}}\n}}\n")
    assert fired(bicep.format("2018-11-01"), definition(cond), name="t.bicep") == [("p1", 1, 13)]
    assert fired(bicep.format("2023-01-01"), definition(cond), name="t.bicep") == []


def test_a_module_given_null_deploys_its_parameter_default():
    """Hand check of the corpus: AVM passes `auditSettings.?retentionDays` (null when unset) to a
    module whose parameter defaults to 90; Resource Manager deploys the default, so the SQL
    auditing retention policy found the setting compliant, not 'not set'."""
    def nested(value):
        inner = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                            "deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"tls": {"type": "string", "defaultValue": "TLS1_2"}},
                 "resources": [storage({"minimumTlsVersion": "[parameters('tls')]"})]}
        return {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
                "name": "inner", "properties": {
                    "mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                    "parameters": {"tls": {"value": value}}, "template": inner}}
    cond = {"allOf": [{"field": "type", "equals": ST},
                      {"field": f"{ST}/minimumTlsVersion", "notEquals": "TLS1_2"}]}
    assert run(template(nested(None)), definition(cond)) == []
    found = fired(template(nested("TLS1_0")), definition(cond))
    assert [(r, line) for r, line, _ in found] == [("p1", 40)]  # the inner minimumTlsVersion
