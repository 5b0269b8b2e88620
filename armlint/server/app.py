"""The pygls language server: LSP requests and notifications in, diagnostics, code actions and
hovers out.

Owns: the protocol wiring and the scheduling. Buffers are linted on open at once; a change is
linted at once too when no lint of that buffer is running or waiting, else after a quiet period
(`armlint.debounce`, 100 ms by default), so typing faster than a lint takes costs one lint per
pause, not one per key. Lints run one at a time in a thread of their own, so the server keeps
reading messages while it lints, and a change that arrives during a lint is linted after it
(only the newest text counts). Untitled buffers (`untitled:` URIs) are linted by their language
(`json`, `jsonc`, `arm-template`, `bicep`, `bicep-params`) as a file of that kind in the
workspace folder. Whatever goes wrong on one file is logged and becomes a diagnostic on that
file; the server goes on.
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import threading
from urllib.parse import unquote
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..source.files import ReadRefused, read_file
from ..source.text import DecodeError, decode
from . import edits
from .protocol import Text, code_action, diagnostic, hover_page, problem, shown
from .session import LINTED, Session, debounce_seconds

log = logging.getLogger("armlint.server")

WATCHED = "**/*.{json,jsonc,bicep,bicepparam,yaml,yml,toml}"
LINT_THREAD_STACK = 256 * 1024 * 1024  # deep input recurses in C too: a roomy stack for the lints
# languageId of an untitled buffer -> the suffix of the file it is linted as
UNTITLED_SUFFIX = {"json": ".json", "jsonc": ".jsonc", "arm-template": ".json", "bicep": ".bicep",
                   "bicep-params": ".bicepparam", "bicepparam": ".bicepparam"}


class ArmlintServer(LanguageServer):
    def __init__(self):
        super().__init__("armlint", __version__,
                         text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.session: Session | None = None
        self.debounce = debounce_seconds(None)
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._dirty: dict[str, None] = {}  # paths to lint, in order
        self._draining = False
        self._executor: ThreadPoolExecutor | None = None
        self.untitled: dict[str, str] = {}  # untitled: URI -> the path it is linted as
        self._uris: dict[str, str] = {}  # and back

    # -- documents --------------------------------------------------------------------------
    def document_path(self, uri: str) -> str | None:
        """The path armlint lints a document as: its file, or an untitled buffer's stand-in."""
        return _path(uri) or self.untitled.get(uri)

    def uri_of(self, path: str) -> str:
        return self._uris.get(path) or from_fs_path(path)

    def open_untitled(self, uri: str, language: str) -> str | None:
        """The path an untitled buffer is linted as: its name with the suffix of its language,
        in the workspace folder (configuration and relative module paths apply from there), never
        the name of a file there or of another open buffer. None for other languages."""
        suffix = UNTITLED_SUFFIX.get((language or "").lower())
        if suffix is None:
            return None
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", unquote(uri[len("untitled:"):])).strip("-.")
        stem = (name[:-len(suffix)] if name.lower().endswith(suffix) else name)[:100] or "untitled"
        path, n = os.path.join(self.session.root, stem + suffix), 1
        while os.path.lexists(path) or path in self.session.buffers:
            n += 1
            path = os.path.join(self.session.root, f"{stem}-{n}{suffix}")
        self.untitled[uri], self._uris[path] = path, uri
        return path

    def close_untitled(self, uri: str) -> None:
        path = self.untitled.pop(uri, None)
        if path is not None:
            self._uris.pop(path, None)

    # -- scheduling -------------------------------------------------------------------------
    def change_delay(self, path: str) -> float:
        """At once when no lint of `path` runs or waits (the first change after a pause);
        otherwise the debounce, restarted by every change."""
        if self._draining or path in self._timers or path in self._dirty:
            return self.debounce
        return 0.0

    def schedule(self, paths, delay: float) -> None:
        loop = asyncio.get_running_loop()
        for path in paths:
            timer = self._timers.pop(path, None)
            if timer is not None:
                timer.cancel()
            if delay <= 0:
                self._ready(path)
            else:
                self._timers[path] = loop.call_later(delay, self._ready, path)

    def _ready(self, path: str) -> None:
        self._timers.pop(path, None)
        self._dirty[path] = None
        if not self._draining:
            self._draining = True
            asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._dirty:
                path = next(iter(self._dirty))
                del self._dirty[path]
                try:
                    outcome = await loop.run_in_executor(self._lint_thread(), self.session.lint,
                                                         path)
                except Exception:  # never reached in practice: Session.lint catches; belt
                    log.exception("linting %s failed", path)
                    continue
                if outcome is not None:
                    self.publish(path, outcome)
        finally:
            self._draining = False

    def _lint_thread(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="armlint-lint")
            previous = threading.stack_size(LINT_THREAD_STACK)
            try:
                self._executor.submit(lambda: None).result()  # the thread starts with that stack
            finally:
                threading.stack_size(previous)
        return self._executor

    def publish(self, path: str, outcome) -> None:
        buffer = self.session.buffers.get(path)
        if buffer is None or buffer.version != outcome.version:
            return  # closed, or changed since: a newer lint is on its way
        text = Text(outcome.text, self.workspace.position_codec)
        text_of = self._text_of if self._related_information() else None
        diagnostics = [diagnostic(f, outcome.rule(f.rule_id), text, text_of)
                       for f in outcome.result.findings
                       if shown(f) and f.location.path == outcome.result.path]
        if outcome.problem:
            diagnostics.insert(0, problem(outcome.problem))
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
            uri=self.uri_of(path), version=outcome.version, diagnostics=diagnostics))

    def _related_information(self) -> bool:
        """Whether the client takes diagnostics with related information."""
        document = getattr(self.client_capabilities, "text_document", None)
        publish = getattr(document, "publish_diagnostics", None)
        return bool(getattr(publish, "related_information", False))

    def _text_of(self, path: str) -> Text | None:
        """Another file's text, for positions in it: the editor's buffer, else the file."""
        buffer = self.session.buffers.get(path)
        if buffer is not None:
            return Text(buffer.text, self.workspace.position_codec)
        try:
            content = decode(read_file(path)).text
        except (OSError, ReadRefused, DecodeError):
            return None
        return Text(content, self.workspace.position_codec)

    # -- settings ---------------------------------------------------------------------------
    def apply_settings(self, settings) -> None:
        settings = settings if isinstance(settings, dict) else {}
        self.debounce = debounce_seconds(settings)
        ignored = self.session.configure(settings)
        if ignored:
            self.window_log_message(T.LogMessageParams(
                type=T.MessageType.Warning,
                message=f"armlint: unknown or invalid settings ignored: {', '.join(ignored)}"))

    async def pull_settings(self) -> bool:
        """Ask for the client's `armlint` settings, where it answers workspace/configuration;
        whether it did."""
        if not getattr(getattr(self.client_capabilities, "workspace", None), "configuration",
                       False):
            return False
        try:
            found = await self.workspace_configuration_async(T.ConfigurationParams(
                items=[T.ConfigurationItem(section="armlint")]))
        except Exception:
            log.exception("workspace/configuration failed")
            return False
        if found and isinstance(found[0], dict):
            self.apply_settings(found[0])
            return True
        return False


