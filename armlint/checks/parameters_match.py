"""AL1017 parameters-do-not-match-template: parameters given to a template that it does not
declare, or required parameters it is not given. Three places give a template its parameters:

- a `.bicepparam` file, for the template its `using` names, when that is a local `.bicep` or
  `.json` file that can be read and parsed (registry `br:` and template-spec `ts:` references and
  `using none` are left alone). Parameters assigned by a base file named with `extends` count as
  assigned (if the base cannot be read, missing parameters are not reported). Names are compared
  exactly, as the Bicep compiler does (its errors BCP259 and BCP258).
- a Bicep `module` whose file is local: its `params` against the module's parameters (a `params`
  object with a spread `...x`, or given as one expression, is not checked for missing ones).
- a nested deployment (`Microsoft.Resources/deployments`) with an inline template evaluated in the
  inner scope: its `parameters` against the inline template's (an outer-scope template takes no
  parameters; `parametersLink` and an expression for the whole object are not checked). Names are
  compared without regard to case, as Resource Manager compares them.

A parameter is required when it has no default value and is not nullable (`string?`, a union with
`null`, a local type alias of one, `"nullable": true` in JSON); a Bicep parameter whose type is
imported from another file is never counted as required, since armlint cannot see that type.
Deployments and modules whose condition is false are not checked.
- the parameter files a template is linted with (mapped in the configuration, `--parameters`,
  or `<name>.parameters.json` with `--auto-parameters`): a name a file gives that the template
  does not declare, which Resource Manager rejects ("not present in the original template").
  Reported in the parameter file, at the name (the key of a JSON file's `parameters`, the name
  of a `.bicepparam` file's `param`), one finding per name: the finding's file is the parameter
  file, which the run may not lint otherwise. Required parameters a file leaves out are not reported: they are often given
  inline at deployment time, beside the file.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..engine.items import DocumentContext
from ..expr.values import Origin
from ..engine.report import Report

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

_BUILTIN = {"string", "int", "bool", "object", "array", "securestring", "secureobject"}
_DEPLOYMENTS = "microsoft.resources/deployments"


def check(ctx: DocumentContext, report: Report) -> None:
    model = ctx.model
    if model.parameter_file is not None:
        if model.language == "bicep":
            _bicepparam(model.parameter_file, report)
        return
    if model.root is None:
        return
    if model.given_parameters:
        _given_by_files(model, report)
    for res in model.file_resources((_DEPLOYMENTS,)):
        # an outer-scope nested template reads the outer template's parameters
        if res.nested_template is not None and res.nested_template.scope is not res.template.scope:
            _deployment(model, res, report)


# --- modules and nested deployments ----------------------------------------------------------

def _deployment(model, res, report: Report) -> None:
    template = res.nested_template
    props = res.raw.get("properties")
    if not isinstance(props, dict) or "parametersLink" in props:
        return
    params_key = props.actual_key("parameters")
    params = props[params_key] if params_key is not None else {}
    if not isinstance(params, dict) or "copy" in params:
        return
    declared = _declared(template)
    if declared is None:
        return
    module = _module_statement(model, res)
    target = None
    props_origin = res.origin.child(res.raw.actual_key("properties"))
    folded = {name.lower(): name for name in declared}
    for name in params:
        if isinstance(name, str) and name.lower() not in folded:
            target = target or _target(res, module)
            report.at_origin(props_origin.child(params_key).child(name), part="key", message=(
                "'{param}' is passed to {target}, whose template declares no parameter of that "
                "name"), param=name, target=target)
    if module is not None and not _plain_params(module):
        return
    passed = {name.lower() for name in params if isinstance(name, str)}
    missing = [name for name, required in declared.items()
               if required and name.lower() not in passed]
    if not missing:
        return
    target = target or _target(res, module)
    listed = ", ".join(f"'{n}'" for n in missing)
    noun = "parameter" if len(missing) == 1 else "parameters"
    message = "{target} is not given the required {noun} {listed} of its template"
    values = {"target": target, "noun": noun, "listed": listed}
    if module is not None:
        report.at_node(module.name, message=message, **values)
    elif params_key is not None:
        report.at_origin(props_origin.child(params_key), part="key", message=message, **values)
    else:
        report.at_origin(props_origin.child(props.actual_key("template")), part="key",
                         message=message, **values)


def _given_by_files(model, report: Report) -> None:
    """Each name a parameter file gives that the template does not declare, reported in the
    parameter file at the name (the file to edit); names compare without regard to case, as
    Resource Manager compares them."""
    raw = model.root.raw
    declared = raw.get("parameters") if isinstance(raw.get("parameters"), dict) else {}
    folded = {name.lower() for name in declared}
    for given in model.given_parameters:
        undeclared = [n for n in given.names if n.lower() not in folded]
        if not undeclared:
            continue
        tree = getattr(given.doc, "tree", None)
        if tree is not None:
            _undeclared_in_bicepparam(given, tree, undeclared, declared, report)
            continue
        for name in undeclared:
            report.at_origin(Origin(given.doc, ("parameters", name)), part="key", message=(
                "'{param}' is given here, but the template '{file}' declares no parameter of "
                "that name; Resource Manager rejects the deployment"),
                param=name, file=given.template)


def _undeclared_in_bicepparam(given, tree, undeclared: list, declared: dict,
                              report: Report) -> None:
    """In a .bicepparam file the template is linted with, at each `param` that assigns an
    undeclared name. When its `using` names this template, the message is the one linting the
    .bicepparam itself gives, so the two are one finding."""
    from ..bicep import syntax as S
    using = next((st for st in tree.statements if isinstance(st, S.Using)), None)
    own = using is not None and using.path is not None and using.path.value and \
        given.template_path and getattr(given.doc, "path", None) is not None and \
        os.path.abspath(Path(given.doc.path).parent / using.path.value) == given.template_path
    assigned = {}
    for st in tree.statements:
        if isinstance(st, S.Param):
            assigned.setdefault(st.name.name, st)
    folded = {name.lower(): name for name in declared}
    for name in undeclared:
        st = assigned.get(name)
        if st is None:
            continue
        if own:
            near = folded.get(name.lower())
            hint = f" (it declares '{near}'; names are case-sensitive)" if near else ""
            report.at_node(st.name, doc=given.doc, message=(
                "'{param}' is assigned here, but '{file}' declares no parameter of that "
                "name{hint}"), param=name, file=using.path.value, hint=hint)
        else:
            report.at_node(st.name, doc=given.doc, message=(
                "'{param}' is assigned here, but the template '{file}' declares no parameter "
                "of that name; Resource Manager rejects the deployment"),
                param=name, file=given.template)


def _target(res, module) -> str:
    """How a message names the deployment (its name is evaluated only for a finding)."""
    if module is not None:
        return f"module '{res.symbolic_name}'"
    return f"the nested deployment '{res.display_name}'"


def _declared(template) -> dict | None:
    """{name: required} of a template's parameters, or None when they cannot be read."""
    tree = getattr(template.origin.doc, "tree", None)
    if tree is not None and not template.origin.pointer:
        return _bicep_declared(tree)  # a Bicep module: read the types as written
    params = template.raw.get("parameters")
    if params is None:
        return {}
    if not isinstance(params, dict):
        return None
    return {name: isinstance(decl, dict) and "defaultValue" not in decl and
            decl.get("nullable") is not True for name, decl in params.items()}


