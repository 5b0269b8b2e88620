"""Bicep modules and the files they name, loaded once per run.

Owns: `ModuleLoader`, which parses and lowers each Bicep file once (whether it is linted or used
as a local module), reads JSON modules as they are, finds module cycles, reads an editor's unsaved
text instead of the file and records which module files a lint read; and `default_confinement`,
the folders a Bicep file may name files in when no run says otherwise.

Memory: without a plan a loader keeps every file it lowered (an editor's session, a library
caller), the last text of each: when a file's text changes, its old template is freed at once
unless a kept template holds it as a module. A run gives it a plan (`plan`): for each file named as a module, the position of the last
of the run's files that names it or is it; after each file the run calls `release(position)` and
the loader forgets the files no later file needs. A file lowered for itself and named by no file
is forgotten as soon as it is done, a shared module (one the tests of a hundred folders use) only
after its last user: memory stays the size of a folder's modules, not of the run, and no module
is lowered twice (unless the plan missed a use, which costs only the time to lower it again).
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
        self._keep_until: dict[str, int] | None = None  # see plan()
        self._loading: set[str] = set()
        self._lowering: list[list[str]] = []  # the modules each file being lowered loaded
        self._uses: dict[str, list[str]] = {}  # file -> the module files its template holds
        self._forgotten: list[tuple[str, Any]] = []  # forgotten, but inside a kept template
        self.held: set[str] = set()  # the files of those templates (see release)
        self.confinement_for = confinement_for or default_confinement
        self.unsaved = unsaved or {}
        self.read: set[str] = set()

    def load(self, path: Path) -> Any | None:
        """The template of a module file (its `origin` names the file's document), or None for a
        module that reaches itself. Raises ReadRefused for a file that cannot be read."""
        key = os.path.abspath(path)
        if self._lowering:
            self._lowering[-1].append(key)
        if key in self.held:
            self._revive(key)
        if key in self._cache:
            return self._cache[key]
        if key in self._loading:
            return None  # a cycle
        self._loading.add(key)
        self.read.add(key)
        self._lowering.append([])
        try:
            value = self._read(path)
        finally:
            self._loading.discard(key)
            self._uses[key] = self._lowering.pop()
        self._cache[key] = value
        return value

    def lowered(self, path: Path | None, text: str) -> tuple[BicepDocument, CIDict]:
        """The document and template of a Bicep file being linted, shared with its module uses."""
        key = os.path.abspath(path) if path is not None else None
        if key in self.held:
            self._revive(key)
        cached = self._cache.get(key) if key else None
        if cached is not None and cached.origin.doc.text == text:
            return cached.origin.doc, cached
        from armlint.bicep.parser import parse
        from armlint.bicep.lower import lowerer
        from armlint.expr.values import Origin
        doc = BicepDocument(text, parse(text), path)
        if key:
            self._loading.add(key)
        self._lowering.append([])
        try:
            value = lowerer.lower_template(doc, self)
        finally:
            used = self._lowering.pop()
            if key:
                self._loading.discard(key)
        value.origin = Origin(doc, ())
        if key:
            if cached is not None:  # the file's text changed: the old template goes
                self._forgotten.append((key, cached))
            self._cache[key] = value
            self._uses[key] = used
            if cached is not None and self._keep_until is None:
                # no run releases files (an editor, linting each change of a buffer): the old
                # template is freed now unless a kept one holds it, not kept for every change
                self._unlink_unheld()
        return doc, value

    def plan(self, keep_until: dict[str, int] | None) -> None:
        """Keep each file (absolute path) until the run's file at position `keep_until[path]` is
        done, a file not in it only until the current file is done; None keeps every file."""
        self._keep_until = keep_until

    def release(self, position: int) -> list[str]:
        """Forget the files the plan does not keep after the run's file at `position` (called
        between files, never while one is linted); the files forgotten."""
        if self._keep_until is None:
            return []
        keep = self._keep_until
        gone = [key for key in self._cache if keep.get(key, -1) <= position]
        for key in gone:
            self._forgotten.append((key, self._cache.pop(key)))
        if self._forgotten:
            self._unlink_unheld()
        return gone

    def _revive(self, key: str) -> None:
        """Put a forgotten template that a kept one still holds back in the cache (a file lints a
        module's module on its own): the same objects, not a second lowering."""
        self.held.discard(key)
        for i, (k, value) in enumerate(self._forgotten):
            if k == key:
                del self._forgotten[i]
                self._cache[key] = value
                return

    def _unlink_unheld(self) -> None:
        """Free the forgotten templates no kept template holds (as a module, or a module's
        module). A document refers to its template and the template to the document (every
        value's origin): that cycle is cut here, so that reference counting frees the file at
        once. Left to the cyclic collector, it would reach the oldest generation, which a run
        collects rarely (a full collection costs about a microsecond per live object)."""
        held: set[str] = set()
        stack = [m for key in self._cache for m in self._uses.get(key, ())]
        while stack:
            key = stack.pop()
            if key not in held:
                held.add(key)
                stack.extend(self._uses.get(key, ()))
        still = []
        for key, value in self._forgotten:
            if key in held:
                still.append((key, value))
                continue
            if key not in self._cache:
                self._uses.pop(key, None)
            doc = getattr(getattr(value, "origin", None), "doc", None)
            if isinstance(doc, BicepDocument):
                doc.value = None
            if getattr(doc, "memo", None) is not None:
                doc.memo = None  # what rules derived from it refers to it too
        self._forgotten = still
        self.held = {key for key, _ in still}

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
