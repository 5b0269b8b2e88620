"""What a rule assumes when a setting is not written: the resource provider's documented default.

Owns: evaluating a rule's `defaults` (see README "Writing a rule"): each names a setting the
conditions read, where it is read from, and the value the provider gives it when the template
does not, by API version. The value (written, or defaulted) is bound under the default's name;
`defaulted.<name>` says whether the default was used. An Unknown value stays Unknown, and so does
a default that depends on an API version armlint cannot know.
"""
from __future__ import annotations

from ..expr.values import Obj, Unknown
from .catalogue import Default  # noqa: F401 (the record: catalogue.py; here what it does)
from .readings import compare_versions

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def _when_absent(default: Default, api_version: Any) -> Any:
    candidates = []
    for before, value in default.absent:
        if before is None:
            candidates.append(value)
            break
        order = compare_versions(api_version, before) if isinstance(api_version, str) and \
            not isinstance(api_version, Unknown) else None
        if order is None:
            candidates.append(value)  # cannot tell: any of the remaining may apply
            continue
        if order < 0:
            candidates.append(value)
            break
    if candidates and all(c == candidates[0] for c in candidates):
        return candidates[0]
    if not candidates:
        return None
    return Unknown("", None, "the default depends on an API version that is not known")


def bind_defaults(defaults: tuple, ctx: Obj) -> None:
    """Bind each default's value into the rule's context (before `let`)."""
    flags = Obj()
    for d in defaults:
        value = d.value.search(ctx)
        flags[d.name] = False
        if value is None:
            api = d.api_version.search(ctx) if d.api_version is not None else ctx.get("api_version")
            value = _when_absent(d, api)
            flags[d.name] = value is not None and not isinstance(value, Unknown)
        ctx[d.name] = value
    ctx["defaulted"] = flags


def describe(d: Default) -> str:
    """One line for the rule page: what the rule assumes when the setting is not written."""
    parts = []
    previous = None
    for before, value in d.absent:
        shown = "not set (no default)" if value is None else f"`{_text(value)}`"
        if before is None:
            parts.append(f"{shown} from API version {previous} on" if previous else
                         f"{shown} whatever the API version")
        else:
            parts.append(f"{shown} with API versions before {before}")
        previous = before
    line = f"`{d.setting}` not written: armlint assumes " + ", ".join(parts) + "."
    if d.note:
        line += " " + d.note.strip()
    if d.source:
        line += f" Source: {d.source}"
    return line


def _text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)
