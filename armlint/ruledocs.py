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
    default = rule.level if rule.enabled else f"off (when enabled: {rule.level})"
    out = [f"# {rule.id} {rule.name}", "", f"**{rule.title}**", "",
           f"Default level: `{default}`  ", f"Applies to: {_applies(rule)}", ""]
    out += ["## What it does", "", d.get("what", "").strip(), ""]
    out += ["## Why is this bad?", "", d.get("why", "").strip(), ""]
    for key, title in (("example", "Example"), ("example_bicep", "Example (Bicep)"),
                       ("use_instead", "Use instead"), ("use_instead_bicep", "Use instead (Bicep)")):
        text = d.get(key)
        if not text or (key.endswith("_bicep") and text == d.get(key[:-len("_bicep")])):
            continue  # a Bicep-only rule names its one example twice
        out += _section(title, text)
    if d.get("notes"):
        out += ["## Notes", "", d["notes"].strip(), ""]
    if rule.options:
        out += ["## Options", ""]
        for name, default_value in rule.options.items():
            out.append(f"- `{name}` (default `{default_value}`): {rule.option_docs.get(name, '')}")
        out.append("")
    out += ["## How to suppress", "",
            f"- On the command line: `--ignore {rule.id}` (or `--ignore {rule.name}`).",
            f"- In JSON with comments or Bicep, on the line before the finding: "
            f"`// armlint-disable-next-line {rule.id} -- reason`.", ""]
    if rule.equivalents:
        out += ["## Equivalents in other tools", ""]
        out += [f"- `{e}`" for e in rule.equivalents] + [""]
    if d.get("references"):
        out += ["## References", ""] + [f"- {r}" for r in d["references"]] + [""]
    return "\n".join(out).rstrip() + "\n"


def _applies(rule: Rule) -> str:
    if rule.scope_kind == "resources" and rule.resource_types:
        return ", ".join(f"`{t}`" for t in rule.resource_types)
    return {"resources": "every resource", "document": "the whole file",
            "template": "each template", "parameters": "each parameter",
            "variables": "each variable", "outputs": "each output",
            "parameter-file": "parameter files"}.get(rule.scope_kind, rule.scope_kind)



def rules_table(rules: list[Rule], link: str | None = None) -> str:
    """A Markdown table of the catalogue; `link` formats a link to each page (`{id}.md`)."""
    rows = ["| ID | name | default level | languages | equivalents |",
            "| --- | --- | --- | --- | --- |"]
    for r in rules:
        rid = f"[{r.id}]({link.format(id=r.id)})" if link else r.id
        level = r.level if r.enabled else f"off ({r.level})"
        rows.append(f"| {rid} | {r.name} | {level} | {', '.join(r.languages)} | "
                    f"{', '.join(f'`{e}`' for e in r.equivalents)} |")
    return "\n".join(rows) + "\n"
