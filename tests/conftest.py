"""Shared test fixtures: the catalogue, a one-rule linter, paths to ../shared when present, and a
temporary cache folder for the whole session (no test reads or writes the user's ~/.cache)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SARIF_SCHEMA = REPO / "tests" / "schemas" / "sarif-2.1.0.json"  # vendored OASIS schema


@pytest.fixture(scope="session")
def _warm_catalogue_cache(tmp_path_factory):
    """The built-in catalogue's cache entry, built once, so that a test's empty cache folder
    does not mean reading every rule file again."""
    import os
    folder = tmp_path_factory.mktemp("catalogue-cache")
    saved = {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "ARMLINT_CACHE_DIR")}
    os.environ["XDG_CACHE_HOME"] = str(folder)
    os.environ.pop("ARMLINT_CACHE_DIR", None)
    try:
        from armlint.engine.loader import load_catalogue
        load_catalogue()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return folder / "armlint" / "catalogue"


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory, monkeypatch, _warm_catalogue_cache):
    """Every test caches in a folder of its own (results, catalogue, policies), never in the
    user's: XDG_CACHE_HOME is a fresh temporary folder and ARMLINT_CACHE_DIR is unset. The warm
    catalogue entry is copied in; ARMLINT_NO_CACHE, when the suite runs with it, stays set."""
    import shutil
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("ARMLINT_CACHE_DIR", raising=False)
    if _warm_catalogue_cache.is_dir():
        shutil.copytree(_warm_catalogue_cache, folder / "armlint" / "catalogue")
    return folder


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite the .golden files of rule fixtures from the current output")


@pytest.fixture(scope="session", autouse=True)
def temporary_cache(tmp_path_factory):
    """Every cache armlint keeps (rule catalogue, policy tables, results) goes to a folder of
    this session, in this process and in the armlint processes tests start (they inherit the
    environment). A test of the cache itself sets its own folder."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        patch.setenv("ARMLINT_CACHE_DIR", str(folder / "armlint"))
        yield folder


@pytest.fixture(scope="session")
def catalogue():
    from armlint.engine.loader import load_catalogue
    return load_catalogue(validate_builtin=True)


@pytest.fixture(scope="session")
def lint(catalogue):
    """lint(text_or_bytes, select=[...], name='t.json') -> FileResult"""
    from armlint.api import Linter, LintOptions

    def run(source, select=None, name="template.json", **options):
        opts = LintOptions(select=select, use_config=False, **options)
        linter = Linter(catalogue, opts, root=REPO)
        data = source.encode("utf-8") if isinstance(source, str) else source
        return linter.lint_bytes(data, name)
    return run


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared corpus is read from ../shared)")
    return path
