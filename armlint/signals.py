"""How the command line ends on SIGINT and SIGTERM.

Owns: the handler `armlint check` runs under. `python -m armlint` installs it before anything else
is imported, so a Ctrl-C while the command line starts (its imports take a good part of a second
on a loaded machine) is exit 130 too, never click's "Aborted!" with exit code 1.
"""
from __future__ import annotations

import signal
import sys

EXIT_SIGNAL = 128  # plus the signal's number: 130 for SIGINT, 143 for SIGTERM


def stop_on_signals() -> None:
    """SIGINT and SIGTERM end the run: the runner stops its workers as the exit unwinds, a
    half-written output is removed, and the exit code says which signal it was."""

    def stop(signum, frame):
        signal.signal(signum, signal.SIG_IGN)  # a second signal must not break the clean-up
        name = "interrupted" if signum == signal.SIGINT else "terminated"
        sys.stderr.write(f"\narmlint: {name}\n")
        raise SystemExit(EXIT_SIGNAL + signum)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def run() -> None:
    """The `armlint` script's entry point: the handlers first, then the (slower) imports, as
    `python -m armlint` does; `armlint check` without click when it can (command.py)."""
    stop_on_signals()
    from .command import fast_main
    fast_main(sys.argv[1:])  # exits when it ran the command
    from .cli import main
    main()
