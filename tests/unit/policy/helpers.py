"""Run policy definitions written inline against inline templates, through the real pipeline
(model, policy engine, locate), and read back (rule, level, kind, line, col, message)."""
from __future__ import annotations

import json
from pathlib import Path

from armlint.api import Linter, LintOptions
from armlint.engine.catalogue import Catalogue
from armlint.policy.aliases import AliasTable
from armlint.policy.documents import read_assignment, read_definition, read_initiative
from armlint.policy.engine import PolicySet
from armlint.policy.library import Library, Source, units

TEMPLATE = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def template(*resources, parameters=None, **extra) -> str:
    body = {"$schema": TEMPLATE, "contentVersion": "1.0.0.0", "parameters": parameters or {},
            "resources": list(resources), **extra}
    return json.dumps(body, indent=2)


def definition(rule_if, effect="deny", name="p1", mode="All", parameters=None, details=None,
               display="Test policy") -> dict:
    then = {"effect": effect}
    if details is not None:
        then["details"] = details
    return {"name": name, "properties": {"displayName": display, "mode": mode,
                                         "parameters": parameters or {},
                                         "policyRule": {"if": rule_if, "then": then}}}


def policy_set(*docs, aliases: AliasTable | None = None, show_undetermined=True) -> PolicySet:
    """A PolicySet from definition/initiative/assignment documents (applied as a source)."""
    from armlint.policy.documents import kind_of
    library = Library()
    records = []
    for doc in docs:
        kind = kind_of(doc)
        reader = {"definition": read_definition, "initiative": read_initiative,
                  "assignment": read_assignment}[kind]
        record = reader(doc, doc.get("name", "x"), "test")
        records.append(record)
        library.add(record)
    from armlint.policy.library import _applied
    source = Source("test", records, _applied(records))
    return PolicySet(units([source], library), aliases or AliasTable(), show_undetermined)


def run(text: str, *docs, name="t.json", aliases=None, show_undetermined=True, catalogue=None):
    """Findings of the policies in `docs` on one template text: [(rule, level, kind, line, col,
    message)] sorted by position."""
    policies = policy_set(*docs, aliases=aliases, show_undetermined=show_undetermined)
    rules = policies.rule_list()
    linter = Linter(Catalogue(list(rules)), LintOptions(select=[r.id for r in rules] or None,
                                                        use_config=False),
                    root=Path.cwd())
    linter.policies = policies
    result = linter.lint_bytes(text.encode("utf-8"), name)
    return [(f.rule_id, f.level, f.kind, f.location.span.start_line, f.location.span.start_col,
             f.message) for f in result.findings]


def fired(text: str, *docs, **kw) -> list:
    """Only the findings (kind fail) as (rule, line, col)."""
    return [(r, line, col) for r, _, kind, line, col, _ in run(text, *docs, **kw) if kind == "fail"]


def undetermined(text: str, *docs, **kw) -> list:
    return [m for _, _, kind, _, _, m in run(text, *docs, **kw) if kind == "open"]
