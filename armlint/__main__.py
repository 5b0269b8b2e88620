"""`python -m armlint` runs the command line (signals are handled from the start: signals.py;
`armlint check` without click when it can: command.py)."""
import sys

from .signals import stop_on_signals

stop_on_signals()

from .command import fast_main  # noqa: E402

fast_main(sys.argv[1:])  # exits when it ran the command

from .cli import main  # noqa: E402

main()