def _module_statement(model, res):
    """The Bicep `module` statement a lowered deployment comes from, or None (JSON)."""
    semantic = model.semantic
    symbol = semantic.symbols.get(res.symbolic_name) if semantic and res.symbolic_name else None
    return symbol.node if symbol is not None and symbol.kind == "module" else None


def _plain_params(module) -> bool:
    """The module's `params` is absent or an object literal without a spread."""
    from ..bicep import syntax as S
    body = module.object
    prop = body.get("params") if body is not None else None
    if prop is None:
        return True
    return isinstance(prop.value, S.Object) and \
        not any(isinstance(item, S.Spread) for item in prop.value.items)


# --- .bicepparam files -----------------------------------------------------------------------

def _bicepparam(pfile, report: Report) -> None:
    doc = pfile.origin.doc
    tree = getattr(doc, "tree", None)
    path = getattr(doc, "path", None)
    if tree is None or path is None:
        return
    from ..bicep import syntax as S
    using = next((st for st in tree.statements if isinstance(st, S.Using)), None)
    if using is None or using.path is None or not using.path.value:
        return
    confinement = _confinement(doc, path)
    declared = _template_parameters(Path(path).parent / using.path.value, confinement)
    if declared is None:
        return
    assigned = {}
    for st in tree.statements:
        if isinstance(st, S.Param):
            assigned.setdefault(st.name.name, st)
    folded = {name.lower(): name for name in declared}
    for name, st in assigned.items():
        if name in declared:
            continue
        near = folded.get(name.lower())
        hint = f" (it declares '{near}'; names are case-sensitive)" if near else ""
        report.at_node(st.name, message=(
            "'{param}' is assigned here, but '{file}' declares no parameter of that name{hint}"),
            param=name, file=using.path.value, hint=hint)
    inherited = set()
    for st in tree.statements:
        if isinstance(st, S.Extends):
            base = _assigned_in(Path(path).parent / st.path.value, confinement) \
                if st.path is not None and st.path.value else None
            if base is None:
                return
            inherited |= base
    missing = [name for name, required in declared.items()
               if required and name not in assigned and name not in inherited]
    if missing:
        listed = ", ".join(f"'{n}'" for n in missing)
        noun = "parameter" if len(missing) == 1 else "parameters"
        report.at_node(using.path, message=(
            "'{file}' requires the {noun} {listed}, which this file does not assign"),
            file=using.path.value, noun=noun, listed=listed)


