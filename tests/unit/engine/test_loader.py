"""Rule files: a broken one is one clear error with file, line, column and rule."""
import json
import textwrap
from pathlib import Path

import pytest

from armlint.engine.catalogue import PendingRule, Rule
from armlint.engine.loader import CACHE_FORMAT, RuleFileError, load_catalogue, load_rule_file

GOOD = """\
id: AL9001
name: storage-without-https
title: Storage account allows plain HTTP
level: warning
scope: {kind: resources, resource_types: [Microsoft.Storage/storageAccounts]}
violation: "is_false(resource.properties.supportsHttpsTrafficOnly)"
report_at: [resource.properties.supportsHttpsTrafficOnly]
message: "Storage account '{name}' accepts HTTP"
docs: {what: w, why: y}
"""


def write(tmp_path: Path, text: str, name="AL9001-rule.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def error_of(path: Path) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, validate=True)
    return info.value


@pytest.fixture
def catalogue_cache(tmp_path, monkeypatch):
    """The catalogue cache on (the test run turns it off), in a folder of this test's own:
    the folder where the compiled catalogue is written."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ARMLINT_NO_CACHE", raising=False)
    return tmp_path / "cache" / "armlint" / "catalogue"


def test_good_rule_loads(tmp_path):
    rule = load_rule_file(write(tmp_path, GOOD))
    assert (rule.id, rule.name, rule.level) == ("AL9001", "storage-without-https", "warning")


def test_invalid_yaml(tmp_path):
    err = error_of(write(tmp_path, GOOD.replace("level: warning", "level: [warning")))
    assert err.line == 5 and "invalid YAML" in err.message


def test_unknown_field_names_the_key(tmp_path):
    err = error_of(write(tmp_path, GOOD + "severity: high\n"))
    assert (err.line, err.col) == (10, 1)
    assert "unknown field 'severity'" in err.message and err.rule == "AL9001 (storage-without-https)"
    assert str(err).startswith(f"{tmp_path / 'AL9001-rule.yaml'}:10:1: rule AL9001")


def test_jmespath_syntax_error_points_into_the_expression(tmp_path):
    err = error_of(write(tmp_path, GOOD.replace(
        'violation: "is_false(resource.properties.supportsHttpsTrafficOnly)"',
        'violation: "resource.properties[?"')))
    assert err.line == 6 and err.col > 12 and "JMESPath syntax error" in err.message


def test_unknown_function(tmp_path):
    err = error_of(write(tmp_path, GOOD.replace("is_false(", "is_falsy(")))
    assert err.line == 6 and "unknown function 'is_falsy()'" in err.message


def test_message_placeholder_must_be_bound(tmp_path):
    err = error_of(write(tmp_path, GOOD.replace("accepts HTTP", "accepts {protocol}")))
    assert err.line == 8 and "{protocol}" in err.message


def test_schema_violation_names_the_field(tmp_path):
    err = error_of(write(tmp_path, GOOD.replace("id: AL9001", "id: X1")))
    assert err.line == 1 and "`id`" in err.message


def test_user_rules_cannot_be_python(tmp_path):
    err = error_of(write(tmp_path, GOOD + "implementation: python\nmodule: x\n"))
    assert "only for built-in rules" in err.message


def test_catalogue_rejects_a_reused_id(tmp_path):
    write(tmp_path, GOOD.replace("AL9001", "AL5001").replace("storage-without-https", "x"),
          "a.yaml")
    with pytest.raises(RuleFileError, match="already used"):
        load_catalogue([tmp_path])


def test_builtin_catalogue_validates_against_the_schema():
    catalogue = load_catalogue(validate_builtin=True)
    assert catalogue.find("AL5001").name == "extensions-without-vm-agent"


def test_the_compiled_catalogue_is_cached_and_refreshed_when_a_rule_changes(catalogue_cache,
                                                                            tmp_path):
    import os
    rules = tmp_path / "rules"
    rules.mkdir()
    path = write(rules, GOOD)
    first = load_catalogue([rules])
    assert first.find("AL9001").title == "Storage account allows plain HTTP"
    assert list(catalogue_cache.glob("*.json"))
    assert load_catalogue([rules]).find("AL9001").title == "Storage account allows plain HTTP"
    path.write_text(GOOD.replace("allows plain HTTP", "accepts HTTP"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_catalogue([rules]).find("AL9001").title == "Storage account accepts HTTP"
    path.write_text(GOOD.replace("level: warning", "level: loud"), encoding="utf-8")
    with pytest.raises(RuleFileError):
        load_catalogue([rules])  # a broken rule is never served from the cache


@pytest.mark.parametrize("placeholder", ["{name:>300000000}", "{name.__class__}", "{name[0]}",
                                         "{0}", "{}"])
def test_message_may_only_insert_values(tmp_path, placeholder):
    err = error_of(write(tmp_path, GOOD.replace("'{name}'", f"'{placeholder}'")))
    assert err.line == 8 and "is not a placeholder" in err.message


def test_message_literal_braces_are_doubled(tmp_path):
    rule = load_rule_file(write(tmp_path, GOOD.replace("accepts HTTP", "accepts {{http}}")))
    assert rule.bound == ()


def test_standard_placeholders_depend_on_the_scope_kind(tmp_path):
    template_rule = GOOD.replace(
        "scope: {kind: resources, resource_types: [Microsoft.Storage/storageAccounts]}",
        "scope: {kind: template}")
    err = error_of(write(tmp_path, template_rule))  # a template has no name to show
    assert err.line == 8 and "{name}" in err.message and "bound: nothing" in err.message


PYTHON_RULE = """\
id: AL9002
name: python-rule
title: t
level: warning
scope: {kind: document}
implementation: python
module: unused_parameters
bind: [param]
message: "Parameter '{param}' of {where}"
docs: {what: w, why: y}
"""


def test_python_rule_messages_use_only_declared_binds(tmp_path):
    path = write(tmp_path, PYTHON_RULE, "AL9002-python-rule.yaml")
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, builtin=True, validate=True)
    assert info.value.line == 9 and "{where}" in info.value.message
    path.write_text(PYTHON_RULE.replace("bind: [param]", "bind: [param, where]"))
    assert load_rule_file(path, builtin=True, validate=True).bound == ("param", "where")


def test_python_rule_bind_is_a_list_of_names(tmp_path):
    path = write(tmp_path, PYTHON_RULE.replace("bind: [param]", "bind: {param: name}"),
                 "AL9002-python-rule.yaml")
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, builtin=True, validate=False)
    assert info.value.line == 8 and "lists the names its check binds" in info.value.message


def test_the_catalogue_cache_is_plain_data_and_a_pickle_is_never_loaded(catalogue_cache):
    """A cache folder restored from an untrusted CI cache must not run code: the cache is JSON,
    and a pickle planted where an older armlint kept its cache is not even opened."""
    import pickle
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    data = json.loads(entry.read_text())
    assert data["format"] == CACHE_FORMAT and {r["data"]["id"] for r in data["rules"]} >= {"AL5001"}
    docs = json.loads((catalogue_cache / "docs" / entry.name).read_text())
    assert docs["format"] == CACHE_FORMAT and docs["docs"]

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('pickle ran')",))
    for name in (entry.stem + ".pickle", entry.name.replace(".json", ".pickle")):
        (catalogue_cache / name).write_bytes(pickle.dumps(Boom()))
    assert load_catalogue().find("AL5001") is not None


@pytest.mark.parametrize("content", [b"", b"\x80\x04garbage", b'{"format": 1}', b"[]",
                                     b'{"format": 1, "rules": [{"source": 1, "data": {}}]}',
                                     b'{"format": 999, "rules": []}'])
def test_a_corrupt_or_foreign_catalogue_cache_entry_is_ignored(catalogue_cache, content):
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    entry.write_bytes(content)
    assert len(load_catalogue().rules) == len(load_catalogue(validate_builtin=True).rules)


def test_a_cache_entry_naming_a_module_outside_the_checks_is_ignored(catalogue_cache):
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    data = json.loads(entry.read_text())
    python_rule = next(r for r in data["rules"] if r["data"].get("implementation") == "python")
    python_rule["data"]["module"] = "os.path"
    entry.write_text(json.dumps(data))
    rule = load_catalogue().find(python_rule["data"]["id"])
    assert rule.module != "os.path"


def test_built_in_rules_from_the_cache_compile_their_expressions_when_first_run(catalogue_cache):
    load_catalogue()
    rule = load_catalogue().find("AL5001")
    assert rule.violation._ast is None
    rule.violation.search({})
    assert rule.violation._ast is not None


def _shape(value):
    """A rule's field as comparable data (expressions by their text)."""
    if isinstance(value, (tuple, list)):
        return type(value)(_shape(v) for v in value)
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if hasattr(value, "text") and hasattr(value, "search"):  # an Expression
        return ("expression", value.text)
    if hasattr(value, "absent") and hasattr(value, "setting"):  # a Default
        return tuple(_shape(getattr(value, n)) for n in value._fields)
    return value


RULE_FIELDS = ("id", "name", "title", "level", "scope_kind", "message", "docs", "source",
               "enabled", "enabled_bicep", "resource_types", "include_existing",
               "include_not_deployed", "include_stand_ins", "languages", "implementation",
               "module", "let", "defaults", "where", "each", "violation", "report_at",
               "report_part", "bind", "bound", "equivalents", "options", "option_docs", "tags",
               "builtin", "templates", "functions", "nodes", "fix")


def test_rules_from_the_cache_are_the_rules_of_their_files(catalogue_cache):
    """A rule read from the catalogue cache is made when first asked for more than what
    choosing rules needs (issue 12): every field is then what reading its file gives."""
    load_catalogue()
    cached = load_catalogue()
    assert all("complete" in r.__dict__ for r in cached.rules)  # nothing made yet
    read = {r.id: r for r in load_catalogue(validate_builtin=True).rules}
    assert [r.id for r in cached.rules] == sorted(read)
    for rule in cached.rules:
        for name in RULE_FIELDS:
            assert _shape(getattr(rule, name)) == _shape(getattr(read[rule.id], name)), \
                (rule.id, name)


def test_a_cached_rule_is_a_plain_rule_once_made(catalogue_cache):
    """Only a rule still to be made from the cache's data has a `__getattr__`: a class with one
    has no specialised attribute reads in Python 3.11, and the engine reads rules' fields per
    item. Reading the docs alone does not make the rule."""
    load_catalogue()
    cached = load_catalogue()
    assert not hasattr(Rule, "__getattr__")
    rule = cached.find("AL5001")
    assert type(rule) is PendingRule and rule.docs["what"] and type(rule) is PendingRule
    assert rule.violation is not None and type(rule) is Rule
    assert "complete" not in vars(rule) and rule.docs["what"]
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        rule.nothing
    assert all(type(r) is Rule for r in load_catalogue(validate_builtin=True).rules)


def test_finding_a_cached_rules_items_does_not_make_it(catalogue_cache):
    """What the engine reads to find a rule's items in a file (its Plan, `jmespath_items`) is
    read from the cache's data at once: a rule with no item in a file is never made (issue 12:
    start-up). The fields are those reading its file gives."""
    load_catalogue()
    cached = load_catalogue()
    read = {r.id: r for r in load_catalogue(validate_builtin=True).rules}
    fields = ("scope_kind", "resource_types", "include_existing", "include_not_deployed",
              "include_stand_ins", "languages", "templates", "functions", "nodes",
              "implementation")
    for rule in cached.rules:
        plan = rule.plan
        assert type(rule) is PendingRule, rule.id
        for name in fields:
            assert getattr(rule, name) == getattr(read[rule.id], name), (rule.id, name)
        assert (plan.kind, plan.languages) == (read[rule.id].scope_kind, read[rule.id].languages)
    assert type(rule) is PendingRule


def test_a_cached_rule_whose_data_makes_no_rule_is_read_from_its_file(catalogue_cache):
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    data = json.loads(entry.read_text())
    item = next(r for r in data["rules"] if r["data"]["id"] == "AL5001")
    item["data"]["scope"] = 7  # not a mapping: making the rule from this data fails
    entry.write_text(json.dumps(data))
    rule = load_catalogue().find("AL5001")
    assert rule.scope_kind == load_rule_file(Path(item["source"]), builtin=True).scope_kind


@pytest.mark.parametrize("field,value", [("id", 5), ("enabled", "yes"), ("tags", "security"),
                                         ("tags", [1])])
def test_a_cache_entry_with_a_field_of_the_wrong_type_is_ignored(catalogue_cache, field, value):
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    data = json.loads(entry.read_text())
    data["rules"][0]["data"][field] = value
    entry.write_text(json.dumps(data))
    rules = load_catalogue().rules
    assert all(isinstance(r.id, str) and isinstance(r.enabled, bool) and
               all(isinstance(t, str) for t in r.tags) for r in rules)
    assert not any("complete" in r.__dict__ for r in rules)  # read from the rule files


def test_yaml_1_1_words_as_keys_are_names(tmp_path):
    # `off:` is a boolean key in YAML 1.1: binding a value called `off` ended in a TypeError
    text = GOOD.replace('message: "Storage account \'{name}\' accepts HTTP"',
                        'bind: {off: "name", yes: "type"}\n'
                        'message: "{off} {yes}"')
    rule = load_rule_file(write(tmp_path, text), validate=True)
    assert sorted(rule.bound) == ["off", "yes"]
    # values keep their YAML types: `enabled: no` is still false
    rule = load_rule_file(write(tmp_path, GOOD + "enabled: no\n"), validate=True)
    assert rule.enabled is False


def test_armlint_no_cache_writes_no_catalogue_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ARMLINT_NO_CACHE", "1")
    assert load_catalogue().find("AL5001") is not None
    assert not (tmp_path / "cache" / "armlint").exists()


def test_the_docs_of_cached_rules_are_read_when_first_asked_for(catalogue_cache):
    """Three quarters of the catalogue's data is docs, which only rule pages and SARIF show:
    a rule from the cache reads them when asked, from the cache's docs file, else from its
    rule file; whatever the docs file holds, the docs are the rule file's."""
    expected = {r.id: r.docs for r in load_catalogue(validate_builtin=True).rules}
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    assert not any("docs" in r["data"] for r in json.loads(entry.read_text())["rules"])
    rule = load_catalogue().find("AL5001")
    assert "docs" not in vars(rule)  # not read yet
    assert rule.docs == expected["AL5001"] and rule.docs["what"]
    assert all(r.docs == expected[r.id] for r in load_catalogue().rules)
    docs_file = catalogue_cache / "docs" / entry.name
    for content in (b"", b"[]", b'{"format": 2, "docs": {"x": 1}}', b'{"format": 2}'):
        docs_file.write_bytes(content)
        rule = load_catalogue().find("AL5001")
        assert rule.docs == expected["AL5001"]  # from the rule file
    docs_file.unlink()
    assert load_catalogue().find("AL1001").docs == expected["AL1001"]


def test_a_cache_entry_holding_docs_is_foreign(catalogue_cache):
    load_catalogue()
    [entry] = list(catalogue_cache.glob("*.json"))
    data = json.loads(entry.read_text())
    data["rules"][0]["data"]["docs"] = {"what": "planted"}
    entry.write_text(json.dumps(data))
    assert all(r.docs.get("what") != "planted" for r in load_catalogue().rules)
