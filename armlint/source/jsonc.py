"""JSON with comments, as ARM accepts it, with exact positions on demand.

Owns: turning decoded text into values (`CIDict` objects, `Arr` lists, scalars) and answering "where is
this key or value?" for any JSON pointer. The C decoder builds the values (the fast path, close to
the cost of `json.loads`); files with `//` or `/* */` comments, raw line breaks inside strings
(multi-line strings) or trailing commas are first blanked position-for-position so the C decoder
still does the work. Positions are computed only when asked for, by a token scanner that records a
span for every key and value; the same scanner explains a broken file in words a person
understands ("expected ',' or '}' after a property value") at the exact offset.

Keys that repeat in one object, in any casing, are recorded (the last one wins, as in ARM).
"""
from __future__ import annotations

import json
import re
from array import array
import json.scanner
import json.decoder

from .cidict import Arr, CIDict, Frozen, FrozenArr
from .record import Plain, Record
from .text import LineIndex, PointerSpans, Span

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any, Iterator

Pointer = tuple  # of str (object keys as written) and int (array indexes)


# Records and plain classes rather than dataclasses: made when the module is imported (issue 12)

class JsonError(Record):
    __slots__ = _fields = ("message", "offset")

    def __init__(self, message: str, offset: int):
        self.message = message
        self.offset = offset


class Comment(Record):
    __slots__ = _fields = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end
        self.text = text


class DuplicateKey(Record):
    __slots__ = _fields = ("object_pointer", "key", "first_key", "key_start", "key_end",
                           "first_start")

    def __init__(self, object_pointer: Pointer, key: str, first_key: str, key_start: int,
                 key_end: int, first_start: int):
        self.object_pointer = object_pointer
        self.key = key  # the repeated key as written the second time
        self.first_key = first_key  # as written the first time
        self.key_start = key_start
        self.key_end = key_end
        self.first_start = first_start


class _Reject(ValueError):
    pass


class _OutOfRange(ValueError):
    """A number JSON can write but a double cannot hold (`1e400`), or an integer of more
    digits than Python converts (thousands): an error at the number, never infinity."""

    def __init__(self, literal: str):
        super().__init__(literal)
        self.literal = literal


def _reject_constant(name: str):
    raise _Reject(name)


def _float(literal: str) -> float:
    value = float(literal)
    if value in (_INF, -_INF):
        raise _OutOfRange(literal)
    return value


_INF = float("inf")


_lower = str.lower


_SHARED_STRING = 256  # string values up to this length are stored once per document...
_SHARE_FROM = 256 * 1024  # ...of at least this many characters, and its literal containers


def _decode(text: str, strict: bool) -> tuple[Any, bool]:
    # A large document shares its repeated values (_Sharing). Below _SHARE_FROM characters the
    # copies take at most about 100 KB while the file is linted (a 243 KB template of the corpus:
    # 442 -> 541 KB), and looking at every value in Python was most of the decoding's cost (the C
    # decoder does the rest): there the values stay as the decoder makes them, and only the
    # arrays are converted, found by their type in C.
    if len(text) >= _SHARE_FROM:
        sharing = _Sharing()
        value = _loads(text, strict, sharing.object)
        if value.__class__ is list:
            value = sharing.array(value)
        if value.__class__ is Frozen or value.__class__ is FrozenArr:
            # the document's root is its own (a module loader tells it where it is)
            value = CIDict(value) if isinstance(value, dict) else Arr(value)
        return value, sharing.repeated

    repeated = False

    def make_object(pairs):
        nonlocal repeated
        obj = CIDict(pairs)
        n = len(pairs)
        if n > 1 and (len(obj) != n or len(set(map(_lower, obj))) != n):
            repeated = True
        if list in map(type, dict.values(obj)):  # the values' types looked at in C
            for key, value in dict.items(obj):
                if value.__class__ is list:
                    dict.__setitem__(obj, key, _array(value))
        return obj

    value = _loads(text, strict, make_object)
    if value.__class__ is list:
        value = _array(value)
    return value, repeated


