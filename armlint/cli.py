"""The `armlint` command: check, rules, explain, docs. Thin: parse arguments, call the API, exit.

Exit codes: 0 nothing at or above the fail level (and always after --write-baseline); 1 findings
at or above it; 2 usage, configuration, rule-file or baseline error (the message names the file,
line and column); 130 interrupted (SIGINT), 143 terminated (SIGTERM), worker processes included.
Input files never cause a traceback: a file that cannot be read or parsed is a finding, and the
other files are linted.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .signals import stop_on_signals as _stop_on_signals

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _split(values: tuple) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _param_values(params: tuple) -> dict:
    import json

    from .expr.values import literal_value
    values = {}
    for item in params:
        name, sep, raw = item.partition("=")
        if not sep or not name.strip():
            _fail(f"--param takes NAME=VALUE, not '{item}'")
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        except RecursionError:
            _fail(f"--param {name.strip()}: the value nests too deeply to read")
        try:
            values[name.strip()] = literal_value(value)
        except RecursionError:
            _fail(f"--param {name.strip()}: the value nests too deeply to read")
    return values


def _fail(message: str) -> None:
    from .reporters.escape import visible  # the message may quote a hostile file
    click.echo(f"armlint: {visible(message)}", err=True)
    sys.exit(EXIT_USAGE)


def _load_catalogue(rules_dirs: list[str]):
    from .engine.loader import RuleFileError, load_catalogue
    try:
        return load_catalogue([Path(d) for d in rules_dirs])
    except RuleFileError as exc:
        _fail(f"invalid rule file: {exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="armlint", prog_name="armlint")
def main() -> None:
    """Lint Azure Resource Manager templates and Bicep files."""


FORMATS = ("text", "grouped", "json", "sarif", "github", "junit")


class _CheckCommand(click.Command):
    """Keeps the order of --format and --output so that each --output goes with the --format
    before it: `--format sarif --output out.sarif --format text`."""

    def parse_args(self, ctx, args):
        pairs: list[list] = []
        i = 0
        while i < len(args):
            arg = args[i]
            name, eq, value = arg.partition("=")
            if name in ("--format", "-f", "--output", "-o"):
                if not eq:
                    value = args[i + 1] if i + 1 < len(args) else ""
                    i += 1
                if name in ("--format", "-f"):
                    pairs.append([value, None])
                elif pairs and pairs[-1][1] is None:
                    pairs[-1][1] = value
                else:
                    pairs.append(["text", value])
            elif arg == "--":
                break
            i += 1
        ctx.meta["armlint_outputs"] = pairs
        return super().parse_args(ctx, args)


def _render(fmt: str, result, color: bool, show_suppressed: bool, report_fixed: bool,
            statistics: bool = False, sarif_category: str | None = None) -> str:
    if fmt in ("text", "grouped"):
        from .reporters import text
        return text.render(result, color=color, show_suppressed=show_suppressed,
                           statistics=statistics, grouped=fmt == "grouped")
    if fmt == "sarif":
        from .reporters import sarif
        import os
        return sarif.render(result, absent=report_fixed, category=sarif_category, env=os.environ)
    import importlib
    return importlib.import_module(f"armlint.reporters.{fmt}").render(result)


class _Progress:
    """A one-line progress bar on stderr for long runs."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 300:
            return
        percent = done * 100 // total
        if percent != self.last:
            self.last = percent
            bar = "#" * (percent // 4)
            sys.stderr.write(f"\rlinting [{bar:<25}] {done}/{total} files")
            if done == total:
                sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


@main.command(cls=_CheckCommand)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmts", type=click.Choice(FORMATS), multiple=True,
              help="Output format (text by default); repeat it, each with its --output, to write "
                   "several.")
@click.option("--output", "-o", "outputs", multiple=True, type=click.Path(dir_okay=False),
              help="Write the report of the --format before it to this file.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Run only these rules: IDs, ID prefixes or names (repeat or comma-separate).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--enable", multiple=True, metavar="RULES",
              help="Add these rules (for example rules that are off by default).")
