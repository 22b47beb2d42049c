"""Alembic migrations of the central server, applied by ``prepare_database``."""
