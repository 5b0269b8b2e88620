"""AL1003 blank-value: a property written as "", {}, [] or null where the blank means nothing.

What is checked: every property of every resource body the file declares (at any depth, in nested
deployments too), the top-level properties of each template, and the declarations of parameters.
What is not: data, whose blanks are values (variables, parameter default values, outputs, user
functions, the `value` of a parameter passed to a nested deployment or module, tag values), the
names arm-ttk lets be empty (the `PropertiesThatCanBeEmpty` option), property names that are
expressions or resource IDs (`userAssignedIdentities`), the subtrees the
`ResourcePropertiesThatCanBeEmpty` option names per resource type, and payloads written in another
language whose blanks are meaningful (a policy rule's conditions, a Logic App workflow definition).
Only property values are checked, never array elements. In Bicep, the bodies of `for` loops that
build property values are read from the source (lowered, each is one expression).

Cost: the file text is searched once with a regular expression for `"key": <blank>` (or Bicep's
`key: <blank>`); only when a key outside the exempt names has a blank value are the values walked,
and then only for those keys.
"""
from __future__ import annotations


from ..engine.items import DocumentContext
from ..engine.report import Report
from ..expr.values import Origin
from ..source.lazy import pattern

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

# A blank value after a colon; the property name is then read backwards from the colon.
_JSON_BLANK = pattern(r':\s*(?:\{\s*\}|\[\s*\]|""|null\b)')
_BICEP_BLANK = pattern(r":\s*(?:\{\s*\}|\[\s*\]|''|null\b)")

# Template sections whose emptiness is a readable "none" (arm-ttk lets the first five be empty;
# `definitions`, the user-defined types of languageVersion 2.0, is the same kind of section).
_SECTIONS = {"parameters", "variables", "outputs", "functions", "resources", "definitions"}
# Subtrees of a template that are data, not properties.
_DATA_KEYS = {"defaultvalue", "value"}
_DEPLOYMENTS = "microsoft.resources/deployments"
# Properties whose empty value says something (beyond arm-ttk's list): `dependsOn` is read by
# Resource Manager itself and never sent to the provider, so [] is the same as leaving it out;
# an `emptyDir` volume of a container group is written as {}; a `keyVersion` of "" asks for the
# newest key version (automatic key rotation of a customer-managed key).
_MEANINGFUL = {"dependson", "emptydir", "keyversion"}
# Payloads in another language inside a resource, where an empty value is a real value:
# (lower-case resource type, path under the resource).
_PAYLOADS = (
    ("microsoft.authorization/policydefinitions", ("properties", "policyrule")),
    ("microsoft.management/managementgroups/providers/policydefinitions",
     ("properties", "policyrule")),
    ("microsoft.logic/workflows", ("properties", "definition")),
)


def _blank_kind(value: Any) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, str):
        return "an empty string" if value == "" else None
    if isinstance(value, dict):
        return "an empty object" if not value else None
    if isinstance(value, list):
        return "an empty array" if not value else None
    return None


def _candidates(text: str, language: str, exempt: set) -> set:
    """Lower-case property names that have a blank value somewhere in the text and are not
    exempt by name (a superset of what the walk can report: a colon inside a string or a Bicep
    `cond ? x : null` adds a name, never hides one)."""
    found = set()
    bicep = language == "bicep"
    for m in (_BICEP_BLANK if bicep else _JSON_BLANK).finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " \t\r\n":
            end -= 1
        quote = "'" if bicep else '"'
        if end > 0 and text[end - 1] == quote:
            start = text.rfind(quote, 0, end - 1)
            while start > 0 and text[start - 1] == "\\":
                start = text.rfind(quote, 0, start - 1)
            if start >= 0:
                found.add(text[start + 1:end - 1].lower())
        elif bicep:
            start = end
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                start -= 1
            found.add(text[start:end].lower())
    return {k for k in found
            if k not in exempt and k not in _MEANINGFUL and not _named_by_id(k)}


def _named_by_id(key: str) -> bool:
    """A property name that is an expression or a resource ID (`userAssignedIdentities`)."""
    stripped = key.lstrip()
    return stripped.startswith("[") or "/subscriptions/" in key.lower()


def check(ctx: DocumentContext, report: Report) -> None:
    model = ctx.model
    if model.root is None:
        return
    doc = model.root_doc
    options = ctx.options
    exempt = {str(k).lower() for k in options.get("PropertiesThatCanBeEmpty") or ()}
    text = getattr(doc, "text", None)
    if not isinstance(text, str):
        return
    wanted = _candidates(text, model.language, exempt)
    if not wanted:
        return
    per_type = _allowed_paths(options.get("ResourcePropertiesThatCanBeEmpty") or {})
    walker = _Walker(wanted, exempt, report)
    for template in model.own_templates:
        for key, value in template.raw.items():
            low = key.lower() if isinstance(key, str) else ""
            if low in _SECTIONS or low == "$schema":
                continue
            walker.pair(template.origin, key, value, (low,), (), descend=low != "metadata")
        for decl in template.parameters:
            if isinstance(decl.raw, dict):
                walker.declaration(decl.raw, decl.origin)
    for res in model.resources:
        if res.origin.doc is not doc or not isinstance(res.raw, dict):
            continue
        skip = [("resources",)] + list(per_type.get(res.type_key, ()))
        skip += [path for rtype, path in _PAYLOADS if rtype == res.type_key]
        if res.type_key == _DEPLOYMENTS:
            skip.append(("properties", "template"))  # walked as a template of its own
        walker.object(res.raw, res.origin, (), tuple(skip))
    if model.is_bicep:
        _bicep_loop_bodies(doc, walker, report)


