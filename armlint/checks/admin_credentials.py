"""AL6001 admin-username-literal and AL6002 admin-password-literal: an administrator user name
(`adminUsername`; database servers' `administratorLogin`, Synapse's `sqlAdministratorLogin`) or
password (`adminPassword`, `administratorLoginPassword`, Synapse's
`sqlAdministratorLoginPassword`) written into the template. One check serves both rules; the
rule says which properties it looks at.

The properties are collected once per file for both rules (`DocumentContext.shared`), in any
casing: anywhere in a deployed resource (the `{"value": ...}` entries given to nested deployments
and Bicep modules included; a nested template's own resources are resources of their own) and
inside the values of variables (a variable named like the property is reported where it is
used). A value counts as written into
the template when it is a literal string, or an expression that reads no parameter (directly or
through variables), calls nothing that depends on the deployment, and has a known value, such as
`[variables('adminUser')]` with a literal variable. Empty strings are not reported.
"""
from __future__ import annotations

from ..engine.items import DocumentContext
from ..engine.report import Report
from ..expr.evaluate import EvalContext, resolve
from ..expr.query import known_text, tree_of
from ..expr.values import Origin
from ..model.template import Resource

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


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


def resource_entries(res: Resource, wanted: frozenset, skip_top: frozenset, root_doc) -> list:
    """raw_entries of a resource, remembered for resources of module files (not `root_doc`),
    which every file calling the module shares: in the module document's memo, id(raw) -> (raw,
    wanted, found), kept as long as the module loader keeps the module."""
    doc = res.template.origin.doc
    if doc is root_doc:
        return raw_entries(res.raw, res.origin, wanted, skip_top)
    memo = getattr(doc, "memo", None)
    if memo is None:
        try:
            memo = doc.memo = {}
        except AttributeError:  # a document that takes no attributes: nothing remembered
            return raw_entries(res.raw, res.origin, wanted, skip_top)
    hit = memo.get((__name__, id(res.raw)))
    if hit is not None and hit[0] is res.raw and hit[1] == wanted:
        return hit[2]
    found = raw_entries(res.raw, res.origin, wanted, skip_top)
    memo[(__name__, id(res.raw))] = (res.raw, wanted, found)
    return found


USERNAME = ("adminusername", "administratorlogin", "sqladministratorlogin")
PASSWORD = ("adminpassword", "administratorloginpassword", "sqladministratorloginpassword")
_ADMIN_KEYS = frozenset(USERNAME + PASSWORD)
_RESOURCES = frozenset({"resources"})
# The properties each rule looks at (lower case).
KEYS = {"AL6001": USERNAME, "AL6002": PASSWORD}


def check(ctx: DocumentContext, report: Report) -> None:
    keys = KEYS[report.rule.id]
    for low, key, value, origin, template, ectx in ctx.shared(admin_entries):
        if low not in keys:
            continue
        found = written_value(value, origin, template, ectx)
        if found is None:
            continue
        text, at, via = found
        source = "a literal" if via is None else \
            (f"variable '{via}', which holds a literal" if via != "an expression" else
             "an expression of literals")
        report.at_origin(at, property=key, value=text, source=source)


def admin_entries(model) -> list[tuple]:
    """(lower-case key, key, raw value, origin, template, eval context) of every administrator
    user name and password property of the file: in deployed resources (the `{"value": ...}`
    entries given to nested deployments and Bicep modules included) and inside the values of
    variables."""
    wanted = _ADMIN_KEYS
    needles = USERNAME + PASSWORD
    root_doc = model.root_doc
    found = []
    for res in model.resources:
        if not res.template.mentions(needles) or not res.deployed:
            continue
        for key, value, origin in resource_entries(res, wanted, _RESOURCES, root_doc):
            found.append((key.lower(), key, value, origin, res.template, res.ctx))
    for t in model.declaring_templates:
        if not t.mentions(needles):
            continue
        for decl in t.variables:  # objects such as an osProfile kept in a variable
            for key, value, origin in raw_entries(decl.raw, decl.origin, wanted):
                found.append((key.lower(), key, value, origin, t, EvalContext(t.scope)))
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
    f = template.uses_of(value)
    if f.params or f.dynamic or f.runtime:
        return None
    resolved = resolve(value, None, ectx)
    if not known_text(resolved) or not resolved.strip():
        return None
    via = sorted(f.variables)
    return resolved, origin, template.variable_name(via[0]) if via else "an expression"