def _confinement(doc, path):
    """Where the files a document names may lie (set when it was lowered)."""
    confinement = getattr(doc, "confinement", None)
    if confinement is None:
        from ..bicep.lower import default_confinement
        confinement = default_confinement(Path(path))
    return confinement


def _read_text(path: Path, confinement) -> str | None:
    """The text of a file the document names; None when it is refused (the lowering reported
    why, at the string that names it) or is not text."""
    from ..source.files import ReadRefused
    from ..source.text import DecodeError, decode
    try:
        return decode(confinement.read(path)).text
    except (ReadRefused, DecodeError):
        return None


def _template_parameters(path: Path, confinement) -> dict | None:
    """{name: required} of a local template, or None when it cannot be read."""
    low = path.name.lower()
    if not (low.endswith(".bicep") or low.endswith(".json") or low.endswith(".jsonc")):
        return None
    text = _read_text(path, confinement)
    if text is None:
        return None
    if low.endswith(".bicep"):
        from ..bicep.parser import parse
        return _bicep_declared(parse(text))
    return _json_parameters(text)


def _json_parameters(text: str) -> dict | None:
    from ..source import jsonc
    doc = jsonc.load(text)
    if not doc.ok or not isinstance(doc.value, dict):
        return None
    params = doc.value.get("parameters")
    if params is None:
        return {}
    if not isinstance(params, dict):
        return None
    out = {}
    for name, decl in params.items():
        required = isinstance(decl, dict) and "defaultValue" not in decl and \
            decl.get("nullable") is not True
        out[name] = required
    return out


def _bicep_declared(tree) -> dict | None:
    """{name: required} of the parameters of a parsed Bicep file (None with syntax errors)."""
    from ..bicep import syntax as S
    if tree.diagnostics:
        return None
    types = {st.name.name: st for st in tree.statements if isinstance(st, S.TypeDecl)}
    out = {}
    for st in tree.statements:
        if isinstance(st, S.Param):
            out[st.name.name] = st.default is None and _nullable(st.type, types, 0) is False
    return out


def _nullable(texpr: Any, types: dict, depth: int) -> bool | None:
    """True, False, or None when it cannot be told (an imported or unusual type)."""
    from ..bicep import syntax as S
    if depth > 20 or texpr is None:
        return None
    if isinstance(texpr, S.TypeNullable):
        return True
    if isinstance(texpr, S.TypeParen):
        return _nullable(texpr.inner, types, depth + 1)
    if isinstance(texpr, S.TypeLiteral):
        return isinstance(texpr.value, S.NullLit)
    if isinstance(texpr, S.TypeUnion):
        found = [_nullable(m, types, depth + 1) for m in texpr.members]
        if any(f is True for f in found):
            return True
        return None if any(f is None for f in found) else False
    if isinstance(texpr, S.TypeRef):
        if texpr.name in types:
            return _nullable(types[texpr.name].value, types, depth + 1)
        return False if texpr.name.lower() in _BUILTIN else None
    if isinstance(texpr, (S.TypeObject, S.TypeArray, S.TypeTuple, S.TypeResource)):
        return False
    return None


def _assigned_in(path: Path, confinement) -> set | None:
    """The parameter names a base `.bicepparam` assigns, or None when it cannot be read."""
    from ..bicep import syntax as S
    from ..bicep.parser import parse
    text = _read_text(path, confinement)
    if text is None:
        return None
    tree = parse(text)
    return {st.name.name for st in tree.statements if isinstance(st, S.Param)}
