"""Parameter files: the values a `deploymentParameters` JSON file or a `.bicepparam` file gives.

Owns: reading a parameter file a template is linted with (`--parameters`, the configuration's
mapping, `--auto-parameters`) into plain values. A file that cannot be used is a usage error
(`ParameterFileError`, exit code 2) whose message names the file, line and column.
"""
from __future__ import annotations

from collections import namedtuple
from pathlib import Path

from .source.files import DEFAULT_MAX_BYTES, Confinement, ReadRefused, read_file
from .source.text import DecodeError, decode


class ParameterFileError(Exception):
    """A parameter file that cannot be used: a usage error, reported with its position."""


ParameterSource = namedtuple("ParameterSource", "values doc")
ParameterSource.__doc__ = """A parameter file read: its values, and its document (a JSONC document,
or a BicepDocument for a .bicepparam), where a finding about a name it gives is located (a
collections.namedtuple: typing is not imported on the way of a cached run, issue 12)."""


def load_parameter_values(path: Path, confinement: Confinement | None = None,
                          max_bytes: int = DEFAULT_MAX_BYTES, loader=None) -> dict:
    """The values a parameter file gives: a deploymentParameters JSON file (taken literally), or
    a .bicepparam file (its expressions evaluated). A file a configuration names or one found
    beside a template must lie inside `confinement`; one named on the command line is trusted.
    `loader` (a Bicep ModuleLoader) says where the files a .bicepparam names may lie."""
    return read_parameter_file(path, confinement, max_bytes, loader).values


def read_parameter_file(path: Path, confinement: Confinement | None = None,
                        max_bytes: int = DEFAULT_MAX_BYTES, loader=None) -> ParameterSource:
    """`load_parameter_values`, with the document the values were read from."""
    from .model.build import parameter_file_values
    try:
        if confinement is not None:
            confinement.check(path)
        decoded = decode(read_file(path, max_bytes))
    except ReadRefused as exc:
        raise ParameterFileError(f"{path}: the parameter file is not read: {exc.reason}") from None
    except DecodeError as exc:
        raise ParameterFileError(f"{path}:{exc.line}:{exc.col}: {exc.message}") from None
    if path.suffix.lower() == ".bicepparam":
        return _bicepparam_values(path, decoded.text, loader)
    from .source import jsonc
    doc = jsonc.load(decoded.text)
    if not doc.ok:
        span = doc.error_span()
        raise ParameterFileError(f"{path}:{span.start_line}:{span.start_col}: {doc.error.message}")
    if not isinstance(doc.value, dict) or not isinstance(doc.value.get("parameters"), dict):
        raise ParameterFileError(f"{path}: not a parameter file (no \"parameters\" object)")
    return ParameterSource(parameter_file_values(doc.value), doc)


def _bicepparam_values(path: Path, text: str, loader=None) -> ParameterSource:
    from .bicep.document import BicepDocument
    from .bicep.lower import lower_parameter_file
    from .bicep.parser import parse
    from .expr.evaluate import EvalContext, TemplateScope, resolve
    doc = BicepDocument(text, parse(text), path)
    if doc.tree.diagnostics:
        d = doc.tree.diagnostics[0]
        span = doc.lines.span(d.start, d.end)
        raise ParameterFileError(f"{path}:{span.start_line}:{span.start_col}: {d.message}")
    params = lower_parameter_file(doc, loader).get("parameters") or {}
    ctx = EvalContext(TemplateScope(None, None))
    return ParameterSource({name: resolve(entry.get("value"), None, ctx)
                          for name, entry in params.items()}, doc)
