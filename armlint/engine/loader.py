"""Load rule files: YAML to validated, compiled `Rule` objects, with errors that name the spot.

Owns: reading `rules/**/*.yaml` (the built-in catalogue) and user rule folders, validating each
file against `schemas/rule.schema.json`, compiling every JMESPath expression once, and turning any
problem into a `RuleFileError` that names the file, line, column and rule ("rules/x.yaml:12:14:
rule AL9001 (my-rule): `violation`: unknown function 'foo()'"). Built-in rules are validated
against the schema by the test suite, so a normal run does not pay for importing jsonschema;
user rules are always validated.
"""
from __future__ import annotations

import functools
from pathlib import Path

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any

    import yaml  # imported where a rule file is read: a run from the compiled cache needs none

from .catalogue import Catalogue, Default, PendingRule, Rule
from ..source.files import Confinement, ReadRefused, read_file
from .expression import CompileError, Expression

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _resource_dir(name: str) -> Path:
    installed = PACKAGE_DIR / name  # inside the wheel: armlint/rules, armlint/schemas
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name  # a source checkout: rules/ and schemas/ at the top


BUILTIN_RULES_DIR = _resource_dir("rules")
SCHEMAS_DIR = _resource_dir("schemas")


class RuleFileError(Exception):
    def __init__(self, path: Path | str, line: int, col: int, message: str, rule: str = ""):
        self.path = str(path)
        self.line = line
        self.col = col
        self.rule = rule
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        who = f"rule {self.rule}: " if self.rule else ""
        return f"{self.path}:{self.line}:{self.col}: {who}{self.message}"


