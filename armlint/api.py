"""The library entry points the CLI, editors and tests share: lint paths, lint one text.

Owns: a run (find the files, load the catalogue once, settle the run-wide settings, lint every
file through the runner, match the baseline) and the small public facade of the package. The
per-file pipeline is in `linter`, the process pool in `runner`, parameter files in `parameters`.
"""
from __future__ import annotations

import os
from pathlib import Path

from .config import EMPTY, ConfigFinder
from .engine.baseline import Baseline, BaselineError, Matching
from .engine.catalogue import Catalogue, Rule
from .engine.results import FileResult, Finding, Location, RunResult
from .engine import spool as spooling
from .engine.spool import FindingSpool
from .linter import USAGE_ERRORS, Linter, LintOptions
from .parameters import ParameterFileError, load_parameter_values

__all__ = ["lint_paths", "lint_text", "open_linter", "load_baseline", "LintOptions", "Linter", "RunResult",
           "FileResult", "Finding", "Location", "Baseline", "BaselineError", "ParameterFileError",
           "load_parameter_values", "USAGE_ERRORS"]


def lint_paths(paths: list[str], options: LintOptions | None = None,
               catalogue: Catalogue | None = None, progress=None) -> RunResult:
    """Lint files and folders. Raises RuleFileError (bad rule file), SelectorError (unknown
    selector), DiscoveryError (a path that does not exist), ConfigError, ParameterFileError and
    BaselineError: those are usage errors (exit code 2)."""
    from .source.files import resolving
    with resolving():  # each folder's real path worked out once in the run
        return _lint_paths(paths, options, catalogue, progress)


def _lint_paths(paths: list[str], options: LintOptions | None, catalogue: Catalogue | None,
                progress) -> RunResult:
    from .discover import discover
    from .runner import lint_all
    options = options or LintOptions()
    linter, run_config = _set_up(options, None, catalogue)
    linter.linted = [os.path.abspath(p) for p in paths]
    candidates = discover(paths, options.gitignore)
    from .resultcache import ResultCache, enabled
    cache = ResultCache(linter) if enabled(options.cache) and not linter.unsaved else None
    # One pass over the files, which come folder by folder: the answers per folder (the
    # configuration, bicepconfig.json, the project) are kept for the latest 1,024 folders, and
    # a pass for each question asked them all again in a tree of more folders (the corpus).
    bicep_sources = set()
    used: dict[str, Rule] = {}
    for c in candidates:
        path = c.path
        if c.skip is None and c.problem is None and path.suffix.lower() == ".bicep" and \
                linter.skip_reason(path) is None:
            bicep_sources.add(os.path.abspath(path))
        for rule in linter.settings(path).rules:
            used[rule.id] = rule
        if cache is not None and c.problem is None:
            cache.context(path)  # what the lookups will ask of this folder (kept per folder)
    linter.bicep_sources = bicep_sources
    if not candidates:
        used = {r.id: r for r in linter.settings(None).rules}
    jobs = options.jobs if options.jobs else (os.cpu_count() or 1)
    linter.cache = cache
    baseline_path = options.baseline or (str(run_config.baseline) if run_config.baseline else None)
    matching = Matching(load_baseline(Path(baseline_path), options.max_file_size)) \
        if baseline_path else None
    spool = FindingSpool(spooling.BUDGET)
    elsewhere: dict[int, list[Finding]] = {}

    def done(index: int, result: FileResult) -> None:
        """A file's result is known: its findings are matched and put away."""
        away = _elsewhere(result)
        if away:
            elsewhere[index] = away
        if matching is not None:
            matching.apply(result.findings)
        spool.add(index, result)

    files = lint_all(linter, candidates, jobs, progress, done)
    files = to_their_files(files, [elsewhere[i] for i in sorted(elsewhere)], spool, matching)
    if linter.cache is not None:
        linter.cache.evict()
    fail_level = options.fail_level or run_config.fail_level or "error"
    result = RunResult(files, sorted(used.values(), key=lambda r: r.id), root=linter.root,
                       fail_level=fail_level, spool=spool)
    if matching is not None:
        result.absent = matching.absent()
        result.baseline = baseline_path
    return result


