"""What the language server knows between requests, without the protocol: the editor's
settings as lint options, the Linter of the workspace (rebuilt when a configuration or rule file
changes), the open buffers, the last result of each, and which open files to lint again when
another file changes.

Owns: linting a buffer as `armlint check` would lint the file in that folder (through the
library facade, `armlint.api`), turning a broken configuration or an armlint bug into a finding
on the file instead of an exception, and the bookkeeping of what depends on what.
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import api
from ..engine.results import FileResult, Finding, Location
from ..source.text import Span

log = logging.getLogger("armlint.server")

LINTED = (".json", ".jsonc", ".bicep", ".bicepparam")
# files whose change means the rules, levels or options may be different: a new Linter
CONFIGURATION = (".armlint.yaml", ".armlint.yml", "pyproject.toml", "bicepconfig.json")

# editor setting -> (LintOptions field, kind)
SETTINGS = {"select": ("select", list), "ignore": ("ignore", list), "enable": ("enable", list),
            "rulesDirs": ("rules_dirs", list), "parameters": ("parameter_files", list),
            "policies": ("policies", list), "policyAliases": ("policy_aliases", list),
            "roots": ("roots", list), "config": ("config", str),
            "autoParameters": ("auto_parameters", bool), "showUndetermined":
                ("show_undetermined", bool)}
DEFAULT_DEBOUNCE_MS = 100


def options_from(settings: dict | None) -> tuple[api.LintOptions, list[str]]:
    """The LintOptions of the editor's `armlint` settings, and what in them was ignored."""
    options = api.LintOptions(jobs=1)
    ignored = []
    for key, value in (settings or {}).items():
        if key in ("debounce", "path", "args", "trace"):
            continue  # the server's own settings, or the client's
        if key == "noConfig":
            options.use_config = not value
            continue
        if key == "maxFileSize":  # in MB, as --max-file-size
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                options.max_file_size = value * 1024 * 1024
            else:
                ignored.append(key)
            continue
        target = SETTINGS.get(key)
        if target is None or value is None:
            if target is None:
                ignored.append(key)
            continue
        name, kind = target
        if kind is list and isinstance(value, str):
            value = [value]
        if kind is list and not (isinstance(value, list) and all(isinstance(v, str)
                                                                    for v in value)):
            ignored.append(key)
            continue
        if kind is not list and not isinstance(value, kind):
            ignored.append(key)
            continue
        setattr(options, name, value)
    return options, ignored


def debounce_seconds(settings: dict | None) -> float:
    value = (settings or {}).get("debounce", DEFAULT_DEBOUNCE_MS)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        value = DEFAULT_DEBOUNCE_MS
    return min(float(value), 5000.0) / 1000.0


@dataclass
class Outcome:
    """The last lint of one buffer: the text it read, its result, and a problem to tell the
    user about (a broken configuration) when there was one."""
    text: str
    version: int | None
    result: FileResult
    problem: str | None = None
    catalogue: object = None  # the rules it ran with (settings may have changed since)

    def rule(self, rule_id: str):
        return self.catalogue.find(rule_id) if self.catalogue is not None else None


@dataclass
class Buffer:
    text: str
    version: int | None
    outcome: Outcome | None = None


