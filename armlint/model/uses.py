"""What a template's expressions use: the one uses index of the ARM side of the model.

Owns, per template (built once, on first use, and kept on the template as `Template.uses`):
- every expression string of the template (its own expressions and those of nested templates
  evaluated in its scope, not those of inner-scoped nested templates, whose `parameters()` are
  their own), whose tree is parsed again when asked;
- `parameters('x')`, `variables('x')` and function calls counted by lower-case name, and the
  references whose name is computed (`variables(concat('a', ...))`) with the names they may give;
- what each variable's value reads, through the variables it reads in turn;
- `ValueUses`, what any raw value reads (parameters, variables, functions, list*() calls), and
  `trace`, the first node in a value for which a test holds, following variables and defaults;
- a text search of `parameters('x')`/`variables('x')` that answers "is x read?" without parsing,
  when the text can tell.
Bicep files have their own uses, resolved with scopes, in `bicep/semantic`; `Template.reads`
answers for both. Expression strings are parsed through the parser's cache.
"""
from __future__ import annotations

import re
from array import array
from collections import Counter
from ..source.lazy import cached

from ..expr import parser
from ..expr.bounded import Bounded
from ..expr.ast import Call, Literal, Node, walk
from ..expr.evaluate import EvalContext, evaluate
from ..expr.query import call_name, known_text, literal_text, tree_of

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator
    from .template import Template

# Functions whose value exists only while the deployment runs (not a deploy-time constant).
RUNTIME_FUNCTIONS = ("reference", "references")


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a raw value: values and expression property names."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for k, v in node.items():
                if isinstance(k, str) and k[:1] == "[":
                    yield k
                stack.append(v)
        elif isinstance(node, list):
            stack.extend(node)


class ValueUses:
    """What a raw value reads: parameters and variables by lower-case name, the functions it
    calls (lower case), list*() calls as written, and whether a name is computed."""

    __slots__ = ("params", "variables", "calls", "lists", "dynamic", "expressions")

    def __init__(self):
        self.params: set[str] = set()
        self.variables: set[str] = set()
        self.calls: set[str] = set()
        self.lists: list[str] = []
        self.dynamic = False
        self.expressions = 0

    def add_tree(self, tree: Node) -> None:
        self.expressions += 1
        for node in walk(tree):
            if not isinstance(node, Call) or node.namespace:
                continue
            name = node.name.lower()
            self.calls.add(name)
            if name in ("parameters", "variables"):
                arg = node.args[0] if node.args else None
                if isinstance(arg, Literal) and isinstance(arg.value, str):
                    (self.params if name == "parameters" else self.variables).add(arg.value.lower())
                else:
                    self.dynamic = True
            elif name.startswith("list"):
                self.lists.append(node.name)

    def merge(self, other: "ValueUses") -> None:
        self.params |= other.params
        self.variables |= other.variables
        self.calls |= other.calls
        self.lists.extend(n for n in other.lists if n not in self.lists)
        self.dynamic = self.dynamic or other.dynamic
        self.expressions += other.expressions

    @property
    def runtime(self) -> bool:
        """Calls a function whose value exists only while the deployment runs."""
        return any(c in RUNTIME_FUNCTIONS or c.startswith("list") for c in self.calls)


def value_uses(value: Any) -> ValueUses:
    """What a raw value reads by itself (variables not followed)."""
    found = ValueUses()
    for text in strings_in(value):
        tree = tree_of(text)
        if tree is not None:
            found.add_tree(tree)
    return found


# Lower-case patterns, run through Template.searchable: on the lower-cased text, or on a text
# too large to copy in any casing (ignoring_case), which costs ten times as much.
_NAMED_READ = {kind: re.compile(kind + r"\s*\(\s*'([^']*)'")
               for kind in ("parameters", "variables")}
_COMPUTED_READ = {kind: re.compile(kind + r"\s*\(\s*[^'\s)]")
                  for kind in ("parameters", "variables")}


