"""AL6005 secure-value-for-secure-inputs: a resource property that Azure marks as secure (a
password, a shared key, a secret's value) is given a value that is not secure: a literal, or a
value built from parameters that are not secure.

The Bicep linter learns which properties are secure from the resource type definitions; armlint
keeps a table of the common ones (SECURE_PROPERTIES). A value is reported when it is a deploy-time
constant (it calls neither reference() nor a list*() function) and it reads only parameters
that are not secure, directly or through variables, or reads no parameter at all and is a
non-empty literal. A value that reads a secure parameter carries a secret, and is secure even
when a plain parameter is joined to it (`base64(format('{0}:{1}', user, password))`); runtime
values (a key read with listKeys(), a reference()) are left alone, as the Bicep linter leaves
them, and so are values read from a parameter of a user-defined type (whose properties may be declared secure, which the
lowered template does not record).
"""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr import parser
from ..expr.ast import Call, Literal
from ..expr.query import tree_of

# lower-case resource type -> paths of secure string properties ("*": every element of an array)
SECURE_PROPERTIES: dict[str, tuple] = {
    "microsoft.compute/virtualmachines": (("properties", "osProfile", "adminPassword"),),
    "microsoft.compute/virtualmachinescalesets": (
        ("properties", "virtualMachineProfile", "osProfile", "adminPassword"),),
    "microsoft.sql/servers": (("properties", "administratorLoginPassword"),),
    "microsoft.sql/managedinstances": (("properties", "administratorLoginPassword"),),
    "microsoft.dbforpostgresql/flexibleservers": (("properties", "administratorLoginPassword"),),
    "microsoft.dbforpostgresql/servers": (("properties", "administratorLoginPassword"),),
    "microsoft.dbformysql/flexibleservers": (("properties", "administratorLoginPassword"),),
    "microsoft.dbformysql/servers": (("properties", "administratorLoginPassword"),),
    "microsoft.dbformariadb/servers": (("properties", "administratorLoginPassword"),),
    "microsoft.synapse/workspaces": (("properties", "sqlAdministratorLoginPassword"),),
    "microsoft.containerservice/managedclusters": (
        ("properties", "windowsProfile", "adminPassword"),
        ("properties", "servicePrincipalProfile", "secret")),
    "microsoft.containerinstance/containergroups": (
        ("properties", "containers", "*", "properties", "environmentVariables", "*", "secureValue"),
        ("properties", "imageRegistryCredentials", "*", "password")),
    "microsoft.resources/deploymentscripts": (
        ("properties", "environmentVariables", "*", "secureValue"),),
    "microsoft.keyvault/vaults/secrets": (("properties", "value"),),
    "microsoft.network/connections": (("properties", "sharedKey"),),
    "microsoft.app/containerapps": (("properties", "configuration", "secrets", "*", "value"),),
    "microsoft.app/jobs": (("properties", "configuration", "secrets", "*", "value"),),
    "microsoft.automation/automationaccounts/credentials": (("properties", "password"),),
    "microsoft.web/certificates": (("properties", "password"),),
}


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not res.deployed:
        return
    for path in SECURE_PROPERTIES[res.type_key]:
        for value, origin, written in _values(res.raw, res.origin, path):
            problem = _problem(res, value)
            if problem:
                report.at_origin(origin, property=".".join(written), problem=problem)


def _values(raw, origin, path, written=()):
    """(raw value, origin, property names as written) at `path` under `raw`."""
    if not path:
        yield raw, origin, written
        return
    key, rest = path[0], path[1:]
    if key == "*":
        if isinstance(raw, list):
            for i, item in enumerate(raw):
                yield from _values(item, origin.child(i), rest,
                                   written[:-1] + (f"{written[-1]}[{i}]",) if written else written)
        return
    if not isinstance(raw, dict):
        return
    actual = raw.actual_key(key) if hasattr(raw, "actual_key") else (key if key in raw else None)
    if actual is None:
        return
    yield from _values(raw[actual], origin.child(actual), rest, written + (actual,))


def _problem(res, value) -> str | None:
    if value is None or value == "" or not isinstance(value, str):
        return None
    if not parser.is_expression(value):
        return "a literal written in the template"
    f = res.template.uses_of(value)
    if f.runtime or f.dynamic:
        return None
    params = res.template.parameters_seen
    read = [params[p] for p in sorted(_value_parameters(res.template, value)) if p in params]
    if any(not d.plainly_typed for d in read):
        return None  # a typed parameter whose properties may be secure
    plain = [d.name for d in read if not d.secure]
    if plain and len(plain) == len(read):  # a secure parameter in the mix makes the value a secret
        return "parameter " + ", ".join(f"'{p}'" for p in plain) + \
            (", which is not secure" if len(plain) == 1 else ", which are not secure")
    if f.params:
        return None  # only secure parameters
    if f.expressions and not f.calls - {"variables", "concat", "format", "string", "tolower",
                                         "toupper", "trim", "base64", "replace"}:
        return "a value built from literals"
    return None


# Functions whose result is a boolean or a number computed from their arguments, never the
# arguments themselves: parameters read there decide which value is used, they are not the value.
_DECIDING = {"equals", "not", "and", "or", "empty", "contains", "greater", "greaterorequals",
             "less", "lessorequals", "length", "startswith", "endswith", "indexof",
             "lastindexof", "bool"}


def _value_parameters(t, value: str) -> set[str]:
    """The parameters whose content can end up in the value: as `facts`, but not those read only
    by the condition of an if() or by a comparison (`x == 'a' ? secret : null`)."""
    tree = tree_of(value)
    found: set[str] = set()
    if tree is None:
        return found
    table = t.owner.uses.variable_closure
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Call) and not node.namespace:
            name = node.name.lower()
            arg = node.args[0] if node.args else None
            literal = isinstance(arg, Literal) and isinstance(arg.value, str)
            if name == "parameters" and literal:
                found.add(arg.value.lower())
                continue
            if name == "variables" and literal:
                f = table.get(arg.value.lower())
                if f is not None:
                    found |= f.params
                continue
            if name in _DECIDING:
                continue
            stack.extend(node.args[1:] if name == "if" else node.args)
        else:
            for attr in ("target", "index"):
                child = getattr(node, attr, None)
                if child is not None:
                    stack.append(child)
            items = getattr(node, "items", None)
            if items:
                for item in items:
                    stack.extend(item if isinstance(item, tuple) else (item,))
    return found
