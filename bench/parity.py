"""Bicep/JSON parity over the Azure Verified Modules: the lowered `main.bicep` against the official
compiler's `main.json` beside it.

Usage: python bench/parity.py [--corpus ../shared/corpus] [--show N]

For every module folder with both files, compares
  resources  the multiset of (full type, API version, symbolic path) of every resource, nested
             deployments included; resources inside registry modules (`br:`/`ts:`) are left out
             of the JSON side, because armlint never fetches them for the Bicep side
  findings   the set of (rule ID, symbolic path of the resource) that every rule of both
             languages reports
and prints the table, the share of identical modules, and the differences by cause.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _identity(res, by_symbol: bool) -> str:
    if by_symbol and res.symbolic_name:
        return res.symbolic_name
    from armlint.expr.ast import canonical
    from armlint.expr.parser import ExpressionSyntaxError, is_expression, parse
    raw = res.raw.get("name")
    if isinstance(raw, str) and is_expression(raw):
        try:
            return canonical(parse(raw))
        except ExpressionSyntaxError:
            pass
    return str(raw)


def deployment_path(res, by_symbol: bool) -> tuple:
    """The identities of the nested deployments a resource sits in, outermost first: symbolic
    names where both files have them (languageVersion 2.0), else the deployment's name text."""
    path = []
    dep = res.template.deployment
    while dep is not None:
        path.append(_identity(dep, by_symbol))
        dep = dep.template.deployment
    return tuple(reversed(path))


def registry_deployments(model, by_symbol: bool) -> set:
    """Paths of module deployments without a template (registry modules)."""
    out = set()
    for res in model.resources:
        if res.type_key == "microsoft.resources/deployments" and res.nested_template is None:
            out.add(deployment_path(res, by_symbol) + (_identity(res, by_symbol),))
    return out


def _skipped(path: tuple, skip: set) -> bool:
    return any(path[:len(p)] == p for p in skip)


def resource_keys(model, skip: set, by_symbol: bool) -> collections.Counter:
    keys = collections.Counter()
    for res in model.resources:
        path = deployment_path(res, by_symbol)
        if res.existing or _skipped(path, skip):
            continue
        keys[(res.type.lower(), str(res.api_version), path)] += 1
    return keys


def finding_keys(model, rules, skip: set, by_symbol: bool) -> set:
    from armlint.engine.run import run_rules
    from armlint.model.views import resource_view
    by_view = {id(resource_view(r)): r for r in model.resources}
    out = set()
    for rf in run_rules(model, rules):
        rule = rf.rule if isinstance(rf.rule, str) else rf.rule.id
        res = None
        if isinstance(rf.anchor, dict) and "resource" in rf.anchor:
            res = by_view.get(id(rf.anchor["resource"]))
        if res is None:
            out.add((rule, "", ()))
            continue
        path = deployment_path(res, by_symbol)
        if not _skipped(path, skip):
            out.add((rule, res.type.lower(), path))
    return out


@dataclasses.dataclass
class ModuleParity:
    """One module folder: the resource keys and finding keys of each side."""

    folder: Path
    json_resources: collections.Counter
    bicep_resources: collections.Counter
    json_findings: set
    bicep_findings: set

    @property
    def same_resources(self) -> bool:
        return self.json_resources == self.bicep_resources

    @property
    def same_findings(self) -> bool:
        return self.json_findings == self.bicep_findings


def module_folders(corpus: Path) -> list[Path]:
    """Folders with a main.bicep and the compiler's main.json beside it (tests left out)."""
    return sorted(p.parent for p in Path(corpus).rglob("main.bicep")
                  if (p.parent / "main.json").exists() and "tests" not in p.parts)


def parity_rules(catalogue) -> list:
    """Every rule that judges resources in both languages (document rules read the text, which
    differs; a rule of one language has nothing to compare)."""
    return [r for r in catalogue.select(["ALL"]) if r.scope_kind != "document"
            and {"json", "bicep"} <= set(r.languages)]


def compare(folder: Path, rules, loader) -> ModuleParity:
    from armlint.bicep.document import BicepDocument
    from armlint.bicep.lower import lower_template
    from armlint.bicep.parser import parse
    from armlint.model.build import build_template_model
    from armlint.source import jsonc
    from armlint.source.text import decode
    jdoc = jsonc.load(decode((folder / "main.json").read_bytes()).text)
    jmodel = build_template_model(jdoc, jdoc.value)
    text = decode((folder / "main.bicep").read_bytes()).text
    bdoc = BicepDocument(text, parse(text), folder / "main.bicep")
    bmodel = build_template_model(bdoc, lower_template(bdoc, loader), language="bicep")
    by_symbol = False
    skip = registry_deployments(bmodel, by_symbol)
    return ModuleParity(folder, resource_keys(jmodel, skip, by_symbol),
                        resource_keys(bmodel, skip, by_symbol),
                        finding_keys(jmodel, rules, skip, by_symbol),
                        finding_keys(bmodel, rules, skip, by_symbol))


def module_loader(corpus: Path):
    from armlint.bicep.lower import ModuleLoader
    from armlint.source.files import Confinement
    root = Confinement([str(corpus)])  # the corpus is one project: modules may be anywhere in it
    return ModuleLoader(lambda path: root)


def main() -> int:
    from armlint.engine.loader import load_catalogue

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args()
    rules = parity_rules(load_catalogue())
    loader = module_loader(Path(args.corpus))
    folders = module_folders(Path(args.corpus))
    identical = 0
    causes: collections.Counter = collections.Counter()
    rows = []
    for folder in folders:
        m = compare(folder, rules, loader)
        jres, bres, jfind, bfind = (m.json_resources, m.bicep_resources, m.json_findings,
                                    m.bicep_findings)
        same = m.same_resources and m.same_findings
        identical += same
        if not same:
            missing = jres - bres
            extra = bres - jres
            for (t, api, path), n in list(missing.items())[:3]:
                causes[f"resource only in main.json: {t}"] += 1
            for (t, api, path), n in list(extra.items())[:3]:
                causes[f"resource only in main.bicep: {t}"] += 1
            for rule, rtype, path in jfind ^ bfind:
                side = "json" if (rule, rtype, path) in jfind else "bicep"
                causes[f"finding {rule} only in {side}"] += 1
            rows.append((folder.relative_to(args.corpus), sum(jres.values()), sum(bres.values()),
                         len(jfind), len(bfind), sorted(missing)[:2], sorted(extra)[:2]))
    total = len(folders)
    print(f"modules with main.bicep and main.json: {total}")
    print(f"identical (resources and findings): {identical} ({100 * identical / max(total, 1):.1f}%)")
    print("differences by cause:")
    for cause, n in causes.most_common(20):
        print(f"  {n:4}  {cause}")
    print(f"first {args.show} modules that differ (json resources, bicep resources, json findings, "
          f"bicep findings):")
    for row in rows[:args.show]:
        print(f"  {row[0]}: {row[1]} {row[2]} {row[3]} {row[4]}")
        for m in row[5]:
            print(f"      only json:  {m}")
        for m in row[6]:
            print(f"      only bicep: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
