"""What a file's findings cost while they are made: nothing held per finding beyond the finding
itself (issue 16: a large template's peak is reached while its findings are located)."""

import tracemalloc

from armlint.api import Linter, LintOptions

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
COUNT = 3000


def _template(count: int) -> str:
    resources = ",".join(
        '{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2019-06-01", '
        '"name": "st%d", "location": "westeurope"}' % i for i in range(count))
    return '{"$schema": "%s", "contentVersion": "1.0.0.0", "resources": [%s]}' % (SCHEMA, resources)


def test_locating_findings_holds_no_table_entry_per_finding_outside_loops(catalogue, tmp_path):
    # The copies of a resource loop are merged by rule and place; every finding of a template
    # without loops was keyed for that too (a tuple, a list and a dict entry each: ~200 bytes a
    # finding on top of the key that folds identical findings), which was the peak of a large
    # template's lint.
    (tmp_path / "t.json").write_text(_template(COUNT))
    linter = Linter(catalogue, LintOptions(select=["AL4001"], use_config=False), root=tmp_path)
    real = linter._finish
    seen = []

    def finish(result, *args):
        tracemalloc.reset_peak()
        real(result, *args)
        now, peak = tracemalloc.get_traced_memory()
        seen.append((peak - now, len(result.findings)))
    linter._finish = finish
    tracemalloc.start()
    try:
        linter.lint_file(tmp_path / "t.json")
    finally:
        tracemalloc.stop()
    (transient, findings), = seen
    assert findings == COUNT
    assert transient / findings < 250, f"{transient / findings:.0f} bytes a finding"


def test_findings_of_a_file_no_later_file_uses_as_a_module_are_not_recorded(catalogue, tmp_path):
    # `_reported_in_module` asks which findings a module file gives on its own; a set of them
    # for every file (a tuple per finding) was made at the peak of a large file's lint, and
    # released right after unless a Bicep file of the run uses the file as a module.
    (tmp_path / "t.json").write_text(_template(3))
    (tmp_path / "main.bicep").write_text("module m 't.json' = {\n  name: 'm'\n}\n")
    linter = Linter(catalogue, LintOptions(select=["AL4001"], use_config=False), root=tmp_path)
    key = str(tmp_path / "t.json")
    linter.plan([key])
    assert len(linter.lint_file(tmp_path / "t.json").findings) == 3
    assert key not in linter._module_findings
    linter.plan([key, str(tmp_path / "main.bicep")])
    linter.lint_file(tmp_path / "t.json")
    assert len(linter._module_findings[key]) == 3  # kept for main.bicep, which uses it
    linter.plan(None)  # no plan (an editor, a library caller): kept, as ever
    linter.forget_files()
    linter.lint_file(tmp_path / "t.json")
    assert len(linter._module_findings[key]) == 3


def test_the_model_and_the_tree_are_freed_before_findings_are_located(catalogue, tmp_path):
    # The rules share each resource's evaluated view; a large template's views (1.6 times its
    # size) were held until its findings were made, at the peak of its lint, and then the
    # model and the document's tree (4 times its size) until they were fingerprinted. Now the
    # located findings are made once both are gone: freed by reference counting (the collector
    # paused, as in a run), so nothing the raw findings hold keeps a resource or a tree node.
    import gc

    from armlint.model.template import Resource, Template
    from armlint.source.cidict import Arr, CIDict

    # what other tests left alive (a session's caches) is told apart by the resources' names
    def named(o) -> bool:
        return isinstance(o, CIDict) and str(o.get("name")).startswith("freed-st")

    def listing(o) -> bool:
        return isinstance(o, Arr) and any(named(x) for x in o)

    def of_the_model(o) -> bool:  # the tree's nodes (the root, the resources and their array),
        if isinstance(o, (Resource, Template)):  # the model's resources and templates
            o = o.raw
        return named(o) or listing(o) or (isinstance(o, CIDict) and listing(o.get("resources")))
    (tmp_path / "t.json").write_text(_template(3).replace('"name": "st', '"name": "freed-st'))
    linter = Linter(catalogue, LintOptions(select=["AL4001"], use_config=False), root=tmp_path)
    real = linter._finish
    live = []

    def finish(result, settings, raw, doc, kept):
        live.append(([o for o in gc.get_objects() if of_the_model(o)], doc.value, len(raw)))
        real(result, settings, raw, doc, kept)
    linter._finish = finish
    gc.collect()
    gc.disable()
    try:
        findings = linter.lint_file(tmp_path / "t.json").findings
    finally:
        gc.enable()
    assert [f.location.span.start_line for f in findings] == [1, 1, 1]
    assert live == [([], None, 3)]


def test_equal_messages_of_a_rule_share_one_string(catalogue, tmp_path):
    # AL4001's message names the API version and type, not the resource: one string for all
    (tmp_path / "t.json").write_text(_template(4))
    linter = Linter(catalogue, LintOptions(select=["AL4001"], use_config=False), root=tmp_path)
    messages = [f.message for f in linter.lint_file(tmp_path / "t.json").findings]
    assert len(messages) == 4 and len({id(m) for m in messages}) == 1
