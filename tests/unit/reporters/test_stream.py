"""reporters.stream: a document's one large array encoded a member at a time, byte for byte what
one `json.dumps(indent=2)` writes."""
import json

import pytest

from armlint.reporters.stream import Members, dumps_streaming

MEMBERS = [{"a": 1, "b": {"c": [1, 2, {}], "d": []}}, {"x": 'é\n"\u0000', "y": None}]
SHAPES = {
    "nested like SARIF": lambda m: {"$schema": "s", "runs": [{"tool": {"rules": [1, {"r": 2}]},
                                                             "results": m, "after": [True]}]},
    "a top member": lambda m: {"findings": m},
    "in an array": lambda m: [0, m, {"z": []}],
    "alone": lambda m: m,
}


@pytest.mark.parametrize("members", [[], MEMBERS], ids=["empty", "two"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_pieces_join_to_one_dump(shape, members):
    place = Members(iter(members))
    pieces = list(dumps_streaming(SHAPES[shape](place), place))
    assert "".join(pieces) == json.dumps(SHAPES[shape](members), indent=2,
                                         ensure_ascii=False) + "\n"
    assert len(pieces) == (3 + len(members) if members else 3)  # a piece per member


def test_text_of_the_document_cannot_pose_as_the_array():
    """A rule title or path that spells what marks the array's place does not move it."""
    place = Members(iter([{"n": 1}]))
    document = {"title": "\u0000" + "0" * 32, "results": place}
    text = "".join(dumps_streaming(document, place))
    assert json.loads(text) == {"title": "\u0000" + "0" * 32, "results": [{"n": 1}]}


def test_anything_else_that_is_not_json_is_refused():
    place = Members(iter([]))
    with pytest.raises(TypeError, match="set"):
        "".join(dumps_streaming({"results": place, "other": {1}}, place))
