"""The result cache: a file whose result could not change is not linted again.

Owns: the key of a file's result, the entry that holds it, the check that the entry still holds,
and the size bound. What is cached is a file's finished `FileResult` (findings located,
suppressed by the file's own comments and metadata and by the configuration, fingerprinted), so
a hit replays exactly what linting would give; the baseline and the fail level, which are the
run's and not the file's, are applied after, as always.

The key says everything a result depends on that the run settles before linting: the format,
armlint's version and the stamp of its code, rule files and schemas (paths, sizes, modification
times, so an edited checkout is not served stale results), the rule files of the catalogue
(user rule files by their bytes), the policy sources and alias files (as the policy cache
stamps them), the command-line options that reach a file, the working folder (paths are shown
relative to it), the configuration file that applies (path and bytes), the bicepconfig.json
levels, the project folders files may come from, the file's path and whether it was named on
the command line. The entry then lists what linting looked at (`source.files.recording`): every
file read with the digest of its bytes (the file itself, local modules, `load*()` files,
`using` targets, parameter files), every existence test (`x.parameters.json` beside a
template), every symbolic-link resolution, and the configuration of each module linted on its
own; the result is replayed only when each of those gives the same answer now.

Entries are plain JSON (never a pickle), one per file, written through a temporary file and a
rename so concurrent runs (and `--jobs` workers) can share the folder; a corrupt, foreign or
other-version entry is a miss and is written again. The folder is bounded (`max_bytes`, default
256 MB, `ARMLINT_CACHE_MAX_MB`): past it the least recently used entries are removed. A folder
that cannot be read or written means linting without the cache, never a failure.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .engine.results import FileResult, finding_data, finding_from_data
from .source import cachedir, files
from .source.hashes import sha256

FORMAT = 3  # 2: a skipped file's reason; 3: findings keep their related places
DEFAULT_MAX_MB = 256
_FOLDER = "results"


def enabled(option: bool | None = True) -> bool:
    """Whether a run uses the cache: on unless the caller or `ARMLINT_NO_CACHE` says no."""
    return option is not False and not cachedir.disabled()


def max_bytes_from_env() -> int:
    raw = os.environ.get("ARMLINT_CACHE_MAX_MB", "")
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return max(1, int(megabytes * 1024 * 1024))


class ResultCache:
    """The cache of one run's linter (see the module's docstring)."""

    def __init__(self, linter, folder: str | None = None, max_bytes: int | None = None):
        self.linter = linter
        self.folder = folder or cachedir.cache_path(_FOLDER)
        self.max_bytes = max_bytes if max_bytes is not None else max_bytes_from_env()
        self._run_key: str | None = None
        self._contexts: dict = {}  # (folder, Bicep?) -> context digest
        self._configs: dict = {}  # id(config) -> digest of its bytes
        self._now: dict = {}  # observation -> what it gives in this run
        self.hits = self.misses = self.writes = 0

    # -- keys -------------------------------------------------------------------------------
    def context(self, path: Path) -> str:
        """What a file's result depends on through its folder: its configuration (path and
        bytes), bicepconfig.json levels and the project folders its files may come from."""
        # the bicepconfig.json levels apply to Bicep files only
        folder = (os.path.dirname(os.path.abspath(path)),
                  path.suffix.lower() in (".bicep", ".bicepparam"))
        found = self._contexts.get(folder)
        if found is None:
            linter = self.linter
            config = linter.config_for(path)
            config_id = self._configs.get(id(config))
            if config_id is None:
                config_id = "none"
                if config.path is not None:
                    try:
                        config_id = f"{config.path}|{files.digest(files.read_file(config.path))}"
                    except files.ReadRefused as exc:
                        config_id = f"{config.path}|x:{exc.reason}"
                self._configs[id(config)] = config_id
            levels = linter.bicep_levels(path)
            roots = linter.confinement_for(path).roots
            found = _digest([config_id, levels, list(roots)])
            self._contexts[folder] = found
            # the folder's ("roots", folder) observation (linter.confinement_for), kept too
            self._now.setdefault(("roots", folder[0]), json.dumps(list(roots)))
        return found

    @property
    def run_key(self) -> str:
        """Computed at the first lookup, once the run knows its files (bicep_sources)."""
        if self._run_key is None:
            self._run_key = run_key(self.linter)
        return self._run_key

    def key(self, path: Path, explicit: bool) -> str:
        text = f"{self.run_key}|{self.context(path)}|{os.path.abspath(path)}|{explicit}"
        return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _entry_path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key[2:32] + ".json")

    # -- lookup -----------------------------------------------------------------------------
    def lookup(self, path: Path, explicit: bool) -> FileResult | None:
        """The cached result of `path`, when every observation it was made from still holds."""
        key = self.key(path, explicit)
        entry_path = self._entry_path(key)
        try:
            with open(entry_path, "rb") as f:
                entry = json.loads(f.read())
        except (OSError, ValueError, RecursionError):
            self.misses += 1
            return None
        try:
            if entry.get("format") != FORMAT or entry.get("key") != key:
                raise ValueError("foreign")
            observed = entry["observed"]
            for item in observed:
                if self.observe(tuple(item[:-1])) != item[-1]:
                    self.misses += 1
                    return None
            result = decode_result(entry["result"])
        except Exception:  # corrupt or foreign: lint, and write the entry again
            self.misses += 1
            return None
        self.hits += 1
        try:
            os.utime(entry_path)  # recently used: the last to be evicted
        except OSError:
            pass
        files.note_all({tuple(item[:-1]): item[-1] for item in observed})
        return result

    def observe(self, key: tuple) -> str:
        found = self._now.get(key)
        if found is None:
            kind = key[0]
            if kind == "roots":
                found = json.dumps(list(self.linter.confinement_for(
                    Path(key[1]) / "x").roots))
            elif kind == "context":
                found = self.context(Path(key[1]))
            else:
                found = files.observe(key)
            self._now[key] = found
        return found

    # -- store ------------------------------------------------------------------------------
    def store(self, path: Path, explicit: bool, result: FileResult, observed: dict) -> None:
        if any(f.rule_id == "AL0003" for f in result.findings):
            return  # armlint failed on the file: nothing to trust, try again next time
        key = self.key(path, explicit)
        items = [list(k) + [v] for k, v in observed.items()]
        for k, v in observed.items():
            self._now.setdefault(k, v)
        entry = {"format": FORMAT, "key": key, "observed": items, "result": encode_result(result)}
        try:
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode(
                "utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return
        if cachedir.write_atomic(self._entry_path(key), data):
            self.writes += 1

    # -- size -------------------------------------------------------------------------------
    def evict(self) -> None:
        """Remove the least recently used entries while the folder is over its bound (to 80%
        of it, so that not every run pays for a scan)."""
        if not self.writes:
            return
        entries = []
        total = 0
        try:
            for sub in os.scandir(self.folder):
                if not sub.is_dir(follow_symlinks=False):
                    continue
                for e in os.scandir(sub.path):
                    try:
                        st = e.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if e.name.endswith(".tmp") and st.st_mtime < time.time() - 3600:
                        _unlink(e.path)  # left by a run that was killed while writing
                        continue
                    entries.append((st.st_mtime_ns, st.st_size, e.path))
                    total += st.st_size
        except OSError:
            return
        if total <= self.max_bytes:
            return
        entries.sort()
        target = self.max_bytes * 0.8
        for _, size, p in entries:
            if total <= target:
                break
            if _unlink(p):
                total -= size


def _unlink(path: str) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


def _digest(value) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=repr)
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# -- what the whole run shares ------------------------------------------------------------------

def run_key(linter) -> str:
    from . import __version__
    options = linter.options
    return _digest({
        "format": FORMAT, "version": __version__, "code": code_stamp(),
        "catalogue": _catalogue_stamp(linter.catalogue), "policies": _policy_stamp(linter),
        "root": linter.root,
        "options": {"select": options.select, "ignore": options.ignore,
                    "enable": options.enable, "rules_dirs": options.rules_dirs,
                    "parameter_files": [os.path.abspath(p) for p in options.parameter_files],
                    "parameter_values": options.parameter_values,
                    "auto_parameters": options.auto_parameters,
                    "config": os.path.abspath(options.config) if options.config else None,
                    "use_config": options.use_config, "roots": options.roots,
                    "max_file_size": options.max_file_size,
                    "show_undetermined": options.show_undetermined,
                    "exclude": getattr(options, "exclude", None),
                    "gitignore": getattr(options, "gitignore", None),
                    "include_generated": getattr(options, "include_generated", None)},
        # a template generated from a .bicep file the run lints is skipped
        "bicep_sources": sorted(getattr(linter, "bicep_sources", ()))})


_CODE_STAMP: str | None = None


def code_folders() -> list[str]:
    """The folders of armlint's code, built-in rules and schemas (the rules and schemas inside
    the package when installed, beside it in a checkout)."""
    from .engine.loader import BUILTIN_RULES_DIR, PACKAGE_DIR, SCHEMAS_DIR
    return [str(PACKAGE_DIR), str(BUILTIN_RULES_DIR), str(SCHEMAS_DIR)]


def code_lines() -> list[str]:
    """Every file of armlint's code, rules and schemas as "path|size|mtime_ns", sorted (each
    folder walked once a process: the rules' walk is the catalogue cache's key too, and the
    replay record's check of the code is made of these lines)."""
    package, rules, schemas = code_folders()
    lines = cachedir.code_tree_stamp(package, (rules, schemas)) + \
        cachedir.code_tree_stamp(rules) + cachedir.code_tree_stamp(schemas)
    lines.sort()
    return lines