def _loads(text: str, strict: bool, hook) -> Any:
    try:
        return json.loads(text, object_pairs_hook=hook, parse_constant=_reject_constant,
                          parse_float=_float, strict=strict)
    except ValueError as exc:
        if type(exc) is ValueError and "digits" in str(exc):  # Python's int conversion limit
            raise _OutOfRange(_long_integer(text)) from None
        raise


_NOT_LITERAL = object()
_TRUE, _FALSE = object(), object()  # true and false as tokens (True == 1 as a key)


class _Sharing:
    """The values of one large document that it writes more than once, each made once.

    The decoder shares repeated keys but makes a new str for every value, and a new object or
    array each time one is written: the types, API versions, locations and expressions that
    every resource repeats were most of a large template's strings (8.8 of 11 MB in the 10 MB
    bench template), and its objects took twice its size, most of them the same few written
    again and again (an image reference, `{"enabled": true}`; half the objects of the largest
    templates of the corpus too). Strings of up to _SHARED_STRING characters are kept once; so
    is each literal object and array (one the evaluator would hand out unchanged, see `Frozen`),
    found by a token per key and value (a contained literal is its identity)."""

    def __init__(self):
        self.strings: dict = {}
        self.objects: dict = {}  # tokens -> Frozen
        self.arrays: dict = {}  # tokens -> FrozenArr
        self.repeated = False  # an object repeats a key (in any casing)

    def object(self, pairs: list) -> CIDict:
        """The object_pairs_hook: a `Frozen` made once for a literal object, else a `CIDict`."""
        share = self.strings.setdefault
        tokens: list | None = []
        for i, (key, value) in enumerate(pairs):
            cls = value.__class__
            if cls is str:
                if len(value) <= _SHARED_STRING:
                    value = share(value, value)
                    pairs[i] = (key, value)
                token = value if value[:1] != "[" else _NOT_LITERAL
            elif cls is list:
                value = self.array(value)
                pairs[i] = (key, value)
                token = (id(value),) if value.__class__ is FrozenArr else _NOT_LITERAL
            else:
                token = _token(value, cls)
            if tokens is not None:
                if token is _NOT_LITERAL or key[:1] == "[" or \
                        len(key) == 4 and key.lower() == "copy":
                    tokens = None
                else:
                    tokens.append(key)
                    tokens.append(token)
        if tokens is not None:
            ident = tuple(tokens)
            found = self.objects.get(ident)
            if found is not None:
                return found
            obj = self.objects[ident] = Frozen(pairs)
        else:
            obj = CIDict(pairs)
        n = len(pairs)
        if n > 1 and (len(obj) != n or len(set(map(_lower, obj))) != n):
            self.repeated = True
        return obj

    def array(self, items: list) -> Arr:
        """A decoded array (its objects made already) as a `FrozenArr` made once when literal,
        else an `Arr`; the arrays directly inside it too."""
        if list not in map(type, items):
            return self._array(items)
        # Inner arrays first, without recursion: the decoder reads arrays nested near the
        # recursion limit. In the order met from the top, each array comes after the one holding
        # it.
        order = [items]
        stack = [items]
        while stack:
            for item in stack.pop():
                if item.__class__ is list:
                    order.append(item)
                    stack.append(item)
        made: dict[int, Arr] = {}
        for arr in reversed(order):
            for i, item in enumerate(arr):
                if item.__class__ is list:
                    arr[i] = made[id(item)]
            made[id(arr)] = self._array(arr)
        return made[id(items)]

    def _array(self, items: list) -> Arr:
        share = self.strings.setdefault
        tokens: list | None = []
        for i, item in enumerate(items):
            cls = item.__class__
            if cls is str:
                if len(item) <= _SHARED_STRING:
                    items[i] = item = share(item, item)
                token = item if item[:1] != "[" else _NOT_LITERAL
            else:
                token = _token(item, cls)
            if tokens is not None:
                if token is _NOT_LITERAL:
                    tokens = None
                else:
                    tokens.append(token)
        if tokens is None:
            return Arr(items)
        ident = tuple(tokens)
        found = self.arrays.get(ident)
        if found is None:
            found = self.arrays[ident] = FrozenArr(items)
        return found


