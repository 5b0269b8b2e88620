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


# -- a released document: the same anchors read from its text --------------------------------
def _released(text):
    doc = jsonc.load(text)
    assert doc.ok
    doc.release()
    return doc


def _pointers(value, prefix=()):
    """Every pointer of a decoded value, each with a few that lead nowhere or past an end."""
    yield prefix
    yield prefix + ("missing",)
    if isinstance(value, dict):
        for key in value:
            yield prefix + (key.upper(),)  # found in any casing, as CIDict finds it
            yield from _pointers(value[key], prefix + (key,))
    elif isinstance(value, list):
        yield prefix + (str(len(value)),)
        yield prefix + ("-1",)
        for i, item in enumerate(value):
            yield from _pointers(item, prefix + (str(i),))


def _json_text(draw_value, st):
    """JSON text of objects that may repeat a key, in the same or another casing, with names
    and types of any kind, scalars of every kind, strings with escapes, white space anywhere."""
    space = st.sampled_from(["", " ", "\n  ", "\t"])
    keys = st.sampled_from(["name", "Name", "NAME", "type", "TYPE", "a", "A", "b", "x/y", "é",
                            'q"uote'])
    scalars = st.one_of(st.sampled_from(["1", "-0", "2.50", "1e3", "true", "false", "null",
                                         '"v"', '"s\\u00e9\\n"', '"a/b"', '""', '"12"']),
                        st.text(max_size=4).map(json.dumps))

    def obj(children):
        pair = st.tuples(keys, children, space)
        return st.lists(pair, max_size=5).map(lambda ps: "{" + ",".join(
            f"{sp}{json.dumps(k)}{sp}:{sp}{v}" for k, v, sp in ps) + "}")

    def arr(children):
        return st.lists(st.tuples(children, space), max_size=4).map(
            lambda items: "[" + ",".join(sp + v + sp for v, sp in items) + "]")
    return st.recursive(scalars, lambda children: st.one_of(obj(children), arr(children)),
                        max_leaves=20)


def test_a_released_documents_identity_paths_are_read_from_its_text():
    # The linter releases a JSON document's tree before its findings are located
    # (JsonDocument.release): the anchors are then read from the text, and must be exactly
    # those the tree gives (repeated keys: the last value; keys in another casing: the first)
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=300, deadline=None, database=None, derandomize=True)
    @given(_json_text(None, st))
    def same(text):
        value = jsonc.load(text).value
        doc = _released(text)
        for pointer in _pointers(value):
            assert fingerprint.identity_path_in_text(doc, pointer) == \
                fingerprint.identity_path(value, pointer), (text, pointer)

    same()


def test_a_released_documents_anchors_of_places_in_the_text_are_read_from_its_text():
    # a finding reported at raw text (no pointer): anchored on the innermost value around it
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=200, deadline=None, database=None, derandomize=True)
    @given(_json_text(None, st), st.data())
    def same(text, data):
        kept, released = jsonc.load(text), _released(text)
        lines = text.split("\n")
        line = data.draw(st.integers(1, len(lines)))
        col = data.draw(st.integers(1, len(lines[line - 1]) + 1))
        finding = Finding("AL0001", "x", "warning", "m", Location("t.json", Span(line, col,
                                                                                 line, col)))
        assert fingerprint.anchor(finding, released) == fingerprint.anchor(finding, kept)
        for pointer in list(_pointers(kept.value))[:20]:
            finding.location.pointer = jsonc_pointer(pointer)
            assert fingerprint.anchor(finding, released) == fingerprint.anchor(finding, kept)

    same()


def jsonc_pointer(pointer):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in pointer)


def test_a_released_document_is_anchored_as_before_a_finding_of_a_template():
    text = json.dumps(EXAMPLE, indent=2)
    kept, released = jsonc.load(text), _released(text)
    assert released.value is None
    finding = Finding("AL5001", "x", "warning", "m",
                      Location("t.json", Span(1, 1, 1, 1), "/resources/0/properties/osProfile"))
    expected = fingerprint.anchor(finding, kept)
    assert expected.startswith("resources/microsoft.compute/virtualmachines=")
    assert fingerprint.anchor(finding, released) == expected


def test_a_released_document_reads_repeated_and_differently_cased_keys_as_its_tree_does():
    text = ('{"r": [{"Name": "first", "NAME": "second", "Type": "A/B", "tYPE": "c/d"},'
            ' {"name": 1, "name": "last", "type": 2}, {"NaMe": {"x": 1}}, "s", 7, [1]],'
            ' "R": {"k": [2.50, "v\\u00e9", null, true]}, "r": [{"TYPE": "t", "nAme": "n"}],'
            ' "x": {"A": 1, "a": {"b": 2}}}')
    value = jsonc.load(text).value
    doc = _released(text)
    paths = {p: fingerprint.identity_path(value, p) for p in _pointers(value)}
    assert paths[("r", "0")] == ["r", "t=n"]  # the last of a repeated key
    assert {p: fingerprint.identity_path_in_text(doc, p) for p in paths} == paths
    assert fingerprint.identity_path_in_text(doc, ("x", "A")) == ["x", "A"]
    old = jsonc.load(text.replace('"r": [{"TYPE"', '"q": [{"TYPE"'))
    released = _released(old.text)
    for pointer in _pointers(old.value):
        assert fingerprint.identity_path_in_text(released, pointer) == \
            fingerprint.identity_path(old.value, pointer), pointer
