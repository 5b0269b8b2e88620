"""The hash functions of armlint's cache keys and digests, without OpenSSL's start-up.

Owns: `sha256` and `blake2b`, CPython's own implementations where it has them (the ones
`hashlib` falls back to; the same digests). Importing `hashlib` loads OpenSSL's library, about a
tenth of the instructions of a pre-commit run served from the result cache (issue 12); the keys
and digests armlint makes are short, where OpenSSL's speed does not count.
"""
from __future__ import annotations

try:
    from _sha256 import sha256  # CPython 3.11
except ImportError:  # pragma: no cover - another Python
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:
        from hashlib import sha256
try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

__all__ = ["sha256", "blake2b"]
