"""Run the selected rules over one file's model.

Owns: running each rule over the items it applies to (resources indexed by type, so a rule only
visits its types; templates; declarations; the parameter file): JMESPath rules evaluate `let`,
`where`, `each`, `violation` and `bind` over the item's context (contexts.py); Python rules are
handed each item's typed context (items.py) and report through `Report` (report.py). What fires
becomes a `RawFinding`. A rule that raises on an item becomes one AL0003 finding there; the other
rules and items still run. The rules of resources run last, a block of resources at a time, so
that only a block's JMESPath contexts are held (`_in_blocks`).
"""
from __future__ import annotations

from ..expr.values import Obj
from ..model.template import Model
from ..model.shown import showing
from ..model.views import display_name
from ..source.record import Record
from .catalogue import Rule
from .defaults import bind_defaults
from .items import (FileItems, Plan, jmespath_items, stand_in_contexts, typed_context,
                    typed_items)
from .jmes import truthy
from .locate import pin
from .messages import render
from .report import Report

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


RULE_CRASH = "AL0003"


class RawFinding:
    """What a rule found, before it is located: the rule (a Rule, or the ID of a tool rule: parse
    error, rule crash...), the message, and where. The context paths (`paths`, tried in order:
    the first that exists) are walked when the finding is made (locate.pin) and the context
    (`anchor`) is not kept: kept until the findings were located, the contexts (a copy per
    finding for a rule with `each`) held 11 MB of a 10 MB template's 33,000 findings. The place
    is held in three slots rather than a tuple and a list (120 bytes a finding). `origin` (a
    direct source origin) wins over the paths; `offsets` is (doc, start, end) for findings about
    raw text; `inner` (start, end) inside the string at `origin`; `kind` the SARIF result kind
    ("open" for an undetermined Azure Policy result); `item` the Origin of the resource the rule
    was looking at."""

    __slots__ = ("rule", "part", "message", "origin", "offsets", "inner", "level", "kind",
                 "item", "_at", "_trail", "_at_part")
    anchor = None  # never kept (see above)

    def __init__(self, rule: Rule | str, anchor: Any, paths: tuple, part: str, message: str,
                 origin: Any = None, offsets: tuple | None = None, inner: tuple | None = None,
                 level: str | None = None, kind: str = "fail"):
        self.rule = rule
        self.part = part
        self.message = message
        self.origin = origin
        self.offsets = offsets
        self.inner = inner
        self.level = level
        self.kind = kind
        place = pin(anchor, paths, part)
        if place is None:
            self._at = self._trail = self._at_part = None
        else:
            self._at, trail, self._at_part = place
            self._trail = tuple(trail) if trail else ()
        resource = anchor.get("resource") if isinstance(anchor, dict) else None
        self.item = getattr(resource, "origin", None)

    @property
    def place(self) -> tuple | None:
        """Where `paths` lead (locate.pin), worked out when the finding was made."""
        return None if self._at is None else (self._at, self._trail, self._at_part)


class RunOptions(Record):
    __slots__ = _fields = ("rule_options", "levels")
    __hash__ = None  # type: ignore[assignment]  (it can change)

    def __init__(self, rule_options: dict | None = None, levels: dict | None = None):
        # rule id -> {option: value}, rule id -> level override
        self.rule_options = {} if rule_options is None else rule_options
        self.levels = {} if levels is None else levels


def run_rules(model: Model, rules: list[Rule], options: RunOptions | None = None) -> list[RawFinding]:
    """The raw findings of `rules` on the model, rule by rule (each rule's in the order of its
    items). The rules of resources run after the others, a block of resources at a time
    (`_in_blocks`)."""
    options = options or RunOptions()
    items = FileItems(model)
    found: list[list[RawFinding]] = []  # each rule's findings, in the order of the rules
    judges: list[_Judge] = []
    language = model.language
    with showing(model):  # messages show unknown values as the file's language writes them
        for rule in rules:
            plan = rule.plan
            if language not in plan.languages or plan.implementation == "builtin":
                continue
            if plan.implementation == "python":
                field, its = typed_items(rule, plan, items)
                if not its:
                    continue
                if field != "resource":
                    report = Report(rule, typed_context(field, items, plan, _options(rule, options)))
                    _check_each(field, rule.check_function(), report, its)
                    if report.found:
                        found.append(report.found)
                    continue
                judge = _Judge(rule, plan, field, its, items, options)
            elif plan.kind == "resources":
                its = items.resources(plan)
                if not its and not rule.include_stand_ins:
                    continue  # a rule with no item in the file costs no more
                judge = _Judge(rule, plan, "", its, items, options)
            else:
                rule_options = None  # read at its first item: a rule with none is not made whole
                texts: dict = {}
                out: list[RawFinding] = []
                for ctx in jmespath_items(rule, items):
                    if rule_options is None:
                        rule_options = _options(rule, options)
                    out.extend(_run_jmespath(rule, ctx, rule_options, texts))
                if out:
                    found.append(out)
                continue
            judges.append(judge)
            found.append(judge.found)  # filled by _in_blocks
        if judges:
            _in_blocks(items, judges)
    return [f for one in found for f in one]


