"""`armlint check` itself, and a way in that does not import click.

Owns: what `armlint check` does once its arguments are read (both ways in call `run_check`),
the table of its options, and `fast_main`: a reader of `check`'s arguments for the common case.
A pre-commit hook runs `armlint check` on a file or two, and importing click is about a fifth of
such a run (100 M of 480 M instructions, issue 12), so `python -m armlint` and the `armlint`
script read the arguments here when every one of them is an option of `check` with a well-formed
value, and hand anything else (help, the other commands, a mistake to report, a console click
must set up) to click (`cli`), which handles it as always. tests/cli/test_fast_args.py checks
that both read the same values, and that the table matches click's declaration.
"""
from __future__ import annotations

import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "grouped", "json", "sarif", "github", "junit")

# option -> (parameter, kind, value check). Kinds: "on"/"off" set True/False, "one" takes a
# value (the last given wins), "many" collects them. Checks: a tuple of choices, "count" (an
# integer of at least 1), "file"/"dir" (an existing path must be of that kind and readable).
OPTIONS: dict[str, tuple] = {}
for _names, _dest, _kind, _check in (
        (("--format", "-f"), "fmts", "many", FORMATS),
        (("--output", "-o"), "outputs", "many", "file"),
        (("--select",), "select", "many", None),
        (("--ignore",), "ignore", "many", None),
        (("--enable",), "enable", "many", None),
        (("--fail-level",), "fail_level", "one", ("error", "warning", "note")),
        (("--rules-dir",), "rules_dir", "many", "dir"),
        (("--config",), "config", "one", "file"),
        (("--no-config",), "no_config", "on", None),
        (("--parameters",), "parameter_files", "many", None),
        (("--param",), "params", "many", None),
        (("--auto-parameters",), "auto_parameters", "on", None),
        (("--no-auto-parameters",), "auto_parameters", "off", None),
        (("--baseline",), "baseline", "one", "file"),
        (("--report-fixed",), "report_fixed", "on", None),
        (("--sarif-category",), "sarif_category", "one", None),
        (("--write-baseline",), "write_baseline", "one", "file"),
        (("--show-suppressed",), "show_suppressed", "on", None),
        (("--statistics",), "statistics", "on", None),
        (("--color",), "color", "one", ("auto", "always", "never")),
        (("--exclude",), "excludes", "many", None),
        (("--no-gitignore",), "no_gitignore", "on", None),
        (("--include-generated",), "include_generated", "on", None),
        (("--show-skipped",), "show_skipped", "on", None),
        (("--jobs", "-j"), "jobs", "one", "count"),
        (("--progress",), "progress", "on", None),
        (("--no-progress",), "progress", "off", None),
        (("--root",), "roots", "many", "dir"),
        (("--max-file-size",), "max_file_size", "one", "count"),
        (("--policy",), "policies", "many", None),
        (("--policy-aliases",), "policy_aliases", "many", None),
        (("--show-undetermined",), "show_undetermined", "on", None),
        (("--no-cache",), "no_cache", "on", None)):
    for _name in _names:
        OPTIONS[_name] = (_dest, _kind, _check)

# the values of options not given (click's defaults; the test compares them)
DEFAULTS = {"fail_level": None, "config": None, "no_config": False, "auto_parameters": None,
            "baseline": None, "report_fixed": False, "sarif_category": None,
            "write_baseline": None, "show_suppressed": False, "statistics": False,
            "color": "auto", "no_gitignore": False, "include_generated": False,
            "show_skipped": False, "jobs": None, "progress": None, "max_file_size": 64,
            "show_undetermined": None, "no_cache": False}

_BAD = object()


def parse_check_args(args: list[str]) -> dict | None:
    """`check`'s parameters from its arguments, as click would give them, or None when click
    must read them (an unknown option, a bad value, --help, no path)."""
    params: dict = {"paths": []}
    params.update(DEFAULTS)
    for dest, kind, _ in OPTIONS.values():
        if kind == "many":
            params[dest] = []
    i, only_paths = 0, False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_paths or arg == "-" or not arg.startswith("-"):
            params["paths"].append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        if arg.startswith("--"):
            name, eq, value = arg.partition("=")
            spec = OPTIONS.get(name)
            if spec is None:
                return None
            if spec[1] in ("on", "off"):
                if eq:
                    return None
                params[spec[0]] = spec[1] == "on"
                continue
        else:  # a short option (only -f, -o and -j exist): its value attached or next
            name, value = arg[:2], arg[2:]
            spec = OPTIONS.get(name)
            if spec is None:
                return None
            eq = value
        if not eq:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        value = _convert(value, spec[2])
        if value is _BAD:
            return None
        if spec[1] == "many":
            params[spec[0]].append(value)
        else:
            params[spec[0]] = value
    if not params["paths"]:
        return None
    return {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}


