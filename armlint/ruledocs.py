"""One page per rule, rendered from the documentation in its YAML file.

Owns: the Markdown page `armlint explain` prints and `armlint docs` writes: what the rule does,
why it matters, an example and what to use instead, its options, how to suppress it, its
equivalents in other tools, and references; and the catalogue table of the docs index and the
README.
"""
from __future__ import annotations

from .engine.catalogue import Rule


_BICEP_STARTS = ("resource ", "param ", "@", "var ", "module ", "output ", "targetScope", "metadata ",
                 "import ", "type ", "func ", "extension ", "using ", "existing ", "//", "#disable")


def _code_language(text: str) -> str | None:
    """`json` or `bicep` when the text is code, None when it is prose."""
    start = text.lstrip()
    if start.startswith(("{", "[", '"')):
        return "json"
    if start.startswith(_BICEP_STARTS):
        return "bicep"
    return None


def _section(title: str, text: str) -> list[str]:
    lang = _code_language(text)
    body = f"```{lang}\n{text.rstrip()}\n```" if lang else text.strip()
    return [f"## {title}", "", body, ""]


def render_page(rule: Rule) -> str:
    d = rule.docs or {}
    default = f"`{rule.level}`" if rule.enabled else f"`off (when enabled: {rule.level})`"
    if rule.enabled and not rule.enabled_bicep:
        default += " in ARM JSON; `off` in Bicep, as the Bicep linter has it"
    out = [f"# {rule.id} {rule.name}", "", f"**{rule.title}**", "",
           f"Default level: {default}  ", f"Applies to: {_applies(rule)}", ""]
    out += ["## What it does", "", d.get("what", "").strip(), ""]
    out += ["## Why is this bad?", "", d.get("why", "").strip(), ""]
    for key, title in (("example", "Example"), ("example_bicep", "Example (Bicep)"),
                       ("use_instead", "Use instead"), ("use_instead_bicep", "Use instead (Bicep)")):
        text = d.get(key)
        if not text or (key.endswith("_bicep") and text == d.get(key[:-len("_bicep")])):
            continue  # a Bicep-only rule names its one example twice
        out += _section(title, text)
    if rule.defaults or d.get("defaults"):
        from .engine.defaults import describe
        out += ["## Defaults assumed", ""]
        out += [f"- {describe(default)}" for default in rule.defaults]
        if d.get("defaults"):
            out += ([""] if rule.defaults else []) + [d["defaults"].strip()]
        out.append("")
    if d.get("notes"):
        out += ["## Notes", "", d["notes"].strip(), ""]
    if d.get("why_python"):
        out += ["## Why Python", "", d["why_python"].strip(), ""]
    if rule.options:
        out += ["## Options", ""]
        for name, default_value in rule.options.items():
            out.append(f"- `{name}` (default `{default_value}`): {rule.option_docs.get(name, '')}")
        out.append("")
    if rule.fix:
        out += ["## Quick fix", "", _fix_text(rule.fix), ""]
    out += ["## How to suppress", "",
            f"- On the command line: `--ignore {rule.id}` (or `--ignore {rule.name}`).",
            f"- In JSON with comments or Bicep, on the line before the finding: "
            f"`// armlint-disable-next-line {rule.id} -- reason` (in an editor running "
            f"`armlint server`, the code action \"Suppress {rule.id} on this line\" writes it).",
            ""]
    if rule.equivalents:
        out += ["## Equivalents in other tools", ""]
        out += [f"- `{e}`" for e in rule.equivalents] + [""]
    if d.get("peers"):
        out += ["## Differences from other tools", "", d["peers"].strip(), ""]
    if d.get("references"):
        out += ["## References", ""] + [f"- {r}" for r in d["references"]] + [""]
    return "\n".join(out).rstrip() + "\n"


def _fix_text(fix: dict) -> str:
    """What the quick fix an editor offers (`armlint server`) does, in words."""
    kind = fix["kind"]
    if kind == "replace-literal":
        what = (f"replaces the reported value with `{fix['json']}` (JSON) or `{fix['bicep']}` "
                f"(Bicep), when the value is written there as a literal (not an expression, a "
                f"variable or a parameter)")
        if fix.get("requires_parameter"):
            what += f" and the template declares a parameter named `{fix['requires_parameter']}`"
    elif kind == "string-to-boolean":
        what = 'writes the string `"true"` or `"false"` (any casing) as the boolean'
    else:
        what = ("removes the declaration the finding names: the JSON member with its comma, or "
                "the Bicep statement with its decorators")
    return f"Editors running `armlint server` offer \"{fix['title']}\": it {what}."


def _applies(rule: Rule) -> str:
    if rule.scope_kind == "resources" and rule.resource_types:
        return ", ".join(f"`{t}`" for t in rule.resource_types)
    if rule.scope_kind == "bicep":
        return "Bicep " + ", ".join(f"`{n}`" for n in rule.nodes) + " syntax"
    return {"resources": "every resource", "document": "the whole file",
            "template": "each template", "parameters": "each parameter",
            "variables": "each variable", "outputs": "each output",
            "parameter-file": "parameter files",
            "expressions": "each template expression"}.get(rule.scope_kind, rule.scope_kind)



GROUPS = {
    "0": "Tool (AL0)", "1": "Template structure (AL1)", "2": "Parameters and variables (AL2)",
    "3": "Expressions (AL3)", "4": "Resources (AL4)", "5": "Provider-specific (AL5)",
    "60": "Security: secrets and cross-service (AL60)", "61": "Security: Storage (AL61)",
    "62": "Security: Key Vault, Monitor, Defender for Cloud, Authorization, Automation, classic "
          "resources (AL62)",
    "63": "Security: App Service (AL63)", "64": "Security: databases and data services (AL64)",
    "65": "Security: network (AL65)", "66": "Security: compute and containers (AL66)",
    "67": "Security: other services (AL67)", "7": "Outputs (AL7)", "8": "Bicep source (AL8)",
}


def group_of(rule: Rule) -> str:
    """The catalogue section of a rule: its category, and for security rules its service pack."""
    if rule.category == "6":
        return GROUPS.get(rule.id[2:4], "Security (AL6)")
    return GROUPS.get(rule.category, f"Custom rules ({rule.category})")


def rules_table(rules: list[Rule], link: str | None = None) -> str:
    """The catalogue as Markdown tables, one per section (category; security rules by service);
    `link` formats a link to each page (`{id}.md`)."""
    out: list[str] = []
    current = None
    for r in rules:
        group = group_of(r)
        if group != current:
            current = group
            count = sum(1 for x in rules if group_of(x) == group)
            out += ([""] if out else []) + [f"### {group}", "",
                                            f"{count} rule{'s' if count != 1 else ''}.", "",
                                            "| ID | name | default level | languages | equivalents |",
                                            "| --- | --- | --- | --- | --- |"]
        rid = f"[{r.id}]({link.format(id=r.id)})" if link else r.id
        level = r.level if r.enabled else f"off ({r.level})"
        if r.enabled and not r.enabled_bicep:
            level += " (off in Bicep)"
        out.append(f"| {rid} | {r.name} | {level} | {', '.join(r.languages)} | "
                   f"{', '.join(f'`{e}`' for e in r.equivalents)} |")
    return "\n".join(out) + "\n"