@click.option("--fail-level", type=click.Choice(["error", "warning", "note"]), default=None,
              help="Exit 1 when a finding is at this level or above (default: error).")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False),
              help="A folder of your own rule files (YAML), added to the built-in rules.")
@click.option("--config", type=click.Path(dir_okay=False),
              help="Use this configuration file for every file (no search for .armlint.yaml).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--parameters", "parameter_files", multiple=True, metavar="FILE",
              help="A deploymentParameters file whose values the templates are linted with.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter value (JSON, or a plain string); wins over --parameters.")
@click.option("--auto-parameters/--no-auto-parameters", default=None,
              help="Lint each template with NAME.parameters.json beside it, when present.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="A SARIF file of accepted findings: report only what is new.")
@click.option("--report-fixed", is_flag=True,
              help="With --baseline, also write the accepted findings that are gone to SARIF "
                   "(baselineState 'absent'; code scanning shows them as open alerts).")
@click.option("--sarif-category", metavar="CATEGORY",
              help="The code scanning category of the SARIF report (automationDetails.id; "
                   "default armlint): give each armlint run of a workflow its own.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Write the findings of this run as a baseline SARIF file (exit code 0).")
@click.option("--show-suppressed", is_flag=True, help="List suppressed findings in text output.")
@click.option("--statistics", is_flag=True,
              help="Text output: a count per rule instead of each finding.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour in text output on standard output (auto: on a terminal; NO_COLOR and "
                   "FORCE_COLOR are honoured).")
@click.option("--exclude", "excludes", multiple=True, metavar="GLOB",
              help="Leave out files matching GLOB (relative to the working directory; a glob "
                   "without '/' matches any file or folder name). Repeatable.")
@click.option("--no-gitignore", is_flag=True,
              help="Also lint files that .gitignore files leave out of folder walks.")
@click.option("--include-generated", is_flag=True,
              help="Also lint JSON the Bicep compiler wrote when its .bicep source is linted.")
@click.option("--show-skipped", is_flag=True,
              help="List the files that were not linted, and why, on standard error.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Lint files in this many processes (default: the machine's cores).")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr for long runs (default: when stderr is a terminal).")
@click.option("--root", "roots", multiple=True, type=click.Path(file_okay=False),
              help="A folder the files templates and configuration files name may also come "
                   "from (besides the project: the configuration's folder or the repository).")
@click.option("--max-file-size", type=click.IntRange(min=1), default=64, metavar="MB",
              help="Files bigger than this many megabytes are reported, not read (default 64).")
@click.option("--policy", "policies", multiple=True, metavar="PATH|builtin:NAME",
              help="Check against Azure Policy: definition, initiative, assignment or ALZ library "
                   "files or folders, or builtin:NAME (e.g. builtin:MCSB). Repeatable.")
@click.option("--policy-aliases", multiple=True, metavar="FILE",
              help="Policy aliases (az provider list --expand resourceTypes/aliases JSON) that "
                   "add to or replace the bundled 2024 alias table.")
@click.option("--show-undetermined", is_flag=True, default=None,
              help="Also report policy results that depend on what the template cannot say.")
@click.option("--no-cache", is_flag=True,
              help="Lint every file again: do not use or write the result cache "
                   "(ARMLINT_NO_CACHE=1 turns every cache off).")
@click.pass_context
def check(ctx, paths, fmts, outputs, select, ignore, enable, fail_level, rules_dir, config,
          no_config, parameter_files, params, auto_parameters, baseline, report_fixed,
          sarif_category, write_baseline, show_suppressed, statistics, color, excludes, no_gitignore, include_generated,
          show_skipped, jobs, progress, roots, max_file_size, policies, policy_aliases,
          show_undetermined, no_cache) -> None:
    """Lint templates, parameter files and Bicep files under PATHS (files or folders)."""
    _stop_on_signals()  # before the imports: a Ctrl-C while they load is an interruption too
    import os

    from .api import LintOptions, ParameterFileError, lint_paths
    from .config import ConfigError
    from .discover import DiscoveryError
    from .engine.baseline import BaselineError
    from .engine.catalogue import SelectorError
    from .engine.loader import RuleFileError
    from .output import OutputError, refuse_inputs, write_atomic

    pairs = ctx.meta.get("armlint_outputs") or [["text", None]]
    to_stdout = [p for p in pairs if p[1] is None]
    if len(to_stdout) > 1:
        _fail("only one --format can go to standard output; give the others an --output")
    options = LintOptions(select=_split(select) or None, ignore=_split(ignore),
                          enable=_split(enable), rules_dirs=list(rules_dir),
                          fail_level=fail_level, parameter_files=list(parameter_files),
                          parameter_values=_param_values(params), auto_parameters=auto_parameters,
                          config=config, use_config=not no_config, baseline=baseline, jobs=jobs,
                          roots=list(roots), max_file_size=max_file_size * 1024 * 1024,
                          policies=list(policies), policy_aliases=list(policy_aliases),
                          show_undetermined=show_undetermined, exclude=list(excludes),
                          gitignore=not no_gitignore, include_generated=include_generated,
                          cache=not no_cache)
    show_progress = sys.stderr.isatty() if progress is None else progress
    try:
        result = lint_paths(list(paths), options, progress=_Progress(show_progress))
    except RuleFileError as exc:
        _fail(f"invalid rule file: {exc}")
    except (SelectorError, DiscoveryError, ParameterFileError, ConfigError, BaselineError) as exc:
        _fail(str(exc))
    except Exception as exc:
        _fail_policy(exc)
    _report_skipped(result, paths, show_skipped)
    inputs = [f.source for f in result.files if f.source and f.kind != "skipped"]
    inputs += [p for p in paths if Path(p).is_file()] + list(parameter_files)
    inputs += [config] if config else []
    try:
        written = [o for _, o in pairs if o]
        if os.environ.get("GITHUB_STEP_SUMMARY") and any(f == "github" for f, _ in pairs):
            written.append(os.environ["GITHUB_STEP_SUMMARY"])
        refuse_inputs(written, inputs + ([baseline] if baseline else []))
        if write_baseline:
            refuse_inputs([write_baseline], inputs)
    except OutputError as exc:
        _fail(str(exc))
    use_color = _use_color(color)
    for fmt, output in pairs:
        text = _render(fmt, result, use_color and output is None, show_suppressed, report_fixed,
                       statistics, sarif_category)
        if output:
            try:
                write_atomic(output, text)
            except OSError as exc:
                _fail(f"cannot write {output}: {exc.strerror}")
        else:
            click.echo(text, nl=False, color=use_color)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and any(fmt == "github" for fmt, _ in pairs):
        _append_step_summary(step_summary, result)
    if not to_stdout or to_stdout[0][0] not in ("text", "grouped"):
        from .reporters.text import summary
        click.echo(summary(result), err=True)
    if write_baseline:
        from .engine.baseline import from_findings
        from .reporters import sarif
        accepted = from_findings(result.findings)
        try:
            write_atomic(write_baseline, sarif.render_baseline(accepted, result.root))
        except OSError as exc:
            _fail(f"cannot write {write_baseline}: {exc.strerror}")
        count = len(accepted.entries)
        click.echo(f"armlint: wrote {count} finding{'s' if count != 1 else ''} to the baseline "
                   f"{write_baseline}", err=True)
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if result.failing() else EXIT_OK)


