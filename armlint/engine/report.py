"""How a Python rule reports a finding: at a context path, at a source origin, or at a node.

Owns: `Report`, the one object a check function reports through, and its translation into
`RawFinding`s (where, and the message with the rule's values inserted). A rule never computes a
position: it names what is wrong (a path in its item's context, the `Origin` of a raw value, a
Bicep syntax node, a node of an ARM expression) and `engine/locate.py` finds the span. Only rules
about raw text (a host name inside a string, a parse error at a character) give a span of the
text, with `at_text`.

Every report may give `message` (another template of the rule, instead of its YAML message),
`level` (a milder case of the rule's problem; a configured level still wins) and the message's
values as keywords; the names a rule binds are declared in its YAML `bind` list, and a value it
does not declare, or a placeholder it leaves without a value, is an error of the rule (AL0003),
which the meta-tests catch, never text the user sees.
"""
from __future__ import annotations

from ..expr.values import Origin
from .messages import render

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any
    from .catalogue import Rule
    from .items import Context
    from .run import RawFinding


class UndeclaredValue(KeyError):
    """A Python rule gave a message value that its rule file does not declare in `bind`."""

    def __str__(self) -> str:
        return self.args[0]


class Report:
    """Collects the findings of one rule over the items it is handed (see the module docstring).
    The engine points `ctx` at the item being checked."""

    __slots__ = ("rule", "ctx", "found", "texts", "_item", "_since")

    def __init__(self, rule: "Rule", ctx: "Context | None" = None):
        self.rule = rule
        self.ctx = ctx
        self.found: list["RawFinding"] = []
        self.texts: dict = {}  # equal messages share one string (run.shared)
        # the item of the last finding and where its findings start in `found`: noted when a
        # finding is made (few are), not for each item (thousands)
        self._item: Any = None
        self._since = 0

    def drop_item(self) -> None:
        """Forget what was reported on the item the context points at (its check failed)."""
        if self._item is not None and self._item is self.ctx.item:
            del self.found[self._since:]
            self._item = None

    def at_path(self, *paths: str, part: str = "value", message: str | None = None,
                level: str | None = None, **values: Any) -> None:
        """At the first of `paths` (in the item's JMESPath context: `resource.properties.x`,
        `raw.defaultValue`) that exists, else at the nearest existing part of the first."""
        self._add(self.ctx.anchor, paths, part, message, level, values)

    def at_origin(self, origin: Origin, part: str = "value", message: str | None = None,
                  level: str | None = None, **values: Any) -> None:
        """At the value (or with part="key", the property name) written at `origin`."""
        finding = self._add(None, (), part, message, level, values)
        finding.origin = origin

    def at_node(self, node: Any, within: Any = None, message: str | None = None,
                level: str | None = None, doc: Any = None, **values: Any) -> None:
        """At a node: a Bicep syntax node of the linted file (its span; with `doc`, of that
        Bicep document instead, such as a .bicepparam file the template is linted with), or a
        node of an ARM expression tree inside the expression string `within` (a
        `model.uses.Expression`; by default the item's own). In a Bicep file, whose lowered
        expressions have no offsets, an expression node is reported on the Bicep value the
        expression came from."""
        expression = within if within is not None else getattr(self.ctx, "expression", None)
        if expression is None or doc is not None:
            finding = self._add(None, (), "value", message, level, values)
            finding.offsets = (doc or self.ctx.model.document, node.start, node.end)
            return
        finding = self._add(None, (), expression.part, message, level, values)
        finding.origin = expression.origin
        if node is not None and not expression.template.is_bicep and node.end > node.start:
            finding.inner = (node.start, node.end)

    def at_text(self, start: int, end: int, inner: tuple | None = None,
                message: str | None = None, level: str | None = None, **values: Any) -> None:
        """At characters `start`..`end` of the linted file's text, for rules whose subject is the
        raw text; with `inner`, at those characters inside the JSON string token at `start`."""
        finding = self._add(None, (), "value", message, level, values)
        finding.offsets = (self.ctx.model.document, start, end)
        finding.inner = inner

    def _add(self, anchor: Any, paths: tuple, part: str, message: str | None,
             level: str | None, values: dict) -> "RawFinding":
        # A finding placed by an origin, a node or offsets has no path to walk: its anchor is
        # None rather than the item's JMESPath context, which a resource's rule would otherwise
        # build (its view, effective values, settings) only to report at an origin.
        from .run import RawFinding, shared
        rule = self.rule
        undeclared = [k for k in values if k not in rule.bound]
        if undeclared:
            raise UndeclaredValue(f"the check binds {', '.join(undeclared)}, which the rule file "
                                  f"does not list in `bind`")
        text = shared(self.texts, render(message or rule.message, self.ctx.message_values(values)))
        finding = RawFinding(rule, anchor, tuple(paths), part, text, level=level)
        if anchor is None:
            finding.item = self.ctx.item_origin
        item = self.ctx.item
        if item is not self._item:
            self._item, self._since = item, len(self.found)
        self.found.append(finding)
        return finding
