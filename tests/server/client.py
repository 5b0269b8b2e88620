"""A language client for the tests: starts `python -m armlint server` and talks LSP over stdio
through pygls's own client, the way an editor does."""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

TIMEOUT = 60.0  # a loaded 2-core machine can be slow; a working server answers in well under 1 s


class Editor:
    """One editor session: open, change, ask for code actions and hovers, apply edits, and
    wait for the diagnostics the server publishes."""

    def __init__(self, root: Path, settings: dict | None = None, cwd: Path | None = None):
        self.root = root
        self.settings = settings
        self.cwd = cwd
        self.client = LanguageClient("armlint-tests", "1")
        self.diagnostics: dict[str, list[T.Diagnostic]] = {}
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.published: dict[str, int] = {}  # uri -> how many times diagnostics came
        self.published_version: dict[str, int | None] = {}
        self.logs: list[str] = []
        self._changed = asyncio.Event()
        self.watch_registered = False

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diagnostics(params: T.PublishDiagnosticsParams):
            self.diagnostics[params.uri] = params.diagnostics
            self.published_version[params.uri] = params.version
            self.published[params.uri] = self.published.get(params.uri, 0) + 1
            self._changed.set()

        @self.client.feature(T.WINDOW_LOG_MESSAGE)
        def _log(params: T.LogMessageParams):
            self.logs.append(params.message)

        @self.client.feature(T.CLIENT_REGISTER_CAPABILITY)
        def _register(params: T.RegistrationParams):
            self.watch_registered = any(r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES
                                        for r in params.registrations)

        @self.client.feature(T.WORKSPACE_CONFIGURATION)
        def _configuration(params: T.ConfigurationParams):
            return [self.settings or {} for _ in params.items]

    async def __aenter__(self) -> "Editor":
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        await self.client.start_io(sys.executable, "-m", "armlint", "server", env=env,
                                   cwd=str(self.cwd or self.root))
        capabilities = T.ClientCapabilities(
            workspace=T.WorkspaceClientCapabilities(
                configuration=True,
                did_change_watched_files=T.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=True)),
            text_document=T.TextDocumentClientCapabilities(
                publish_diagnostics=T.PublishDiagnosticsClientCapabilities(
                    version_support=True, related_information=True)))
        self.initialize_result = await asyncio.wait_for(self.client.initialize_async(
            T.InitializeParams(capabilities=capabilities, root_uri=from_fs_path(str(self.root)),
                               process_id=os.getpid(),
                               initialization_options=self.settings)), TIMEOUT)
        self.client.initialized(T.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        finally:
            await self.client.stop()

    @property
    def server_alive(self) -> bool:
        return self.client._server is not None and self.client._server.returncode is None

    def uri(self, path: Path) -> str:
        return from_fs_path(str(path))

    def open(self, path: Path, text: str | None = None, language: str = "json") -> str:
        uri = self.uri(path)
        text = path.read_text(encoding="utf-8") if text is None else text
        self.versions[uri] = 1
        self.texts[uri] = text
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id=language, version=1,
                                             text=text)))
        return uri

    def change(self, uri: str, edits: list[T.TextEdit] | None = None,
               text: str | None = None) -> None:
        """Send edits (incremental) or a whole new text."""
        self.versions[uri] += 1
        if text is not None:
            changes = [T.TextDocumentContentChangeWholeDocument(text=text)]
            self.texts[uri] = text
        else:
            changes = [T.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
                       for e in edits]
            for e in edits:
                self.texts[uri] = apply(self.texts[uri], [e])
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes))

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(T.DidCloseTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=uri)))

    async def diagnostics_for(self, uri: str, check=lambda ds: True,
                              after: int = 0) -> list[T.Diagnostic]:
        """The diagnostics of `uri` for the text the editor has now (the version published is
        the version sent last), once more than `after` publications came and `check` holds."""
        async def wait():
            while True:
                ds = self.diagnostics.get(uri)
                if ds is not None and self.published.get(uri, 0) > after and check(ds) and \
                        self.published_version.get(uri) == self.versions.get(uri):
                    return ds
                self._changed.clear()
                await self._changed.wait()
        return await asyncio.wait_for(wait(), TIMEOUT)

    async def code_actions(self, uri: str, diagnostic: T.Diagnostic) -> list[T.CodeAction]:
        return await asyncio.wait_for(self.client.text_document_code_action_async(
            T.CodeActionParams(text_document=T.TextDocumentIdentifier(uri=uri),
                               range=diagnostic.range,
                               context=T.CodeActionContext(diagnostics=[diagnostic]))),
            TIMEOUT) or []

    async def hover(self, uri: str, position: T.Position) -> T.Hover | None:
        return await asyncio.wait_for(self.client.text_document_hover_async(T.HoverParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position)), TIMEOUT)

    def apply(self, uri: str, action: T.CodeAction) -> str:
        """Apply a code action's edit to the buffer, as the editor does, and send the change."""
        edits = action.edit.changes[uri]
        new = apply(self.texts[uri], edits)
        self.change(uri, text=new)
        return new


def offset(text: str, position: T.Position) -> int:
    """The offset of an LSP position (UTF-16 code units, the default encoding)."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[:position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= position.character:
            return before + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return before + len(line)


def apply(text: str, edits: list[T.TextEdit]) -> str:
    """Apply LSP text edits (all against the same text, as the protocol says)."""
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def run(coro):
    return asyncio.run(coro)
