"""The policy engine: compile definitions once, apply them to each resource of a model.

Owns: `compile_definition` (a definition's rule -> conditions, effect, effect details, and the
problems that keep parts of it from being evaluated), `Applied` (one compiled definition with the
parameter values, assignment and rule it is applied with), `PolicySet` (everything a run
applies, indexed by the resource types each definition can match) and `evaluate(model,
policies)`, which gives `RawFinding`s for the engine's locate/suppress/report path.

Effects: deny and audit are findings at the property that decided them (or at the resource's
type when that property is absent); modify and append are notes saying what Azure would change;
auditIfNotExists and deployIfNotExists look for the related resource among those this
deployment creates (children, extension resources that name it as their scope, resources of the
type elsewhere in the template) and are undetermined when it could exist outside the template;
disabled, manual and denyAction (which acts on deletes) do nothing. An assignment in
DoNotEnforce mode reports a deny as a warning that says so. An `if` that is undetermined is a
finding of kind "open" (SARIF) only with --show-undetermined.
"""
from __future__ import annotations

import fnmatch
import functools
from dataclasses import dataclass, field
from typing import Any

from ..expr.values import Unknown
from .conditions import Compiler, Const, Env, Evidence, Outcome, type_filter
from .fields import POLICY_TYPES, FieldSpec, Subject, is_indexed, parse_field
from .functions import PolicyScope
from .library import Unit
from .rules import PolicyRule, make_rule, note_effect
from .words import detail, show

RM_MODES = ("all", "indexed")
SKIPPED_EFFECTS = ("disabled", "manual", "denyaction")
CHANGE_EFFECTS = ("modify", "append")
EXISTENCE_EFFECTS = ("auditifnotexists", "deployifnotexists")
KNOWN_EFFECTS = ("deny", "audit") + CHANGE_EFFECTS + EXISTENCE_EFFECTS + SKIPPED_EFFECTS


@dataclass
class Compiled:
    condition: Any
    effect: Any  # a value spec
    details: Any = None  # raw then.details
    existence: Any = None  # compiled existenceCondition
    related_type: Any = None  # value specs of details.type / details.name
    related_name: Any = None
    operations: list = field(default_factory=list)  # (operation, field spec or value, value, condition)
    specs: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # (pointer under policyRule, message)
    runtime: list = field(default_factory=list)  # what it reads that the deployment decides


def compile_definition(definition, aliases) -> Compiled:
    compiler = Compiler(aliases)
    rule = definition.rule if isinstance(definition.rule, dict) else {}
    condition = compiler.condition(rule.get("if"), ("if",))
    then = rule.get("then") if isinstance(rule.get("then"), dict) else {}
    effect = compiler.value(then.get("effect", "disabled"), ("then", "effect"))
    details = then.get("details")
    out = Compiled(condition, effect, details)
    if isinstance(details, dict):
        ptr = ("then", "details")
        if "existenceCondition" in details:
            out.existence = compiler.condition(details["existenceCondition"],
                                               ptr + ("existenceCondition",))
        if "type" in details:
            out.related_type = compiler.value(details["type"], ptr + ("type",))
        if "name" in details:
            out.related_name = compiler.value(details["name"], ptr + ("name",))
        for i, op in enumerate(details.get("operations") or []):
            out.operations.append(_operation(compiler, op, ptr + ("operations", i)))
    elif isinstance(details, list):  # append: [{field, value}]
        for i, op in enumerate(details):
            out.operations.append(_operation(compiler, {"operation": "append", **op}
                                             if isinstance(op, dict) else op,
                                             ("then", "details", i)))
    out.specs = compiler.specs
    out.problems = compiler.problems
    out.runtime = sorted(compiler.runtime)
    return out


def _operation(compiler: Compiler, raw: Any, pointer: tuple):
    if not isinstance(raw, dict) or not isinstance(raw.get("field"), str):
        compiler.problem(pointer, "an operation needs a 'field'")
        return None
    name = raw["field"]
    from ..expr import parser
    target = compiler.value(name, pointer + ("field",)) if parser.is_expression(name) \
        else compiler.field_spec(name)
    value = compiler.value(raw.get("value"), pointer + ("value",)) if "value" in raw else None
    condition = compiler.value(raw["condition"], pointer + ("condition",)) \
        if "condition" in raw else None
    return (str(raw.get("operation", "addOrReplace")), target, value, condition)


