"""Lower a parsed Bicep file into the template model's input: an ARM template object.

Owns: turning Bicep declarations into the template shape the compiler emits (languageVersion 2.0:
parameters with types and decorators, variables, user functions, resources keyed by symbolic name
with full types and names, conditions and loops, modules as nested deployments with an inline
template and inner scope, outputs), and Bicep expressions into ARM expressions (`a ? b : c` is
`if(a, b, c)`, `'x${y}'` is `format('x{0}', y)`, `vm.id` is `resourceId(...)`...). Every value it
emits is recorded in the document's position map with the span of the Bicep that produced it, so
a finding points at the Bicep source. Local modules are loaded through a `ModuleLoader` (once
each); registry and template-spec modules stay without a template (armlint never touches the
network).

The lowering is a package: `common` (constants, ARM node builders, symbol records), `loader`
(modules, once each), `lowerer` (declarations), `resources` and `expressions` (the `Lowerer`'s
mixins).
"""
from __future__ import annotations

from armlint.bicep.lower.common import (DEPLOYMENTS, DEPLOYMENTS_API, PARAMETERS_SCHEMA, SCHEMAS,
                                        expression_string, literal_json)
from armlint.bicep.lower.loader import ModuleLoader, default_confinement
from armlint.bicep.lower.lowerer import Lowerer, lower_parameter_file, lower_template

__all__ = ["DEPLOYMENTS", "DEPLOYMENTS_API", "PARAMETERS_SCHEMA", "SCHEMAS", "Lowerer",
           "ModuleLoader", "default_confinement", "expression_string", "literal_json",
           "lower_parameter_file", "lower_template"]
