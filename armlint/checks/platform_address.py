"""AL5007 vm-agent-platform-address-blocked: explicit blocks of 168.63.129.16.

Network security group rules are read from the resolved view (inline `securityRules` and
`securityRules` resources). Scripts are read from custom script extensions (`commandToExecute`,
`script`, in `settings` or `protectedSettings`), run commands (`source.script`) and the VM's
`customData`/`userData` (base64, decoded when the value is known). A script command counts only
when it drops or rejects outbound traffic to the address; allow rules, FORWARD-chain rules (which
stop containers, not the host agent) and inbound rules are left alone.
"""
from __future__ import annotations

import binascii
import re

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.values import Unknown
from ..source.lazy import pattern

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

_IP = pattern(r"168\.63\.129\.16(?:/32)?(?![\d.])")

# Each detector reads one shell or PowerShell command (the text up to a line break or command
# separator, lower-cased) and says whether it blocks outbound traffic to the platform address.
# They are written as searches for plain words from a position, each linear in the command, and
# never as one pattern with several lazy gaps and lookaheads: those backtracked for seconds on a
# long commandToExecute.
_IPTABLES = pattern(r"(?:ip6?tables|firewall-cmd)\b")
_OUTPUT = pattern(r"\boutput\b")
_DESTINATION = pattern(r"(?:-d|--destination)\s+168\.63\.129\.16(?:/32)?(?![\d.])")
_JUMP = pattern(r"(?:-j|--jump)\s+(?:drop|reject)\b")
_NFT = pattern(r"\bnft\b")
_DADDR = pattern(r"\bip\s+daddr\s+168\.63\.129\.16(?:/32)?(?![\d.])")
_DROP = pattern(r"\b(?:drop|reject)\b")
_UFW = pattern(r"\bufw\s+(?:insert\s+\d+\s+)?(?:deny|reject)\s+out\b")
_UFW_TO = pattern(r"\bto\s+168\.63\.129\.16(?:/32)?(?![\d.])")
_NETSH = pattern(r"\bnetsh\s+advfirewall\s+firewall\s+add\s+rule\b")
_DIR_OUT = pattern(r"\bdir=out\b")
_ACTION_BLOCK = pattern(r"\baction=block\b")
_REMOTE_IP = pattern(r"\bremoteip=(\S*)")
_NEW_RULE = pattern(r"\bnew-netfirewallrule\b")
_OUTBOUND = pattern(r"-direction\s+['\"]?outbound")
_BLOCK = pattern(r"-action\s+['\"]?block")
_REMOTE_ADDRESS = pattern(r"-remoteaddress\s+")
_ADDRESS = "168.63.129.16"


def _after(pattern: re.Pattern, command: str, pos: int) -> bool:
    return pattern.search(command, pos) is not None


def _iptables(command: str) -> bool:
    tool = _IPTABLES.search(command)
    if tool is None:
        return False
    # -A, -I, --append, --insert, --add-rule: each holds '-a' or '-i' (case-insensitively)
    adds = [at for at in (command.find("-a", tool.end()), command.find("-i", tool.end()))
            if at >= 0]
    if not adds:
        return False
    chain = _OUTPUT.search(command, min(adds) + 2)
    return chain is not None and _after(_DESTINATION, command, chain.end()) and \
        _after(_JUMP, command, chain.end())


def _nft(command: str) -> bool:
    tool = _NFT.search(command)
    chain = _OUTPUT.search(command, tool.end()) if tool else None
    return chain is not None and _after(_DADDR, command, chain.end()) and \
        _after(_DROP, command, chain.end())


def _ufw(command: str) -> bool:
    last = -1
    for m in _UFW_TO.finditer(command):
        last = m.start()
    return any(m.end() <= last for m in _UFW.finditer(command))


def _netsh(command: str) -> bool:
    tool = _NETSH.search(command)
    if tool is None:
        return False
    end = tool.end()
    return _after(_DIR_OUT, command, end) and _after(_ACTION_BLOCK, command, end) and \
        any(_ADDRESS in m.group(1) for m in _REMOTE_IP.finditer(command, end))


def _new_net_firewall_rule(command: str) -> bool:
    tool = _NEW_RULE.search(command)
    if tool is None:
        return False
    end = tool.end()
    address = _REMOTE_ADDRESS.search(command, end)
    return _after(_OUTBOUND, command, end) and _after(_BLOCK, command, end) and \
        address is not None and command.find(_ADDRESS, address.end()) >= 0


_SEPARATORS = pattern(r"[\n;&|]")
_POWERSHELL_SEPARATORS = pattern(r"[\n;|]")  # '&' is PowerShell's call operator

# (tool, separators of one command, detector)
_COMMAND_DETECTORS = [
    ("iptables", _SEPARATORS, _iptables),
    ("nft", _SEPARATORS, _nft),
    ("ufw", _SEPARATORS, _ufw),
    ("netsh", _SEPARATORS, _netsh),
    ("New-NetFirewallRule", _POWERSHELL_SEPARATORS, _new_net_firewall_rule),
]


def blocking_tool(text: str) -> str | None:
    """The tool of the first command in a script that blocks outbound traffic to
    168.63.129.16, or None."""
    low = text.lower()
    for tool, separators, detects in _COMMAND_DETECTORS:
        if any(_ADDRESS in command and detects(command) for command in separators.split(low)):
            return tool
    return None


_SCRIPT_PATHS = (
    ("properties", "settings", "commandToExecute"),
    ("properties", "protectedSettings", "commandToExecute"),
    ("properties", "settings", "script"),
    ("properties", "protectedSettings", "script"),
    ("properties", "source", "script"),
)
_VM_DATA_PATHS = (
    ("properties", "osProfile", "customData"),
    ("properties", "userData"),
    ("properties", "virtualMachineProfile", "osProfile", "customData"),
    ("properties", "virtualMachineProfile", "userData"),
)


