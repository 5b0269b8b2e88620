"""The library entry points the CLI and the tests share: lint paths, lint one text.

Owns: the pipeline for one file (read, decode, parse, classify, build the model, run the rules,
locate, fingerprint) and for a run (discover files, load the catalogue once, collect results).
Bad input never raises: an unreadable or broken file becomes a finding at the exact position and
the run goes on.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine.catalogue import Catalogue, Rule
from .engine.locate import locate, locate_offsets, locate_origin
from .engine.results import FileResult, Finding, Location, RunResult
from .engine.run import RawFinding, RunOptions, run_rules
from .source import jsonc
from .source.text import DecodeError, Span, decode

PARSE_ERROR = "AL0001"
UNREADABLE = "AL0002"

_SCHEMA_RE = re.compile(r'"\$schema"\s*:\s*"([^"]*)"', re.IGNORECASE)


@dataclass
class LintOptions:
    select: list[str] | None = None
    ignore: list[str] | None = None
    rules_dirs: list[str] = field(default_factory=list)
    fail_level: str = "error"
    parameter_files: list[str] = field(default_factory=list)  # --parameters: values for templates
    parameter_values: dict = field(default_factory=dict)  # --param name=value (wins)
    auto_parameters: bool = False  # pair x.json with x.parameters.json beside it
    run: RunOptions = field(default_factory=RunOptions)


def classify_schema(schema: Any) -> str | None:
    if not isinstance(schema, str):
        return None
    low = schema.lower()
    if "deploymenttemplate" in low:
        return "template"
    if "deploymentparameters" in low:
        return "parameters"
    return None


def display_path(path: Path, root: str) -> str:
    """The path relative to the run's root when it is inside it, else as given."""
    absolute = os.path.abspath(path)
    if absolute.startswith(root + os.sep):
        return absolute[len(root) + 1:].replace(os.sep, "/")
    return path.as_posix()


class Linter:
    """Lints files with one loaded catalogue and selection."""

    def __init__(self, catalogue: Catalogue, rules: list[Rule], options: LintOptions,
                 root: Path | None = None):
        self.catalogue = catalogue
        self.rules = rules
        self.selected = {r.id for r in rules}
        self.options = options
        self.root = os.path.abspath(root or os.getcwd())
        self._given_values: dict | None = None

    # -- parameter values -------------------------------------------------------------------
    def parameter_values(self, template: Path | None) -> dict:
        """Values for a template's parameters: --parameters files, then the template's own
        `<name>.parameters.json` with --auto-parameters, then --param (each wins over the last)."""
        if self._given_values is None:
            self._given_values = {}
            for f in self.options.parameter_files:
                self._given_values.update(load_parameter_values(Path(f)))
        values = dict(self._given_values)
        if self.options.auto_parameters and template is not None:
            sibling = template.with_name(template.name[:-len(template.suffix)] + ".parameters.json")
            if sibling.is_file():
                values.update(load_parameter_values(sibling))
        values.update(self.options.parameter_values)
        return values

    # -- one file ---------------------------------------------------------------------------
    def lint_file(self, path: Path, explicit: bool = True) -> FileResult:
        shown = display_path(path, self.root)
        if path.suffix.lower() in (".bicep", ".bicepparam"):
            return FileResult(shown, "skipped")  # Bicep support lands with the Bicep parser
        try:
            data = path.read_bytes()
        except OSError as exc:
            return self._unreadable(shown, f"cannot read the file: {exc.strerror}", 1, 1)
        return self.lint_bytes(data, shown, explicit, path)

    def lint_bytes(self, data: bytes, shown: str, explicit: bool = True,
                   path: Path | None = None) -> FileResult:
        try:
            decoded = decode(data)
        except DecodeError as exc:
            return self._unreadable(shown, exc.message, exc.line, exc.col)
        return self.lint_text(decoded.text, shown, explicit, path)

    def lint_text(self, text: str, shown: str, explicit: bool = True,
                  path: Path | None = None) -> FileResult:
        doc = jsonc.load(text)
        if not doc.ok:
            match = _SCHEMA_RE.search(text)
            if not explicit and (match is None or classify_schema(match.group(1)) is None):
                return FileResult(shown, "skipped")
            result = FileResult(shown, "template")
            self._add(result, PARSE_ERROR, doc.error.message, doc.error_span(), "")
            return result
        value = doc.value
        kind = classify_schema(value.get("$schema")) if isinstance(value, dict) else None
        if kind is None:
            return FileResult(shown, "skipped")
        from .model.build import build_parameter_file_model, build_template_model
        if kind == "template":
            model = build_template_model(doc, value, self.parameter_values(path))
        else:
            model = build_parameter_file_model(doc, value)
        result = FileResult(shown, kind)
        raw = run_rules(model, self.rules, self.options.run)
        self._finish(result, raw)
        return result

    # -- findings ---------------------------------------------------------------------------
    def _rule(self, rule: Rule | str) -> Rule | None:
        if isinstance(rule, Rule):
            return rule
        return self.catalogue.find(rule)

    def _level(self, rule: Rule) -> str:
        return self.options.run.levels.get(rule.id, rule.level)

    def _add(self, result: FileResult, rule_id: str, message: str, span: Span, pointer: str) -> None:
        rule = self.catalogue.find(rule_id)
        if rule is None or rule.id not in self.selected:
            return
        result.findings.append(self._finding(rule, message, Location(result.path, span, pointer)))

    def _unreadable(self, shown: str, message: str, line: int, col: int) -> FileResult:
        result = FileResult(shown, "unreadable")
        self._add(result, UNREADABLE, message, Span(line, col, line, col + 1), "")
        return result

    def _finding(self, rule: Rule, message: str, location: Location) -> Finding:
        return Finding(rule.id, rule.name, self._level(rule), message, location,
                       fingerprint=fingerprint(rule.id, location, message))

    def _finish(self, result: FileResult, raw: list[RawFinding]) -> None:
        seen = set()
        for rf in raw:
            rule = self._rule(rf.rule)
            if rule is None or rule.id not in self.selected:
                continue
            if rf.offsets is not None:
                doc, start, end = rf.offsets
                span, pointer = locate_offsets(doc, start, end, rf.inner), ""
            else:
                found = locate_origin(rf.origin, rf.part, rf.inner) if rf.origin is not None else \
                    locate(rf.anchor, rf.paths, rf.part)
                if found is None:
                    span, pointer = Span(1, 1, 1, 1), ""
                else:
                    _, span, pointer = found
            key = (rule.id, span, rf.message)
            if key in seen:
                continue
            seen.add(key)
            result.findings.append(self._finding(rule, rf.message, Location(result.path, span,
                                                                            pointer)))
        result.findings.sort(key=Finding.sort_key)


