"""Configuration: `.armlint.yaml` (or `[tool.armlint]` in pyproject.toml), found from each linted
file's folder upwards, or given with `--config`.

Owns: finding, reading and validating configuration files (against `schemas/config.schema.json`;
a bad file is one `ConfigError` with file, line and column), and turning them into the settings of
one file: which rules run at which level with which options, which findings are suppressed by an
override, which parameter file goes with a template. Overrides apply in order after the top-level
settings; command line flags win over the file (`--select` replaces the selection, `--ignore`
removes rules, `--fail-level` replaces the fail level).

Run-wide settings (`fail-level`, `baseline`, `rules-dirs`, `policies`, `policy-aliases`,
`show-undetermined`) come from the configuration that
applies to the working directory (or `--config`); the others from the configuration of each file.
"""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

from .source.files import Confinement, ReadRefused, project_root, read_file
from .source.recent import Recent
from .source.record import Record

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any

CONFIG_NAMES = (".armlint.yaml", ".armlint.yml")


class ConfigError(Exception):
    def __init__(self, path: Path | str, line: int, col: int, message: str):
        self.path, self.line, self.col, self.message = str(path), line, col, message
        super().__init__(f"{path}:{line}:{col}: {message}")


class Override(Record):
    """One `overrides:` entry: the files (globs) it applies to and what it changes for them."""
    _fields = ("files", "pointer", "select", "ignore", "enable", "rules", "suppress", "reason",
               "_patterns")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, files: list[str], pointer: str = "", select: list[str] | None = None,
                 ignore: list[str] | None = None, enable: list[str] | None = None,
                 rules: dict | None = None, suppress: list[str] | None = None, reason: str = "",
                 _patterns: list | None = None):
        self.files = files
        self.pointer = pointer
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.enable = [] if enable is None else enable
        self.rules = {} if rules is None else rules
        self.suppress = [] if suppress is None else suppress
        self.reason = reason
        self._patterns = [] if _patterns is None else _patterns

    def matches(self, relative: str) -> bool:
        return any(p.fullmatch(relative) for p in self._patterns)


class Config(Record):
    """A configuration file as read (or EMPTY): rule selection, levels, options, overrides,
    exclusions, parameter files, policies."""
    _fields = ("path", "select", "ignore", "enable", "rules", "rules_dirs", "fail_level",
               "parameters", "auto_parameters", "exclude", "baseline", "overrides", "confinement",
               "policies", "policy_aliases", "show_undetermined", "selectors", "where",
               "_checked")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, path: Path | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, enable: list[str] | None = None,
                 rules: dict | None = None, rules_dirs: list[Path] | None = None,
                 fail_level: str | None = None, parameters: list[tuple] | None = None,
                 auto_parameters: bool | None = None, exclude: list | None = None,
                 baseline: Path | None = None, overrides: list[Override] | None = None,
                 confinement: Confinement | None = None, policies: list[str] | None = None,
                 policy_aliases: list[Path] | None = None, show_undetermined: bool | None = None,
                 selectors: list | None = None, where: Any = None, _checked: Any = None):
        self.path = path
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.enable = [] if enable is None else enable
        self.rules = {} if rules is None else rules  # selector -> {"level": ..., "options": {...}}
        self.rules_dirs = [] if rules_dirs is None else rules_dirs
        self.fail_level = fail_level
        self.parameters = [] if parameters is None else parameters  # (pattern, Path)
        self.auto_parameters = auto_parameters
        self.exclude = [] if exclude is None else exclude  # compiled patterns
        self.baseline = baseline
        self.overrides = [] if overrides is None else overrides
        # where the files it names (rule folders, parameter files, the baseline, policy folders)
        # must lie; None for a file given with --config, which is the user's own and trusted
        self.confinement = confinement
        # files, folders (absolute), builtin:NAME
        self.policies = [] if policies is None else policies
        self.policy_aliases = [] if policy_aliases is None else policy_aliases
        self.show_undetermined = show_undetermined
        # every rule selector the file names, with where: (pointer, is_key, selector), and the
        # function that turns a pointer into (line, column)
        self.selectors = [] if selectors is None else selectors
        self.where = where
        self._checked = _checked  # the catalogue the selectors were checked in

    def check_selectors(self, catalogue) -> None:
        """Raise ConfigError at the first selector that names no rule of `catalogue`."""
        if self._checked is catalogue or self.path is None:
            return
        from .engine.catalogue import SelectorError
        for pointer, is_key, selector in self.selectors:
            try:
                catalogue.matching(selector)
            except SelectorError as exc:
                line, col = self.where(pointer, is_key) if self.where else (1, 1)
                setting = ".".join(p for p in (pointer[:-1] if is_key else pointer)
                                   if isinstance(p, str))
                raise ConfigError(self.path, line, col,
                                  f"unknown rule in `{setting}`: {exc}") from None
        self._checked = catalogue

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def relative(self, path: Path) -> str:
        """`path` relative to the configuration's folder, with '/' (absolute when outside it)."""
        full = os.path.abspath(path)
        base = os.path.abspath(self.path.parent) if self.path else os.getcwd()
        prefix = base if base.endswith(os.sep) else base + os.sep
        rel = full[len(prefix):] if full.startswith(prefix) else full
        return rel.replace(os.sep, "/") if os.sep != "/" else rel

    def excludes(self, path: Path) -> bool:
        return self.exclusion(path) is not None

    def exclusion(self, path: Path) -> str | None:
        """The `exclude:` glob that leaves `path` out, or None."""
        rel = self.relative(path)
        return next((p.glob for p in self.exclude if p.fullmatch(rel)), None)

    def parameter_file_for(self, template: Path) -> Path | None:
        rel = self.relative(template)
        for pattern, file in self.parameters:
            if pattern.fullmatch(rel):
                return file
        return None


