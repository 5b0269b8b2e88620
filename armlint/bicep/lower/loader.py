"""Bicep modules and the files they name, loaded once per run.

Owns: `ModuleLoader`, which parses and lowers each Bicep file once (whether it is linted or used
as a local module), reads JSON modules as they are, finds module cycles, reads an editor's unsaved
text instead of the file and records which module files a lint read; and `default_confinement`,
the folders a Bicep file may name files in when no run says otherwise.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from armlint.bicep.document import BicepDocument
from armlint.source.cidict import CIDict
from armlint.source.files import Confinement, ReadRefused, project_root, read_file

class ModuleLoader:
    """Parses and lowers each Bicep file once per run, whether it is linted itself or used as a
    local module by another file (JSON modules are read as they are). `confinement_for(path)`
    gives the folders the files a Bicep file names (modules, load*() files) may lie in.
    `unsaved` maps absolute paths to the text an editor holds for them, read instead of the file;
    `read` is the set of module files loaded (absolute paths)."""

    def __init__(self, confinement_for: Callable[[Path | None], Confinement] | None = None,
                 unsaved: dict[str, str] | None = None):
        self._cache: dict[str, Any] = {}
        self._loading: set[str] = set()
        self.confinement_for = confinement_for or default_confinement
        self.unsaved = unsaved or {}
        self.read: set[str] = set()

    def load(self, path: Path) -> Any | None:
        """The template of a module file (its `origin` names the file's document), or None for a
        module that reaches itself. Raises ReadRefused for a file that cannot be read."""
        key = os.path.abspath(path)
        if key in self._cache:
            return self._cache[key]
        if key in self._loading:
            return None  # a cycle
        self._loading.add(key)
        self.read.add(key)
        try:
            value = self._read(path)
        finally:
            self._loading.discard(key)
        self._cache[key] = value
        return value

    def lowered(self, path: Path | None, text: str) -> tuple[BicepDocument, CIDict]:
        """The document and template of a Bicep file being linted, shared with its module uses."""
        key = os.path.abspath(path) if path is not None else None
        cached = self._cache.get(key) if key else None
        if cached is not None and cached.origin.doc.text == text:
            return cached.origin.doc, cached
        from armlint.bicep.parser import parse
        from armlint.bicep.lower import lowerer
        from armlint.expr.values import Origin
        doc = BicepDocument(text, parse(text), path)
        if key:
            self._loading.add(key)
        try:
            value = lowerer.lower_template(doc, self)
        finally:
            if key:
                self._loading.discard(key)
        value.origin = Origin(doc, ())
        if key:
            self._cache[key] = value
        return doc, value

    def _read(self, path: Path) -> Any | None:
        from armlint.source import jsonc
        from armlint.source.text import DecodeError, decode
        from armlint.expr.values import Origin
        text = self.unsaved.get(os.path.abspath(path))
        try:
            if text is None:
                text = decode(read_file(path)).text
        except DecodeError as exc:
            raise ReadRefused(exc.message) from None
        if path.suffix.lower() == ".bicep":
            from armlint.bicep.parser import parse
            from armlint.bicep.lower import lowerer
            doc = BicepDocument(text, parse(text), path)
            value = lowerer.lower_template(doc, self)
        else:
            doc = jsonc.load(text)
            value = doc.value if doc.ok and isinstance(doc.value, dict) else None
            if value is None:
                return None
            doc.path = path
            value = CIDict(value)
        value.origin = Origin(doc, ())
        return value


_confinements: dict[str, Confinement] = {}


def default_confinement(path: Path | None) -> Confinement:
    """The project of a Bicep file when no run says otherwise (a library caller, a test): its
    configuration folder or version-control root, else its own folder."""
    folder = os.path.dirname(os.path.abspath(path)) if path is not None else os.getcwd()
    found = _confinements.get(folder)
    if found is None:
        found = _confinements[folder] = Confinement([project_root(folder)])
    return found
