"""The properties the fuzz campaign checks, one function per kind of input. Each takes one input
and raises AssertionError when armlint misbehaves; anything else it raises is a bug too. Shared
by the property tests (a few seconds per property in CI) and the long local campaign
(`ARMLINT_FUZZ_EXAMPLES=...`)."""
from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from armlint.bicep.parser import parse as parse_bicep
from armlint.expr.parser import ExpressionSyntaxError, parse as parse_expression
from armlint.source import jsonc


@functools.lru_cache(maxsize=None)
def _linter():
    from armlint.engine.loader import load_catalogue
    from armlint.linter import Linter, LintOptions
    catalogue = load_catalogue()
    return Linter(catalogue, LintOptions(select=["ALL"], use_config=False))


def jsonc_reads(text: str) -> None:
    """Any text gives a value or a located error."""
    doc = jsonc.load(text)
    if doc.ok:
        doc.span(())
        if isinstance(doc.value, dict):
            for key in list(doc.value)[:5]:
                doc.span((key,))
                doc.span((key,), "key")
        doc.duplicates()
    else:
        assert 0 <= doc.error.offset <= len(text), (doc.error, len(text))
        span = doc.error_span()
        assert span.start_line >= 1 and span.start_col >= 1
        assert doc.error.message


def expression_parses(text: str) -> None:
    """Any expression string gives a tree or a located syntax error."""
    from armlint.expr.parser import is_expression
    if not is_expression(text):
        return  # not an expression: the parser is never given it
    try:
        parse_expression(text)
    except ExpressionSyntaxError as exc:
        offset = getattr(exc, "offset", None)
        assert offset is None or 0 <= offset <= len(text), (exc, len(text))


def bicep_parses(text: str) -> None:
    """Any text gives a syntax tree whose diagnostics lie inside the text."""
    tree = parse_bicep(text)
    for d in tree.diagnostics:
        assert 0 <= d.start <= d.end <= len(text) + 1, (d, len(text))
        assert d.message


def lints(text: str, name: str) -> None:
    """Any file lints without a crash: no AL0003, every finding located inside the file."""
    result = _linter().lint_source(text, name)
    lines = text.count("\n") + 1
    for f in result.findings:
        assert f.rule_id != "AL0003", f.message
        s = f.location.span
        assert 1 <= s.start_line <= lines + 1 and s.start_col >= 1, (f.rule_id, s, lines)


def configuration_loads(text: str) -> None:
    """Any configuration file gives settings or a ConfigError naming a place in it."""
    from armlint.config import ConfigError, load_config
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".armlint.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_config(path)
        except ConfigError as exc:
            assert exc.line >= 1 and exc.col >= 1 and exc.message


def rule_file_loads(text: str) -> None:
    """Any rule file gives a rule or a RuleFileError naming a place in it."""
    from armlint.engine.loader import RuleFileError, load_rule_file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ORG001.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_rule_file(path, validate=True)
        except RuleFileError as exc:
            assert exc.line >= 1 and exc.col >= 1 and exc.message
