"""Advocate Console: a desktop console for home-based customer advocates."""

__version__ = "0.1.0"
