"""Keeping score: what advocates achieved, what is broken, who helps, computed in SQL."""
