"""AL3006 hardcoded-environment-url: a host name of the Azure public cloud (management.azure.com,
core.windows.net, vault.azure.net...) written into a string.

As the Bicep linter: each `disallowedhosts` entry found in a string, not inside a longer word
(a letter or digit right before or after it), and not overlapping an `excludedhosts` entry (the
`$schema` host) is a finding, on the host itself. JSON is searched in its strings (comments are
not), Bicep in its string literals except resource types and module paths."""
from __future__ import annotations

import re

from ..bicep import syntax as S
from ..engine.run import Hit
from .common import bicep_nodes
from ._resources_util import root_doc

_cache: dict = {}


def _patterns(disallowed, excluded):
    key = (tuple(disallowed), tuple(excluded))
    found = _cache.get(key)
    if found is None:
        def alternation(hosts):
            hosts = sorted({h.lower() for h in hosts if isinstance(h, str) and h}, key=len,
                           reverse=True)
            if not hosts:
                return None
            return re.compile("|".join(re.escape(h) for h in hosts), re.IGNORECASE)
        found = _cache[key] = (alternation(disallowed), alternation(excluded))
    return found


def _matches(text: str, start: int, end: int, bad, good):
    excluded = [(m.start(), m.end()) for m in good.finditer(text, start, end)] if good else []
    pos = start
    while True:
        m = bad.search(text, pos, end)
        if m is None:
            return
        s, e = m.span()
        pos = e
        if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
            pos = s + 1
            continue
        if any(a < e and s < b for a, b in excluded):
            continue
        yield s, e


def check(ctx, rule):
    model = ctx["model"]
    doc = root_doc(model)
    if doc is None:
        return
    options = ctx["options"]
    bad, good = _patterns(options.get("disallowedhosts") or (), options.get("excludedhosts") or ())
    if bad is None:
        return
    tree = getattr(doc, "tree", None)
    if tree is None:
        text = getattr(doc, "_parsed_text", doc.text)  # comments blanked
        if not bad.search(text):
            return
        for s, e in _matches(text, 0, len(text), bad, good):
            yield Hit(at=(doc, s, e), bind={"host": doc.text[s:e]})
        return
    text = doc.text
    if not bad.search(text):
        return
    skip = set()
    for st in tree.statements:
        if isinstance(st, (S.Resource, S.Module)):
            for node in bicep_nodes(st):
                if isinstance(node, S.Resource):
                    skip.add(id(node.type))
                elif isinstance(node, S.Module):
                    skip.add(id(node.path))
        elif isinstance(st, (S.ImportSymbols, S.ImportWildcard, S.Using, S.Extends)):
            for node in bicep_nodes(st):
                if isinstance(node, S.String):
                    skip.add(id(node))
    for st in tree.statements:
        for node in bicep_nodes(st):
            if not isinstance(node, S.String) or id(node) in skip:
                continue
            for a, b in node.segment_spans:
                for s, e in _matches(text, a, b, bad, good):
                    yield Hit(at=(doc, s, e), bind={"host": text[s:e]})
