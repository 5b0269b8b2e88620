"""How rules read the values security settings take: versions, TLS versions, addresses, ports, dates.

Owns: parsing and comparing these values as Azure writes them, for the JMESPath functions in
jmes.py. Every function here works on plain known values and answers None when a value is not one
it can read; jmes.py turns None and Unknown into "no answer" so that neither ever fires a rule.
  - versions: API versions (`2023-01-01`, `2021-04-01-preview`: a preview sorts before the release
    of the same date) and dotted versions (`1.27.3`, `v1.27`; missing parts count as 0)
  - TLS versions in any spelling Azure uses (`TLS1_2`, `1.2`, `Tls12`, `TLSv1_2`, `Tls1_2`)
  - address prefixes: CIDR, single addresses, `a-b` ranges, the service tags `*`, `Any`,
    `Internet`; whether a prefix admits the whole internet or any public address
  - port specs: `*`, `22`, `20-30`, `22,3389`, or lists of them
  - dates: ISO 8601 dates and date-times, and Unix epoch seconds (Key Vault `exp`, `nbf`)
"""
from __future__ import annotations

import functools
import re

from ..source.lazy import pattern

# ipaddress and datetime are imported by the functions that read addresses and dates: a run whose
# rules read none does not load them; typing is not imported at run time (issue 12: start-up)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any

# --- versions --------------------------------------------------------------------------------

_API_VERSION = pattern(r"^(\d{4})-(\d{2})-(\d{2})(-[A-Za-z0-9.-]+)?$")
_DOTTED = pattern(r"^[vV]?(\d+(?:\.\d+)*)(-[0-9A-Za-z.-]*)?(\+[0-9A-Za-z.-]*)?$")


def version_key(text: Any) -> tuple | None:
    """A sortable key of an API version or a dotted version; None if `text` is neither."""
    if isinstance(text, bool) or not isinstance(text, (str, int, float)):
        return None
    text = str(text).strip()
    m = _API_VERSION.match(text)
    if m:
        y, mo, d, suffix = m.groups()
        return ("api", (int(y), int(mo), int(d)), 0 if suffix else 1)
    m = _DOTTED.match(text)
    if m:
        parts = tuple(int(p) for p in m.group(1).split("."))
        return ("dotted", parts, 0 if m.group(2) else 1)  # 1.2.0-rc.1 comes before 1.2.0
    return None


