"""CIDict: case-insensitive lookups that keep keys as written."""
from armlint.source.cidict import CIDict


def test_lookup_in_any_casing():
    d = CIDict([("provisionVmAgent", False), ("Name", "x")])
    assert d["provisionVMAgent"] is False
    assert d.get("PROVISIONVMAGENT") is False
    assert "name" in d and "missing" not in d
    assert d.actual_key("provisionvmagent") == "provisionVmAgent"
    assert d.get("missing", 1) == 1


def test_first_of_two_casings_wins_for_folded_lookup_and_updates_refresh():
    d = CIDict([("a", 1), ("A", 2)])
    assert d["a"] == 1 and d["A"] == 2
    d["b"] = 3
    assert d.get("B") == 3
    del d["B"]
    assert "b" not in d
    assert d.pop("A") == 2 and d.setdefault("C", 5) == 5 and d["c"] == 5


def test_objects_with_the_same_keys_share_one_folded_index_and_a_change_stays_their_own():
    a = CIDict([("Name", 1), ("Kind", 2)])
    b = CIDict([("Name", 3), ("Kind", 4)])
    assert a["name"] == 1 and b["kind"] == 4
    assert a._folded is b._folded  # one index for the key set, not one an object
    a["Sku"] = 5
    assert a["sku"] == 5 and "sku" not in b and b.actual_key("NAME") == "Name"
    c = CIDict([("Kind", 6), ("Name", 7)])  # the same keys in another order: its own index
    assert c["name"] == 7 and c._folded is not b._folded