def _expression_reads(kind: str, t: "Template") -> Counter | None:
    """The names `kind('name')` reads inside expression strings of the template's JSON text (a
    string that starts with `[`, not `[[`, and ends with `]`): the same call in a tag, a
    description or an escaped `[[...]` literal is text, not a read. None when a string around a
    match holds an escaped quote, which a backwards search cannot step over."""
    text = t.search_text or ""
    scan, pattern = t.searchable(_NAMED_READ[kind])  # the same characters at the same offsets
    names = []
    for m in pattern.finditer(scan):
        first, last = m.span(1)  # no quote between these and the match's ends
        start = scan.rfind('"', 0, first)
        end = scan.find('"', last)
        if start < 0 or end < 0 or scan[start - 1] == "\\" or scan[end - 1] == "\\":
            return None
        if scan[start + 1] == "[" and scan[start + 2] != "[" and scan[end - 1] == "]":
            names.append(text[first:last])
    return Counter(map(str.lower, names))


class Expression:
    """One expression string of a template: where it is written (`pointer` from the template),
    its text and its parsed tree. In JSON the tree's offsets are into the text; the trees of a
    lowered Bicep template have none (a finding goes on the Bicep value)."""

    # The pointer is kept as the pointer of the object or array the expression is in (one tuple
    # for the expressions written there) and the key or index there. A JSON expression's tree is
    # parsed again when asked, through the parser's cache (every tree kept took twice the size of
    # a large template); a lowered Bicep expression (`_Lowered`) keeps its tree, which comes from
    # the lowering and not from the text. Four slots, not five: 64 bytes an expression, not 80.
    __slots__ = ("template", "_within", "_key", "text")
    _tree: Node | None = None

    def __init__(self, template: "Template", within: tuple, key: Any, text: str):
        self.template = template
        self._within = within
        self._key = key
        self.text = text

    @property
    def pointer(self) -> tuple:
        return self._within + (self._key,)

    @property
    def tree(self) -> Node:
        tree = self._tree
        return parser.parse(self.text) if tree is None else tree

    @property
    def origin(self) -> Any:
        return self.template.origin_at(self.pointer)

    @property
    def is_key(self) -> bool:
        """The expression is a property name, not a value."""
        return self._key == self.text

    @property
    def part(self) -> str:
        return "key" if self.is_key else "value"

    @property
    def property_name(self) -> str | None:
        """The property the expression is the value of (None for array items and keys)."""
        if self.is_key:
            return None
        last = self._key
        return last if isinstance(last, str) else None


class _Lowered(Expression):
    """An expression of a lowered Bicep template, with the tree the lowering made."""

    __slots__ = ("_tree",)

    def __init__(self, template: "Template", within: tuple, key: Any, text: str, tree: Node):
        Expression.__init__(self, template, within, key, text)
        self._tree = tree


