"""armlint's results as Language Server Protocol types (lsprotocol).

Owns: a finding as a diagnostic (range in the client's position encoding, severity from the
level, the rule ID as code with a link to its page), an edit as a text edit, a rule's page as
hover content. Positions in armlint are 1-based lines and columns counted in code points, end
column exclusive; LSP positions are 0-based, counted in the encoding the client agreed to.
"""
from __future__ import annotations

from lsprotocol import types as T
from pygls.uris import from_fs_path

from ..engine.catalogue import RULE_FILE_TYPES, Rule
from ..engine.results import Finding
from ..source.text import LineIndex, Span
from .edits import Action

SOURCE = "armlint"
SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "note": T.DiagnosticSeverity.Information, "none": T.DiagnosticSeverity.Hint}


class Text:
    """One linted text, for turning its code-point positions into the client's."""

    def __init__(self, text: str, codec):
        self.text = text
        self.lines = text.split("\n")
        self.index = LineIndex(text)
        self.codec = codec

    def position(self, line: int, col: int) -> T.Position:
        """The LSP position of 1-based `line`, `col` (code points)."""
        line = max(line - 1, 0)
        if line >= len(self.lines):
            return T.Position(line=len(self.lines) - 1, character=len(self.lines[-1]))
        col = min(max(col - 1, 0), len(self.lines[line]))
        return self.codec.position_to_client_units(self.lines, T.Position(line, col))

    def range(self, span: Span) -> T.Range:
        return T.Range(start=self.position(span.start_line, span.start_col),
                       end=self.position(span.end_line, span.end_col))

    def offset_range(self, start: int, end: int) -> T.Range:
        return self.range(self.index.span(start, end))

    def span_of(self, rng: T.Range) -> tuple[int, int, int, int]:
        """(start line, start col, end line, end col), 1-based code points, of an LSP range."""
        start = self.codec.position_from_client_units(self.lines, T.Position(
            rng.start.line, rng.start.character))
        end = self.codec.position_from_client_units(self.lines, T.Position(
            rng.end.line, rng.end.character))
        return start.line + 1, start.character + 1, end.line + 1, end.character + 1


def help_uri(rule: Rule | None) -> str | None:
    """The page of a rule: built-in rules and Azure Policy definitions have one; a team's own
    rules do not."""
    if rule is None or (not rule.builtin and type(rule) in RULE_FILE_TYPES):
        return None
    return rule.help_uri


def diagnostic(finding: Finding, rule: Rule | None, text: Text, text_of=None) -> T.Diagnostic:
    """The diagnostic of a finding in `text`; with `text_of` (absolute path -> its Text, or None
    when it cannot be read), also the finding's related locations."""
    href = help_uri(rule)
    return T.Diagnostic(
        range=text.range(finding.location.span),
        message=finding.message,
        severity=SEVERITY.get(finding.level, T.DiagnosticSeverity.Warning),
        code=finding.rule_id,
        code_description=T.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related_information(finding, text_of) if text_of else None,
        data={"name": finding.rule_name})


def related_information(finding: Finding, text_of) -> list[T.DiagnosticRelatedInformation] | None:
    """The finding's related locations (a module finding: where in the module's file), in the
    position encoding of each file's text; a file that cannot be read keeps code points."""
    found = []
    for related in finding.related:
        if not related.source:
            continue
        span = related.location.span
        other = text_of(related.source)
        if other is not None:
            rng = other.range(span)
        else:
            rng = T.Range(start=T.Position(span.start_line - 1, span.start_col - 1),
                          end=T.Position(span.end_line - 1, span.end_col - 1))
        found.append(T.DiagnosticRelatedInformation(
            location=T.Location(uri=from_fs_path(related.source), range=rng),
            message=related.message))
    return found or None


def problem(message: str) -> T.Diagnostic:
    """A diagnostic about armlint itself (a configuration it cannot use), at the file's top."""
    return T.Diagnostic(range=T.Range(start=T.Position(0, 0), end=T.Position(0, 0)),
                        message=message, severity=T.DiagnosticSeverity.Error, source=SOURCE)


def shown(finding: Finding) -> bool:
    """Whether the editor shows a finding: suppressed ones and those in the baseline are kept in
    the result but not shown, as in `armlint check`'s text output."""
    return finding.suppression is None and finding.baseline_state != "unchanged"


def code_action(action: Action, uri: str, text: Text, diagnostic: T.Diagnostic | None,
                kind: str) -> T.CodeAction:
    edits = [T.TextEdit(range=text.offset_range(e.start, e.end), new_text=e.text)
             for e in action.edits]
    return T.CodeAction(title=action.title, kind=kind,
                        diagnostics=[diagnostic] if diagnostic is not None else None,
                        is_preferred=action.preferred or None,
                        edit=T.WorkspaceEdit(changes={uri: edits}))


def hover_page(rule: Rule | None, finding: Finding) -> str:
    """The Markdown a hover shows for a finding: the rule's page."""
    if rule is not None and type(rule) in RULE_FILE_TYPES:
        from ..ruledocs import render_page
        return render_page(rule)
    lines = [f"**{finding.rule_id}** {finding.rule_name}", "", finding.message]
    href = help_uri(rule)
    if href:
        lines += ["", href]
    return "\n".join(lines)
