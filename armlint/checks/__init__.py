"""Python rules: one module per rule, only where JMESPath cannot say it. Each has `check(item, rule)`.

Many rules read Bicep syntax trees as well as JSON and import `armlint.bicep.syntax` for its node
classes. Building those classes costs about 15 ms, which a run over JSON files alone (a
pre-commit hook on templates) should not pay, so the module is registered to load on first use.
"""
import importlib.util
import sys

from .. import bicep

if "armlint.bicep.syntax" not in sys.modules:
    _spec = importlib.util.find_spec("armlint.bicep.syntax")
    _spec.loader = importlib.util.LazyLoader(_spec.loader)
    bicep.syntax = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(bicep.syntax)
