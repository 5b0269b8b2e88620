"""Every built-in regular expression runs in time linear in its input: each is found (compiled
patterns anywhere in armlint's modules, and literal patterns passed to re.* calls in its source),
then timed on 100 KB of adversarial input built from its own characters and literal words (long
runs, alternations of two characters, a word repeated, a word followed by a long run). A pattern
that backtracks takes seconds to hours on such input; a linear one, milliseconds."""
from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
import signal
import time
from pathlib import Path

import pytest

import armlint
from armlint.source.lazy import pattern as lazy_pattern

try:  # the parser of the re module (public as sre_* before Python 3.11)
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

SIZE = 100_000
# CPU seconds for one search over 100 KB (linear patterns take a few milliseconds); CPU time, not
# wall time: on a loaded machine the wall clock counts the other processes' turns too
BUDGET = 0.25
SPECIALS = " \n\t\\\"'/*-.,{}[]():;=x0aA_"


def _module_patterns() -> dict:
    found = {}
    for info in pkgutil.walk_packages(armlint.__path__, "armlint."):
        if info.name.endswith("__main__"):
            continue  # running it is the command line
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for pattern in _patterns_in(value, 0):
                found.setdefault((pattern.pattern, pattern.flags), f"{info.name}.{name}")
    return found


def _patterns_in(value, depth):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, lazy_pattern):  # compiled on first use: compiled here to be timed
        yield re.compile(*value._source)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall",
          "finditer"}


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _source_patterns() -> dict:
    """Literal patterns of `re.x("...")` calls written inside functions."""
    found = {}
    root = Path(armlint.__file__).parent
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in _CALLS and isinstance(node.func.value, ast.Name) and \
                    node.func.value.id == "re" and node.args:
                text = _literal(node.args[0])
                if text is None:
                    continue
                flags = 0
                for extra in list(node.args[1:]) + [k.value for k in node.keywords
                                                    if k.arg == "flags"]:
                    for name in re.findall(r"re\.([A-Z]+)", ast.unparse(extra)):
                        flags |= getattr(re, name)
                found.setdefault((text, re.compile(text, flags).flags),
                                 f"{path.relative_to(root)}:{node.lineno}")
    return found


def _all_patterns() -> list:
    patterns = {**_source_patterns(), **_module_patterns()}
    return sorted(((where, text, flags) for (text, flags), where in patterns.items()))


def _chars_and_words(pattern: str, flags: int) -> tuple[list[str], list[str]]:
    """The characters a pattern names (literals, set members and range ends) and its literal
    words (runs of three or more literal characters)."""
    chars, words, run = [], [], []

    def walk(items):
        for op, arg in items:
            if op is sre_constants.LITERAL:
                chars.append(chr(arg))
                run.append(chr(arg))
                continue
            if len(run) >= 3:
                words.append("".join(run))
            run.clear()
            if op is sre_constants.IN:
                for sop, sarg in arg:
                    if sop is sre_constants.LITERAL:
                        chars.append(chr(sarg))
                    elif sop is sre_constants.RANGE:
                        chars.extend((chr(sarg[0]), chr(sarg[1])))
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
                        getattr(sre_constants, "POSSESSIVE_REPEAT", None)):
                walk(arg[2])
            elif op is sre_constants.SUBPATTERN:
                walk(arg[-1])
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch)
                    if len(run) >= 3:
                        words.append("".join(run))
                    run.clear()
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(arg[1])
        if len(run) >= 3:
            words.append("".join(run))
        run.clear()

    walk(sre_parse.parse(pattern, flags))
    seen = dict.fromkeys(c for c in chars if c.isprintable() or c in "\n\t")
    return list(seen)[:14], list(dict.fromkeys(words))[:4]


def _skeleton(pattern: str, flags: int) -> str:
    """The literal characters of a pattern in order (first branches, one pass of repeats): text
    that nearly matches, so that a search goes far before it fails."""
    out = []

    def walk(items):
        for op, arg in items:
            if op is sre_constants.LITERAL:
                out.append(chr(arg))
            elif op is sre_constants.IN:
                members = [chr(a) for o, a in arg if o is sre_constants.LITERAL]
                ranges = [chr(a[0]) for o, a in arg if o is sre_constants.RANGE]
                if (members or ranges) and not any(o is sre_constants.NEGATE for o, _ in arg):
                    out.append((members or ranges)[0])
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                walk(arg[2])
            elif op is sre_constants.SUBPATTERN:
                walk(arg[-1])
            elif op is sre_constants.BRANCH:
                walk(arg[1][0])

    walk(sre_parse.parse(pattern, flags))
    return "".join(out)


