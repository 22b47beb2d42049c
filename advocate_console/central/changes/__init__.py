"""The change feed: every create and update, in commit order, for clients to sync from."""
