"""AL1002 template-schema-invalid: the `$schema` of each template of the file (inline nested
templates that declare one included) is one of the deployment template schemas Resource Manager
publishes, compared without regard to case. A Python rule only because the template context
evaluates every parameter and variable, which this rule does not need. A file's template without
any `$schema` (linted by its shape, see `linter.classify_json`) is reported at its top."""
from __future__ import annotations

from ..engine.items import TemplateContext
from ..engine.report import Report
from ..expr import parser

BASE = "https://schema.management.azure.com/schemas/"
EXPECTED = {
    "resourceGroup": BASE + "2019-04-01/deploymentTemplate.json#",
    "subscription": BASE + "2018-05-01/subscriptionDeploymentTemplate.json#",
    "managementGroup": BASE + "2019-08-01/managementGroupDeploymentTemplate.json#",
    "tenant": BASE + "2019-08-01/tenantDeploymentTemplate.json#",
}
KNOWN = {url.lower() for url in EXPECTED.values()} | \
    {(BASE + "2015-01-01/deploymentTemplate.json#").lower()}


MISSING = "the template has no $schema (it is linted as a template by its shape); add " \
    "\"$schema\": \"{expected}\""


def check(ctx: TemplateContext, report: Report) -> None:
    template = ctx.template
    key = template.raw.actual_key("$schema")
    if key is None and template.deployment is None:  # a file's template: nested ones may omit it
        first = next(iter(template.raw), None)  # where "$schema" belongs
        where = template.origin.child(first) if first is not None else template.origin
        report.at_origin(where, part="key", message=MISSING,
                         expected=EXPECTED.get(template.deployment_scope, EXPECTED["resourceGroup"]))
        return
    schema = template.raw.get("$schema")
    if key is None or not isinstance(schema, str) or parser.is_expression(schema):
        return
    if schema.lower() in KNOWN:
        return
    if schema.lower().startswith("http:"):
        reason = " (schemas are served over https)"
    elif not schema.endswith("#"):
        reason = " (the URL must end with #)"
    else:
        reason = ""
    report.at_origin(template.origin.child(key), schema=schema, reason=reason,
                     expected=EXPECTED.get(template.deployment_scope, EXPECTED["resourceGroup"]))
