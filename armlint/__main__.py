"""`python -m armlint` runs the command line (signals are handled from the start: signals.py)."""
from .signals import stop_on_signals

stop_on_signals()

from .cli import main  # noqa: E402

main()
