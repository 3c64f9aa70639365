"""``python -m oroshi_desktop``."""

import multiprocessing
import sys

from oroshi_desktop.cli import main

if __name__ == "__main__":
    # A frozen build starts the statement render pool's workers (spawn) through this entry point;
    # the guard keeps a spawned worker, which imports this module as ``__mp_main__``, from running the app.
    multiprocessing.freeze_support()
    sys.exit(main())
