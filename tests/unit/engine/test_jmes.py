"""Three-valued JMESPath: Unknown propagates and never fires; armlint's functions."""
import pytest

from armlint.engine.jmes import CompileError, Expression, truthy
from armlint.expr.values import Obj, PartialString, Unknown

U = Unknown("parameters('x')")


def search(expr, data):
    return Expression(expr).search(data)


def test_unknown_propagates_through_fields_comparisons_and_not():
    data = Obj(a=U, b=Obj(c=False))
    assert isinstance(search("a.deep.er", data), Unknown)
    assert isinstance(search("a == `false`", data), Unknown)
    assert isinstance(search("!a", data), Unknown)
    assert not truthy(search("a.x != `true`", data))
    assert search("b.c == `false`", data) is True


def test_kleene_and_or():
    data = Obj(u=U, t=True, f=False)
    assert search("u && f", data) is False
    assert isinstance(search("u && t", data), Unknown)
    assert search("u || t", data) is True
    assert isinstance(search("u || f", data), Unknown)
    assert search("f && u", data) is False
    assert search("t || u", data) is True


def test_filters_skip_unknown_tests_and_projections_of_unknown_are_unknown():
    data = Obj(items=[Obj(v=True), Obj(v=U), Obj(v=False)], u=U)
    assert search("items[?v == `true`]", data) == [Obj(v=True)]
    assert isinstance(search("u[*].x", data), Unknown)
    assert isinstance(search("u[?x]", data), Unknown)
    assert isinstance(search("length(u)", data), Unknown)


def test_keys_are_case_insensitive():
    assert search("Properties.OSPROFILE", Obj(properties=Obj(osProfile=1))) == 1


@pytest.mark.parametrize("expr, data, expected", [
    ("is_false(x)", Obj(x="False"), True),
    ("is_false(x)", Obj(x=False), True),
    ("is_false(x)", Obj(x=U), False),
    ("is_true(x)", Obj(x="TRUE"), True),
    ("is_string_bool(x)", Obj(x="false"), True),
    ("is_string_bool(x)", Obj(x=False), False),
    ("known(x)", Obj(x=U), False),
    ("eq_ci(x, 'ABC')", Obj(x="abc"), True),
    ("in_ci(x, ['A', 'b'])", Obj(x="B"), True),
    ("ends_with_ci(x, 'sets')", Obj(x="Microsoft.Compute/virtualMachineScaleSets"), True),
    ("ip_covers(x, '168.63.129.16')", Obj(x=["10.0.0.0/8", "168.63.0.0/16"]), True),
    ("ip_covers(x, '168.63.129.16')", Obj(x="*"), False),
    ("ip_covers(x, '168.63.129.16')", Obj(x="Internet"), False),
    ("port_covers(x, `80`)", Obj(x="1-100"), True),
    ("port_covers(x, `80`)", Obj(x=["443"]), False),
    ("calls(x)", Obj(x="[concat(parameters('a'), 'b')]"), ["concat", "parameters"]),
    ("is_expr(x)", Obj(x="[[literal]"), False),
    ("api_version_before(x, '2020-01-01')", Obj(x="2019-12-01-preview"), True),
    ("lookup_each(x, t)", Obj(x=["A", "b", "A"], t=Obj(a=1, B=2)), [1, 2]),
    ("leaf(x)", Obj(x="vm/ext"), "ext"),
    ("display(x)", Obj(x=PartialString(("vm", "/", U))), "vm/[parameters('x')]"),
    ("display(x)", Obj(x=False), "false"),
    ("unique(x)", Obj(x=[1, 1, 2]), [1, 2]),
    ("with_each(x, {t: t})[?id == t].id", Obj(x=[Obj(id="a"), Obj(id="b"), "s"], t="b"), ["b"]),
    ("with_each(x, {id: t})[].id", Obj(x=[Obj(id="a")], t="b"), ["a"]),
])
def test_functions(expr, data, expected):
    assert search(expr, data) == expected


def test_api_version_before_gives_no_answer_without_an_api_version():
    # A resource without apiVersion was judged by the newest defaults (AL6601 on the corpus).
    assert isinstance(search("api_version_before(x, '2020-01-01')", Obj(x=None)), Unknown)
    assert search("api_version_before(x, '2020-01-01')", Obj(x="2020-01-01")) is False


def test_type_errors_from_unexpected_shapes_mean_no_answer():
    assert isinstance(search("length(x)", Obj(x=5)), Unknown)


def test_compile_errors():
    with pytest.raises(CompileError, match="syntax error"):
        Expression("a[?")
    with pytest.raises(CompileError, match="unknown function 'nope\\(\\)'"):
        Expression("nope(a)")


def test_with_each_brings_outer_values_into_a_filter_and_keeps_unknown_elements_unknown():
    data = Obj(x=[Obj(id="a"), U], t="a")
    assert search("length(with_each(x, {t: t})[?id == t])", data) == 1
    assert isinstance(search("with_each(x, {t: t})[1]", data), Unknown)
    assert isinstance(search("with_each(u, {t: t})", Obj(u=U, t="a")), Unknown)
    assert search("x[?id == t]", data) == []  # without it, `t` is the element's (absent) key


def test_a_search_leaves_no_garbage_for_the_cyclic_collector():
    # The runner pauses the cyclic collector while it lints a file; each search used to make an
    # interpreter that referred to itself (45 MB of garbage on a 2 MB template).
    import gc
    expr = Expression("resources[?type == 'x'] | length(@)")
    data = Obj(resources=[Obj(type="x"), Obj(type="y")])
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(200):
            assert expr.search(data) == 1
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_elements_places_each_known_element_where_it_was_written():
    from armlint.expr.values import Arr, Origin
    suites = Arr(["A", U, "B"])
    suites.origin = Origin("doc", ("resources", 0, "cipherSuites"))
    got = search("elements(x)", Obj(x=suites))
    assert [(e["value"], e["index"]) for e in got] == [("A", 0), ("B", 2)]
    assert [e.origin for e in got] == [suites.origin.child(0), suites.origin.child(2)]
    assert isinstance(search("elements(x)", Obj(x=U)), Unknown)
    assert search("elements(x)", Obj(x="s")) == []
