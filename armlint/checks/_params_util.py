"""What the parameter, variable, secret and output rules share (AL2001-AL2013, AL6001-AL6005,
AL7001): which templates a rule looks at, declarations and their types, and what a value is made
of (the parameters it reads, directly or through variables, and the functions it calls).

Which templates: the templates written in the linted file (its root and the inline templates of
nested deployments); templates of Bicep modules loaded from other files are linted with their own
file. Declaring templates are the ones whose `parameters()` and `variables()` are their own: the
root and inner-scoped nested templates (an outer-scoped nested template sees its parent's).

Everything is computed from the raw template once per template and kept on it; expression
strings are parsed through the parser's cache, so nothing is parsed twice.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any, Iterator

from ..expr.ast import Call, Literal, Member, Node, walk
from ..engine.run import Hit
from ..expr.evaluate import EvalContext, evaluate, resolve
from ..expr.values import Origin, Unknown, contains_unknown
from ..model.references import template_references
from ..model.template import Declaration, Model, Resource, Template
from .common import expression_tree as tree_of

SECURE_TYPES = ("securestring", "secureobject")
_SECURE = frozenset(SECURE_TYPES)
# Functions whose value is only known while the deployment runs (not a deploy-time constant).
RUNTIME_FUNCTIONS = ("reference", "references")


# --- templates ----------------------------------------------------------------------------------

def own_templates(model: Model) -> list[Template]:
    """The templates written in the linted file, root first (kept on the model)."""
    if model is None or model.root is None:
        return []
    found = getattr(model, "_pu_own", None)
    if found is None:
        doc = model.root.origin.doc
        found = model._pu_own = [t for t in model.templates if t.origin.doc is doc]
    return found


def declares_own(t: Template) -> bool:
    """True for a template whose parameters and variables are its own (root or inner scope)."""
    return t.parent is None or t.scope is not t.parent.scope


def declaring_templates(model: Model) -> list[Template]:
    if model is None or model.root is None:
        return []
    found = getattr(model, "_pu_declaring", None)
    if found is None:
        found = model._pu_declaring = [t for t in own_templates(model) if declares_own(t)]
    return found


def owner(t: Template) -> Template:
    """The template whose parameters and variables the expressions of `t` see."""
    while t.parent is not None and t.scope is t.parent.scope:
        t = t.parent
    return t


def is_bicep(t: Template) -> bool:
    return getattr(t.origin.doc, "tree", None) is not None


# --- declarations -------------------------------------------------------------------------------

def decl_type(decl: Declaration) -> str | None:
    """The declared type in lower case (None when there is none)."""
    ptype = getattr(decl, "_pu_type", False)
    if ptype is False:
        ptype = field(decl, "type")
        ptype = decl._pu_type = ptype.lower() if isinstance(ptype, str) else None
    return ptype


def is_secure(decl: Declaration) -> bool:
    return decl_type(decl) in _SECURE


def _keys(decl: Declaration) -> dict:
    """Lower-case key -> key as written, of a declaration object (kept on the declaration: every
    parameter rule asks about the same few keys)."""
    keys = getattr(decl, "_pu_keys", None)
    if keys is None:
        raw = decl.raw
        keys = {k.lower(): k for k in raw if isinstance(k, str)} if isinstance(raw, dict) else {}
        decl._pu_keys = keys
    return keys


def field_origin(decl: Declaration, key: str) -> Origin | None:
    """Where the value of `key` (any casing) of a declaration is written, or None."""
    actual = _keys(decl).get(key.lower())
    return decl.origin.child(actual) if actual is not None else None


def field(decl: Declaration, key: str, default: Any = None) -> Any:
    actual = _keys(decl).get(key.lower())
    return decl.raw[actual] if actual is not None else default


def has_field(decl: Declaration, key: str) -> bool:
    return key.lower() in _keys(decl)


def resolve_field(t: Template, decl: Declaration, key: str) -> Any:
    """A declaration field (defaultValue, allowedValues, minValue...) evaluated as written: the
    default itself, not a value a parameter file gives."""
    return resolve(field(decl, key), field_origin(decl, key), EvalContext(t.scope))


def literal_default(t: Template, decl: Declaration) -> Any:
    """A parameter's default value when the template alone decides it (it reads no other
    parameter, which a deployment may set, and is fully known); None otherwise."""
    if facts(t, field(decl, "defaultValue")).params:
        return None
    default = resolve_field(t, decl, "defaultValue")
    return None if default is None or contains_unknown(default) else default


def parameters_of(t: Template) -> dict[str, Declaration]:
    """Lower-case name -> declaration, of the parameters `t`'s expressions see."""
    o = owner(t)
    cached = getattr(o, "_pu_params", None)
    if cached is None:
        cached = {d.name.lower(): d for d in o.parameters}
        o._pu_params = cached
    return cached


