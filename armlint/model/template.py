"""The template model's data: templates, their declarations, and flattened, linked resources.

Owns: the plain data classes every rule reads, the same for ARM JSON and Bicep. A `Model` is one
linted file: its root `Template`, every nested inline template, and every resource of all of them,
each resource with its full type and name, its parent and children, and the resources attached to
it (extension resources whose `scope` is it, and the few properties that point at a resource, such
as a Backup protected item's `sourceResourceId`).
"""
from __future__ import annotations

import copy as _copy
import re
from ..source.lazy import cached

from ..expr.evaluate import EvalContext, TemplateScope, resolve
from ..expr.values import Origin, Unknown, contains_unknown
from .names import join_names, name_key
from ..source.record import Plain, Record

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any, Iterator
    from .uses import TemplateUses, ValueUses

SCOPES = ("resourceGroup", "subscription", "managementGroup", "tenant")


SECURE_TYPES = ("securestring", "secureobject")
# Keys of a declaration that say its type is more than a plain ARM type.
_TYPED = ("$ref", "items", "properties", "additionalProperties", "prefixItems", "discriminator")


# The model's classes are plain classes (Plain: a dataclass's repr, identity equality) rather than
# dataclasses, which cost start-up each time the module is imported (issue 12).

class Declaration(Plain):
    """A parameter, variable, output or user function: its name, raw JSON, where it is, and the
    template that declares it (None in a parameter file). Its facts (type, secureness, fields in
    any casing) are computed on first use and kept."""

    _fields = ("section", "name", "raw", "origin", "template")

    def __init__(self, section: str, name: str, raw: Any, origin: Origin,
                 template: Template | None = None):
        self.section = section
        self.name = name
        self.raw = raw
        self.origin = origin
        self.template = template

    @cached
    def keys(self) -> dict:
        """Lower-case key -> key as written, of a declaration object."""
        raw = self.raw
        return {k.lower(): k for k in raw if isinstance(k, str)} if isinstance(raw, dict) else {}

    @cached
    def declared_type(self) -> str | None:
        """The declared `type` in lower case (None when there is none)."""
        ptype = self.field("type")
        return ptype.lower() if isinstance(ptype, str) else None

    @property
    def secure(self) -> bool:
        return self.declared_type in SECURE_TYPES

    def field(self, key: str, default: Any = None) -> Any:
        """The raw value of `key` (any casing), or `default`."""
        actual = self.keys.get(key.lower())
        return self.raw[actual] if actual is not None else default

    def has_field(self, key: str) -> bool:
        return key.lower() in self.keys

    def field_origin(self, key: str) -> Origin | None:
        """Where the value of `key` (any casing) is written, or None."""
        actual = self.keys.get(key.lower())
        return self.origin.child(actual) if actual is not None else None

    def resolved(self, key: str) -> Any:
        """A field (defaultValue, allowedValues, minValue...) evaluated as written: the default
        itself, not a value a parameter file gives."""
        return resolve(self.field(key), self.field_origin(key), EvalContext(self.template.scope))

    @cached
    def variable_entries(self) -> list[tuple[str, Any, Origin, str]]:
        """The variables a variables-section entry declares, as (name, raw value, where the name
        is written, "key" or "value"): itself, or for `copy` each item of the array (named by its
        `name` value)."""
        if self.name.lower() != "copy" or not isinstance(self.raw, list):
            return [(self.name, self.raw, self.origin, "key")]
        out = []
        for i, loop in enumerate(self.raw):
            if isinstance(loop, dict) and isinstance(loop.get("name"), str):
                key = loop.actual_key("name") if hasattr(loop, "actual_key") else "name"
                out.append((loop["name"], loop, self.origin.child(i).child(key), "value"))
        return out

    @cached
    def bicep_statement(self) -> Any:
        """The Bicep statement that declares this parameter, variable or output in the file the
        template is the root of (None in JSON)."""
        semantic = self.template.semantic if self.template is not None else None
        if semantic is None:
            return None
        if self.section == "outputs":
            return semantic.outputs.get(self.name)
        symbol = semantic.symbols.get(self.name)
        kind = {"parameters": "param", "variables": "var"}.get(self.section)
        return symbol.node if symbol is not None and symbol.kind == kind else None

    @cached
    def plainly_typed(self) -> bool:
        """The declaration says all there is to know about the value's secureness: a plain ARM
        type, not a user-defined or resource-derived type whose properties may be secure
        (`secretToSetType[]` with a `@secure() value`, `resourceInput<...>`)."""
        if isinstance(self.raw, dict) and any(k in self.raw for k in _TYPED):
            return False
        st = self.bicep_statement
        if st is None:
            return True
        from ..bicep import syntax as S
        texpr = st.type
        while isinstance(texpr, (S.TypeNullable, S.TypeParen)):
            texpr = texpr.base if isinstance(texpr, S.TypeNullable) else texpr.inner
        return isinstance(texpr, S.TypeRef) and texpr.name in ("string", "int", "bool", "object",
                                                                 "array")

    @cached
    def literal_default(self) -> Any:
        """The default value when the template alone decides it (it reads no parameter, which a
        deployment may set, and is fully known); None otherwise."""
        if self.template.uses_of(self.field("defaultValue")).params:
            return None
        default = self.resolved("defaultValue")
        return None if default is None or contains_unknown(default) else default


