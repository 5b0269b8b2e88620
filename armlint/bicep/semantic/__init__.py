"""The meaning of one Bicep file: symbols, scopes, references and the types the file states.

Owns, for one syntax tree (built once per document, on first use, by `analyze`):
- the file-level symbols (parameters, variables, types, functions, resources, modules, imports
  and namespaces, asserts, tests; outputs apart, as they are not referenced) and every local
  symbol: loop items and indexes, lambda and function parameters, nested resources;
- scopes: a `for` body, a lambda body and a resource body each see their own symbols first, so a
  loop variable that shadows a file-level variable hides it and the file-level one is not used
  there;
- references: each `Variable` resolved to the symbol it names (None: a namespace such as `sys`,
  or an undeclared name); calls and type names counted by name;
- the declared resources with their full type (nested children prefixed with their parent's) and
  API version;
- every syntax node by class, in source order (parents first), so the engine can hand each rule
  the nodes of the kinds it looks at after one walk;
- `type_of(expr)`: the type of an expression as far as the file says it: literals, declared types
  of parameters, variables, outputs and functions (user types followed), `@secure()`, loop items
  and lambda parameters from the array they range over, a resource's `name`/`id`/`type`/
  `apiVersion`, the `resourceGroup()`-style objects, and module outputs by their declared type
  when the caller knows the module (`module_outputs`). None where the file does not say.
Nothing here evaluates values or reads other files.

The package: `model` (symbols, scopes, references, resources), `types` (what the file states
about types), `tree` (walking and comparing syntax trees); `analyze` builds the model of a
document once, when a rule first asks for it; `declarations` answers what the statements alone
say (names declared twice: every file) without building it.
"""
from __future__ import annotations

import weakref
from typing import Any, Callable

from armlint.bicep.semantic.model import Declarations, DeclaredResource, SemanticModel, Symbol
from armlint.bicep.semantic.tree import (is_deployment_location, is_sys_call, reference_call,
                                         same_syntax, sys_decorator, walk)
from armlint.bicep.semantic.types import (ARRAY, BOOL, CONTEXT_STRINGS, INT, NULL, OBJECT,
                                          RESOURCE_STRINGS, STRING, STRING_FUNCTIONS, BicepType)

__all__ = ["ARRAY", "BOOL", "CONTEXT_STRINGS", "INT", "NULL", "OBJECT", "RESOURCE_STRINGS",
           "STRING", "STRING_FUNCTIONS", "BicepType", "Declarations", "DeclaredResource",
           "SemanticModel", "Symbol", "analyze", "declarations", "is_deployment_location", "is_sys_call", "reference_call",
           "same_syntax", "sys_decorator", "walk"]

def analyze(doc: Any) -> SemanticModel:
    """The semantic model of a Bicep document, built on first use and kept on the document."""
    found = doc.semantic
    if found is None:
        found = doc.semantic = SemanticModel(doc.tree, doc.text, _module_outputs(doc))
    return found


def declarations(doc: Any) -> Declarations:
    """The file-level declarations of a Bicep document: its semantic model when one is built,
    else read from the statements alone (the model's walk of every expression is left to the
    rules that ask for it: `analyze`)."""
    found = doc.semantic
    return found if found is not None else Declarations(doc.tree, doc.text)


def _module_outputs(doc: Any) -> Callable[[str], dict | None]:
    """Output name -> declared ARM type of a module, read from the template the lowering loaded
    for it (None when the module is not known: a registry module, a missing file). The document
    is held weakly: it holds the model, and a cycle through it would keep a module file's whole
    syntax tree for the cyclic collector, which a run calls rarely (see runner)."""
    try:
        ref = weakref.ref(doc)
    except TypeError:  # an object without weak references: held as it is
        ref = lambda: doc  # noqa: E731

    def outputs(symbol: str) -> dict | None:
        held = ref()
        value = held.value if held is not None else None
        resources = value.get("resources") if isinstance(value, dict) else None
        found = resources.get(symbol) if isinstance(resources, dict) else None
        for key in ("properties", "template", "outputs"):
            found = found.get(key) if isinstance(found, dict) else None
        if not isinstance(found, dict):
            return None
        return {name: out.get("type") for name, out in found.items() if isinstance(out, dict)}
    return outputs