_UNSET = object()


class Applied:
    """One definition as one assignment (or none) applies it. `compile` gives its `Compiled`
    (shared by every Applied of the definition), called on first use: a run from the cache
    compiles only the definitions whose types its files deploy. `effect` and `filter` come
    from the cache too, or are worked out here."""

    def __init__(self, unit: Unit, compile, rule: PolicyRule, aliases, effect: Any = _UNSET,
                 filter: Any = _UNSET):
        self.unit = unit
        self.definition = unit.definition
        self._compile = compile
        self._compiled: Compiled | None = None
        self.rule = rule
        self.aliases = aliases
        info = {"definitionId": self.definition.id or None,
                "assignmentId": (unit.assignment.id or None) if unit.assignment else None,
                "setDefinitionId": (unit.initiative.id or None) if unit.initiative else None,
                "definitionReferenceId": unit.reference_id}
        self.scope = PolicyScope(self.definition.parameters, unit.values, info)
        self.consts: dict = {}
        self.mode = self.definition.mode_key
        self.effect = self._effect() if effect is _UNSET else effect
        self.filter = type_filter(self.compiled.condition, Env(None, self)) \
            if filter is _UNSET else filter

    @property
    def compiled(self) -> Compiled:
        if self._compiled is None:
            self._compiled = self._compile()
        return self._compiled

    def field_spec(self, text: str) -> FieldSpec:
        spec = self.compiled.specs.get(text.strip().lower())
        if spec is None:
            spec = self.compiled.specs[text.strip().lower()] = parse_field(text, self.aliases)
        return spec

    def _effect(self) -> Any:
        value = self.compiled.effect.evaluate(Env(None, self))
        override = self._override()
        if override is not None:
            value = override
        if isinstance(value, str) and not isinstance(value, Unknown):
            return value.strip().lower()
        if isinstance(value, Unknown):
            return value
        return Unknown("", None, f"the effect is {show(value)}, not a name")

    def _override(self) -> Any:
        assignment = self.unit.assignment
        if assignment is None:
            return None
        ref = (self.unit.reference_id or "").lower()
        for o in assignment.overrides:
            if not isinstance(o, dict) or str(o.get("kind", "")).lower() != "policyeffect":
                continue
            selectors = o.get("selectors") or []
            if all(_selector_holds(s, ref) for s in selectors if isinstance(s, dict)):
                return o.get("value")
        return None

    @property
    def skip_reason(self) -> str | None:
        if self.mode not in RM_MODES:
            return f"mode {self.definition.mode} is a resource provider mode (it evaluates " \
                   "data-plane objects, not template resources)"
        if isinstance(self.effect, str) and self.effect in SKIPPED_EFFECTS:
            return f"effect {self.effect}" + (" (acts on deletes)" if self.effect == "denyaction"
                                              else "")
        if isinstance(self.effect, str) and self.effect not in KNOWN_EFFECTS:
            return f"unknown effect '{self.effect}'"
        return None

    def matches_type(self, type_key: str) -> bool:
        if self.filter is None:
            return True
        exact, patterns = self.filter
        return type_key in exact or any(fnmatch.fnmatchcase(type_key, p) for p in patterns)


_STRENGTH = {"deny": 6, "audit": 5, "auditifnotexists": 4, "deployifnotexists": 3, "modify": 2,
             "append": 1}


def _selector_holds(selector: dict, ref: str) -> bool:
    if str(selector.get("kind", "")).lower() != "policydefinitionreferenceid":
        return True
    if "in" in selector:
        return ref in [str(x).lower() for x in selector.get("in") or []]
    if "notIn" in selector:
        return ref not in [str(x).lower() for x in selector.get("notIn") or []]
    return True