def compare_versions(a: Any, b: Any) -> int | None:
    """-1, 0 or 1 as version `a` is older than, the same as or newer than `b`; None if either is
    not a version or they are of different kinds (an API version against a dotted one)."""
    ka, kb = version_key(a), version_key(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return None
    pa, pb = ka[1], kb[1]
    width = max(len(pa), len(pb))
    pa, pb = pa + (0,) * (width - len(pa)), pb + (0,) * (width - len(pb))
    left, right = (pa, ka[2]), (pb, kb[2])
    return (left > right) - (left < right)


# --- TLS -------------------------------------------------------------------------------------

# each optional part carries its own leading spaces: `\s*v?\s*` backtracks quadratically on a long
# run of spaces, `(?:\s*v)?\s*` reads the same names in linear time
_TLS_NAMED = pattern(r"^(?:tls|ssl)(?:\s*v)?\s*1(?:\s*[._])?\s*([0-3])$", re.IGNORECASE)
_TLS_BARE = pattern(r"^v?1[._]([0-3])$", re.IGNORECASE)


def tls_version(value: Any) -> str | None:
    """'1.0'..'1.3' for a TLS version in any spelling (TLS1_2, 1.2, Tls12, TLSv1_2); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        value = f"{float(value):.1f}"
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _TLS_NAMED.match(text) or _TLS_BARE.match(text)
    return f"1.{m.group(1)}" if m else None


# --- addresses -------------------------------------------------------------------------------

ANY_TAGS = frozenset({"*", "any", "internet"})


@functools.cache
def _whole() -> tuple:
    import ipaddress
    return ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")


@functools.cache
def _not_public() -> tuple:
    """Address space that is not reachable from the internet (RFC 1918, shared, loopback,
    link-local, unique local, documentation and the unspecified address)."""
    import ipaddress
    return tuple(ipaddress.ip_network(n) for n in (
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
        "169.254.0.0/16", "0.0.0.0/32", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",
        "::1/128", "::/128", "fc00::/7", "fe80::/10", "2001:db8::/32"))


def networks(prefix: Any) -> list | None:
    """The networks a prefix names: a CIDR, an address, or a range `a-b` (as CIDR blocks);
    [] for a service tag; None for what is not an address prefix at all."""
    if not isinstance(prefix, str):
        return None
    text = prefix.strip()
    if not text:
        return None
    if text.lower() in ANY_TAGS:
        return list(_whole())
    if not (text[0].isdigit() or ":" in text):
        return [] if re.fullmatch(r"[A-Za-z][A-Za-z0-9.\-]*", text) else None  # a service tag
    import ipaddress
    try:
        if "-" in text and "/" not in text:
            lo, hi = (ipaddress.ip_address(p.strip()) for p in text.split("-", 1))
            if lo.version != hi.version or hi < lo:
                return None
            return list(ipaddress.summarize_address_range(lo, hi))
        return [ipaddress.ip_network(text, strict=False)]
    except ValueError:
        return None


def _items(value: Any) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, str) and "," in value:
        return value.split(",")
    return [value]


def admits_internet(value: Any) -> bool | None:
    """Whether a prefix (or a list of them) lets in any address on the internet: `*`, `Any`,
    `Internet`, `0.0.0.0/0`, `::/0`, `0.0.0.0-255.255.255.255` (also as several prefixes that
    together cover everything). None if nothing is readable."""
    found: list = []
    readable = False
    for item in _items(value):
        nets = networks(item)
        if nets is None:
            continue
        readable = True
        if isinstance(item, str) and item.strip().lower() in ANY_TAGS:
            return True
        found.extend(nets)
    import ipaddress
    for version in (4, 6):
        same = [n for n in found if n.version == version]
        if any(n.prefixlen == 0 for n in ipaddress.collapse_addresses(same)):
            return True
    return False if readable else None


def _network_is_public(net) -> bool:
    return not any(net.version == p.version and net.subnet_of(p) for p in _not_public())


def admits_public(value: Any) -> bool | None:
    """Whether a prefix (or a list of them) includes any public (internet-routable) address:
    `*`, `Any`, `Internet`, or an address range outside the private and reserved ranges. Service
    tags other than those (VirtualNetwork, AzureLoadBalancer, AzureCloud...) do not count."""
    readable = False
    for item in _items(value):
        nets = networks(item)
        if nets is None:
            continue
        readable = True
        if any(_network_is_public(n) for n in nets):
            return True
    return False if readable else None


def address_covers(value: Any, address: str) -> bool | None:
    """Whether a prefix (or a list of them) includes `address`. `*` and `Any` include every
    address; `Internet` every public one. None if nothing is readable."""
    import ipaddress
    target = ipaddress.ip_address(address)
    readable = False
    for item in _items(value):
        nets = networks(item)
        if nets is None:
            continue
        readable = True
        tag = item.strip().lower() if isinstance(item, str) else ""
        if tag == "internet":
            if _network_is_public(ipaddress.ip_network(target)):
                return True
            continue
        if any(target.version == n.version and target in n for n in nets):
            return True
    return False if readable else None


# --- ports -----------------------------------------------------------------------------------

def port_ranges(spec: Any) -> list | None:
    """(low, high) ranges of a port spec: `*`, `22`, `20-30`, `22,3389`, a number, or a list of
    these. None if nothing is readable."""
    out = []
    for item in _items(spec):
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            out.append((item, item))
            continue
        if not isinstance(item, str):
            continue
        text = item.strip()
        if text == "*":
            out.append((0, 65535))
            continue
        lo, sep, hi = text.partition("-")
        try:
            out.append((int(lo), int(hi if sep else lo)))
        except ValueError:
            continue
    return out or None


def ports_cover(spec: Any, ports: list) -> bool | None:
    ranges = port_ranges(spec)
    if ranges is None:
        return None
    return any(lo <= p <= hi for p in ports for lo, hi in ranges)


# --- dates -----------------------------------------------------------------------------------

def moment(value: Any) -> datetime | None:
    """A date-time (UTC) from an ISO 8601 date or date-time, or Unix epoch seconds."""
    from datetime import date, datetime, timezone
    if isinstance(value, datetime):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{9,11}", text):
        return moment(int(text))
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)  # .NET writes 7 fractional digits
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def days_between(a: Any, b: Any) -> float | None:
    """Days from `a` to `b` (negative when `b` is earlier); None if either is not a date."""
    ma, mb = moment(a), moment(b)
    if ma is None or mb is None:
        return None
    return (mb - ma).total_seconds() / 86400


def now() -> datetime:
    from ..source.files import clock
    clock()  # a result that depends on today is never reused (result cache, replay)
    from datetime import datetime, timezone
    return datetime.now(timezone.utc)