def _elsewhere(result: FileResult) -> list[Finding]:
    """The findings of a file's lint that lie in another file, taken out of its result."""
    away = [f for f in result.findings if f.location.path != result.path]
    if away:
        result.findings = [f for f in result.findings if f.location.path == result.path]
    return away


def to_their_files(results: list[FileResult], elsewhere: list | None = None,
                   spool: FindingSpool | None = None,
                   matching: Matching | None = None) -> list[FileResult]:
    """The results with each finding in the result of the file it lies in. A template's lint
    can find a problem in a parameter file it is linted with (a name the template does not
    declare): that finding joins the parameter file's result, once however many templates
    report it alike, and a parameter file the run does not lint gets a result of its own,
    after the files linted (so every output, JUnit's per-file suites among them, shows it
    under its own file). `elsewhere`: those findings, already taken out of their results,
    in the order of the results (see `_elsewhere`); `spool`: where the results' findings are
    (a result changed is taken out of it and added again); `matching`: the baseline the
    results were matched with (a result changed is matched again)."""
    if elsewhere is None:
        elsewhere = [away for away in map(_elsewhere, results) if away]
    if not elsewhere:
        return results
    by_path = {r.path: (i, r) for i, r in enumerate(results)}
    added: list[FileResult] = []
    changed: dict[int, FileResult] = {}
    for away in elsewhere:
        for f in away:
            found = by_path.get(f.location.path)
            if found is None:
                kind = "bicepparam" if f.location.path.lower().endswith(".bicepparam") else \
                    "parameters"
                found = by_path[f.location.path] = (len(results) + len(added),
                                                    FileResult(f.location.path, kind))
                added.append(found[1])
            index, target = found
            if index not in changed:
                changed[index] = target
                if spool is not None:
                    spool.take(index, target)
                if matching is not None:
                    matching.give_back(target.findings)
            if any(g.rule_id == f.rule_id and g.location.span == f.location.span and
                   g.message == f.message for g in target.findings):
                continue
            target.findings.append(f)
            if f.rule_id not in target.rules:
                target.rules.append(f.rule_id)
            target.findings.sort(key=Finding.sort_key)
    for index, target in changed.items():
        if matching is not None:
            matching.apply(target.findings)
        if spool is not None:
            spool.add(index, target)
    return results + added


def open_linter(options: LintOptions | None = None, root: str | None = None) -> Linter:
    """The Linter `armlint check` sets up when run in folder `root` (default: the working
    directory): the built-in rules plus the rule folders of `options` and of the configuration
    there, and its policies. Files are then linted with the configuration, bicepconfig.json
    levels and parameter files of their own folders. An editor keeps one and lints its buffers
    with `lint_text(text, path, linter=...)`. Raises the usage errors lint_paths raises."""
    linter, _ = _set_up(options or LintOptions(), root, None)
    linter.linted = [linter.root]
    return linter


def _set_up(options: LintOptions, root: str | None,
            catalogue: Catalogue | None) -> tuple[Linter, object]:
    """The Linter of a run in folder `root` (None: the working directory), and the
    configuration of that folder (rule folders, policies, fail level, baseline)."""
    from .engine.loader import load_catalogue
    here = Path(os.path.abspath(root)) if root is not None else Path(os.getcwd())
    finder = None
    if options.use_config:
        finder = ConfigFinder(Path(options.config) if options.config else None,
                              tuple(options.roots))
    run_config = finder.for_dir(here) if finder and not finder.explicit else \
        (finder.explicit if finder else EMPTY)
    if catalogue is None:
        dirs = [Path(d) for d in options.rules_dirs] + list(run_config.rules_dirs)
        # the rule files of folders a configuration names must lie inside its project too
        confined = {str(d): run_config.confinement for d in run_config.rules_dirs
                    if run_config.confinement is not None}
        catalogue = load_catalogue(dirs, confined=confined)
    policies = load_policies(options, run_config)
    if policies is not None:  # policy definitions are selected and reported like rules
        catalogue = Catalogue(catalogue.rules + policies.rule_list())
    linter = Linter(catalogue, options, root=here if root is not None else None, finder=finder)
    linter.policies = policies
    return linter, run_config