class PolicySet:
    """Everything one run applies: applied definitions indexed by type, their rules, and the
    definitions that are loaded but skipped (resource provider modes, disabled effects)."""

    def __init__(self, unit_list: list[Unit], aliases, show_undetermined: bool = False,
                 sources: tuple = (), known: list | None = None):
        """`known`: for each unit, its (effect, filter) worked out by an earlier run."""
        self.aliases = aliases
        self.show_undetermined = show_undetermined
        self.sources = sources
        self.compiled: dict[str, Compiled] = {}
        self.rules: dict[str, PolicyRule] = {}
        self.applied: list[Applied] = []
        self.skipped: list[tuple[Applied, str]] = []
        self.entries: list[Applied] = []  # every unit's Applied, in the order of the units
        # evaluations in this process: decided true/false, undetermined (for reports and bench)
        self.stats: dict[str, int] = {"true": 0, "false": 0, "undetermined": 0}
        taken: set = set()
        for i, unit in enumerate(unit_list):
            d = unit.definition
            rule = self.rules.get(d.name.lower())
            if rule is None:
                rule = self.rules[d.name.lower()] = make_rule(d, taken)
            compile = functools.partial(self._compiled_for, f"{d.source}|{d.name.lower()}", d)
            applied = Applied(unit, compile, rule, aliases, *(known[i] if known else ()))
            self.entries.append(applied)
            reason = applied.skip_reason
            if reason is not None:
                self.skipped.append((applied, reason))
                continue
            note_effect(rule, applied.effect if isinstance(applied.effect, str) else "audit",
                        unit.assignment.name if unit.assignment else None)
            self.applied.append(applied)
        # when several assignments apply one definition, the strongest effect is reported first
        # (a finding at the same place with the same message is reported once)
        self.applied.sort(key=lambda a: -_STRENGTH.get(a.effect if isinstance(a.effect, str)
                                                        else "", 0))
        self._index()

    def _compiled_for(self, key: str, definition) -> Compiled:
        found = self.compiled.get(key)
        if found is None:
            found = self.compiled[key] = compile_definition(definition, self.aliases)
        return found

    def _index(self) -> None:
        self._exact: dict[str, list] = {}
        self._patterned: list = []
        self._any: list = []
        for a in self.applied:
            if a.filter is None:
                self._any.append(a)
                continue
            exact, patterns = a.filter
            for t in exact:
                self._exact.setdefault(t, []).append(a)
            if patterns:
                self._patterned.append(a)
        self._cache: dict[str, list] = {}

    def candidates(self, type_key: str) -> list[Applied]:
        found = self._cache.get(type_key)
        if found is None:
            found = list(self._exact.get(type_key, ()))
            found += [a for a in self._patterned if a.matches_type(type_key)
                      and a not in found]
            found += self._any
            order = {id(a): i for i, a in enumerate(self.applied)}
            found.sort(key=lambda a: order[id(a)])
            self._cache[type_key] = found
        return found

    def rule_list(self) -> list[PolicyRule]:
        used = {a.rule.id.lower() for a in self.applied}
        return [r for k, r in self.rules.items() if k in used]


# --- evaluation -------------------------------------------------------------------------------

def evaluate(model, policies: PolicySet) -> list:
    """Raw findings of every applied policy on every resource the model deploys."""
    out: list = []
    for res in model.resources:
        if not res.deployed:
            continue
        key = POLICY_TYPES.get(res.type_key, res.type).lower()
        candidates = policies.candidates(key)
        if not candidates:
            continue
        subject = Subject(res)
        for applied in candidates:
            try:
                out.extend(_apply(applied, subject, model, policies))
            except RecursionError:
                out.append(_crash(applied, subject, "the policy nests too deeply"))
            except Exception as exc:  # a bug must not stop the run: an AL0003 on this resource
                out.append(_crash(applied, subject, f"{type(exc).__name__}: {exc}"))
    return out


def _raw(applied: Applied, subject: Subject, message: str, origin=None, level=None,
         kind: str = "fail"):
    from ..engine.run import RawFinding
    finding = RawFinding(applied.rule, subject.view, ("type",), "value", message,
                         origin=origin, level=level)
    if kind != "fail":
        finding.kind = kind
    return finding