def _use_color(choice: str) -> bool:
    """--color always|never, or auto: NO_COLOR (https://no-color.org) turns colour off,
    FORCE_COLOR (not "0") turns it on (as in CI logs that render ANSI colours), else colour on
    a terminal."""
    import os
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force not in ("", "0", "false"):
        return True
    return sys.stdout.isatty()


def _append_step_summary(path: str, result) -> None:
    """The Markdown table GitHub shows on the run's page (a failed write is a warning: the
    annotations and the exit code are what CI depends on)."""
    from .reporters.github import summary
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(summary(result))
    except OSError as exc:
        click.echo(f"armlint: warning: cannot append to GITHUB_STEP_SUMMARY ({path}): "
                   f"{exc.strerror}", err=True)


def _report_skipped(result, paths: tuple, show_all: bool) -> None:
    """On stderr: each file named on the command line that was not linted, with the reason (a
    warning: the user asked for it), and with --show-skipped every file left out."""
    import os

    from .reporters.escape import visible
    named = {os.path.abspath(p) for p in paths if os.path.isfile(p)}
    for f in result.files:
        if f.kind != "skipped":
            continue
        if f.source and f.source in named:
            click.echo(f"armlint: warning: {visible(f.path)} was not linted: "
                       f"{visible(f.reason or 'skipped')}", err=True)
        elif show_all:
            click.echo(f"armlint: skipped {visible(f.path)}: {visible(f.reason or 'skipped')}",
                       err=True)


