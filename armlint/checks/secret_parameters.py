"""AL2004 secret-parameter-not-secure: a string or object parameter whose name says it holds a
secret (password, pwd, secret, accountKey...) but whose type is not secure.

Names that are about a secret rather than the secret itself are left alone: the last word decides
(`keyVaultSecretName`, `adminPasswordSecretUri`, `secretVersion`, `passwordLength`,
`secretsPermissions`), see `_params_util.secret_like_name`. Only string and object parameters can
be secure, so other types are not reported, and neither are parameters with allowedValues (a
value chosen from a list written in the template is no secret). In Bicep, the declared type must
be `string` or `object` (or an object type): a parameter typed by `resourceInput<...>` or an
imported type may be an array or a union the lowered template cannot tell apart.
"""
from __future__ import annotations

from ..engine.run import Hit
from ..bicep import syntax as S
from ._params_util import bicep_params, declaring_templates, decl_type, has_field, \
    secret_like_name


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        statements = bicep_params(t) if t.parent is None else {}
        for decl in t.parameters:
            ptype = decl_type(decl)
            if ptype in ("string", "object") and secret_like_name(decl.name) and \
                    not has_field(decl, "allowedValues") and \
                    _plain_bicep_type(statements.get(decl.name.lower())):
                secure = "secureString" if ptype == "string" else "secureObject"
                yield Hit(at=decl.origin, part="key",
                          bind={"param": decl.name, "type": ptype, "secure": secure})


def _plain_bicep_type(st) -> bool:
    """True outside Bicep, and for a Bicep `string`, `object` or object type (nullable too)."""
    if st is None:
        return True
    texpr = st.type
    while isinstance(texpr, (S.TypeNullable, S.TypeParen)):
        texpr = texpr.base if isinstance(texpr, S.TypeNullable) else texpr.inner
    return (isinstance(texpr, S.TypeRef) and texpr.name in ("string", "object")) or \
        isinstance(texpr, S.TypeObject)
