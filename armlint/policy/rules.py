"""Policy definitions as catalogue rules: selected, levelled, suppressed and reported like rules.

Owns: `PolicyRule`, a `Rule` whose ID is the definition's `name` (a GUID for built-ins), whose
name is its display name in kebab case, whose title is its display name, and whose SARIF
descriptor carries `policyDefinitionId`, `category`, `effect` and the assignment(s). Default levels
by effect: deny error; audit and auditIfNotExists warning; modify, append and deployIfNotExists
note (what Azure would change). A configured level wins, as for rules.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..engine.catalogue import Rule

EFFECT_LEVELS = {"deny": "error", "audit": "warning", "auditifnotexists": "warning",
                 "modify": "note", "append": "note", "deployifnotexists": "note"}
EFFECT_NAMES = {"deny": "Deny", "audit": "Audit", "auditifnotexists": "AuditIfNotExists",
                "modify": "Modify", "append": "Append", "deployifnotexists": "DeployIfNotExists",
                "disabled": "Disabled", "denyaction": "DenyAction", "manual": "Manual"}
PORTAL = ("https://portal.azure.com/#blade/Microsoft_Azure_Policy/PolicyDetailBlade/"
          "definitionId/{id}")
DOCS = "https://github.com/armlint/armlint/blob/main/docs/policies.md"
_RANK = {"note": 1, "warning": 2, "error": 3}


class PolicyRule(Rule):
    """A policy definition as a rule (its own fields after Rule's, as keywords)."""

    def __init__(self, *args, definition_id: str = "", policy_category: str = "",
                 effects: list | None = None, assignments: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition_id = definition_id
        self.policy_category = policy_category
        self.effects = [] if effects is None else effects
        self.assignments = [] if assignments is None else assignments

    @property
    def category(self) -> str:
        return self.policy_category or "Azure Policy"

    @property
    def help_uri(self) -> str:
        if self.definition_id.lower().startswith("/providers/microsoft.authorization/"):
            from urllib.parse import quote
            return PORTAL.format(id=quote(self.definition_id, safe=""))
        return DOCS

    def sarif_properties(self) -> dict:
        props: dict = {"policyDefinitionId": self.definition_id, "category": self.category,
                       "effect": self.effects[0] if len(self.effects) == 1 else list(self.effects)}
        if self.assignments:
            props["assignment"] = self.assignments[0] if len(self.assignments) == 1 \
                else list(self.assignments)
        props["tags"] = ["azure-policy"]
        return props


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:80].strip("-") or "policy"


def make_rule(definition, taken: set) -> PolicyRule:
    name = slug(definition.display_name)
    if name in taken or name == definition.name.lower():
        name = f"{name}-{slug(definition.name)[:12]}"
    taken.add(name)
    description = definition.description or definition.display_name
    return PolicyRule(
        id=definition.name, name=name, title=definition.display_name, level="note",
        scope_kind="policy", message="", implementation="policy", builtin=False,
        docs={"what": description,
              "why": "An Azure Policy assignment applies this definition; a deployment that "
                     "breaks a Deny policy fails, an Audit policy marks the resource non-compliant.",
              "use_instead": "Change the property the finding points at to what the policy "
                             "wants, or ask for an exemption."},
        source=Path(definition.source), definition_id=definition.id or definition.name,
        policy_category=definition.category, tags=("azure-policy",))


def note_effect(rule: PolicyRule, effect: str, assignment: str | None) -> None:
    """Record an effect (and assignment) a rule's definition is applied with; the default
    level is the strongest effect's."""
    shown = EFFECT_NAMES.get(effect, effect)
    if shown not in rule.effects:
        rule.effects.append(shown)
    if assignment and assignment not in rule.assignments:
        rule.assignments.append(assignment)
    level = EFFECT_LEVELS.get(effect)
    if level and _RANK[level] > _RANK.get(rule.level, 0):
        rule.level = level