server = ArmlintServer()


def _path(uri: str) -> str | None:
    """The file a document URI names, when armlint lints it (file: URIs of linted suffixes)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return os.path.abspath(path) if path and path.lower().endswith(LINTED) else None


@server.feature(T.INITIALIZE)
def initialize(ls: ArmlintServer, params: T.InitializeParams) -> None:
    root = None
    if params.workspace_folders:
        root = to_fs_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        root = to_fs_path(params.root_uri)
    elif params.root_path:
        root = params.root_path
    settings = params.initialization_options
    ls.session = Session(root)
    ls.apply_settings(settings.get("armlint", settings) if isinstance(settings, dict) else None)


@server.feature(T.INITIALIZED)
async def initialized(ls: ArmlintServer, params: T.InitializedParams) -> None:
    watch = getattr(getattr(ls.client_capabilities, "workspace", None),
                    "did_change_watched_files", None)
    if watch is not None and watch.dynamic_registration:
        try:
            await ls.client_register_capability_async(T.RegistrationParams(registrations=[
                T.Registration(id="armlint-watch", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                               register_options=T.DidChangeWatchedFilesRegistrationOptions(
                                   watchers=[T.FileSystemWatcher(glob_pattern=WATCHED)]))]))
        except Exception:
            log.exception("registering the file watcher failed")
    if await ls.pull_settings():
        ls.schedule(list(ls.session.buffers), 0)  # opened before the settings came


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArmlintServer, params: T.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = _path(uri)
    if path is None and uri.startswith("untitled:"):
        path = ls.untitled.get(uri) or ls.open_untitled(uri, params.text_document.language_id)
    if path is None:
        return
    users = ls.session.open(path, params.text_document.text, params.text_document.version)
    ls.schedule([path], 0)
    ls.schedule(users, ls.debounce)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArmlintServer, params: T.DidChangeTextDocumentParams) -> None:
    path = ls.document_path(params.text_document.uri)
    if path is None:
        return
    document = ls.workspace.get_text_document(params.text_document.uri)  # pygls applied the edits
    delay = ls.change_delay(path)
    users = ls.session.open(path, document.source, params.text_document.version)
    ls.schedule([path], delay)
    ls.schedule(users, ls.debounce)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArmlintServer, params: T.DidCloseTextDocumentParams) -> None:
    path = ls.document_path(params.text_document.uri)
    if path is None:
        return
    users = ls.session.close(path)
    ls.close_untitled(params.text_document.uri)
    ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
        uri=params.text_document.uri, diagnostics=[]))
    ls.schedule(users, ls.debounce)


@server.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ArmlintServer,
                                   params: T.DidChangeConfigurationParams) -> None:
    settings = params.settings
    if isinstance(settings, dict) and "armlint" in settings:
        ls.apply_settings(settings["armlint"])
    elif not await ls.pull_settings():
        ls.session.reset()
    ls.schedule(list(ls.session.buffers), 0)


@server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ArmlintServer, params: T.DidChangeWatchedFilesParams) -> None:
    paths = [os.path.abspath(p) for p in (to_fs_path(c.uri) for c in params.changes
                                          if c.uri.startswith("file:")) if p]
    if paths:
        ls.schedule(ls.session.files_changed(paths), ls.debounce)


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
def code_actions(ls: ArmlintServer, params: T.CodeActionParams) -> list[T.CodeAction]:
    found = _findings_at(ls, params.text_document.uri, params.range)
    if found is None:
        return []
    outcome, text, findings = found
    uri = params.text_document.uri
    bicep = edits.is_bicep(ls.document_path(uri) or uri)
    fixes, suppressions = [], []
    for finding in findings:
        rule = outcome.rule(finding.rule_id)
        if rule is None:
            continue
        diag = diagnostic(finding, rule, text)
        span, pointer = finding.location.span, finding.location.pointer
        fix = edits.quick_fix(text.text, text.index, rule, span, pointer, bicep)
        if fix is not None:
            fixes.append(code_action(fix, uri, text, diag, T.CodeActionKind.QuickFix))
        suppressions += [code_action(a, uri, text, diag, T.CodeActionKind.QuickFix)
                         for a in edits.suppressions(text.text, text.index, rule, span, bicep)]
    return fixes + suppressions


@server.feature(T.TEXT_DOCUMENT_HOVER)
def hover(ls: ArmlintServer, params: T.HoverParams) -> T.Hover | None:
    position = T.Range(start=params.position, end=params.position)
    found = _findings_at(ls, params.text_document.uri, position)
    if not found or not found[2]:
        return None
    outcome, _, findings = found
    pages, seen = [], set()
    for finding in findings:
        if finding.rule_id not in seen:
            seen.add(finding.rule_id)
            pages.append(hover_page(outcome.rule(finding.rule_id), finding))
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                            value="\n\n---\n\n".join(pages)))


def _findings_at(ls: ArmlintServer, uri: str, rng: T.Range):
    """(outcome, text, shown findings whose span meets `rng`) from the last lint of the
    document, or None when it has not been linted in its current state."""
    path = ls.document_path(uri)
    buffer = ls.session.buffers.get(path) if path else None
    outcome = buffer.outcome if buffer is not None else None
    if outcome is None or outcome.text != buffer.text:
        return None
    text = Text(outcome.text, ls.workspace.position_codec)
    sl, sc, el, ec = text.span_of(rng)
    findings = [f for f in outcome.result.findings if shown(f) and
                f.location.path == outcome.result.path and
                (f.location.span.start_line, f.location.span.start_col) <= (el, ec) and
                (sl, sc) <= (f.location.span.end_line, f.location.span.end_col)]
    return outcome, text, findings


def run() -> None:
    """Serve over stdio until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="armlint server: %(message)s")
    server.start_io()
