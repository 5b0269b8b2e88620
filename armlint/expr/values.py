"""Values the evaluator produces beyond plain JSON: UNKNOWN and its structured forms.

Owns: `Unknown` (a value that depends on the deployment or on a parameter without a value),
`PartialString` (a string with some unknown parts, e.g. `concat(parameters('vm'), '/ext')`, which
can still be split at '/' to link a child to its parent), `ResourceIdValue` (what `resourceId()`
and friends return: comparable by type and name segments), `Obj`/`Arr` (the containers of resolved
values, each with the `origin` of the source it was read from), and the ARM boolean reading of
strings ("true"/"false" in any casing).
"""
from __future__ import annotations

from ..source.cidict import Arr, CIDict

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any


class Origin:
    """Where a value was written: a document (opaque to this layer) and a pointer inside it.

    A child origin keeps its parent and its key, and spells its pointer out when asked (for a
    finding): every resolved object and array has an origin, and a pointer tuple each took as
    much as the origin again (with the origins, 1.8 times the size of a large template). Only
    the origin at the top of a chain holds the document (in `_base`, its pointer in `_key`):
    two slots, not three, are 48 bytes an origin instead of 64 (the allocator's next size)."""

    __slots__ = ("_base", "_key")

    def __init__(self, doc: Any, pointer: tuple = ()):
        self._base = doc
        self._key = tuple(pointer)  # a tuple: the top of a chain (a child's key is a str or int)

    @property
    def doc(self) -> Any:
        node = self
        while node._key.__class__ is not tuple:
            node = node._base
        return node._base

    @property
    def pointer(self) -> tuple:
        if self._key.__class__ is tuple:
            return self._key
        keys = []
        node = self
        while node._key.__class__ is not tuple:
            keys.append(node._key)
            node = node._base
        keys.reverse()
        return node._key + tuple(keys)

    def child(self, key) -> "Origin":
        made = Origin.__new__(Origin)
        made._base = self
        made._key = key
        return made

    def __iter__(self):
        return iter((self.doc, self.pointer))

    def __eq__(self, other) -> bool:
        return isinstance(other, Origin) and self.doc == other.doc and \
            self.pointer == other.pointer

    def __hash__(self) -> int:
        return hash((id(self.doc), self.pointer))

    def __reduce__(self):
        return (Origin, (self.doc, self.pointer))

    def __repr__(self) -> str:
        return f"Origin(doc={self.doc!r}, pointer={self.pointer!r})"


class Obj(CIDict):
    """A resolved object; `origin` (when set) is where it was written."""

    __slots__ = ()


def origin_of(value: Any) -> Origin | None:
    return getattr(value, "origin", None)


class Unknown:
    """A value armlint cannot know before deployment. Never fires a rule.

    `text` is the canonical text of the expression it came from (two unknowns with the same text in
    one template are the same value); `kind` says what it is when that is known (e.g. 'location',
    'string', 'object'); `reason` says why it is unknown, for explanations.
    """

    __slots__ = ("_text", "_node", "kind", "reason")

    def __init__(self, text: str = "", kind: str | None = None, reason: str = "",
                 node: Any = None):
        self._text = text if node is None else None
        self._node = node  # the expression tree, turned into text only if someone asks
        self.kind = kind
        self.reason = reason

    @property
    def text(self) -> str:
        if self._text is None:
            from .ast import canonical
            self._text = canonical(self._node)
            self._node = None
        return self._text

    def same_as(self, other: Any) -> bool:
        return isinstance(other, Unknown) and bool(self.text) and self.text == other.text

    def get(self, key, default=None) -> "Unknown":
        # A property of an unknown object is unknown too (JMESPath field access calls .get).
        return Unknown(f"{self.text}.{key}" if self.text else "", None, self.reason)

    def __repr__(self) -> str:
        return f"Unknown({self.text!r})" if self.text else "Unknown()"

    def __str__(self) -> str:
        return f"[{self.text}]" if self.text else "<unknown>"


class PartialString(Unknown):
    """A string whose parts are partly unknown: ('vm-', Unknown(copyIndex()), '/ext')."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple):
        merged: list = []
        for p in parts:
            if isinstance(p, PartialString):
                sub = p.parts
            else:
                sub = (p,)
            for q in sub:
                if isinstance(q, str) and merged and isinstance(merged[-1], str):
                    merged[-1] += q
                elif not (isinstance(q, str) and q == ""):
                    merged.append(q)
        self.parts = tuple(merged)
        text = "".join(q if isinstance(q, str) else "{" + q.text + "}" for q in self.parts)
        super().__init__(text, "string", "part of the string is unknown")

    def split(self, sep: str) -> list[tuple]:
        """Segments between occurrences of `sep` in the known parts; each a tuple of parts."""
        segments: list[list] = [[]]
        for p in self.parts:
            if isinstance(p, str):
                pieces = p.split(sep)
                if pieces[0]:
                    segments[-1].append(pieces[0])
                for piece in pieces[1:]:
                    segments.append([piece] if piece else [])
            else:
                segments[-1].append(p)
        return [tuple(s) for s in segments]


def make_string(parts: list) -> str | Unknown:
    """Join string parts; any unknown part makes a PartialString. Raises limits.TooLarge past
    the caps (a string of unknown parts doubled by each of forty variables grows like a known
    one, in parts rather than characters)."""
    from .limits import MAX_PARTS, need_text
    if all(isinstance(p, str) for p in parts):
        need_text(sum(map(len, parts)), "the string")
        return "".join(parts)
    count = sum(len(p.parts) if isinstance(p, PartialString) else 1 for p in parts)
    if count > MAX_PARTS:
        from .limits import TooLarge
        raise TooLarge(f"the string would have {count:,} known and unknown parts, over "
                       f"armlint's limit of {MAX_PARTS:,}; the value is not evaluated")
    value = PartialString(tuple(parts))
    need_text(len(value.text), "the string")
    return value


class ResourceIdValue(str):
    """A resource ID built by resourceId() and friends: a string (placeholders for what depends on
    the deployment) that also knows its resource type and name segments for linking."""

    __slots__ = ("rtype", "names", "scope")

    def __new__(cls, text: str, rtype: str, names: tuple, scope: str = ""):
        self = super().__new__(cls, text)
        self.rtype = rtype
        self.names = names  # each a str or an Unknown
        self.scope = scope
        return self


def literal_value(value: Any) -> Any:
    """Plain JSON as resolved values (case-insensitive objects), with nothing evaluated."""
    if isinstance(value, dict):
        return Obj((k, literal_value(v)) for k, v in value.items())
    if isinstance(value, list):
        return Arr(literal_value(v) for v in value)
    return value


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown)


def as_bool(value: Any) -> bool | None:
    """ARM's reading of a boolean: true/false, or the strings "true"/"false" in any casing."""
    if value is True or value is False:
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low == "true":
            return True
        if low == "false":
            return False
    return None


def contains_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in value)
    return False