def _fail_policy(exc: Exception) -> None:
    """Exit 2 for a bad policy source (re-raise anything else)."""
    from .policy import usage_errors
    if isinstance(exc, usage_errors()):
        _fail(f"invalid policy input: {exc}")
    raise exc


def _policy_set(sources: tuple, aliases: tuple, config: str | None, no_config: bool):
    from . import policy
    from .config import ConfigError, ConfigFinder
    sources, aliases = list(sources), list(aliases)
    if not no_config:
        try:
            finder = ConfigFinder(Path(config) if config else None)
            run_config = finder.explicit or finder.for_dir(Path.cwd())
        except ConfigError as exc:
            _fail(str(exc))
        sources += run_config.policies
        aliases += [str(a) for a in run_config.policy_aliases]
    if not sources:
        _fail("no policies: give --policy PATH or builtin:NAME (or `policies:` in the "
              "configuration)")
    try:
        return policy.load(sources, aliases)
    except Exception as exc:
        _fail_policy(exc)


@main.group("policy")
def policy_group() -> None:
    """Inspect the Azure Policy definitions armlint checks templates against."""


_POLICY_OPTIONS = [
    click.option("--policy", "policies", multiple=True, metavar="PATH|builtin:NAME",
                 help="Definition, initiative, assignment or ALZ files or folders, or "
                      "builtin:NAME. Repeatable."),
    click.option("--policy-aliases", multiple=True, metavar="FILE",
                 help="Alias files that add to or replace the bundled aliases."),
    click.option("--config", type=click.Path(dir_okay=False),
                 help="Take `policies:` from this configuration file."),
    click.option("--no-config", is_flag=True, help="Ignore configuration files."),
]


def _with_policy_options(func):
    for option in reversed(_POLICY_OPTIONS):
        func = option(func)
    return func


@policy_group.command("list")
@_with_policy_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--all", "show_all", is_flag=True,
              help="List every definition, not only those that are not fully supported.")
def policy_list(policies, policy_aliases, config, no_config, fmt, show_all) -> None:
    """What loaded: per definition supported, skipped (mode, effect) or partly undetermined
    (which constructs or aliases), with totals and the coverage figure."""
    from .policy.report import list_json, list_text
    policy_set = _policy_set(policies, policy_aliases, config, no_config)
    if fmt == "json":
        click.echo(list_json(policy_set))
    else:
        click.echo(list_text(policy_set, show_all), nl=False)


@policy_group.command("explain")
@click.argument("name")
@_with_policy_options
def policy_explain(name, policies, policy_aliases, config, no_config) -> None:
    """Show one definition (by name, GUID or display name) in plain words."""
    from .policy.report import explain
    policy_set = _policy_set(policies or (f"builtin:{name}",), policy_aliases, config, no_config)
    text = explain(policy_set, name)
    if text is None:
        _fail(f"no loaded policy definition is named '{name}' (see 'armlint policy list')")
    click.echo(text, nl=False)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False))
def rules_cmd(fmt, rules_dir) -> None:
    """List the rule catalogue."""
    catalogue = _load_catalogue(list(rules_dir))
    if fmt == "json":
        import json
        click.echo(json.dumps([{"id": r.id, "name": r.name, "level": r.level,
                                "enabled": r.enabled, "title": r.title,
                                "equivalents": list(r.equivalents)}
                               for r in catalogue.rules], indent=2))
        return
    width = max((len(r.name) for r in catalogue.rules), default=10)
    for r in catalogue.rules:
        level = r.level if r.enabled else "off"
        click.echo(f"{r.id}  {r.name:<{width}}  {level:<7}  {r.title}")
    click.echo(f"{len(catalogue.rules)} rules")