class Session:
    """The workspace of one editor: call from one thread at a time (the server's lint thread)."""

    def __init__(self, root: str | None, settings: dict | None = None):
        self.root = os.path.abspath(root or os.getcwd())
        self.settings = settings or {}
        self.buffers: dict[str, Buffer] = {}
        self._linter = None
        self._setup_problem: str | None = None
        self._stale_files = False
        self.lock = threading.Lock()

    # -- the Linter -------------------------------------------------------------------------
    def configure(self, settings: dict | None) -> list[str]:
        """New editor settings: the next lint sets up a new Linter. Returns ignored keys."""
        self.settings = settings or {}
        self.reset()
        return options_from(self.settings)[1]

    def linter(self):
        """The workspace's Linter, or None when the configuration cannot be used (then
        `setup_problem` says why)."""
        if self._linter is None and self._setup_problem is None:
            options, _ = options_from(self.settings)
            try:
                self._linter = api.open_linter(options, self.root)
            except api.USAGE_ERRORS as exc:
                self._setup_problem = f"armlint cannot use its configuration: {exc}"
            except Exception as exc:  # a configuration armlint cannot even read
                log.exception("setting up the linter failed")
                self._setup_problem = f"armlint cannot use its configuration: " \
                                      f"{type(exc).__name__}: {exc}"
            if self._linter is not None:
                with self.lock:  # buffers change on the server's other thread
                    self._linter.unsaved = {p: b.text for p, b in self.buffers.items()}
        return self._linter

    def reset(self) -> None:
        """Set up the Linter again at the next lint (configuration or rule files changed)."""
        self._linter = None
        self._setup_problem = None

    # -- buffers ----------------------------------------------------------------------------
    def open(self, path: str, text: str, version: int | None = None) -> set[str]:
        """A buffer opened or changed. Returns the open files to lint again besides it: those
        that use it as a module or template (all of them read it through `linter.unsaved`)."""
        with self.lock:
            buffer = self.buffers.get(path)
            if buffer is None:
                buffer = self.buffers[path] = Buffer(text, version)
            else:
                buffer.text, buffer.version = text, version
            linter = self._linter
            if linter is not None:
                linter.unsaved[path] = text
        return self._users_of(path)

    def close(self, path: str) -> set[str]:
        with self.lock:
            self.buffers.pop(path, None)
            linter = self._linter
            if linter is not None:
                linter.unsaved.pop(path, None)
        return self._users_of(path)  # they now read the file on disk

    def files_changed(self, paths: list[str]) -> set[str]:
        """Files changed on disk (the editor's file watcher). Returns the open files to lint."""
        if any(os.path.basename(p).lower() in CONFIGURATION or
               p.lower().endswith((".yaml", ".yml")) for p in paths):
            self.reset()  # configuration, bicepconfig.json or rule files: everything again
        else:
            self._stale_files = True
        with self.lock:
            return set(self.buffers)

    def _users_of(self, path: str) -> set[str]:
        """Open files that may read `path` as a module, a `using` template or a parameter file:
        those whose text names its file name (module paths are literal strings)."""
        if not path.lower().endswith(LINTED):
            return set()
        name = os.path.basename(path)
        stem = name.rsplit(".", 1)[0]
        with self.lock:
            users = {p for p, b in self.buffers.items() if p != path and
                     (name in b.text or _pairs(p, stem))}
        if users:
            self._stale_files = True  # the modules read so far may be out of date
        return users

    # -- linting ----------------------------------------------------------------------------
    def lint(self, path: str) -> Outcome | None:
        """Lint the open buffer at `path`; None when it is no longer open."""
        buffer = self.buffers.get(path)
        if buffer is None:
            return None
        text, version = buffer.text, buffer.version
        linter = self.linter()
        if linter is None:
            outcome = Outcome(text, version, _empty(path), self._setup_problem)
        else:
            if self._stale_files:
                linter.forget_files()
                self._stale_files = False
            try:
                result = api.lint_text(text, path, linter=linter)
                outcome = Outcome(text, version, result)
            except api.USAGE_ERRORS as exc:  # a broken configuration or parameter file
                message = f"armlint cannot use its configuration: {exc}"
                outcome = Outcome(text, version, _empty(path), message)
            except Exception as exc:  # an armlint bug the facade did not catch
                log.exception("linting %s failed", path)
                message = f"armlint failed on this file: {type(exc).__name__}: {exc}; " \
                          f"please report this"
                outcome = Outcome(text, version, _crash(path, message))
        if linter is not None:
            outcome.catalogue = linter.catalogue
        buffer.outcome = outcome
        return outcome


def _pairs(path: str, stem: str) -> bool:
    """Whether `path` is the template of the parameter file named `stem` (x.parameters.json
    pairs with x.json, x.bicepparam with x.bicep)."""
    base = os.path.basename(path).rsplit(".", 1)[0]
    return stem in (base + ".parameters", base)


def _empty(path: str) -> FileResult:
    return FileResult(Path(path).name, "unreadable", source=path)


def _crash(path: str, message: str) -> FileResult:
    """An AL0003 finding at the top of the file armlint failed on, so the user sees why there
    are no others."""
    finding = Finding("AL0003", "rule-crash", "error", message,
                      Location(Path(path).name, Span(1, 1, 1, 2)))
    return FileResult(Path(path).name, "unreadable", [finding], source=path)
