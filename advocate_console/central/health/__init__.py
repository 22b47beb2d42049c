"""Is the server up."""