def _convert(value: str, check):
    """A value as click's type gives it, or _BAD where click would report an error."""
    if check is None:
        return value
    if isinstance(check, tuple):
        return value if value in check else _BAD
    if check == "count":
        try:
            number = int(value)
        except ValueError:
            return _BAD
        return number if number >= 1 else _BAD
    import stat
    try:
        st = os.stat(value)
    except OSError:
        return value  # click.Path(exists=False): a path that does not exist is taken as given
    kind_ok = not stat.S_ISDIR(st.st_mode) if check == "file" else not stat.S_ISREG(st.st_mode)
    return value if kind_ok and os.access(value, os.R_OK) else _BAD


def output_pairs(args: list[str]) -> list[list]:
    """Each --format with the --output after it (`--format sarif --output out.sarif --format
    text`): a format without one goes to standard output, an --output without one is text."""
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
    return pairs


def _plain_streams() -> bool:
    """Whether click would write to sys.stdout and sys.stderr as they are: not on Windows (its
    console streams), not an ASCII locale (click writes UTF-8 there)."""
    if sys.platform == "win32":
        return False
    import codecs
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if stream is None or not encoding or getattr(stream, "errors", None) is None:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def fast_main(args: list[str]) -> None:
    """Run `armlint check ARGS...` without click when click would read its arguments the same
    way (then this exits); return when click must run the command line. A run repeated on
    unchanged inputs is replayed (replay.py), and a plain run is recorded to be (replaytrace)."""
    if not args or args[0] != "check" or not _plain_streams():
        return
    rest = args[1:]
    from .replay import replay
    replay(rest)  # exits when the run was replayed
    params = parse_check_args(rest)
    if params is None:
        return
    pairs = output_pairs(rest)
    try:
        if _recordable(rest, params, pairs):
            from .replaytrace import Recorder
            Recorder(rest, list(params["paths"])).run(run_check, pairs, **params)
        else:
            run_check(pairs, **params)
    except OSError as exc:
        import errno
        if exc.errno != errno.EPIPE:
            raise
        # the reader went away (`armlint check . | head`): exit 1 as click does, quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(EXIT_OK)


def _recordable(args: list[str], params: dict, pairs: list) -> bool:
    """Whether a run may be recorded for replay: it writes only to the standard streams, the
    caches are on, and it names few enough files to be (the recorder refuses the rest as it
    sees it)."""
    from .replay import enabled
    if not (enabled(args) and not params["no_cache"] and not params["write_baseline"] and
            not any(output for _, output in pairs)):
        return False
    from .replaytrace import small_enough
    return small_enough(list(params["paths"]))


# -- output ------------------------------------------------------------------------------------

_ANSI = None


def echo(message: str = "", nl: bool = True, err: bool = False, color: bool | None = None) -> None:
    """click.echo: through click when it is loaded (the click way in), else the same on the
    plain streams `fast_main` checked: ANSI codes removed unless `color` (or, None, a terminal),
    and flushed."""
    if "click" in sys.modules:
        import click
        click.echo(message, nl=nl, err=err, color=color)
        return
    global _ANSI
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    out = message + "\n" if nl else message
    if out:
        strip = not color if color is not None else not _isatty(stream)
        if strip:
            if _ANSI is None:
                import re
                _ANSI = re.compile(r"\033\[[0-?]*[ -/]*[@-~]")  # click's pattern
            out = _ANSI.sub("", out)
        stream.write(out)
    stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


def fail(message: str) -> None:
    from .reporters.escape import visible  # the message may quote a hostile file
    echo(f"armlint: {visible(message)}", err=True)
    sys.exit(EXIT_USAGE)


def fail_policy(exc: Exception) -> None:
    """Exit 2 for a bad policy source (re-raise anything else)."""
    from .policy import usage_errors
    if isinstance(exc, usage_errors()):
        fail(f"invalid policy input: {exc}")
    raise exc


# -- the command ---------------------------------------------------------------------------------

def _split(values: tuple) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _param_values(params: tuple) -> dict:
    if not params:
        return {}
    import json

    from .expr.values import literal_value
    values = {}
    for item in params:
        name, sep, raw = item.partition("=")
        if not sep or not name.strip():
            fail(f"--param takes NAME=VALUE, not '{item}'")
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        except RecursionError:
            fail(f"--param {name.strip()}: the value nests too deeply to read")
        try:
            values[name.strip()] = literal_value(value)
        except RecursionError:
            fail(f"--param {name.strip()}: the value nests too deeply to read")
    return values


