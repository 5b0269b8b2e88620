"""The catalogue stays honest: every rule file validates against the schema, IDs and names are
unique and follow the conventions, file names match, every rule has pass and fail fixtures, every
Python rule's module exists, and every rule's documentation is complete."""
from __future__ import annotations

import importlib
import re

import pytest

from armlint.source.text import DecodeError, decode

from tests.conftest import REPO

RULES = sorted((REPO / "rules").rglob("*.yaml"))
# AL0003 reports a bug in armlint itself; no input can make a correct rule crash, so it is tested
# in tests/unit/engine/test_rule_crash.py with a deliberately failing check instead of fixtures.
WITHOUT_FIXTURES = {"AL0003"}


@pytest.fixture(scope="module")
def rules(catalogue):
    return catalogue.rules


def test_every_rule_file_is_in_the_catalogue(rules):
    assert sorted(r.source for r in rules) == RULES


def test_ids_names_and_file_names(rules):
    assert len({r.id for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for r in rules:
        assert r.source.name == f"{r.id}-{r.name}.yaml", r.source
        assert re.fullmatch(r"AL\d{4}", r.id)


def test_every_rule_has_pass_and_fail_fixtures(rules):
    missing = []
    for r in rules:
        if r.id in WITHOUT_FIXTURES:
            continue
        folder = REPO / "tests" / "rules" / r.id
        names = [p.name for p in folder.glob("*")] if folder.is_dir() else []
        if not any(n.startswith("pass_") for n in names) or \
                not any(n.startswith("fail_") and not n.endswith(".golden") for n in names):
            missing.append(r.id)
    assert missing == []


def test_every_rule_has_fixtures_in_each_of_its_languages(rules):
    missing = []
    for r in rules:
        if r.id in WITHOUT_FIXTURES:
            continue
        names = [p.name for p in (REPO / "tests" / "rules" / r.id).glob("*")]
        for lang, suffixes in (("json", (".json", ".jsonc")), ("bicep", (".bicep", ".bicepparam"))):
            if lang in r.languages:
                missing += [f"{r.id} {kind}*{suffixes[0]}" for kind in ("pass_", "fail_")
                            if not any(n.startswith(kind) and n.endswith(suffixes) for n in names)]
    assert missing == []


def test_fixtures_say_why_they_exist():
    for path in (REPO / "tests" / "rules").glob("AL*/[pf]a*_*"):
        if path.suffix == ".golden":
            continue
        try:
            first = decode(path.read_bytes()).text.splitlines()[0]
        except DecodeError:
            continue  # deliberately unreadable input (AL0002)
        assert first.startswith("//"), f"{path} should start with a comment saying why it exists"


def test_python_rules_have_a_check(rules):
    for r in rules:
        if r.implementation == "python":
            module = importlib.import_module(f"armlint.checks.{r.module}")
            assert callable(module.check)


def test_docs_are_complete(rules):
    for r in rules:
        assert r.docs.get("what") and r.docs.get("why"), r.id
        if r.implementation != "builtin" and r.category != "0":
            assert r.docs.get("example") and r.docs.get("use_instead"), r.id


def test_every_rule_page_fences_its_code_once():
    from armlint.engine.loader import load_catalogue
    from armlint.ruledocs import render_page
    for rule in load_catalogue().rules:
        page = render_page(rule)
        assert page.count("```") % 2 == 0, rule.id
        blocks = page.split("```")[1::2]
        assert len(blocks) == len(set(blocks)), f"{rule.id} shows one example twice"
        outside = "".join(page.split("```")[0::2])
        assert "\nresource " not in outside and '\n{\n' not in outside, f"{rule.id} has unfenced code"


def test_rule_pages_and_readme_table_are_up_to_date():
    """docs/rules/ and the README table are generated: `python scripts/update_rule_docs.py`."""
    import importlib.util
    from armlint.engine.loader import load_catalogue
    from armlint.ruledocs import render_page, rules_table
    spec = importlib.util.spec_from_file_location("update_rule_docs",
                                                  REPO / "scripts" / "update_rule_docs.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    rules = load_catalogue().rules
    pages = REPO / "docs" / "rules"
    assert sorted(p.stem for p in pages.glob("AL*.md")) == sorted(r.id for r in rules)
    for rule in rules:
        assert (pages / f"{rule.id}.md").read_text(encoding="utf-8") == render_page(rule), rule.id
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert script.readme_with_table(readme, rules_table(rules, "docs/rules/{id}.md")) == readme


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _message_templates(module_path) -> list[tuple[int, str | None]]:
    """(line, template) of every message a check module writes: each string constant with a
    `{placeholder}` in it (docstrings apart), and None for an f-string given as `message=`
    (values formatted into the template instead of bound)."""
    import ast
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip |= {id(n) for n in ast.walk(node)}
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body and \
                isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            skip.add(id(node.body[0].value))  # a docstring
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "message" and \
                isinstance(node.value, ast.JoinedStr):
            found.append((node.value.lineno, None))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                id(node) not in skip and _PLACEHOLDER.search(node.value):
            found.append((node.lineno, node.value))
    return found


def test_python_rule_messages_insert_only_declared_values(rules):
    """Issue 15: a `{placeholder}` a Python rule does not bind must not reach the user. Every
    message template a check module writes uses only the values its rule file declares in `bind`
    (or the scope kind's standard ones), and none is an f-string (values are bound, never
    formatted into the template)."""
    from armlint.engine.messages import STANDARD, MessageTemplateError, placeholders
    problems = []
    for r in rules:
        if r.implementation != "python":
            continue
        known = set(STANDARD[r.scope_kind]) | set(r.bound)
        path = REPO / "armlint" / "checks" / f"{r.module}.py"
        for line, template in _message_templates(path):
            where = f"{r.id} {path.name}:{line}"
            if template is None:
                problems.append(f"{where}: an f-string message (bind the values instead)")
                continue
            try:
                used = placeholders(template)
            except MessageTemplateError as exc:
                problems.append(f"{where}: {exc}")
                continue
            problems += [f"{where}: {{{name}}} is not in the rule's bind" for name in used
                         if name not in known]
    assert problems == []