def _token(value: Any, cls: type) -> Any:
    """What stands for a value other than a string or array in the identity of a literal
    object or array, or _NOT_LITERAL (an object with an expression in it, a fraction: 0.0 ==
    -0.0)."""
    if cls is int or value is None:
        return value
    if cls is bool:
        return _TRUE if value else _FALSE
    if cls is Frozen or cls is FrozenArr:
        return (id(value),)  # made once: kept alive by the tables, so its identity is its value
    return _NOT_LITERAL


def _array(items: list) -> Arr:
    """A decoded array as an `Arr` (which can be told where it is written), the arrays directly
    inside it too (an array in an object is converted by the object's hook)."""
    out = Arr(items)
    stack = [out]
    while stack:  # not recursive: the decoder reads arrays nested near the recursion limit
        arr = stack.pop()
        for i, item in enumerate(arr):
            if item.__class__ is list:
                arr[i] = inner = Arr(item)
                stack.append(inner)
    return out


_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
# For blanking, a string or block comment that is never closed runs to the end of the text: no
# quote or '/*' is then the start of a scan to the end more than once (the closed-only forms took
# 39 s on 100 KB of '\"'), and the decoder reports the unclosed one.
_STRING_TO_END = r'"[^"\\]*(?:\\[\s\S][^"\\]*)*(?:"|\\?\Z)'
_COMMENT_OR_STRING = re.compile(_STRING_TO_END + r'|//[^\n]*|/\*[\s\S]*?(?:\*/|\Z)')
_TRAILING_COMMA_OR_STRING = re.compile(_STRING_TO_END + r'|,(?=\s*[}\]])')
_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank_comments(text: str, comments: list[Comment]) -> str:
    def replace(m: re.Match) -> str:
        s = m.group()
        if s[0] == '"':
            return s
        if s.startswith("/*") and (len(s) < 4 or not s.endswith("*/")):
            return s  # never closed: left for the decoder to reject
        comments.append(Comment(m.start(), m.end(), s))
        return _NOT_NEWLINE.sub(" ", s)

    return _COMMENT_OR_STRING.sub(replace, text)


def _blank_trailing_commas(text: str) -> str:
    return _TRAILING_COMMA_OR_STRING.sub(lambda m: m.group() if m.group()[0] == '"' else " ", text)