EMPTY = Config()


class Glob:
    """A path glob: `**/` any number of folders, `**` anything, `*` and `?` within one path
    segment. Matched by simulating its automaton over the path, one set of states per character,
    so the time is at most the path's length times the glob's, whatever both hold (a regular
    expression with repeated `**/` backtracked for seconds on one path)."""

    __slots__ = ("glob", "_tokens", "_classes", "_reps", "_start", "_steps")

    def __init__(self, glob: str):
        self.glob = glob
        tokens: list = []
        i = 0
        while i < len(glob):
            if glob.startswith("**/", i):
                token, i = _DIRS, i + 3
            elif glob.startswith("**", i):
                token, i = _ANY, i + 2
            elif glob[i] == "*":
                token, i = _STAR, i + 1
            elif glob[i] == "?":
                token, i = _ONE, i + 1
            else:
                token, i = glob[i], i + 1
            if token in (_DIRS, _ANY, _STAR) and tokens and tokens[-1] == token:
                continue  # `**/**/` is `**/`, `**` twice is `**`: the same paths, fewer states
            tokens.append(token)
        self._tokens = tuple(tokens)
        # characters that behave alike share a class: each literal of the glob, '/', the rest
        literals = sorted({t for t in tokens if isinstance(t, str)} | {"/"})
        self._classes = {ch: n + 1 for n, ch in enumerate(literals)}
        other = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in self._classes)
        self._reps = [other] + literals
        self._start = frozenset(self._closure({(0, False)}))
        self._steps: dict = {}  # (states, class) -> states: the automaton, built as it is used

    def fullmatch(self, path: str) -> bool:
        steps, classes = self._steps, self._classes
        if len(steps) > 4096:
            steps.clear()
        states = self._start
        for ch in path:
            key = (states, classes.get(ch, 0))
            moved = steps.get(key)
            if moved is None:
                moved = steps[key] = self._step(states, self._reps[key[1]])
            if not moved:
                return False
            states = moved
        return (len(self._tokens), False) in states

    def _step(self, states: frozenset, ch: str) -> frozenset:
        """The states after reading `ch` (any character of its class) from `states`."""
        tokens = self._tokens
        end = len(tokens)
        moved = set()
        for i, in_dirs in states:
            if in_dirs:  # inside `**/`: any character; a '/' may also end it
                moved.add((i, True))
                if ch == "/":
                    moved.add((i + 1, False))
                continue
            if i == end:
                continue
            token = tokens[i]
            if token is _STAR:
                if ch != "/":
                    moved.add((i, False))
            elif token is _ANY:
                moved.add((i, False))
            elif token is _ONE:
                if ch != "/":
                    moved.add((i + 1, False))
            elif token is not _DIRS and token == ch:
                moved.add((i + 1, False))
        return frozenset(self._closure(moved))

    def _closure(self, states: set) -> set:
        """`states` and every state reachable without reading a character."""
        tokens = self._tokens
        stack = list(states)
        while stack:
            i, in_dirs = stack.pop()
            if in_dirs or i == len(tokens):
                continue
            token = tokens[i]
            if token is _STAR or token is _ANY or token is _DIRS:
                for nxt in ((i + 1, False),) + (((i, True),) if token is _DIRS else ()):
                    if nxt not in states:
                        states.add(nxt)
                        stack.append(nxt)
        return states


