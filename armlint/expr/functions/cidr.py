"""Network functions: parseCidr, cidrSubnet, cidrHost.
"""
from __future__ import annotations

from ..evaluate import EvalError
from ..values import Obj, Unknown
from .args import int_arg, need, string_arg
from .registry import fn

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    import ipaddress
    from typing import Any


def _network(text: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    import ipaddress  # here: most templates call no network function (issue 12)
    return ipaddress.ip_network(string_arg(text), strict=False)


@fn("parseCidr", kind="object")
def _parse_cidr(args, node, ctx):
    need(args, 1, 1)
    net = _network(args[0])
    first, last = net.network_address, net.broadcast_address
    out = Obj(network=str(first), netmask=str(net.netmask))
    if net.version == 4:
        out["broadcast"] = str(last)
        if net.prefixlen >= 31:
            for field in ("firstUsable", "lastUsable"):
                out[field] = Unknown(f"parsecidr('{net}').{field.lower()}", "string",
                                     "the usable hosts of a /31 or /32 are not documented")
            out["cidr"] = net.prefixlen
            return out
        first, last = first + 1, last - 1  # the network and broadcast addresses are not usable
    # IPv6 has no broadcast: the whole range is usable (reference: fdad:3236:5555::/48).
    out["firstUsable"] = str(first)
    out["lastUsable"] = str(last)
    out["cidr"] = net.prefixlen
    return out


@fn("cidrSubnet", kind="string")
def _cidr_subnet(args, node, ctx):
    need(args, 3, 3)
    net = _network(args[0])
    prefix, index = int_arg(args[1]), int_arg(args[2])
    if not net.prefixlen <= prefix <= net.max_prefixlen or not 0 <= index < 2 ** (prefix - net.prefixlen):
        raise EvalError("cidrSubnet() out of range")
    start = type(net.network_address)(int(net.network_address) + (index << (net.max_prefixlen - prefix)))
    return f"{start}/{prefix}"


@fn("cidrHost", kind="string")
def _cidr_host(args, node, ctx):
    need(args, 2, 2)
    net = _network(args[0])
    index = int_arg(args[1])
    if net.version == 4 and net.prefixlen >= 31:
        raise EvalError("the usable hosts of a /31 or /32 are not documented")
    # Host 0 is the first address after the network address; IPv4 keeps its broadcast address.
    last_offset = net.num_addresses - (2 if net.version == 4 else 1)
    if not 0 <= index < last_offset:
        raise EvalError("cidrHost() index out of range")
    return str(net.network_address + index + 1)