def _crash(applied: Applied, subject: Subject, what: str):
    from ..engine.run import RawFinding
    return RawFinding("AL0003", subject.view, ("type",), "value",
                      f"Azure Policy '{applied.definition.name}' failed on this resource: {what}; "
                      "please report this")


def _apply(applied: Applied, subject: Subject, model, policies: PolicySet) -> list:
    if applied.mode == "indexed" and not is_indexed(subject):
        return []
    selected = _resource_selectors(applied, subject)
    if selected is False:
        return []
    env = Env(subject, applied)
    outcome = applied.compiled.condition.evaluate(env)
    stats = policies.stats
    if outcome.state is False:
        stats["false"] += 1
        return []
    stats["true" if outcome.state else "undetermined"] += 1
    reasons = list(outcome.reasons)
    if selected is None:
        reasons.append("the assignment's resource selectors depend on the resource's location")
    assignment = applied.unit.assignment
    if assignment is not None and assignment.not_scopes:
        reasons.append(f"the assignment excludes {len(assignment.not_scopes)} scope(s) "
                       "(notScopes), and the scope this template is deployed to is not known")
    effect = applied.effect
    if isinstance(effect, Unknown):
        reasons.append(f"the effect {effect.text and '[' + effect.text + ']'} "
                       f"{effect.reason or 'is not known'}")
    if outcome.state is None or reasons:
        return _undetermined(applied, subject, policies, reasons)
    if effect in CHANGE_EFFECTS:
        return _changes(applied, subject, env, outcome)
    if effect in EXISTENCE_EFFECTS:
        return _existence(applied, subject, env, model, policies)
    return [_finding(applied, subject, outcome.evidence, effect)]


def _undetermined(applied: Applied, subject: Subject, policies: PolicySet, reasons: list) -> list:
    if not policies.show_undetermined:
        return []
    unique = list(dict.fromkeys(r for r in reasons if r))
    shown = "; ".join(unique[:3]) + (f"; and {len(unique) - 3} more" if len(unique) > 3 else "")
    message = f"{applied.definition.display_name}: undetermined: {shown or 'unknown values'}"
    return [_raw(applied, subject, message + _assignment_note(applied), level="none",
                 kind="open")]


def _assignment_note(applied: Applied) -> str:
    a = applied.unit.assignment
    return f" (assignment '{a.name}')" if a is not None else ""


def _rank(ev: Evidence) -> int:
    """Lower is better. Policies write their filters first and the violation last, so among
    equals the last wins: a property (alias) the policy checks, there or absent; else a special
    field other than type; else a count, a value, the type."""
    if ev.kind == "value":
        return 4
    if ev.kind == "count":
        return 3 if ev.origin is not None else 5
    if ev.field.lower() == "type":
        return 9
    if "/" not in ev.field:  # special fields (tags, location, name, identity): often exclusions
        return 2
    if "[*]" in ev.field and ev.value is None and ev.origin is None:
        return 2  # an array with no members, which holds a [*] condition only vacuously
    if ev.field.lower().endswith((".name", "/name")):
        return 2  # names select what a policy applies to (exclusion lists), rarely the fault
    return 1


def primary(evidence: tuple) -> Evidence | None:
    """The evidence a finding points at (see _rank)."""
    best = None
    best_rank = 99
    for ev in evidence:
        rank = _rank(ev)
        if rank <= best_rank:
            best, best_rank = ev, rank
    return best


def _finding(applied: Applied, subject: Subject, evidence: tuple, effect: str,
             prefix: str = "", origin_override=None) -> Any:
    ev = primary(evidence)
    assignment = applied.unit.assignment
    words = detail(ev) if ev is not None else "the resource matches the policy's condition"
    custom = assignment.message_for(applied.unit.reference_id) if assignment else None
    head = applied.definition.display_name
    if custom:
        mode = "must" if assignment.enforced else "should"
        head = custom.replace("{enforcementMode}", mode)
    message = f"{head}: {prefix}{words}{_assignment_note(applied)}"
    level = None
    if effect == "deny" and assignment is not None and not assignment.enforced:
        level = "warning"
        message += " (not enforced: the assignment's enforcementMode is DoNotEnforce)"
    elif effect in ("deny", "audit", "auditifnotexists", "deployifnotexists", "modify", "append"):
        from .rules import EFFECT_LEVELS
        level = EFFECT_LEVELS[effect]
    origin = origin_override or (ev.origin if ev is not None else None)
    return _raw(applied, subject, message, origin=origin, level=level)