def adversarial_inputs(pattern: str, flags: int) -> list[str]:
    chars, words = _chars_and_words(pattern, flags)
    skeleton = _skeleton(pattern, flags)
    near = [s for s in (skeleton[:-1], skeleton[:len(skeleton) // 2], skeleton[1:-1]) if s]
    atoms = list(dict.fromkeys(chars + list(SPECIALS)))
    inputs = [a * SIZE for a in atoms]
    favourites = list(dict.fromkeys(chars[:6] + [" ", "\\", '"', "\n"]))
    inputs += [(a + b) * (SIZE // 2) for a, b in itertools.combinations(favourites, 2)]
    inputs += [s * (SIZE // len(s)) for s in near]
    inputs += [s + a * SIZE + "!" for s in near[:1] for a in (" ", "x", "\n")]
    every = "".join(chars)
    for word in words:
        inputs += [word * (SIZE // len(word)), (word + " ") * (SIZE // (len(word) + 1)),
                   (word + "(") * (SIZE // (len(word) + 1)),
                   (word + every) * (SIZE // (len(word) + len(every))),
                   (word + " " + every + " ") * (SIZE // (len(word) + len(every) + 2))]
        inputs += [word + a * SIZE + "!" for a in (" ", "x", "-", "\n", ".")]
    return list(dict.fromkeys(inputs))


# Patterns only ever matched at one position (`.match(text, pos)`), where a match that fails
# ends the scan: each is timed with `match` and `fullmatch`, not with a search from every
# position (which would find a quadratic cost the code never pays).
MATCHED_AT_ONE_POSITION = {
    "armlint.source.jsonc._TOKEN",  # the error scanner: one token per call, a failure ends it
    "armlint.bicep.lexer._DIRECTIVE_CODES",  # once, after a #disable-next-line
    "armlint.checks.az_powershell_version._VERSION",  # matched against one setting
    "armlint.ruletests._SELECT",  # matched against one fixture line
    "armlint.checks.unquoted_property_names.IDENTIFIER",  # matched against one property name
    "armlint.expr.ast._IDENT",  # matched against one property name
}


class _TooSlow(Exception):
    pass


def _alarm(*_):
    raise _TooSlow


def _time(compiled: re.Pattern, text: str, anchored: bool) -> float:
    start = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, BUDGET * 3)
    try:
        if anchored:
            compiled.match(text)
        else:
            for _ in compiled.finditer(text):
                pass
        compiled.fullmatch(text)
    except _TooSlow:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return time.process_time() - start


PATTERNS = _all_patterns()


def test_the_patterns_are_found():
    where = {w.split(":")[0].split(".")[1] if w.startswith("armlint.") else w for w, _, _ in
             PATTERNS}
    assert len(PATTERNS) >= 50, where
    texts = {text for _, text, _ in PATTERNS}
    assert r"[\s,]+" in texts  # the directive separators (a module-level pattern)
    assert r"line (\d+), column (\d+)" in texts  # a literal pattern inside a function


@pytest.mark.parametrize("where, text, flags", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_each_built_in_pattern_is_linear_on_adversarial_input(where, text, flags):
    compiled = re.compile(text, flags)
    old = signal.signal(signal.SIGPROF, _alarm)
    try:
        slow = []
        anchored = where in MATCHED_AT_ONE_POSITION
        # a bytes pattern (one that scans a file's bytes) gets the same inputs, encoded
        is_bytes = isinstance(text, bytes)
        source = text.decode("latin-1") if is_bytes else text
        for sample in adversarial_inputs(source, flags):
            if is_bytes:
                sample = sample.encode("utf-8", "surrogatepass")
            took = _time(compiled, sample, anchored)
            if took > BUDGET:
                slow.append((sample[:40], len(sample), took))
                break
    finally:
        signal.signal(signal.SIGPROF, old)
    assert slow == [], f"{where}: {text!r} backtracks on {slow}"


def test_rewritten_matchers_are_linear_where_their_patterns_were_not():
    """The known offenders, replaced by scanning by hand, on the inputs that hung them."""
    from armlint.checks.platform_address import blocking_tool
    from armlint.config import glob_to_regex
    from armlint.policy.operators import like
    from armlint.source import jsonc
    from armlint.source.directives import split_directive
    cases = [
        lambda: split_directive("// armlint-disable-next-line" + " " * SIZE + "x"),
        lambda: blocking_tool(("iptables -A OUTPUT -d 168.63.129.16 " * (SIZE // 36))),
        lambda: blocking_tool("new-netfirewallrule -remoteaddress " * (SIZE // 34) + "168.63.129.16"),
        lambda: glob_to_regex("**/" * 10 + "x").fullmatch("a/" * (SIZE // 2) + "b"),
        lambda: glob_to_regex("*a*a*a*a*a*b").fullmatch("a" * SIZE),
        lambda: jsonc.load('\\"' * (SIZE // 2)),
        lambda: jsonc.load("/*" * (SIZE // 2)),
        lambda: like("a" * SIZE, "a*a*a*a*a*b"),
    ]
    for case in cases:
        start = time.process_time()
        case()
        assert time.process_time() - start < BUDGET * 4


def test_the_rewritten_directive_and_glob_keep_their_meaning():
    from armlint.config import glob_to_regex
    from armlint.source.directives import split_directive
    assert split_directive("// armlint-disable-next-line AL5001, AL5002 -- a reason ") == \
        (" AL5001, AL5002", " a reason")
    assert split_directive("/* armlint-disable-next-line AL5001 */") == (" AL5001 ", "")
    assert split_directive("// armlint-disable-next-lines AL5001") is None
    glob = glob_to_regex("src/**/*.json")
    assert glob.fullmatch("src/a.json") and glob.fullmatch("src/a/b/c.json")
    assert not glob.fullmatch("src/a/b.jsonc") and not glob_to_regex("*.json").fullmatch("a/b.json")
    assert glob_to_regex("**").fullmatch("a/b/c") and glob_to_regex("a?c").fullmatch("abc")
