"""Schema validation of armlint's own YAML files (rules and configuration), explained.

Owns: running a JSON Schema over a loaded document and turning its first error into what a person
needs: the path to report at (the unknown key itself for an unknown field), and a sentence that
names the field. jsonschema is imported here only, on first use (it costs about 60 ms to import).
"""
from __future__ import annotations

import json
from pathlib import Path

from .source.record import Record

_validators: dict[str, object] = {}


class Problem(Record):
    """The first way a document breaks its schema, and where."""
    __slots__ = _fields = ("pointer", "is_key", "message")

    def __init__(self, pointer: tuple, is_key: bool, message: str):
        self.pointer = pointer  # where in the document
        self.is_key = is_key  # report at the key at `pointer` rather than its value
        self.message = message


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
    if err.validator in ("oneOf", "anyOf") and err.context:
        # "is not valid under any of the given schemas" says nothing: explain the alternative
        # that got furthest into the value (a level's enum rather than "not an object")
        err = max(err.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
    where = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set(err.schema.get("properties", {}))
        extra = sorted(k for k in err.instance if k not in allowed)
        if extra:
            inside = f" in {dotted(where)}" if where else ""
            return Problem(where + (extra[0],), True, f"unknown {noun} '{extra[0]}'{inside} "
                           f"(known: {', '.join(sorted(allowed))})")
    label = f"`{dotted(where)}`: " if where else ""
    message = _enum_message(err.instance, err.validator_value) if err.validator == "enum" \
        else err.message
    return Problem(where, False, f"{label}{message}")


_LEVELS = ("error", "warning", "note", "off")


def _shown(value) -> str:
    return f"'{value}'" if isinstance(value, str) else json.dumps(value, default=str)


def _enum_message(value, allowed: list) -> str:
    """'warnin' is not a level; use error, warning, note or off."""
    words = [a for a in allowed if isinstance(a, str)]
    if {"error", "warning", "note"} <= set(words):
        words = [w for w in _LEVELS if w in words]
        noun = "a level"
    else:
        noun = "an allowed value"
    choices = ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else \
        (words[0] if words else "")
    return f"{_shown(value)} is not {noun}; use {choices}"


def dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)
