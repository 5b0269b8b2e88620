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

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HELP_URI = "https://github.com/armlint/armlint/blob/main/docs/rules/{id}.md"


@dataclass(frozen=True)
class Default:
    """A setting's platform default: where it is read and what it is when absent (by API version)."""
    name: str
    value: Any  # the compiled JMESPath expression of where the setting is read
    absent: tuple  # ((api_before or None, value), ...): the first that applies wins
    setting: str  # how the rule page names the setting
    source: str = ""
    note: str = ""
    api_version: Any = None  # a compiled expression: whose API version decides (default: the item's)


@dataclass(eq=False)
class Rule:
    """A rule as its file defines it, ready to run (expressions compiled on first use)."""
    id: str
    name: str
    title: str
    level: str
    scope_kind: str
    message: str
    docs: dict
    source: Path
    enabled: bool = True
    enabled_bicep: bool = True  # False: off by default in Bicep files only (Bicep's own default)
    resource_types: tuple = ()
    include_existing: bool = False
    include_not_deployed: bool = False
    include_stand_ins: bool = False  # also visit stand-ins for parents deployed elsewhere
    languages: tuple = ("json", "bicep")
    implementation: str = "jmespath"
    module: str | None = None
    let: tuple = ()  # ((name, Expression), ...)
    defaults: tuple = ()  # (Default, ...): settings and the provider's default values
    where: Any = None
    each: Any = None
    violation: Any = None
    report_at: tuple = ()
    report_part: str = "value"
    bind: tuple = ()  # JMESPath rules: ((name, Expression), ...)
    bound: tuple = ()  # the names a message may use besides messages.STANDARD (every rule)
    equivalents: tuple = ()
    options: dict = field(default_factory=dict)  # name -> default
    option_docs: dict = field(default_factory=dict)  # name -> description
    tags: tuple = ()
    builtin: bool = True
    templates: str = "all"  # all | own | declaring: whose items (engine/items.py)
    functions: tuple = ()  # expressions: only templates calling one of these (lower case)
    nodes: tuple = ()  # bicep: the syntax classes whose nodes the rule is handed
    fix: dict | None = None  # the quick fix editors offer (`fix:` in rule.schema.json), or None
    _check: Any = None

    def __getattr__(self, name: str):
        # the docs of a rule read from the catalogue cache, read when first asked for (loader.py)
        if name == "docs" and "docs_source" in self.__dict__:
            self.docs = self.docs_source(self)
            return self.docs
        raise AttributeError(f"'Rule' object has no attribute '{name}'")

    @functools.cached_property
    def type_keys(self) -> tuple:
        return tuple(t.lower() for t in self.resource_types)

    @property
    def help_uri(self) -> str:
        return HELP_URI.format(id=self.id)

    @property
    def category(self) -> str:
        """The category digit of a built-in ID (AL5001 -> 5); a custom prefix's own letters."""
        letters = self.id.rstrip("0123456789")
        return self.id[2] if letters == "AL" else letters

    @functools.cached_property
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


_ID_PREFIX = re.compile(r"[A-Z]{2,10}[0-9]*")


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

    def find(self, key: str) -> Rule | None:
        return self.by_id.get(key.upper()) or self.by_name.get(key.lower())

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

