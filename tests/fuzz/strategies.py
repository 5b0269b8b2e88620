"""Hypothesis strategies for armlint's inputs: texts built from each language's own pieces and
mutations of the rule fixtures (real templates, Bicep files, rule and configuration files), so
that generated input gets past the first syntax check often enough to reach the deep code."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


@lru_cache(maxsize=None)
def fixtures(suffix: str) -> tuple[str, ...]:
    texts = []
    for path in sorted((REPO / "tests" / "rules").glob(f"*/*{suffix}")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
    return tuple(texts)


@lru_cache(maxsize=None)
def rule_files() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted((REPO / "rules").rglob("*.yaml")))


NASTY = ["\x00", "\x1b[31m", "\u202e", "\ufeff", "\ud800", "\n", "\r\n", "\t", "'", '"', "\\",
         "[", "]", "{", "}", "(", ")", ",", ":", "//", "/*", "*/", "${", "'''", "9" * 30,
         "1e400", "-0", "null", "true", "[[", "::", "%0A", "{name:>9}", "{x.y}", "&a", "*a",
         "!!binary", "<<: *a", "---", "é", "\U0001f600", " " * 40]


def mutated(texts: tuple[str, ...], pieces: list[str]) -> st.SearchStrategy[str]:
    """A text from `texts` with a few random edits: slices deleted, duplicated or replaced by
    pieces of the language or nasty characters."""
    edit = st.tuples(st.sampled_from(["delete", "insert", "duplicate", "replace"]),
                     st.floats(0, 1), st.floats(0, 1),
                     st.sampled_from(pieces + NASTY) | st.text(max_size=8))

    @st.composite
    def build(draw):
        text = draw(st.sampled_from(texts))
        for op, a, b, piece in draw(st.lists(edit, min_size=1, max_size=4)):
            i = int(a * len(text))
            j = min(len(text), i + int(b * 40))
            if op == "delete":
                text = text[:i] + text[j:]
            elif op == "insert":
                text = text[:i] + piece + text[i:]
            elif op == "duplicate":
                text = text[:j] + text[i:j] * 3 + text[j:]
            else:
                text = text[:i] + piece + text[j:]
        return text
    return build()


# --- ARM expressions ----------------------------------------------------------------------------

FUNCTION_NAMES = ["concat", "format", "padLeft", "replace", "range", "string", "json", "union",
                  "createArray", "createObject", "parameters", "variables", "resourceId",
                  "reference", "if", "and", "or", "not", "equals", "length", "substring",
                  "split", "join", "take", "skip", "first", "last", "toLower", "toUpper",
                  "base64", "base64ToString", "uniqueString", "guid", "add", "mul", "div", "mod",
                  "int", "float", "bool", "array", "coalesce", "empty", "contains", "indexOf",
                  "items", "map", "filter", "reduce", "lambda", "lambdaVariables", "dateTimeAdd",
                  "cidrSubnet", "parseCidr", "tryGet", "shallowMerge", "flatten", "sort",
                  "toObject", "uri", "dataUri", "subscription", "resourceGroup", "copyIndex",
                  "listKeys", "utcNow", "newGuid", "max", "min", "trim", "startsWith", "lastIndexOf"]


def _literal() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-10**20, 10**20).map(str),
        st.sampled_from(["0", "1", "2", "-1", "4096", "2000000000", "99999999999999999999"]),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=12).map(
            lambda s: "'" + s.replace("'", "''") + "'"),
        st.sampled_from(["true()", "false()", "null()", "'a'", "''", "'{0}'", "'{0,99999}'",
                         "'{0:D9999}'", "'x'", "'[a]'", "'/'", "'a,b'"]))


@st.composite
def _call(draw, depth: int) -> str:
    name = draw(st.sampled_from(FUNCTION_NAMES))
    count = draw(st.integers(0, 4))
    args = [draw(expression_body(depth + 1)) for _ in range(count)]
    text = f"{name}({', '.join(args)})"
    for _ in range(draw(st.integers(0, 2))):
        text += draw(st.sampled_from([".name", ".properties", "[0]", "[1]", "['a']", ".id"]))
    return text


def expression_body(depth: int = 0) -> st.SearchStrategy[str]:
    if depth >= 4:
        return _literal()
    return st.one_of(_literal(), _call(depth))


def expressions() -> st.SearchStrategy[str]:
    """Expression strings: mostly well-formed calls, some mutated."""
    whole = expression_body().map(lambda body: f"[{body}]")
    return st.one_of(whole, mutated(("[concat('a', parameters('p'))]",
                                     "[format('{0}-{1}', 'a', variables('v')[0])]",
                                     "[padLeft(string(copyIndex()), 3, '0')]"),
                                    ["(", ")", "'", ",", "[", "]", "."]), whole)


# --- templates -----------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) |
    st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                       children, max_size=4),
    max_leaves=20)


@st.composite
def templates(draw) -> str:
    """A template: a fixture with expressions and JSON values put in random places, or a fixture
    mutated as text, or a small template built from scratch."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return draw(mutated(fixtures(".json"), ['"[', ']"', '"parameters"', '"resources"',
                                                '"copy"', '"condition"', '"$schema"']))
    if kind == 1:
        texts = [t for t in fixtures(".json") if t.lstrip().startswith(("{", "//"))]
        from armlint.source import jsonc
        doc = jsonc.load(draw(st.sampled_from(texts)))
        if not doc.ok or not isinstance(doc.value, dict):
            return doc.text
        value = json.loads(json.dumps(doc.value))
        for _ in range(draw(st.integers(1, 4))):
            _replace_somewhere(value, draw(expressions() | json_values), draw(st.randoms()))
        return json.dumps(value)
    outputs = {f"o{i}": {"type": draw(st.sampled_from(["string", "int", "array", "object"])),
                         "value": draw(expressions())} for i in range(draw(st.integers(1, 3)))}
    resources = [{"type": draw(st.sampled_from(["Microsoft.Compute/virtualMachines",
                                                "Microsoft.Storage/storageAccounts",
                                                "Microsoft.Network/networkSecurityGroups"])),
                  "apiVersion": "2023-01-01", "name": draw(expressions()),
                  "location": draw(expressions()),
                  "properties": {"x": draw(expressions()), "y": draw(json_values)}}]
    copy = draw(st.booleans())
    if copy:
        resources[0]["copy"] = {"name": "c", "count": draw(expressions() | st.integers(-5, 900))}
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0",
                       "parameters": {"p": {"type": "string", "defaultValue": draw(expressions())}},
                       "variables": {"v": draw(json_values), "w": draw(expressions())},
                       "resources": resources, "outputs": outputs})


