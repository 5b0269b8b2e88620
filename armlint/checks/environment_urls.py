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
from ._resources_util import root_doc
from .common import bicep_nodes

_cache: dict = {}


def _patterns(disallowed, excluded, present=None):
    key = (tuple(disallowed), tuple(excluded), present)
    found = _cache.get(key)
    if found is None:
        if present is not None:
            disallowed = [h for h in disallowed if h.lower() in present]
        def alternation(hosts):
            hosts = sorted({h.lower() for h in hosts if isinstance(h, str) and h}, key=len,
                           reverse=True)
            if not hosts:
                return None
            return re.compile("|".join(re.escape(h) for h in hosts), re.IGNORECASE)
        found = _cache[key] = (alternation(disallowed), alternation(excluded))
    return found


def _matches(text: str, start: int, end: int, bad, good):
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
        if good is not None and _excluded(text, s, e, good):
            continue
        yield s, e


def _excluded(text: str, s: int, e: int, good) -> bool:
    """Whether an excluded host overlaps the match s..e (looked for around it only)."""
    width = 256
    lo = max(0, s - width)
    for m in good.finditer(text, lo, min(len(text), e + width)):
        if m.start() < e and s < m.end():
            return True
    return False


def check(ctx, rule):
    model = ctx["model"]
    doc = root_doc(model)
    if doc is None:
        return
    options = ctx["options"]
    disallowed = tuple(h for h in options.get("disallowedhosts") or () if isinstance(h, str) and h)
    excluded = tuple(options.get("excludedhosts") or ())
    tree = getattr(doc, "tree", None)
    text = getattr(doc, "_parsed_text", doc.text) if tree is None else doc.text
    low = text.lower()
    for host in excluded:  # the $schema host names management.azure.com in every template
        if isinstance(host, str) and host:
            low = low.replace(host.lower(), " ")
    # plain substring tests first: most files name none of the hosts
    present = frozenset(h.lower() for h in disallowed if h.lower() in low)
    if not present:
        return
    bad, good = _patterns(disallowed, excluded, present)
    if bad is None:
        return
    if tree is None:
        for s, e in _matches(text, 0, len(text), bad, good):
            yield Hit(at=(doc, s, e), bind={"host": doc.text[s:e]})
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
