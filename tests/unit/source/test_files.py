"""source.files: regular files only, never blocking, a size limit, and confinement to the project
(symbolic links resolved first)."""
from __future__ import annotations

import os
import subprocess

import pytest

from armlint.source.files import Confinement, ReadRefused, project_root, read_file


def test_a_regular_file_is_read(tmp_path):
    f = tmp_path / "a.json"
    f.write_bytes(b"{}")
    assert read_file(f) == b"{}"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    with pytest.raises(ReadRefused, match="named pipe"):
        read_file(fifo)


def test_a_device_is_refused_even_through_a_symlink(tmp_path):
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(ReadRefused, match="device"):
        read_file(link)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ReadRefused, match="folder"):
        read_file(tmp_path)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    f = tmp_path / "big.json"
    f.write_bytes(b" " * 2048)
    with pytest.raises(ReadRefused, match=r"2 KB, over the limit of 1 KB"):
        read_file(f, max_bytes=1024)
    assert read_file(f, max_bytes=2048) == b" " * 2048


def test_a_missing_file_is_marked_missing(tmp_path):
    with pytest.raises(ReadRefused) as exc:
        read_file(tmp_path / "nope")
    assert exc.value.missing


def test_confinement_refuses_paths_outside_and_links_that_lead_out(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "ok.txt").write_text("fine")
    (project / "out.txt").symlink_to("/etc/passwd")
    (tmp_path / "secret.txt").write_text("secret")
    box = Confinement([str(project)])
    assert box.read(project / "ok.txt") == b"fine"
    for path in (project / "out.txt", project / ".." / "secret.txt", "/etc/passwd"):
        with pytest.raises(ReadRefused, match="outside the project"):
            box.read(path)
    # a sibling whose name starts like the project is not inside it
    (tmp_path / "project2").mkdir()
    (tmp_path / "project2" / "x").write_text("x")
    with pytest.raises(ReadRefused, match="outside the project"):
        box.read(tmp_path / "project2" / "x")


def test_project_root_prefers_the_configuration_folder_inside_the_repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "infra" / "app").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    real = os.path.realpath
    assert project_root(repo / "infra" / "app") == real(repo)
    assert project_root(repo / "infra" / "app", repo / "infra") == real(repo / "infra")
    # a configuration above the repository (a ~/.armlint.yaml) does not widen the project
    assert project_root(repo / "infra" / "app", tmp_path) == real(repo)


def test_project_root_without_repository_or_configuration_is_the_linted_path(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert project_root(tmp_path / "a" / "b", None, tmp_path / "a") == os.path.realpath(tmp_path / "a")
    assert project_root(tmp_path / "a" / "b") == os.path.realpath(tmp_path / "a" / "b")


def test_real_path_in_a_run_is_os_realpath(tmp_path, monkeypatch):
    """Folders resolved once while resolving() is open give what os.path.realpath gives: links
    as folders, as the file itself, chained, to outside, dangling, missing parts, "." and ".."."""
    from armlint.source.files import real_path, resolving
    outside, root = _outside_and_root(tmp_path)
    (root / "a" / "chain").symlink_to(root / "a" / "out")
    (root / "a" / "file-link.json").symlink_to(outside / "deep" / "t.json")
    (root / "a" / "dangling").symlink_to(tmp_path / "nowhere")
    (root / "rel").symlink_to("a/b")
    monkeypatch.chdir(root)
    paths = [root / "a" / "b" / "t.json", root / "a" / "out" / "deep" / "t.json",
             root / "a" / "chain" / "deep" / "t.json", root / "a" / "file-link.json",
             root / "a" / "dangling" / "x.json", root / "a" / "missing" / "x.json",
             root / "rel" / "t.json", "a/out/deep/t.json", "rel/../a/b/t.json",
             str(root) + "/a/./b/t.json", str(root / "a" / "out") + "/../b", "t.json",
             root / "a", "/", root / "a" / "b" / "t.json" / "x"]
    with resolving():
        for _ in range(2):  # the memo's answers the second time
            for p in paths:
                assert real_path(p) == os.path.realpath(p), p
    assert real_path(root / "a" / "out") == str(outside)  # no memo outside a run


def _outside_and_root(base):
    """A folder outside the project with outside/deep/t.json, and a project root with
    root/a/b/t.json and root/a/out, a folder link out of the root."""
    outside = base / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "t.json").write_text("{}")
    root = base / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "t.json").write_text("{}")
    (root / "a" / "out").symlink_to(outside)
    return outside, root