_UNSET = object()


def _bicep_string_body(written: str) -> str | None:
    """The text between the quotes when `written` is one single-line Bicep string (interpolation
    holes kept as written: `'kv-${suffix}'` gives `kv-${suffix}`); None for anything else."""
    if len(written) < 2 or written[0] != "'" or written[-1] != "'" or written.startswith("'''"):
        return None
    i, end, depth, in_string = 1, len(written) - 1, 0, False
    while i < end:
        c = written[i]
        if depth == 0 or in_string:
            if c == "\\":
                i += 2
                continue
            if c == "'":
                if depth == 0:
                    return None  # the string ends before the text does: an expression
                in_string = False
            elif depth == 0 and written.startswith("${", i):
                depth = 1
                i += 1
        elif c == "'":
            in_string = True
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return written[1:-1] if depth == 0 and not in_string else None


MAX_JUDGED_COPIES = 100  # past this a loop's copies are not judged one by one (copyIndex() unknown)
_BODY_SKIPPED = {"name", "copy", "resources"}


def _uses_copy_index(raw: Any) -> bool:
    """Whether a resource's body (without its name, copy loop and child resources) calls
    copyIndex() somewhere."""
    if isinstance(raw, dict):
        stack = [v for k, v in raw.items()
                 if not (isinstance(k, str) and k.lower() in _BODY_SKIPPED)]
    else:
        stack = [raw]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if "copyindex" in value.lower():
                return True
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


