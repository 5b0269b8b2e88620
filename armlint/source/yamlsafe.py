"""YAML that cannot hurt: armlint's configuration and rule files, read with aliases to plain
values only, no tag and a bounded depth.

Owns: `compose(text)`, the one way armlint turns YAML text into a node tree (with marks for
positions). A scanned repository writes `.armlint.yaml` and rule files, so what PyYAML would
otherwise accept is refused first, in one linear pass over the parser's events: anchors on lists
and mappings (aliases to them are how a "billion laughs" document expands exponentially in
everything that walks it; an alias to a plain value, as in `example_bicep: *example`, costs
nothing), any explicit tag (`!!binary`, `!!python/...`, `!custom`), and nesting deeper than
`MAX_DEPTH`. Each
refusal is a `YamlRefused` with the line and column of the offending node, in plain words; the
caller names the file.
"""
from __future__ import annotations

MAX_DEPTH = 64  # armlint's own files nest a few levels; a deeper document is an attack


class YamlRefused(Exception):
    """YAML armlint will not read: `message` in plain words, 1-based `line` and `column`."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(f"{line}:{column}: {message}")
        self.message, self.line, self.column = message, line, column


def _loader_class():
    import yaml
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check(text: str) -> None:
    """Raise YamlRefused for an alias, an anchor, a tag or too deep a nesting; raise PyYAML's
    own MarkedYAMLError for text that is not YAML."""
    import yaml
    depth = 0
    plain: set = set()  # anchors of plain values, which aliases may name
    for event in yaml.parse(text, Loader=_loader_class()):
        kind = type(event)
        if kind is yaml.AliasEvent:
            if event.anchor not in plain:
                raise _refused(event, f"the YAML alias *{event.anchor} names no plain value "
                                      f"defined before it")
            continue
        if kind in (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent):
            if event.anchor is not None:
                if kind is not yaml.ScalarEvent:
                    raise _refused(event, f"YAML anchors on lists and mappings (&{event.anchor}) "
                                          f"are not allowed in armlint's files (aliases to them "
                                          f"can expand without bound); write the value out")
                plain.add(event.anchor)
            if event.tag is not None:
                raise _refused(event, f"YAML tags ({_tag_text(event.tag)}) are not allowed in "
                                      f"armlint's files; quote the value if it is text")
            if kind is not yaml.ScalarEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refused(event, f"the YAML nests more than {MAX_DEPTH} levels deep")
        elif kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
            depth -= 1


def compose(text: str):
    """The node tree of a single-document YAML text that passed `check` (None when empty), and
    the loader to construct Python values from it: `loader.construct_document(node)`; call
    `loader.dispose()` when done."""
    check(text)
    loader = _loader_class()(text)
    node = loader.get_single_node()
    _keys_as_text(node)
    return node, loader


def _keys_as_text(root) -> None:
    """Every mapping key written plain is text: YAML 1.1 reads `off:`, `on:`, `yes:`, `no:` and
    `null:` as booleans and null, and `1:` as a number, but in armlint's files a key is always a
    name (a rule binding a value called `off`). Values keep their YAML types."""
    import yaml
    text_tag = "tag:yaml.org,2002:str"
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and not key.style:  # plain (None, or "" in C)
                    key.tag = text_tag
                else:
                    stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _tag_text(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _refused(event, message: str) -> YamlRefused:
    mark = event.start_mark
    return YamlRefused(message, mark.line + 1, mark.column + 1)