def _tree_of_links(base):
    """Folders, a file, and links of every kind: to a folder inside and outside, to a file,
    relative with "..", dangling, a loop to itself, two links to each other, one through a loop."""
    outside, root = _outside_and_root(base)
    (root / "a" / "up").symlink_to("../a/b")
    (root / "a" / "file").symlink_to(root / "a" / "b" / "t.json")
    (root / "a" / "dangling").symlink_to(base / "nowhere")
    (root / "a" / "loop").symlink_to("loop")
    (root / "a" / "l1").symlink_to("l2")
    (root / "a" / "l2").symlink_to("l1")
    (root / "a" / "via").symlink_to("loop/b")
    return root


def test_real_path_in_a_run_with_dots_after_links_and_loops(tmp_path):
    """".." after a link is the parent of its target; after a loop of links os.path.realpath
    stops resolving and goes up by the letters, and the run's real path does the same."""
    from armlint.source.files import real_path, resolving
    root = _tree_of_links(tmp_path)
    a = str(root / "a")
    paths = [a + "/loop/../out/deep/t.json", a + "/l1/../out/deep", a + "/via/../out/x",
             a + "/loop/x/../../out/deep/t.json", a + "/out/../b/t.json", a + "/up/../b/./t.json",
             a + "/dangling/../out/deep", a + "/file/../out", a + "//out/.//deep/", a + "/.x/..",
             a + "/b/../../a/out/deep/../deep/t.json", "/..", "/../" + a[1:] + "/out"]
    with resolving():
        for _ in range(2):
            for p in paths:
                assert real_path(p) == os.path.realpath(p), p


def test_real_path_in_a_run_is_os_realpath_for_any_mix_of_parts(tmp_path_factory):
    """Paths made of names, links, ".", ".." and empty parts: the same answer as
    os.path.realpath, asked once and again from the memo."""
    from hypothesis import given, settings, strategies as st

    from armlint.source.files import real_path, resolving
    root = _tree_of_links(tmp_path_factory.mktemp("links"))
    names = ["a", "b", "t.json", "out", "deep", "up", "file", "dangling", "loop", "l1", "l2",
             "via", "missing", ".", "..", ""]

    @settings(max_examples=400, deadline=None, database=None, derandomize=True)
    @given(st.lists(st.sampled_from(names), min_size=1, max_size=7))
    def same(parts):
        p = str(root) + "/" + "/".join(parts)
        with resolving():
            assert real_path(p) == os.path.realpath(p), p
            assert real_path(p) == os.path.realpath(p), p

    same()


def test_a_folder_link_out_of_the_root_is_refused_in_a_run(tmp_path):
    from armlint.source.files import Confinement, ReadRefused, resolving
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "m.bicep").write_text("param p string\n")
    root = tmp_path / "root"
    (root / "mods").mkdir(parents=True)
    (root / "mods" / "in.bicep").write_text("param p string\n")
    (root / "mods" / "out").symlink_to(outside)
    confinement = Confinement([str(root)])
    with resolving():
        assert confinement.check(root / "mods" / "in.bicep") == str(root / "mods" / "in.bicep")
        for _ in range(2):
            with pytest.raises(ReadRefused, match="outside the project"):
                confinement.read(root / "mods" / "out" / "m.bicep")
