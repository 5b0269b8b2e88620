"""`armlint server` driven by a real LSP client over stdio (pygls's own client): diagnostics on
open and change, code actions applied as an editor applies them, hover, configuration, file
watching, modules, and input that must not kill the server."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from lsprotocol import types as T
from pygls.uris import from_fs_path

from .client import Editor, run

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "vm-agent-disabled.json"


def project(tmp_path: Path) -> Path:
    """A folder that is a project of its own (a version-control root), so no configuration
    file above it applies."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def codes(diagnostics) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def only(diagnostics, code: str) -> T.Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, codes(diagnostics)
    return found[0]


def test_the_vm_agent_example_live(tmp_path):
    """Open the VM agent example: AL5001 at the exact range; hover shows the rule page; fixing
    the buffer, the suppression action and the quick fix each make AL5001 go away."""
    root = project(tmp_path)
    path = root / "vm-agent-disabled.json"
    shutil.copy(EXAMPLE, path)
    original = path.read_text()

    async def scenario():
        async with Editor(root) as editor:
            uri = editor.open(path)
            diagnostics = await editor.diagnostics_for(uri)
            al5001 = only(diagnostics, "AL5001")
            # line 32, columns 33-39 (1-based): the value "false" of provisionVmAgent
            assert al5001.range == T.Range(start=T.Position(line=31, character=32),
                                           end=T.Position(line=31, character=39))
            assert al5001.severity == T.DiagnosticSeverity.Error
            assert al5001.source == "armlint"
            assert al5001.code_description.href.endswith("/docs/rules/AL5001.md")
            assert "sets provisionVMAgent to false" in al5001.message
            assert only(diagnostics, "AL5002").severity == T.DiagnosticSeverity.Information
            assert only(diagnostics, "AL5006").severity == T.DiagnosticSeverity.Warning

            hover = await editor.hover(uri, T.Position(line=31, character=35))
            assert hover.contents.kind == T.MarkupKind.Markdown
            assert hover.contents.value.startswith("# AL5001 extensions-without-vm-agent")
            assert "## Why is this bad?" in hover.contents.value
            assert await editor.hover(uri, T.Position(line=2, character=5)) is None

            # the user fixes the buffer by hand (not saved): no AL5001
            seen = editor.published[uri]
            editor.change(uri, [T.TextEdit(range=al5001.range, new_text="true")])
            fixed = await editor.diagnostics_for(uri, after=seen)
            assert "AL5001" not in codes(fixed) and "AL5006" not in codes(fixed)

            # back to the original text; then the suppression code action
            seen = editor.published[uri]
            editor.change(uri, text=original)
            diagnostics = await editor.diagnostics_for(uri, lambda ds: "AL5001" in codes(ds),
                                                       after=seen)
            al5001 = only(diagnostics, "AL5001")
            actions = await editor.code_actions(uri, al5001)
            titles = [a.title for a in actions]
            assert "Set provisionVMAgent to true" in titles
            assert "Write the boolean without quotes" in titles
            suppress = next(a for a in actions
                            if a.title == "Suppress AL5001 (extensions-without-vm-agent) on this line")
            assert suppress.kind == T.CodeActionKind.QuickFix
            seen = editor.published[uri]
            text = editor.apply(uri, suppress)
            assert text.splitlines()[31] == \
                "            // armlint-disable-next-line AL5001 -- reason"
            after = await editor.diagnostics_for(uri, after=seen)
            assert "AL5001" not in codes(after)
            assert {"AL5004", "AL5006"} <= set(codes(after))  # only the rule it names
            assert path.read_text() == original  # the server never writes the file

            # a second suppression on the same line joins the directive above
            actions = await editor.code_actions(uri, only(after, "AL5006"))
            join = next(a for a in actions if a.title.startswith("Suppress AL5006"))
            seen = editor.published[uri]
            text = editor.apply(uri, join)
            assert text.splitlines()[31] == \
                "            // armlint-disable-next-line AL5001, AL5006 -- reason"
            after = await editor.diagnostics_for(uri, after=seen)
            assert "AL5001" not in codes(after) and "AL5006" not in codes(after)

            # the quick fixes, from the original text again
            seen = editor.published[uri]
            editor.change(uri, text=original)
            diagnostics = await editor.diagnostics_for(uri, lambda ds: "AL5001" in codes(ds),
                                                       after=seen)
            actions = await editor.code_actions(uri, only(diagnostics, "AL5001"))
            boolean = next(a for a in actions if a.title == "Write the boolean without quotes")
            assert boolean.is_preferred
            seen = editor.published[uri]
            text = editor.apply(uri, boolean)
            assert '"provisionVmAgent": false' in text
            after = await editor.diagnostics_for(uri, after=seen)
            assert "AL5006" not in codes(after) and "AL5001" in codes(after)
            actions = await editor.code_actions(uri, only(after, "AL5001"))
            agent = next(a for a in actions if a.title == "Set provisionVMAgent to true")
            seen = editor.published[uri]
            text = editor.apply(uri, agent)
            assert '"provisionVmAgent": true' in text
            after = await editor.diagnostics_for(uri, after=seen)
            assert not {"AL5001", "AL5002", "AL5004", "AL5006"} & set(codes(after))
            assert editor.server_alive
    run(scenario())


