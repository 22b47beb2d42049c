"""``python -m advocate_console.app`` runs the desktop app (as ``python -m
advocate_console`` does)."""

import sys

if __name__ == "__main__":  # (not when a worker process imports it, see sync/pages.py)
    from advocate_console.app import main

    sys.exit(main())
