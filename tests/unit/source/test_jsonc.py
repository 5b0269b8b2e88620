"""JSON with comments: values, positions on demand, repeated keys and errors in words."""
import json

import pytest

from armlint.source import jsonc
from armlint.source.cidict import Arr, CIDict, FrozenArr


def span_text(doc, pointer, part="value"):
    s = doc.span(pointer, part)
    return str(s) if s else None


def test_values_are_case_insensitive_objects():
    doc = jsonc.load('{"Resources": [{"Type": "x"}]}')
    assert doc.ok and isinstance(doc.value, CIDict)
    assert doc.value["resources"][0].get("TYPE") == "x"


def test_arrays_are_arrs_that_can_be_told_their_place():
    # every array, in an object, in an array, at the root, and after comments were blanked; in
    # a document large enough that its values are shared (jsonc._SHARE_FROM) too, where an
    # array with nothing to evaluate in it is a FrozenArr, made once and never told a place
    # (test_shared_values.py): one here has an expression at the bottom
    large = '{"pad": "%s", "a": [[1, [2, "[e()]"]], {"b": ["[e()]"]}]}' % ("x" * jsonc._SHARE_FROM)
    for text in ('{"a": [[1, [2]], {"b": []}]}', '[[1, [2]], {"b": []}]',
                 '{"a": [[1, [2]], {"b": [],},]} // c', large):
        doc = jsonc.load(text)
        a = doc.value["a"] if isinstance(doc.value, dict) else doc.value
        assert [type(x) for x in (a, a[0], a[0][1], a[1]["b"])] == [Arr] * 4, text
        assert a == ([[1, [2, "[e()]"]], {"b": ["[e()]"]}] if text is large else
                     [[1, [2]], {"b": []}])
        a.origin = "here"  # the slot the evaluator fills (expr/evaluate.py)
    literal = jsonc.load(large.replace(', "[e()]"', "").replace('"[e()]"', "")).value["a"]
    assert literal == [[1, [2]], {"b": []}]
    assert [type(x) for x in (literal, literal[0], literal[0][1])] == [FrozenArr] * 3
    assert type(literal[1]["b"]) is FrozenArr


def test_spans_of_keys_and_values():
    text = '{\n  "a": {\n    "b": [1, "two", {"c": true}]\n  }\n}'
    doc = jsonc.load(text)
    assert span_text(doc, ("a",), "key") == "2:3-2:6"
    assert span_text(doc, ("a", "b", 1)) == "3:14-3:19"
    assert span_text(doc, ("a", "b", 2, "c")) == "3:27-3:31"
    assert span_text(doc, ("a", "b", 2, "c"), "key") == "3:22-3:25"
    assert doc.span(("a", "missing")) is None
    span, matched = doc.locate(("a", "b", 2, "zzz", 0))
    assert (str(span), matched) == ("3:21-3:32", 3)


def test_comments_multiline_strings_and_trailing_commas():
    text = ('// header\n{\n  "a": "x", /* inline */\n  "e": "[concat(\'a\',\n   \'b\')]",\n'
            '  "list": [1, 2,],\n}\n')
    doc = jsonc.load(text)
    assert doc.ok
    assert doc.value["e"] == "[concat('a',\n   'b')]"
    assert doc.value["list"] == [1, 2]
    assert [c.text for c in doc.comments] == ["// header", "/* inline */"]
    assert span_text(doc, ("e",)) == "4:8-5:10"
    assert span_text(doc, ("list", 1)) == "6:15-6:16"


def test_repeated_keys_in_any_casing():
    text = '{\n  "location": "a",\n  "name": "n",\n  "Location": "b",\n  "name": "m"\n}'
    doc = jsonc.load(text)
    assert doc.has_duplicates
    found = [(d.key, d.first_key, str(doc.lines.span(d.key_start, d.key_end)))
             for d in doc.duplicates()]
    assert found == [("Location", "location", "4:3-4:13"), ("name", "name", "5:3-5:9")]
    assert doc.value["name"] == "m"  # the last one wins, as in ARM
    assert span_text(doc, ("name",)) == "5:11-5:14"


def test_no_repeated_keys_in_different_objects():
    doc = jsonc.load('{"a": {"x": 1}, "b": {"x": 2}}')
    assert not doc.has_duplicates and doc.duplicates() == []