class ParameterFileError(Exception):
    """A --parameters file that cannot be used: a usage error, reported with its position."""


def load_parameter_values(path: Path) -> dict:
    from .model.build import parameter_file_values
    try:
        decoded = decode(path.read_bytes())
    except OSError as exc:
        raise ParameterFileError(f"{path}: cannot read the parameter file: {exc.strerror}") from None
    except DecodeError as exc:
        raise ParameterFileError(f"{path}:{exc.line}:{exc.col}: {exc.message}") from None
    doc = jsonc.load(decoded.text)
    if not doc.ok:
        span = doc.error_span()
        raise ParameterFileError(f"{path}:{span.start_line}:{span.start_col}: {doc.error.message}")
    if not isinstance(doc.value, dict) or not isinstance(doc.value.get("parameters"), dict):
        raise ParameterFileError(f"{path}: not a parameter file (no \"parameters\" object)")
    return parameter_file_values(doc.value)


def fingerprint(rule_id: str, location: Location, message: str) -> str:
    """Stable when lines move: built from the rule, the file, the source pointer and the message
    (and the position only when there is no pointer)."""
    anchor = location.pointer or f"{location.span.start_line}:{location.span.start_col}"
    digest = hashlib.sha256(f"{rule_id}|{location.path}|{anchor}|{message}".encode("utf-8"))
    return digest.hexdigest()[:32]


def lint_paths(paths: list[str], options: LintOptions | None = None,
               catalogue: Catalogue | None = None) -> RunResult:
    """Lint files and folders. Raises RuleFileError (bad rule file), SelectorError (unknown
    selector) and DiscoveryError (a path that does not exist): those are usage errors."""
    from .discover import discover
    from .engine.loader import load_catalogue
    options = options or LintOptions()
    catalogue = catalogue or load_catalogue([Path(d) for d in options.rules_dirs])
    rules = catalogue.select(options.select, options.ignore)
    linter = Linter(catalogue, rules, options)
    files = [linter.lint_file(c.path, c.explicit) for c in discover(paths)]
    return RunResult(files, rules, root=linter.root, fail_level=options.fail_level)


def lint_text(text: str, filename: str = "template.json", select: list[str] | None = None,
              catalogue: Catalogue | None = None) -> FileResult:
    """Lint one text as if it were a file named `filename` (for tests and editors)."""
    from .engine.loader import load_catalogue
    catalogue = catalogue or load_catalogue()
    rules = catalogue.select(select)
    return Linter(catalogue, rules, LintOptions(select=select)).lint_text(text, filename)

