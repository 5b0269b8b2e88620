"""Rule fixtures: `pass_*` files must give no finding of their rule, `fail_*` files exactly the
findings their `.golden` file shows.

Owns: the fixture conventions shared by armlint's own test suite and `armlint test-rules` (for
teams writing their own rules): where fixtures live, which other rules a fixture asks to run
(`// armlint-test-select: ID, ...`, for rules about other rules' findings), the parameter file a
fixture is linted with (`<name>.parameters.json` or `<name>.bicepparam` beside it), and the golden
format: the source with a `//@ line:col-line:col ID level: message` line under each finding. A
finding the fixture's lint places in its parameter file is in that file's golden
(`<name>.parameters.json.golden`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

FIXTURE = re.compile(r"^(pass|fail)_.+\.(json|jsonc|bicep|bicepparam)$")
_SELECT = re.compile(r"\s*//\s*armlint-test-select:\s*(.+)")


def fixtures(folder: Path) -> list[Path]:
    """The fixture files of one rule's folder (parameter files beside them excepted)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if FIXTURE.match(p.name) and ".parameters." not in p.name)


def extra_rules(path: Path) -> list[str]:
    try:
        head = path.read_bytes().decode("utf-8").splitlines()[:3]
    except UnicodeDecodeError:
        return []
    for line in head:
        m = _SELECT.match(line)
        if m:
            return [s.strip() for s in m.group(1).split(",") if s.strip()]
    return []


def parameter_file(path: Path) -> Path | None:
    stem = path.name[:-len(path.suffix)]
    for candidate in (path.with_name(stem + ".parameters.json"), path.with_name(stem + ".bicepparam")):
        if candidate.exists() and candidate != path:
            return candidate
    return None


def render_golden(text: str | None, findings) -> str:
    notes = defaultdict(list)
    for f in sorted(findings, key=lambda f: f.sort_key()):
        notes[f.location.span.start_line].append(
            f"//@ {f.location.span} {f.rule_id} {f.level}: {f.message}")
    if text is None:  # a source that is not text: the findings alone
        return "\n".join(n for line in sorted(notes) for n in notes[line]) + "\n"
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        out.append(line)
        out.extend(notes.get(number, ()))
    return "\n".join(out)


@dataclass
class Outcome:
    path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)


def run_fixture(catalogue, rule_id: str, path: Path, root: Path, update: bool = False) -> Outcome:
    """Lint one fixture with its rule (and the rules it asks for) and judge the result."""
    from .api import Linter, LintOptions
    extras = extra_rules(path)
    options = LintOptions(select=[rule_id] + extras, use_config=False)
    params = parameter_file(path)
    if params is not None:
        options.parameter_files = [str(params)]
    result = Linter(catalogue, options, root=root).lint_file(path)
    extra_ids = {catalogue.find(s).id for s in extras if catalogue.find(s)}
    mine = [f for f in result.findings if f.rule_id == rule_id]
    others = [f for f in result.findings if f.rule_id != rule_id and f.rule_id not in extra_ids]
    outcome = Outcome(path, True)
    if others:
        outcome.problems.append("findings of rules the fixture did not select: " +
                                ", ".join(f"{f.rule_id} at {f.location.span}" for f in others))
    if path.name.startswith("pass_"):
        outcome.problems += [f"unexpected finding at {f.location.span}: {f.message}" for f in mine]
        loud = [f for f in result.findings if f.rule_id in extra_ids and f.suppression is None]
        outcome.problems += [f"{f.rule_id} at {f.location.span} should be silenced" for f in loud]
    else:
        if not mine:
            outcome.problems.append("a fail fixture gave no finding")
        # findings in another file (the parameter file it is linted with) go to that file's golden
        by_file: dict = {path: [f for f in mine if f.location.path == result.path]}
        for f in mine:
            if f.location.path != result.path:
                by_file.setdefault(Path(root) / f.location.path, []).append(f)
        for source, found in by_file.items():
            _judge(outcome, source, found, update)
    outcome.ok = not outcome.problems
    return outcome


def _judge(outcome: Outcome, source: Path, found: list, update: bool) -> None:
    """Compare the findings in one file with its golden (or write it)."""
    try:
        text = source.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        text = None
    golden = source.with_name(source.name + ".golden")
    rendered = render_golden(text, found)
    if update:
        golden.write_text(rendered, encoding="utf-8")
    if not golden.exists():
        outcome.problems.append(f"missing {golden.name} (run with --update to write it)")
    elif rendered != golden.read_text(encoding="utf-8"):
        outcome.problems.append(f"findings differ from {golden.name}")
