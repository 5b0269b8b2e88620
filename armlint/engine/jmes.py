"""JMESPath for rules: three-valued evaluation where UNKNOWN never fires, and armlint's functions.

Owns: compiling rule expressions once (syntax and function names checked at load time), and
evaluating them over engine contexts. The interpreter extends JMESPath's own so that an `Unknown`
value (from an expression armlint cannot evaluate) propagates: a property of it, a comparison with
it, `!unknown` are all Unknown; `a && b` and `a || b` use Kleene logic; filters skip elements
whose test is Unknown. A rule fires only when its `violation` is known and truthy.

Custom functions (documented in README "Writing a rule"):
  is_false(x), is_true(x)   ARM booleans: false/true or the strings "false"/"true" in any casing
  is_string_bool(x)         the string "true"/"false" in any casing (a boolean written as text)
  is_unknown(x), known(x)   whether a value is known before deployment
  id_type(x)                the full resource type (lower case) a resource ID names, also a
                            Bicep-style `Type/name` scope or a partly known ID; null if none
  known_parts(x)            the known text of a string: [x] when known, the known pieces of a
                            partly known one (concat('Data-', uniqueString(...))), else []
  all_known(x)              x holds no unknown value at any depth (before reasoning about what a
                            list or object lacks: a filter skips unknown elements)
  eq_ci(a, b)               case-insensitive string equality
  in_ci(x, list)            case-insensitive membership
  starts_with_ci(s, p), ends_with_ci(s, p), contains_ci(s, part)
  lower(s), upper(s)
  matches(s, regex)         Python regular expression search (use (?i) for case-insensitive)
  is_expr(x)                the raw value is an ARM expression string ("[...]")
  calls(x)                  lower-case names of the functions an expression string calls
  ip_covers(prefixes, ip)   a prefix (IP or CIDR) or list of them explicitly contains `ip`
                            (`*` and service tags do not count; address_covers counts them)
  port_covers(ranges, port) a port spec ("80", "10-100", "22,3389", "*", a number) or list of
                            them contains `port` (a number, or any of a list of numbers)
  api_version_before(v, d)  the apiVersion v is older than the date d (YYYY-MM-DD); no answer
                            without an API version
Security readings (engine/readings.py; an unreadable value gives no answer, like Unknown):
  version_cmp(a, b)         -1/0/1 comparing API versions (2021-04-01-preview < 2021-04-01) or
                            dotted versions (1.27 < 1.27.3); no answer across kinds
  version_before(a, b), version_at_least(a, b)
  tls_version(x)            '1.0'..'1.3' for TLS1_2, 1.2, Tls12, TLSv1_2...; null if not one
  tls_below(x, min)         TLS version x is older than min (both in any spelling)
  is_internet(x)            a prefix or list admits every internet address: *, Any, Internet,
                            0.0.0.0/0, ::/0, 0.0.0.0-255.255.255.255
  is_public_range(x)        a prefix or list includes some public address (Internet, *, or a
                            range outside private/reserved space; other service tags do not)
  address_covers(x, ip)     a prefix or list includes ip (*, Any: all; Internet: public ones)
  days_between(a, b)        days from date a to date b (ISO 8601 or epoch seconds)
  days_until(x)             days from now to date x (negative when past)
  display(x)                a value as text for messages (unknown parts as their expression)
  leaf(name)                the last '/' segment of a resource name, for messages
  lookup_each(keys, table)  the values of `table` (an object) for each known key, case-insensitive,
                            without repeats
  unique(list)              the list without repeated values, in order
  with_each(list, obj)      each object of `list` with the keys of `obj` added (its own keys win):
                            how a filter compares elements with values of the rule's context,
                            which a filter cannot reach (inside it `@` is the element)
  elements(list)            each known element as {value, index}, placed where the element was
                            written, so `report_at: [item]` points at it (a string in a list has
                            no place of its own); unknown elements are left out, a non-list gives none
"""
from __future__ import annotations

import jmespath
from jmespath import exceptions as jexc
from jmespath import functions as jfunctions
from jmespath.visitor import Options, TreeInterpreter