@pytest.mark.parametrize("text, message, position", [
    ('{\n  "a": 1\n  "b": 2\n}', "expected ',' or '}' after a property value, found a string", "3:3"),
    ('{"a": [1 2]}', "expected ',' or ']' after an array element, found a number", "1:10"),
    ('{"a" 1}', "expected ':' after the property name \"a\", found a number", "1:6"),
    ('{"a": }', "expected a value, found '}'", "1:7"),
    ("{'a': 1}", "unexpected \"'\": JSON strings use double quotes", "1:2"),
    ('{"a": True}', "unexpected 'True': JSON literals are lower-case true, false and null", "1:7"),
    ('{"a": NaN}', "'NaN' is not a JSON value", "1:7"),
    ('{"a": 1} x', "unexpected content after the end of the JSON document", "1:10"),
    ('{"a": 1 /* open', "this comment is never closed (missing '*/')", "1:9"),
    ('{\n "a": [\n  1,\n', "unexpected end of file: expected ']' to close the array opened at "
                           "line 2 column 7", "3:5"),
    ("", "the file is empty", "1:1"),
    ("  \n ", "the file is empty", "1:1"),
    ('{"a": "\\x"}', "invalid escape sequence in a string (use \\\\ for a backslash)", "1:8"),
])
def test_errors_say_what_was_expected_where(text, message, position):
    doc = jsonc.load(text)
    assert not doc.ok
    assert doc.error.message == message
    span = doc.error_span()
    assert f"{span.start_line}:{span.start_col}" == position


def test_missing_quote_is_explained():
    doc = jsonc.load('{\n  "a": "x,\n  "b": 1\n}')
    assert "is its closing '\"' missing?" in doc.error.message
    assert "line 2 column 8" in doc.error.message


def test_deep_nesting_is_an_error_not_a_crash():
    doc = jsonc.load("[" * 100000 + "]" * 100000)
    assert not doc.ok
    assert doc.error.message == "the JSON nests too deeply to read"
    span = doc.error_span()
    assert (span.start_line, span.start_col) == (1, 1)
    # nesting a template can really have still reads, with comments too
    assert jsonc.load("[" * 200 + "1" + "]" * 200).ok
    assert jsonc.load("// c\n" + "[" * 200 + "1" + "]" * 200).ok


def test_locating_every_item_reads_the_text_a_few_times_not_once_per_item(monkeypatch):
    # Each lookup used to scan the whole document again from its root: 2 MB templates with
    # thousands of findings took minutes. Now the root and each container are scanned once.
    count = 2000
    items = ",\n".join(f'{{"name": "r{i}", "p": {{"x": [1, {i}]}}}}' for i in range(count))
    text = '{"resources": [\n' + items + "\n]}"
    doc = jsonc.load(text)
    real, scanned = jsonc._skip_value, []

    def counting(t, pos):
        end = real(t, pos)
        scanned.append(end - pos)
        return end

    monkeypatch.setattr(jsonc, "_skip_value", counting)
    for i in range(count):
        span = doc.span(("resources", i, "p", "x", 1))
        assert (span.start_line, span.end_col - span.start_col) == (i + 2, len(str(i)))
    assert sum(scanned) < 4 * len(text)  # once per level of nesting at most


@pytest.mark.parametrize("count", [3, 20])  # a small object's keys are searched in order; a
def test_spans_of_repeated_and_many_keys(count):  # large one's through a dict
    keys = [f"k{i}" for i in range(count)]
    text = "{" + ", ".join(f'"{k}": {i}' for i, k in enumerate(keys)) + ', "k1": "again"}'
    doc = jsonc.load(text)
    assert doc.ok and doc.value["k1"] == "again"
    again = text.index('"k1": "again"')
    assert span_text(doc, ("k1",)) == f"1:{again + 7}-1:{again + 14}"  # the last one wins
    last = text.index(f'"{keys[-1]}"')
    assert span_text(doc, (keys[-1],), "key") == f"1:{last + 1}-1:{last + len(keys[-1]) + 3}"
    assert doc.span(("missing",)) is None and doc.span((0,)) is None


