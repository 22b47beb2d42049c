"""Every version of a record, with who changed it and when, read from the change feed."""
