"""Releases: the current version of the console on each channel, for the update notice."""
