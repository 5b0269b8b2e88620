"""Names that say a value is a secret (password, pwd, secret, accountKey...), as arm-ttk and the
Bicep linter read them; shared by the parameter and output rules. A naming heuristic, not a fact
about a template.
"""
from __future__ import annotations

import re

from ..source.lazy import pattern

# The words arm-ttk and the Bicep linter read as "this holds a secret".
_SECRET_WORD = pattern(r"password|passwd|pwd|secret|accountkey|acctkey", re.IGNORECASE)
# A last word that says the name is about a secret, not the secret itself: keyVaultSecretName,
# passwordLength, secretsPermissions, adminPasswordSecretUri, secretRotationInterval...
ABOUT_SECRET = {
    "name", "names", "uri", "uris", "url", "urls", "id", "ids", "version", "versions",
    "permission", "permissions", "perms", "length", "policy", "policies", "expiry", "expiration",
    "expires", "days", "date", "time", "type", "types", "rotation", "interval", "provider",
    "enabled", "enable", "disabled", "required", "reference", "ref", "store", "path", "file",
    "location", "prefix", "suffix", "count", "complexity", "reset", "authentication", "auth",
    "mode", "kind", "identifier", "label", "tag", "tags", "format", "rule", "rules", "setting",
    "settings", "config", "configuration", "source", "scope", "option", "options", "list",
    "folder", "vault", "keyvault", "property", "properties", "field", "user", "username",
}
_WORDS = pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def words(name: str) -> list[str]:
    """camelCase, PascalCase, snake_case and kebab-case names as lower-case words."""
    return [w.lower() for w in _WORDS.findall(name)]


def secret_like_name(name: str) -> bool:
    """The name says the value is a secret: it contains password, pwd, secret, accountKey... and
    does not end in a word that makes it a name, URI, version, length or setting of a secret."""
    if not isinstance(name, str) or not _SECRET_WORD.search(name):
        return False
    parts = words(name)
    if not parts or parts[-1] in ABOUT_SECRET:
        return False
    # nonSecretSettings, noPassword: the name says it is not a secret
    return not any(parts[i] in ("non", "no", "not") and _SECRET_WORD.match(parts[i + 1])
                   for i in range(len(parts) - 1))
