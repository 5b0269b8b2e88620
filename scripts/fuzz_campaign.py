"""The long local fuzz campaign over every kind of input (JSONC, ARM expressions, Bicep syntax,
templates, Bicep and .bicepparam lints, configuration and rule files): the properties of
tests/fuzz/properties.py with inputs from tests/fuzz/strategies.py, in one process.

Unlike the CI tests it does not stop at the first failure: every input is counted (the number
the property really ran, per kind), anything it finds (an exception = a traceback, AL0003 = a rule
crash, a finding outside the file, an input that takes longer than --slow seconds) is recorded
with the input and the campaign goes on. The summary is rewritten after every chunk, so a run cut
short still says what it did.

Usage: python scripts/fuzz_campaign.py [--total 1000000] [--until 08:10] [--out fuzz.json]
(run it at low priority: `nice -n 19 python scripts/fuzz_campaign.py ...`)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from tests.fuzz import properties as P  # noqa: E402
from tests.fuzz import strategies as S  # noqa: E402

# kind -> (inputs per chunk, strategy, property); the chunk sizes weight a round of 10,000
# inputs towards the fast readers.
KINDS = {
    "jsonc": (3000, lambda: st.one_of(st.text(), S.mutated(S.fixtures(".json"), [
        '"', "{", "}", "[", "]", ",", ":", "//", "/*", "*/"])), P.jsonc_reads),
    "bicep-syntax": (2500, lambda: S.bicep_files() | st.text(), P.bicep_parses),
    "expressions": (2000, lambda: S.expressions() | st.text().map(lambda s: "[" + s + "]"),
                    P.expression_parses),
    "templates": (500, S.templates, lambda t: P.lints(t, "fuzz.json")),
    "bicep": (600, S.bicep_files, lambda t: P.lints(t, "fuzz.bicep")),
    "bicepparam": (600, S.bicep_files, lambda t: P.lints(t, "fuzz.bicepparam")),
    "configuration": (400, S.configurations, P.configuration_loads),
    "rule-files": (400, S.rule_texts, P.rule_file_loads),
}


class Slow(Exception):
    """An input that used more than --slow seconds of CPU (raised by the profiling timer: a
    wall-clock alarm fired at nice 19 on a loaded machine for inputs that were merely waiting)."""


def _alarm(signum, frame):
    raise Slow("input took longer than the --slow limit")


def _where(exc: BaseException) -> str:
    """The innermost armlint frame of a traceback: findings are grouped by it."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if "/armlint/" in f.filename] or frames
    last = own[-1] if own else None
    return f"{Path(last.filename).name}:{last.lineno} {last.name}" if last else "?"


class Campaign:
    def __init__(self, out: Path, slow: float, scale: float = 1.0):
        self.out = out
        self.scale = scale
        self.slow = slow
        self.counts = {kind: 0 for kind in KINDS}
        self.seconds = {kind: 0.0 for kind in KINDS}
        self.findings: dict[str, dict] = {}
        self.started = time.time()

    def check(self, kind: str, prop, text: str) -> None:
        self.counts[kind] += 1
        signal.setitimer(signal.ITIMER_PROF, self.slow)
        try:
            prop(text)
        except Exception as exc:  # noqa: BLE001 - everything an input raises is a finding
            signal.setitimer(signal.ITIMER_PROF, 0)
            message = f"{type(exc).__name__}: {str(exc)[:200]}"
            key = f"{kind} | {type(exc).__name__} | {_where(exc)}"
            if isinstance(exc, AssertionError):
                key += " | " + str(exc)[:60]
            entry = self.findings.setdefault(key, {"count": 0, "message": message,
                                                   "examples": []})
            entry["count"] += 1
            if len(entry["examples"]) < 3:
                entry["examples"].append(text[:4000])
                entry.setdefault("traceback", "".join(traceback.format_exception(exc))[-3000:])
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)

    def chunk(self, kind: str) -> None:
        size, strategy, prop = KINDS[kind]
        size = max(1, int(size * self.scale))

        @settings(max_examples=size, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(strategy())
        def run(text):
            self.check(kind, prop, text)

        start = time.process_time()
        run()
        self.seconds[kind] += time.process_time() - start

    def write(self, done: bool) -> None:
        total = sum(self.counts.values())
        wall = time.time() - self.started
        summary = {"done": done, "total": total, "wall_seconds": round(wall),
                   "inputs_per_second": round(total / wall, 1) if wall else 0,
                   "per_kind": {k: {"inputs": self.counts[k],
                                    "cpu_seconds": round(self.seconds[k], 1)} for k in KINDS},
                   "findings": self.findings}
        tmp = self.out.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, indent=1), encoding="utf-8")
        tmp.replace(self.out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=1_000_000)
    parser.add_argument("--until", help="stop after this UTC time (HH:MM)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-campaign.json"))
    parser.add_argument("--slow", type=float, default=20.0, help="CPU seconds per input")
    parser.add_argument("--chunk-scale", type=float, default=1.0,
                        help="scale the inputs per chunk (a quick trial: 0.01)")
    parser.add_argument("--memory-mb", type=int, default=3000,
                        help="address-space limit: a memory bomb is a MemoryError finding")
    args = parser.parse_args()
    deadline = None
    if args.until:
        now = dt.datetime.now(dt.timezone.utc)
        hh, mm = map(int, args.until.split(":"))
        deadline = now.replace(hour=hh, minute=mm, second=0, microsecond=0).timestamp()
    limit = args.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGPROF, _alarm)
    campaign = Campaign(args.out, args.slow, args.chunk_scale)
    # a chunk is the unit of work between summaries; stop when the total is reached or time is up
    while sum(campaign.counts.values()) < args.total:
        for kind in KINDS:
            if deadline and time.time() > deadline:
                break
            campaign.chunk(kind)
            campaign.write(done=False)
        else:
            continue
        break
    campaign.write(done=True)
    total = sum(campaign.counts.values())
    for kind in KINDS:
        print(f"{kind:14} {campaign.counts[kind]:>9,} inputs {campaign.seconds[kind]:8.0f} s cpu")
    print(f"total: {total:,} inputs; {len(campaign.findings)} distinct findings -> {args.out}")
    for key, entry in campaign.findings.items():
        print(f"FOUND {entry['count']}x {key}: {entry['message']}")
    return 1 if campaign.findings else 0


if __name__ == "__main__":
    sys.exit(main())