class Resource(Plain):
    __slots__ = ("template", "raw", "origin", "type", "api_version", "symbolic_name", "parent",
                 "children", "attached", "existing", "copy", "nested_template", "ctx",
                 "name_prefix", "_name", "_name_key", "_condition", "_copy_count", "_view",
                 "_copies", "_depends_on")
    _fields = __slots__

    def __init__(self, template: Template, raw: dict, origin: Origin, type: str,
                 api_version: Any = None, symbolic_name: str | None = None,
                 parent: Resource | None = None, children: list[Resource] | None = None,
                 attached: list[Resource] | None = None, existing: bool = False,
                 copy: dict | None = None, nested_template: Template | None = None,
                 ctx: EvalContext | None = None, name_prefix: Resource | None = None):
        self.template = template
        self.raw = raw
        self.origin = origin
        self.type = type  # full type, e.g. Microsoft.Compute/virtualMachines/extensions
        self.api_version = api_version
        self.symbolic_name = symbolic_name
        self.parent = parent
        # resources nested in this one or naming it as parent; resources that point at this
        # one. Both the shared empty tuple until model.build adds the first (most resources have
        # none; two empty lists each were 0.1 times the size of a large template).
        self.children = () if children is None else children
        self.attached = () if attached is None else attached
        self.existing = existing
        self.copy = copy
        self.nested_template = nested_template  # for deployments with an inline template
        self.ctx = ctx
        # a short-form child (`"type": "extensions"`) whose full name starts with this resource's
        # name
        self.name_prefix = name_prefix
        self._name = _UNSET
        self._name_key = None
        self._condition = _UNSET
        self._copy_count = _UNSET
        self._view = None
        # caches of `copies` and `depends_on_expressions`: slots, not a dictionary per resource
        # (about 1 KB each, 11 MB of a 10 MB template's 11,000 resources)
        self._copies = None
        self._depends_on = None

    @property
    def name(self) -> Any:
        """The evaluated full name: a str, a PartialString, or Unknown."""
        if self._name is _UNSET:
            own = resolve(self.raw.get("name"), None, self.ctx) if "name" in self.raw else ""
            self._name = join_names(self.name_prefix.name, own) if self.name_prefix else own
        return self._name

    @name.setter
    def name(self, value: Any) -> None:
        self._name = value
        self._name_key = None

    @property
    def name_key(self) -> tuple:
        if self._name_key is None:
            self._name_key = name_key(self.name)
        return self._name_key

    @property
    def display_name(self) -> str:
        """The name for messages: the evaluated name when known, else the name as written."""
        name = self.name
        if isinstance(name, str) and not isinstance(name, Unknown):
            return name
        source_text = getattr(self.origin.doc, "source_text", None)
        if source_text is not None:  # Bicep: the name as the user wrote it
            written = source_text(tuple(self.origin.pointer) + ("name",))
            if written:
                # Messages quote names themselves ('kv/key', not ''key''); a child's literal name
                # says whose child it is, as a JSON child's full name does.
                text = _bicep_string_body(written)
                if text is None:
                    return written
                if self.parent is not None and "${" not in text and "/" not in text:
                    return f"{self.parent.display_name}/{text}"
                return text
        raw = self.raw.get("name")
        if isinstance(raw, str):
            return f"{self.name_prefix.display_name}/{raw}" if self.name_prefix else raw
        return str(name)

    @property
    def condition(self) -> Any:
        """The evaluated `condition`: True when absent, else True, False or Unknown."""
        if self._condition is _UNSET:
            value: Any = True
            if "condition" in self.raw:
                value = resolve(self.raw["condition"], None, self.ctx)
                if isinstance(value, str) and not isinstance(value, Unknown):
                    value = {"true": True, "false": False}.get(value.lower(), value)
            self._condition = value
        return self._condition

    @property
    def deploy_condition(self) -> Any:
        """Whether the resource is deployed as far as conditions and loops say: False when its
        condition, or that of a nested deployment holding it, is false (or that deployment's loop
        has no copies); Unknown when one of them is unknown; else its own condition."""
        own = self.condition
        if own is False or isinstance(own, Unknown):
            return own
        outer = self.template.deployment
        while outer is not None:
            condition, count = outer.condition, outer.copy_count
            if condition is False or count == 0:
                return False
            if isinstance(condition, Unknown):
                return condition
            if isinstance(count, Unknown):
                return count
            outer = outer.template.deployment
        return own

    @property
    def copy_count(self) -> Any:
        """The evaluated `copy.count` of a resource loop (None without a loop; may be Unknown)."""
        if self._copy_count is _UNSET:  # asked for every resource by every rule's item filter
            self._copy_count = None if self.copy is None else \
                resolve(self.copy.get("count"), None, self.ctx)
        return self._copy_count

    @property
    def copies(self) -> list["Resource"]:
        """The resource as rules judge it: for a loop of a known count up to MAX_JUDGED_COPIES
        whose body (beyond its name) uses copyIndex(), one stand-in per copy with copyIndex() and
        so the Bicep loop item bound (its name stays as written, so findings the copies share
        come out once); else itself alone, with copyIndex() unknown."""
        if self._copies is None:
            self._copies = self._make_copies()
        return self._copies

    def _make_copies(self) -> list["Resource"]:
        count = self.copy_count
        if self.copy is None or not isinstance(count, int) or isinstance(count, bool) or \
                not 0 < count <= MAX_JUDGED_COPIES or not _uses_copy_index(self.raw):
            return [self]
        self.name  # evaluated unbound, once: every copy shows the name as written
        loop = self.copy.get("name")
        loop = loop if isinstance(loop, str) else None
        out = []
        for index in range(count):
            one = _copy.copy(self)
            one.ctx = self.ctx.with_copy(loop, index)
            one._view = None
            one._condition = _UNSET
            one._copy_count = _UNSET
            one._copies = None
            out.append(one)
        return out

    @property
    def deployed(self) -> bool:
        """Declared for deployment: not an `existing` reference, condition not known false, not
        a loop of zero copies, and not inside a nested deployment that is not deployed."""
        if self.existing or self.condition is False or self.copy_count == 0:
            return False
        outer = self.template.deployment
        return outer is None or outer.deployed

    @property
    def type_key(self) -> str:
        return self.type.lower()

    @property
    def anchor(self) -> tuple[Origin, str]:
        """Where a finding about the whole resource goes, and which part: its symbolic name when
        it has one (a Bicep declaration, a languageVersion 2.0 resource), else its `name`."""
        if self.symbolic_name and self.origin.pointer and isinstance(self.origin.pointer[-1], str):
            return self.origin, "key"
        key = self.raw.actual_key("name") if hasattr(self.raw, "actual_key") else None
        if key is not None:
            return self.origin.child(key), "value"
        return self.origin, "value"

    @property
    def label(self) -> str:
        """The resource for messages: its Bicep symbol, its name when known, else its type and
        the name as written."""
        if self.symbolic_name and "::" not in self.symbolic_name and self.template.is_bicep:
            return self.symbolic_name
        name = self.display_name
        return f"{self.type} {name}" if name.startswith("[") else name

    @property
    def depends_on_expressions(self) -> list[tuple[Origin, str, Any]]:
        """(origin, text, tree) of each `dependsOn` entry written as an expression."""
        if self._depends_on is None:
            self._depends_on = self._dependency_expressions()
        return self._depends_on

    def _dependency_expressions(self) -> list[tuple[Origin, str, Any]]:
        from ..expr.query import tree_of
        raw = self.raw
        if "dependsOn" not in raw or not isinstance(raw["dependsOn"], list):
            return []
        key = raw.actual_key("dependsOn")
        out = []
        for i, entry in enumerate(raw[key]):
            tree = tree_of(entry)
            if tree is not None:
                out.append((self.origin.child(key).child(i), entry, tree))
        return out

    def origin_of(self, *path: Any) -> Origin:
        """The origin of a path of keys (any casing) and indexes under the raw resource; keys
        that are absent are taken as given."""
        raw: Any = self.raw
        keys = []
        for key in path:
            if isinstance(key, str) and hasattr(raw, "actual_key"):
                key = raw.actual_key(key) or key
            keys.append(key)
            raw = raw.get(key) if isinstance(raw, dict) else \
                raw[key] if isinstance(raw, list) and isinstance(key, int) and \
                -len(raw) <= key < len(raw) else None
        return Origin(self.origin.doc, tuple(self.origin.pointer) + tuple(keys))

    def forget_view(self) -> None:
        """Drop what rules derived of the resource and of its copies when they first asked: the
        evaluated view (model/views.py) and the `dependsOn` trees. An engine past the resource
        (and past the rules that look at it as a parent, child or attachment) need not hold
        them; one asked for again is made again, equal."""
        self._view = self._depends_on = None
        for copy in self._copies or ():
            copy._view = copy._depends_on = None

    def release(self) -> None:
        """Part of `Model.release`: drop the links to the other resources of the file (parent,
        children, attached, name prefix, copies: the copies list holds the resource itself) and
        to its template and nested template."""
        self.parent = self.name_prefix = self.nested_template = None
        self.children = self.attached = ()
        self._copies = self._view = None
        self.template = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Resource({self.type} {self.name!r})"