@main.command()
@click.argument("rule")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False))
def explain(rule, rules_dir) -> None:
    """Show the documentation page of one rule (by ID or name)."""
    from .ruledocs import render_page
    catalogue = _load_catalogue(list(rules_dir))
    found = catalogue.find(rule)
    if found is None:
        _fail(f"no rule '{rule}' (see 'armlint rules')")
    click.echo(render_page(found), nl=False)


@main.command("test-rules")
@click.argument("rules_dir", type=click.Path(file_okay=False, exists=True))
@click.option("--fixtures", "fixtures_dir", type=click.Path(file_okay=False),
              help="Where each rule's fixtures are, in a folder named by its ID "
                   "(default: RULES_DIR/tests).")
@click.option("--update", is_flag=True, help="Rewrite the .golden files of fail fixtures.")
def test_rules(rules_dir, fixtures_dir, update) -> None:
    """Run the fixtures of your own rules: pass_* files must give no finding, fail_* files the
    findings their .golden file shows."""
    from .engine.loader import load_rule_file, rule_files
    from .ruletests import fixtures, run_fixture
    catalogue = _load_catalogue([rules_dir])
    base = Path(fixtures_dir) if fixtures_dir else Path(rules_dir) / "tests"
    own = [load_rule_file(p) for p in rule_files(Path(rules_dir))]
    failed = total = 0
    for rule in own:
        cases = fixtures(base / rule.id)
        if not cases:
            click.echo(f"warning: {rule.id} ({rule.name}) has no fixtures in {base / rule.id}")
        for path in cases:
            total += 1
            outcome = run_fixture(catalogue, rule.id, path, Path.cwd(), update)
            if outcome.ok:
                click.echo(f"ok    {rule.id} {path.name}")
            else:
                failed += 1
                click.echo(f"FAIL  {rule.id} {path.name}")
                for problem in outcome.problems:
                    click.echo(f"      {problem}")
    click.echo(f"{total} fixtures, {failed} failed")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@main.command("new-rule")
@click.argument("rule_id")
@click.argument("name")
@click.option("--kind", default="resources", show_default=True,
              help="The scope kind: what the rule is handed, one item at a time.")
@click.option("--python", "python", is_flag=True,
              help="A built-in rule in Python (armlint/checks/NAME.py) instead of JMESPath.")
@click.option("--rules-dir", type=click.Path(file_okay=False),
              help="Write a rule of your own there (its fixtures in RULES_DIR/tests/ID).")
def new_rule(rule_id, name, kind, python, rules_dir) -> None:
    """Write the files a new rule needs (YAML, fixtures, and with --python the module), with TODOs
    to fill in; never overwrites a file."""
    from .engine.loader import BUILTIN_RULES_DIR
    from .scaffold import ScaffoldError, new_rule as scaffold
    try:
        written = scaffold(rule_id, name, kind, python, BUILTIN_RULES_DIR.parent,
                           Path(rules_dir) if rules_dir else None)
    except ScaffoldError as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
def docs(outdir) -> None:
    """Write one Markdown page per rule, and an index, into OUTDIR."""
    from .ruledocs import render_page, rules_table
    catalogue = _load_catalogue([])
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for r in catalogue.rules:
        (out / f"{r.id}.md").write_text(render_page(r), encoding="utf-8")
    (out / "README.md").write_text(f"# armlint rules\n\n{len(catalogue.rules)} rules.\n\n"
                                   + rules_table(catalogue.rules, "{id}.md"), encoding="utf-8")
    click.echo(f"wrote {len(catalogue.rules)} rule pages to {out}")


@main.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default; "
              "language clients pass it).")
def server(stdio) -> None:
    """Run the language server (LSP over stdio) for live findings, quick fixes and rule pages
    in editors. Needs the `server` extra: pip install 'armlint[server]'."""
    from .server import MISSING, available
    if not available():
        _fail(MISSING)
    from .server.app import run
    run()


if __name__ == "__main__":
    main()