def code_stamp() -> str:
    """armlint's code, rule files and schemas by path, size and modification time: a checkout
    edited in place (or an editable install) is a different armlint."""
    global _CODE_STAMP
    if _CODE_STAMP is None:
        _CODE_STAMP = sha256("\n".join(code_lines()).encode("utf-8", "surrogatepass")).hexdigest()
    return _CODE_STAMP


def _catalogue_stamp(catalogue) -> list:
    from .engine.loader import BUILTIN_RULES_DIR
    builtin = os.path.abspath(BUILTIN_RULES_DIR)
    out = []
    for rule in catalogue.rules:
        # a built-in rule from the catalogue cache says where it is without being completed
        source = rule.source_text if hasattr(type(rule), "source_text") else \
            str(getattr(rule, "source", None))
        stamp = ""
        if source != "None" and not os.path.abspath(source).startswith(builtin + os.sep):
            try:
                stamp = files.digest(files.read_file(source))
            except (files.ReadRefused, TypeError):
                stamp = "unreadable"
        out.append([rule.id, rule.name, source, stamp])
    return out


def _policy_stamp(linter) -> str | None:
    policies = linter.policies
    if policies is None:
        return None
    from .policy.cache import stamp
    found = stamp(list(policies.sources), [str(a) for a in policies.aliases.files],
                  policies.show_undetermined)
    return found or os.urandom(16).hex()  # a policy file that cannot be looked at: no hits


