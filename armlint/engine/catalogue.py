"""The rule catalogue: compiled rules, looked up and selected by ID, ID prefix or name.

Owns: the `Rule` record the loader builds from a YAML file (and the `Default` records of its
`defaults:`, evaluated by defaults.py), and `Catalogue` selection semantics
(`--select`/`--ignore`): a selector is `ALL`, an exact ID (`AL5001`), an ID prefix (`AL5`, `AL50`),
a rule name (`extensions-without-vm-agent`) or a tag (`tag:security`, `tag:storage`, `tag:mcsb:NS-2`). Without `--select` the enabled rules run; rules
with `enabled: false` (off by default, as some Bicep linter rules are) run only when a selector
or the configuration names them; `enabled_bicep: false` makes a rule off by default in Bicep files
only (its Bicep linter peer is off by default there, its ARM peer on in JSON).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..source.lazy import cached
from ..source.record import Record

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any

HELP_URI = "https://github.com/armlint/armlint/blob/main/docs/rules/{id}.md"


class Default(Record):
    """A setting's platform default: where it is read and what it is when absent (by API version)."""
    __slots__ = _fields = ("name", "value", "absent", "setting", "source", "note", "api_version")

    def __init__(self, name: str, value: Any, absent: tuple, setting: str, source: str = "",
                 note: str = "", api_version: Any = None):
        self.name = name
        self.value = value  # the compiled JMESPath expression of where the setting is read
        self.absent = absent  # ((api_before or None, value), ...): the first that applies wins
        self.setting = setting  # how the rule page names the setting
        self.source = source
        self.note = note
        # a compiled expression: whose API version decides (default: the item's)
        self.api_version = api_version


class Rule:
    """A rule as its file defines it, ready to run (expressions compiled on first use). Rules are
    equal only to themselves."""

    def __init__(self, id: str, name: str, title: str, level: str, scope_kind: str,
                 message: str, docs: dict, source: Path, enabled: bool = True,
                 enabled_bicep: bool = True, resource_types: tuple = (),
                 include_existing: bool = False, include_not_deployed: bool = False,
                 include_stand_ins: bool = False, languages: tuple = ("json", "bicep"),
                 implementation: str = "jmespath", module: str | None = None, let: tuple = (),
                 defaults: tuple = (), where: Any = None, each: Any = None,
                 violation: Any = None, report_at: tuple = (), report_part: str = "value",
                 bind: tuple = (), bound: tuple = (), equivalents: tuple = (),
                 options: dict | None = None, option_docs: dict | None = None, tags: tuple = (),
                 builtin: bool = True, templates: str = "all", functions: tuple = (),
                 nodes: tuple = (), fix: dict | None = None, _check: Any = None):
        self.id = id
        self.name = name
        self.title = title
        self.level = level
        self.scope_kind = scope_kind
        self.message = message
        self.docs = docs
        self.source = source
        self.enabled = enabled
        # False: off by default in Bicep files only (Bicep's own default)
        self.enabled_bicep = enabled_bicep
        self.resource_types = resource_types
        self.include_existing = include_existing
        self.include_not_deployed = include_not_deployed
        # also visit stand-ins for parents deployed elsewhere
        self.include_stand_ins = include_stand_ins
        self.languages = languages
        self.implementation = implementation
        self.module = module
        self.let = let  # ((name, Expression), ...)
        self.defaults = defaults  # (Default, ...): settings and the provider's default values
        self.where = where
        self.each = each
        self.violation = violation
        self.report_at = report_at
        self.report_part = report_part
        self.bind = bind  # JMESPath rules: ((name, Expression), ...)
        # the names a message may use besides messages.STANDARD (every rule)
        self.bound = bound
        self.equivalents = equivalents
        self.options = {} if options is None else options  # name -> default
        self.option_docs = {} if option_docs is None else option_docs  # name -> description
        self.tags = tags
        self.builtin = builtin
        self.templates = templates  # all | own | declaring | inner: whose items (engine/items.py)
        # expressions: only those naming one of these, of templates calling one (lower case)
        self.functions = functions
        self.nodes = nodes  # bicep: the syntax classes whose nodes the rule is handed
        # the quick fix editors offer (`fix:` in rule.schema.json), or None
        self.fix = fix
        self._check = _check

    def __repr__(self) -> str:
        return f"Rule(id={self.id!r}, name={self.name!r})"

    @cached
    def docs(self) -> dict:
        """A rule read from the catalogue cache reads its docs when first asked for (loader.py);
        a rule made from its file has them from the start."""
        source = self.__dict__.get("docs_source")
        if source is None:
            raise AttributeError("'Rule' object has no attribute 'docs'")
        return source(self)

    @property
    def source_text(self) -> str:
        """`str(source)`, without completing a rule read from the catalogue cache."""
        text = self.__dict__.get("_source_text")
        return text if text is not None else str(self.source)

    @cached
    def type_keys(self) -> tuple:
        return tuple(t.lower() for t in self.resource_types)

    @cached
    def plan(self) -> Any:
        """What the engine reads of the rule in each file (engine/items.py `Plan`)."""
        from .items import Plan
        return Plan(self)

    @cached
    def default_options(self) -> Any:
        """The rule's options as a rule reads them (an Obj), for a run whose configuration gives
        it none: one object for the run (rules only read it)."""
        from ..expr.values import Obj
        return Obj(self.options)

    @property
    def help_uri(self) -> str:
        return HELP_URI.format(id=self.id)

    @property
    def category(self) -> str:
        """The category digit of a built-in ID (AL5001 -> 5); a custom prefix's own letters."""
        letters = self.id.rstrip("0123456789")
        return self.id[2] if letters == "AL" else letters

    @cached
    def node_classes(self) -> tuple:
        """The Bicep syntax classes named in `nodes` (imported only when a Bicep rule runs)."""
        from ..bicep import syntax
        return tuple(getattr(syntax, name) for name in self.nodes)

    def check_function(self):
        """The `check` function of a Python rule (imported on first use)."""
        if self._check is None:
            import importlib
            module = importlib.import_module(f"armlint.checks.{self.module}")
            self._check = module.check
        return self._check