def variable_declarations(t: Template) -> list[tuple[str, Any, Origin, str]]:
    """(name, raw value, where the name is written, "key" or "value": which part of it names the
    variable) of every variable a template declares, the items of a `copy` array in the variables
    section included (named by their `name` value)."""
    out = []
    for d in t.variables:
        if d.name.lower() == "copy" and isinstance(d.raw, list):
            for i, loop in enumerate(d.raw):
                if isinstance(loop, dict) and isinstance(loop.get("name"), str):
                    origin = d.origin.child(i)
                    name_key = loop.actual_key("name") if hasattr(loop, "actual_key") else "name"
                    out.append((loop["name"], loop, origin.child(name_key), "value"))
            continue
        out.append((d.name, d.raw, d.origin, "key"))
    return out


# --- names that say "secret" -----------------------------------------------------------------------

# The words arm-ttk and the Bicep linter read as "this holds a secret".
_SECRET_WORD = re.compile(r"password|passwd|pwd|secret|accountkey|acctkey", re.IGNORECASE)
# A last word that says the name is about a secret, not the secret itself: keyVaultSecretName,
# passwordLength, secretsPermissions, adminPasswordSecretUri, secretRotationInterval...
ABOUT_SECRET = {
    "name", "names", "uri", "uris", "url", "urls", "id", "ids", "version", "versions",
    "permission", "permissions", "perms", "length", "policy", "policies", "expiry", "expiration",
    "expires", "days", "date", "time", "type", "types", "rotation", "interval", "provider",
    "enabled", "enable", "disabled", "required", "reference", "ref", "store", "path", "file",
    "location", "prefix", "suffix", "count", "complexity", "reset", "authentication", "auth",
    "mode", "kind", "identifier", "label", "tag", "tags", "format", "rule", "rules", "setting",
    "settings", "config", "configuration", "source", "scope", "option", "options", "list",
    "folder", "vault", "keyvault", "property", "properties", "field", "user", "username",
}
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def words(name: str) -> list[str]:
    """camelCase, PascalCase, snake_case and kebab-case names as lower-case words."""
    return [w.lower() for w in _WORDS.findall(name)]


def secret_like_name(name: str) -> bool:
    """The name says the value is a secret: it contains password, pwd, secret, accountKey... and
    does not end in a word that makes it a name, URI, version, length or setting of a secret."""
    if not isinstance(name, str) or not _SECRET_WORD.search(name):
        return False
    parts = words(name)
    if not parts or parts[-1] in ABOUT_SECRET:
        return False
    # nonSecretSettings, noPassword: the name says it is not a secret
    return not any(parts[i] in ("non", "no", "not") and _SECRET_WORD.match(parts[i + 1])
                   for i in range(len(parts) - 1))


def bicep_params(t: Template) -> dict:
    """For the root template of a Bicep file (the linted file or a module's file): lower-case
    name -> the `param` statement."""
    if t.origin.pointer or not is_bicep(t):
        return {}
    doc = t.origin.doc
    cached = getattr(doc, "_pu_params", None)
    if cached is None:
        from ..bicep import syntax as S
        cached = {st.name.name.lower(): st for st in doc.tree.statements
                  if isinstance(st, S.Param)}
        doc._pu_params = cached
    return cached


_TYPED = ("$ref", "items", "properties", "additionalProperties", "prefixItems", "discriminator")


