"""`armlint server`: the Language Server Protocol over stdio, for live findings in editors.

Owns the editor integration: `session` (which configuration, which buffers, what to lint again
when something changes; no protocol), `edits` (the text edits of suppression directives and quick
fixes, in code points; no protocol), `protocol` (findings, ranges and edits as LSP types) and
`app` (the pygls server: requests and notifications, debouncing). pygls and lsprotocol are the
optional extra `armlint[server]`; nothing here is imported by `armlint check`.
"""
from __future__ import annotations

MISSING = ("armlint server needs the language server packages: "
           "pip install 'armlint[server]' (pygls and lsprotocol)")


def available() -> bool:
    """Whether pygls and lsprotocol can be imported."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        return False
    return True
