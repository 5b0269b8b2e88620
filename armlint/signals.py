"""How the command line ends on SIGINT and SIGTERM.

Owns: the handler `armlint check` runs under. `python -m armlint` installs it before anything else
is imported, so a Ctrl-C while the command line starts (its imports take a good part of a second
on a loaded machine) is exit 130 too, never click's "Aborted!" with exit code 1. It uses the
interpreter's `_signal`, loaded at start-up: the `signal` module imports `enum`, a fifth of the
instructions of a replayed run (issue 12).
"""
from __future__ import annotations

import sys

try:
    import _signal as _sig
except ImportError:  # pragma: no cover - another Python
    import signal as _sig

EXIT_SIGNAL = 128  # plus the signal's number: 130 for SIGINT, 143 for SIGTERM


def stop_on_signals() -> None:
    """SIGINT and SIGTERM end the run: the runner stops its workers as the exit unwinds, a
    half-written output is removed, and the exit code says which signal it was."""

    def stop(signum, frame):
        _sig.signal(signum, _sig.SIG_IGN)  # a second signal must not break the clean-up
        name = "interrupted" if signum == _sig.SIGINT else "terminated"
        sys.stderr.write(f"\narmlint: {name}\n")
        raise SystemExit(EXIT_SIGNAL + signum)
    _sig.signal(_sig.SIGINT, stop)
    _sig.signal(_sig.SIGTERM, stop)


def run() -> None:
    """The `armlint` script's entry point: the handlers first, then the (slower) imports, as
    `python -m armlint` does; `armlint check` without click when it can (command.py), replayed
    when it can (replay.py)."""
    stop_on_signals()
    from .command import fast_main
    fast_main(sys.argv[1:])  # exits when it ran the command
    from .cli import main
    main()