class PendingRule(Rule):
    """A rule read from the catalogue cache: it holds what choosing and reporting rules needs;
    the rest (expressions, defaults, options) is made when first asked for (loader.py), and the
    rule is then a plain `Rule`. Rule itself defines no `__getattr__`: a class with one has no
    specialised attribute reads in Python 3.11 (each read of a rule's field went through the
    hook, ~3x a plain read), and the engine reads rules' fields per item."""

    def __getattr__(self, name: str):
        complete = self.__dict__.pop("complete", None)
        if complete is None:
            raise AttributeError(f"'Rule' object has no attribute '{name}'")
        complete(self)
        self.__class__ = Rule
        return getattr(self, name)


RULE_FILE_TYPES = (Rule, PendingRule)  # rules made from a rule file (not Azure Policy's)


_ID_PREFIX = re.compile(r"[A-Z]{2,10}[0-9]*")
_UNSEEN = object()


def is_id_prefix(selector: str, rule_id: str) -> bool:
    """`AL5` or `ORG` selects the rules whose ID starts with it (letters, then optional digits)."""
    up = selector.strip().upper()
    return bool(_ID_PREFIX.fullmatch(up)) and rule_id.startswith(up)


class SelectorError(Exception):
    pass


class Catalogue:
    def __init__(self, rules: list[Rule]):
        self.rules = sorted(rules, key=lambda r: r.id)
        self.by_id = {r.id.upper(): r for r in self.rules}
        self.by_name = {r.name.lower(): r for r in self.rules}
        self._selectors: dict = {}  # selector -> its test (selector_test)

    def find(self, key: str) -> Rule | None:
        return self.by_id.get(key.upper()) or self.by_name.get(key.lower())

    def selector_test(self, selector: str):
        """What a suppression's selector names, as a test of a rule ID: a rule (ID or name), the
        rules of a Bicep linter rule name (`no-unused-params`, `bicep:...`), or an ID prefix;
        None when it names no rule. Found once per selector (every finding of a file is tried
        against every directive's selectors)."""
        found = self._selectors.get(selector, _UNSEEN)
        if found is _UNSEEN:
            found = self._selectors[selector] = self._selector_test(selector)
        return found

    def _selector_test(self, selector: str):
        sel = selector.strip()
        rule = self.find(sel)
        if rule is not None:
            return rule.id.__eq__
        low = sel.lower()
        named = frozenset(r.id for r in self.rules if any(e.lower() in (f"bicep:{low}", low)
                                                          for e in r.equivalents))
        if named:
            return named.__contains__
        if any(is_id_prefix(sel, r.id) for r in self.rules):
            return lambda rule_id: is_id_prefix(sel, rule_id)
        return None

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names; raises SelectorError for a selector that names nothing."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return list(self.rules)
        if sel[:4].lower() == "tag:":
            tag = sel[4:].strip().lower()
            found = [r for r in self.rules if tag in (t.lower() for t in r.tags)]
            if found:
                return found
            raise SelectorError(f"'{selector}': no rule has the tag '{sel[4:].strip()}' "
                                f"(see 'armlint rules')")
        rule = self.find(sel)
        if rule is not None:
            return [rule]
        found = [r for r in self.rules if is_id_prefix(sel, r.id)]
        if found:
            return found
        raise SelectorError(f"'{selector}' is not a rule ID, ID prefix, rule name or tag:NAME "
                            f"(see 'armlint rules')")

    def select(self, select: list[str] | None = None, ignore: list[str] | None = None,
               enable: list[str] | None = None, language: str | None = None) -> list[Rule]:
        """The rules to run. `select` replaces the default set (for a file of `language`, when
        given); `enable` adds to it."""
        if select:
            chosen: dict[str, Rule] = {}
            for sel in select:
                for r in self.matching(sel):
                    chosen[r.id] = r
        else:
            chosen = {r.id: r for r in self.rules
                      if r.enabled and (language != "bicep" or r.enabled_bicep)}
        for sel in enable or ():
            for r in self.matching(sel):
                chosen[r.id] = r
        for sel in ignore or ():
            for r in self.matching(sel):
                chosen.pop(r.id, None)
        return sorted(chosen.values(), key=lambda r: r.id)