class Template(Plain):
    _fields = ("raw", "origin", "scope", "schema", "deployment_scope", "language_version",
               "parameters", "variables", "outputs", "functions", "resources", "deployment",
               "parent")

    def __init__(self, raw: dict, origin: Origin, scope: TemplateScope, schema: str = "",
                 deployment_scope: str = "resourceGroup", language_version: str | None = None,
                 parameters: list[Declaration] | None = None,
                 variables: list[Declaration] | None = None,
                 outputs: list[Declaration] | None = None,
                 functions: list[Declaration] | None = None,
                 resources: list[Resource] | None = None, deployment: Resource | None = None,
                 parent: Template | None = None):
        self.raw = raw
        self.origin = origin
        self.scope = scope
        self.schema = schema
        self.deployment_scope = deployment_scope
        self.language_version = language_version
        self.parameters = [] if parameters is None else parameters
        self.variables = [] if variables is None else variables
        self.outputs = [] if outputs is None else outputs
        self.functions = [] if functions is None else functions
        self.resources = [] if resources is None else resources
        self.deployment = deployment  # the nested deployment resource holding this template
        self.parent = parent

    @property
    def ctx(self) -> EvalContext:
        return EvalContext(self.scope)

    def release(self) -> None:
        """Part of `Model.release`: drop what the template holds of the file's model (its
        declarations and resources, which name it as theirs, its parent and deployment) and
        every value it computed on first use (`cached`: the uses index, whose expressions name
        it too, the document root, which may be itself)."""
        self.parameters, self.variables, self.outputs, self.functions = [], [], [], []
        self.resources = []
        self.deployment = self.parent = None
        computed = [k for k in vars(self) if k in _COMPUTED]
        for name in computed:
            del self.__dict__[name]

    # -- what the template declares and sees ------------------------------------------------------
    @cached
    def is_bicep(self) -> bool:
        """Written in Bicep (the linted file or a Bicep module's file). Kept: rules ask it per
        item (3,438 times in every 10th ARM file of the corpus), and `origin.doc` walks up the
        origin's chain each time."""
        return getattr(self.origin.doc, "tree", None) is not None

    @property
    def declares_own(self) -> bool:
        """Its parameters and variables are its own: the root of a file, or a nested template
        evaluated in the inner scope (an outer-scoped one sees its parent's)."""
        return self.parent is None or self.scope is not self.parent.scope

    @property
    def owner(self) -> "Template":
        """The template whose parameters and variables the expressions of this one see."""
        t = self
        while t.parent is not None and t.scope is t.parent.scope:
            t = t.parent
        return t

    @cached
    def parameters_by_name(self) -> dict[str, Declaration]:
        """Lower-case name -> declaration, of the parameters this template declares."""
        return {d.name.lower(): d for d in self.parameters}

    @cached
    def variables_by_name(self) -> dict[str, Declaration]:
        """Lower-case name -> declaration, of the variables-section entries of this template."""
        return {d.name.lower(): d for d in self.variables}

    @property
    def parameters_seen(self) -> dict[str, Declaration]:
        """Lower-case name -> declaration, of the parameters this template's expressions see."""
        return self.owner.parameters_by_name

    @cached
    def secure_parameter_names(self) -> frozenset:
        """Lower-case names of the secure parameters this template's expressions see."""
        return frozenset(n for n, d in self.parameters_seen.items() if d.secure)

    def secure_parameters_read(self, uses: "ValueUses") -> list[str]:
        """The secure parameters (names as declared) a value reads."""
        params = self.parameters_seen
        return [params[p].name for p in sorted(uses.params) if p in params and params[p].secure]

    @cached
    def variable_entries(self) -> list[tuple[str, Any, Origin, str]]:
        """(name, raw value, where the name is written, "key" or "value": which part names it)
        of every variable the template declares, the items of a `copy` array in the variables
        section included (named by their `name` value)."""
        return [entry for d in self.variables for entry in d.variable_entries]

    def variable_name(self, low: str) -> str:
        """A variable's name as declared, from its lower-case form."""
        for name, _, _, _ in self.owner.variable_entries:
            if name.lower() == low:
                return name
        return low

    def section(self, name: str) -> dict:
        """A section of the raw template (`parameters`, `variables`...) as an object, {} when
        absent or not an object."""
        body = self.raw.get(name) if isinstance(self.raw, dict) else None
        return body if isinstance(body, dict) else {}

    def section_origin(self, name: str) -> Origin | None:
        key = self.raw.actual_key(name) if hasattr(self.raw, "actual_key") else None
        return self.origin.child(key) if key is not None else None

    def origin_at(self, pointer: tuple) -> Origin:
        """The origin of a pointer relative to this template."""
        return Origin(self.origin.doc, tuple(self.origin.pointer) + tuple(pointer))

    @cached
    def inner_templates(self) -> list["Template"]:
        """The nested templates directly inside this one that evaluate in their own scope."""
        return [r.nested_template for r in self.resources if r.nested_template is not None and
                r.nested_template.scope is not self.scope]

    @cached
    def semantic(self) -> Any:
        """The Bicep semantic model of the file this template is the root of (None for JSON and
        for templates inside a file), built when first asked for (rules ask it per item)."""
        if not self.is_bicep or (self.parent is not None and
                                 self.parent.origin.doc is self.origin.doc):
            return None
        from ..bicep.semantic import analyze
        return analyze(self.origin.doc)

    # -- what the template uses (model/uses.py) ----------------------------------------------------
    @cached
    def uses(self) -> "TemplateUses":
        """What the template's expressions read and call (inner-scoped nested templates apart)."""
        from .uses import TemplateUses
        return TemplateUses(self)

    def uses_of(self, value: Any) -> "ValueUses":
        """What a raw value of this template reads, following the variables it uses."""
        return self.owner.uses.of(value)

    # -- the text it was read from ---------------------------------------------------------------
    @cached
    def search_text(self) -> str | None:
        """The text of the template as written, searched without regard to case: the file's text
        for a file's root, the template re-serialised for a nested one (None when the document
        has no text). Not lower-cased: see `folded_search_text`, which a large file goes without."""
        if self.parent is None or self.parent.origin.doc is not self.origin.doc:
            text = getattr(self.origin.doc, "text", None)
            return text if isinstance(text, str) else None
        import json
        return json.dumps(self.raw, ensure_ascii=False)

    @cached
    def folded_search_text(self) -> str | None:
        """`search_text` lower-cased character for character when it is at most _CHUNK long
        (None for a longer text, which is searched in any casing instead of copied, or without
        text): lower-case patterns and needles search it as written, which costs a tenth of a
        case-insensitive pattern's folding of every character it looks at."""
        text = self.search_text
        return folded(text) if text is not None else None

    def searchable(self, pattern: re.Pattern) -> tuple[str, re.Pattern]:
        """The text to run the lower-case `pattern` over and the pattern to run there: the
        lower-cased text as written, or for a text too long to copy the text itself and the
        pattern matching in any casing (same characters at the same offsets either way; "" when
        there is no text)."""
        low = self.folded_search_text
        if low is not None:
            return low, pattern
        return self.search_text or "", ignoring_case(pattern)

    def mentions(self, needles: tuple[str, ...]) -> bool:
        """Whether the text of the template's document contains one of the lower-case `needles`
        in any casing (a cheap test that lets a rule skip a file); True when there is no text
        to search. Answered once per document and question (nested templates share the
        answers)."""
        root = self._document_root
        answers = root._text_answers
        found = answers.get(needles)
        if found is None:
            text, low = root.search_text, root.folded_search_text
            found = answers[needles] = text is None or (
                any(n in low for n in needles) if low is not None else
                contains_folded(text, needles))
        return found

    def search(self, pattern: re.Pattern) -> bool:
        """Whether a lower-case regular expression matches the text of the template's document
        in any casing (True when there is no text); answered once per document and pattern."""
        root = self._document_root
        answers = root._text_answers
        found = answers.get(pattern)
        if found is None:
            scan, case_blind = root.searchable(pattern)
            found = answers[pattern] = root.search_text is None or \
                case_blind.search(scan) is not None
        return found

    @cached
    def _text_answers(self) -> dict:
        return {}

    @cached
    def _document_root(self) -> "Template":
        """The outermost template written in the same document as this one."""
        t = self
        while t.parent is not None and t.parent.origin.doc is t.origin.doc:
            t = t.parent
        return t

    @property
    def file_search_text(self) -> str | None:
        """The text of the whole document the template was read from (see `search_text`)."""
        return self._document_root.search_text


