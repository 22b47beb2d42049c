"""PyInstaller runtime hook: the frozen app never writes ``__pycache__`` into its own folder.

Alembic imports the store's migration scripts from their ``.py`` files; run as root (a
self-test after install), Python would otherwise leave caches in /opt/advocate-console
that no package manager knows about.
"""

import sys

sys.dont_write_bytecode = True
