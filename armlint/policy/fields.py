"""What a policy `field` names in a resource, and the values it selects there, with positions.

Owns: parsing a field name (the special fields `name`, `fullName`, `type`, `kind`, `location`,
`id`, `identity.type`, `identity.userAssignedIdentities`, `tags`, `tags['x']`, `tags.x`,
`tags[x]`; anything else is an alias), `Subject` (one resource as a policy sees it: its request
body with expressions evaluated, its policy type and API version) and `select` (the values a field
selects, each with the source `Origin` it was written at, or ABSENT, or undetermined with a reason).

`[*]` selects every member of an array: a field condition on it holds when it holds for each
selected value, and an absent array selects nothing. Inside a count's `where`, the counted
array's `[*]` selects only the member of the current iteration (a `Binding`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..expr.values import Obj, Origin, PartialString, Unknown, origin_of
from .aliases import ABSENT, MISSING, STAR, AliasInfo

# Read-only properties Azure fills in after deployment (a template does not write them): a policy
# that reads one the template leaves out is undetermined, not decided by its absence.
RUNTIME_ONLY = frozenset(s.lower() for s in (
    "privateEndpointConnections", "provisioningState", "keyCreationTime",
    "securityComplianceStatus", "connectivityStatus", "diskState", "azureDefenderStatus",
    "azureDefenderStatusLastUpdated", "creationTime", "createdDate", "instanceView",
    "primaryEndpoints", "secondaryEndpoints"))

SPECIAL = ("name", "fullname", "type", "kind", "location", "id", "identity.type",
           "identity.userassignedidentities", "tags")

# Template types whose policy type differs (policy sees the resource manager's own type names).
POLICY_TYPES = {"microsoft.resources/resourcegroups": "Microsoft.Resources/subscriptions/resourceGroups"}


@dataclass(frozen=True)
class FieldSpec:
    """A parsed field: a special field (kind 'special', with a path for tags and identity) or an
    alias (kind 'alias')."""

    text: str
    kind: str  # "special" | "alias"
    special: str = ""  # the special field, lower case
    path: tuple = ()  # the path under the resource for tags and identity fields
    alias: AliasInfo | None = None

    @property
    def is_array(self) -> bool:
        return self.kind == "alias" and "[*]" in self.text


def parse_field(text: str, aliases) -> FieldSpec:
    """A field name as written (not an expression); `aliases` is the AliasTable."""
    stripped = text.strip()
    low = stripped.lower()
    if low in SPECIAL:
        if low == "identity.type":
            return FieldSpec(stripped, "special", low, ("identity", "type"))
        if low == "identity.userassignedidentities":
            return FieldSpec(stripped, "special", low, ("identity", "userAssignedIdentities"))
        if low == "tags":
            return FieldSpec(stripped, "special", "tags", ("tags",))
        return FieldSpec(stripped, "special", low)
    if low.startswith("tags.") or low.startswith("tags["):
        return FieldSpec(stripped, "special", "tag", ("tags", _tag_name(stripped[4:])))
    return FieldSpec(stripped, "alias", alias=aliases.info(stripped))


def _tag_name(rest: str) -> str:
    if rest.startswith("."):
        return rest[1:]
    inner = rest[1:-1] if rest.endswith("]") else rest[1:]
    inner = inner.strip()
    if len(inner) >= 2 and inner[0] == "'" and inner[-1] == "'":
        inner = inner[1:-1].replace("''", "'")
    return inner


class Undecided:
    """A field whose values cannot be known before deployment, and why."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason

    def __repr__(self) -> str:
        return f"Undecided({self.reason!r})"


@dataclass(frozen=True)
class Selected:
    """The values a field selects: `items` ((value, origin) pairs), `many` for a [*] field,
    `path` the property path for messages. A single field that is absent has one item (None)."""

    items: tuple
    many: bool
    path: str


