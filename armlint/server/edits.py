"""The text edits behind the editor's code actions: a suppression directive above a finding, and
the quick fix a rule declares (`fix:` in its YAML, see schemas/rule.schema.json).

Owns: turning a finding (rule, span, JSON pointer) and the text it was found in into edits, in
character offsets of that text. Knows no protocol (`protocol.py` turns offsets into LSP ranges).
A quick fix is offered only where it is unambiguous: a literal where the rule reported one, the
declaration the finding names, a parameter the template declares; otherwise there is none.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..engine.catalogue import Rule
from ..source.directives import split_directive
from ..source.text import LineIndex, Span

DIRECTIVE = "armlint-disable-next-line"
REASON = "reason"  # the placeholder the user replaces with the justification


@dataclass(frozen=True)
class Edit:
    start: int  # character offsets in the text
    end: int
    text: str


@dataclass(frozen=True)
class Action:
    title: str
    edits: tuple[Edit, ...]
    preferred: bool = False


def is_bicep(path: str) -> bool:
    return path.lower().endswith((".bicep", ".bicepparam"))


# -- suppression ----------------------------------------------------------------------------

def suppressions(text: str, lines: LineIndex, rule: Rule, span: Span, bicep: bool) -> list[Action]:
    """Insert `// armlint-disable-next-line ID -- reason` above the finding's line (or add the ID
    to the directive already there); in Bicep, for a rule with a Bicep linter equivalent, also
    Bicep's own `#disable-next-line code`, which silences both linters."""
    line_start = lines.offset(span.start_line, 1)
    indent = re.match(r"[ \t]*", text[line_start:]).group(0)
    directive = _directive_edit(text, lines, span.start_line, indent, rule.id)
    actions = [Action(f"Suppress {rule.id} ({rule.name}) on this line", (directive,))] \
        if directive is not None else []
    codes = [e.split(":", 1)[1] for e in rule.equivalents if e.startswith("bicep:")]
    if bicep and codes:
        actions.append(Action(f"Suppress {rule.id} and Bicep's {codes[0]} on this line",
                              (Edit(line_start, line_start,
                                    f"{indent}#disable-next-line {codes[0]}\n"),)))
    return actions


def _directive_edit(text: str, lines: LineIndex, line: int, indent: str,
                    rule_id: str) -> Edit | None:
    if line > 1:  # a directive on the line above: one more rule in it, not a second directive
        above_start = lines.offset(line - 1, 1)
        above = text[above_start:lines.offset(line, 1) - 1].rstrip("\r")
        comment = above.lstrip(" \t")
        found = split_directive(comment) if comment.startswith("//") else None
        if found is not None:
            rules = found[0].rstrip()
            if rule_id in re.split(r"[\s,]+", rules):
                return None  # already there (the directive silences something else on the line)
            at = above_start + (len(above) - len(comment)) + comment.index(DIRECTIVE) + \
                len(DIRECTIVE) + len(found[0].rstrip())
            return Edit(at, at, f", {rule_id}")
    start = lines.offset(line, 1)
    return Edit(start, start, f"{indent}// {DIRECTIVE} {rule_id} -- {REASON}\n")


# -- quick fixes ----------------------------------------------------------------------------

def quick_fix(text: str, lines: LineIndex, rule: Rule, span: Span, pointer: str,
              bicep: bool) -> Action | None:
    """The rule's quick fix for this finding, or None where it would not be unambiguous."""
    fix = rule.fix
    if not fix:
        return None
    start = lines.offset(span.start_line, span.start_col)
    end = lines.offset(span.end_line, span.end_col)
    kind = fix["kind"]
    edits: tuple[Edit, ...] | None = None
    if kind == "replace-literal":
        edits = _replace_literal(text, start, end, pointer, fix, bicep)
    elif kind == "string-to-boolean":
        edits = _string_to_boolean(text, start, end, bicep)
    elif kind == "remove-declaration":
        edits = _remove_declaration(text, lines, start, pointer, bicep)
    return Action(fix["title"], edits, preferred=True) if edits else None


