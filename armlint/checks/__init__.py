"""Python rules: one module per rule (two rules may share one), only where JMESPath cannot say it.

Each module has `check(ctx, report)`: the engine hands it, one at a time, the items of its rule's
scope kind with a typed context (engine/items.py), and it reports through `report`
(engine/report.py). Modules hold no facts about templates (those are in model/ and
bicep/semantic) and do not import one another; `_`-prefixed modules hold what several rules
share that is not a fact of a template (naming heuristics, Azure's API version table). A module
imports the Bicep syntax classes inside its functions unless its rule is Bicep-only, so a run over
JSON files alone does not build them.
"""