def _resource_selectors(applied: Applied, subject: Subject) -> bool | None:
    """Whether the assignment's resourceSelectors take this resource (None: unknown)."""
    assignment = applied.unit.assignment
    if assignment is None or not assignment.resource_selectors:
        return True
    unknown = False
    for group in assignment.resource_selectors:
        if not isinstance(group, dict):
            continue
        verdict: bool | None = True
        for sel in group.get("selectors") or []:
            one = _one_selector(sel, subject)
            if one is False:
                verdict = False
                break
            if one is None:
                verdict = None
        if verdict is True:
            return True
        if verdict is None:
            unknown = True
    return None if unknown else False


def _one_selector(sel: Any, subject: Subject) -> bool | None:
    if not isinstance(sel, dict):
        return True
    kind = str(sel.get("kind", "")).lower()
    listed = sel.get("in") if "in" in sel else sel.get("notIn")
    listed = [str(x).replace(" ", "").lower() for x in listed or []]
    positive = "in" in sel
    if kind == "resourcetype":
        value = subject.type_key
    elif kind in ("resourcelocation", "resourcewithoutlocation"):
        loc = subject.view.get("location")
        if kind == "resourcewithoutlocation":
            value = "true" if loc is None else "false"
        elif isinstance(loc, Unknown):
            return None
        else:
            value = str(loc or "").replace(" ", "").lower()
    else:
        return True
    return (value in listed) == positive


# --- modify and append -----------------------------------------------------------------------

def _changes(applied: Applied, subject: Subject, env: Env, outcome: Outcome) -> list:
    parts = []
    for op in applied.compiled.operations:
        if op is None:
            continue
        operation, target, value, condition = op
        if condition is not None:
            holds = condition.evaluate(env)
            if holds is False or (isinstance(holds, str) and holds.lower() == "false"):
                continue
        name = target.text if isinstance(target, FieldSpec) else show(target.evaluate(env))
        verb = operation.lower()
        if verb == "remove":
            parts.append(f"remove {name}")
            continue
        shown = show(value.evaluate(env)) if value is not None else "a value"
        parts.append({"add": f"add {name} = {shown} (if absent)",
                      "append": f"append {shown} to {name}"}.get(verb, f"set {name} = {shown}"))
    what = "; ".join(parts) if parts else "change the resource"
    effect = applied.effect
    words = f"Azure would {what} when deploying it ({effect})"
    assignment = applied.unit.assignment
    if assignment is not None and not assignment.enforced:
        words = f"the policy would {what} ({effect}), but its assignment does not enforce it " \
                "(DoNotEnforce): Azure reports the resource as non-compliant instead"
    ev = primary(outcome.evidence)
    return [_raw(applied, subject,
                 f"{applied.definition.display_name}: {words}{_assignment_note(applied)}",
                 origin=ev.origin if ev is not None else None, level="note")]


# --- auditIfNotExists and deployIfNotExists --------------------------------------------------