def _render(fmt: str, result, color: bool, show_suppressed: bool, report_fixed: bool,
            statistics: bool = False, sarif_category: str | None = None):
    """The report as text, or for a format written as it is encoded, as pieces of text."""
    if fmt in ("text", "grouped"):
        from .reporters import text
        return text.chunks(result, color=color, show_suppressed=show_suppressed,
                           statistics=statistics, grouped=fmt == "grouped")
    if fmt == "sarif":
        from .reporters import sarif
        return sarif.chunks(result, absent=report_fixed, category=sarif_category, env=os.environ)
    if fmt == "json":
        from .reporters import json as json_reporter
        return json_reporter.chunks(result)
    import importlib
    return importlib.import_module(f"armlint.reporters.{fmt}").chunks(result)


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


def run_check(pairs: list[list], paths, fmts, outputs, select, ignore, enable, fail_level,
              rules_dir, config, no_config, parameter_files, params, auto_parameters, baseline,
              report_fixed, sarif_category, write_baseline, show_suppressed, statistics, color,
              excludes, no_gitignore, include_generated, show_skipped, jobs, progress, roots,
              max_file_size, policies, policy_aliases, show_undetermined, no_cache) -> None:
    """Lint PATHS and report (`pairs`: each format with its output file, see output_pairs);
    exits with the run's exit code. The caller has installed the signal handlers (signals.py)."""
    from .api import LintOptions, ParameterFileError, lint_paths
    from .config import ConfigError
    from .discover import DiscoveryError
    from .engine.baseline import BaselineError
    from .engine.catalogue import SelectorError
    from .engine.loader import RuleFileError
    from .output import OutputError, batched, refuse_inputs, write_atomic

    pairs = pairs or [["text", None]]
    to_stdout = [p for p in pairs if p[1] is None]
    if len(to_stdout) > 1:
        fail("only one --format can go to standard output; give the others an --output")
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
        fail(f"invalid rule file: {exc}")
    except (SelectorError, DiscoveryError, ParameterFileError, ConfigError, BaselineError) as exc:
        fail(str(exc))
    except Exception as exc:
        fail_policy(exc)
    _report_skipped(result, paths, show_skipped)
    inputs = [f.source for f in result.files if f.source and f.kind != "skipped"]
    inputs += [p for p in paths if os.path.isfile(p)] + list(parameter_files)
    inputs += [config] if config else []
    try:
        written = [o for _, o in pairs if o]
        if os.environ.get("GITHUB_STEP_SUMMARY") and any(f == "github" for f, _ in pairs):
            written.append(os.environ["GITHUB_STEP_SUMMARY"])
        refuse_inputs(written, inputs + ([baseline] if baseline else []))
        if write_baseline:
            refuse_inputs([write_baseline], inputs)
    except OutputError as exc:
        fail(str(exc))
    use_color = _use_color(color)
    for fmt, output in pairs:
        text = _render(fmt, result, use_color and output is None, show_suppressed, report_fixed,
                       statistics, sarif_category)
        if output:
            try:
                write_atomic(output, text)
            except OSError as exc:
                fail(f"cannot write {output}: {exc.strerror}")
        else:
            for piece in batched(text):
                echo(piece, nl=False, color=use_color)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and any(fmt == "github" for fmt, _ in pairs):
        _append_step_summary(step_summary, result)
    if not to_stdout or to_stdout[0][0] not in ("text", "grouped"):
        from .reporters.text import summary
        echo(summary(result), err=True)
    if write_baseline:
        from .engine.baseline import from_findings
        from .reporters import sarif
        accepted = from_findings(result.ordered())
        try:
            write_atomic(write_baseline, sarif.render_baseline(accepted, result.root))
        except OSError as exc:
            fail(f"cannot write {write_baseline}: {exc.strerror}")
        count = len(accepted.entries)
        echo(f"armlint: wrote {count} finding{'s' if count != 1 else ''} to the baseline "
             f"{write_baseline}", err=True)
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if result.fails() else EXIT_OK)


def _use_color(choice: str) -> bool:
    """--color always|never, or auto: NO_COLOR (https://no-color.org) turns colour off,
    FORCE_COLOR (not "0") turns it on (as in CI logs that render ANSI colours), else colour on
    a terminal."""
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
        echo(f"armlint: warning: cannot append to GITHUB_STEP_SUMMARY ({path}): "
             f"{exc.strerror}", err=True)


def _report_skipped(result, paths: tuple, show_all: bool) -> None:
    """On stderr: each file named on the command line that was not linted, with the reason (a
    warning: the user asked for it), and with --show-skipped every file left out."""
    from .reporters.escape import visible
    named = {os.path.abspath(p) for p in paths if os.path.isfile(p)}
    for f in result.files:
        if f.kind != "skipped":
            continue
        if f.source and f.source in named:
            echo(f"armlint: warning: {visible(f.path)} was not linted: "
                 f"{visible(f.reason or 'skipped')}", err=True)
        elif show_all:
            echo(f"armlint: skipped {visible(f.path)}: {visible(f.reason or 'skipped')}",
                 err=True)
