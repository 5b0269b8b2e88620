"""The pipeline for one file: read, decode, parse, classify, build the model, run the rules,
locate, suppress, fingerprint.

Owns: `Linter`, which lints files with one loaded catalogue and settles the rules, levels and
options of each file from the configuration that applies to it and the command line. Bad input
never raises: an unreadable or broken file becomes a finding at the exact position. A broken
configuration, rule or parameter file is a usage error (`USAGE_ERRORS`) and stops the run.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .config import (EMPTY, BicepConfigFinder, Config, ConfigError, ConfigFinder, FileSettings,
                     file_settings)
from .engine.catalogue import Catalogue, Rule, SelectorError
from .engine.loader import RuleFileError
from .engine.results import FileResult, Finding, Location, Related
from .engine.baseline import BaselineError
from .parameters import ParameterFileError, ParameterSource, read_parameter_file
from .source import files
from .source.files import (DEFAULT_MAX_BYTES, Confinement, ReadRefused, is_inside, project_root,
                           read_file)
from .source.recent import Recent
from .source.record import Plain, Record
from .source.text import DecodeError, Span, decode

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any

    from .engine.run import RawFinding

# The model, the rules, locating and suppressing are imported when a file is linted, not when the
# module is: a run whose files all come from the result cache never loads them.

PARSE_ERROR = "AL0001"
UNREADABLE = "AL0002"
# rules whose findings a template's lint places in the parameter files it is linted with
FROM_TEMPLATES = frozenset({"AL1017"})

_SCHEMA_RE = re.compile(r'"\$schema"\s*:\s*"([^"]*)"', re.IGNORECASE)

# what stops a run with exit code 2 instead of becoming a finding on the file being linted
USAGE_ERRORS = (ParameterFileError, ConfigError, RuleFileError, SelectorError, BaselineError)


class LintOptions(Record):
    """Settings from the command line (or a caller); None means "as configured"."""
    _fields = ("select", "ignore", "enable", "rules_dirs", "fail_level", "parameter_files",
               "parameter_values", "auto_parameters", "config", "use_config", "baseline", "jobs",
               "roots", "max_file_size", "policies", "policy_aliases", "show_undetermined",
               "exclude", "gitignore", "include_generated", "cache")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None,
                 enable: list[str] | None = None, rules_dirs: list[str] | None = None,
                 fail_level: str | None = None, parameter_files: list[str] | None = None,
                 parameter_values: dict | None = None, auto_parameters: bool | None = None,
                 config: str | None = None, use_config: bool = True, baseline: str | None = None,
                 jobs: int | None = None, roots: list[str] | None = None,
                 max_file_size: int = DEFAULT_MAX_BYTES, policies: list[str] | None = None,
                 policy_aliases: list[str] | None = None, show_undetermined: bool | None = None,
                 exclude: list[str] | None = None, gitignore: bool = True,
                 include_generated: bool = False, cache: bool | None = None):
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.enable = [] if enable is None else enable
        self.rules_dirs = [] if rules_dirs is None else rules_dirs
        self.fail_level = fail_level
        # --parameters: values for templates
        self.parameter_files = [] if parameter_files is None else parameter_files
        # --param name=value (wins)
        self.parameter_values = {} if parameter_values is None else parameter_values
        self.auto_parameters = auto_parameters  # pair x.json with x.parameters.json beside it
        self.config = config  # --config: one file for every linted file
        self.use_config = use_config  # False: ignore configuration files (tests, editors)
        self.baseline = baseline
        self.jobs = jobs  # None: the machine's cores
        self.roots = [] if roots is None else roots  # --root: more folders files may come from
        self.max_file_size = max_file_size  # bigger files are an AL0002 finding, not read
        # --policy: files, folders, builtin:NAME; --policy-aliases files
        self.policies = [] if policies is None else policies
        self.policy_aliases = [] if policy_aliases is None else policy_aliases
        self.show_undetermined = show_undetermined  # report undetermined policy results
        # --exclude globs (see Linter.skip_reason)
        self.exclude = [] if exclude is None else exclude
        self.gitignore = gitignore  # folder walks leave out what .gitignore files say
        self.include_generated = include_generated  # lint Bicep-generated JSON beside its .bicep
        self.cache = cache  # the result cache (lint_paths): None or True on, False off


def classify_schema(schema: Any) -> str | None:
    if not isinstance(schema, str):
        return None
    low = schema.lower()
    if "deploymenttemplate" in low:
        return "template"
    if "deploymentparameters" in low:
        return "parameters"
    return None


def classify_json(value: Any) -> str | None:
    """What JSON is linted as: a template or parameter file by its `$schema`, or a template by
    its shape when it has no `$schema` (`resources` with `contentVersion` or `parameters`: a
    template that lost its schema is still deployed, and AL1002 reports the missing schema)."""
    if not isinstance(value, dict):
        return None
    kind = classify_schema(value.get("$schema"))
    if kind is None and "$schema" not in value:
        # near misses: `"schema"` without the `$` (AL1006, AL1002 report it), or no schema at all
        kind = classify_schema(value.get("schema"))
        if kind is None and _template_shaped(value):
            return "template"
    return kind


def _template_shaped(value: dict) -> bool:
    keys = {k.lower() for k in value if isinstance(k, str)}
    return "resources" in keys and bool(keys & {"contentversion", "parameters"})


def _omitted_nullables(template: Any, values: dict) -> dict:
    """{name: None} for each nullable parameter without a default that a `.bicepparam` file
    leaves out: deployed with that file, it is null (`if (!empty(x))` is false), not unknown."""
    params = template.get("parameters") if isinstance(template, dict) else None
    if not isinstance(params, dict):
        return {}
    given = {str(k).lower() for k in values}
    return {name: None for name, decl in params.items()
            if isinstance(decl, dict) and decl.get("nullable") is True
            and "defaultValue" not in decl and str(name).lower() not in given}


def _not_arm(value: Any) -> str:
    """Why JSON that parsed is not linted, in words."""
    schema = value.get("$schema") if isinstance(value, dict) else None
    if isinstance(schema, str):
        shown = schema if len(schema) <= 100 else schema[:100] + "..."
        return f"its $schema ('{shown}') is not a deployment template or parameter file schema"
    return "no $schema naming a deployment template or parameter file"


def _bicep_source(value: dict, path: Path) -> str | None:
    """The .bicep file (same folder, same name) the Bicep compiler wrote this template from,
    when its `metadata._generator.name` says the compiler wrote it."""
    metadata = value.get("metadata")
    generator = metadata.get("_generator") if isinstance(metadata, dict) else None
    name = generator.get("name") if isinstance(generator, dict) else None
    if not isinstance(name, str) or name.lower() != "bicep":
        return None
    full = os.path.abspath(path)
    return full[:-len(path.suffix)] + ".bicep" if path.suffix else None


def display_path(path: Path, root: str) -> str:
    """The path relative to the run's root when it is inside it, else as given; bytes of a file
    name that are not UTF-8 are shown as escapes (`\\udcff`)."""
    absolute = os.path.abspath(path)
    if absolute.startswith(root + os.sep):
        return _printable(absolute[len(root) + 1:].replace(os.sep, "/"))
    return _printable(path.as_posix())


class Linter:
    """Lints files with one loaded catalogue; rules, levels and options are settled per file from
    the configuration that applies to it and the command line."""

    def __init__(self, catalogue: Catalogue, options: LintOptions, root: Path | None = None,
                 finder: ConfigFinder | None = None):
        self.catalogue = catalogue
        self.options = options
        self.root = os.path.abspath(root or os.getcwd())
        if finder is None:
            finder = ConfigFinder(Path(options.config) if options.config else None,
                                  tuple(options.roots)) \
                if options.use_config else None
        self.finder = finder
        self._given_values: list | None = None  # (path, values) of the --parameters files
        self._module_findings: dict[str, set] = {}  # module file -> (rule, span) it reports itself
        # module file -> its result, linted for _reported_in_module, until the run lints it itself
        self._module_results: dict[str, FileResult] = {}
        self._linting_files: list[str] = []  # the files being linted, innermost last
        self._cyclic: set[str] = set()  # files whose result depends on which was linted first
        self._settings: dict = {}
        self._modules = None
        self._bicep_configs: BicepConfigFinder | None = None
        self._confinements: dict[str, Confinement] = Recent()
        self._vcs_roots: dict = Recent()  # folder -> its version-control root (project_root)
        self._linted_real: tuple | None = None  # (linted, their real folders)
        self._real_roots: tuple | None = None  # (options.roots, their real paths)
        self.linted: list[str] = []  # the paths named on the command line (lint_paths sets them)
        self.policies = None  # the PolicySet of --policy / `policies:` (see policy/), or None
        self.unsaved: dict[str, str] = {}  # absolute path -> text an editor holds, read instead
        self.bicep_sources: set[str] = set()  # absolute paths of the .bicep files this run lints
        self._excludes = None  # compiled --exclude globs
        self.cache = None  # a resultcache.ResultCache when the run uses one (lint_paths)
        self._depth = 0  # files being linted inside another's lint (a module on its own)
        self._missed: set = set()  # (path, explicit) the result cache did not have
        self._given_seen: dict = {}  # what reading the --parameters files looked at
        self._module_seen: dict[str, dict] = {}  # file -> what linting it looked at (see lint_file)
        self._keep_until: dict[str, int] | None = None  # see plan()

    @property
    def modules(self):
        """Local Bicep modules, loaded once per run (imported only when Bicep is linted)."""
        if self._modules is None:
            if self.cache is not None:
                from .resultcache import recording_loader
                self._modules = recording_loader(self.confinement_for, self.unsaved)
            else:
                from .bicep.lower import ModuleLoader
                self._modules = ModuleLoader(self.confinement_for, self.unsaved)
            self._modules.plan(self._keep_until)
        return self._modules

    def plan(self, paths: list | None) -> None:
        """The files a run lints, in order (None at a position not linted), so that what is kept
        for later files (lowered modules, findings of files used as modules) is kept only until
        the last file that needs it is done: the runner calls `release(position)` after each.
        None: keep everything (an editor's session, a library caller), as without a plan."""
        if paths is None:
            self._keep_until = None
            if self._modules is not None:
                self._modules.plan(None)
            return
        keep: dict[str, int] = {}
        for i, path in enumerate(paths):  # strings or Paths: a Path is made only for Bicep
            if path is not None and str(path).lower().endswith(".bicep"):
                path = Path(path)
                if path.suffix.lower() != ".bicep":
                    continue
                from .bicep.module_refs import local_modules
                for target in local_modules(str(path), self._plan_bytes(path)):
                    keep[target] = i
        if keep:  # a module that is itself linted later is kept until then
            for i, path in enumerate(paths):
                key = os.path.abspath(path) if path is not None else None
                if key in keep and keep[key] < i:
                    keep[key] = i
        self._keep_until = keep
        if self._modules is not None:
            self._modules.plan(keep)

    def _plan_bytes(self, path: Path) -> bytes:
        """The bytes of a file the run will lint, as the lint reads them; none for a file the
        lint would not read (excluded, too big, a link out of the project)."""
        try:
            if os.path.islink(path):
                self.confinement_for(path).check(path)
            if self.skip_reason(path) is not None:
                return b""
            return read_file(path, self.options.max_file_size)
        except ReadRefused:
            return b""

    def release(self, position: int) -> None:
        """Forget what no file after the run's file at `position` needs (see `plan`)."""
        keep = self._keep_until
        if keep is None:
            return
        held: set = set()
        if self._modules is not None:
            self._modules.release(position)
            held = self._modules.held  # inside a kept module: its findings are asked still
        for table in (self._module_findings, self._module_results, self._module_seen):
            for key in [k for k in table if keep.get(k, -1) <= position and k not in held]:
                del table[key]

    def forget_files(self) -> None:
        """Forget the modules and parameter files read so far (the configuration stays): for a
        caller that lints again after files changed, as an editor does."""
        self._modules = None
        self._module_findings = {}
        self._module_results = {}
        self._cyclic = set()
        self._module_seen = {}
        self._given_values = None

    def confinement_for(self, path: Path | None) -> Confinement:
        """Where the files that `path` names (modules, load*() files, mapped parameter files)
        may lie: its project (configuration folder or version-control root, else the path named
        on the command line) and the --root folders."""
        folder = os.path.dirname(os.path.abspath(path)) if path is not None else self.root
        found = self._confinements.get(folder)
        if found is None:
            config = self.config_for(path)
            base = config.path.parent if config.path is not None else None
            real = files.real_path(folder)
            if self._linted_real is None or self._linted_real[0] != self.linted:
                self._linted_real = (list(self.linted), [files.real_path(
                    p if os.path.isdir(p) else os.path.dirname(p)) for p in self.linted])
            fallback = next((p for p, r in zip(*self._linted_real) if is_inside(real, r)), None)
            if self._real_roots is None or self._real_roots[0] != self.options.roots:
                self._real_roots = (list(self.options.roots),
                                    [files.real_path(r) for r in self.options.roots])
            found = Confinement([project_root(real, base, fallback, self._vcs_roots,
                                              resolved=True)] + self._real_roots[1],
                                resolved=True)
            self._confinements[folder] = found
        if self.cache is not None:
            files.note(("roots", folder), json.dumps(list(found.roots)))
        return found

    def config_for(self, path: Path | None) -> Config:
        if self.finder is None:
            return EMPTY
        return self.finder.for_path(path) if path is not None else self.finder.for_dir(
            Path(self.root))

    def bicep_levels(self, path: Path | None) -> dict:
        """The levels the bicepconfig.json above a Bicep file gives to rules ({} for others)."""
        if path is not None and self.finder is not None and \
                path.suffix.lower() in (".bicep", ".bicepparam"):
            if self._bicep_configs is None:
                self._bicep_configs = BicepConfigFinder(self.catalogue, tuple(self.options.roots))
            return self._bicep_configs.levels_for(path)
        return {}

    def settings(self, path: Path | None) -> FileSettings:
        config = self.config_for(path)
        rel = config.relative(path) if path is not None else ""
        bicep = self.bicep_levels(path)
        # The levels are keyed by content: id() of a dict made for this call is reused by the
        # next one, so a Bicep file could get the settings cached for a JSON file.
        is_bicep = path is not None and path.suffix.lower() in (".bicep", ".bicepparam")
        key = (id(config), tuple(i for i, o in enumerate(config.overrides) if o.matches(rel)),
               is_bicep, json.dumps(bicep, sort_keys=True, default=str) if bicep else "")
        found = self._settings.get(key)
        if found is None:
            found = file_settings(self.catalogue, config, path or Path(self.root),
                                  self.options.select, self.options.ignore, self.options.enable,
                                  bicep)
            self._settings[key] = found
        return found

    # -- parameter values -------------------------------------------------------------------
    def parameter_sources(self, template: Path | None) -> list[tuple[Path, ParameterSource]]:
        """The parameter files a template is linted with, and what each gives, in rising priority:
        the file the configuration maps to the template, --parameters files, and the template's
        own `<name>.parameters.json` or `<name>.bicepparam` with --auto-parameters."""
        if self._given_values is None:
            with files.recording() as seen:
                self._given_values = [(Path(f), read_parameter_file(Path(f), None,
                                                                      self.options.max_file_size,
                                                                      self.modules))
                                      for f in self.options.parameter_files]
            self._given_seen = seen
        files.note_all(self._given_seen)  # read once per run, looked at by every template
        sources: list = []
        config = self.config_for(template)
        if template is not None:
            mapped = config.parameter_file_for(template)
            if mapped is not None:
                sources.append((mapped, read_parameter_file(
                    mapped, self.confinement_for(config.path or template),
                    self.options.max_file_size, self.modules)))
        sources += self._given_values
        auto = self.options.auto_parameters
        if auto is None:
            auto = bool(config.auto_parameters)
        if auto and template is not None:
            stem = template.name[:-len(template.suffix)]
            for name in (stem + ".parameters.json", stem + ".bicepparam"):
                sibling = template.with_name(name)
                if files.exists(sibling):
                    sources.append((sibling, read_parameter_file(
                        sibling, self.confinement_for(template), self.options.max_file_size,
                        self.modules)))
        return sources

    def _with_parameters(self, doc, value, template: Path | None, language: str = "json"):
        """The template model of a file, built with the values of its parameter files, each
        winning over the one before, and --param over them all."""
        from .model.build import build_template_model
        from .model.template import GivenParameters
        sources = self.parameter_sources(template)
        values: dict = {}
        for _, given in sources:
            values.update(given.values)
        if any(str(p).lower().endswith(".bicepparam") for p, _ in sources):
            values.update(_omitted_nullables(value, values))
        values.update(self.options.parameter_values)
        model = build_template_model(doc, value, values, language=language)
        shown = display_path(template, self.root) if template is not None else ""
        absolute = os.path.abspath(template) if template is not None else ""
        model.given_parameters = [GivenParameters(display_path(p, self.root), tuple(given.values),
                                                  given.doc, shown, absolute)
                                  for p, given in sources]
        return model

    # -- one file ---------------------------------------------------------------------------
    def lint_file(self, path: Path, explicit: bool = True) -> FileResult:
        # the real path of each folder worked out once for the file (its confinement, project
        # root and each module it names), or once for the run when the caller opened it for all
        with files.resolving():
            return self._lint_file_once(path, explicit)

    def _lint_file_once(self, path: Path, explicit: bool) -> FileResult:
        key = os.path.abspath(path)
        cache = self.cache if not self.unsaved else None
        if cache is None:
            return self._lint_tracked(path, explicit, key)
        if self._depth:  # a module linted on its own inside another file's lint
            files.note(("context", key), cache.context(path))
            return self._lint_tracked(path, explicit, key)
        found = self.cached_result(path, explicit)
        if found is not None:
            return found
        self._depth += 1
        try:
            with files.recording() as seen:
                result = self._lint_tracked(path, explicit, key)
        finally:
            self._depth -= 1
        if key not in self._cyclic:  # in a module cycle the result depends on the order
            cache.store(path, explicit, result, seen)
        # what a file that uses this one as a module depends on through its findings
        self._module_seen[key] = {**seen, ("context", key): cache.context(path)}
        return result

    def cached_result(self, path: Path, explicit: bool) -> FileResult | None:
        """The result cache's result for a file (None on a miss, or without a cache); a file
        looked up once and missed is not looked up again."""
        if self.cache is None:
            return None
        key = (os.path.abspath(path), explicit)
        if key in self._missed:
            return None
        found = self.cache.lookup(path, explicit)
        if found is None:
            self._missed.add(key)
        else:
            found.source = key[0]
        return found

    def _lint_tracked(self, path: Path, explicit: bool, key: str) -> FileResult:
        self._linting_files.append(key)
        try:
            result = self._lint_file(path, explicit)
        finally:
            self._linting_files.pop()
        result.source = key
        keep = self._keep_until
        if key not in self._module_findings and key not in self._cyclic and \
                (explicit or result.kind not in ("skipped", "unreadable")) and \
                (keep is None or key in keep):
            # what _reported_in_module asks when another file uses this one as a module (not
            # made for a file the run's plan has no later use for: release() would drop it)
            self._module_findings[key] = {(f.rule_id, f.location.span) for f in result.findings}
        return result

    def skip_reason(self, path: Path) -> str | None:
        """Why `path` is left out by an exclusion (an --exclude glob or the configuration's
        `exclude:`), or None. An --exclude glob is matched against the path relative to the
        working directory and each folder above it; a glob without '/' against each name in it
        (`--exclude generated` leaves out every folder named generated)."""
        if self.options.exclude:
            if self._excludes is None:
                from .config import glob_to_regex
                self._excludes = [glob_to_regex(g) for g in self.options.exclude]
            full = os.path.abspath(path)
            rel = full[len(self.root) + 1:] if full.startswith(self.root + os.sep) else full
            parts = rel.replace(os.sep, "/").split("/")
            prefixes = ["/".join(parts[:i]) for i in range(len(parts), 0, -1)]
            for glob in self._excludes:
                names = parts if "/" not in glob.glob else prefixes
                if any(glob.fullmatch(n) for n in names if n):
                    return f"excluded by --exclude '{glob.glob}'"
        config = self.config_for(path)
        pattern = config.exclusion(path)
        if pattern is not None:
            name = display_path(config.path, self.root) if config.path else "the configuration"
            return f"excluded by exclude: '{pattern}' in {name}"
        return None

    def skipped(self, path: Path, reason: str) -> FileResult:
        """The result of a file that is not linted, and why."""
        shown = display_path(path, self.root) + ("/" if os.path.isdir(path) else "")
        return FileResult(shown, "skipped", reason=reason, source=os.path.abspath(path))

    def _lint_file(self, path: Path, explicit: bool) -> FileResult:
        shown = display_path(path, self.root)
        reason = self.skip_reason(path)
        if reason is not None:
            return FileResult(shown, "skipped", reason=reason)
        try:
            if not explicit:  # found in a folder: a symlink there must not lead out of it
                self.confinement_for(path).check(path)
            done = self._module_results.pop(os.path.abspath(path), None)
            if done is not None:  # linted already as another file's module
                files.note_all(self._module_seen.get(os.path.abspath(path), {}))
                return _shown_as(done, shown)
            data = [read_file(path, self.options.max_file_size)]
        except ReadRefused as exc:
            return self._unreadable(shown, path, exc.reason, 1, 1)
        try:
            # handed over, not kept in this frame: lint_bytes drops the bytes once decoded
            return self.lint_bytes(data.pop(), shown, explicit, path)
        except USAGE_ERRORS:
            raise  # a broken configuration, rule or parameter file stops the run with exit 2
        except Exception as exc:  # a bug in armlint: this file gets a finding, the run goes on
            return self.failure(path, f"armlint failed on this file: {type(exc).__name__}: "
                                      f"{_printable(str(exc))}; please report this")

    def failure(self, path: Path, message: str) -> FileResult:
        """The result of a file armlint itself failed on: one AL0003 finding."""
        from .engine import fingerprint
        settings = self.settings(path)
        result = FileResult(display_path(path, self.root), "unreadable",
                            rules=settings.rule_ids, source=os.path.abspath(path))
        self._add(result, settings, "AL0003", message, Span(1, 1, 1, 1))
        fingerprint.assign(result.findings)
        return result

    def lint_bytes(self, data: bytes, shown: str, explicit: bool = True,
                   path: Path | None = None) -> FileResult:
        try:
            decoded = decode(data)
        except DecodeError as exc:
            return self._unreadable(shown, path, exc.message, exc.line, exc.col)
        # only the text is linted: bytes the caller does not keep would otherwise live (1x the
        # file) until the findings are made
        del data
        return self.lint_source(decoded.text, shown, explicit, path)

    def lint_source(self, text: str, shown: str, explicit: bool = True,
                    path: Path | None = None) -> FileResult:
        """Lint decoded text as the kind of file its name says: Bicep (`.bicep`, `.bicepparam`)
        or JSON (a template or parameter file by its `$schema`)."""
        if shown.lower().endswith((".bicep", ".bicepparam")):
            return self.lint_bicep(text, shown, path)
        return self.lint_json(text, shown, explicit, path)

    def lint_bicep(self, text: str, shown: str, path: Path | None = None) -> FileResult:
        """Lint Bicep source: parse it, lower it to the template model, run the same rules."""
        from .engine import fingerprint
        from .bicep.document import BicepDocument
        from .bicep.lower import lower_parameter_file
        from .bicep.parser import parse
        from .model.build import build_parameter_file_model
        settings = self.settings(path)
        is_params = shown.lower().endswith(".bicepparam")
        result = FileResult(shown, "bicepparam" if is_params else "bicep",
                            rules=settings.rule_ids)
        try:
            if is_params:
                doc = BicepDocument(text, parse(text), path)
                model = build_parameter_file_model(doc, lower_parameter_file(doc, self.modules),
                                                   "bicep")
            else:
                doc, value = self.modules.lowered(path, text)
                model = self._with_parameters(doc, value, path, "bicep")
        except RecursionError:  # a chain of thousands of `[0]` or `.x` the parser reads in a loop
            self._add(result, settings, PARSE_ERROR, "the file nests expressions too deeply to read",
                      Span(1, 1, 1, 1))
            fingerprint.assign(result.findings)
            return result
        except Exception as exc:  # a bug in lowering must not stop the run
            self._add(result, settings, "AL0003", f"armlint could not read this Bicep file: "
                      f"{type(exc).__name__}: {exc}; please report this", Span(1, 1, 1, 1))
            fingerprint.assign(result.findings)
            return result
        for d in doc.tree.diagnostics:
            self._add(result, settings, PARSE_ERROR, d.message, doc.lines.span(d.start, d.end))
        if not is_params:
            self._add_duplicate_names(result, settings, doc)
        for d in doc.problems:  # files it names that were refused: outside the project, ...
            self._add(result, settings, UNREADABLE, d.message, doc.lines.span(d.offset, d.end))
        self._check_model(result, settings, doc, model, doc.suppression_directives())
        return result

    def lint_json(self, text: str, shown: str, explicit: bool = True,
                  path: Path | None = None) -> FileResult:
        """Lint JSON text: a template or a parameter file by its `$schema` (a template also by its
        shape, see `classify_json`); other JSON is skipped (reported when `explicit` and it does not parse)."""
        from .engine import fingerprint
        from .source import jsonc
        settings = self.settings(path)
        doc = jsonc.load(text)
        if not doc.ok:
            match = _SCHEMA_RE.search(text)
            if not explicit and (match is None or classify_schema(match.group(1)) is None):
                return FileResult(shown, "skipped", reason="not valid JSON, and no $schema "
                                  "naming a deployment template or parameter file")
            result = FileResult(shown, "template", rules=settings.rule_ids)
            self._add(result, settings, PARSE_ERROR, doc.error.message, doc.error_span())
            fingerprint.assign(result.findings, doc)
            return result
        value = doc.value
        kind = classify_json(value)
        if kind is None:
            return FileResult(shown, "skipped", reason=_not_arm(value))
        if kind == "template" and path is not None and self.bicep_sources and \
                not self.options.include_generated:
            source = _bicep_source(value, path)
            if source is not None and source in self.bicep_sources:
                return FileResult(shown, "skipped", reason=(
                    f"generated by the Bicep compiler from {os.path.basename(source)}, which this "
                    f"run lints (--include-generated lints it too)"))
        from .model.build import build_parameter_file_model
        if kind == "template":
            model = self._with_parameters(doc, value, path)
        else:
            model = build_parameter_file_model(doc, value)
        result = FileResult(shown, kind, rules=settings.rule_ids)
        del value  # the document's tree: released once the rules are done (see _check_model)
        self._check_model(result, settings, doc, model, own_doc=True)
        return result

    def _check_model(self, result: FileResult, settings: FileSettings, doc, model,
                     directives: list | None = None, own_doc: bool = False) -> None:
        """The rules and policies over a built model, their findings located, suppressed and
        fingerprinted into `result`. The model is released (freed by reference counting from
        here, see Model.release) as soon as the rules are done, also when they fail, and with
        `own_doc` the document's tree too (JsonDocument.release: a Bicep document is the module
        loader's): the raw findings hold only origins (a document and a key chain), and the
        located findings are made in the memory the model and the tree (4 times a large
        template's size) gave back, not on top of them. What the later steps need of the model
        is taken first (`_Kept`); fingerprints read the released tree's values from the text."""
        from .engine.run import RunOptions, run_rules
        try:
            raw = run_rules(model, settings.rules, RunOptions(settings.options))
            raw += self._policy_findings(model)
            kept = _Kept(model, doc, result.path)
        finally:
            model.release()
            if own_doc:  # also a cycle: the objects of the tree that evaluation told their
                doc.release()  # place hold origins naming the document
        self._finish(result, settings, raw, doc, kept)
        self._suppress(result, settings, doc, kept, directives)
        _fingerprints(result, doc, kept)

    def _add_duplicate_names(self, result: FileResult, settings: FileSettings, doc) -> None:
        """A name declared twice is an error Bicep reports (BCP028, BCP145 for outputs) and
        that stops it compiling: a parse error at the second declaration. Read from the
        declarations alone: the semantic model is built only if a selected rule asks for it."""
        from .bicep.semantic import declarations
        for first, again in declarations(doc).duplicates:
            line = doc.lines.position(first.start)[0]
            self._add(result, settings, PARSE_ERROR,
                      f"'{again.name}' is declared more than once (first on line {line}); "
                      f"Bicep does not compile a file that declares a name twice",
                      doc.lines.span(again.start, again.end))

    def _policy_findings(self, model) -> list[RawFinding]:
        """Azure Policy's raw findings on a template (none without policies)."""
        if self.policies is None or model.kind != "template":
            return []
        from . import policy
        return policy.evaluate(model, self.policies)

    # -- findings ---------------------------------------------------------------------------
    def _add(self, result: FileResult, settings: FileSettings, rule_id: str, message: str,
             span: Span, pointer: str = "") -> None:
        rule = self.catalogue.find(rule_id)
        if rule is None or rule not in settings.rules:
            return
        result.findings.append(self._finding(rule, settings, message,
                                             Location(result.path, span, pointer)))

    def unreadable_path(self, path: Path, message: str) -> FileResult:
        """An AL0002 finding on a path that could not be read (a folder that cannot be listed)."""
        return self._unreadable(display_path(path, self.root), path, message, 1, 1)

    def _unreadable(self, shown: str, path: Path | None, message: str, line: int,
                    col: int) -> FileResult:
        from .engine import fingerprint
        settings = self.settings(path)
        result = FileResult(shown, "unreadable", rules=settings.rule_ids)
        self._add(result, settings, UNREADABLE, message,
                  Span(line, col, line, col + 1))
        fingerprint.assign(result.findings)
        return result

    def _finding(self, rule: Rule, settings: FileSettings, message: str, location: Location,
                 item: str = "", level: str | None = None, kind: str = "fail") -> Finding:
        message = _printable(message)
        if _printable(location.pointer) != location.pointer:
            location = Location(location.path, location.span, _printable(location.pointer))
        # an open (undetermined) result has no level, whatever the configuration says
        level = "none" if kind != "fail" else settings.levels.get(rule.id, level or rule.level)
        return Finding(rule.id, rule.name, level, message,
                       location, item_pointer=item, kind=kind)

    def _finish(self, result: FileResult, settings: FileSettings, raw: list[RawFinding], doc,
                kept: _Kept) -> None:
        from .engine.locate import locate_offsets, locate_origin, locate_pinned
        seen: dict = {}
        elsewhere = kept.module_sites
        # a finding about a name a parameter file gives lies in that file
        given = {id(g.doc): g.shown for g in kept.given_parameters if g.doc is not None}
        items: dict = {}  # id(resource origin) -> its pointer, one string for its findings
        kept_items: list = []  # those origins, so that their ids stay theirs
        for index, rf in enumerate(raw):
            raw[index] = None  # each raw finding is freed once located, not after the last
            rule = rf.rule if isinstance(rf.rule, Rule) else self.catalogue.find(rf.rule)
            if rule is None or (rule not in settings.rules and isinstance(rf.rule, Rule)):
                continue
            if rf.offsets is not None:
                where, start, end = rf.offsets
                found = (where, locate_offsets(where, start, end, rf.inner), "")
            else:
                found = locate_origin(rf.origin, rf.part, rf.inner) if rf.origin is not None else \
                    locate_pinned(rf.place)
            related = ()
            if found is not None and found[0] is not doc and id(found[0]) in elsewhere:
                # inside a module loaded from another file: that file's own problem is reported
                # there; here, at the module, only what the values this file binds bring about
                if self._reported_in_module(found[0], rule.id, found[1]):
                    continue
                related = self._in_module(found)
                found = locate_origin(elsewhere[id(found[0])], "value")
            span, pointer = (found[1], found[2]) if found else (Span(1, 1, 1, 1), "")
            path = given.get(id(found[0]), result.path) if found else result.path
            key = (rule.id, path, span, rf.message)
            same = seen.get(key)
            if same is not None:  # one finding at the module for several places inside it
                same.related += tuple(r for r in related if r not in same.related)
                continue
            finding = seen[key] = self._finding(rule, settings, rf.message,
                                                Location(path, span, pointer),
                                                _item_pointer(rf.item, items, kept_items), rf.level,
                                                rf.kind)
            finding.related = related
            result.findings.append(finding)
        del seen, items, kept_items  # a key per finding: not kept while the copies are merged
        _merge_copies(result, kept)

    def _in_module(self, found: tuple) -> tuple[Related, ...]:
        """Where in a module's file a finding reported at the module's declaration lies."""
        module_doc, span, pointer = found
        path = getattr(module_doc, "path", None)
        if path is None:
            return ()
        shown = display_path(Path(path), self.root)
        return (Related(Location(shown, span, pointer),
                        f"here in the module's file {Path(path).name}",
                        os.path.abspath(path)),)

    def _reported_in_module(self, module_doc, rule_id: str, span: Span) -> bool:
        """Whether linting the module's file on its own gives this finding (rule and place)."""
        path = getattr(module_doc, "path", None)
        if path is None:
            return False
        key = os.path.abspath(path)
        found = self._module_findings.get(key)
        if found is None:
            self._module_findings[key] = set()  # a module that reaches itself: keep its findings
            with files.recording() as seen:
                result = self.lint_file(Path(path), explicit=True)
            self._module_seen[key] = seen
            found = self._module_findings[key] = {(f.rule_id, f.location.span)
                                                  for f in result.findings}
            if key not in self._cyclic:  # the run lints it as it was linted here: keep the result
                self._module_results[key] = result
        else:
            if key in self._linting_files:  # a cycle: what is linted inside it differs
                self._cyclic.update(self._linting_files)
            if self.cache is not None:  # this file depends on what linting the module read
                files.note_all(self._module_seen.get(key, {}))
        return (rule_id, span) in found

    def _suppress(self, result: FileResult, settings: FileSettings, doc, kept: _Kept,
                  directives: list | None = None) -> None:
        from .engine import suppress
        from .source.directives import parse_comment
        if directives is None:
            directives = [d for d in (parse_comment(c.text, c.start, c.end, doc.lines)
                                      for c in doc.comments) if d is not None]
        entries = kept.metadata_entries
        own = [f for f in result.findings if f.location.path == result.path]
        self._suppress_elsewhere([f for f in result.findings if f.location.path != result.path],
                                 kept)
        if kept.parameter_file:
            self._for_template_findings(directives)
        if not (directives or entries or settings.suppress):
            return
        extra = suppress.apply(own, self.catalogue, directives, entries,
                               settings.suppress, result.path)
        extra = [f for f in extra if self.catalogue.find(f.rule_id) in settings.rules]
        for f in extra:
            f.level = settings.levels.get(f.rule_id, f.level)
        result.findings.extend(extra)
        result.findings.sort(key=Finding.sort_key)

    def _suppress_elsewhere(self, findings: list[Finding], kept: _Kept) -> None:
        """Findings of this file's lint that lie in another file (a parameter file it is linted
        with): that file's directives and the configuration's suppressions for it apply to them,
        never this file's directives or metadata (their lines and pointers are this file's).
        A directive there that silences nothing is reported by that file's own lint."""
        from .engine import suppress
        docs = {g.shown: g.doc for g in kept.given_parameters if g.doc is not None}
        by_path: dict = {}
        for f in findings:
            by_path.setdefault(f.location.path, []).append(f)
        for path, group in by_path.items():
            overrides = self.settings(Path(self.root) / path).suppress
            directives = _directives(docs.get(path))
            if overrides or directives:
                suppress.apply(group, self.catalogue, directives, [], overrides, path)

    def _for_template_findings(self, directives: list) -> None:
        """In a parameter file's own lint: a directive that names only rules a template's lint
        reports in its parameter files (FROM_TEMPLATES) silences findings of that lint, which
        this one does not see; it is not reported as silencing nothing."""
        for d in directives:
            rules = [self.catalogue.find(s) for s in d.selectors]
            if d.selectors and all(r is not None and r.id in FROM_TEMPLATES for r in rules):
                d.used.update(r.id for r in rules)


def _directives(doc) -> list:
    """The inline suppression directives of a document (none without one)."""
    if doc is None:
        return []
    if hasattr(doc, "suppression_directives"):
        return doc.suppression_directives()
    from .source.directives import parse_comment
    return [d for d in (parse_comment(c.text, c.start, c.end, doc.lines)
                        for c in getattr(doc, "comments", ())) if d is not None]


_LISTED_COPIES = 5  # values a merged per-copy finding lists


def _merge_copies(result: FileResult, kept: _Kept) -> None:
    """One finding per rule and place of a loop: the copies of a resource loop (judged one by
    one when the count is known), or of a property loop, that give the same finding there give
    one; when their messages differ (a value built from copyIndex()), the first copy's message
    says in how many copies it is and lists the values that differ: "... (in 3 of 3 copies:
    'a', 'b', 'c')" (a property loop: "in 2 copies"). Several findings of one rule at one place
    outside a loop are different problems and stay apart."""
    loops = kept.loops
    # Only a finding that can be one of a loop's copies is grouped (a key for each finding of a
    # large template was the peak of its lint), and a group gets a list once it has a second.
    bicep = kept.is_bicep
    first: dict = {}
    groups: dict = {}
    for f in result.findings:
        item = f.item_pointer
        if item and (item in loops or bicep or "/copy/" in f.location.pointer):
            key = (f.rule_id, f.location, item)
            earlier = first.setdefault(key, f)
            if earlier is not f:
                groups.setdefault(key, [earlier]).append(f)
    del first
    if not groups:
        return
    drop: set = set()
    for group in groups.values():
        total = loops.get(group[0].item_pointer)
        if total is None and not _in_property_loop(kept.bicep_value,
                                                   group[0].location.pointer):
            continue  # not the copies of a loop: several problems at one place
        group[0].message = _copies_message([f.message for f in group], total)
        for f in group[1:]:
            group[0].related += tuple(r for r in f.related if r not in group[0].related)
            drop.add(id(f))
    result.findings = [f for f in result.findings if id(f) not in drop]


def _in_property_loop(value, pointer: str) -> bool:
    """Whether the value at `pointer` is (or holds) a property loop: JSON's `copy` array of a
    property (its `input` is where a copy's value is written), or a Bicep `for` expression,
    which is lowered to map(range(...)) and located at the property that holds it (`value`:
    the lowered Bicep template, None for JSON)."""
    if "/copy/" in pointer:
        return True
    if value is None:
        return False
    from .engine.fingerprint import parse_pointer
    for key in parse_pointer(pointer):
        if isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, dict) and key in value:
            value = value[key]
        else:
            return False
    return _has_loop(value, 0)