def plainly_typed(t: Template, decl: Declaration) -> bool:
    """True when a parameter's declaration says all there is to know about its secureness: a
    plain ARM type, not a user-defined or resource-derived type whose properties may be secure
    (`secretToSetType[]` with a `@secure() value`, `resourceInput<...>`)."""
    if isinstance(decl.raw, dict) and any(k in decl.raw for k in _TYPED):
        return False
    st = bicep_params(t).get(decl.name.lower())
    if st is None:
        return True
    from ..bicep import syntax as S
    texpr = st.type
    while isinstance(texpr, (S.TypeNullable, S.TypeParen)):
        texpr = texpr.base if isinstance(texpr, S.TypeNullable) else texpr.inner
    return isinstance(texpr, S.TypeRef) and texpr.name in ("string", "int", "bool", "object",
                                                             "array")


# --- what a value is made of ----------------------------------------------------------------------

def strings_in(value: Any) -> Iterator[str]:
    """Every string in a raw value: values and property names."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for k, v in node.items():
                if isinstance(k, str) and k[:1] == "[":
                    yield k
                stack.append(v)
        elif isinstance(node, list):
            stack.extend(node)


class Facts:
    """What a raw value reads: parameters and variables by lower-case name, the functions it
    calls (lower case), list*() calls as written, and whether a name is computed."""

    __slots__ = ("params", "variables", "calls", "lists", "dynamic", "expressions")

    def __init__(self):
        self.params: set[str] = set()
        self.variables: set[str] = set()
        self.calls: set[str] = set()
        self.lists: list[str] = []
        self.dynamic = False
        self.expressions = 0

    def add_tree(self, tree: Node) -> None:
        self.expressions += 1
        for node in walk(tree):
            if not isinstance(node, Call) or node.namespace:
                continue
            name = node.name.lower()
            self.calls.add(name)
            if name in ("parameters", "variables"):
                arg = node.args[0] if node.args else None
                if isinstance(arg, Literal) and isinstance(arg.value, str):
                    (self.params if name == "parameters" else self.variables).add(arg.value.lower())
                else:
                    self.dynamic = True
            elif name.startswith("list"):
                self.lists.append(node.name)

    def merge(self, other: "Facts") -> None:
        self.params |= other.params
        self.variables |= other.variables
        self.calls |= other.calls
        self.lists.extend(n for n in other.lists if n not in self.lists)
        self.dynamic = self.dynamic or other.dynamic
        self.expressions += other.expressions

    @property
    def runtime(self) -> bool:
        """Calls a function whose value exists only while the deployment runs."""
        return any(c in RUNTIME_FUNCTIONS or c.startswith("list") for c in self.calls)


def direct_facts(value: Any) -> Facts:
    facts = Facts()
    for text in strings_in(value):
        tree = tree_of(text)
        if tree is not None:
            facts.add_tree(tree)
    return facts


def variable_facts(t: Template) -> dict[str, Facts]:
    """Lower-case variable name -> what its value reads, through other variables too."""
    o = owner(t)
    cached = getattr(o, "_pu_vars", None)
    if cached is not None:
        return cached
    direct = {name.lower(): direct_facts(raw) for name, raw, _, _ in variable_declarations(o)}
    closed: dict[str, Facts] = {}
    for name in direct:
        out = Facts()
        seen = {name}
        todo = [name]
        while todo:
            f = direct.get(todo.pop())
            if f is None:
                continue
            out.merge(f)
            for v in f.variables:
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        closed[name] = out
    o._pu_vars = closed
    return closed


def facts(t: Template, value: Any) -> Facts:
    """What a raw value of template `t` reads, following the variables it uses."""
    out = direct_facts(value)
    if out.variables:
        table = variable_facts(t)
        for v in list(out.variables):
            f = table.get(v)
            if f is not None:
                out.merge(f)
    return out


def secure_names(t: Template) -> set[str]:
    """Lower-case names of the secure parameters `t`'s expressions see."""
    o = owner(t)
    cached = getattr(o, "_pu_secure", None)
    if cached is None:
        cached = o._pu_secure = {n for n, d in parameters_of(o).items() if is_secure(d)}
    return cached


def secure_parameters_read(t: Template, f: Facts) -> list[str]:
    """The secure parameters (names as declared) a value reads."""
    params = parameters_of(t)
    return [params[p].name for p in sorted(f.params) if p in params and is_secure(params[p])]