# what a template computes on first use (kept in its __dict__): dropped by Template.release
_COMPUTED = frozenset(k for k, v in vars(Template).items() if isinstance(v, cached))

_CHUNK = 1 << 20


def folded(text: str) -> str | None:
    """`text` lower-cased when it is at most _CHUNK long and every character keeps its offset
    (none lowers to two, as U+0130 does); None otherwise."""
    if len(text) > _CHUNK:
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def contains_folded(text: str, needles: tuple[str, ...]) -> bool:
    """Whether `text` lower-cased contains one of the lower-case `needles`, lower-casing a
    megabyte at a time (overlapping by the longest needle) rather than copying the whole text."""
    if len(text) <= _CHUNK:
        low = text.lower()
        return any(n in low for n in needles)
    overlap = max(map(len, needles), default=1) - 1
    for start in range(0, len(text), _CHUNK):
        low = text[start:start + _CHUNK + overlap].lower()
        if any(n in low for n in needles):
            return True
    return False


_IGNORING_CASE: dict = {}


def ignoring_case(pattern: re.Pattern) -> re.Pattern:
    """`pattern` (written in lower case for lower-cased text) matching in any casing."""
    found = _IGNORING_CASE.get(pattern)
    if found is None:
        found = _IGNORING_CASE[pattern] = re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)
    return found