from ..expr import parser as expr_parser
from ..expr.ast import function_names
from ..expr.values import Obj, PartialString, Unknown, as_bool, contains_unknown
from . import patterns, readings
from .expression import CompileError, Expression  # noqa: F401 (where rules' expressions live)

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    import ipaddress
    from typing import Any

# the model (names, views) is imported by the functions that need it: loading the catalogue
# (a run served from the result cache) does not build it

_UNKNOWN = Unknown("", None, "depends on an unknown value")


def _is_unknown(x: Any) -> bool:
    return isinstance(x, Unknown)


class _TriState(TreeInterpreter):
    def _is_false(self, value):
        if isinstance(value, Unknown):
            return False
        return super()._is_false(value)

    def visit_field(self, node, value):
        try:
            return value.get(node["value"])
        except AttributeError:
            return None

    def visit_index(self, node, value):
        if isinstance(value, Unknown):
            return value
        return super().visit_index(node, value)

    def visit_comparator(self, node, value):
        left = self.visit(node["children"][0], value)
        right = self.visit(node["children"][1], value)
        if isinstance(left, Unknown) or isinstance(right, Unknown):
            return _UNKNOWN
        op = node["value"]
        func = self.COMPARATOR_FUNC[op]
        if op in self._EQUALITY_OPS:
            return func(left, right)
        from jmespath.visitor import _is_comparable
        if not (_is_comparable(left) and _is_comparable(right)):
            return None
        return func(left, right)

    def visit_and_expression(self, node, value):
        left = self.visit(node["children"][0], value)
        if isinstance(left, Unknown):
            right = self.visit(node["children"][1], value)
            if not isinstance(right, Unknown) and super()._is_false(right):
                return right
            return _UNKNOWN
        if super()._is_false(left):
            return left
        return self.visit(node["children"][1], value)

    def visit_or_expression(self, node, value):
        left = self.visit(node["children"][0], value)
        if isinstance(left, Unknown):
            right = self.visit(node["children"][1], value)
            if not isinstance(right, Unknown) and not super()._is_false(right):
                return right
            return _UNKNOWN
        if super()._is_false(left):
            return self.visit(node["children"][1], value)
        return left

    def visit_not_expression(self, node, value):
        original = self.visit(node["children"][0], value)
        if isinstance(original, Unknown):
            return _UNKNOWN
        return super().visit_not_expression({"children": [{"type": "literal", "value": original}]},
                                            value)

    def _projection_base(self, node, value):
        return self.visit(node["children"][0], value)

    def visit_projection(self, node, value):
        base = self.visit(node["children"][0], value)
        if isinstance(base, Unknown):
            return base
        return super().visit_projection(
            {"children": [{"type": "literal", "value": base}, node["children"][1]]}, value)

    def visit_filter_projection(self, node, value):
        base = self.visit(node["children"][0], value)
        if isinstance(base, Unknown):
            return base
        if not isinstance(base, list):
            return None
        comparator = node["children"][2]
        collected = []
        for element in base:
            test = self.visit(comparator, element)
            if not isinstance(test, Unknown) and self._is_true(test):
                current = self.visit(node["children"][1], element)
                if current is not None:
                    collected.append(current)
        return collected

    def visit_value_projection(self, node, value):
        base = self.visit(node["children"][0], value)
        if isinstance(base, Unknown):
            return base
        return super().visit_value_projection(
            {"children": [{"type": "literal", "value": base}, node["children"][1]]}, value)

    def visit_flatten(self, node, value):
        base = self.visit(node["children"][0], value)
        if isinstance(base, Unknown):
            return base
        return super().visit_flatten({"children": [{"type": "literal", "value": base}]}, value)


# --- functions -------------------------------------------------------------------------------

_EXTRA_PYTYPES = {"dict": ("Obj", "CIDict", "Layered"), "list": ("Arr",), "str": ("ResourceIdValue",)}
_UNKNOWN_AWARE = {"is_unknown", "known", "all_known", "known_parts", "id_type", "display", "leaf", "is_false", "is_true",
                  "is_string_bool", "not_null", "to_array", "type"}
_signature = jfunctions.signature


