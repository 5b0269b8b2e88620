"""ARM's uniqueString(): a 64-bit MurmurHash variant of the arguments, in 13 base32 characters.

Owns: the exact algorithm, so names built with uniqueString() of known values are known strings.
The hash is Microsoft's two-lane MurmurHash64 (seed 0) over the UTF-8 bytes of the arguments
joined with '-'; the 64 bits are written most significant first, five bits per character.
"""
from __future__ import annotations

_MASK = 0xFFFFFFFF
_C1 = 0x239B961B
_C2 = 0xAB0E9789
_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"


def _rotl(x: int, r: int) -> int:
    return ((x << r) | (x >> (32 - r))) & _MASK


def _fmix(h: int) -> int:
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    return h ^ (h >> 16)


def murmur64(data: bytes, seed: int = 0) -> int:
    h1 = h2 = seed
    length = len(data)
    index = 0
    while index + 7 < length:
        k1 = int.from_bytes(data[index:index + 4], "little")
        k2 = int.from_bytes(data[index + 4:index + 8], "little")
        k1 = (_rotl((k1 * _C1) & _MASK, 15) * _C2) & _MASK
        h1 = _rotl(h1 ^ k1, 19)
        h1 = ((h1 + h2) * 5 + 0x561CCD1B) & _MASK
        k2 = (_rotl((k2 * _C2) & _MASK, 17) * _C1) & _MASK
        h2 = _rotl(h2 ^ k2, 13)
        h2 = ((h2 + h1) * 5 + 0x0BCAA747) & _MASK
        index += 8
    tail = length - index
    if tail > 0:
        k1 = int.from_bytes(data[index:index + min(tail, 4)], "little")
        k1 = (_rotl((k1 * _C1) & _MASK, 15) * _C2) & _MASK
        h1 ^= k1
        if tail > 4:
            k2 = int.from_bytes(data[index + 4:index + tail], "little")
            k2 = (_rotl((k2 * _C2) & _MASK, 17) * _C1) & _MASK
            h2 ^= k2
    h1 ^= length
    h2 ^= length
    h1 = (h1 + h2) & _MASK
    h2 = (h2 + h1) & _MASK
    h1 = _fmix(h1)
    h2 = _fmix(h2)
    h1 = (h1 + h2) & _MASK
    h2 = (h2 + h1) & _MASK
    return (h2 << 32) | h1


def unique_string(*args: str) -> str:
    value = murmur64("-".join(args).encode("utf-8"))
    return "".join(_ALPHABET[(value >> (59 - 5 * i)) & 31] if i < 12 else
                   _ALPHABET[(value << 1) & 31] for i in range(13))
