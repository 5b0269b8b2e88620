"""AL3006 hardcoded-environment-url: a host name of the Azure public cloud (management.azure.com,
core.windows.net, vault.azure.net...) written into a string.

As the Bicep linter: each `disallowedhosts` entry found in a string, not inside a longer word
(a letter or digit right before or after it), and not overlapping an `excludedhosts` entry (the
`$schema` host) is a finding, on the host itself. JSON is searched in its strings (comments are
not), Bicep in its string literals except resource types and module paths."""
from __future__ import annotations

import re

from ..engine.items import DocumentContext
from ..engine.report import Report

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


_CHUNK = 1 << 20


def _present(text: str, disallowed: tuple, excluded: tuple) -> frozenset:
    """The disallowed hosts (lower case) that `text` names in any casing outside the excluded
    ones (the $schema host names management.azure.com in every template). The text is
    lower-cased a megabyte at a time, overlapping by the longest host: a lower-cased copy of
    the whole text and another with the excluded hosts replaced took twice the size of a large
    file at once. A host that an excluded one cut by a chunk's start holds is named here too;
    `_matches` leaves it out."""
    hosts = {h.lower() for h in disallowed}
    skip = [h.lower() for h in excluded if isinstance(h, str) and h]
    overlap = max(map(len, (*hosts, *skip)), default=1) - 1
    found: set = set()
    for start in range(0, max(len(text), 1), _CHUNK):
        low = text[start:start + _CHUNK + overlap].lower()
        for host in skip:
            low = low.replace(host, " ")
        found.update(h for h in hosts if h not in found and h in low)
        if len(found) == len(hosts):
            break
    return frozenset(found)


def check(ctx: DocumentContext, report: Report) -> None:
    doc = ctx.model.root_doc  # templates only: a parameter file's values are the deployer's
    if doc is None:
        return
    options = ctx.options
    disallowed = tuple(h for h in options.get("disallowedhosts") or () if isinstance(h, str) and h)
    excluded = tuple(options.get("excludedhosts") or ())
    semantic = ctx.model.semantic
    text = getattr(doc, "_parsed_text", doc.text) if semantic is None else doc.text
    # plain substring tests first: most files name none of the hosts
    present = _present(text, disallowed, excluded)
    if not present:
        return
    bad, good = _patterns(disallowed, excluded, present)
    if bad is None:
        return
    if semantic is None:
        for s, e in _matches(text, 0, len(text), bad, good):
            report.at_text(s, e, host=doc.text[s:e])
        return
    for node in _strings(semantic):
        for a, b in node.segment_spans:
            for s, e in _matches(text, a, b, bad, good):
                report.at_text(s, e, host=text[s:e])


def _strings(semantic):
    """The string literals of a Bicep file that are values: not a resource's type, a module's
    path, or what an import, `using` or `extends` names."""
    from ..bicep import syntax as S
    from ..bicep.semantic import walk
    skip = {id(r.type) for r in semantic.of(S.Resource)}
    skip |= {id(m.path) for m in semantic.of(S.Module)}
    for cls in (S.ImportSymbols, S.ImportWildcard, S.Using, S.Extends):
        for st in semantic.of(cls):
            skip |= {id(n) for n in walk(st) if isinstance(n, S.String)}
    return [n for n in semantic.of(S.String) if id(n) not in skip]
