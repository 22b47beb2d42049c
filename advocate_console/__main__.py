"""``python -m advocate_console`` runs the desktop app (and is the installers' entry point)."""

import multiprocessing
import sys

if __name__ == "__main__":  # (not when a worker process imports it, see sync/pages.py)
    # A first sync reads its pages in worker processes, started by "spawn": in a frozen
    # build they run this executable again, and this is where they are told apart.
    multiprocessing.freeze_support()

    from advocate_console.app import main

    sys.exit(main())