def _existence(applied: Applied, subject: Subject, env: Env, model,
               policies: PolicySet) -> list:
    compiled = applied.compiled
    rtype = compiled.related_type.evaluate(env) if compiled.related_type is not None else None
    if not isinstance(rtype, str) or isinstance(rtype, Unknown):
        return _undetermined(applied, subject, policies,
                             ["the related resource type (details.type) is not known"])
    name = compiled.related_name.evaluate(env) if compiled.related_name is not None else None
    wanted = None  # the related resource's name, when the policy names one
    if isinstance(name, str) and not isinstance(name, Unknown) and \
            name != "?" and not name.endswith("/?"):  # '?': every nested resource
        wanted = name.lower()
    details = compiled.details if isinstance(compiled.details, dict) else {}
    candidates, relation = _related(subject, rtype, model, wanted,
                                    "resourceGroupName" in details)
    if wanted is not None:
        candidates = [c for c in candidates if _named(c, wanted)]
    reasons: list = []
    failed: list = []
    for cand in candidates:
        if compiled.existence is None:
            return []  # any related resource satisfies the effect
        other = Subject(cand)
        outcome = compiled.existence.evaluate(Env(other, applied, (), subject))
        if outcome.state is True:
            return []
        if outcome.state is None:
            reasons.extend(outcome.reasons)
        else:
            failed.append((cand, other, outcome))
    effect = applied.effect
    # decided only when the policy names the one related resource and this template writes it
    if failed and wanted is not None and relation != "elsewhere" and not reasons:
        cand, other, outcome = failed[0]
        enforced = applied.unit.assignment is None or applied.unit.assignment.enforced
        what = "Azure would deploy the remediation" if effect == "deployifnotexists" and \
            enforced else "the resource is non-compliant"
        which = "itself" if relation == "self" else f"the {rtype} '{_last_name(cand)}' this " \
                                                    "template deploys"
        prefix = f"{which} does not meet the policy's existence condition ({what}): "
        finding = _finding(applied, subject, outcome.evidence, effect, prefix=prefix,
                           origin_override=_origin_in(other, outcome))
        return [finding]
    if not reasons:
        shown = f" named {show(name)}" if wanted is not None else ""
        if candidates:
            reasons.append(f"the {rtype}{shown} this template deploys does not meet the "
                           "existence condition, and another one could exist outside the template")
        else:
            reasons.append(f"this template deploys no {rtype}{shown} for it; one could exist "
                           "outside the template")
    return _undetermined(applied, subject, policies, reasons)


def _named(res, wanted: str) -> bool:
    """Whether a resource has the name a policy's details.name gives: its full name when that
    has segments (parent/child), else its own (last) segment."""
    if "/" in wanted:
        full = res.name
        return isinstance(full, str) and not isinstance(full, Unknown) and full.lower() == wanted
    return _last_name(res) == wanted


def _origin_in(subject: Subject, outcome: Outcome):
    ev = primary(outcome.evidence)
    if ev is not None and ev.origin is not None:
        return ev.origin
    return None


def _last_name(res) -> str:
    name = res.name
    if isinstance(name, Unknown) and not hasattr(name, "parts"):
        return ""
    if hasattr(name, "parts"):
        last = name.split("/")[-1]
        return "".join(p for p in last if isinstance(p, str)).lower() \
            if all(isinstance(p, str) for p in last) else ""
    return str(name).rsplit("/", 1)[-1].lower()


def _related(subject: Subject, rtype: str, model, wanted: str | None,
             other_group: bool) -> tuple[list, str]:
    """Resources of `rtype` this deployment creates that can be the related resource, and how
    they relate: 'self' (the policy names the evaluated resource itself), 'child', 'extension'
    (its `scope` is the resource) or 'elsewhere' (the same deployment; not known to be the one
    Azure would find)."""
    low = rtype.lower()
    res = subject.res
    if low == subject.type_key and wanted is not None and _named(res, wanted):
        return [res], "self"
    if low.startswith(subject.type_key + "/"):
        found = [c for c in res.children if c.deployed and c.type_key == low]
        return found, "child"
    if other_group:  # details.resourceGroupName: another resource group than this deployment's
        return [], "elsewhere"
    last = low.rsplit("/", 1)[-1]
    found = [a for a in res.attached if a.deployed and a.type_key == low]
    found += [c for c in res.children if c.deployed and
              c.type_key == f"{subject.type_key}/providers/{last}"]
    if found:
        return found, "extension"
    elsewhere = [r for r in model.resources if r.deployed and r.type_key == low]
    return elsewhere, "elsewhere"


__all__ = ["Applied", "Compiled", "PolicySet", "compile_definition", "evaluate", "primary",
           "Const"]
