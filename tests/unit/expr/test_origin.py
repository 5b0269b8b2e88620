"""Origin: where a value was written, its pointer spelled out from the parent chain on demand."""
import pickle

from armlint.expr.values import Origin


class Doc:
    pass


def test_a_child_origin_spells_its_pointer_from_its_parents():
    doc = Doc()
    root = Origin(doc, ("resources",))
    leaf = root.child(0).child("properties").child("osProfile")
    assert leaf.doc is doc and leaf.pointer == ("resources", 0, "properties", "osProfile")
    assert root.pointer == ("resources",) and Origin(doc).pointer == ()
    assert leaf == Origin(doc, ("resources", 0, "properties", "osProfile"))
    assert hash(leaf) == hash(Origin(doc, leaf.pointer))
    assert leaf != Origin(Doc(), leaf.pointer) and leaf != root.child(1)
    assert tuple(leaf) == (doc, leaf.pointer)


def test_an_origin_pickles_as_its_document_and_pointer():
    made = pickle.loads(pickle.dumps(Origin("file.json", ("a",)).child("b")))
    assert (made.doc, made.pointer) == ("file.json", ("a", "b"))


def test_an_origin_is_two_slots_only_the_top_of_a_chain_holds_the_document():
    import sys
    doc = Doc()
    leaf = Origin(doc, ("a",)).child(0).child("b")
    assert leaf.doc is doc and leaf.pointer == ("a", 0, "b")
    # every resolved object has one: 48 bytes, where a third slot took the allocator's next size
    assert sys.getsizeof(leaf) <= 48 and not hasattr(leaf, "__dict__")