def _replace_somewhere(value, new, rnd) -> None:
    """Put `new` at a random place inside a JSON value (in place)."""
    node = value
    for _ in range(6):
        if isinstance(node, dict) and node:
            key = rnd.choice(list(node))
            if rnd.random() < 0.3 or not isinstance(node[key], (dict, list)):
                node[key] = new
                return
            node = node[key]
        elif isinstance(node, list) and node:
            i = rnd.randrange(len(node))
            if rnd.random() < 0.3 or not isinstance(node[i], (dict, list)):
                node[i] = new
                return
            node = node[i]
        else:
            return


# --- Bicep ---------------------------------------------------------------------------------------

BICEP_PIECES = ["param ", "var ", "resource ", "module ", "output ", "func ", "type ", "import ",
                "@secure()\n", "@description('x')\n", "existing", " = ", "{\n", "}\n", "[\n",
                "]\n", "for x in range(0, 3): ", "if (true) ", "'${", "}'", "?", " : ", "!",
                ".", "::", "[0]", "=> ", "loadTextContent('x')", "any(", "string ", "int ",
                "object ", "bool ", "'Microsoft.Storage/storageAccounts@2023-01-01'",
                "parent: ", "name: ", "location: ", "properties: ", "\n", "#disable-next-line ",
                "targetScope = 'subscription'\n", "9999999999999999999999"]


def bicep_files() -> st.SearchStrategy[str]:
    random_lines = st.lists(st.sampled_from(BICEP_PIECES) | st.text(max_size=6),
                            max_size=30).map("".join)
    return st.one_of(mutated(fixtures(".bicep"), BICEP_PIECES),
                     mutated(fixtures(".bicep"), BICEP_PIECES), random_lines)


# --- configuration and rule files ----------------------------------------------------------------

CONFIG_PIECES = ["select: ", "ignore: ", "enable: ", "rules:\n", "  AL5001: ", "level: ",
                 "error", "warning", "off", "note", "options:\n", "overrides:\n", "  - files: ",
                 "['**/*.json']", "pointer: /resources", "suppress: [AL5001]", "reason: x",
                 "exclude: ", "fail-level: ", "auto-parameters: true", "parameters:\n",
                 "  '*.json': x.parameters.json", "rules-dirs: [rules]", "baseline: b.sarif",
                 "[AL5001]", "\n", "  ", "- ", "{", "}", "&a ", "*a", "!!str ", "~", "null"]

CONFIGS = ("select: [AL5001]\nignore: [AL4004]\n",
           "rules:\n  AL5001: warning\n  AL1016:\n    level: error\n    options: {x: 1}\n",
           "overrides:\n  - files: ['**/*.json']\n    ignore: [AL5001]\n    reason: legacy\n",
           "exclude: ['**/node_modules/**']\nfail-level: warning\nauto-parameters: true\n")


def configurations() -> st.SearchStrategy[str]:
    return st.one_of(mutated(CONFIGS, CONFIG_PIECES),
                     st.lists(st.sampled_from(CONFIG_PIECES), max_size=20).map("".join))


RULE_PIECES = ["id: ", "name: ", "title: ", "level: ", "scope: ", "violation: ", "where: ",
               "let:\n", "bind:\n", "message: ", "report_at: ", "docs: ", "each: ",
               "implementation: python", "implementation: builtin", "module: os", "'{name}'",
               "'{name:>9}'", "matches(name, '(a+)+$')", "matches(name, '(')", "known(x)",
               "resource.properties", "is_false(", ")", "`true`", "[*]", "[?x]", "||", "&&",
               "(" * 40, ")" * 40, "eq_ci(", "unknown_fn()", "\n", "  "]


def rule_texts() -> st.SearchStrategy[str]:
    return st.one_of(mutated(rule_files(), RULE_PIECES), mutated(rule_files(), RULE_PIECES),
                     st.lists(st.sampled_from(RULE_PIECES), max_size=20).map("".join))