class JsonDocument(PointerSpans):
    """One loaded JSON(C) text: its value, or the error that stopped it, and positions on demand."""

    def __init__(self, text: str, value: Any = None, error: JsonError | None = None,
                 comments: list[Comment] | None = None, has_duplicates: bool = False,
                 parsed_text: str | None = None):
        self.text = text
        self.value = value
        self.error = error
        self.comments = comments or []
        self.has_duplicates = has_duplicates
        # the text the C decoder read: `text` with comments and trailing commas blanked
        self._parsed_text = parsed_text if parsed_text is not None else text
        self._lines: LineIndex | None = None
        self.path = None  # the file, when it was read as another template's module
        self._members: _Members | None = None  # positions of the containers looked up
        self.released = False  # see release()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def error_span(self) -> Span:
        assert self.error is not None
        off = self.error.offset
        end = off + 1 if off < len(self.text) and self.text[off] not in "\r\n" else off
        return self.lines.span(off, end)

    def _entry(self, pointer: Pointer) -> tuple | None:
        """(key_start, key_end, value_start, value_end) for `pointer`, or None if it is absent."""
        members = self._members
        if members is None:
            members = self._members = _Members(self._parsed_text)
        entry = members.root
        for key in pointer:
            entry = members.entry(entry[2], key)
            if entry is None:
                return None
        return entry

    def span(self, pointer: Pointer, part: str = "value") -> Span | None:
        return PointerSpans.span(self, pointer, part) if self.ok else None

    # -- the value read from the text, once the tree is released -------------------------------
    def release(self) -> None:
        """Drop the decoded value (the tree: 2-3 times the text) before the findings are located:
        where things are never needed it, and what a finding's fingerprint reads of the value
        (engine/fingerprint.py) is read from the text from then on, with the methods below. A
        value is given by the offset where it starts."""
        self.value = None
        self.released = True

    def root_start(self) -> int:
        """Where the document's value starts (a valid document)."""
        return self._entry(())[2]

    def start_of(self, pointer: Pointer) -> int | None:
        """Where the value at `pointer` starts (keys as written); None if it is absent."""
        entry = self._entry(tuple(pointer))
        return None if entry is None else entry[2]

    def members(self, start: int) -> Any:
        """What the value at `start` holds: the number of items of an array; the keys of an
        object in the order they first appear (a tuple that may repeat a key, or a dict of
        them); None for a scalar."""
        return self._members.shape(start)

    def member(self, start: int, key: str) -> int | None:
        """Where the value of the object at `start` for `key` starts, the key matched in any
        casing as `CIDict.get` matches it (the key as written, else the first that differs only
        in case; a repeated key's last value); None if it has none."""
        entry = self._members.entry(start, key)
        if entry is None:  # not as written: the first key in another casing
            low = key.lower()
            key = next((k for k in self._members.shape(start) if k.lower() == low), None)
            if key is None:
                return None
            entry = self._members.entry(start, key)
        return entry[2]

    def item(self, start: int, index: int) -> int:
        """Where item `index` (0 <= index < the count) of the array at `start` starts."""
        return self._members.entry(start, index)[2]

    def scalar(self, start: int) -> Any:
        """The decoded value of the string, number, true, false or null at `start`."""
        return _SCALARS.raw_decode(self._parsed_text, start)[0]

    def string_span(self, pointer: Pointer, part: str, start: int, end: int) -> Span | None:
        """Span of characters `start`..`end` of the decoded string at `pointer` (its value, or
        with part='key' its property name), mapped through JSON escapes to the source text."""
        if not self.ok:
            return None
        entry = self._entry(tuple(pointer))
        if entry is None:
            return None
        return self.span_in_string(entry[0] if part == "key" and entry[0] >= 0 else entry[2],
                                   start, end)

    def span_in_string(self, token_start: int, start: int, end: int) -> Span | None:
        """Span of decoded characters `start`..`end` of the string token at `token_start`."""
        if self._parsed_text[token_start:token_start + 1] != '"':
            return None
        return self.lines.span(*_raw_offsets(self._parsed_text, token_start + 1, start, end))

    def strings(self, prefix: str) -> Iterator[tuple[int, str]]:
        """(offset of the token, decoded text) of every string, key or value, that starts with
        `prefix`; comments are not searched."""
        if not self.ok:
            return
        # A '"' directly followed by the prefix opens a string unless a backslash escapes it: in a
        # valid document a closing quote is followed only by ',', ':', '}', ']' or white space.
        text = self._parsed_text
        pattern = re.compile('"' + re.escape(prefix) + r'[^"\\]*(?:\\.[^"\\]*)*"')
        for m in pattern.finditer(text):
            start = m.start()
            if start and text[start - 1] == "\\":
                continue
            token = m.group()
            yield start, json.loads(token, strict=False) if "\\" in token else token[1:-1]

    def duplicates(self) -> list[DuplicateKey]:
        """Every key that repeats a key of the same object (in any casing), where it stands."""
        return _scan(self.text).duplicates if self.has_duplicates else []


_WS = re.compile(r"[ \t\n\r]*").match

def _discard(pairs) -> None:
    return None


# Skipping a value builds it; each object is dropped as soon as it is made, so skipping the
# `resources` array of a large template holds a list of None, not every resource again (that
# was 3 times the file, for a moment, at the first finding's lookup).
_scan_once = json.scanner.make_scanner(json.JSONDecoder(strict=False, object_pairs_hook=_discard))


