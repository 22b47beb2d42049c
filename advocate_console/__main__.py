"""``python -m advocate_console`` runs the desktop app."""

import sys

from advocate_console.app import main

sys.exit(main())
