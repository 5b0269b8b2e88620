"""Run the selected rules over one file's model.

Owns: choosing the items each rule applies to (resources indexed by type, so a rule only visits
its types; templates; declarations; the parameter file), evaluating `let`, `where`, `each`,
`violation` and `bind` over the item's context (see contexts.py), calling Python rules, and
turning what fires into `RawFinding`s. A rule that raises becomes one AL0003 finding; the other
rules still run.
"""
from __future__ import annotations

import fnmatch
import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..expr.values import Obj, Origin
from ..model.template import Model, Resource
from ..model.views import display_name
from .catalogue import Rule
from .contexts import Contexts
from .defaults import bind_defaults
from .items import typed_items
from .jmes import truthy
from .messages import render
from .report import Report


@dataclass(slots=True)
class Hit:
    """What a Python rule reports: where (context paths, or an origin) and the message values."""

    at: Any  # a context path string, a list of them, a source `Origin`, or (doc, start, end)
    bind: dict = field(default_factory=dict)
    part: str = "value"
    message: str | None = None  # overrides the rule's message template when given
    inner: tuple | None = None  # with an Origin of a string: (start, end) characters inside it
    level: str | None = None  # a milder case of the rule's problem; a configured level still wins


RULE_CRASH = "AL0003"


class UndeclaredValue(KeyError):
    """A Python rule gave a message value that its rule file does not declare in `bind`."""

    def __str__(self) -> str:
        return self.args[0]


@dataclass(slots=True)
class RawFinding:
    rule: Rule | str  # a Rule, or the ID of a tool rule (parse error, rule crash...)
    anchor: Any  # the context the paths start from
    paths: tuple  # context paths, tried in order (first that exists)
    part: str
    message: str
    origin: Any = None  # a direct source origin (wins over paths)
    offsets: tuple | None = None  # (doc, start, end) for findings about raw text
    inner: tuple | None = None  # (start, end) inside the string at `origin`
    level: str | None = None
    kind: str = "fail"  # SARIF result kind: "open" for an undetermined Azure Policy result


@dataclass
class RunOptions:
    rule_options: dict = field(default_factory=dict)  # rule id -> {option: value}
    levels: dict = field(default_factory=dict)  # rule id -> level override


def run_rules(model: Model, rules: list[Rule], options: RunOptions | None = None) -> list[RawFinding]:
    options = options or RunOptions()
    contexts = Contexts(model)
    by_type: dict[str, list[Resource]] = {}
    for res in model.resources:
        by_type.setdefault(res.type_key, []).append(res)
    findings: list[RawFinding] = []
    for rule in rules:
        if model.language not in rule.languages or rule.implementation == "builtin":
            continue
        if rule.implementation == "python" and _typed(rule):
            findings.extend(_run_typed(rule, model, contexts, by_type, options))
            continue
        for ctx in _items(rule, model, contexts, by_type):
            if rule.implementation == "python":
                findings.extend(_run_python(rule, ctx, options))
            else:
                findings.extend(_run_jmespath(rule, ctx, options))
    return findings


def _typed(rule: Rule) -> bool:
    """A check written against the typed rule API: `check(ctx, report)`."""
    code = getattr(rule.check_function(), "__code__", None)
    return code is not None and code.co_varnames[1:2] == ("report",)


def _run_typed(rule: Rule, model: Model, contexts: Contexts, by_type: dict,
               options: RunOptions) -> list[RawFinding]:
    """A Python rule over its items: the engine hands it each item's typed context; a crash on
    one item is an AL0003 finding there and the rule goes on with the next."""
    merged = dict(rule.options)
    merged.update(options.rule_options.get(rule.id, {}))
    check = rule.check_function()
    report = Report(rule)
    out: list[RawFinding] = []
    for ctx in typed_items(rule, model, contexts, by_type, Obj(merged)):
        report.ctx = ctx
        report.found = []
        try:
            check(ctx, report)
        except Exception as exc:  # a rule must never stop the run
            out.append(_crash(rule, ctx.anchor, exc))
            continue
        out.extend(report.found)
    return out


def _items(rule: Rule, model: Model, contexts: Contexts, by_type: dict) -> Iterable[Any]:
    kind = rule.scope_kind
    if kind == "resources":
        for res in _resources_for(rule, model, by_type):
            yield contexts.resource(res)
        if rule.include_stand_ins:
            for stand in contexts.stand_ins():
                if _type_matches(rule, stand.type_key):
                    yield contexts.stand_in(stand)
    elif kind == "document":
        yield {"model": model}
    elif kind == "template":
        for t in model.templates:
            yield contexts.template(t)
    elif kind in ("parameters", "variables", "outputs"):
        for t in model.templates:
            for decl in getattr(t, kind):
                yield contexts.declaration(t, decl)
    elif kind == "parameter-file":
        ctx = contexts.parameter_file()
        if ctx is not None:
            yield ctx


