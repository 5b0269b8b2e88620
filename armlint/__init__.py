"""armlint: a linter and policy checker for Azure Resource Manager templates and Bicep files.

The library API (`lint_paths`, `lint_text`, `LintOptions`...) is re-exported from `armlint.api`,
imported on first use so that the command line pays only for what it runs.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "lint_paths", "lint_text", "LintOptions", "Linter", "RunResult",
           "FileResult", "Finding", "Location", "ParameterFileError", "load_parameter_values"]


def __getattr__(name: str):
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'armlint' has no attribute {name!r}")