BICEP = """param location string = resourceGroup().location
@description('never read')
param unused string
var unusedVar = 1

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stexample001'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
"""


def test_bicep_quick_fixes_and_the_bicep_suppression_form(tmp_path):
    root = project(tmp_path)
    (root / ".armlint.yaml").write_text("enable: [AL4004]\n")  # off by default in Bicep
    path = root / "main.bicep"
    path.write_text(BICEP)

    async def scenario():
        async with Editor(root) as editor:
            uri = editor.open(path, language="bicep")
            diagnostics = await editor.diagnostics_for(uri)
            assert {"AL2001", "AL2002", "AL4004"} <= set(codes(diagnostics))
            location = only(diagnostics, "AL4004")
            actions = await editor.code_actions(uri, location)
            seen = editor.published[uri]
            text = editor.apply(uri, next(a for a in actions
                                          if a.title == "Use the location parameter"))
            assert "  location: location\n" in text
            diagnostics = await editor.diagnostics_for(uri, after=seen)
            assert "AL4004" not in codes(diagnostics)

            actions = await editor.code_actions(uri, only(diagnostics, "AL2001"))
            titles = [a.title for a in actions]
            assert "Suppress AL2001 and Bicep's no-unused-params on this line" in titles
            seen = editor.published[uri]
            text = editor.apply(uri, next(a for a in actions
                                          if a.title == "Remove the unused parameter"))
            assert "unused string" not in text and "never read" not in text
            assert text.startswith("param location string = resourceGroup().location\n"
                                   "var unusedVar = 1\n")
            diagnostics = await editor.diagnostics_for(uri, after=seen)
            actions = await editor.code_actions(uri, only(diagnostics, "AL2002"))
            bicep_form = next(a for a in actions if a.title.startswith("Suppress AL2002 and"))
            seen = editor.published[uri]
            text = editor.apply(uri, bicep_form)
            assert "#disable-next-line no-unused-vars\nvar unusedVar = 1" in text
            diagnostics = await editor.diagnostics_for(uri, after=seen)
            assert not {"AL2001", "AL2002", "AL4004"} & set(codes(diagnostics))
    run(scenario())


def test_configuration_bicepconfig_settings_and_file_watching(tmp_path):
    """The folder's .armlint.yaml and bicepconfig.json apply as in `armlint check`; a change to
    either on disk (file watcher) and a settings change take effect without a restart."""
    root = project(tmp_path)
    (root / ".armlint.yaml").write_text("ignore: [AL5001]\n")
    (root / "bicepconfig.json").write_text(
        '{"analyzers": {"core": {"rules": {"no-unused-params": {"level": "error"}}}}}')
    shutil.copy(EXAMPLE, root / "vm.json")
    (root / "main.bicep").write_text("param unused string\n")

    async def scenario():
        async with Editor(root) as editor:
            vm = editor.open(root / "vm.json")
            bicep = editor.open(root / "main.bicep", language="bicep")
            diagnostics = await editor.diagnostics_for(vm)
            assert editor.watch_registered  # asked for right after `initialized`
            assert "AL5001" not in codes(diagnostics) and "AL5004" in codes(diagnostics)
            assert only(await editor.diagnostics_for(bicep), "AL2001").severity == \
                T.DiagnosticSeverity.Error

            (root / ".armlint.yaml").write_text("ignore: [AL5004]\n")
            (root / "bicepconfig.json").write_text(
                '{"analyzers": {"core": {"rules": {"no-unused-params": {"level": "info"}}}}}')
            seen_vm, seen_bicep = editor.published[vm], editor.published[bicep]
            editor.client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
                changes=[T.FileEvent(uri=from_fs_path(str(root / ".armlint.yaml")),
                                     type=T.FileChangeType.Changed),
                         T.FileEvent(uri=from_fs_path(str(root / "bicepconfig.json")),
                                     type=T.FileChangeType.Changed)]))
            diagnostics = await editor.diagnostics_for(
                vm, lambda ds: "AL5004" not in codes(ds), after=seen_vm)
            assert "AL5001" in codes(diagnostics)
            diagnostics = await editor.diagnostics_for(
                bicep, lambda ds: "AL2001" in codes(ds) and only(ds, "AL2001").severity ==
                T.DiagnosticSeverity.Information, after=seen_bicep)

            # the editor's settings: pushed with the notification, as VS Code does
            seen_vm = editor.published[vm]
            editor.client.workspace_did_change_configuration(T.DidChangeConfigurationParams(
                settings={"armlint": {"ignore": ["AL5006"]}}))
            diagnostics = await editor.diagnostics_for(
                vm, lambda ds: "AL5006" not in codes(ds), after=seen_vm)
            assert "AL5004" not in codes(diagnostics) and "AL5001" in codes(diagnostics)

            # a configuration armlint cannot use is a diagnostic, and the server goes on
            (root / ".armlint.yaml").write_text("ignore: [AL5004\n")
            seen_vm = editor.published[vm]
            editor.client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
                changes=[T.FileEvent(uri=from_fs_path(str(root / ".armlint.yaml")),
                                     type=T.FileChangeType.Changed)]))
            diagnostics = await editor.diagnostics_for(
                vm, lambda ds: ds[:1] and ds[0].code is None, after=seen_vm)
            assert ".armlint.yaml" in diagnostics[0].message
            assert diagnostics[0].message.startswith("armlint cannot use its configuration")
            assert editor.server_alive
    run(scenario())