# -- the entry's result as JSON ----------------------------------------------------------------

def encode_result(result: FileResult) -> dict:
    return {"path": result.path, "kind": result.kind, "rules": result.rules,
            "source": result.source, "reason": getattr(result, "reason", ""), "findings": [finding_data(f) for f in result.findings]}


def decode_result(data: dict) -> FileResult:
    findings = [finding_from_data(f, _str, _int) for f in data["findings"]]
    rules = data["rules"]
    if not isinstance(rules, list):
        raise ValueError("rules")
    result = FileResult(_str(data["path"]), _str(data["kind"]), findings, _shared(rules),
                        source=_str(data["source"]))
    if data.get("reason"):
        result.reason = _str(data["reason"])
    return result


_RULE_IDS: dict[tuple, tuple] = {}  # one tuple for each list of rule IDs the entries hold


def _shared(rules: list) -> tuple:
    """The rule IDs of an entry as a tuple that the results of a run share: a run's files have a
    few lists of hundreds of IDs between them, and a copy for each would grow with the files.
    A list is checked (strings only) the first time it is seen: a tuple equal to one checked
    holds strings (no other JSON value is equal to a string; a list or object in it cannot be
    hashed: TypeError, a miss)."""
    key = tuple(rules)
    found = _RULE_IDS.get(key)
    if found is None:
        if not all(isinstance(r, str) for r in key):
            raise ValueError("rules")
        if len(_RULE_IDS) >= 64:  # not a few lists after all: share no more
            return key
        found = _RULE_IDS[key] = key
    return found


def _str(value) -> str:
    if not isinstance(value, str):
        raise ValueError("not a string")
    return value


def _int(value) -> int:
    if type(value) is not int:
        raise ValueError("not an integer")
    return value


# -- local modules ------------------------------------------------------------------------------

_LOADER_CLASS = None


def recording_loader(confinement_for, unsaved):
    """A `ModuleLoader` that remembers what loading each module looked at, so that every file
    using a module (loaded once per run) depends on the module's files, not only the first."""
    global _LOADER_CLASS
    if _LOADER_CLASS is None:
        from .bicep.lower import ModuleLoader

        class RecordingLoader(ModuleLoader):
            def __init__(self, confinement_for, unsaved):
                super().__init__(confinement_for, unsaved)
                self.seen: dict[str, dict] = {}

            def load(self, path):
                with files.recording() as seen:
                    value = super().load(path)
                self._remember(path, seen)
                return value

            def lowered(self, path, text):
                with files.recording() as seen:
                    found = super().lowered(path, text)
                if path is not None:
                    # the file's own text, which a later file using it as a module is given
                    seen[("text", os.path.abspath(path))] = "t:" + files.digest(
                        text.encode("utf-8", "surrogatepass"))
                    self._remember(path, seen)
                return found

            def release(self, position):
                gone = super().release(position)
                for key in gone:
                    self.seen.pop(key, None)
                return gone

            def _remember(self, path, seen: dict) -> None:
                known = self.seen.setdefault(os.path.abspath(path), {})
                known.update(seen)
                files.note_all(known)

        _LOADER_CLASS = RecordingLoader
    return _LOADER_CLASS(confinement_for, unsaved)
