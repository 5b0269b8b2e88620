"""Bicep parser over the shared corpus (../shared/corpus): every file parses without a diagnostic,
and the trees are sound (spans nest, every declaration line at column 1 is a statement).

Skips when the corpus is not present.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from armlint.bicep import syntax as S
from armlint.bicep.parser import parse
from armlint.source.text import LineIndex, decode

from .helpers import check_spans

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"

_DECLARATION_LINE = re.compile(
    r"^(?:targetScope|metadata|param|var|type|func|import|extension|using|extends|resource|module"
    r"|output|assert|test)\b", re.M)


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not present (the shared corpus is read from ../shared)")
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".bicep", ".bicepparam"))
    if not files:
        pytest.skip(f"no Bicep files under {CORPUS}")
    return files


@pytest.fixture(scope="module")
def parsed():
    return [(path, decode(path.read_bytes()).text) for path in _corpus_files()]


def test_every_corpus_file_parses_without_diagnostics(parsed):
    failures = []
    for path, text in parsed:
        tree = parse(text)
        if tree.diagnostics:
            first = tree.diagnostics[0]
            line, col = LineIndex(text).position(first.start)
            failures.append(f"{path.relative_to(CORPUS)}:{line}:{col}: {first.message}")
    assert not failures, f"{len(failures)} files with errors:\n" + "\n".join(failures[:50])


def test_corpus_trees_are_sound(parsed):
    problems = []
    for path, text in parsed:
        tree = parse(text)
        found = check_spans(tree, text)
        starts = [s.start for s in tree.statements]
        if starts != sorted(starts):
            found.append("statements out of order")
        # multi-line strings and block comments could hide such lines; AVM has none there
        expected = len(_DECLARATION_LINE.findall(text))
        if expected != len(tree.statements):
            found.append(f"{expected} declaration lines but {len(tree.statements)} statements")
        if any(not isinstance(s, S.Statement) for s in tree.statements):
            found.append("a statement that is not a Statement")
        if found:
            problems.append(f"{path.relative_to(CORPUS)}: {found[:3]}")
    assert not problems, "\n".join(problems[:30])