def _has_loop(value, depth: int) -> bool:
    if isinstance(value, str):
        return value.startswith("[map(range(")
    if depth > 8:
        return False
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return any(_has_loop(v, depth + 1) for v in items)


def _copies_message(messages: list[str], total: int | None) -> str:
    """The first message, with how many copies give it and the values that differ."""
    first = messages[0]
    start = len(os.path.commonprefix(messages))
    end = len(os.path.commonprefix([m[::-1] for m in messages]))
    # widen the differing part to whole words or quoted values
    start = max(first.rfind(c, 0, start) for c in "' ") + 1 if start else 0
    values = []
    for m in messages:
        stop = len(m) - end
        cut = [i for i in (m.find(c, stop) for c in "' ") if i >= 0]
        stop = min(cut) if cut and stop < len(m) else len(m)
        value = m[start:stop]
        if m[start - 1:start] == "'" and m[stop:stop + 1] == "'":
            value = f"'{value}'"
        values.append(value)
    shown = ", ".join(values[:_LISTED_COPIES])
    if len(values) > _LISTED_COPIES:
        shown += f" and {len(values) - _LISTED_COPIES} more"
    counted = f"{len(messages)} of {total}" if total is not None else str(len(messages))
    return f"{first} (in {counted} copies: {shown})"


