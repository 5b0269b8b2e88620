"""discover.py names the files a walk finds as `Path(folder) / name` would ("./a" is "a", a
trailing "/" dropped), though it makes no Path per file: the names are what reports show for a
file outside the working folder and what the run's keys are made from."""
from __future__ import annotations

import os
from pathlib import Path

from armlint.discover import discover


def test_names_are_those_of_paths(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "t.json").write_text("{}")
    (tmp_path / "a" / "b" / "m.bicep").write_text("")
    (tmp_path / "a" / "b" / "notes.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    for root in (".", "./a", "a/", "a//b", str(tmp_path / "a") + "/", "a/../a"):
        found = [c.name for c in discover([root])]
        expected = sorted(str(Path(d) / f) for d, _, names in os.walk(Path(root))
                          for f in names if not f.endswith(".txt"))
        assert sorted(found) == expected, root
        assert all(c.name == str(c.path) for c in discover([root]))
    assert [c.name for c in discover(["."])] == ["a/t.json", "a/b/m.bicep"]