_DIRS, _ANY, _STAR, _ONE = object(), object(), object(), object()


def glob_to_regex(glob: str) -> Glob:
    """The compiled glob (it has `fullmatch(path)`, as the regular expression it replaces)."""
    return Glob(glob)


# --- finding configuration files --------------------------------------------------------------

class ConfigFinder:
    """Finds and caches the configuration that applies to each folder."""

    def __init__(self, explicit: Path | None = None, roots: tuple = ()):
        self.roots = tuple(roots)  # --root folders: the project may name files there too
        self.explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[str, Config] = Recent()  # the configurations stay in _loaded
        self._loaded: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        full = os.path.abspath(path)
        folder = full if os.path.isdir(full) else os.path.dirname(full)
        found = self._by_dir.get(folder)  # a Path made only for a folder not asked before
        return found if found is not None else self.for_dir(Path(folder))

    def for_dir(self, directory: Path) -> Config:
        key = str(directory)
        found = self._by_dir.get(key)
        if found is None:
            candidate = _config_in(directory)
            if candidate is not None:
                found = self._loaded.get(candidate)
                if found is None:
                    found = self._loaded[candidate] = load_config(
                        candidate, Confinement([project_root(directory, directory)] +
                                               list(self.roots)))
            elif directory.parent != directory:
                found = self.for_dir(directory.parent)
            else:
                found = EMPTY
            self._by_dir[key] = found
        return found


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        p = directory / name
        if os.path.lexists(p):  # a FIFO or a broken link is reported when it is read
            return p
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            project = Confinement([project_root(directory, directory)])
            text = project.read(pyproject).decode("utf-8-sig")
        except (ReadRefused, UnicodeDecodeError):
            return None  # not ours to judge: armlint reads it only when it has [tool.armlint]
        if _has_armlint_table(text):
            return pyproject
    return None


def _has_armlint_table(text: str) -> bool:
    """Whether a pyproject.toml has a `[tool.armlint]` (or `[tool.armlint.x]`) table header:
    checked line by line, which is linear in the text."""
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("[tool.armlint") and stripped[13:14] in (".", "]"):
            return True
    return False


# --- reading ---------------------------------------------------------------------------------

def load_config(path: Path, confinement: Confinement | None = None) -> Config:
    """Read and validate a configuration file. One found in a folder (not named with --config)
    comes with the `confinement` of its project: it must lie inside it itself (a symbolic link
    out of the repository is refused), and so must every file it names."""
    path = Path(path)
    try:
        if confinement is not None:
            confinement.check(path)
        raw_bytes = read_file(path)
    except ReadRefused as exc:
        raise ConfigError(path, 1, 1, f"the configuration is not read: {exc.reason}") from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from .source.text import DecodeError, decode
        try:
            decode(raw_bytes)
        except DecodeError as err:
            raise ConfigError(path, err.line, err.col, "the configuration is not UTF-8 text: "
                              f"{err.message}") from None
        raise ConfigError(path, 1, 1, f"the configuration is not UTF-8 text ({exc.reason})") \
            from None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise ConfigError(path, line, col, "the configuration holds a NUL byte: it is not a text "
                          "file")
    if path.name == "pyproject.toml":
        data, where = _read_pyproject(path, text)
    else:
        data, where = _read_yaml(path, text)
    _validate(path, data, raw_bytes, where)
    return _build(path, data, where, confinement)


