"""The ARM template functions armlint evaluates, by name (lower-case), one module per family.

Owns: `FUNCTIONS` (functions whose arguments are evaluated first) and `LAZY_FUNCTIONS` (those that
decide what to evaluate: `if`, `and`, `or`, `coalesce`, the lambda functions, `copyIndex`,
`parameters`...), filled by the family modules imported here (registry.py holds the tables).

Semantics follow the ARM template functions reference and, where it is silent, values computed by
ARM's own engine (the Bicep repository's parameter-file baselines):

* strings: `startsWith`, `endsWith`, `indexOf`, `lastIndexOf` ignore case; `equals`, `contains`,
  `replace` and `indexOf` on arrays do not; `less`/`greater` compare strings the .NET culture way
  ('a' < 'A' < 'b'); `string()` renders booleans as `True`/`False` and containers as compact JSON;
  `json()` accepts single-quoted strings as Newtonsoft does.
* `union` merges nested objects (not nested arrays); `items` sorts by key.
* `dateTimeAdd` counts a year as 365 days and a month as 30 (XML duration semantics).
* `guid` is a name-based UUID v5 over the arguments joined with '-'; `uniqueString` is in
  `uniquestring.py`.

Anything that depends on the deployment returns `Unknown`; any Unknown argument makes the result
Unknown, except where a known answer does not depend on it (`and(false, x)`, `or(true, x)`, `if`
with a known condition, `coalesce` before the first unknown, strings built from partly unknown
parts, which become a `PartialString`). A resource ID with deployment placeholders is treated as
partly unknown text, never hashed or measured as if it were known.
"""
from __future__ import annotations

from . import arrays, cidr, conversion, dates, deployment, lambdas, logical, numeric, strings
from .args import deep_equal, to_text
from .registry import FUNCTIONS, LAZY_FUNCTIONS, fn, lazy

# Importing a family registers its functions.
FAMILIES = (arrays, cidr, conversion, dates, deployment, lambdas, logical, numeric, strings)

__all__ = ["FUNCTIONS", "LAZY_FUNCTIONS", "deep_equal", "fn", "lazy", "to_text"]