@dataclass(frozen=True)
class Binding:
    """The member a count iteration is at: of a field count (`path`: the counted array's path,
    lower case, up to and with its last `[*]`) or a value count (`name`)."""

    kind: str  # "field" | "value"
    key: Any  # path tuple (lower case) or the index name (lower case)
    alias: str  # the counted alias as written ("" for a value count)
    value: Any
    origin: Origin | None = None


class Subject:
    """One resource as a policy evaluates it: the request body (expressions evaluated)."""

    def __init__(self, res):
        from ..model.views import resource_view
        self.res = res
        self.view = resource_view(res)
        self.type = POLICY_TYPES.get(res.type_key, res.type)
        self.type_key = self.type.lower()
        self.api_version = self.view.get("apiVersion") if isinstance(self.view, dict) else None
        self._paths: dict[str, Any] = {}

    def alias_path(self, alias: AliasInfo) -> Any:
        key = alias.name.lower()
        found = self._paths.get(key, _UNSET)
        if found is _UNSET:
            found = self._paths[key] = alias.resolve(self.type_key, self.api_version)
        return found

    # -- special fields ---------------------------------------------------------------------
    def name_parts(self) -> list:
        name = self.res.name
        if isinstance(name, PartialString):
            segments = name.split("/")
            return [s[0] if len(s) == 1 and isinstance(s[0], str) else
                    (Unknown("", "string", "part of the resource name is unknown") if s else "")
                    for s in segments]
        if isinstance(name, Unknown):
            return [name]
        return str(name).split("/")

    def special(self, spec: FieldSpec) -> Selected | Undecided:
        kind = spec.special
        if kind in ("tags", "tag", "identity.type", "identity.userassignedidentities"):
            return walk(self.view, spec.path, spec.text)
        if kind == "type":
            return Selected(((self.type, _key_origin(self.view, "type")),), False, "type")
        if kind in ("name", "fullname"):
            parts = self.name_parts()
            where = _key_origin(self.view, "name")
            if kind == "name":
                value = parts[-1] if parts else ""
            elif any(isinstance(p, Unknown) for p in parts):
                value = Unknown("", "string", "part of the resource name is unknown")
            else:
                value = "/".join(parts)
            if isinstance(value, Unknown):
                return Undecided(value.reason or "the resource name is not known")
            return Selected(((value, where),), False, kind)
        if kind == "id":
            return Undecided("the resource ID depends on the subscription and resource group "
                             "the template is deployed to")
        return walk(self.view, (kind,), kind)


_UNSET = object()


def _key_origin(view: Any, key: str) -> Origin | None:
    """Where the resource writes `key` (its type or name), else where the resource is."""
    base = origin_of(view)
    if not isinstance(view, Obj) or base is None:
        return base
    actual = view.actual_key(key)
    if actual is None:
        return base
    return origin_of(view[actual]) or base.child(actual)


def walk(root: Any, path: tuple, text: str, root_origin: Origin | None = None) -> Selected | Undecided:
    """The values `path` selects under `root` (a resolved value); `[*]` expands arrays."""
    many = STAR in path
    current = [(root, origin_of(root) or root_origin)]
    for seg in path:
        nxt = []
        for node, origin in current:
            if isinstance(node, Unknown):
                return Undecided(_unknown_reason(node, text))
            if seg == STAR:
                if isinstance(node, list):
                    for i, item in enumerate(node):
                        nxt.append((item, origin_of(item) or (origin.child(i) if origin else None)))
                continue  # an absent or non-array value selects no members
            if isinstance(seg, int):
                if isinstance(node, list) and 0 <= seg < len(node):
                    item = node[seg]
                    nxt.append((item, origin_of(item) or (origin.child(seg) if origin else None)))
                elif not many:
                    nxt.append((None, None))
                continue
            if isinstance(node, dict):
                actual = node.actual_key(seg) if hasattr(node, "actual_key") else \
                    (seg if seg in node else None)
                if actual is not None and actual in node:
                    item = node[actual]
                    nxt.append((item, origin_of(item) or (origin.child(actual) if origin else None)))
                    continue
            if not many:
                nxt.append((None, None))
        current = nxt
    for value, _ in current:
        if isinstance(value, Unknown):
            return Undecided(_unknown_reason(value, text))
    if not many and not current:
        current = [(None, None)]
    return Selected(tuple(current), many, text)


