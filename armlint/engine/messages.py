"""Finding messages: a rule's template with named values inserted.

Owns: the message template language and its one renderer. A template is the rule author's text
(trusted); values come from templates being linted (not trusted). So:

* a template may only say `{name}` (an identifier) and `{{`/`}}` for literal braces; a format
  spec, an attribute or index access, a positional field or a lone brace is a template error,
  found when the rule loads (`placeholders`), never while a file is linted;
* values are inserted as they are, never formatted or parsed again: a resource named
  `{name.__class__}` or `{type:>300000000}` appears as written and costs its own length.
"""
from __future__ import annotations

import re

from ..model.shown import in_message

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any, Mapping

# The values every item of a scope kind gives its messages (rules bind the others).
STANDARD = {
    "resources": ("name", "type"),  # the display name and the full type
    "parameters": ("name", "type"),  # the declared name and type (lower case)
    "outputs": ("name", "type"),
    "variables": ("name",),
    "template": (),
    "parameter-file": (),
    "document": (),
    "expressions": (),
    "bicep": (),
}

# `{{`, `}}`, `{identifier}`, or any other brace (an error in a template).
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")


class MessageTemplateError(ValueError):
    """A message template that is not `{identifier}` placeholders and `{{`/`}}` escapes."""


class UnboundPlaceholder(KeyError):
    """A placeholder of the template that the rule gave no value for."""

    def __init__(self, name: str, template: str):
        super().__init__(name)
        self.name = name
        self.template = template

    def __str__(self) -> str:
        return f"the message uses {{{self.name}}}, which the rule does not bind"


def placeholders(template: str) -> list[str]:
    """The placeholder names of a template, in order (repeats kept out). Raises
    MessageTemplateError for anything but `{identifier}`, `{{` and `}}`."""
    found: list[str] = []
    for m in _TOKEN.finditer(template):
        token = m.group()
        if token in ("{{", "}}"):
            continue
        name = m.group(1)
        if name is None:
            raise MessageTemplateError(_bad_brace(template, m.start()))
        if name not in found:
            found.append(name)
    return found


def _bad_brace(template: str, at: int) -> str:
    end = template.find("}", at)
    shown = template[at:end + 1] if template[at] == "{" and 0 <= end - at < 40 else template[at]
    return (f"`{shown}` at character {at + 1} is not a placeholder: write `{{name}}` for a value "
            f"(no format spec, attribute or index), `{{{{` and `}}}}` for literal braces")


def render(template: str, values: Mapping[str, Any]) -> str:
    """The template with each `{name}` replaced by `values[name]` (a string) as it is (in a
    Bicep file's rules, with the ARM expressions of unknown values shown as Bicep: see
    `model.shown`). Raises UnboundPlaceholder for a name without a value and
    MessageTemplateError for a bad template."""
    parts: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        parts.append(template[pos:m.start()])
        pos = m.end()
        token = m.group()
        if token == "{{":
            parts.append("{")
        elif token == "}}":
            parts.append("}")
        elif m.group(1) is None:
            raise MessageTemplateError(_bad_brace(template, m.start()))
        else:
            name = m.group(1)
            if name not in values:
                raise UnboundPlaceholder(name, template)
            parts.append(in_message(values[name]))
    parts.append(template[pos:])
    return "".join(parts)