class Expressions:
    """A sequence of expressions of templates' uses indexes, each made when it is visited (see
    _Index): `parts` is (index, positions in it) of each template in turn."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple):
        self.parts = parts

    @staticmethod
    def joined(all_of: list["Expressions"]) -> "Expressions":
        return Expressions(tuple(part for one in all_of for part in one.parts))

    def __len__(self) -> int:
        return sum(len(positions) for _, positions in self.parts)

    def __iter__(self) -> Iterator[Expression]:
        for index, positions in self.parts:
            template, within, keys, texts, trees = \
                index.template, index.within, index.keys, index.texts, index.trees
            if trees is None:
                for i in positions:
                    yield Expression(template, within[i], keys[i], texts[i])
            else:
                for i in positions:
                    yield _Lowered(template, within[i], keys[i], texts[i], trees[i])

    def __getitem__(self, at: int) -> Expression:
        if at < 0:
            at += len(self)
        for index, positions in self.parts:
            if 0 <= at < len(positions):
                return _made(index, positions[at])
            at -= len(positions)
        raise IndexError(at)


def _made(index: "_Index", i: int) -> Expression:
    if index.trees is None:
        return Expression(index.template, index.within[i], index.keys[i], index.texts[i])
    return _Lowered(index.template, index.within[i], index.keys[i], index.texts[i],
                    index.trees[i])


# expression text -> what its tree calls: expression texts recur (86% of those of every 10th ARM
# file of the corpus were parsed before), so the calls of a text are sorted out once rather than
# per expression string. Keyed by the text, not by the tree: an entry that held its tree kept
# trees alive beyond the parser's cache (with walk's cache, every tree of the 10 MB bench
# template: 11 MB), and a text's tree, parsed or lowered from Bicep, calls the same functions.
_CALLS = Bounded(8192)


def _calls_of(text: str, tree: Node) -> tuple:
    """(lower-case names of the calls without a namespace in `tree`, the tree of `text`, a name
    once per call; (True for parameters, lower-case name) of each `parameters('x')`/
    `variables('x')` with a literal name; parameters or variables for each with a computed name),
    in the order of `walk`."""
    hit = _CALLS.get(text)
    if hit is not None:
        return hit
    names, reads, computed = [], [], []
    for call in walk(tree):
        if not isinstance(call, Call) or call.namespace:
            continue
        name = call.name.lower()
        names.append(name)
        if (name == "parameters" or name == "variables") and call.args:
            arg = call.args[0]
            if isinstance(arg, Literal) and isinstance(arg.value, str):
                reads.append((name == "parameters", arg.value.lower()))
            else:
                computed.append(name)
    hit = (tuple(names), tuple(reads), tuple(computed))
    _CALLS.put(text, hit)
    return hit


class _Index:
    """The one pass over a template's expressions (see TemplateUses). Every expression of the
    template is kept as the pointer of the object or array it is in (`within`), its key or index
    there (`keys`) and its text (`texts`), and in a lowered Bicep template its tree (`trees`):
    24 bytes an expression, where an `Expression` each, kept for the file, took 80 (0.4 times the
    size of a large template). `Expressions` makes them as they are visited."""

    __slots__ = ("template", "parameters", "variables", "dynamic", "within", "keys", "texts",
                 "trees", "calling")

    def __init__(self, template: "Template"):
        self.template = template
        self.parameters: Counter = Counter()  # lower-case name -> uses
        self.variables: Counter = Counter()
        self.dynamic: list = []  # (section, pointer, text) of computed names
        self.within: list[tuple] = []
        self.keys: list = []
        self.texts: list[str] = []
        self.trees: list[Node] | None = None if not template.is_bicep else []
        # lower-case function -> the positions in `expressions` of its calls (a position
        # repeats when an expression calls it more than once), 4 bytes each: a list of ints took
        # 36 (the int and its slot), 0.2 times the size of a large template
        self.calling: dict[str, array] = {}
        skip = {id(t.raw) for t in template.inner_templates}
        # A lowered Bicep template's trees come from the lowering (no offsets, which its
        # findings do not use: they go on the Bicep value) instead of being parsed again.
        positions = not template.is_bicep
        parameters, variables = self.parameters, self.variables
        dynamic, calling = self.dynamic, self.calling
        withins, keys, texts, trees = self.within, self.keys, self.texts, self.trees

        def add(text: str, within: tuple, key: Any) -> None:
            # parser.is_expression, for a string known to start with "["
            if text[-1] != "]" or text[1:2] == "[":
                return
            try:
                tree = parser.parse(text, positions)
            except parser.ExpressionSyntaxError:
                return
            position = len(texts)
            withins.append(within)
            keys.append(key)
            texts.append(text)
            if not positions:
                trees.append(tree)
            names, reads, computed = _calls_of(text, tree)
            for name in names:
                found = calling.get(name)
                if found is None:
                    calling[name] = array("i", (position,))
                else:
                    found.append(position)  # once per call: repeats are taken out later
            for is_parameter, name in reads:
                (parameters if is_parameter else variables)[name] += 1
            for section in computed:
                dynamic.append((section, within + (key,), text))

        # Depth first, an object's expression keys when it is entered, then its values and an
        # array's items last to first (the order `expressions` has always had). The stack holds
        # only objects and arrays, as (iterator over (key or index, value) from the last, the
        # pointer of the object or array): a string is looked at where it is met, and pushing
        # and popping every value cost a third of the pass.
        stack: list = []

        def enter(node: Any, ptr: tuple) -> None:
            if isinstance(node, dict):
                for key in node:
                    if key[:1] == "[":
                        add(key, ptr, key)
                stack.append((reversed(node.items()), ptr))
            elif isinstance(node, list):
                stack.append((zip(range(len(node) - 1, -1, -1), reversed(node)), ptr))

        enter(template.raw, ())
        while stack:
            children, ptr = stack[-1]
            for at, child in children:
                if isinstance(child, str):
                    if child[:1] == "[":
                        add(child, ptr, at)
                elif isinstance(child, (dict, list)) and id(child) not in skip:
                    enter(child, ptr + (at,))
                    break  # the child's values first; this iterator goes on after them
            else:
                stack.pop()


class TemplateUses:
    """The uses index of one template (see the module docstring). The pass over its expressions
    is made when one of `parameters`, `variables`, `functions`, `dynamic` or `expressions` is
    first asked for: `is_unread` in a Bicep file, or in JSON whose text tells, needs none."""

    def __init__(self, template: "Template"):
        self.template = template

    @cached
    def _index(self) -> _Index:
        return _Index(self.template)

    @property
    def parameters(self) -> Counter:
        """`parameters('x')` calls by lower-case name."""
        return self._index.parameters

    @property
    def variables(self) -> Counter:
        """`variables('x')` calls by lower-case name."""
        return self._index.variables

    @cached
    def functions(self) -> Counter:
        """Calls by lower-case function name."""
        return Counter({name: len(at) for name, at in self._index.calling.items()})

    @property
    def dynamic(self) -> list:
        """(section, pointer, text) of each `parameters(...)`/`variables(...)` with a computed
        name."""
        return self._index.dynamic

    @property
    def expressions(self) -> Expressions:
        """Every expression of the template, in the order of a walk of its raw value."""
        index = self._index
        return Expressions(((index, range(len(index.texts))),))

    def calling(self, functions: tuple[str, ...]) -> Expressions:
        """The expressions that call one of the lower-case `functions` ('list*': a prefix; user
        functions, which have a namespace, are not these), in the order of `expressions`."""
        index = self._index
        by_name = index.calling
        found: list[array] = []
        for name in functions:
            if name.endswith("*"):
                found.extend(v for k, v in by_name.items() if k.startswith(name[:-1]))
            elif name in by_name:
                found.append(by_name[name])
        if not found:
            return Expressions(())
        positions = list(dict.fromkeys(found[0])) if len(found) == 1 else \
            sorted(set().union(*found))
        return Expressions(((index, positions),))

    def calls_any(self, functions: tuple[str, ...]) -> bool:
        """Whether the template calls one of the lower-case `functions` ('list*': a prefix)."""
        for name in functions:
            if name.endswith("*"):
                if any(f.startswith(name[:-1]) for f in self.functions):
                    return True
            elif self.functions.get(name):
                return True
        return False

    # -- values ---------------------------------------------------------------------------------
    @cached
    def variable_closure(self) -> dict[str, ValueUses]:
        """Lower-case variable name -> what its value reads, through other variables too (for a
        template whose variables are its own)."""
        direct = {name.lower(): value_uses(raw)
                  for name, raw, _, _ in self.template.variable_entries}
        closed: dict[str, ValueUses] = {}
        for name in direct:
            out = ValueUses()
            seen = {name}
            todo = [name]
            while todo:
                found = direct.get(todo.pop())
                if found is None:
                    continue
                out.merge(found)
                for v in found.variables:
                    if v not in seen:
                        seen.add(v)
                        todo.append(v)
            closed[name] = out
        return closed

    @cached
    def variables_hold_secrets(self) -> bool:
        """Some variable reads a secure parameter or calls a list*() function."""
        secure = self.template.secure_parameter_names
        return any(f.lists or f.params & secure for f in self.variable_closure.values())

    def of(self, value: Any) -> ValueUses:
        """What a raw value of the template reads, following the variables it uses."""
        out = value_uses(value)
        if out.variables:
            table = self.variable_closure
            for v in list(out.variables):
                found = table.get(v)
                if found is not None:
                    out.merge(found)
        return out

    # -- which declarations are read --------------------------------------------------------------
    def dynamic_names(self, kind: str) -> tuple[set[str], list[str]] | None:
        """Names the template may read through computed `parameters(...)`/`variables(...)`
        (`kind`): (exact lower-case names, lower-case prefixes); None when any name may be read."""
        exact: set[str] = set()
        prefixes: list[str] = []
        for section, _, text in self.dynamic:
            if section != kind:
                continue
            tree = tree_of(text)
            if tree is None:
                return None
            for node in walk(tree):
                if call_name(node) != kind:
                    continue
                arg = node.args[0] if node.args else None
                if arg is None or literal_text(arg) is not None:
                    continue
                reads_parameters = any(call_name(n) == "parameters" for n in walk(arg))
                value = None if reads_parameters else \
                    evaluate(arg, EvalContext(self.template.scope))
                if known_text(value):  # the same name in every deployment
                    exact.add(value.lower())
                    continue
                prefix = _literal_prefix(arg)
                if not prefix:
                    return None
                prefixes.append(prefix.lower())
        return exact, prefixes

    def text_reads(self, kind: str) -> Counter | None:
        """How often the template's own expressions call `kind('name')` (parameters or
        variables), by lower-case name, counted with a regular expression over its text minus
        the text of the nested templates with their own scope. None when the text cannot tell: a
        Bicep file, a computed name such as `parameters(concat(...))`, quotes escaped as \\u0027."""
        t = self.template
        if t.is_bicep or not isinstance(t.raw, dict):
            return None
        text = t.search_text or ""
        if not text or "\\u0027" in text:
            return None
        scan, pattern = t.searchable(_COMPUTED_READ[kind])
        if pattern.search(scan):
            return None
        counts = _expression_reads(kind, t)
        if counts is None:
            return None
        for inner in t.inner_templates:
            if inner.origin.doc is t.origin.doc:
                inner_counts = _expression_reads(kind, inner)
                if inner_counts is None:
                    return None
                counts -= inner_counts
        return counts

    @cached
    def _unread(self) -> dict:
        return {}

    def is_unread(self, kind: str, name: str) -> bool:
        """Whether no expression of the template reads the parameter or variable `name` (`kind`
        is parameters or variables); False when a computed name may read anything."""
        found = self._unread.get(kind, False)
        if found is False:
            t = self.template
            names = [d.name for d in t.parameters] if kind == "parameters" else \
                [entry[0] for entry in t.variable_entries]
            unread = self.unread(kind, names)
            found = self._unread[kind] = {n.lower() for n in unread} if unread is not None \
                else None
        return found is not None and name.lower() in found

    def unread(self, kind: str, names: list[str]) -> list[str] | None:
        """Which of `names` (of `kind`: parameters or variables) no expression of the template
        reads; None when any name may be read (a computed name that could be anything). In a
        Bicep file a name is read where an expression refers to the symbol (as the compiler
        resolves names: a loop variable or lambda parameter of the same name hides it), and a
        variable with `@export()` is read by the files that import it."""
        semantic = self.template.semantic
        if semantic is not None:
            read = {n.lower() for n in semantic.read_names}
            if kind == "variables":
                read |= {n.lower() for n, st in semantic.declared("var").items()
                         if st.decorator("export") is not None}
            return [n for n in names if n.lower() not in read]
        counts = self.text_reads(kind)
        if counts is not None:
            return [n for n in names if not counts.get(n.lower())]
        computed = self.dynamic_names(kind)
        if computed is None:
            return None
        exact, prefixes = computed
        used = self.parameters if kind == "parameters" else self.variables
        return [n for n in names if not used.get(n.lower()) and n.lower() not in exact
                and not any(n.lower().startswith(p) for p in prefixes)]


def _literal_prefix(node: Node) -> str:
    """The literal text a computed name starts with: concat('sku', ...) -> 'sku'."""
    name = call_name(node)
    first = literal_text(node.args[0]) if name and node.args else None
    if first is None:
        return ""
    if name == "concat":
        return first
    if name == "format":
        return first.split("{", 1)[0]
    return ""


def trace(template: "Template", raw: Any, test: Callable[[Node], bool],
          seen: set | None = None) -> tuple | None:
    """The first node (and the chain of parameters and variables that led to it) in the raw
    value `raw` of `template` for which `test(node)` holds, following `variables('x')` to the
    variable's value and `parameters('x')` to its default value."""
    seen = set() if seen is None else seen
    owner = template.owner
    stack = [(raw, ())]
    while stack:
        value, trail = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, trail) for v in value.values())
            continue
        if isinstance(value, list):
            stack.extend((v, trail) for v in value)
            continue
        tree = tree_of(value)
        if tree is None:
            continue
        for node in walk(tree):
            if test(node):
                return node, trail
            name = call_name(node)
            if name in ("parameters", "variables") and node.args:
                ref = literal_text(node.args[0])
                if ref is None or (name, ref.lower()) in seen:
                    continue
                seen.add((name, ref.lower()))
                body = owner.section(name)
                key = body.actual_key(ref) if hasattr(body, "actual_key") else ref
                if key not in body:
                    continue
                target = body[key]
                if name == "parameters":
                    if not isinstance(target, dict) or "defaultValue" not in target:
                        continue
                    target = target["defaultValue"]
                    label = f"{ref} (default value)"
                else:
                    label = ref
                stack.append((target, trail + (label,)))
    return None


