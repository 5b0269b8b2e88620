"""engine.locate: logical paths through the context a rule saw, to spans in the source."""
import pytest

from armlint.engine.locate import json_pointer, locate, locate_offsets, locate_origin, parse_path
from armlint.expr.values import Origin, Unknown, literal_value
from armlint.source import jsonc

SOURCE = """{
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "properties": {
        "osProfile": {"windowsConfiguration": {"provisionVMAgent": false}},
        "list": [1, 22, 333],
        "text": "a\\"b c"
      }
    }
  ]
}"""


@pytest.fixture
def doc():
    return jsonc.load(SOURCE)


@pytest.fixture
def anchor(doc):
    resource = literal_value(doc.value["resources"][0])
    resource.origin = Origin(doc, ("resources", 0))
    return {"resource": resource, "name": "vm1"}


def test_parse_path():
    assert parse_path("resource.properties.list[2]") == ["resource", "properties", "list", 2]
    assert parse_path("resource.list[-1].x") == ["resource", "list", -1, "x"]
    assert parse_path("") == []


def test_the_first_path_that_exists_wins(doc, anchor):
    found = locate(anchor, ("resource.properties.missing",
                            "resource.properties.osProfile.windowsConfiguration.provisionVMAgent"))
    assert found[0] is doc
    assert (str(found[1]), found[2]) == (
        "6:68-6:73", "/resources/0/properties/osProfile/windowsConfiguration/provisionVMAgent")


def test_property_names_are_matched_in_any_casing_and_keys_can_be_reported(anchor):
    _, span, pointer = locate(anchor, ("resource.PROPERTIES.osprofile.WindowsConfiguration."
                                       "provisionVmAgent",), part="key")
    assert str(span) == "6:48-6:66"
    assert pointer == "/resources/0/properties/osProfile/windowsConfiguration/provisionVMAgent"


def test_array_indexes_count_from_either_end(anchor):
    assert str(locate(anchor, ("resource.properties.list[1]",))[1]) == "7:21-7:23"
    _, span, pointer = locate(anchor, ("resource.properties.list[-1]",))
    assert (str(span), pointer) == ("7:25-7:28", "/resources/0/properties/list/2")
    assert locate(anchor, ("resource.properties.list[3]",))[2] == "/resources/0/properties/list"


def test_without_a_path_that_exists_the_deepest_existing_part_of_the_first(anchor):
    _, span, pointer = locate(anchor, ("resource.properties.osProfile.nothing.deeper",
                                       "resource.properties.nothing"), part="key")
    assert pointer == "/resources/0/properties/osProfile"
    assert str(span) == "6:22-6:75"  # the value: a missing key has no name to point at


def test_a_context_without_origins_has_no_location():
    assert locate({"resource": {"a": 1}}, ("resource.a",)) is None


def test_an_unknown_value_ends_the_walk_where_it_stands(doc, anchor):
    anchor["resource"]["properties"]["osProfile"] = Unknown("[parameters('p')]")
    _, _, pointer = locate(anchor, ("resource.properties.osProfile.windowsConfiguration",))
    assert pointer == "/resources/0/properties/osProfile"


def test_characters_inside_a_string_through_its_escapes(doc):
    origin = Origin(doc, ("resources", 0, "properties", "text"))
    _, span, pointer = locate_origin(origin, "value", (2, 5))  # 'b c' after the escaped quote
    assert str(span) == "8:21-8:24" and pointer == "/resources/0/properties/text"
    assert str(locate_origin(origin)[1]) == "8:17-8:25"
    assert str(locate_origin(Origin(doc, ("resources", 0, "type")), "key")[1]) == "4:7-4:13"


def test_raw_offsets(doc):
    start = SOURCE.index('"list"')
    assert str(locate_offsets(doc, start, start + 6)) == "7:9-7:15"


def test_json_pointer_escapes():
    assert json_pointer(("a/b", "c~d", 0)) == "/a~1b/c~0d/0"


def test_a_raw_finding_pins_its_place_and_keeps_no_context(doc, anchor):
    """The place is worked out when the finding is made: a later change to the context (a rule
    with `each` moving to its next item) does not move it, and the context is not kept."""
    from armlint.engine.locate import locate_pinned
    from armlint.engine.run import RawFinding
    paths = ("resource.properties.missing", "resource.properties.list[1]")
    found = RawFinding("AL0001", anchor, paths, "value", "message")
    anchor["resource"] = literal_value({"properties": {}})
    assert found.anchor is None
    _, span, pointer = locate_pinned(found.place)
    assert (str(span), pointer) == ("7:21-7:23", "/resources/0/properties/list/1")
    assert found.item.pointer == ("resources", 0)
    missing = RawFinding("AL0001", anchor, ("resource.x",), "value", "message")
    assert locate_pinned(missing.place) is None and missing.item is None