MODULE = """param loc string = resourceGroup().location
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stexample001'
  location: loc
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
"""
MAIN = """module m './mod.bicep' = {
  name: 'm'
  params: { loc: 'westeurope' }
}
"""


def test_a_module_change_lints_the_open_files_that_use_it_again(tmp_path):
    root = project(tmp_path)
    (root / ".armlint.yaml").write_text("enable: [AL4004]\n")  # off by default in Bicep
    (root / "mod.bicep").write_text(MODULE)
    (root / "main.bicep").write_text(MAIN)

    async def scenario():
        async with Editor(root) as editor:
            main = editor.open(root / "main.bicep", language="bicep")
            location = only(await editor.diagnostics_for(main), "AL4004")
            assert location.range.start == T.Position(line=2, character=17)
            module = editor.open(root / "mod.bicep", language="bicep")
            await editor.diagnostics_for(module)
            # the module stops using the parameter as a location, unsaved: main changes too
            seen = editor.published[main]
            editor.change(module, text=MODULE.replace("location: loc", "location: 'global'"))
            await editor.diagnostics_for(main, lambda ds: "AL4004" not in codes(ds), after=seen)
            assert (root / "mod.bicep").read_text() == MODULE
            # closing the module: main reads the file on disk again
            seen = editor.published[main]
            editor.close(module)
            await editor.diagnostics_for(main, lambda ds: "AL4004" in codes(ds), after=seen)
    run(scenario())


VM_MODULE = """param agentOn bool = true

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      windowsConfiguration: { /* \U0001F680 */ provisionVMAgent: agentOn }
    }
  }
  resource dsc 'extensions' = {
    name: 'dsc'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.Powershell', type: 'DSC', typeHandlerVersion: '2.77' }
  }
}
"""
VM_MAIN = """// Turns the module's agent off.
module vm 'modules/vm.bicep' = {
  name: 'vm'
  params: {
    agentOn: false
  }
}
"""


def test_a_finding_at_a_module_relates_the_place_in_the_module(tmp_path):
    """AL5001 is reported at the module declaration, with the value in the module's file as
    related information, in UTF-16 positions (a rocket before it on its line counts two units);
    an unsaved change to the module that moves the value moves the related location."""
    root = project(tmp_path)
    (root / "modules").mkdir()
    module = root / "modules" / "vm.bicep"
    module.write_text(VM_MODULE, encoding="utf-8")
    (root / "main.bicep").write_text(VM_MAIN)

    async def scenario():
        async with Editor(root) as editor:
            main = editor.open(root / "main.bicep", language="bicep")
            al5001 = only(await editor.diagnostics_for(main), "AL5001")
            assert al5001.range == T.Range(start=T.Position(1, 0), end=T.Position(6, 1))
            [related] = al5001.related_information
            assert related.location.uri == from_fs_path(str(module))
            # line 9 (0-based 8): `agentOn` after 56 code points, 57 UTF-16 units
            assert related.location.range == T.Range(start=T.Position(8, 57),
                                                      end=T.Position(8, 64))
            assert related.message == "here in the module's file vm.bicep"

            seen = editor.published[main]
            uri = editor.open(module, language="bicep")
            editor.change(uri, text="// moved down a line\n" + VM_MODULE)
            moved = await editor.diagnostics_for(
                main, lambda ds: any(d.related_information and
                                     d.related_information[0].location.range.start.line == 9
                                     for d in ds), after=seen)
            assert only(moved, "AL5001").related_information[0].location.range == \
                T.Range(start=T.Position(9, 57), end=T.Position(9, 64))
    run(scenario())