def reference_calls(expression: Expression, names: tuple[str, ...],
                    lists: bool) -> Iterator[tuple]:
    """(call node, function as written, resource type or None, API version, version argument)
    of every call of `names` (lower case) in an expression, and of list*() when `lists`, whose
    API version argument has a known value."""
    t = expression.template
    for node in walk(expression.tree):
        name = call_name(node)
        if name is None or len(node.args) < 2 or not (
                name in names or (lists and name.startswith("list"))):
            continue
        version = evaluate(node.args[1], t.ctx)
        if not known_text(version):
            continue
        rtype = _resource_type_of(t, evaluate(node.args[0], t.ctx))
        yield node, node.name, rtype, version, node.args[1]


def _resource_type_of(t: "Template", value: Any) -> str | None:
    """The type of the resource a reference()/list*() argument identifies: a resource ID, or
    the symbolic name or name of one resource of the template."""
    from ..expr.values import ResourceIdValue
    from .names import parse_resource_id
    if isinstance(value, ResourceIdValue):
        return value.rtype if isinstance(value.rtype, str) else None
    if not known_text(value):
        return None
    if "/" in value:
        parsed = parse_resource_id(value)
        return parsed[0] if parsed is not None else None
    matches = {r.type for r in t.owner.resources
               if (r.symbolic_name or "").lower() == value.lower() or
               (known_text(r.name) and r.name.lower() == value.lower())}
    return matches.pop() if len(matches) == 1 else None