class _Marks:
    """Positions of every mapping key and value of a composed YAML document."""

    def __init__(self, root: yaml.Node, text: str):
        self.text_lines = text.splitlines()
        self.values: dict[tuple, yaml.Node] = {}
        self.keys: dict[tuple, yaml.Node] = {}
        self._walk(root, ())

    def _walk(self, node: yaml.Node, path: tuple) -> None:
        import yaml
        self.values[path] = node
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
                self.keys[path + (key,)] = k
                self._walk(v, path + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                self._walk(v, path + (i,))

    def at(self, path: tuple, key: bool = False) -> tuple[int, int]:
        table = self.keys if key else self.values
        for n in range(len(path), -1, -1):
            node = table.get(path[:n]) if (key and n == len(path)) else self.values.get(path[:n])
            if node is not None:
                return node.start_mark.line + 1, node.start_mark.column + 1
        return 1, 1

    def in_scalar(self, path: tuple, offset: int) -> tuple[int, int]:
        """Line and column of character `offset` inside the string value at `path`."""
        import yaml
        node = self.values.get(path)
        if not isinstance(node, yaml.ScalarNode):
            return self.at(path)
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        style = node.style
        if style in ("|", ">"):
            value_lines = node.value[:offset].split("\n")
            target = line + len(value_lines)  # block content starts on the next line
            indent = 0
            if 0 < target <= len(self.text_lines):
                src = self.text_lines[target - 1]
                indent = len(src) - len(src.lstrip(" "))
            return target, indent + len(value_lines[-1]) + 1
        if "\n" in node.value[:offset]:
            return line, col
        return line, col + offset + (1 if style in ("'", '"') else 0)


def load_rule_file(path: Path, builtin: bool = False, validate: bool = True,
                   confinement: Confinement | None = None) -> Rule:
    """Read, validate and compile one rule file. A file in a folder a configuration file names
    comes with that project's `confinement`: a symbolic link out of it is refused."""
    return _load(path, builtin, validate, confinement)[0]


def _load(path: Path, builtin: bool, validate: bool,
          confinement: Confinement | None) -> tuple[Rule, dict]:
    """The rule a file defines, and the file's data (for the catalogue cache)."""
    try:
        if confinement is not None:
            confinement.check(path)
        data = read_file(path)
    except ReadRefused as exc:
        raise RuleFileError(path, 1, 1, f"the rule file is not read: {exc.reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(path, 1, 1, f"not UTF-8 text ({exc.reason})") from None
    import yaml

    from ..source import yamlsafe
    loader = None
    try:
        node, loader = yamlsafe.compose(text)
        if node is None:
            raise RuleFileError(path, 1, 1, "the rule file is empty")
        data = loader.construct_document(node)
    except yamlsafe.YamlRefused as exc:
        raise RuleFileError(path, exc.line, exc.column, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise RuleFileError(path, line, col, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, 1, 1, f"invalid YAML: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
    marks = _Marks(node, text)
    if not isinstance(data, dict):
        raise RuleFileError(path, 1, 1, "a rule file holds one YAML mapping (id, name, ...)")
    label = _label(data)
    if validate:
        _validate(path, data, marks, label)
    return _compile(path, data, marks, label, builtin), data


@functools.lru_cache(maxsize=None)
def _is_builtin(path: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(BUILTIN_RULES_DIR)
    except (OSError, ValueError):
        return False


def _label(data: dict) -> str:
    rid, name = data.get("id"), data.get("name")
    if isinstance(rid, str) and isinstance(name, str):
        return f"{rid} ({name})"
    return rid if isinstance(rid, str) else ""


def _validate(path: Path, data: dict, marks: _Marks, label: str) -> None:
    from ..validation import first_problem
    problem = first_problem(SCHEMAS_DIR / "rule.schema.json", data)
    if problem is not None:
        line, col = marks.at(problem.pointer, key=problem.is_key)
        raise RuleFileError(path, line, col, problem.message, label)


def _expr(path: Path, data: dict, marks: _Marks | None, label: str, where: tuple) -> Expression:
    """The expression at `where`; compiled now, or (marks None: data from the catalogue cache,
    checked when it was written) when it first runs."""
    value: Any = data
    for key in where:
        value = value[key]
    trusted = marks is None or _is_builtin(path)
    try:
        return Expression(value, lazy=marks is None, trusted=trusted)
    except CompileError as exc:
        line, col = marks.in_scalar(where, exc.offset or 0) if exc.offset is not None \
            else marks.at(where)
        from ..validation import dotted
        raise RuleFileError(path, line, col, f"`{dotted(where)}`: {exc.message}", label) from None


def _scope_fields(data: dict) -> dict:
    """What the engine reads of a rule to find its items in a file (engine/items.py `Plan`,
    `jmespath_items`): read from a cached rule's data at once as well (`_read_cache`), so that a
    rule with no item in a file is never made whole (issue 12: start-up)."""
    scope = data.get("scope") or {}
    return {"scope_kind": scope.get("kind", "resources"),
            "resource_types": tuple(scope.get("resource_types", ())),
            "include_existing": bool(scope.get("include_existing", False)),
            "include_not_deployed": bool(scope.get("include_not_deployed", False)),
            "include_stand_ins": bool(scope.get("include_stand_ins", False)),
            "languages": tuple(scope.get("languages", ("json", "bicep"))),
            "templates": scope.get("templates", "all"),
            "functions": tuple(f.lower() for f in scope.get("functions", ())),
            "nodes": tuple(scope.get("nodes", ())),
            "implementation": data.get("implementation", "jmespath")}


def _compile(path: Path, data: dict, marks: _Marks, label: str, builtin: bool) -> Rule:
    implementation = data.get("implementation", "jmespath")
    rule = Rule(
        id=data["id"], name=data["name"], title=data["title"], level=data["level"],
        message=data["message"],
        docs=data.get("docs") or {}, source=path, enabled=data.get("enabled", True),
        enabled_bicep=data.get("enabled_bicep", True), **_scope_fields(data),
        module=data.get("module"),
        report_at=tuple(data.get("report_at", ())), report_part=data.get("report_part", "value"),
        equivalents=tuple(data.get("equivalents", ())),
        options={k: v.get("default") for k, v in (data.get("options") or {}).items()},
        option_docs={k: v.get("description", "") for k, v in (data.get("options") or {}).items()},
        tags=tuple(data.get("tags", ())), fix=data.get("fix"), builtin=builtin)
    if rule.scope_kind in ("expressions", "bicep") and implementation != "python":
        line, col = marks.at(("scope", "kind"))
        raise RuleFileError(path, line, col, f"scope kind `{rule.scope_kind}` is for Python rules "
                            "(JMESPath rules see resources, templates, declarations, parameter "
                            "files)", label)
    if rule.nodes and marks is not None:  # checked when the file is read, not from the cache
        from ..bicep import syntax
        for i, name in enumerate(rule.nodes):
            if not isinstance(getattr(syntax, name, None), type):
                line, col = marks.at(("scope", "nodes", i))
                raise RuleFileError(path, line, col, f"`{name}` is not a Bicep syntax class "
                                    "(armlint/bicep/syntax)", label)
    if implementation != "jmespath" and not builtin:
        line, col = marks.at(("implementation",))
        raise RuleFileError(path, line, col, f"`implementation: {implementation}` is only for "
                            "built-in rules; write a user rule in JMESPath", label)
    rule.defaults = tuple(_default(path, data, marks, label, name)
                          for name in (data.get("defaults") or {}))
    rule.let = tuple((name, _expr(path, data, marks, label, ("let", name)))
                     for name in (data.get("let") or {}))
    for key in ("where", "each", "violation"):
        if key in data:
            setattr(rule, key, _expr(path, data, marks, label, (key,)))
    bind = data.get("bind")
    if implementation == "python":
        bind = bind or []
        if not isinstance(bind, list):
            line, col = marks.at(("bind",))
            raise RuleFileError(path, line, col, "a Python rule lists the names its check binds: "
                                "`bind: [name, ...]`", label)
        rule.bound = tuple(bind)
    else:
        bind = bind or {}
        if not isinstance(bind, dict):
            line, col = marks.at(("bind",))
            raise RuleFileError(path, line, col, "`bind` maps each name to a JMESPath expression",
                                label)
        rule.bind = tuple((name, _expr(path, data, marks, label, ("bind", name)))
                          for name in bind)
        rule.bound = tuple(bind)
    if marks is not None:  # data from the catalogue cache was checked when it was written
        _check_placeholders(path, data, marks, label, rule)
    # A Python rule's module is imported when the rule first runs (the meta-tests import them all).
    return rule


def _default(path: Path, data: dict, marks: _Marks, label: str, name: str) -> Default:
    spec = data["defaults"][name]
    expr = _expr(path, data, marks, label, ("defaults", name, "value"))
    absent = tuple((entry.get("api_before"), entry.get("value")) for entry in spec["absent"])
    setting = spec.get("setting") or spec["value"].rsplit(".", 1)[-1]
    api = _expr(path, data, marks, label, ("defaults", name, "api_version")) \
        if "api_version" in spec else None
    return Default(name, expr, absent, setting, spec.get("source", ""), spec.get("note", ""), api)


def _check_placeholders(path: Path, data: dict, marks: _Marks, label: str, rule: Rule) -> None:
    """Every `{placeholder}` of the message is a value the rule's items give (messages.STANDARD
    for its scope kind) or one it binds; the template has no format spec, attribute or index."""
    if rule.implementation == "builtin":
        return  # the tool's own findings (parse errors, crashes) carry their whole message
    from .messages import STANDARD, MessageTemplateError, placeholders
    known = set(STANDARD.get(rule.scope_kind, ())) | set(rule.bound)
    try:
        fields = placeholders(rule.message)
    except MessageTemplateError as exc:
        line, col = marks.at(("message",))
        raise RuleFileError(path, line, col, f"`message`: {exc}", label) from None
    for f in fields:
        if f not in known:
            line, col = marks.at(("message",))
            raise RuleFileError(path, line, col, f"`message` uses {{{f}}}, which is not in `bind` "
                                f"(bound: {', '.join(sorted(known)) or 'nothing'})", label)


def rule_files(directory: Path) -> list[Path]:
    """The `*.yaml` files under a folder (symbolic links to folders are not followed; every
    other entry named *.yaml is taken, so that what cannot be read is reported)."""
    import os
    found = []

    def unlistable(exc: OSError) -> None:
        raise RuleFileError(exc.filename, 1, 1, f"cannot list the rules folder: {exc.strerror}")

    for dirpath, dirnames, filenames in os.walk(directory, onerror=unlistable):
        dirnames.sort()
        found += [Path(dirpath) / n for n in filenames if n.endswith(".yaml")]
    return sorted(found)


def load_catalogue(extra_dirs: list[Path] | None = None, validate_builtin: bool = False,
                   confined: dict | None = None) -> Catalogue:
    """The built-in rules plus the rules in `extra_dirs`. Raises RuleFileError on the first bad
    file or on two rules with one ID or name.

    The built-in rules' data is kept in the user cache as plain JSON (by the rule files' paths,
    sizes and modification times), so that a pre-commit hook does not parse every YAML file on
    every commit; their expressions are compiled when a rule first runs. A corrupt or foreign
    cache entry is ignored, and nothing in it can run code. User rules are always read from
    their files and compiled at once, so that their errors stop the run before it starts."""
    sources = [(BUILTIN_RULES_DIR, True)] + [(Path(d), False) for d in extra_dirs or ()]
    listed = []
    for directory, builtin in sources:
        if not directory.is_dir():
            raise RuleFileError(directory, 1, 1, "the rules folder does not exist")
        # the built-in folder is listed only when its cache entry cannot be used
        listed.append((directory, builtin, rule_files(directory) if not builtin else None))
    cache = None if validate_builtin else _cache_file()
    builtin_rules = _read_cache(cache) if cache is not None else None
    if builtin_rules is None:
        loaded = [_load(path, True, validate_builtin, None)
                  for path in rule_files(BUILTIN_RULES_DIR)]
        builtin_rules = [rule for rule, _ in loaded]
        if cache is not None:
            _write_cache(cache, [(str(rule.source), data) for rule, data in loaded])
    return _compile_catalogue(builtin_rules, listed[1:], confined or {})


def _compile_catalogue(builtin_rules: list, listed: list, confined: dict) -> Catalogue:
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    user = [(path, directory) for directory, _, paths in listed for path in paths]
    for rule, path in [(r, None) for r in builtin_rules] + \
            [(None, p) for p, _ in user]:
        if rule is None:
            directory = next(d for p, d in user if p is path)
            rule = load_rule_file(path, builtin=False, validate=True,
                                  confinement=confined.get(str(directory)))
        for key in (rule.id.upper(), "name:" + rule.name):
            other = seen.get(key)
            if other is not None:
                what = "ID" if key == rule.id.upper() else "name"
                raise RuleFileError(path or rule.source, 1, 1, f"the {what} is already used by "
                                    f"{other.source}", f"{rule.id} ({rule.name})")
            seen[key] = rule
        rules.append(rule)
    return Catalogue(rules)


CACHE_FORMAT = 2  # 2: the rules' docs in a file of their own, read when a rule's docs are


def _cache_file() -> Path | None:
    """The cache entry of the built-in rules as their files are now (paths, sizes, times)."""
    from .. import __version__
    from ..source import cachedir
    from ..source.hashes import sha256
    if cachedir.disabled():
        return None
    lines = cachedir.code_tree_stamp(str(BUILTIN_RULES_DIR))
    if any(line.endswith("|unreadable") for line in lines):
        return None
    digest = sha256(f"{__version__}|{CACHE_FORMAT}|{BUILTIN_RULES_DIR}\n".encode())
    digest.update("\n".join(lines).encode("utf-8", "surrogatepass"))
    return Path(cachedir.cache_path("catalogue", digest.hexdigest()[:32] + ".json"))


def _docs_file(path: Path) -> Path:
    return path.parent / "docs" / path.name


# What choosing, keying and reporting rules reads (catalogue.select, the result cache's key,
# bicepconfig.json levels, the text report), taken from a cached rule's data at once, with the
# type it must have; with what the engine reads to find a rule's items (`_scope_fields`), the rest
# of a rule is made when first asked for (`_complete`).
_HEADER = (("id", str), ("name", str), ("title", str), ("level", str), ("message", str),
           ("enabled", bool), ("enabled_bicep", bool))
_HEADER_LISTS = ("tags", "equivalents")


def _read_cache(path: Path) -> list[Rule] | None:
    """The built-in rules from a cache entry: plain JSON data (what the rule files say), turned
    into rules as a rule file is, with expressions compiled on first use and the docs (three
    quarters of the data, which only rule pages and SARIF show) read when first asked for. A
    run served from the result cache only chooses rules and reports them: a rule is made from
    its data (`_complete`, a third of such a run's catalogue) when first asked for more.
    Anything unexpected (a partial, corrupt or foreign file) means None: the rule files are read
    instead."""
    import json
    try:
        entry = json.loads(read_file(path, 16 * 1024 * 1024))
        if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
            return None
        docs = _CachedDocs(_docs_file(path))
        rules = []
        new = PendingRule.__new__
        for item in entry["rules"]:
            source, data = item["source"], item["data"]
            if not isinstance(source, str) or not isinstance(data, dict) or "docs" in data:
                return None
            module = data.get("module")
            if module is not None and not (isinstance(module, str) and module.isidentifier()):
                return None  # a Python rule names a module of armlint.checks, nothing else
            rule = new(PendingRule)
            fields = rule.__dict__
            for key, kind in _HEADER:
                value = data.get(key, True) if kind is bool else data[key]
                if type(value) is not kind:
                    return None
                fields[key] = value
            for key in _HEADER_LISTS:
                value = data.get(key, ())
                if not isinstance(value, list | tuple) or \
                        not all(isinstance(v, str) for v in value):
                    return None
                fields[key] = tuple(value)
            fields.update(_scope_fields(data))
            fields["builtin"] = True
            fields["_source_text"] = source
            fields["_data"] = data
            fields["complete"] = _complete
            fields["docs_source"] = docs  # Rule.docs asks it for the docs
            rules.append(rule)
        return rules
    except Exception:  # not ours: compile again
        return None


def _complete(rule: Rule) -> None:
    """The rest of a rule read from the catalogue cache (see _read_cache), made from its data as
    a rule file's is; should the data not make a rule (a foreign entry), from its rule file."""
    fields = rule.__dict__
    data, source = fields.pop("_data"), Path(fields.pop("_source_text"))
    try:
        made = _compile(source, data, None, _label(data), True)
    except Exception:
        if not _is_builtin(source):
            raise
        made = _load(source, True, False, None)[0]
    docs = fields["docs_source"]
    fields.update(made.__dict__)  # the fields read at once are the same
    del fields["docs"]  # read when first asked for
    fields["docs_source"] = docs


class _CachedDocs:
    """The docs of the built-in rules, from the catalogue cache's docs file; a rule whose docs
    it does not hold (a missing, partial or foreign file) has them from its rule file."""

    def __init__(self, path: Path):
        self.path = path
        self.docs: dict | None = None

    def __call__(self, rule: Rule) -> dict:
        if self.docs is None:
            import json
            try:
                entry = json.loads(read_file(self.path, 64 * 1024 * 1024))
                found = entry["docs"] if entry.get("format") == CACHE_FORMAT else {}
                self.docs = found if isinstance(found, dict) else {}
            except Exception:
                self.docs = {}
        source = rule.source_text  # the rule is not made for its docs
        found = self.docs.get(source)
        if isinstance(found, dict):
            return found
        try:
            return _load(Path(source), True, False, None)[1].get("docs") or {}
        except RuleFileError:
            return {}


def _write_cache(path: Path, entries: list) -> None:
    import json

    from ..source.cachedir import write_atomic
    try:
        docs = json.dumps({"format": CACHE_FORMAT,
                           "docs": {s: d.get("docs") or {} for s, d in entries}})
        text = json.dumps({"format": CACHE_FORMAT,
                           "rules": [{"source": s, "data": {k: v for k, v in d.items()
                                                            if k != "docs"}}
                                     for s, d in entries]})
        # the docs first: a run that finds the rules finds their docs (or reads the rule files)
        write_atomic(str(_docs_file(path)), docs.encode("utf-8"))
        write_atomic(str(path), text.encode("utf-8"))
    except Exception:  # a read-only home, data JSON cannot hold: no cache, same results
        return