def _read_yaml(path: Path, text: str):
    import yaml

    from .engine.loader import _Marks
    from .source import yamlsafe
    loader = None
    try:
        node, loader = yamlsafe.compose(text)
        data = loader.construct_document(node) if node is not None else {}
    except yamlsafe.YamlRefused as exc:
        raise ConfigError(path, exc.line, exc.column, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(path, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                          f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, 1, 1, f"invalid YAML: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(path, 1, 1, "the configuration must be a mapping of settings")
    marks = _Marks(node, text) if node is not None else None

    def where(pointer: tuple, key: bool = False) -> tuple[int, int]:
        return marks.at(pointer, key=key) if marks else (1, 1)
    return data, where


def _read_pyproject(path: Path, text: str):
    try:
        import tomllib
    except ImportError:  # Python 3.10: the same parser, published as tomli
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        raise ConfigError(path, line, col, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(path, 1, 1, "the TOML nests too deeply to read") from None
    section = data.get("tool", {}).get("armlint", {})
    if _too_deep(section):
        raise ConfigError(path, 1, 1, "[tool.armlint] nests too deeply (more than 64 levels)")
    lines = text.splitlines()

    def where(pointer: tuple, key: bool = False) -> tuple[int, int]:
        # TOML positions are not reported by tomllib: find the key's line in [tool.armlint].
        start = next((i for i, l in enumerate(lines) if l.strip().startswith("[tool.armlint")), 0)
        names = [p for p in pointer if isinstance(p, str)]
        for i in range(start, len(lines)):
            for name in reversed(names):
                m = re.match(r"\s*(" + re.escape(name) + r"|\"" + re.escape(name) + r"\")\s*=",
                             lines[i])
                if m:
                    return i + 1, m.start(1) + 1
        return start + 1, 1
    return section, where


def _too_deep(value: Any, limit: int = 64) -> bool:
    """Whether a value nests containers more than `limit` deep (checked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _validated_cache(schema: bytes, data: bytes) -> Path | None:
    """A marker file that says this configuration already passed validation, so a pre-commit
    hook does not pay for importing jsonschema on every commit."""
    from . import __version__
    from .source import cachedir
    if cachedir.disabled():
        return None
    from .source.hashes import sha256
    digest = sha256(__version__.encode() + b"\0" + schema + b"\0" + data).hexdigest()
    return Path(cachedir.cache_path("valid-config", digest))


def _validate(path: Path, data: dict, raw: bytes, where) -> None:
    from .engine.loader import SCHEMAS_DIR
    from .validation import first_problem
    schema = SCHEMAS_DIR / "config.schema.json"
    marker = _validated_cache(schema.read_bytes(), raw)
    if marker is not None and marker.exists():
        return
    problem = first_problem(schema, data, noun="setting")
    if problem is not None:
        line, col = where(problem.pointer, problem.is_key)
        raise ConfigError(path, line, col, problem.message)
    if marker is not None:
        from .source.cachedir import write_atomic
        write_atomic(str(marker), b"")  # a read-only home: validate every time


def _level(value: Any) -> Any:
    # YAML 1.1 reads an unquoted `off` as false (and `on` as true)
    if value is False:
        return "off"
    if value is True:
        return "on"
    return value


def _rules(raw: dict | None) -> dict:
    out = {}
    for key, value in (raw or {}).items():
        setting = dict(value) if isinstance(value, dict) else {"level": value}
        if "level" in setting:
            setting["level"] = _level(setting["level"])
        out[key] = setting
    return out


def _build(path: Path, data: dict, where=None, confinement: Confinement | None = None) -> Config:
    base = path.parent

    def named(pointer: tuple, value: str, what: str) -> Path:
        """A path the configuration names, which must lie inside its project."""
        full = base / value
        if confinement is not None:
            try:
                confinement.check(full)
            except ReadRefused as exc:
                line, col = where(pointer) if where else (1, 1)
                raise ConfigError(path, line, col, f"{what} '{value}' is not used: "
                                  f"{exc.reason}") from None
        return full

    cfg = Config(path=path, select=data.get("select"), ignore=list(data.get("ignore", [])),
                 enable=list(data.get("enable", [])), rules=_rules(data.get("rules")),
                 rules_dirs=[named(("rules-dirs", i), d, "the rules folder")
                             for i, d in enumerate(data.get("rules-dirs", []))],
                 fail_level=data.get("fail-level"), auto_parameters=data.get("auto-parameters"),
                 baseline=named(("baseline",), data["baseline"], "the baseline")
                 if data.get("baseline") else None, confinement=confinement)
    cfg.parameters = [(glob_to_regex(g), named(("parameters", g), f, "the parameter file"))
                      for g, f in (data.get("parameters") or {}).items()]
    cfg.exclude = [glob_to_regex(g) for g in data.get("exclude", [])]
    cfg.policies = [p if p.lower().startswith("builtin:") else
                    str(named(("policies", i), p, "the policy file or folder"))
                    for i, p in enumerate(data.get("policies", []))]
    cfg.policy_aliases = [named(("policy-aliases", i), p, "the alias file")
                          for i, p in enumerate(data.get("policy-aliases", []))]
    cfg.show_undetermined = data.get("show-undetermined")
    for raw in data.get("overrides", []):
        o = Override(files=list(raw["files"]), pointer=raw.get("pointer", ""),
                     select=raw.get("select"), ignore=list(raw.get("ignore", [])),
                     enable=list(raw.get("enable", [])), rules=_rules(raw.get("rules")),
                     suppress=list(raw.get("suppress", [])), reason=raw.get("reason", ""))
        o._patterns = [glob_to_regex(g) for g in o.files]
        cfg.overrides.append(o)
    cfg.where = where
    cfg.selectors = _selectors(data)
    return cfg


def _selectors(data: dict) -> list:
    """(pointer, is_key, selector) of every rule selector in a configuration's data."""
    found = []

    def scan(section: dict, at: tuple, keys: tuple) -> None:
        for key in keys:
            values = section.get(key)
            if isinstance(values, list):
                found.extend((at + (key, i), False, v) for i, v in enumerate(values)
                             if isinstance(v, str))
        if isinstance(section.get("rules"), dict):
            found.extend((at + ("rules", k), True, k) for k in section["rules"]
                         if isinstance(k, str))

    scan(data, (), ("select", "ignore", "enable"))
    for i, override in enumerate(data.get("overrides") or []):
        if isinstance(override, dict):
            scan(override, ("overrides", i), ("select", "ignore", "enable", "suppress"))
    return found


# --- bicepconfig.json -------------------------------------------------------------------------

_BICEP_LEVELS = {"off": "off", "none": "off", "info": "note", "warning": "warning",
                 "error": "error"}


class BicepConfigFinder:
    """The levels a bicepconfig.json (the nearest one above a Bicep file) gives to Bicep linter
    rules, as settings of the armlint rules that name them as equivalents."""

    def __init__(self, catalogue, roots: tuple = ()):
        self.roots = tuple(roots)
        self._by_code: dict[str, list[str]] = {}
        for rule in catalogue.rules:
            for eq in rule.equivalents:
                if eq.lower().startswith("bicep:"):
                    self._by_code.setdefault(eq[6:].lower(), []).append(rule.id)
        self._by_dir: dict[str, dict] = Recent()

    def levels_for(self, path: Path) -> dict:
        if not self._by_code:
            return {}
        folder = os.path.dirname(os.path.abspath(path))
        found = self._by_dir.get(folder)  # a Path made only for a folder not asked before
        return found if found is not None else self._for_dir(Path(folder))

    def _for_dir(self, directory: Path) -> dict:
        key = str(directory)
        found = self._by_dir.get(key)
        if found is None:
            candidate = directory / "bicepconfig.json"
            if os.path.lexists(candidate):
                found = self._read(candidate)
            elif directory.parent != directory:
                found = self._for_dir(directory.parent)
            else:
                found = {}
            self._by_dir[key] = found
        return found

    def _read(self, path: Path) -> dict:
        from .source import jsonc
        from .source.text import DecodeError, decode
        try:
            Confinement([project_root(path.parent, path.parent)] + list(self.roots)).check(path)
            doc = jsonc.load(decode(read_file(path)).text)
        except ReadRefused as exc:
            raise ConfigError(path, 1, 1, f"the Bicep configuration is not read: {exc.reason}") \
                from None
        except DecodeError as exc:
            raise ConfigError(path, exc.line, exc.col, exc.message) from None
        if not doc.ok:
            span = doc.error_span()
            raise ConfigError(path, span.start_line, span.start_col, doc.error.message)
        analyzers = doc.value.get("analyzers") if isinstance(doc.value, dict) else None
        core = analyzers.get("core") if isinstance(analyzers, dict) else None
        if not isinstance(core, dict):
            return {}
        out: dict = {}
        if core.get("enabled") is False:
            for ids in self._by_code.values():
                for rid in ids:
                    out[rid] = {"level": "off"}
            return out
        rules = core.get("rules")
        if not isinstance(rules, dict):
            return out
        for code, setting in rules.items():
            level = setting.get("level") if isinstance(setting, dict) else None
            mapped = _BICEP_LEVELS.get(level.lower()) if isinstance(level, str) else None
            if level is not None and mapped is None:
                keys = _keys_as_written(doc.value, ("analyzers", "core", "rules", code, "level"))
                span = doc.span(keys) or doc.span(())
                raise ConfigError(path, span.start_line, span.start_col,
                                  f"`analyzers.core.rules.{code}.level` is {json.dumps(level)}, "
                                  f"not a level the Bicep linter knows "
                                  f"({', '.join(_BICEP_LEVELS)})")
            for rid in self._by_code.get(code.lower(), ()):
                if mapped:
                    out[rid] = {"level": mapped}
        return out


def _keys_as_written(value: Any, keys: tuple) -> tuple:
    """`keys` (case-insensitive) spelled as the document writes them, for locating."""
    out = []
    for key in keys:
        if not isinstance(value, dict):
            break
        written = next((k for k in value if k.lower() == key.lower()), key)
        out.append(written)
        value = value.get(written)
    return tuple(out)


# --- the settings of one file ----------------------------------------------------------------

class FileSettings(Record):
    """What applies to one file: its rules, their levels and options, and the overrides'
    suppressions."""
    _fields = ("rules", "levels", "options", "suppress")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, rules: list, levels: dict, options: dict, suppress: list):
        self.rules = rules  # the Rule objects to run
        self.levels = levels  # rule id -> level
        self.options = options  # rule id -> options
        self.suppress = suppress  # (rule ids set, pointer prefix, reason) from overrides

    @functools.cached_property
    def rule_ids(self) -> tuple[str, ...]:
        """The IDs of `rules`, one tuple every result of these settings shares (a list of
        hundreds of IDs for each file of a run would grow with the files)."""
        return tuple(r.id for r in self.rules)


def file_settings(catalogue, config: Config, path: Path, cli_select: list[str] | None,
                  cli_ignore: list[str], cli_enable: list[str] | None = None,
                  bicep_levels: dict | None = None) -> FileSettings:
    """Which rules run on `path`, at which level, with which options. `bicep_levels` (from a
    bicepconfig.json) come first, so the armlint configuration wins over them."""
    config.check_selectors(catalogue)
    rel = config.relative(path)
    select, ignore, enable = config.select, list(config.ignore), list(config.enable)
    per_rule = [bicep_levels or {}, config.rules]
    suppress = []
    for o in config.overrides:
        if not o.matches(rel):
            continue
        if o.select is not None:
            select = o.select
        ignore += o.ignore
        enable += o.enable
        per_rule.append(o.rules)
        if o.suppress:
            ids = {r.id for sel in o.suppress for r in catalogue.matching(sel)}
            suppress.append((ids, o.pointer, o.reason))
    levels: dict = {}
    options: dict = {}
    off: set = set()
    for table in per_rule:
        for selector, setting in table.items():
            for r in catalogue.matching(selector):
                level = setting.get("level")
                if level == "off":
                    off.add(r.id)
                elif level:
                    if level != "on":
                        levels[r.id] = level
                    off.discard(r.id)
                    enable.append(r.id)
                if setting.get("options"):
                    options.setdefault(r.id, {}).update(setting["options"])
    if cli_select:
        rules = catalogue.select(cli_select, cli_ignore, cli_enable)
    else:
        language = "bicep" if path.suffix.lower() in (".bicep", ".bicepparam") else None
        rules = [r for r in catalogue.select(select, ignore + list(cli_ignore), enable +
                                            list(cli_enable or ()), language) if r.id not in off]
    return FileSettings(rules, levels, options, suppress)
