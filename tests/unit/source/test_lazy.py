"""source/lazy.cached: computed once per object, on first use; then an ordinary attribute."""
from armlint.source.lazy import cached


class _Thing:
    def __init__(self):
        self.calls = 0

    @cached
    def value(self) -> int:
        """The doc."""
        self.calls += 1
        return self.calls * 10


def test_a_cached_value_is_computed_once_per_object_and_can_be_replaced_or_forgotten():
    a, b = _Thing(), _Thing()
    assert (a.value, a.value, a.calls) == (10, 10, 1)
    assert (b.value, b.calls) == (10, 1)  # each object its own
    a.value = 7
    assert a.value == 7
    del a.value  # forgotten: computed again on the next read
    assert (a.value, a.calls) == (20, 2)
    assert _Thing.value.__doc__ == "The doc." and isinstance(_Thing.__dict__["value"], cached)
