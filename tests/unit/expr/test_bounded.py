"""The two-generation caches the expression parser keeps for a run."""
from armlint.expr import parser
from armlint.expr.bounded import Bounded


def test_what_is_used_again_stays_and_the_rest_goes_within_two_generations():
    cache = Bounded(3)
    for key in "abc":  # the third entry fills the young generation: it becomes the old
        cache.put(key, key.upper())
    assert (cache.young, cache.old) == ({}, {"a": "A", "b": "B", "c": "C"})
    assert cache.get("a") == "A"  # back to the young generation
    for key in "de":
        cache.put(key, key.upper())
    assert cache.old == {"a": "A", "d": "D", "e": "E"}
    assert [cache.get(k) for k in "abcde"] == ["A", None, None, "D", "E"]
    assert len(cache) <= 2 * 3


def test_the_parse_cache_stays_bounded_over_many_distinct_texts():
    texts = [f"[concat('x', '{i}')]" for i in range(3 * parser._cache.size)]
    for text in texts:
        parser.parse(text)
    assert len(parser._cache) <= 2 * parser._cache.size
    assert parser.parse(texts[-1]) is parser.parse(texts[-1])  # a recent text: cached
