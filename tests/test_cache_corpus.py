"""The result cache never changes results: a sample of the shared corpus (../shared/corpus,
skipped when absent), ARM JSON, parameter files and Bicep with their modules, linted without the
cache, then twice with it (the second run served from it), gives the same JSON report."""
from __future__ import annotations

import os

import pytest

from tests.conftest import shared_path

SAMPLE_EVERY = 24  # of the manifest's files, in order: each kind and folder is represented


def sample() -> list[str]:
    corpus = shared_path("corpus")
    rows = [line.split("\t") for line in
            (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [str(corpus / r[0]) for r in rows[::SAMPLE_EVERY]]


@pytest.mark.skipif(os.environ.get("ARMLINT_NO_CACHE", "") not in ("", "0"),
                    reason="ARMLINT_NO_CACHE turns the cache off")
def test_cached_runs_report_what_an_uncached_run_reports(monkeypatch):
    from armlint.api import Linter, LintOptions, lint_paths
    from armlint.reporters import json as json_report
    paths = sample()
    corpus = str(shared_path("corpus"))
    monkeypatch.chdir(corpus)

    def report(**options) -> str:
        options = LintOptions(select=["ALL"], use_config=False, roots=[corpus], jobs=1,
                              auto_parameters=True, **options)
        return json_report.render(lint_paths(paths, options))
    plain = report(cache=False)
    assert report() == plain
    linted = []
    original = Linter._lint_file
    monkeypatch.setattr(Linter, "_lint_file",
                        lambda self, path, explicit: linted.append(path) or
                        original(self, path, explicit))
    assert report() == plain
    assert linted == []  # every file from the cache
