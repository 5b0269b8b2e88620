"""AL1005 expression-as-declaration-name: a parameter or variable whose name is written as a
template expression (`"[concat('a', 'b')]"`). Every template of the file is checked, inline nested
templates included; the finding is on the name."""
from __future__ import annotations

import re

from ..engine.items import TemplateContext
from ..engine.report import Report
from ..source.lazy import pattern

# The name starts with `[` and ends with `]`, white space around allowed (as arm-ttk reads it).
_EXPRESSION_NAME = pattern(r"^\s*\[.*\]\s*$", re.DOTALL)


def check(ctx: TemplateContext, report: Report) -> None:
    template = ctx.template
    for section, what in ((template.parameters, "parameter"), (template.variables, "variable")):
        for decl in section:
            if isinstance(decl.name, str) and _EXPRESSION_NAME.match(decl.name):
                report.at_origin(decl.origin, part="key", what=what, decl=decl.name)
