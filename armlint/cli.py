"""The `armlint` command: check, rules, explain, docs. Thin: parse arguments, call the API, exit.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, configuration
or rule-file error (the message names the file, line and column). Input files never cause a
traceback: a file that cannot be read or parsed is a finding, and the other files are linted.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

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
        values[name.strip()] = literal_value(value)
    return values


def _fail(message: str) -> None:
    click.echo(f"armlint: {message}", err=True)
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


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Run only these rules: IDs, ID prefixes or names (repeat or comma-separate).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "note"]), default="error",
              show_default=True, help="Exit 1 when a finding is at this level or above.")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False),
              help="A folder of your own rule files (YAML), added to the built-in rules.")
@click.option("--parameters", "parameter_files", multiple=True, metavar="FILE",
              help="A deploymentParameters file whose values the templates are linted with.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter value (JSON, or a plain string); wins over --parameters.")
@click.option("--auto-parameters", is_flag=True,
              help="Lint each template with NAME.parameters.json beside it, when present.")
def check(paths, fmt, output, select, ignore, fail_level, rules_dir, parameter_files, params,
          auto_parameters) -> None:
    """Lint templates, parameter files and Bicep files under PATHS (files or folders)."""
    from .api import LintOptions, ParameterFileError, lint_paths
    from .discover import DiscoveryError
    from .engine.catalogue import SelectorError

    options = LintOptions(select=_split(select) or None, ignore=_split(ignore),
                          rules_dirs=list(rules_dir), fail_level=fail_level,
                          parameter_files=list(parameter_files),
                          parameter_values=_param_values(params), auto_parameters=auto_parameters)
    catalogue = _load_catalogue(options.rules_dirs)
    try:
        result = lint_paths(list(paths), options, catalogue)
    except (SelectorError, DiscoveryError, ParameterFileError) as exc:
        _fail(str(exc))
    if fmt == "json":
        from .reporters import json as reporter
        text = reporter.render(result)
    elif fmt == "sarif":
        from .reporters import sarif as reporter
        text = reporter.render(result)
    else:
        from .reporters import text as reporter
        to_terminal = output is None and sys.stdout.isatty()
        import os
        text = reporter.render(result, color=to_terminal and "NO_COLOR" not in os.environ)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
        if fmt != "text":
            from .reporters.text import summary
            click.echo(summary(result), err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_FINDINGS if result.failing() else EXIT_OK)


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


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
def docs(outdir) -> None:
    """Write one Markdown page per rule, and an index, into OUTDIR."""
    from .ruledocs import render_page
    catalogue = _load_catalogue([])
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    index = ["# armlint rules", "", "| ID | Name | Level | Title |", "| --- | --- | --- | --- |"]
    for r in catalogue.rules:
        (out / f"{r.id}.md").write_text(render_page(r), encoding="utf-8")
        index.append(f"| [{r.id}]({r.id}.md) | {r.name} | {r.level if r.enabled else 'off'} | "
                     f"{r.title} |")
    (out / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    click.echo(f"wrote {len(catalogue.rules)} rule pages to {out}")


if __name__ == "__main__":
    main()
