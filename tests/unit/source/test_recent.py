"""source.recent: the per-folder memos hold at most their size, dropping the oldest entries."""
from armlint.source.recent import Recent


def test_it_holds_at_most_its_size_and_drops_the_oldest_half():
    memo = Recent(4)
    for i in range(4):
        memo[f"/f{i}"] = i
    assert list(memo) == ["/f0", "/f1", "/f2", "/f3"]
    memo["/f4"] = 4
    assert list(memo) == ["/f2", "/f3", "/f4"]
    memo["/f3"] = 33  # a key it holds is replaced, nothing dropped
    assert memo == {"/f2": 2, "/f3": 33, "/f4": 4}
    for i in range(5, 100):
        memo[f"/f{i}"] = i
        assert len(memo) <= 4
    assert memo.get("/f0") is None and memo["/f99"] == 99


def test_a_linter_over_more_folders_than_the_memos_hold_answers_alike(tmp_path, monkeypatch):
    """The confinement of a folder worked out again after its memo dropped it is the same."""
    from armlint.api import open_linter, LintOptions
    (tmp_path / ".git").mkdir()
    folders = [tmp_path / f"d{i}" / "x" for i in range(12)]
    for f in folders:
        f.mkdir(parents=True)
    linter = open_linter(LintOptions(cache=False), root=str(tmp_path))
    linter._confinements.size = linter._vcs_roots.size = 4
    first = [linter.confinement_for(f / "main.bicep").roots for f in folders]
    assert len(linter._confinements) <= 4 and len(linter._vcs_roots) <= 4
    again = [linter.confinement_for(f / "main.bicep").roots for f in folders]
    assert first == again == [(str(tmp_path.resolve()),)] * 12