def test_untitled_buffers_are_linted_by_their_language(tmp_path):
    """`untitled:` buffers: Bicep and JSON by their languageId, with code actions in the Bicep
    form; a file of the same name in the folder is not what is linted; other languages are left
    alone; closing clears the diagnostics."""
    root = project(tmp_path)
    (root / "Untitled-1.bicep").write_text("param location string = resourceGroup().location\n")

    async def scenario():
        async with Editor(root) as editor:
            def open_untitled(name: str, text: str, language: str) -> str:
                uri = f"untitled:{name}"
                editor.versions[uri], editor.texts[uri] = 1, text
                editor.client.text_document_did_open(T.DidOpenTextDocumentParams(
                    text_document=T.TextDocumentItem(uri=uri, language_id=language, version=1,
                                                     text=text)))
                return uri

            plain = open_untitled("Untitled-3", BICEP, "plaintext")
            bicep = open_untitled("Untitled-1", BICEP, "bicep")
            diagnostics = await editor.diagnostics_for(bicep)
            assert {"AL2001", "AL2002"} <= set(codes(diagnostics))
            actions = await editor.code_actions(bicep, only(diagnostics, "AL2002"))
            assert any(a.title == "Suppress AL2002 and Bicep's no-unused-vars on this line"
                       for a in actions)
            seen = editor.published[bicep]
            editor.change(bicep, text="param location string = resourceGroup().location\n"
                                      "output where string = location\n")
            diagnostics = await editor.diagnostics_for(bicep, after=seen)
            assert not {"AL2001", "AL2002"} & set(codes(diagnostics))

            arm = open_untitled("Untitled-2", EXAMPLE.read_text(), "json")
            al5001 = only(await editor.diagnostics_for(arm), "AL5001")
            assert al5001.range == T.Range(start=T.Position(line=31, character=32),
                                           end=T.Position(line=31, character=39))
            seen = editor.published[arm]
            editor.close(arm)
            editor.versions[arm] = None  # closed: the clearing diagnostics carry no version
            assert not await editor.diagnostics_for(arm, lambda ds: not ds, after=seen)
            assert plain not in editor.published
            assert sorted(p.name for p in root.iterdir()) == [".git", "Untitled-1.bicep"]
    run(scenario())


GOOD = ('{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
        'deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}')


def test_bad_input_gets_a_diagnostic_each_and_never_stops_the_server(tmp_path):
    root = project(tmp_path)
    deep_expression = "[" + "concat(" * 5000 + "'a'" + ")" * 5000 + "]"
    bad = {
        "binary.json": ("{\"$schema\": \"x\"\x00\x01\x02}", "AL0002"),
        "truncated.json": (GOOD[:70], "AL0001"),
        "truncated.bicep": ("resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n"
                            "  name: 'st'\n  properties: {", "AL0001"),
        "deep_json.json": (GOOD.replace('"resources": []', '"resources": [], "variables": '
                                        '{"a": ' + "[" * 100000 + "]" * 100000 + "}"), "AL0001"),
        "deep_expression.json": (GOOD.replace(
            '"resources": []', '"resources": [], "outputs": {"o": {"type": "string", '
                               f'"value": "{deep_expression}"}}}}'), "AL3001"),
        "deep_parens.bicep": ("var a = " + "(" * 100000 + "1" + ")" * 100000 + "\n", "AL0001"),
        "deep_index.bicep": ("param p array\noutput o string = p" + "[0]" * 3000 + "\n",
                             "AL0001"),
        "huge.json": (GOOD[:-1] + ', "metadata": {"x": "' + "a" * (3 * 1024 * 1024) + '"}}',
                      "AL0002"),
    }

    async def scenario():
        async with Editor(root, settings={"maxFileSize": 1}) as editor:
            uris = {}
            for name, (text, _) in bad.items():
                uris[name] = editor.open(root / name, text, "bicep" if name.endswith(".bicep")
                                         else "json")
            for name, (_, expected) in bad.items():
                diagnostics = await editor.diagnostics_for(uris[name])
                assert expected in codes(diagnostics), (name, codes(diagnostics))
                assert "AL0003" not in codes(diagnostics), name
            assert editor.server_alive
            good = editor.open(root / "vm.json", EXAMPLE.read_text())
            assert "AL5001" in codes(await editor.diagnostics_for(good))
    run(scenario())


def test_without_pygls_the_server_command_says_what_to_install():
    blocked = ("import sys\nfor m in ('pygls', 'pygls.lsp', 'pygls.lsp.server', 'lsprotocol', "
               "'lsprotocol.types'):\n    sys.modules[m] = None\n"
               "from armlint.cli import main\nsys.argv = ['armlint', 'server']\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                          cwd=REPO, timeout=60)
    assert proc.returncode == 2
    assert "pip install 'armlint[server]'" in proc.stderr and "Traceback" not in proc.stderr