def exact_parameter(text: Any) -> str | None:
    """`x` when a string is exactly `[parameters('x')]`."""
    tree = tree_of(text)
    if isinstance(tree, Call) and tree.name.lower() == "parameters" and not tree.namespace and \
            len(tree.args) == 1 and isinstance(tree.args[0], Literal) and \
            isinstance(tree.args[0].value, str):
        return tree.args[0].value
    return None


def is_location_of_deployment(node: Node) -> bool:
    """`resourceGroup().location` or `deployment().location`."""
    return isinstance(node, Member) and node.name.lower() == "location" and \
        isinstance(node.target, Call) and not node.target.namespace and \
        node.target.name.lower() in ("resourcegroup", "deployment") and not node.target.args


def known_text(value: Any) -> bool:
    return isinstance(value, str) and not isinstance(value, Unknown)


# --- walking resources --------------------------------------------------------------------------

def resources_in(model: Model, types: frozenset | None = None,
                 with_modules: bool = True) -> Iterator[Resource]:
    """Deployed resources (of the lower-case `types`), those of module files included unless
    `with_modules` is False."""
    doc = model.root.origin.doc if model.root is not None else None
    for res in model.resources:
        if types is not None and res.type_key not in types:
            continue
        if not with_modules and res.template.origin.doc is not doc:
            continue
        if res.deployed:
            yield res


def raw_entries(raw: Any, origin: Origin, wanted: set[str], skip_top: set[str] = frozenset(),
                ) -> list[tuple[str, Any, Origin]]:
    """(key as written, raw value, origin of the value) of every property whose lower-case name
    is in `wanted`, anywhere under `raw` (not under top-level keys in `skip_top`, nor inside a
    nested deployment's inline `template`, which holds resources of its own). Origins are built
    only for what is found."""
    found = []
    stack = [(raw, (), True)]
    while stack:
        node, path, top = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    continue
                low = key.lower()
                if top and low in skip_top:
                    continue
                if low in wanted:
                    found.append((key, value, Origin(origin.doc, origin.pointer + path + (key,))))
                if isinstance(value, (dict, list)):
                    if low == "template" and isinstance(value, dict) and "resources" in value:
                        continue
                    stack.append((value, path + (key,), False))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, path + (i,), False))
    return found


# Properties found in the raw resources of module files, which every file calling the module
# shares: id(raw) -> (raw, wanted, found). Kept for the run, as the module loader keeps the modules.
_MODULE_ENTRIES: dict = {}


def resource_entries(res: Resource, wanted: frozenset, skip_top: frozenset, root_doc) -> list:
    """raw_entries of a resource, remembered for resources of module files (not `root_doc`)."""
    if res.template.origin.doc is root_doc:
        return raw_entries(res.raw, res.origin, wanted, skip_top)
    hit = _MODULE_ENTRIES.get(id(res.raw))
    if hit is not None and hit[0] is res.raw and hit[1] == wanted:
        return hit[2]
    found = raw_entries(res.raw, res.origin, wanted, skip_top)
    _MODULE_ENTRIES[id(res.raw)] = (res.raw, wanted, found)
    return found


def doc_text(t: Template) -> str | None:
    """The lower-cased text of the document a template was read from (kept on the document)."""
    doc = t.origin.doc
    low = getattr(doc, "_pu_lower", None)
    if low is None:
        text = getattr(doc, "text", None)
        if not isinstance(text, str):
            return None
        low = text.lower()
        doc._pu_lower = low
    return low


def doc_mentions(t: Template, needles: tuple[str, ...]) -> bool:
    """Whether the text of the document a template was read from contains one of the lower-case
    `needles` (a cheap test that lets a rule skip a file); answered once per document."""
    doc = t.origin.doc
    cache = getattr(doc, "_pu_mentions", None)
    if cache is None:
        cache = doc._pu_mentions = {}
    found = cache.get(needles)
    if found is None:
        low = doc_text(t)
        found = cache[needles] = low is None or any(n in low for n in needles)
    return found


