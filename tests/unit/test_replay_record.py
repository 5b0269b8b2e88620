"""The replay recorder (replaytrace.py) in one process: what it notes, and the runs it refuses to
record (a file written, the clock read, a worker forked, a file read with open() that changed
just before the run), and the record's check (replay.py) of armlint's own code."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from armlint import replay
from armlint.engine.loader import BUILTIN_RULES_DIR, PACKAGE_DIR, SCHEMAS_DIR
from armlint.replaytrace import Recorder
from armlint.source import files


def record_of(func, *args) -> dict | None:
    recorder = Recorder(["check", "x"], [])
    with pytest.raises(SystemExit):
        recorder.run(lambda: (func(*args), sys.exit(1)))
    return replay._load(replay.record_path(recorder.material))


def test_what_a_run_looked_at_is_noted(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMLINT_TEST_VALUE", "seen")
    monkeypatch.delenv("ARMLINT_TEST_ABSENT", raising=False)
    present = tmp_path / "present.json"
    present.write_text("{}")
    past = time.time() - 3600
    os.utime(present, (past, past))

    def run():
        files.read_file(present)
        os.path.lexists(tmp_path / "absent.yaml")
        os.listdir(tmp_path)
        os.environ.get("ARMLINT_TEST_VALUE")
        os.environ.get("ARMLINT_TEST_ABSENT")
        print("the output")
    record = record_of(run)
    assert record is not None and record["exit"] == 1
    assert record["out"] == [[1, "the output\n"]]
    seen = record["seen"]
    assert [str(tmp_path / "absent.yaml"), "e2"] in seen["l"]
    assert [str(present), "h:" + files.digest(b"{}")] in seen["r"]
    assert any(item[0] == str(tmp_path) for item in seen["n"])
    assert ["ARMLINT_TEST_VALUE", "seen"] in record["env"]
    assert ["ARMLINT_TEST_ABSENT", None] in record["env"]
    assert replay.holds(record, record["key"])
    (tmp_path / "absent.yaml").write_text("now here")
    assert not replay.holds(record, record["key"])


def test_a_run_that_writes_a_file_is_not_recorded(tmp_path):
    assert record_of(lambda: (tmp_path / "out.txt").write_text("x")) is None


def test_a_run_that_reads_the_clock_is_not_recorded():
    from armlint.engine import readings
    assert record_of(readings.now) is None


def test_a_run_that_forks_is_not_recorded(monkeypatch):
    calls = []
    monkeypatch.setattr(os, "fork", lambda: calls.append(1) or 1, raising=False)
    assert record_of(lambda: os.fork()) is None
    assert calls == [1]


def test_a_file_read_with_open_is_recorded_only_when_it_was_not_just_changed(tmp_path):
    data = tmp_path / "data.txt"
    data.write_text("fresh")
    assert record_of(lambda: data.read_text()) is None  # changed a moment ago
    past = time.time() - 3600
    os.utime(data, (past, past))  # the change time cannot be set back: still a moment ago
    assert record_of(lambda: data.read_text()) is None
    assert record_of(lambda: files.read_file(data)) is not None  # the digest of what was read


def test_the_code_the_record_checks_is_armlints_own():
    roots = [os.path.realpath(r) for r in replay.code_roots()]
    for folder in (PACKAGE_DIR, BUILTIN_RULES_DIR, SCHEMAS_DIR):
        assert any(files.is_inside(os.path.realpath(folder), r) for r in roots), folder
    from armlint.replaytrace import _code_entries
    listed = {os.path.realpath(line.rsplit("|", 2)[0]) for line in _code_entries()}
    for path in list(Path(PACKAGE_DIR).rglob("*.py")) + list(Path(BUILTIN_RULES_DIR).rglob("*")):
        if "__pycache__" not in path.parts:  # each file, and each folder (a file added there)
            assert os.path.realpath(path) in listed, path


def test_a_code_file_changed_is_another_armlint(tmp_path):
    record = record_of(lambda: None)
    assert record is not None and replay.holds(record, record["key"])
    code = record["code"]
    assert code[0].rsplit("|", 2)[1] != "/" and code[-1].rsplit("|", 2)[1] == "/"
    for i in (0, 1, len(code) - 1):  # two files (size, time), a folder (time)
        path, size, mtime = code[i].rsplit("|", 2)
        changed = f"{path}|{size}|{int(mtime) + 1}" if size == "/" else \
            f"{path}|{int(size) + 1}|{mtime}"
        record["code"] = code[:i] + [changed] + code[i + 1:]
        assert not replay.holds(record, record["key"]), changed
    record["code"] = code
    assert replay.holds(record, record["key"])


def test_a_record_for_another_key_does_not_hold():
    record = record_of(lambda: None)
    other = list(record["key"])
    other[-1] = ["check", "y"]
    assert not replay.holds(record, other)


def test_loads_reads_plain_json_only():
    assert replay.loads('{"a":[1,2.5,null,true,"\\u00e9"]}') == {"a": [1, 2.5, None, True, "é"]}
    for bad in ("[NaN]", "[1,", "{} x", ""):
        with pytest.raises(Exception):
            replay.loads(bad)


def test_past_the_bound_of_observations_the_run_is_no_longer_watched(tmp_path, monkeypatch):
    from armlint import replaytrace
    monkeypatch.setattr(replaytrace, "MAX_OBSERVATIONS", 5)
    real_stat, real_open, stdout = os.stat, open, sys.stdout
    for i in range(10):
        (tmp_path / f"f{i}").write_text("x")
    watched = []

    def run():
        for i in range(10):
            os.stat(tmp_path / f"f{i}")
            watched.append(os.stat is not real_stat)
        watched.append(open is not real_open)
    assert record_of(run) is None
    # watched for the first observations, then the wrappers were taken off at once
    assert watched[:5] == [True] * 5 and watched[5:] == [False] * 6
    assert os.stat is real_stat and open is real_open and sys.stdout is stdout


def test_too_much_output_stops_the_watch_and_the_output_is_whole(monkeypatch, capsys):
    from armlint import replaytrace
    monkeypatch.setattr(replaytrace, "MAX_OUTPUT_CHARS", 10)
    real_stat = os.stat
    after = []

    def run():
        print("a line of more than ten characters")
        after.append(os.stat is real_stat)
        print("and another")
    assert record_of(run) is None
    assert after == [True]
    assert capsys.readouterr().out == "a line of more than ten characters\nand another\n"


def test_a_run_naming_too_many_files_is_not_watched(tmp_path, monkeypatch):
    from armlint import command, replaytrace
    monkeypatch.setattr(replaytrace, "MAX_SCAN_ENTRIES", 6)
    small = tmp_path / "small"
    (small / "sub").mkdir(parents=True)
    (small / ".git" / "objects").mkdir(parents=True)
    for i in range(20):  # a hidden folder is not walked: not counted below it
        (small / ".git" / "objects" / f"o{i}").write_text("x")
    for name in ("a.json", "b.bicep", "sub/c.json"):
        (small / name).write_text("{}")
    assert replaytrace.small_enough([str(small)])  # .git, sub, a, b, sub/c and the path
    big = tmp_path / "big"
    (big / "deep" / "deeper").mkdir(parents=True)
    for i in range(5):
        (big / "deep" / "deeper" / f"t{i}.json").write_text("{}")
    assert not replaytrace.small_enough([str(big)])
    many = [str(small / "a.json")] * 7
    assert not replaytrace.small_enough(many)
    params = command.parse_check_args([str(big)])
    assert not command._recordable([str(big)], params, [])
    params = command.parse_check_args([str(small)])
    assert command._recordable([str(small)], params, [])


def test_stale_temporary_files_of_the_replay_folder_are_swept():
    first = record_of(lambda: None)
    assert first is not None
    folder = Path(replay.record_path(first["key"])).parent
    stale, fresh = folder / "x.json.1.a.tmp", folder / "y.json.2.b.tmp"
    stale.write_bytes(b"{")
    fresh.write_bytes(b"{")
    long_ago = time.time() - 3600
    os.utime(stale, (long_ago, long_ago))
    assert record_of(lambda: print("another run")) is not None
    assert not stale.exists() and fresh.exists()


def test_a_recording_that_ends_leaves_an_equal_one_open():
    with files.recording() as outer:
        with files.recording():
            pass  # both empty (equal) when this one ends
        files.note(("exists", "/x"), "1")
    assert outer == {("exists", "/x"): "1"}