def load_policies(options: LintOptions, config):
    """The PolicySet of --policy and the configuration's `policies:`, or None without any.
    Raises PolicyFileError, PolicySourceError, AliasFileError (usage errors, exit 2)."""
    sources = list(options.policies) + list(config.policies)
    if not sources:
        return None
    from . import policy
    show = options.show_undetermined if options.show_undetermined is not None else \
        bool(config.show_undetermined)
    return policy.load(sources, list(options.policy_aliases) + [str(a) for a in
                                                                 config.policy_aliases],
                       show_undetermined=show)


def load_baseline(path: Path, max_bytes: int | None = None) -> Baseline:
    """Read a baseline file (SARIF). Raises BaselineError naming the file (and the line and
    column where there is one) when it cannot be read or is not a baseline."""
    from .reporters.sarif import read_baseline
    from .source.files import DEFAULT_MAX_BYTES, ReadRefused, read_file
    from .source.text import DecodeError, decode
    try:
        data = read_file(path, max_bytes or DEFAULT_MAX_BYTES)
    except ReadRefused as exc:
        raise BaselineError(f"{path}: no such baseline file" if exc.missing else
                            f"{path}: cannot use the baseline: {exc.reason}") from None
    try:
        text = decode(data).text
    except DecodeError as exc:
        raise BaselineError(f"{path}:{exc.line}:{exc.col}: the baseline is not text: "
                            f"{exc.message}") from None
    return read_baseline(text, str(path))


def lint_text(text: str, filename: str = "template.json", select: list[str] | None = None,
              catalogue: Catalogue | None = None, *, linter: Linter | None = None) -> FileResult:
    """Lint one text as if it were a file named `filename` (for tests and editors): a `.bicep` or
    `.bicepparam` name is linted as Bicep, any other as JSON. Without `linter`, with no
    configuration file. With a `linter` from `open_linter`, `filename` is the file's path and the
    text is linted exactly as `armlint check` would lint that file if it held this text (its
    folder's configuration and exclusions, bicepconfig.json levels, parameter files, policies,
    suppressions, the size limit). The modules and parameter files it names are read once (from
    `linter.unsaved` when an editor holds them) and kept until `linter.forget_files()`. Bad text
    never raises: it is a finding; only a broken configuration does (`USAGE_ERRORS`)."""
    if linter is not None:
        return _lint_as_file(linter, text, Path(os.path.abspath(filename)))
    from .engine.loader import load_catalogue
    catalogue = catalogue or load_catalogue()
    linter = Linter(catalogue, LintOptions(select=select, use_config=False))
    return linter.lint_source(text, filename)


def _lint_as_file(linter: Linter, text: str, path: Path) -> FileResult:
    from .linter import display_path
    shown = display_path(path, linter.root)
    reason = linter.skip_reason(path)
    if reason is not None:
        return FileResult(shown, "skipped", source=str(path), reason=reason)
    # the bytes the file would hold, so binary text and the size limit are judged as on disk
    data = text.encode("utf-8", "surrogatepass")
    try:
        if len(data) > linter.options.max_file_size:
            from .source.files import size_text
            result = linter.unreadable_path(path, f"the file is {size_text(len(data))}, over the "
                                                  f"limit of {size_text(linter.options.max_file_size)}"
                                                  f" (--max-file-size)")
        else:
            result = linter.lint_bytes(data, shown, True, path)
    except USAGE_ERRORS:
        raise
    except Exception as exc:  # a bug in armlint: this file gets a finding
        result = linter.failure(path, f"armlint failed on this file: {type(exc).__name__}: "
                                      f"{exc}; please report this")
    result.source = str(path)
    return result