BLOCK = 256  # resources whose JMESPath contexts are held at a time


def _in_blocks(items: FileItems, judges: list[_Judge]) -> None:
    """The rules of resources, rule by rule over a block of BLOCK resources (of the model's
    order), then over the next: each rule judges its resources in its own order, and once a
    block is done the JMESPath contexts of its resources, and their views, are dropped. Made
    for a resource when a rule first asks and kept for every rule until the last, the contexts
    of a large template (with what they hold: summaries, settings, effective values) took about
    its size again. A file of one block runs each rule over all its resources at once. A rule whose
    resources do not come in the model's order (several types: type by type) judges each in
    the first block whose end lies past every resource before it in its order."""
    contexts = items.contexts
    copies = [one for res in items.model.resources for one in res.copies] \
        if len(items.model.resources) > BLOCK else []
    if len(copies) <= BLOCK:
        for judge in judges:
            judge.judge(judge.resources)
            if judge.rule.include_stand_ins:
                judge.finish()
        return
    position = {id(one): i for i, one in enumerate(copies)}
    cuts: dict[int, list[int]] = {}  # filter number -> where each block's part of its list ends
    for judge in judges:
        number = judge.plan.filter_number
        if number not in cuts:
            cuts[number] = _cuts(judge.resources, position, len(copies))
    for block in range(-(-len(copies) // BLOCK)):
        for judge in judges:
            ends = cuts[judge.plan.filter_number]
            first = ends[block - 1] if block else 0
            if ends[block] > first:
                judge.judge(judge.resources[first:ends[block]])
        contexts.forget_resources()
        # and what the block's resources derived for them (their views: 0.6 times the size of
        # a large template when kept for all); the view of a resource of an earlier block that
        # a later one asks for (a parent's, through its summary) goes with the model
        # (Model.release, once the rules are done)
        for one in copies[block * BLOCK:(block + 1) * BLOCK]:
            one.forget_view()
    for judge in judges:
        if judge.rule.include_stand_ins:
            judge.finish()


def _cuts(resources: list, position: dict, count: int) -> list[int]:
    """For each block of BLOCK positions, the index in `resources` its part ends at: the first
    resource from there (in the list's order) that lies in a later block (see `_in_blocks`)."""
    ends = []
    i = 0
    for limit in range(BLOCK, count + BLOCK, BLOCK):
        while i < len(resources) and position[id(resources[i])] < limit:
            i += 1
        ends.append(i)
    ends[-1] = len(resources)
    return ends


class _Judge:
    """A rule's run over its items in a file (Python: its one context pointed at each item in
    turn; JMESPath: the item's context), given all at once or a part at a time (`judge`):
    its findings so far in `found`, its stand-ins judged after the resources (`finish`)."""

    __slots__ = ("rule", "plan", "field", "resources", "items", "options", "check", "report",
                 "texts", "found")

    def __init__(self, rule: Rule, plan: Plan, field: str, resources: list, items: FileItems,
                 options: RunOptions):
        self.rule = rule
        self.plan = plan
        self.field = field  # the field of a Python rule's context; "" for a JMESPath rule
        self.resources = resources
        self.items = items
        self.options = _options(rule, options)
        if field:
            self.check = rule.check_function()
            self.report = Report(rule, typed_context(field, items, plan, self.options))
            self.found = self.report.found
        else:
            self.texts: dict = {}
            self.found: list[RawFinding] = []

    def judge(self, resources: list) -> None:
        """The rule over these resources (of its own, in its order)."""
        if not self.field:
            rule, contexts, options, texts = self.rule, self.items.contexts, self.options, \
                self.texts
            out = self.found
            for res in resources:
                out.extend(_run_jmespath(rule, contexts.resource(res), options, texts))
            return
        _check_each(self.field, self.check, self.report, resources)

    def finish(self) -> None:
        """What a JMESPath rule of resources visits after them: the stand-ins."""
        if not self.field:  # (a Python rule's scope has no stand-ins)
            for ctx in stand_in_contexts(self.rule, self.items):
                self.found.extend(_run_jmespath(self.rule, ctx, self.options, self.texts))


def _check_each(field: str, check, report: Report, items: list) -> None:
    """A Python rule's check over items, its context's `field` pointed at each in turn (a crash
    on one item is an AL0003 finding there, and the rule goes on with the next)."""
    ctx = report.ctx
    # One loop per field that has thousands of items in a file: an attribute store costs a
    # third of what setattr() does per item.
    if field == "resource":
        for item in items:
            ctx.resource = item
            try:
                check(ctx, report)
            except Exception as exc:  # a rule must never stop the run
                _failed(report, exc)
    elif field == "declaration":
        for item in items:
            ctx.declaration = item
            try:
                check(ctx, report)
            except Exception as exc:
                _failed(report, exc)
    elif field == "expression":
        for item in items:
            ctx.expression = item
            try:
                check(ctx, report)
            except Exception as exc:
                _failed(report, exc)
    elif field == "node":
        for item in items:
            ctx.node = item
            try:
                check(ctx, report)
            except Exception as exc:
                _failed(report, exc)
    else:
        for item in items:
            setattr(ctx, field, item)
            try:
                check(ctx, report)
            except Exception as exc:
                _failed(report, exc)


def _failed(report: Report, exc: Exception) -> None:
    """A rule's check raised on the item its context points at: what it reported on the item
    before it failed is dropped, and an AL0003 finding takes its place."""
    report.drop_item()
    report.found.append(_crash(report.rule, report.ctx.anchor, exc))


def _options(rule: Rule, options: RunOptions) -> Obj:
    """The rule's options: its defaults with the configuration's values merged in (one object
    for all the items of a file; rules only read it). A rule the configuration gives no options
    has one object of its defaults for the run (`Rule.default_options`)."""
    configured = options.rule_options.get(rule.id)
    if not configured:
        return rule.default_options
    merged = dict(rule.options)
    merged.update(configured)
    return Obj(merged)


def _run_jmespath(rule: Rule, ctx: Obj, rule_options: Obj,
                  texts: dict | None = None) -> list[RawFinding]:
    scoped = Obj(ctx)
    scoped.origin = None
    scoped["options"] = rule_options
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
            # the context as it is now: a copy only when the next item changes it (a copy each
            # took 1.4 times the size of a large template with many findings)
            anchor = Obj(scoped) if rule.each is not None else scoped
            text = format_message(rule.message, scoped, values)
            out.append(RawFinding(rule, anchor, rule.report_at, rule.report_part,
                                  shared(texts, text) if texts is not None else text))
        return out
    except Exception as exc:  # a rule must never stop the run
        return [_crash(rule, ctx, exc)]


def _crash(rule: Rule, ctx: Any, exc: Exception) -> RawFinding:
    from .patterns import PatternError
    if isinstance(exc, PatternError):  # the rule's own fault, not armlint's
        return RawFinding(RULE_CRASH, ctx, ("resource",), "value",
                          f"rule {rule.id} ({rule.name}) cannot be used on this item: {exc}")
    import traceback  # here: a rule crash is rare, the module costs start-up (issue 12)
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    detail = f" ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    message = (f"rule {rule.id} ({rule.name}) failed on this item: {type(exc).__name__}: {exc}"
               f"{detail}; please report this")
    return RawFinding(RULE_CRASH, ctx, ("resource",), "value", message)


SHARED_TEXTS = 256  # distinct messages of one rule's run shared (a rule's first ones)


def shared(texts: dict, text: str) -> str:
    """One string for equal messages of a rule's run in a file (`texts`, the rule's table):
    a rule whose message does not name the item gave a copy per item (2.2 MB of the 10 MB bench
    template's findings). Only the first SHARED_TEXTS distinct ones are kept in the table."""
    found = texts.get(text)
    if found is not None:
        return found
    if len(texts) < SHARED_TEXTS:
        texts[text] = text
    return text


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
