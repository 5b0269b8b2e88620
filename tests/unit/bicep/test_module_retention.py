"""How long a run keeps lowered Bicep files: the scan for the modules a file names, the loader's
plan (each file until its last user is done) and the freeing of what it forgets."""
from __future__ import annotations

import gc
import os
import weakref

import pytest

from armlint.bicep.lower import ModuleLoader
from armlint.bicep.module_refs import local_modules

VM = "param agentOn bool = true\noutput on bool = agentOn\n"
USER = "module vm 'vm.bicep' = {\n  name: 'vm'\n  params: { agentOn: false }\n}\n"
OUTER = "module user 'user.bicep' = {\n  name: 'user'\n}\n"


def test_the_scan_finds_local_modules_as_the_lowering_joins_them(tmp_path):
    text = b"""// module commented 'commented.bicep' = {}
module a 'a.bicep' = {
  name: 'a'
}
@batchSize(1)
module b '../up/b.json' = [for i in range(0, 2): { name: 'b${i}' }]
  module indented 'sub/c.bicep' = if (true) { name: 'c' }
module reg 'br/public:avm/res/storage/storage-account:0.9.0' = { name: 'r' }
module reg2 'br:example.azurecr.io/m:1' = { name: 'r2' }
module spec 'ts:sub/rg/spec:1' = { name: 's' }
var notAModule = 'module x \\'y.bicep\\''
"""
    path = tmp_path / "main.bicep"
    assert local_modules(str(path), text) == [
        os.path.abspath(tmp_path / "a.bicep"), os.path.abspath(tmp_path.parent / "up" / "b.json"),
        os.path.abspath(tmp_path / "sub" / "c.bicep")]
    assert local_modules(str(path), b"param p string\n") == []


@pytest.fixture
def no_cyclic_collector():
    """What is freed must be freed by reference counting, as in a run (see runner)."""
    enabled = gc.isenabled()
    gc.disable()
    yield
    if enabled:
        gc.enable()


def _write(tmp_path):
    for name, text in (("vm.bicep", VM), ("user.bicep", USER), ("outer.bicep", OUTER)):
        (tmp_path / name).write_text(text)
    return {name: os.path.abspath(tmp_path / name)
            for name in ("vm.bicep", "user.bicep", "outer.bicep")}


def test_without_a_plan_every_file_is_kept(tmp_path):
    paths = _write(tmp_path)
    loader = ModuleLoader()
    loader.lowered(tmp_path / "user.bicep", USER)
    assert loader.release(0) == []
    assert loader.load(tmp_path / "vm.bicep") is not None
    assert sorted(loader._cache) == sorted([paths["user.bicep"], paths["vm.bicep"]])


def test_a_module_is_kept_until_its_last_user_is_done_then_freed(tmp_path, no_cyclic_collector):
    paths = _write(tmp_path)
    loader = ModuleLoader()
    # the run: 0 user.bicep, 1 (a JSON file), 2 another file naming vm.bicep
    loader.plan({paths["vm.bicep"]: 2})
    user = loader.lowered(tmp_path / "user.bicep", USER)[1]
    vm = loader.load(tmp_path / "vm.bicep")
    assert user["resources"]["vm"]["properties"]["template"] is vm  # lowered once, shared
    user_doc, vm_doc = weakref.ref(user.origin.doc), weakref.ref(vm.origin.doc)
    del user
    assert loader.release(0) == [paths["user.bicep"]]
    # forgotten and freed at once (no cyclic collection), as no kept template holds it
    assert user_doc() is None
    assert loader.release(1) == []
    assert loader.load(tmp_path / "vm.bicep") is vm  # still the same template
    del vm
    assert loader.release(2) == [paths["vm.bicep"]]
    assert vm_doc() is None
    assert loader._cache == {} and loader._uses == {} and loader._forgotten == []


def test_a_forgotten_module_a_kept_template_holds_stays_whole(tmp_path, no_cyclic_collector):
    paths = _write(tmp_path)
    loader = ModuleLoader()
    loader.plan({paths["user.bicep"]: 5, paths["vm.bicep"]: 0})
    outer_doc, outer = loader.lowered(tmp_path / "outer.bicep", OUTER)
    user = outer["resources"]["user"]["properties"]["template"]
    vm = user["resources"]["vm"]["properties"]["template"]
    assert sorted(loader.release(0)) == sorted([paths["outer.bicep"], paths["vm.bicep"]])
    # vm.bicep is forgotten, but user.bicep (kept) holds its template: its document keeps
    # its template, as the semantic model of a file using user.bicep may read it
    assert vm.origin.doc.value is vm
    assert user.origin.doc.value is user
    assert outer_doc.value is None  # forgotten and held by no kept template: cut
    assert loader.release(5) == [paths["user.bicep"]]
    assert vm.origin.doc.value is None and user.origin.doc.value is None
    assert loader._forgotten == []


def test_a_module_the_plan_did_not_foresee_is_lowered_again(tmp_path):
    paths = _write(tmp_path)
    loader = ModuleLoader()
    loader.plan({})
    user = loader.lowered(tmp_path / "user.bicep", USER)[1]
    first = user["resources"]["vm"]["properties"]["template"]
    loader.release(0)
    again = loader.load(tmp_path / "vm.bicep")
    assert again is not first and again == first
    assert paths["vm.bicep"] in loader._cache


def test_a_module_a_kept_template_holds_is_taken_back_not_lowered_again(tmp_path):
    # a test file lints a module's module on its own (its findings decide what the test file
    # reports): while the module's user is kept, its module is the same objects
    paths = _write(tmp_path)
    loader = ModuleLoader()
    loader.plan({paths["user.bicep"]: 5, paths["vm.bicep"]: 0})
    user = loader.lowered(tmp_path / "user.bicep", USER)[1]
    vm = user["resources"]["vm"]["properties"]["template"]
    loader.release(0)
    assert paths["vm.bicep"] in loader.held
    assert loader.load(tmp_path / "vm.bicep") is vm
    doc, again = loader.lowered(tmp_path / "vm.bicep", VM)
    assert again is vm and doc is vm.origin.doc