class ParameterFile(Plain):
    """A deploymentParameters file: each parameter's raw entry and where it is."""

    _fields = ("raw", "origin", "schema", "parameters")

    def __init__(self, raw: dict, origin: Origin, schema: str = "",
                 parameters: list[Declaration] | None = None):
        self.raw = raw
        self.origin = origin
        self.schema = schema
        self.parameters = [] if parameters is None else parameters


class GivenParameters(Record):
    """A parameter file the root template is linted with: its path as shown, the names it
    gives, its document (None when it is not at hand), and the template's path as shown and
    as an absolute path ("" for text not read from a file)."""

    __slots__ = _fields = ("shown", "names", "doc", "template", "template_path")

    def __init__(self, shown: str, names: tuple, doc: Any = None, template: str = "",
                 template_path: str = ""):
        self.shown = shown
        self.names = names
        self.doc = doc
        self.template = template
        self.template_path = template_path


class Model(Plain):
    """One linted file."""

    _fields = ("kind", "language", "root", "templates", "resources", "parameter_file",
               "given_parameters")

    def __init__(self, kind: str, language: str = "json", root: Template | None = None,
                 templates: list[Template] | None = None,
                 resources: list[Resource] | None = None,
                 parameter_file: ParameterFile | None = None,
                 given_parameters: list | None = None):
        self.kind = kind  # "template" | "parameters"
        self.language = language  # "json" | "bicep": the language the file is written in
        self.root = root
        self.templates = [] if templates is None else templates
        self.resources = [] if resources is None else resources
        self.parameter_file = parameter_file
        # the parameter files whose values the root template is linted with (GivenParameters)
        self.given_parameters = [] if given_parameters is None else given_parameters

    def resources_of_type(self, rtype: str) -> list[Resource]:
        key = rtype.lower()
        return [r for r in self.resources if r.type_key == key]

    def release(self) -> None:
        """The end of the file: cut the links by which the model's objects hold one another (a
        template and its resources and declarations, which name it, a resource and its parent,
        children and copies, a nested template and its deployment), so that reference counting
        frees the whole model, and the documents and syntax trees behind it, as soon as the
        pipeline lets go of it. Left in cycles, a file's objects (a third of a million in 94 Bicep
        files) were freed only by a collection that traversed every one of them (see runner).
        The model is not read after it: it lets go of its templates, resources and parameter
        file too, so that whoever still holds the model (the linter, until the file's findings
        are made) does not keep the document's tree alive."""
        for template in self.templates:
            template.release()
        for res in self.resources:
            res.release()
        self.root = self.parameter_file = None
        self.templates, self.resources = [], []
        for name in [k for k in vars(self) if k in _MODEL_COMPUTED]:
            del self.__dict__[name]

    # -- the linted file and its own templates --------------------------------------------------
    @property
    def root_doc(self) -> Any:
        """The document of the linted file (None for a parameter file)."""
        return self.root.origin.doc if self.root is not None else None

    @property
    def document(self) -> Any:
        """The document of the linted file: the template's, or the parameter file's."""
        owner = self.root or self.parameter_file
        return owner.origin.doc if owner is not None else None

    @property
    def is_bicep(self) -> bool:
        """The linted file is a Bicep template."""
        return self.root is not None and self.root.is_bicep

    @cached
    def own_templates(self) -> list[Template]:
        """The templates written in the linted file, root first: not those of local modules,
        whose files are linted on their own."""
        doc = self.root_doc
        return [t for t in self.templates if t.origin.doc is doc] if doc is not None else []

    @cached
    def declaring_templates(self) -> list[Template]:
        """The own templates whose parameters and variables are their own (root, inner scope)."""
        return [t for t in self.own_templates if t.declares_own]

    def file_resources(self, types: tuple | frozenset | None = None, existing: bool = False,
                       deployed_only: bool = True) -> Iterator[Resource]:
        """Resources written in the linted file (of the lower-case `types`), deployed ones only
        unless `deployed_only` is false; `existing` references too when asked."""
        doc = self.root_doc
        if doc is None:
            return
        for res in self.resources:
            if res.origin.doc is not doc or (types is not None and res.type_key not in types):
                continue
            if res.existing:
                if existing:
                    yield res
                continue
            if deployed_only and not res.deployed:
                continue
            yield res

    def deployed_resources(self, types: frozenset | None = None,
                           with_modules: bool = True) -> Iterator[Resource]:
        """Deployed resources (of the lower-case `types`), those of module files included unless
        `with_modules` is false."""
        doc = self.root_doc
        for res in self.resources:
            if types is not None and res.type_key not in types:
                continue
            if not with_modules and res.template.origin.doc is not doc:
                continue
            if res.deployed:
                yield res

    @property
    def semantic(self) -> Any:
        """The Bicep semantic model of the linted file (None for JSON)."""
        return self.root.semantic if self.is_bicep else None

    def mentions(self, *words: str) -> bool:
        """Whether the linted file's text contains one of the lower-case `words` (False when it
        has no text); answered once per file and question (rules of expressions ask it for each
        expression)."""
        found = self._mentions.get(words)
        if found is None:
            root = self.root
            found = self._mentions[words] = root is not None and \
                root.file_search_text is not None and root.mentions(words)
        return found

    @cached
    def _mentions(self) -> dict:
        return {}

    @cached
    def bicep_generated(self) -> bool:
        """A JSON template the Bicep compiler wrote (`metadata._generator.name` is bicep): what
        the compiler adds by itself is fixed in the .bicep source, not here."""
        raw = self.root.raw if self.root is not None else None
        meta = raw.get("metadata") if isinstance(raw, dict) else None
        gen = meta.get("_generator") if isinstance(meta, dict) else None
        return isinstance(gen, dict) and str(gen.get("name", "")).lower() == "bicep"


# what a model computes on first use (kept in its __dict__): dropped by Model.release
_MODEL_COMPUTED = frozenset(k for k, v in vars(Model).items() if isinstance(v, cached))