def _literal(token: str, bicep: bool):
    """The value of a literal token (string, boolean, number, null), or None for anything else
    (an expression, a reference, an interpolated string)."""
    if token in ("true", "false"):
        return token == "true"
    if re.fullmatch(r"-?\d+", token):
        return int(token)
    if bicep:
        if len(token) >= 2 and token[0] == token[-1] == "'" and "${" not in token \
                and "\n" not in token:
            return token[1:-1]
        return None
    try:
        value = json.loads(token)
    except ValueError:
        return None
    if isinstance(value, str) and value.startswith("[") and not value.startswith("[["):
        return None  # an ARM expression
    return value if isinstance(value, (str, bool, int)) else None


def _replace_literal(text: str, start: int, end: int, pointer: str, fix: dict,
                     bicep: bool) -> tuple[Edit, ...] | None:
    if _literal(text[start:end], bicep) is None:
        return None
    if pointer.startswith(("/variables/", "/parameters/")):
        return None  # a declaration's value may be used elsewhere: not this finding's to change
    needed = fix.get("requires_parameter")
    if needed is not None:
        if not bicep and "/template/" in pointer:
            return None  # inside a nested template: the outer template's parameters are not there
        if not _declares_parameter(text, needed, bicep):
            return None
    replacement = fix["bicep"] if bicep else fix["json"]  # source text, written as it is
    return (Edit(start, end, replacement),)


def _string_to_boolean(text: str, start: int, end: int, bicep: bool) -> tuple[Edit, ...] | None:
    value = _literal(text[start:end], bicep)
    if not isinstance(value, str) or value.lower() not in ("true", "false"):
        return None
    return (Edit(start, end, value.lower()),)


def _declares_parameter(text: str, name: str, bicep: bool) -> bool:
    if bicep:
        from ..bicep.parser import parse
        from ..bicep.syntax import Param
        return any(isinstance(st, Param) and st.name.name.lower() == name.lower()
                   for st in parse(text).statements)
    from ..source import jsonc
    doc = jsonc.load(text)
    params = doc.value.get("parameters") if doc.ok and isinstance(doc.value, dict) else None
    return isinstance(params, dict) and name in params  # objects are case-insensitive


def _remove_declaration(text: str, lines: LineIndex, start: int, pointer: str,
                        bicep: bool) -> tuple[Edit, ...] | None:
    parts = pointer.split("/")
    if len(parts) != 3 or parts[1] not in ("parameters", "variables"):
        return None
    if bicep:
        return _remove_bicep_statement(text, lines, start)
    return _remove_json_member(text, lines, parts[1], _unescape(parts[2]))


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def _remove_bicep_statement(text: str, lines: LineIndex, at: int) -> tuple[Edit, ...] | None:
    from ..bicep.parser import parse
    from ..bicep.syntax import Param, Var
    tree = parse(text)
    for st in tree.statements:
        if isinstance(st, (Param, Var)) and st.name.start <= at < st.name.end:
            return (_whole_lines(text, lines, st.start, st.end),)
    return None


def _remove_json_member(text: str, lines: LineIndex, section: str,
                        name: str) -> tuple[Edit, ...] | None:
    from ..source import jsonc
    doc = jsonc.load(text)
    if not doc.ok or not isinstance(doc.value, dict):
        return None
    members = doc.value.get(section)  # objects are case-insensitive dicts (CIDict)
    if not isinstance(members, dict) or name not in members:
        return None
    section_key, key = doc.value.actual_key(section), members.actual_key(name)
    key_span = doc.span((section_key, key), "key")
    value_span = doc.span((section_key, key), "value")
    if key_span is None or value_span is None:
        return None
    start = lines.offset(key_span.start_line, key_span.start_col)
    end = lines.offset(value_span.end_line, value_span.end_col)
    after = _skip_blank(text, end)
    if text[after:after + 1] == ",":
        end = after + 1  # take the comma that follows, and the spaces after it on its line
        while end < len(text) and text[end] in " \t":
            end += 1
    else:
        before = _skip_blank_back(text, start)
        if text[before - 1:before] == ",":
            start = before - 1  # the last member: take the comma before it
    return (_whole_lines(text, lines, start, end),)


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _skip_blank_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t\r\n":
        pos -= 1
    return pos


def _whole_lines(text: str, lines: LineIndex, start: int, end: int) -> Edit:
    """Remove start..end, and the lines it leaves blank."""
    line, _ = lines.position(start)
    line_start = lines.offset(line, 1)
    newline = text.find("\n", end)
    line_end = len(text) if newline < 0 else newline
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return Edit(line_start, line_end + 1 if newline >= 0 else line_end, "")
    return Edit(start, end, "")
