"""AL1002 template-schema-invalid: the `$schema` of each template of the file (inline nested
templates that declare one included) is one of the deployment template schemas Resource Manager
publishes, compared without regard to case. A Python rule only because the template context
evaluates every parameter and variable, which this rule does not need."""
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


def check(ctx: TemplateContext, report: Report) -> None:
    template = ctx.template
    key = template.raw.actual_key("$schema")
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
