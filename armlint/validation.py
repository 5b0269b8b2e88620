"""Schema validation of armlint's own YAML files (rules and configuration), explained.

Owns: running a JSON Schema over a loaded document and turning its first error into what a person
needs: the path to report at (the unknown key itself for an unknown field), and a sentence that
names the field. jsonschema is imported here only, on first use (it costs about 60 ms to import).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

_validators: dict[str, object] = {}


@dataclass(frozen=True)
class Problem:
    pointer: tuple  # where in the document
    is_key: bool  # report at the key at `pointer` rather than its value
    message: str


def first_problem(schema_path: Path, data, noun: str = "field") -> Problem | None:
    """The first schema error of `data`, explained; None when it is valid."""
    validator = _validators.get(str(schema_path))
    if validator is None:
        import jsonschema
        validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text("utf-8")))
        _validators[str(schema_path)] = validator
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    err = errors[0]
    where = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set(err.schema.get("properties", {}))
        extra = sorted(k for k in err.instance if k not in allowed)
        if extra:
            inside = f" in {dotted(where)}" if where else ""
            return Problem(where + (extra[0],), True, f"unknown {noun} '{extra[0]}'{inside} "
                           f"(known: {', '.join(sorted(allowed))})")
    label = f"`{dotted(where)}`: " if where else ""
    return Problem(where, False, f"{label}{err.message}")


def dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)
