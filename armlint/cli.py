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

from .command import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FORMATS, output_pairs, run_check
from .command import fail as _fail, fail_policy as _fail_policy
from .signals import stop_on_signals as _stop_on_signals

__all__ = ["main", "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE"]


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


class _CheckCommand(click.Command):
    """Keeps the order of --format and --output so that each --output goes with the --format
    before it: `--format sarif --output out.sarif --format text`."""

    def parse_args(self, ctx, args):
        ctx.meta["armlint_outputs"] = output_pairs(args)
        return super().parse_args(ctx, args)


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
def check(ctx, **params) -> None:
    """Lint templates, parameter files and Bicep files under PATHS (files or folders)."""
    _stop_on_signals()  # before the imports: a Ctrl-C while they load is an interruption too
    run_check(ctx.meta.get("armlint_outputs") or [], **params)


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