def _text(x: Any) -> str | None:
    return x if isinstance(x, str) and not isinstance(x, Unknown) else None


def _covers_ip(prefix: Any, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    import ipaddress
    text = _text(prefix)
    if text is None:
        return False
    text = text.strip()
    if not text or not (text[0].isdigit() or ":" in text):
        return False  # '*', service tags like 'Internet' or 'VirtualNetwork'
    try:
        return ip in ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False


def _any_of(value: Any, test) -> Any:
    """`test` over a value or each element of a list: True if any known element passes; else
    Unknown if an element is unknown or none can be read (no answer never fires); else False."""
    items = value if isinstance(value, list) else [value]
    undecided = False
    readable = False
    for item in items:
        if isinstance(item, Unknown):
            undecided = True
            continue
        result = test(item)
        if result is None:
            continue
        readable = True
        if result:
            return True
    return _UNKNOWN if undecided or not readable else False


class ArmlintFunctions(jfunctions.Functions):
    def call_function(self, function_name, resolved_args):
        if function_name not in _UNKNOWN_AWARE and any(isinstance(a, Unknown) for a in resolved_args):
            return _UNKNOWN
        return super().call_function(function_name, resolved_args)

    def _get_allowed_pytypes(self, types):
        allowed, subtypes = super()._get_allowed_pytypes(types)
        allowed = list(allowed)
        for base, extra in _EXTRA_PYTYPES.items():
            if base in allowed:
                allowed.extend(extra)
        subtypes = [tuple(s) + tuple(e for b, ex in _EXTRA_PYTYPES.items() if b in s for e in ex)
                    for s in subtypes]
        return allowed, subtypes

    @_signature({"types": []})
    def _func_is_false(self, x):
        return as_bool(x) is False

    @_signature({"types": []})
    def _func_is_true(self, x):
        return as_bool(x) is True

    @_signature({"types": []})
    def _func_is_string_bool(self, x):
        return _text(x) is not None and as_bool(x) is not None

    @_signature({"types": []})
    def _func_is_unknown(self, x):
        return isinstance(x, Unknown)

    @_signature({"types": []})
    def _func_known(self, x):
        return not isinstance(x, Unknown)

    @_signature({"types": []})
    def _func_id_type(self, x):
        from ..model.names import parse_resource_id
        parsed = parse_resource_id(x)
        if parsed is not None:
            return parsed[0]
        return _UNKNOWN if isinstance(x, Unknown) and not isinstance(x, PartialString) else None

    @_signature({"types": []})
    def _func_known_parts(self, x):
        if isinstance(x, PartialString):
            return [p for p in x.parts if isinstance(p, str) and not isinstance(p, Unknown)]
        return [x] if _text(x) is not None else []

    @_signature({"types": []})
    def _func_all_known(self, x):
        return not contains_unknown(x)

    @_signature({"types": []}, {"types": []})
    def _func_eq_ci(self, a, b):
        a, b = _text(a), _text(b)
        return a is not None and b is not None and a.lower() == b.lower()

    @_signature({"types": []}, {"types": ["array"]})
    def _func_in_ci(self, x, items):
        x = _text(x)
        return x is not None and any(_text(i) is not None and i.lower() == x.lower() for i in items)

    @_signature({"types": []}, {"types": ["string"]})
    def _func_starts_with_ci(self, s, prefix):
        s = _text(s)
        return s is not None and s.lower().startswith(prefix.lower())

    @_signature({"types": []}, {"types": ["string"]})
    def _func_ends_with_ci(self, s, suffix):
        s = _text(s)
        return s is not None and s.lower().endswith(suffix.lower())

    @_signature({"types": []}, {"types": ["string"]})
    def _func_contains_ci(self, s, part):
        s = _text(s)
        return s is not None and part.lower() in s.lower()

    @_signature({"types": ["string"]})
    def _func_lower(self, s):
        return s.lower()

    @_signature({"types": ["string"]})
    def _func_upper(self, s):
        return s.upper()

    @_signature({"types": []}, {"types": ["string"]})
    def _func_matches(self, s, pattern):
        s = _text(s)
        return s is not None and patterns.search(pattern, s)

    @_signature({"types": []})
    def _func_is_expr(self, x):
        return expr_parser.is_expression(x)

    @_signature({"types": []})
    def _func_calls(self, x):
        if not expr_parser.is_expression(x):
            return []
        try:
            return sorted(function_names(expr_parser.parse(x)))
        except expr_parser.ExpressionSyntaxError:
            return []

    @_signature({"types": []}, {"types": ["string"]})
    def _func_ip_covers(self, prefixes, ip):
        import ipaddress  # here: few rules compare addresses (issue 12: start-up)
        address = ipaddress.ip_address(ip)
        items = prefixes if isinstance(prefixes, list) else [prefixes]
        return any(_covers_ip(p, address) for p in items)

    @_signature({"types": []}, {"types": ["number", "array"]})
    def _func_port_covers(self, ranges, port):
        ports = port if isinstance(port, list) else [port]
        if any(isinstance(p, Unknown) for p in ports):
            return _UNKNOWN
        ports = [p for p in ports if isinstance(p, int) and not isinstance(p, bool)]
        return _any_of(ranges, lambda r: readings.ports_cover(r, ports))

    @_signature({"types": []}, {"types": []})
    def _func_version_cmp(self, a, b):
        result = readings.compare_versions(a, b)
        return _UNKNOWN if result is None else result

    @_signature({"types": []}, {"types": []})
    def _func_version_before(self, a, b):
        result = readings.compare_versions(a, b)
        return _UNKNOWN if result is None else result < 0

    @_signature({"types": []}, {"types": []})
    def _func_version_at_least(self, a, b):
        result = readings.compare_versions(a, b)
        return _UNKNOWN if result is None else result >= 0

    @_signature({"types": []})
    def _func_tls_version(self, x):
        return readings.tls_version(x)

    @_signature({"types": []}, {"types": []})
    def _func_tls_below(self, x, minimum):
        have, want = readings.tls_version(x), readings.tls_version(minimum)
        if have is None or want is None:
            return _UNKNOWN
        return have < want

    @_signature({"types": []})
    def _func_is_internet(self, x):
        return _any_of(x, readings.admits_internet)

    @_signature({"types": []})
    def _func_is_public_range(self, x):
        return _any_of(x, readings.admits_public)

    @_signature({"types": []}, {"types": ["string"]})
    def _func_address_covers(self, x, address):
        return _any_of(x, lambda item: readings.address_covers(item, address))

    @_signature({"types": []}, {"types": []})
    def _func_days_between(self, a, b):
        result = readings.days_between(a, b)
        return _UNKNOWN if result is None else result

    @_signature({"types": []})
    def _func_days_until(self, x):
        result = readings.days_between(readings.now(), x)
        return _UNKNOWN if result is None else result

    @_signature({"types": []}, {"types": ["string"]})
    def _func_api_version_before(self, version, date):
        # Without an API version the provider's defaults are not known: no answer, never False
        # (a resource written without apiVersion was judged by the newest defaults).
        v = _text(version)
        return _UNKNOWN if v is None else v[:10] < date

    @_signature({"types": []})
    def _func_display(self, x):
        from ..model.views import display_name
        if isinstance(x, list):
            return ", ".join(display_name(i) for i in x)
        return display_name(x)

    @_signature({"types": ["array"]}, {"types": ["object"]})
    def _func_lookup_each(self, keys, table):
        folded = {k.lower(): v for k, v in table.items() if isinstance(k, str)}
        out = []
        for key in keys:
            k = _text(key)
            if k is not None and k.lower() in folded and folded[k.lower()] not in out:
                out.append(folded[k.lower()])
        return out

    @_signature({"types": ["array"]})
    def _func_unique(self, items):
        out = []
        for item in items:
            if item not in out:
                out.append(item)
        return out

    @_signature({"types": ["array"]}, {"types": ["object"]})
    def _func_with_each(self, items, extra):
        out = []
        for item in items:
            if isinstance(item, Unknown):
                out.append(item)  # stays unknown: a filter skips it
            elif isinstance(item, dict):
                merged = Obj(extra)
                merged.update(item)
                merged.origin = getattr(item, "origin", None)
                out.append(merged)
        return out

    @_signature({"types": []})
    def _func_elements(self, items):
        if not isinstance(items, list):
            return []
        base = getattr(items, "origin", None)
        out = []
        for index, value in enumerate(items):
            if isinstance(value, Unknown):
                continue
            entry = Obj({"value": value, "index": index})
            entry.origin = getattr(value, "origin", None) or (base.child(index) if base else None)
            out.append(entry)
        return out

    @_signature({"types": []})
    def _func_leaf(self, x):
        if isinstance(x, PartialString):
            return "".join(p if isinstance(p, str) else f"[{p.text}]" for p in x.split("/")[-1])
        if isinstance(x, str) and not isinstance(x, Unknown):
            return x.rsplit("/", 1)[-1]
        from ..model.views import display_name
        return display_name(x)


FUNCTION_NAMES = frozenset(ArmlintFunctions.FUNCTION_TABLE)
_OPTIONS = Options(custom_functions=ArmlintFunctions())
# One interpreter for every search: it keeps no state of a search, and each new one was a reference
# cycle (its method cache holds methods bound to it) left for the cyclic collector, which the
# runner pauses while a file is linted: 45 MB of garbage on a 2 MB template.
_INTERPRETER = _TriState(_OPTIONS)


def compile_ast(text: str, trusted: bool) -> dict:
    """The JMESPath tree of a rule expression, checked: syntax, depth, function names, and the
    `matches()` patterns (registered as trusted, or compiled now so an invalid one is a rule-file
    error found at load time). Raises CompileError."""
    try:
        parsed = jmespath.compile(text)
    except RecursionError:
        raise CompileError("the expression nests too deeply to read") from None
    except jexc.ParseError as exc:
        raise CompileError(f"JMESPath syntax error: {exc.msg} (at '{exc.token_value}')",
                           exc.lex_position) from None
    except jexc.JMESPathError as exc:
        raise CompileError(f"JMESPath error: {exc}") from None
    ast = parsed.parsed
    if _depth_over(ast, MAX_DEPTH):
        raise CompileError(f"the expression nests more than {MAX_DEPTH} levels deep")
    for name in _function_calls(ast):
        if name not in FUNCTION_NAMES:
            raise CompileError(f"unknown function '{name}()'; see README 'Writing a rule' for "
                               f"the functions rules can call")
    found = _literal_patterns(ast)
    if trusted:
        patterns.TRUSTED.update(found)
    else:
        for pattern in found:
            try:
                patterns.compile_pattern(pattern)
            except patterns.PatternError as exc:
                raise CompileError(str(exc)) from None
    return ast


def interpreter() -> tuple:
    """What `Expression.search` evaluates with: the visit of the one interpreter, the errors that
    mean a template of a shape the rule did not expect, and the Unknown it then gives."""
    return (_INTERPRETER.visit, (jexc.JMESPathTypeError, jexc.ArityError,
                                 jexc.VariadictArityError), _UNKNOWN)


MAX_DEPTH = 100  # nesting of a rule expression (armlint's own are under 20); evaluation recurses


def _depth_over(root: dict, limit: int) -> bool:
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node.get("children", ())
                     if isinstance(child, dict))
    return False


def _literal_patterns(root: dict) -> list[str]:
    """The regular expressions written as literals in `matches(x, 'pattern')` calls."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        children = [c for c in node.get("children", ()) if isinstance(c, dict)]
        if node.get("type") == "function_expression" and node.get("value") == "matches" and \
                len(children) == 2 and children[1].get("type") == "literal" and \
                isinstance(children[1].get("value"), str):
            found.append(children[1]["value"])
        stack.extend(children)
    return found


def _function_calls(node: dict):
    if node.get("type") == "function_expression":
        yield node["value"]
    for child in node.get("children", ()):
        if isinstance(child, dict):
            yield from _function_calls(child)


def truthy(value: Any) -> bool:
    """A known, JMESPath-truthy result."""
    if isinstance(value, Unknown):
        return False
    return not (value == "" or value == [] or value == {} or value is None or value is False)