def _resources_for(rule: Rule, model: Model, by_type: dict) -> Iterable[Resource]:
    if not rule.resource_types:
        candidates: Iterable[Resource] = model.resources
    else:
        candidates = []
        for pattern in rule.type_keys:
            if "*" in pattern or "?" in pattern:
                candidates.extend(r for t, rs in by_type.items() if fnmatch.fnmatchcase(t, pattern)
                                  for r in rs)
            else:
                candidates.extend(by_type.get(pattern, ()))
    for res in candidates:
        if res.existing and not rule.include_existing:
            continue
        if not rule.include_not_deployed and (res.condition is False or res.copy_count == 0):
            continue
        yield res


def _type_matches(rule: Rule, type_key: str) -> bool:
    return not rule.resource_types or any(
        fnmatch.fnmatchcase(type_key, p) if "*" in p or "?" in p else p == type_key
        for p in rule.type_keys)


def _with_options(rule: Rule, ctx: Obj, options: RunOptions) -> Obj:
    scoped = Obj(ctx)
    scoped.origin = None
    merged = dict(rule.options)
    merged.update(options.rule_options.get(rule.id, {}))
    scoped["options"] = Obj(merged)
    return scoped


def _run_jmespath(rule: Rule, ctx: Obj, options: RunOptions) -> list[RawFinding]:
    scoped = _with_options(rule, ctx, options)
    try:
        if rule.defaults:
            bind_defaults(rule.defaults, scoped)
        for name, expr in rule.let:
            scoped[name] = expr.search(scoped)
        if rule.where is not None and not truthy(rule.where.search(scoped)):
            return []
        items = [None]
        if rule.each is not None:
            found = rule.each.search(scoped)
            items = list(found) if isinstance(found, list) else []
        out = []
        for item in items:
            if item is not None:
                scoped["item"] = item
            if not truthy(rule.violation.search(scoped)):
                continue
            values = {name: expr.search(scoped) for name, expr in rule.bind}
            out.append(RawFinding(rule, Obj(scoped), rule.report_at, rule.report_part,
                                  format_message(rule.message, scoped, values)))
        return out
    except Exception as exc:  # a rule must never stop the run
        return [_crash(rule, ctx, exc)]


def _run_python(rule: Rule, ctx: Any, options: RunOptions) -> list[RawFinding]:
    scoped = _with_options(rule, ctx, options) if isinstance(ctx, Obj) else dict(ctx)
    if not isinstance(ctx, Obj):
        scoped["options"] = Obj({**rule.options, **options.rule_options.get(rule.id, {})})
    try:
        out = []
        for hit in rule.check_function()(scoped, rule) or ():
            undeclared = [k for k in hit.bind if k not in rule.bound]
            if undeclared:
                raise UndeclaredValue(f"the check binds {', '.join(undeclared)}, which the rule "
                                      f"file does not list in `bind`")
            message = format_message(hit.message or rule.message, scoped, hit.bind)
            finding = RawFinding(rule, scoped, (), hit.part, message, inner=hit.inner,
                                 level=hit.level)
            if isinstance(hit.at, Origin):
                finding.origin = hit.at
            elif isinstance(hit.at, str):
                finding.paths = (hit.at,)
            elif isinstance(hit.at, list):
                finding.paths = tuple(hit.at)
            else:
                finding.offsets = hit.at  # (doc, start, end)
            out.append(finding)
        return out
    except Exception as exc:
        return [_crash(rule, ctx, exc)]


def _crash(rule: Rule, ctx: Any, exc: Exception) -> RawFinding:
    from .patterns import PatternError
    if isinstance(exc, PatternError):  # the rule's own fault, not armlint's
        return RawFinding(RULE_CRASH, ctx, ("resource",), "value",
                          f"rule {rule.id} ({rule.name}) cannot be used on this item: {exc}")
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    detail = f" ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    message = (f"rule {rule.id} ({rule.name}) failed on this item: {type(exc).__name__}: {exc}"
               f"{detail}; please report this")
    return RawFinding(RULE_CRASH, ctx, ("resource",), "value", message)


def message_values(ctx: Any, values: dict) -> dict[str, str]:
    """The values a message may insert: the standard ones the item's context gives (`name`,
    `type`; see messages.STANDARD) and the rule's own, each shown as text."""
    shown: dict[str, str] = {}
    if isinstance(ctx, dict):
        if "display_name" in ctx or "name" in ctx:
            shown["name"] = ctx.get("display_name") or display_name(ctx.get("name"))
        if "type" in ctx:
            shown["type"] = display_name(ctx.get("type"))
    for k, v in values.items():
        shown[k] = ", ".join(display_name(i) for i in v) if isinstance(v, list) else \
            display_name(v)
    return shown


def format_message(template: str, ctx: Any, values: dict) -> str:
    """The rule's message with the values inserted (never formatted: see messages.py). A
    placeholder without a value raises UnboundPlaceholder, which makes the rule's run on this
    item an AL0003 finding rather than a message showing `{x}`."""
    return render(template, message_values(ctx, values))
