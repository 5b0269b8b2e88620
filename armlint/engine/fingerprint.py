"""Fingerprints: the identity of a finding that survives edits elsewhere in its file.

Owns: the `armlint/v1` partial fingerprint of a finding, stable when lines move.
"""
from __future__ import annotations

import hashlib

from .results import Location


def fingerprint(rule_id: str, location: Location, message: str) -> str:
    """Stable when lines move: built from the rule, the file, the source pointer and the message
    (and the position only when there is no pointer)."""
    anchor = location.pointer or f"{location.span.start_line}:{location.span.start_col}"
    digest = hashlib.sha256(f"{rule_id}|{location.path}|{anchor}|{message}".encode("utf-8"))
    return digest.hexdigest()[:32]