def test_array_items_are_found_by_index_only():
    doc = jsonc.load('[10, 20, {"a": 1}]')
    assert span_text(doc, (1,)) == "1:6-1:8"
    assert span_text(doc, (2, "a")) == "1:16-1:17"
    assert doc.span((3,)) is None and doc.span((-1,)) is None and doc.span(("0",)) is None


@pytest.mark.parametrize("comment", ["", "// a comment\n"])
def test_a_repeated_string_value_is_stored_once(comment):
    # the types, API versions and expressions every resource repeats were a new str each time
    # (8.8 of the 11 MB of strings of the 10 MB bench template); in a document of at least
    # _SHARE_FROM characters (below it, the copies are at most about 100 KB while the file is
    # linted)
    one = '{"type": "Microsoft.Web/sites", "location": "[parameters(\'location\')]"}'
    pad = ', "pad": "%s"' % ("x" * jsonc._SHARE_FROM)
    doc = jsonc.load(comment + '{"resources": [' + ", ".join([one] * 3) + "]" + pad + "}")
    first, second, third = doc.value["resources"]
    assert first == second == third
    assert first["type"] is second["type"] is third["type"]
    assert first["location"] is third["location"]
    long = "x" * 100_000  # a long value is left as the decoder made it
    doc = jsonc.load('{"a": "%s", "b": "%s"}' % (long, long))
    assert doc.value["a"] == doc.value["b"] == long


def _many_items(count: int) -> str:
    items = ",\n".join(f'{{"name": "r{i}", "p": {{"x": [1, {i}]}}}}' for i in range(count))
    return '{"resources": [\n' + items + "\n]}\n"  # a line break at the end, as editors save


def test_locating_needs_no_copy_of_the_text_or_its_values():
    # The root's extent was len(text.rstrip()): a copy of the whole text per lookup when the
    # file ends with a line break (2 ms a lookup in a 10 MB file); skipping a member's value
    # built it (the whole resources array again: 12 times this text for a moment).
    import tracemalloc
    text = _many_items(20_000)
    doc = jsonc.load(text)
    doc.lines  # noqa: B018 (built once, on the first finding)
    tracemalloc.start()
    try:
        span = doc.span(("resources", 5, "name"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert span_text(doc, ("resources", 5, "name")) == "7:10-7:14"
    assert str(span) == "7:10-7:14"
    assert peak < len(text) / 4


def test_positions_kept_are_a_few_hundred_bytes_per_container():
    # a tuple of keys and an array of offsets for each container took 866 bytes for the three
    # containers of each item here; one record in a shared array and shared key sets, 390
    import tracemalloc
    count = 20_000
    doc = jsonc.load(_many_items(count))
    doc.span(("resources", 0, "p", "x", 1))
    tracemalloc.start()
    try:
        for i in range(1, count):
            span = doc.span(("resources", i, "p", "x", 1))
            assert (span.start_line, span.end_col - span.start_col) == (i + 2, len(str(i)))
        used, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert used / count < 600


@pytest.mark.parametrize("ascii_only", [True, False])
def test_characters_of_a_string_map_to_the_text_through_any_escapes(ascii_only):
    # each decoded character of a string and the text it is written as: runs without escapes
    # are crossed in one step, each escape (\n, \", \\, \u00e9, a surrogate pair) is one
    # character; compared with json.dumps of each prefix, for every start and end
    from hypothesis import given, settings, strategies as st
    chars = st.sampled_from(['a', 'b', '"', '\\', '\n', '\t', '\x01', 'é', '€', '😀', '[', ' '])

    @settings(max_examples=150, deadline=None, database=None, derandomize=True)
    @given(st.lists(chars, max_size=12).map("".join))
    def same(value):
        token = json.dumps(value, ensure_ascii=ascii_only)
        doc = jsonc.load('{"k": ' + token + "}")
        for start in range(len(value) + 1):
            for end in range(start, len(value) + 1):
                raw_start = 6 + len(json.dumps(value[:start], ensure_ascii=ascii_only)) - 1
                raw_end = 6 + len(json.dumps(value[:end], ensure_ascii=ascii_only)) - 1
                span = doc.string_span(("k",), "value", start, end)
                assert (span.start_col - 1, span.end_col - 1) == (raw_start, raw_end), \
                    (value, start, end)

    same()
