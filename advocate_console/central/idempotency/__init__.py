"""Idempotency keys: a retried write answers as the first one did and creates nothing."""
