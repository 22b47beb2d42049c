"""Offline-first sync with the central API: pull the change feed, push the outbox."""

from .pull import PullResult, pull_changes

__all__ = ["PullResult", "pull_changes"]