def check(ctx: ResourceContext, report: Report) -> None:
    rtype = ctx.type.lower()
    resource = ctx.view
    if rtype == "microsoft.network/networksecuritygroups":
        rules = _get(resource, ("properties", "securityRules"))
        if isinstance(rules, list):
            for i, sec_rule in enumerate(rules):
                _nsg_rule(sec_rule, f"resource.properties.securityRules[{i}]", ctx, report)
    elif rtype == "microsoft.network/networksecuritygroups/securityrules":
        _nsg_rule(resource, "resource", ctx, report)
    elif rtype in ("microsoft.compute/virtualmachines", "microsoft.compute/virtualmachinescalesets"):
        for path in _VM_DATA_PATHS:
            _script(_decode_base64(_get(resource, path)), path, ctx, report)
        inline = _get(resource, ("properties", "virtualMachineProfile", "extensionProfile",
                                 "extensions"))
        if isinstance(inline, list):
            for i, ext in enumerate(inline):
                for path in _SCRIPT_PATHS:
                    value = _get(ext, path)
                    if path[-1] == "script":
                        value = _decode_base64(value, keep=True)
                    prefix = ("properties", "virtualMachineProfile", "extensionProfile",
                              "extensions", i)
                    _script(value, prefix + path, ctx, report)
    else:
        for path in _SCRIPT_PATHS:
            value = _get(resource, path)
            if path[-1] == "script" and path[1] != "source":
                value = _decode_base64(value, keep=True)
            _script(value, path, ctx, report)


def _get(obj: Any, path: tuple) -> Any:
    for key in path:
        if isinstance(obj, dict):
            obj = obj.get(key)
        elif isinstance(obj, list) and isinstance(key, int) and 0 <= key < len(obj):
            obj = obj[key]
        else:
            return None
    return obj


def _path_text(path: tuple) -> str:
    out = "resource"
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else f".{key}"
    return out


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _covers(prefixes: list) -> bool:
    import ipaddress
    for prefix in prefixes:
        if not isinstance(prefix, str) or isinstance(prefix, Unknown):
            continue
        text = prefix.strip()
        if not text or not text[0].isdigit():
            continue  # '*', 'Internet', 'VirtualNetwork' and other tags
        try:
            if ipaddress.ip_address(_ADDRESS) in ipaddress.ip_network(text, strict=False):
                return True
        except ValueError:
            continue
    return False


def _covers_port(ranges: list, ports: list) -> bool:
    if not ranges:
        return True  # no port restriction written: every port
    for spec in ranges:
        if isinstance(spec, Unknown):
            continue
        text = str(spec).strip()
        if text == "*":
            return True
        lo, sep, hi = text.partition("-")
        try:
            low, high = int(lo), int(hi if sep else lo)
        except ValueError:
            continue
        if any(low <= p <= high for p in ports):
            return True
    return False


def _text(value: Any) -> str | None:
    return value.lower() if isinstance(value, str) and not isinstance(value, Unknown) else None


def _nsg_rule(sec_rule: Any, path: str, ctx, report: Report) -> None:
    props = _get(sec_rule, ("properties",))
    if not isinstance(props, dict) or _text(props.get("access")) != "deny":
        return
    direction = _text(props.get("direction"))
    rule_name = sec_rule.get("name") if isinstance(sec_rule, dict) else None
    label = f"security rule '{rule_name}'" if isinstance(rule_name, str) else "a security rule"
    if direction == "outbound":
        prefixes = _as_list(props.get("destinationAddressPrefix")) + \
            _as_list(props.get("destinationAddressPrefixes"))
        ports = _as_list(props.get("destinationPortRange")) + \
            _as_list(props.get("destinationPortRanges"))
        wanted = [int(p) for p in ctx.options.get("ports", [80, 32526, 53])]
        if _covers(prefixes) and _covers_port(ports, wanted):
            at = [f"{path}.properties.destinationAddressPrefix",
                  f"{path}.properties.destinationAddressPrefixes"]
            report.at_path(*at, message=(
                "{security_rule} denies outbound traffic to 168.63.129.16, the Azure platform "
                "address the VM agent and DNS use; don't deny it (platform traffic is exempt from "
                "deny-all rules)"), security_rule=label)
    elif direction == "inbound":
        prefixes = _as_list(props.get("sourceAddressPrefix")) + \
            _as_list(props.get("sourceAddressPrefixes"))
        if _covers(prefixes):
            at = [f"{path}.properties.sourceAddressPrefix",
                  f"{path}.properties.sourceAddressPrefixes"]
            report.at_path(*at, message=(
                "{security_rule} denies inbound traffic from 168.63.129.16, the Azure platform "
                "address that load balancer health probes come from"), security_rule=label)


def _decode_base64(value: Any, keep: bool = False) -> Any:
    """The text of a base64 value (customData, userData, a script), or None if it is not."""
    if not isinstance(value, str) or isinstance(value, Unknown):
        return None
    import base64  # here, as ipaddress below: most files have nothing to decode (issue 12)
    try:
        return base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return value if keep else None


def _script(text: Any, path: tuple, ctx, report: Report) -> None:
    if not isinstance(text, str) or isinstance(text, Unknown) or "168.63.129.16" not in text:
        return
    tool = blocking_tool(text)
    if tool is not None:
        report.at_path(_path_text(path), message=(
            "{property} runs a command ({tool}) that blocks outbound traffic to "
            "168.63.129.16; the VM agent needs that address (ports 80 and 32526) to report "
            "status and run extensions"), property=path[-1], tool=tool)