def doc_search(t: Template, pattern: re.Pattern) -> bool:
    """Whether a lower-case regular expression matches the text of the document a template was
    read from; answered once per document and pattern."""
    doc = t.origin.doc
    cache = getattr(doc, "_pu_search", None)
    if cache is None:
        cache = doc._pu_search = {}
    found = cache.get(pattern)
    if found is None:
        low = doc_text(t)
        found = cache[pattern] = low is None or pattern.search(low) is not None
    return found


_NAMED_REFERENCE = {
    kind: re.compile(kind + r"\s*\(\s*'([^']*)'") for kind in ("parameters", "variables")}
_COMPUTED_REFERENCE = {
    kind: re.compile(kind + r"\s*\(\s*[^'\s)]") for kind in ("parameters", "variables")}


def _inner_templates(t: Template) -> list[Template]:
    """The nested templates directly inside `t` (same file) that have their own scope."""
    return [r.nested_template for r in t.resources if r.nested_template is not None and
            r.nested_template.scope is not t.scope and r.nested_template.origin.doc is t.origin.doc]


def _json_text(t: Template) -> str:
    cached = getattr(t, "_pu_json", None)
    if cached is None:
        cached = t._pu_json = json.dumps(t.raw, ensure_ascii=False).lower()
    return cached


def own_reads(t: Template, kind: str) -> Counter | None:
    """How often the template's own expressions call `kind('name')` (`kind` is parameters or
    variables), by lower-case name, counted with a regular expression over the JSON text
    (the file's text for the root, the template re-serialised by the C encoder for a nested one)
    minus the text of the nested templates that have their own scope. None when the text cannot
    tell: a Bicep file, a computed name such as `parameters(concat(...))`, quotes escaped as
    \\u0027."""
    if is_bicep(t) or not isinstance(t.raw, dict):
        return None
    text = (doc_text(t) if t.parent is None else _json_text(t)) or ""
    if not text or "\\u0027" in text or _COMPUTED_REFERENCE[kind].search(text):
        return None
    counts = Counter(_NAMED_REFERENCE[kind].findall(text))
    for inner in _inner_templates(t):
        counts -= Counter(_NAMED_REFERENCE[kind].findall(_json_text(inner)))
    return counts


def unread_by_text(t: Template, names: list[str], kind: str) -> list[str] | None:
    """Which of `names` the template's own expressions never read, found without parsing; None
    when the text cannot tell (see own_reads)."""
    counts = own_reads(t, kind)
    if counts is None:
        return None
    return [n for n in names if not counts.get(n.lower())]


def resource_anchor(res: Resource) -> tuple[Origin, str]:
    """Where to report a finding about a whole resource: its symbolic name when it has one (a
    Bicep declaration, a languageVersion 2.0 resource), else its `name` value."""
    if res.symbolic_name and res.origin.pointer and isinstance(res.origin.pointer[-1], str):
        return res.origin, "key"
    raw = res.raw
    key = raw.actual_key("name") if hasattr(raw, "actual_key") else None
    if key is not None:
        return res.origin.child(key), "value"
    return res.origin, "value"


def references_of(t: Template):
    return template_references(t)


def dynamic_names(t: Template, kind: str) -> tuple[set[str], list[str]] | None:
    """Names a template may read through computed `parameters(...)`/`variables(...)` (`kind`):
    (exact lower-case names, lower-case prefixes); None when any name may be read."""
    exact: set[str] = set()
    prefixes: list[str] = []
    refs = template_references(t)
    for section, _, text in refs.dynamic:
        if section != kind:
            continue
        tree = tree_of(text)
        if tree is None:
            return None
        for node in walk(tree):
            if not (isinstance(node, Call) and not node.namespace and node.name.lower() == kind):
                continue
            arg = node.args[0] if node.args else None
            if arg is None or (isinstance(arg, Literal) and isinstance(arg.value, str)):
                continue
            reads_parameters = any(isinstance(n, Call) and n.name.lower() == "parameters"
                                   for n in walk(arg))
            value = None if reads_parameters else evaluate(arg, EvalContext(t.scope))
            if known_text(value):  # the same name in every deployment
                exact.add(value.lower())
                continue
            prefix = _literal_prefix(arg)
            if not prefix:
                return None
            prefixes.append(prefix.lower())
    return exact, prefixes


