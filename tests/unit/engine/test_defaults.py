"""Rule `defaults`: an absent setting takes the provider's default for the resource's API version,
a written one (also from a parameter's default or a parameter file) is judged as written, and an
unknown one (a parameter without a value) or an unknowable default never fires."""
import textwrap

import pytest

from armlint.api import Linter, LintOptions
from armlint.engine.defaults import Default, describe
from armlint.engine.loader import load_catalogue

RULE = """
id: ORG100
name: public-blobs
title: Public blob access
level: warning
scope: {kind: resources, resource_types: [Microsoft.Storage/storageAccounts]}
defaults:
  public:
    value: resource.properties.allowBlobPublicAccess
    absent:
      - {api_before: '2023-01-01', value: true}
      - {value: false}
    source: https://learn.microsoft.com/rest/api/storagerp
violation: is_true(public)
report_at: [resource.properties.allowBlobPublicAccess, resource.apiVersion]
bind: {how: "defaulted.public && 'by default' || 'explicitly'"}
message: "'{name}' allows public blobs {how}"
docs: {what: w, why: y}
"""
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


@pytest.fixture(scope="module")
def lint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    (folder / "ORG100.yaml").write_text(RULE)
    catalogue = load_catalogue([folder])

    def run(api, props, parameters="{}", values=None):
        text = textwrap.dedent(f"""\
            {{"$schema": "{SCHEMA}", "parameters": {parameters}, "resources": [
              {{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "{api}", "name": "sa",
                "properties": {props}}}]}}""")
        options = LintOptions(select=["ORG100"], use_config=False, parameter_values=values or {})
        result = Linter(catalogue, options).lint_bytes(text.encode(), "t.json")
        return [(f.location.span.start_line, f.message) for f in result.findings]
    return run


def test_absent_setting_takes_the_default_of_the_api_version(lint):
    assert lint("2022-09-01", "{}") == [(2, "'sa' allows public blobs by default")]
    assert lint("2022-09-01-preview", "{}") == [(2, "'sa' allows public blobs by default")]
    assert lint("2023-01-01", "{}") == []
    assert lint("2023-05-01", "{}") == []


def test_written_values_are_judged_as_written(lint):
    assert lint("2023-05-01", '{"allowBlobPublicAccess": true}') == [
        (3, "'sa' allows public blobs explicitly")]
    assert lint("2021-01-01", '{"allowBlobPublicAccess": false}') == []


def test_parameters_with_values_are_judged_and_without_are_not(lint):
    with_default = '{"p": {"type": "bool", "defaultValue": true}}'
    without = '{"p": {"type": "bool"}}'
    prop = '''{"allowBlobPublicAccess": "[parameters('p')]"}'''
    assert lint("2023-05-01", prop, with_default) == [(3, "'sa' allows public blobs explicitly")]
    assert lint("2023-05-01", prop, without) == []
    assert lint("2023-05-01", prop, without, {"p": True}) == [
        (3, "'sa' allows public blobs explicitly")]
    assert lint("2023-05-01", '''"[parameters('p')]"''', '{"p": {"type": "object"}}') == []


def test_an_unknown_api_version_decides_nothing_unless_every_version_agrees(lint):
    api = "[parameters('api')]"
    params = '{"api": {"type": "string"}}'
    assert lint(api, "{}", params) == []


def test_describe_for_the_rule_page():
    d = Default("x", None, (("2023-01-01", True), (None, False)), "allowBlobPublicAccess",
                source="https://example.test", note="The platform changed it.")
    assert describe(d) == ("`allowBlobPublicAccess` not written: armlint assumes `true` with API "
                           "versions before 2023-01-01, `false` from API version 2023-01-01 on. The "
                           "platform changed it. Source: https://example.test")
    assert describe(Default("y", None, ((None, "TLS1_0"),), "minimumTlsVersion")) == (
        "`minimumTlsVersion` not written: armlint assumes `TLS1_0` whatever the API version.")


def test_the_api_version_of_another_resource_can_decide(tmp_path):
    rule = RULE.replace("ORG100", "ORG101").replace("public-blobs", "public-blobs-by-parent")
    rule = rule.replace("    value: resource.properties.allowBlobPublicAccess\n",
                        "    value: resource.properties.allowBlobPublicAccess\n"
                        "    api_version: \"'2020-01-01'\"\n")
    (tmp_path / "ORG101.yaml").write_text(rule)
    catalogue = load_catalogue([tmp_path])
    (default,) = catalogue.find("ORG101").defaults
    assert default.api_version.text == "'2020-01-01'"
    text = textwrap.dedent(f"""\
        {{"$schema": "{SCHEMA}", "resources": [
          {{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "sa",
            "properties": {{}}}}]}}""")
    options = LintOptions(select=["ORG101"], use_config=False)
    result = Linter(catalogue, options).lint_bytes(text.encode(), "t.json")
    # the account says 2023-05-01 (default false), but the rule asks 2020-01-01's default (true)
    assert [f.message for f in result.findings] == ["'sa' allows public blobs by default"]