def _skip_value(text: str, pos: int) -> int:
    return _scan_once(text, pos)[1]


# a scalar of a valid document, read again from its text as the decoder read it (_decode)
_SCALARS = json.JSONDecoder(parse_float=_float, parse_constant=_reject_constant, strict=False)


_PLAIN_RUN = re.compile(r'[^"\\]*').match  # characters of a string token that stand for themselves


def _raw_offsets(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """Source offsets of decoded characters start..end of the string whose content begins at
    `pos` (just after its opening quote). Runs without escapes are crossed in one step (a long
    expression was walked a character at a time); each escape is one decoded character."""
    decoded = 0
    raw_start = None
    while True:
        stop = _PLAIN_RUN(text, pos).end()
        reach = decoded + stop - pos  # decoded characters before `stop`
        if decoded <= end <= reach:
            if raw_start is None and decoded <= start <= end:
                raw_start = pos + start - decoded
            raw_end = pos + end - decoded
            return (raw_start if raw_start is not None else raw_end), raw_end
        if raw_start is None and decoded <= start <= reach:
            raw_start = pos + start - decoded
        pos, decoded = stop, reach
        if text[pos] == '"':
            break
        if text[pos + 1] == "u":
            code = int(text[pos + 2:pos + 6], 16)
            pos += 6
            if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                pos += 6  # a surrogate pair is one character
        else:
            pos += 2
        decoded += 1
    return (raw_start if raw_start is not None else pos), pos


class _Members:
    """The direct members of every container of one text looked up so far, found by the C
    scanner (which skips their values) the first time one of them is asked for.

    All their offsets are in one array, `pool`: for each container a record of its key set's
    index in `keysets` (0 for an array), its member count, then four offsets a property (key start
    and end, value start and end) or two an item. `at` maps a container's value offset to its
    record (-1 for a scalar). A tuple of keys and an array of offsets for each container took 11 MB
    for the 33,000 containers that the findings of the 10 MB bench template lie in; the records,
    with the key sets shared by the containers that have the same keys, take a third of that."""

    __slots__ = ("text", "root", "at", "pool", "keysets", "keyset_ids", "names")

    def __init__(self, text: str):
        self.text = text
        # a valid document is one value between JSON white space (the decoder checked)
        end = len(text)
        while end and text[end - 1] in " \t\n\r":
            end -= 1
        self.root = (-1, -1, _WS(text, 0).end(), end)
        self.at: dict[int, int] = {}
        self.pool = array("I" if len(text) < 1 << 32 else "q")
        self.keysets: list = [None]
        self.keyset_ids: dict[tuple, int] = {}
        self.names: dict[str, str] = {}  # each key text once

    def entry(self, container: int, key) -> tuple | None:
        """(key start, key end, value start, value end) of member `key` (an item's key offsets
        -1) of the container whose value starts at `container`; None if it has no such member."""
        at = self.at.get(container)
        if at is None:
            at = self.at[container] = self._scan(container)
        if at < 0:
            return None
        pool = self.pool
        keys = self.keysets[pool[at]]
        if keys is None:
            if isinstance(key, int) and 0 <= key < pool[at + 1]:
                i = at + 2 + 2 * key
                return -1, -1, pool[i], pool[i + 1]
            return None
        if type(keys) is dict:
            i = keys.get(key)
            if i is None:
                return None
        else:
            for i in range(len(keys) - 1, -1, -1):  # a repeated key: the last one wins
                if keys[i] == key:
                    break
            else:
                return None
        i = at + 2 + 4 * i
        return pool[i], pool[i + 1], pool[i + 2], pool[i + 3]

    def shape(self, container: int) -> Any:
        """The keys of the object whose value starts at `container` (its key set: a tuple that
        may repeat a key, or a dict of them, in the order they first appear); the number of
        items of an array there; None for a scalar."""
        at = self.at.get(container)
        if at is None:
            if self.text[container] not in "{[":  # a scalar: not recorded (a name, a type)
                return None
            at = self.at[container] = self._scan(container)
        if at < 0:
            return None
        keys = self.keysets[self.pool[at]]
        return self.pool[at + 1] if keys is None else keys

    def _scan(self, pos: int) -> int:
        """Record the members of the container at `pos`: the record's index, -1 for a scalar."""
        text = self.text
        opener = text[pos]
        if opener != "{" and opener != "[":
            return -1
        pool = self.pool
        at = len(pool)
        pool.append(0)
        pool.append(0)
        count = 0
        if opener == "{":
            keys = []
            names = self.names
            pos = _WS(text, pos + 1).end()
            while text[pos] == '"':
                key, key_end = json.decoder.scanstring(text, pos + 1, False)
                key_start = pos
                pos = _WS(text, key_end).end() + 1  # past ':'
                pos = _WS(text, pos).end()
                end = _skip_value(text, pos)
                keys.append(names.setdefault(key, key))
                pool.extend((key_start, key_end, pos, end))
                pos = _WS(text, end).end()
                if text[pos] != ",":
                    break
                pos = _WS(text, pos + 1).end()
            keyset = tuple(keys)
            index = self.keyset_ids.get(keyset)
            if index is None:
                index = self.keyset_ids[keyset] = len(self.keysets)
                self.keysets.append({key: i for i, key in enumerate(keys)}  # the last one wins
                                    if len(keys) > _LINEAR_KEYS else keyset)
            pool[at] = index
            pool[at + 1] = len(keys)
            return at
        pos = _WS(text, pos + 1).end()
        while text[pos] != "]":
            end = _skip_value(text, pos)
            pool.extend((pos, end))
            count += 1
            pos = _WS(text, end).end()
            if text[pos] != ",":
                break
            pos = _WS(text, pos + 1).end()
        pool[at + 1] = count
        return at


_LINEAR_KEYS = 8


def load(text: str) -> JsonDocument:
    """Parse JSON with comments. Never raises for bad input: the error is on the document."""
    try:
        value, repeated = _decode(text, strict=True)
        return JsonDocument(text, value, has_duplicates=repeated)
    except (ValueError, RecursionError):
        pass
    comments: list[Comment] = []
    clean = _blank_comments(text, comments)
    clean = _blank_trailing_commas(clean)
    try:
        value, repeated = _decode(clean, strict=False)
        return JsonDocument(text, value, comments=comments, has_duplicates=repeated,
                            parsed_text=clean)
    except RecursionError:
        return JsonDocument(text, error=JsonError("the JSON nests too deeply to read", 0))
    except _OutOfRange as exc:
        return JsonDocument(text, comments=comments, error=_out_of_range(text, exc.literal))
    except ValueError as exc:
        # judged inside the block: kept in a variable of this frame, which the exception's
        # traceback holds, the exception would be a reference cycle with the document
        return _unparsed(text, comments, exc)


def _unparsed(text: str, comments: list[Comment], fallback: ValueError) -> JsonDocument:
    """The document of a text that is not JSON, with the error that says why."""
    doc = JsonDocument(text, comments=comments)
    # The scanner names what is wrong; if it finds nothing, json's own complaint is the answer.
    scanned = _scan(text)
    if scanned.error is not None:
        doc.error = scanned.error
    elif isinstance(fallback, json.JSONDecodeError):
        doc.error = JsonError(_explain_decoder_error(fallback), fallback.pos)
    else:
        doc.error = JsonError(f"'{fallback}' is not a JSON value", _find_constant(text, fallback))
    return doc


def _long_integer(text: str) -> str:
    """The first run of digits too long for Python to convert (found in one linear pass)."""
    for m in _DIGITS.finditer(text):
        if m.end() - m.start() > 4000:
            return m.group()
    return ""


_DIGITS = re.compile(r"[0-9]+")


def _out_of_range(text: str, literal: str) -> JsonError:
    offset = max(text.find(literal), 0) if literal else 0
    shown = literal if len(literal) <= 40 else f"{literal[:20]}... ({len(literal):,} characters)"
    return JsonError(f"the number {shown} is out of range (JSON numbers in templates must fit a "
                     f"64-bit float)", offset)


def _explain_decoder_error(exc: json.JSONDecodeError) -> str:
    msg = exc.msg
    if msg.startswith("Invalid \\escape"):
        return "invalid escape sequence in a string (use \\\\ for a backslash)"
    if msg.startswith("Invalid \\uXXXX"):
        return "invalid \\u escape in a string (expected four hex digits)"
    if msg.startswith("Invalid control character"):
        return "a control character inside a string must be escaped"
    return msg[0].lower() + msg[1:]


def _find_constant(text: str, exc: Exception) -> int:
    pos = text.find(str(exc))
    return max(pos, 0)


# --- the scanner: errors in words, and repeated keys where they stand ---------------------

_TOKEN = re.compile(
    r"(?P<ws>[ \t\r\n]+)"
    r"|(?P<str>" + _STRING + r")"
    r"|(?P<num>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<lit>(?:true|false|null)(?![A-Za-z0-9_]))"
    r"|(?P<punct>[{}\[\]:,])"
    r"|(?P<lc>//[^\n]*)"
    r"|(?P<bc>/\*[\s\S]*?\*/)"
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.+-]*")

_VALUE, _KEY, _COLON, _AFTER_PROP, _AFTER_ITEM, _DONE = range(6)


class _Index(Plain):
    __slots__ = _fields = ("duplicates", "error")

    def __init__(self):
        self.duplicates: list = []
        self.error: JsonError | None = None


class _Frame(Plain):
    __slots__ = _fields = ("is_object", "pointer", "start", "count", "key", "seen")

    def __init__(self, is_object: bool, pointer: Pointer, start: int):
        self.is_object = is_object
        self.pointer = pointer
        self.start = start
        self.count = 0
        self.key: str | None = None
        self.seen: dict | None = None  # folded key -> (key as written, start)


def _describe(text: str, pos: int) -> str:
    if pos >= len(text):
        return "the end of the file"
    ch = text[pos]
    if ch == '"':
        return "a string"
    if ch in "-0123456789":
        return "a number"
    m = _WORD.match(text, pos)
    if m:
        return f"'{m.group()}'"
    return f"'{ch}'"


def _scan(text: str) -> _Index:
    index = _Index()
    stack: list[_Frame] = []
    state = _VALUE
    pos = 0
    n = len(text)
    match = _TOKEN.match
    lines: LineIndex | None = None

    def where(offset: int) -> str:
        nonlocal lines
        if lines is None:
            lines = LineIndex(text)
        line, col = lines.position(offset)
        return f"line {line} column {col}"

    last_string = (-1, -1)  # the last string token, to explain a missing closing quote

    def fail(message: str, offset: int) -> _Index:
        start, end = last_string
        if start >= 0 and "\n" in text[start:end] and offset >= end:
            # ARM allows line breaks in strings, so a missing '"' shows up later; say so.
            message = (f"{message}; the string at {where(start)} runs onto the next line: "
                       f"is its closing '\"' missing?")
        index.error = JsonError(message, offset)
        return index

    def value_pointer() -> Pointer:
        if not stack:
            return ()
        top = stack[-1]
        return top.pointer + ((top.key,) if top.is_object else (top.count,))

    def close_value() -> None:
        if stack:
            stack[-1].count += 1

    if not text.strip():
        return fail("the file is empty", 0)

    while True:
        m = match(text, pos)
        if m is None:
            if pos >= n:
                end_of_content = len(text.rstrip())  # where the missing text belongs
                if stack:
                    top = stack[-1]
                    kind, closer = ("object", "}") if top.is_object else ("array", "]")
                    return fail(f"unexpected end of file: expected '{closer}' to close the {kind} "
                                f"opened at {where(top.start)}", end_of_content)
                if state != _DONE:
                    return fail("unexpected end of file: expected a value", end_of_content)
                return index
            ch = text[pos]
            if state == _DONE:
                return fail("unexpected content after the end of the JSON document", pos)
            if ch == '"':
                return fail("this string is never closed (missing '\"')", pos)
            if text.startswith("/*", pos):
                return fail("this comment is never closed (missing '*/')", pos)
            if ch == "'":
                return fail("unexpected \"'\": JSON strings use double quotes", pos)
            word = _WORD.match(text, pos)
            if word:
                w = word.group()
                if w.lower() in ("true", "false", "null"):
                    return fail(f"unexpected '{w}': JSON literals are lower-case true, false "
                                f"and null", pos)
                if w in ("NaN", "Infinity") or w.startswith("Infinity"):
                    return fail(f"'{w}' is not a JSON value", pos)
                if state == _KEY:
                    return fail(f"expected a property name in double quotes, found '{w}'", pos)
                if state == _AFTER_PROP:
                    return fail(f"expected ',' or '}}' after a property value, found '{w}'", pos)
                if state == _AFTER_ITEM:
                    return fail(f"expected ',' or ']' after an array element, found '{w}'", pos)
                if state == _COLON:
                    return fail(f"expected ':' after the property name, found '{w}'", pos)
                return fail(f"unexpected '{w}': expected a JSON value", pos)
            return fail(f"unexpected character {ch!r}", pos)
        kind = m.lastgroup
        start, end = m.span()
        pos = end
        if kind in ("ws", "lc", "bc"):
            continue
        tok = m.group()
        if kind == "str":
            last_string = (start, end)

        if state == _DONE:
            return fail("unexpected content after the end of the JSON document", start)

        if state == _VALUE:
            if kind == "punct":
                if tok == "{":
                    stack.append(_Frame(True, value_pointer(), start))
                    state = _KEY
                    continue
                if tok == "[":
                    stack.append(_Frame(False, value_pointer(), start))
                    state = _VALUE
                    continue
                if tok == "]" and stack and not stack[-1].is_object:
                    # an empty array, or a trailing comma before ']' (tolerated)
                    stack.pop()
                    close_value()
                    state = _after(stack)
                    continue
                return fail(f"expected a value, found '{tok}'", start)
            close_value()
            state = _after(stack)
            continue

        if state == _KEY:
            top = stack[-1]
            if kind == "str":
                try:
                    key = json.loads(tok, strict=False)
                except ValueError:
                    return fail("invalid escape sequence in a property name", start)
                top.key = key
                folded = key.lower()
                if top.seen is None:
                    top.seen = {}
                first = top.seen.get(folded)
                if first is not None:
                    index.duplicates.append(DuplicateKey(top.pointer, key, first[0], start, end,
                                                         first[1]))
                else:
                    top.seen[folded] = (key, start)
                state = _COLON
                continue
            if tok == "}":  # an empty object, or a trailing comma (tolerated)
                stack.pop()
                close_value()
                state = _after(stack)
                continue
            return fail(f"expected a property name in double quotes, found {_describe(text, start)}",
                        start)

        if state == _COLON:
            if tok == ":":
                state = _VALUE
                continue
            return fail(f"expected ':' after the property name \"{stack[-1].key}\", "
                        f"found {_describe(text, start)}", start)

        if state == _AFTER_PROP:
            if tok == ",":
                state = _KEY
                continue
            if tok == "}":
                stack.pop()
                close_value()
                state = _after(stack)
                continue
            return fail(f"expected ',' or '}}' after a property value, found {_describe(text, start)}",
                        start)

        if state == _AFTER_ITEM:
            if tok == ",":
                state = _VALUE
                continue
            if tok == "]":
                stack.pop()
                close_value()
                state = _after(stack)
                continue
            return fail(f"expected ',' or ']' after an array element, found {_describe(text, start)}",
                        start)


def _after(stack: list[_Frame]) -> int:
    if not stack:
        return _DONE
    return _AFTER_PROP if stack[-1].is_object else _AFTER_ITEM