def _literal_prefix(node: Node) -> str:
    """The literal text a computed name starts with: concat('sku', ...) -> 'sku'."""
    if isinstance(node, Call) and not node.namespace and node.args:
        name = node.name.lower()
        first = node.args[0]
        if name == "concat" and isinstance(first, Literal) and isinstance(first.value, str):
            return first.value
        if name == "format" and isinstance(first, Literal) and isinstance(first.value, str):
            return first.value.split("{", 1)[0]
    return ""


def bicep_used_symbols(t: Template) -> set[str] | None:
    """For a Bicep file's root template: the lower-case names of every symbol an expression of
    the file reads (a parameter, variable, resource...), from the syntax tree, as the Bicep
    compiler resolves them; None for other templates."""
    if t.parent is not None or not is_bicep(t):
        return None
    doc = t.origin.doc
    cached = getattr(doc, "_pu_used", None)
    if cached is None:
        from ._bicep_util import document_facts
        cached = doc._pu_used = {name.lower() for name in document_facts(doc).read_names}
    return cached


# --- administrator credentials (AL6001, AL6002) ---------------------------------------------------

USERNAME = ("adminusername",)
PASSWORD = ("adminpassword", "administratorloginpassword")
_ADMIN_KEYS = frozenset(USERNAME + PASSWORD)
_RESOURCES = frozenset({"resources"})


def written_admin_values(model, keys: tuple) -> Iterator[Hit]:
    """AL6001/AL6002: a hit for each administrator property among `keys` (lower case) whose
    value is written into the template."""
    for low, key, value, origin, template, ectx in admin_entries(model):
        if low not in keys:
            continue
        found = written_value(value, origin, template, ectx)
        if found is None:
            continue
        text, at, via = found
        source = "a literal" if via is None else \
            (f"variable '{via}', which holds a literal" if via != "an expression" else
             "an expression of literals")
        yield Hit(at=at, bind={"property": key, "value": text, "source": source})


def admin_entries(model) -> list[tuple]:
    """(lower-case key, key, raw value, origin, template, eval context) of every administrator
    user name and password property of the file: in deployed resources (the `{"value": ...}`
    entries given to nested deployments and Bicep modules included) and inside the values of
    variables. Computed once per file and shared by both rules."""
    cached = getattr(model, "_pu_admin_entries", None)
    if cached is not None:
        return cached
    wanted = _ADMIN_KEYS
    needles = USERNAME + PASSWORD
    root_doc = model.root.origin.doc if model.root is not None else None
    found = []
    for res in model.resources:
        if not doc_mentions(res.template, needles) or not res.deployed:
            continue
        for key, value, origin in resource_entries(res, wanted, _RESOURCES, root_doc):
            found.append((key.lower(), key, value, origin, res.template, res.ctx))
    for t in declaring_templates(model):
        if not doc_mentions(t, needles):
            continue
        for decl in t.variables:  # objects such as an osProfile kept in a variable
            for key, value, origin in raw_entries(decl.raw, decl.origin, wanted):
                found.append((key.lower(), key, value, origin, t, EvalContext(t.scope)))
    model._pu_admin_entries = found
    return found


def written_value(value, origin, template, ectx):
    """(text, origin of the text, via) when the value is written into the template, else None;
    `via` names the variable it comes from when it is not a literal."""
    if isinstance(value, dict) and "value" in value and len(value) <= 2:
        key = value.actual_key("value") if hasattr(value, "actual_key") else "value"
        value, origin = value[key], origin.child(key)  # {"value": ...} given to a deployment
    if not isinstance(value, str):
        return None
    tree = tree_of(value)
    if tree is None:
        if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
            return None  # an expression with a syntax error
        text = value[1:] if value.startswith("[[") else value
        return (text, origin, None) if text.strip() else None
    f = facts(template, value)
    if f.params or f.dynamic or f.runtime:
        return None
    resolved = resolve(value, None, ectx)
    if not known_text(resolved) or not resolved.strip():
        return None
    via = sorted(f.variables)
    return resolved, origin, variable_name(template, via[0]) if via else "an expression"


def variable_name(t: Template, low: str) -> str:
    """A variable's name as declared, from its lower-case form."""
    for name, _, _, _ in variable_declarations(owner(t)):
        if name.lower() == low:
            return name
    return low
