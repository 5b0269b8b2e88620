"""Azure Policy for templates, offline: definitions, initiatives and assignments turned into
findings on the resources a template (ARM JSON or Bicep, through the same model) deploys.

Owns the two calls the rest of armlint makes: `load(sources, alias_files, ...)` -> a `PolicySet`
(read and compiled once per run, cached on disk between runs) and `evaluate(model, policies)` ->
raw findings that go through the same locate, suppress, baseline and report path as rule
findings. Everything is imported on first use: a run without policies pays nothing.

Modules: tables (bundled data), aliases, documents (policy files), library (sources -> applied
units, builtin:NAME), fields, operators, functions, conditions (compile and evaluate), engine
(effects, PolicySet, evaluate), rules (definitions as catalogue rules), words (plain words),
cache, report (policy list / explain).
"""
from __future__ import annotations


def load(sources: list[str], alias_files: list[str] | None = None, base=None,
         show_undetermined: bool = False):
    """The PolicySet for `--policy` sources (paths or builtin:NAME) and `--policy-aliases`
    files. Raises PolicyFileError, PolicySourceError or AliasFileError (usage errors)."""
    from .cache import load_policy_set
    return load_policy_set(list(sources), list(alias_files or ()), base, show_undetermined)


def evaluate(model, policies) -> list:
    """Raw findings of the applied policies on one file's model."""
    from .engine import evaluate as run
    return run(model, policies)


def usage_errors() -> tuple:
    """The exceptions loading policies raises for bad input (exit code 2)."""
    from .aliases import AliasFileError
    from .documents import PolicyFileError
    from .library import PolicySourceError
    return (PolicyFileError, PolicySourceError, AliasFileError)
