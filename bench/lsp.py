"""Language server latency: from an edit to its diagnostics, for a warm 1,000-line Bicep file.

Starts `python -m armlint server` and talks to it over stdio with pygls's client, as an editor
does: opens the file, warms up with a few edits, then makes `--edits` edits (each waits for the
diagnostics of its own version before the next) and reports the median, 95th percentile and
range of the time from sending `didChange` to receiving `publishDiagnostics` (each edit comes
after the previous one's diagnostics, so the server lints it at once: the debounce applies only
to changes that arrive while a lint runs or waits). `--runs N` repeats the whole measurement in
fresh servers, for the spread on a busy machine.

The file is the AVM Cosmos DB account module (`avm/res/document-db/database-account/main.bicep`,
1,005 lines, with its local modules) from ../shared/corpus; without the corpus, or with
`--generated`, a self-contained 1,000-line Bicep file written by this script.

    python bench/lsp.py [--edits 50] [--runs 3] [--debounce MS] [--generated] [FILE]

Target (issue 14): 95th percentile within 300 ms on a 2-core machine. Measured on this
project's 2-core machine while other engineers ran test suites and benchmarks (load average
3.6-5.5), 50 edits of the AVM file per run after 5 warm-up edits:

| debounce | runs | median per run | p95 per run | range of all edits |
| --- | --- | --- | --- | --- |
| 100 ms (default) | 3 | 183-198 ms | 398-423 ms | 140-641 ms |
| 50 ms | 2 | 127-149 ms | 320-445 ms | 87-543 ms |

With the change linted at once when nothing is being linted (the debounce only for changes that
arrive meanwhile), measured at load average 2.1-2.2 (one test suite running beside it):

| debounce | runs | median per run | p95 per run | range of all edits |
| --- | --- | --- | --- | --- |
| 100 ms (default) | 2 | 45-50 ms | 116-173 ms | 40-264 ms |

The lint itself (in-process, same file, warm) takes a median of 59-67 ms and a p95 of 85-112 ms
on the same loaded machine; the tail over 300 ms comes with the machine's load (the lint thread
waits for a core), so the target was not shown under that load; at load 2 it is met (table above).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

REPO = Path(__file__).resolve().parent.parent
CORPUS_FILE = REPO.parent / "shared" / "corpus" / "avm" / "res" / "document-db" / \
    "database-account" / "main.bicep"


def generated_bicep(lines: int = 1000) -> str:
    """A Bicep file of about `lines` lines: parameters, variables, storage accounts, VMs with
    extensions and outputs, so that most rules have something to look at."""
    out = ["@description('Location of the resources')",
           "param location string = resourceGroup().location",
           "param prefix string = 'bench'", ""]
    i = 0
    while len(out) < lines - 8:
        out += [f"@description('Name of account {i}')",
                f"param name{i} string = '${{prefix}}st{i}'",
                f"var tags{i} = {{ owner: 'team{i}', index: '{i}' }}",
                f"resource st{i} 'Microsoft.Storage/storageAccounts@2023-05-01' = {{",
                f"  name: name{i}", "  location: location", "  kind: 'StorageV2'",
                "  sku: { name: 'Standard_LRS' }", f"  tags: tags{i}", "  properties: {",
                "    minimumTlsVersion: 'TLS1_2'", "    supportsHttpsTrafficOnly: true",
                "    allowBlobPublicAccess: false", "  }", "}",
                f"resource vm{i} 'Microsoft.Compute/virtualMachines@2024-07-01' = {{",
                f"  name: 'vm${{prefix}}{i}'", "  location: location", "  properties: {",
                "    osProfile: {", f"      computerName: 'vm{i}'", "      adminUsername: 'azureuser'",
                "      linuxConfiguration: { provisionVMAgent: true, disablePasswordAuthentication: true }",
                "    }", "  }", "}",
                f"resource ext{i} 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {{",
                f"  parent: vm{i}", "  name: 'AzureMonitorLinuxAgent'", "  location: location",
                "  properties: { publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorLinuxAgent', "
                "typeHandlerVersion: '1.0' }", "}",
                f"output id{i} string = st{i}.id", ""]
        i += 1
    return "\n".join(out) + "\n"


class Bench:
    def __init__(self):
        self.client = LanguageClient("armlint-bench", "1")
        self.arrived: dict[int, float] = {}
        self.event = asyncio.Event()

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diagnostics(params: T.PublishDiagnosticsParams):
            if params.version is not None:
                self.arrived.setdefault(params.version, time.perf_counter())
                self.counts[params.version] = len(params.diagnostics)
            self.event.set()

        self.counts: dict[int, int] = {}

    async def wait_for(self, version: int, timeout: float = 120.0) -> float:
        async def wait():
            while version not in self.arrived:
                self.event.clear()
                await self.event.wait()
            return self.arrived[version]
        return await asyncio.wait_for(wait(), timeout)


async def one_run(path: Path, text: str, edits: int, debounce: int, warmup: int) -> list[float]:
    bench = Bench()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    await bench.client.start_io(sys.executable, "-m", "armlint", "server", env=env,
                                cwd=str(path.parent))
    await bench.client.initialize_async(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=from_fs_path(str(path.parent)),
        initialization_options={"armlint": {"debounce": debounce}}))
    bench.client.initialized(T.InitializedParams())
    uri = from_fs_path(str(path))
    bench.client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id="bicep", version=1, text=text)))
    await bench.wait_for(1)
    last_line = text.count("\n")
    times = []
    for n in range(warmup + edits):
        version = n + 2
        # type a character at the end of the file, then take it away: a new text every time
        if n % 2 == 0:
            change = T.TextDocumentContentChangePartial(
                range=T.Range(start=T.Position(line=last_line, character=0),
                              end=T.Position(line=last_line, character=0)), text="\n")
        else:
            change = T.TextDocumentContentChangePartial(
                range=T.Range(start=T.Position(line=last_line, character=0),
                              end=T.Position(line=last_line + 1, character=0)), text="")
        sent = time.perf_counter()
        bench.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[change]))
        arrived = await bench.wait_for(version)
        if n >= warmup:
            times.append(arrived - sent)
    await bench.client.shutdown_async(None)
    bench.client.exit(None)
    await bench.client.stop()
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="a Bicep file (default: the AVM module)")
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--debounce", type=int, default=100, help="milliseconds (default 100)")
    parser.add_argument("--generated", action="store_true",
                        help="a self-contained 1,000-line Bicep file instead of the AVM module")
    args = parser.parse_args()
    if args.file:
        path = Path(args.file).resolve()
    elif CORPUS_FILE.exists() and not args.generated:
        path = CORPUS_FILE
    else:
        folder = Path(tempfile.mkdtemp(prefix="armlint-bench-lsp-"))
        (folder / ".git").mkdir()
        path = folder / "main.bicep"
        path.write_text(generated_bicep(), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    print(f"{path} ({text.count(chr(10))} lines), {args.edits} edits per run after "
          f"{args.warmup} warm-up edits, debounce {args.debounce} ms")
    p95s = []
    for run in range(args.runs):
        times = asyncio.run(one_run(path, text, args.edits, args.debounce, args.warmup))
        ms = [t * 1000 for t in times]
        p95s.append(percentile(ms, 95))
        print(f"run {run + 1}: median {statistics.median(ms):.0f} ms, p95 {p95s[-1]:.0f} ms, "
              f"min {min(ms):.0f} ms, max {max(ms):.0f} ms")
    if args.runs > 1:
        print(f"p95 over runs: median {statistics.median(p95s):.0f} ms, "
              f"range {min(p95s):.0f}-{max(p95s):.0f} ms")


if __name__ == "__main__":
    main()
