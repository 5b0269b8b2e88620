"""`armlint policy list` and `armlint policy explain`: what loaded, and one definition in words.

Owns: the status of each loaded definition (supported; skipped, and why: a resource provider
mode, a disabled effect; partly undetermined, and by what: constructs armlint cannot evaluate,
aliases missing from the alias table), the totals, the coverage figure over Azure's built-ins
(the share of non-deprecated built-in definitions with mode All or Indexed and an effect that can
be Deny or Audit that compile with no unsupported construct), and the plain-words page of one
definition.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .engine import PolicySet
from .words import condition_text


@dataclass
class Status:
    name: str
    display_name: str
    source: str
    mode: str
    effects: list
    state: str  # supported | skipped | partial
    reasons: list = field(default_factory=list)  # constructs armlint cannot evaluate
    missing_aliases: list = field(default_factory=list)
    runtime: list = field(default_factory=list)  # what it reads that the deployment decides
    counted: bool = False  # in the coverage figure's population
    skip: str = ""  # why it is not applied (mode, effect)


def _effect_can(definition, wanted: tuple) -> bool:
    then = (definition.rule or {}).get("then") or {}
    effect = then.get("effect")
    if not isinstance(effect, str):
        return False
    if not effect.startswith("["):
        return effect.lower() in wanted
    import re
    m = re.search(r"parameters\(\s*'([^']+)'\s*\)", effect)
    if not m:
        return False
    decl = next((v for k, v in (definition.parameters or {}).items()
                 if k.lower() == m.group(1).lower()), None)
    if not isinstance(decl, dict):
        return False
    options = [str(v).lower() for v in decl.get("allowedValues") or []]
    options.append(str(decl.get("defaultValue", "")).lower())
    return any(o in wanted for o in options)


def in_figure(definition) -> bool:
    """In the coverage figure's population: an Azure built-in, not deprecated, mode All or
    Indexed, an effect that can be Deny or Audit."""
    return definition.source == "builtin" and not definition.deprecated and \
        definition.mode_key in ("all", "indexed") and _effect_can(definition, ("deny", "audit"))


def statuses(policies: PolicySet) -> list[Status]:
    out: dict[str, Status] = {}
    for applied, reason in [(a, None) for a in policies.applied] + policies.skipped:
        d = applied.definition
        key = f"{d.source}|{d.name.lower()}"
        st = out.get(key)
        if st is None:
            compiled = applied.compiled
            problems = [f"{'/'.join(str(p) for p in ptr)}: {msg}" for ptr, msg in compiled.problems]
            missing = sorted({s.text for s in compiled.specs.values()
                              if s.kind == "alias" and not s.alias.owners})
            st = out[key] = Status(d.name, d.display_name, d.source, d.mode or "Indexed (none "
                                   "given)", [], "supported", problems, missing,
                                   list(compiled.runtime), in_figure(d))
        effect = applied.effect if isinstance(applied.effect, str) else "unknown"
        if effect not in st.effects:
            st.effects.append(effect)
        if reason is not None and st.state == "supported" and len(st.effects) == 1:
            st.state, st.skip = "skipped", reason
        elif reason is None and st.state == "skipped":
            st.state, st.skip = "supported", ""
    for st in out.values():
        if st.state != "skipped" and (st.reasons or st.missing_aliases or st.runtime):
            st.state = "partial"
    return sorted(out.values(), key=lambda s: (s.state != "partial", s.display_name.lower()))


def coverage(items: list[Status]) -> tuple[int, int, int]:
    """(in the figure's population, compiling with no unsupported construct, and also with no
    alias missing)."""
    population = [s for s in items if s.counted]
    # only the constructs a definition uses count (not a disabled effect in this assignment, nor
    # what it reads from the deployment, which is evaluated and may be given)
    clean = [s for s in population if not s.reasons]
    full = [s for s in clean if not s.missing_aliases]
    return len(population), len(clean), len(full)


def list_text(policies: PolicySet, show_all: bool = False) -> str:
    items = statuses(policies)
    lines = []
    counts = {"supported": 0, "skipped": 0, "partial": 0}
    for st in items:
        counts[st.state] += 1
        if st.state == "supported" and not show_all:
            continue
        label = {"supported": "supported", "skipped": "skipped  ", "partial": "partly undetermined"}
        lines.append(f"{label[st.state]}  {st.name}  {st.display_name}")
        if st.skip:
            lines.append(f"    {st.skip}")
        for r in st.reasons:
            lines.append(f"    cannot evaluate: {r}")
        for a in st.missing_aliases:
            lines.append(f"    alias not in the alias table: {a}")
        for r in st.runtime:
            lines.append(f"    depends on the deployment: {r}")
    lines.append(f"{len(items)} definitions: {counts['supported']} supported, "
                 f"{counts['partial']} partly undetermined, {counts['skipped']} skipped")
    population, clean, full = coverage(items)
    if population:
        lines.append(
            f"Built-in coverage: {clean} of {population} non-deprecated built-in definitions with "
            f"mode All or Indexed and a Deny- or Audit-capable effect compile with no unsupported "
            f"construct ({100 * clean / population:.1f}%); {full} ({100 * full / population:.1f}%) "
            f"also find every alias they name in the alias table.")
    return "\n".join(lines) + "\n"


def list_json(policies: PolicySet) -> str:
    items = statuses(policies)
    population, clean, full = coverage(items)
    return json.dumps({
        "definitions": [{"name": s.name, "displayName": s.display_name, "source": s.source,
                         "mode": s.mode, "effects": s.effects, "status": s.state,
                         "skipped": s.skip or None, "unsupported": s.reasons,
                         "missingAliases": s.missing_aliases, "deployment": s.runtime}
                        for s in items],
        "coverage": {"population": population, "compiled": clean, "withAliases": full},
    }, indent=2, ensure_ascii=False)


def explain(policies: PolicySet, name: str) -> str | None:
    low = name.lower()
    found = None
    for a in policies.applied + [a for a, _ in policies.skipped]:
        d = a.definition
        if low in (d.name.lower(), d.display_name.lower(), a.rule.name.lower(),
                   (d.id or "").lower()):
            found = a
            break
    if found is None:
        return None
    d = found.definition
    lines = [f"{d.display_name}", "", f"name: {d.name}"]
    if d.id:
        lines.append(f"id: {d.id}")
    lines.append(f"mode: {d.mode or 'Indexed (none given)'}; category: {d.category or '-'}; "
                 f"version: {d.version or '-'}" + ("; preview" if d.preview else "")
                 + ("; deprecated" if d.deprecated else ""))
    lines.append(f"armlint rule name: {found.rule.name}")
    if d.description:
        lines += ["", d.description]
    effect = found.effect if isinstance(found.effect, str) else f"unknown ({found.effect})"
    lines += ["", f"Effect: {effect}" + (f" (assignment '{found.unit.assignment.name}')"
                                          if found.unit.assignment else "")]
    lines += ["", "It applies to a resource when:"]
    lines += ["  " + line for line in condition_text(found.compiled.condition)]
    if found.compiled.existence is not None:
        details = found.compiled.details or {}
        lines += ["", f"and then looks for a related {details.get('type', 'resource')} that "
                      "meets:"]
        lines += ["  " + line for line in condition_text(found.compiled.existence)]
    if d.parameters:
        lines += ["", "Parameters (value in force):"]
        for pname in d.parameters:
            value = found.scope.parameter(pname)
            lines.append(f"  {pname} = {_show(value)}")
    for st in statuses(policies):
        if st.name == d.name and st.source == d.source and \
                (st.reasons or st.missing_aliases or st.runtime):
            lines += ["", "Not decided offline (undetermined where it matters):"]
            lines += [f"  cannot evaluate: {r}" for r in st.reasons]
            lines += [f"  alias not in the alias table: {a}" for a in st.missing_aliases]
            lines += [f"  depends on the deployment: {r}" for r in st.runtime]
    return "\n".join(lines) + "\n"


def _show(value) -> str:
    from .words import show
    return show(value, 200)