def _bicep_loop_bodies(doc, walker: "_Walker", report: Report) -> None:
    """The bodies of `for` loops that build property values in Bicep resources: lowered, each is
    an expression (`map(range(...), lambda(...))`) whose blanks the raw walk cannot see, while
    the compiler's JSON writes them as a `copy` input that it does see."""
    from ..bicep import syntax as S
    from ..bicep.semantic import walk
    tree = getattr(doc, "tree", None)
    for statement in getattr(tree, "statements", ()):
        if not isinstance(statement, S.Resource):
            continue
        rtype = (statement.type.value or "").split("@")[0].lower() if statement.type else ""
        if any(rtype == payload for payload, _ in _PAYLOADS):
            continue
        for node in walk(statement.body):
            if isinstance(node, S.ForExpr) and node is not statement.body:
                body = node.body.body if isinstance(node.body, S.IfCondition) else node.body
                if isinstance(body, S.Object):
                    _bicep_object(body, walker, report)


def _bicep_blank(value) -> str | None:
    from ..bicep import syntax as S
    if isinstance(value, S.NullLit):
        return "null"
    if isinstance(value, S.String):
        return "an empty string" if not value.expressions and value.segments == [""] else None
    if isinstance(value, S.Object):
        return "an empty object" if not value.items else None
    if isinstance(value, S.Array):
        return "an empty array" if not value.items else None
    return None


def _bicep_object(obj, walker: "_Walker", report: Report) -> None:
    """As `_Walker.object`, over a Bicep object literal inside a loop body."""
    from ..bicep import syntax as S
    for prop in obj.properties:
        key = prop.name
        if key is None:
            continue
        low = key.lower()
        if low in _DATA_KEYS or _named_by_id(key):
            continue
        kind = _bicep_blank(prop.value)
        if kind is not None:
            if low in walker.wanted and low not in walker.exempt:
                report.at_node(prop.value, key=key, kind=kind)
            continue
        if low == "tags":
            continue
        values = [prop.value] if isinstance(prop.value, S.Object) else \
            prop.value.items if isinstance(prop.value, S.Array) else []
        for value in values:
            if isinstance(value, S.Object):
                _bicep_object(value, walker, report)


def _allowed_paths(table: Any) -> dict:
    """{lower-case type: [path tuple, ...]} from the option (a path is "properties" or
    "properties.serializedData"; a value may be one path or a list of them)."""
    out: dict = {}
    if not isinstance(table, dict):
        return out
    for rtype, paths in table.items():
        for path in paths if isinstance(paths, list) else [paths]:
            if isinstance(path, str) and path:
                out.setdefault(str(rtype).lower(), []).append(tuple(path.lower().split(".")))
    return out


class _Walker:
    """Walks raw values; an `Origin` is built only for a blank it reports or a container it
    enters, so the many leaf values cost a dictionary lookup each."""

    def __init__(self, wanted: set, exempt: set, report: Report):
        self.wanted = wanted
        self.exempt = exempt | _MEANINGFUL
        self.report = report

    def pair(self, parent: Origin, key: str, value: Any, path: tuple, skip: tuple,
             descend: bool = True) -> None:
        """One property: reported when its value is blank, else walked."""
        low = path[-1]
        if low in self.wanted and low not in self.exempt:
            kind = _blank_kind(value)
            if kind is not None:
                self.report.at_origin(parent.child(key), key=key, kind=kind)
                return
        if descend and isinstance(value, (dict, list)):
            self.value(value, parent.child(key), path, skip)

    def declaration(self, decl: dict, origin: Origin) -> None:
        """A parameter declaration: its own properties, and of its free-form `metadata` only the
        `description` (the default value is data)."""
        wanted = self.wanted
        for key, value in decl.items():
            if not isinstance(key, str):
                continue
            low = key.lower()
            if low != "metadata" and low not in wanted and \
                    not isinstance(value, (dict, list)):
                continue  # most declarations: `type`, a default, bounds, none of them blank
            if low == "defaultvalue":
                continue
            if low == "metadata" and isinstance(value, dict) and value:
                described = value.actual_key("description") if hasattr(value, "actual_key") \
                    else None
                if described is not None:
                    self.pair(origin.child(key), described, value[described],
                              (low, "description"), (), descend=False)
                continue
            self.pair(origin, key, value, (low,), ())

    def value(self, value: Any, origin: Origin, path: tuple, skip: tuple) -> None:
        if isinstance(value, dict):
            self.object(value, origin, path, skip)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    self.value(item, origin.child(i), path, skip)

    def object(self, obj: dict, origin: Origin, path: tuple, skip: tuple) -> None:
        wanted = self.wanted
        for key, value in obj.items():
            if not isinstance(key, str):
                continue
            if not isinstance(value, (dict, list)) and value is not None and value != "":
                continue  # a leaf that is not blank: nothing to report or enter
            low = key.lower()
            if low in _DATA_KEYS or _named_by_id(key):
                continue
            sub = path + (low,)
            if sub in skip:
                continue
            if low == "tags":  # a tag may have an empty value; an empty tags object says nothing
                if low in wanted:
                    self.pair(origin, key, value, sub, skip, descend=False)
                continue
            self.pair(origin, key, value, sub, skip)
