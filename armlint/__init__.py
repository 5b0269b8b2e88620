"""armlint: a linter and policy checker for Azure Resource Manager templates and Bicep files."""

__version__ = "0.1.0"
