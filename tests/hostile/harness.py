"""Running armlint on hostile input the way CI would, but fenced: a subprocess under a memory
limit (`resource.setrlimit`) and a timeout, so a case that would exhaust the machine or hang
fails its test instead. Every case must end in a located finding (exit 1) or a clear usage error
(exit 2), never a traceback, and nothing from outside the project may appear in any output."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 1536 * 1024 * 1024  # address space: armlint on small hostile input needs far less
TIMEOUT = 60  # seconds (a normal case takes well under one)

# text that only appears if armlint read a file outside the project
SECRET = "ARMLINT_HOSTILE_SECRET_7f3a9c"
LEAKS = ("root:x:0:0", "root:*:", SECRET, "/bin/bash", "/usr/sbin/nologin")


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def output(self) -> str:
        return self.stdout + self.stderr


def armlint(*args: str, cwd: Path, files: tuple = ()) -> Run:
    """`armlint ARGS` in `cwd` under the memory limit and timeout; `files` are outputs to read
    back and check for leaks too. A secret is put in the environment, so that a read of
    /proc/self/environ would show."""
    env = dict(os.environ, ARMLINT_HOSTILE_TOKEN=SECRET,
               XDG_CACHE_HOME=str(cwd.parent / "cache"))
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=_limit,
                          errors="replace")
    run = Run(proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1, 2), run.output()
    written = "".join(Path(cwd, f).read_text(errors="replace") for f in files
                      if Path(cwd, f).exists())
    for leak in LEAKS:
        assert leak not in run.output() + written, f"{leak!r} leaked:\n{run.output()}"
    return run