def _unknown_reason(value: Unknown, text: str) -> str:
    why = value.reason or "its value depends on the deployment"
    written = value.text
    if written and not isinstance(value, PartialString):
        return f"'{text}' is [{written}]: {why}"
    return f"'{text}': {why}"


def path_text(path: tuple) -> str:
    out = ""
    for seg in path:
        if seg == STAR:
            out += "[*]"
        elif isinstance(seg, int):
            out += f"[{seg}]"
        else:
            out += ("." if out else "") + str(seg)
    return out


def select(subject: Subject, spec: FieldSpec, bindings: tuple) -> Selected | Undecided | str:
    """The values a field selects for the subject, or ABSENT-like Selected, or Undecided."""
    if spec.kind == "special":
        return subject.special(spec)
    path = subject.alias_path(spec.alias)
    if path == ABSENT:
        return Selected(() if spec.is_array else ((None, None),), spec.is_array,
                        spec.text)
    if path == MISSING:
        return Undecided(f"the alias '{spec.text}' is not in armlint's alias table (a 2024 "
                         f"snapshot) for {subject.type}; add it with --policy-aliases")
    if path is None:
        return Undecided(f"the alias '{spec.text}' has paths that differ by API version and the "
                         f"resource's apiVersion is not known")
    return select_path(subject, path, spec.text, bindings)


def runtime_gap(root: Any, path: tuple, text: str) -> Undecided | None:
    """Undecided when `path` goes through a read-only property the template does not write."""
    node = root
    for seg in path:
        if seg == STAR or not isinstance(seg, str):
            return None
        if not isinstance(node, dict):
            return None
        actual = node.actual_key(seg) if hasattr(node, "actual_key") else seg
        if seg.lower() in RUNTIME_ONLY and (actual is None or actual not in node):
            return Undecided(f"'{text}' reads {seg}, which Azure sets after deployment")
        if actual is None or actual not in node:
            return None
        node = node[actual]
    return None


def select_path(subject: Subject, path: tuple, text: str, bindings: tuple) -> Selected | Undecided:
    low = tuple(s.lower() if isinstance(s, str) else s for s in path)
    for b in bindings:  # innermost first
        if b.kind == "field" and low[:len(b.key)] == b.key:
            rest = path[len(b.key):]
            sel = walk(b.value, rest, text, b.origin)
            if isinstance(sel, Undecided):
                return sel
            # the counted array's [*] selects the current member only: still a collection
            return Selected(sel.items, STAR in path, path_text(path))
    if any(s in RUNTIME_ONLY for s in low if isinstance(s, str)):
        gap = runtime_gap(subject.view, path, text)
        if gap is not None:
            return gap
    sel = walk(subject.view, path, text, subject.res.origin)
    return sel if isinstance(sel, Undecided) else Selected(sel.items, sel.many, path_text(path))


def counted_prefix(path: tuple) -> tuple:
    """The lower-case path up to and with the last [*] (what a field count iterates)."""
    last = max(i for i, s in enumerate(path) if s == STAR)
    return tuple(s.lower() if isinstance(s, str) else s for s in path[:last + 1])


def is_indexed(subject: Subject) -> bool:
    """Mode Indexed evaluates only resource types that support tags and location: tracked
    resources, which a template must give a `location`. Resource groups and subscriptions are the
    documented exception: only mode All evaluates them."""
    if subject.type_key in ("microsoft.resources/subscriptions/resourcegroups",
                            "microsoft.resources/subscriptions"):
        return False
    view = subject.view
    return isinstance(view, Obj) and view.get("location") is not None
