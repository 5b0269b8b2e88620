"""`python -m armlint` runs the command line."""
from .cli import main

main()
