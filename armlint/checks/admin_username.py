"""AL6001 admin-username-literal: an administrator user name (`adminUsername`) written into the
template.

Reads the properties `_params_util.admin_entries` collects once per file (AL6001 and AL6002 share
them): in any casing, anywhere in a deployed resource (the `{"value": ...}` entries given to
nested deployments and Bicep modules included; a nested template's own resources are resources
of their own) and inside the values of variables (a variable named like the property is reported
where it is used). A value counts as written into the template when it is a literal string, or an
expression that reads no parameter (directly or through variables), calls nothing that depends on
the deployment, and has a known value, such as `[variables('adminUser')]` with a literal variable.
Empty strings are not reported.
"""
from __future__ import annotations

from ._params_util import USERNAME, written_admin_values


def check(ctx, rule):
    yield from written_admin_values(ctx["model"], USERNAME)