def _fingerprints(result: FileResult, doc, kept: _Kept) -> None:
    """Fingerprint a file's findings, each in the document it lies in (a finding in a parameter
    file the template is linted with is anchored in that file's text)."""
    from .engine import fingerprint
    docs = {g.shown: g.doc for g in kept.given_parameters if g.doc is not None}
    by_path: dict = {}
    for f in result.findings:
        by_path.setdefault(f.location.path, []).append(f)
    for path, group in by_path.items():
        fingerprint.assign(group, doc if path == result.path else docs.get(path))


def _shown_as(result: FileResult, shown: str) -> FileResult:
    """A file's result with its findings' paths as this run names the file."""
    if result.path != shown:
        for f in result.findings:
            if f.location.path == result.path:  # not those in a parameter file
                f.location = Location(shown, f.location.span, f.location.pointer)
        result.path = shown
    return result


class _Kept(Plain):
    """What locating, suppressing and fingerprinting a file's findings need of its model, taken
    before the model is released (see Linter._check_model): small, and holding no node of the
    document's tree."""
    __slots__ = _fields = ("module_sites", "module_docs", "given_parameters", "parameter_file",
                           "metadata_entries", "loops", "is_bicep", "bicep_value")

    def __init__(self, model, doc, path: str):
        from .engine.locate import json_pointer
        from .engine.suppress import metadata_entries
        self.module_sites = _module_sites(model, doc)
        # the documents `module_sites` names by id: kept, so that no other object takes an id
        self.module_docs = [t.origin.doc for t in model.templates
                            if id(t.origin.doc) in self.module_sites]
        self.given_parameters = list(model.given_parameters)
        self.parameter_file = model.parameter_file is not None
        # `metadata.armlint.suppress` of the template and its deployed resources
        owners = [(model.root, "")] if model.root is not None else []
        owners += [(r, json_pointer(r.origin.pointer)) for r in model.resources if r.deployed]
        self.metadata_entries = []
        for owner, pointer in owners:
            self.metadata_entries += metadata_entries(
                owner.raw, pointer, owner.origin, path,
                lambda origin, rest: doc.locate(tuple(origin.pointer) + rest)[0])
        # the pointer of each resource loop with more than one copy, and its number of copies
        self.loops = {json_pointer(tuple(r.origin.pointer)): len(r.copies)
                      for r in model.resources if r.copy is not None and len(r.copies) > 1}
        self.is_bicep = model.is_bicep
        # the lowered Bicep template (the module loader's), where property loops are found
        self.bicep_value = getattr(model.document, "value", None) if self.is_bicep else None


def _module_sites(model, doc) -> dict:
    """For each other file whose template is inlined here (a Bicep module), the origin of the
    module declaration in this file."""
    sites: dict = {}
    for t in model.templates:
        other = t.origin.doc
        if other is doc or id(other) in sites or t.deployment is None:
            continue
        res = t.deployment
        while res is not None and res.origin.doc is not doc:
            res = res.template.deployment
        if res is not None:
            sites[id(other)] = res.origin
    return sites


def _item_pointer(origin: Any, made: dict, kept: list) -> str:
    """The JSON pointer of the resource a finding's rule was looking at (its `Origin`), spelt
    once per resource in `made` (by the origin's id: `kept` holds the origin, so that the id
    stays its own; a list slot, not a tuple, as the model no longer holds the origins): a
    resource's findings share the string."""
    if origin is None:
        return ""
    known = made.get(id(origin))
    if known is None:
        from .engine.locate import json_pointer
        known = made[id(origin)] = json_pointer(tuple(origin.pointer))
        kept.append(origin)
    return known


def _printable(text: str) -> str:
    """`text` with lone surrogates written as escapes: JSON allows "\\ud800", and Python reads
    file name bytes that are not UTF-8 as surrogates, but UTF-8 output cannot hold them."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
