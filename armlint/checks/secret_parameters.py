"""AL2004 secret-parameter-not-secure: a string or object parameter whose name says it holds a
secret (password, pwd, secret, accountKey...) but whose type is not secure.

Names that are about a secret rather than the secret itself are left alone: the last word decides
(`keyVaultSecretName`, `adminPasswordSecretUri`, `secretVersion`, `passwordLength`,
`secretsPermissions`), see `_secret_names.secret_like_name`. Only string and object parameters can
be secure, so other types are not reported, and neither are parameters with allowedValues (a
value chosen from a list written in the template is no secret). In Bicep, the declared type must
be `string` or `object` (or an object type): a parameter typed by `resourceInput<...>` or an
imported type may be an array or a union the lowered template cannot tell apart.
"""
from __future__ import annotations

from ..engine.items import ParameterContext
from ..engine.report import Report
from ._secret_names import secret_like_name


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    ptype = decl.declared_type
    if ptype in ("string", "object") and secret_like_name(decl.name) and \
            not decl.has_field("allowedValues") and _plain_bicep_type(decl.bicep_statement):
        secure = "secureString" if ptype == "string" else "secureObject"
        report.at_origin(decl.origin, part="key", param=decl.name, type=ptype, secure=secure)


def _plain_bicep_type(st) -> bool:
    """True outside Bicep, and for a Bicep `string`, `object` or object type (nullable too)."""
    if st is None:
        return True
    from ..bicep import syntax as S
    texpr = st.type
    while isinstance(texpr, (S.TypeNullable, S.TypeParen)):
        texpr = texpr.base if isinstance(texpr, S.TypeNullable) else texpr.inner
    return (isinstance(texpr, S.TypeRef) and texpr.name in ("string", "object")) or \
        isinstance(texpr, S.TypeObject)
