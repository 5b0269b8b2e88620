"""engine.fingerprint: anchored on what a finding is about, never on lines or array indexes."""
import json
from pathlib import Path

from armlint.engine import fingerprint
from armlint.engine.results import Finding, Location
from armlint.source import jsonc
from armlint.source.text import Span

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = json.loads((REPO / "examples" / "vm-agent-disabled.json").read_text())
BICEP_VM = (REPO / "tests" / "rules" / "AL5001" / "fail_parent_property.bicep").read_text()
NIC = {"type": "Microsoft.Network/networkInterfaces", "apiVersion": "2024-05-01", "name": "nic",
       "location": "westeurope", "properties": {}}
VM_RULES = ["AL5001", "AL5002", "AL5004", "AL5006"]


def prints(result):
    return sorted((f.rule_id, f.fingerprint) for f in result.findings)


def test_array_elements_are_named_by_type_and_name_or_value():
    doc = {"resources": [{"type": "Microsoft.Compute/virtualMachines", "name": "vm1",
                          "dependsOn": ["nic", "disk"],
                          "properties": {"disks": [{"lun": 0}], "nics": [{"name": "n1"}]}}]}
    path = fingerprint.identity_path
    assert path(doc, ("resources", "0", "dependsOn", "1")) == [
        "resources", "microsoft.compute/virtualmachines=vm1", "dependsOn", '="disk"']
    assert path(doc, ("resources", "0", "properties", "disks", "0", "lun")) == [
        "resources", "microsoft.compute/virtualmachines=vm1", "properties", "disks", "[]", "lun"]
    assert path(doc, ("resources", "0", "properties", "nics", "0")) == [
        "resources", "microsoft.compute/virtualmachines=vm1", "properties", "nics", "name=n1"]
    assert path(doc, ("resources", "7", "x")) == ["resources", "[]", "x"]  # not in the document


def test_property_names_of_the_identity_are_read_in_any_casing():
    element = jsonc.load('{"Type": "A/b", "NAME": "x"}').value  # documents ignore key case
    assert fingerprint.element_identity(element) == "a/b=x"


def test_inserting_a_resource_before_changes_no_fingerprint(lint):
    before = lint(json.dumps(EXAMPLE), select=VM_RULES)
    moved = dict(EXAMPLE, resources=[NIC] + EXAMPLE["resources"])
    after = lint(json.dumps(moved, indent=4), select=VM_RULES)
    assert len(before.findings) == 4 and prints(before) == prints(after)
    assert [f.location.pointer for f in before.findings] != [f.location.pointer for f in after.findings]


def test_inserting_a_bicep_resource_before_changes_no_fingerprint(lint):
    before = lint(BICEP_VM, select=["AL5001"], name="main.bicep")
    first_resource = BICEP_VM.index("resource ")
    inserted = BICEP_VM[:first_resource] + (
        "resource other 'Microsoft.Network/networkInterfaces@2024-05-01' = {\n"
        "  name: 'nic'\n  location: 'westeurope'\n}\n\n") + BICEP_VM[first_resource:]
    after = lint(inserted, select=["AL5001"], name="main.bicep")
    assert len(before.findings) == 1 and prints(before) == prints(after)
    assert before.findings[0].location.span != after.findings[0].location.span


def test_twins_get_distinct_fingerprints_in_file_order(lint):
    twins = dict(EXAMPLE, resources=EXAMPLE["resources"][:1] * 2)
    result = lint(json.dumps(twins), select=["AL5006"])
    assert len(result.findings) == 2
    assert len({f.fingerprint for f in result.findings}) == 2
    single = lint(json.dumps(dict(EXAMPLE, resources=EXAMPLE["resources"][:1])), select=["AL5006"])
    assert single.findings[0].fingerprint == result.findings[0].fingerprint


def test_a_finding_without_a_pointer_is_anchored_on_its_line_text_and_surroundings():
    text = '{\n  "a": {"b": "[concat(]"},\n  "c": 1\n}'
    doc = jsonc.load(text)
    f = Finding("AL3001", "n", "error", "m", Location("t.json", Span(2, 16, 2, 17)))
    assert fingerprint.anchor(f, doc) == 'a/b|"a": {"b": "[concat(]"},'
    shifted = jsonc.load("\n\n" + text)
    g = Finding("AL3001", "n", "error", "m", Location("t.json", Span(4, 16, 4, 17)))
    assert fingerprint.anchor(g, shifted) == fingerprint.anchor(f, doc)


def test_a_file_that_does_not_parse_is_anchored_on_the_line_text(lint):
    broken = '{\n  "$schema": "x",\n  "a": [1,, 2]\n}'
    first = lint(broken)
    second = lint("\n\n" + broken)
    assert [f.rule_id for f in first.findings] == ["AL0001"]
    assert prints(first) == prints(second)


def test_without_a_document_the_position_is_all_there_is():
    f = Finding("AL0002", "n", "error", "m", Location("t.json", Span(3, 4, 3, 5)))
    assert fingerprint.anchor(f) == "3:4"
    fingerprint.assign([f])
    assert len(f.fingerprint) == 32
